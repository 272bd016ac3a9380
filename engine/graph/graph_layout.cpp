// SPDX-License-Identifier: MIT
// Spring (Fruchterman-Reingold with a repulsion grid), circular and device-shaped graph layouts.
#include "graph/graph_layout.h"

#include "core/error.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>
#include <string>
#include <utility>

namespace engine {

namespace {

// Below this distance (in units of k) two vertices count as coincident and are pushed apart in a random direction.
constexpr double COINCIDENT = 1e-6;
// Bound on the overlap-removal sweeps after the spring iterations (each sweep is O(n) on sparse layouts).
constexpr int MAX_SEPARATION_SWEEPS = 100;

// Grid cell of a point: cell side is 2k, the repulsion cut-off, so every partner within reach lies in the 3 x 3
// block of cells around a vertex.
std::int64_t cellCoordinate(double value, double cellSize)
{
    return static_cast<std::int64_t>(std::floor(value / cellSize));
}

std::uint64_t cellKey(std::int64_t cx, std::int64_t cy)
{
    return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(cx)) << 32)
           | static_cast<std::uint64_t>(static_cast<std::uint32_t>(cy));
}

// Pushes apart every pair of vertices closer than `minSeparation` (each by half the shortfall, along the line
// joining them; coincident pairs in a random direction), in sweeps over a grid of cell size minSeparation, until
// no pair is too close or MAX_SEPARATION_SWEEPS sweeps ran. Moves are small, so the layout keeps its shape.
void separateVertices(std::vector<LayoutPoint>& pos, double minSeparation, std::mt19937_64& rng)
{
    const std::size_t n = pos.size();
    std::uniform_real_distribution<double> angle(0.0, 2.0 * std::numbers::pi);
    std::vector<std::pair<std::uint64_t, std::uint32_t>> byCell(n);
    std::vector<std::uint64_t> keys(n);
    const double min2 = minSeparation * minSeparation;
    for (int sweep = 0; sweep < MAX_SEPARATION_SWEEPS; ++sweep) {
        for (std::uint32_t v = 0; v < n; ++v)
            byCell[v] = {cellKey(cellCoordinate(pos[v].x, minSeparation), cellCoordinate(pos[v].y, minSeparation)),
                         v};
        std::sort(byCell.begin(), byCell.end());
        for (std::size_t i = 0; i < n; ++i)
            keys[i] = byCell[i].first;
        bool moved = false;
        for (std::uint32_t v = 0; v < n; ++v) {
            const std::int64_t cx = cellCoordinate(pos[v].x, minSeparation);
            const std::int64_t cy = cellCoordinate(pos[v].y, minSeparation);
            for (std::int64_t dx = -1; dx <= 1; ++dx) {
                for (std::int64_t dy = -1; dy <= 1; ++dy) {
                    const auto range = std::equal_range(keys.begin(), keys.end(), cellKey(cx + dx, cy + dy));
                    for (auto at = range.first; at != range.second; ++at) {
                        const std::uint32_t u = byCell[static_cast<std::size_t>(at - keys.begin())].second;
                        if (u <= v)
                            continue;
                        double ddx = pos[v].x - pos[u].x;
                        double ddy = pos[v].y - pos[u].y;
                        const double d2 = ddx * ddx + ddy * ddy;
                        if (d2 >= min2)
                            continue;
                        double d = std::sqrt(d2);
                        if (d < COINCIDENT * minSeparation) {
                            const double a = angle(rng);
                            ddx = std::cos(a);
                            ddy = std::sin(a);
                            d = 1.0;
                        } else {
                            ddx /= d;
                            ddy /= d;
                        }
                        // A little more than half the shortfall each, so the pair ends just outside the limit.
                        const double shift = 0.5 * (minSeparation - std::min(d, minSeparation)) * 1.01;
                        pos[v].x += ddx * shift;
                        pos[v].y += ddy * shift;
                        pos[u].x -= ddx * shift;
                        pos[u].y -= ddy * shift;
                        moved = true;
                    }
                }
            }
        }
        if (!moved)
            return;
    }
}

} // namespace

std::vector<LayoutPoint> springLayout(const WeightedGraph& graph, const SpringLayoutOptions& options,
                                      RunControl& control)
{
    const double k = options.idealEdgeLength;
    if (!std::isfinite(k) || k <= 0.0)
        throw Error(ErrorCode::InvalidArgument, "the ideal edge length must be finite and positive",
                    "idealEdgeLength");
    if (!std::isfinite(options.initialTemperature) || options.initialTemperature < 0.0)
        throw Error(ErrorCode::InvalidArgument, "the initial temperature must be finite and not negative",
                    "initialTemperature");
    if (!std::isfinite(options.minSeparation) || options.minSeparation < 0.0 || options.minSeparation > 1.0)
        throw Error(ErrorCode::InvalidArgument, "the minimum separation must lie in [0, 1] (a fraction of k)",
                    "minSeparation");
    const std::size_t n = graph.numVertices();
    if (n == 0)
        return {};
    if (n == 1)
        return {LayoutPoint{}};

    const double side = std::sqrt(static_cast<double>(n)) * k;
    std::mt19937_64 rng(options.seed);
    std::uniform_real_distribution<double> start(0.0, side);
    std::vector<LayoutPoint> pos(n);
    for (LayoutPoint& p : pos) {
        p.x = start(rng);
        p.y = start(rng);
    }
    std::uniform_real_distribution<double> angle(0.0, 2.0 * std::numbers::pi);

    const double t0 = options.initialTemperature > 0.0 ? options.initialTemperature : side / 4.0;
    const double cell = 2.0 * k;
    const double cutoff2 = cell * cell;
    const double k2 = k * k;
    std::vector<LayoutPoint> disp(n);
    std::vector<std::pair<std::uint64_t, std::uint32_t>> byCell(n);  // (cell key, vertex), sorted by key
    std::vector<std::uint64_t> keys(n);                              // keys of byCell, for binary search
    std::vector<double> xs(n), ys(n);                                // positions as plain arrays (exact path)
    std::vector<double> fx(n, 0.0), fy(n, 0.0);                      // repulsion on the later vertex of a pair
    const std::size_t iterations = options.iterations;
    // Repulsion k^2/d between u and v along the unit vector (ddx, ddy)/d: the components are k^2 * ddx / d^2.
    // The grid path ignores pairs beyond the cut-off; the exact path uses every pair.
    const bool cutOff = n > EXACT_REPULSION_LIMIT;
    auto repel = [&](std::uint32_t v, std::uint32_t u) {
        double ddx = pos[v].x - pos[u].x;
        double ddy = pos[v].y - pos[u].y;
        double d2 = ddx * ddx + ddy * ddy;
        if (cutOff && d2 > cutoff2)
            return;
        if (d2 < COINCIDENT * COINCIDENT * k2) {
            const double a = angle(rng);
            ddx = std::cos(a) * COINCIDENT * k;
            ddy = std::sin(a) * COINCIDENT * k;
            d2 = COINCIDENT * COINCIDENT * k2;
        }
        const double f = k2 / d2;
        disp[v].x += ddx * f;
        disp[v].y += ddy * f;
        disp[u].x -= ddx * f;
        disp[u].y -= ddy * f;
    };

    for (std::size_t it = 0; it < iterations; ++it) {
        if (control.isCancelled())
            break;
        if (it % 16 == 0)
            control.reportProgress(static_cast<double>(it), static_cast<double>(iterations), "spring layout");
        const double temperature = t0 * (1.0 - static_cast<double>(it) / static_cast<double>(iterations));
        std::fill(disp.begin(), disp.end(), LayoutPoint{});

        for (std::uint32_t v = 0; v < n; ++v)
            byCell[v] = {cellKey(cellCoordinate(pos[v].x, cell), cellCoordinate(pos[v].y, cell)), v};
        std::sort(byCell.begin(), byCell.end());
        for (std::size_t i = 0; i < n; ++i)
            keys[i] = byCell[i].first;

        if (n <= EXACT_REPULSION_LIMIT) {
            // Every pair, as in the original algorithm: O(n^2), but the layout keeps its global shape.
            // NOTE: a branch-free inner loop over plain arrays (the compiler vectorises it); the rare coincident
            // pairs are only counted here and then handled by repel(), which draws their random direction.
            for (std::size_t v = 0; v < n; ++v) {
                xs[v] = pos[v].x;
                ys[v] = pos[v].y;
            }
            const double tiny = COINCIDENT * COINCIDENT * k2;
            for (std::uint32_t v = 0; v < n; ++v) {
                const double xv = xs[v];
                const double yv = ys[v];
                double sx = 0.0;
                double sy = 0.0;
                std::size_t close = 0;
                for (std::size_t u = v + 1; u < n; ++u) {
                    const double ddx = xv - xs[u];
                    const double ddy = yv - ys[u];
                    const double d2 = std::max(ddx * ddx + ddy * ddy, tiny);
                    const double f = k2 / d2;
                    close += d2 <= tiny ? 1 : 0;
                    sx += ddx * f;
                    sy += ddy * f;
                    fx[u] -= ddx * f;
                    fy[u] -= ddy * f;
                }
                disp[v].x += sx;
                disp[v].y += sy;
                if (close > 0)
                    for (std::uint32_t u = v + 1; u < n; ++u)
                        if ((xv - xs[u]) * (xv - xs[u]) + (yv - ys[u]) * (yv - ys[u]) <= tiny) {
                            // Undo the loop's contribution for this pair, then push it apart properly.
                            const double ddx = xv - xs[u];
                            const double ddy = yv - ys[u];
                            disp[v].x -= ddx * (k2 / tiny);
                            disp[v].y -= ddy * (k2 / tiny);
                            fx[u] += ddx * (k2 / tiny);
                            fy[u] += ddy * (k2 / tiny);
                            repel(v, u);
                        }
            }
            for (std::size_t u = 0; u < n; ++u) {
                disp[u].x += fx[u];
                disp[u].y += fy[u];
                fx[u] = 0.0;
                fy[u] = 0.0;
            }
        } else {
            for (std::uint32_t v = 0; v < n; ++v)
                byCell[v] = {cellKey(cellCoordinate(pos[v].x, cell), cellCoordinate(pos[v].y, cell)), v};
            std::sort(byCell.begin(), byCell.end());
            for (std::size_t i = 0; i < n; ++i)
                keys[i] = byCell[i].first;
            // Repulsion within the cut-off, each unordered pair once (u > v), from the 3 x 3 cell neighbourhood.
            for (std::uint32_t v = 0; v < n; ++v) {
                const std::int64_t cx = cellCoordinate(pos[v].x, cell);
                const std::int64_t cy = cellCoordinate(pos[v].y, cell);
                for (std::int64_t dx = -1; dx <= 1; ++dx) {
                    for (std::int64_t dy = -1; dy <= 1; ++dy) {
                        const auto range = std::equal_range(keys.begin(), keys.end(), cellKey(cx + dx, cy + dy));
                        for (auto at = range.first; at != range.second; ++at) {
                            const std::uint32_t u = byCell[static_cast<std::size_t>(at - keys.begin())].second;
                            if (u > v)
                                repel(v, u);
                        }
                    }
                }
            }
        }

        // Attraction d^2/k along each edge: components d * ddx / k.
        for (const Edge& e : graph.edges()) {
            const double ddx = pos[e.v].x - pos[e.u].x;
            const double ddy = pos[e.v].y - pos[e.u].y;
            const double d = std::sqrt(ddx * ddx + ddy * ddy);
            const double f = d / k;
            disp[e.u].x += ddx * f;
            disp[e.u].y += ddy * f;
            disp[e.v].x -= ddx * f;
            disp[e.v].y -= ddy * f;
        }

        for (std::size_t v = 0; v < n; ++v) {
            const double len = std::sqrt(disp[v].x * disp[v].x + disp[v].y * disp[v].y);
            if (len > 0.0) {
                const double step = std::min(len, temperature) / len;
                pos[v].x += disp[v].x * step;
                pos[v].y += disp[v].y * step;
            }
        }
    }
    if (options.minSeparation > 0.0)
        separateVertices(pos, options.minSeparation * k, rng);
    control.reportProgress(static_cast<double>(iterations), static_cast<double>(iterations), "spring layout");

    LayoutPoint centre;
    for (const LayoutPoint& p : pos) {
        centre.x += p.x;
        centre.y += p.y;
    }
    centre.x /= static_cast<double>(n);
    centre.y /= static_cast<double>(n);
    for (LayoutPoint& p : pos) {
        p.x -= centre.x;
        p.y -= centre.y;
    }
    return pos;
}

std::vector<LayoutPoint> circularLayout(std::size_t numVertices, double radius)
{
    if (!std::isfinite(radius) || radius <= 0.0)
        throw Error(ErrorCode::InvalidArgument, "the radius must be finite and positive", "radius");
    std::vector<LayoutPoint> pos(numVertices);
    for (std::size_t i = 0; i < numVertices; ++i) {
        const double a = 2.0 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(numVertices);
        pos[i] = LayoutPoint{radius * std::sin(a), -radius * std::cos(a)};
    }
    return pos;
}

double circularRadiusForSpacing(std::size_t numVertices, double spacing)
{
    if (numVertices < 2)
        return spacing;
    // Chord between neighbours: 2 r sin(pi / n) = spacing.
    return spacing / (2.0 * std::sin(std::numbers::pi / static_cast<double>(numVertices)));
}

std::vector<LayoutPoint> deviceLayout(std::size_t numVertices, const std::vector<LayoutPoint>& devicePositions)
{
    if (numVertices > devicePositions.size())
        throw Error(ErrorCode::InvalidArgument,
                    "the graph has " + std::to_string(numVertices) + " vertices but the device only "
                        + std::to_string(devicePositions.size()) + " qubit positions",
                    "device");
    return std::vector<LayoutPoint>(devicePositions.begin(),
                                    devicePositions.begin() + static_cast<std::ptrdiff_t>(numVertices));
}

} // namespace engine
