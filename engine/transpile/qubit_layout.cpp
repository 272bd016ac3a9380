// SPDX-License-Identifier: MIT
// Initial placements of logical qubits on a device: trivial, Fiedler line, quadratic assignment (FAQ), noise-aware.
#include "transpile/qubit_layout.h"

#include "core/error.h"
#include "transpile/linear_assignment.h"

#include <Eigen/Dense>
#include <Eigen/Sparse>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <string>

namespace engine {
namespace {

constexpr int FREE = -1;
// Sinkhorn balancing of the random restart matrices stops at this row/column-sum deviation.
constexpr double SINKHORN_TOLERANCE = 1e-3;
constexpr int SINKHORN_MAX_ITERATIONS = 1000;

void validateGraph(const InteractionGraph& graph)
{
    for (std::size_t t = 0; t < graph.terms.size(); ++t) {
        const auto [u, v] = graph.terms[t];
        if (u == v || u >= graph.numLogical || v >= graph.numLogical)
            throw Error(ErrorCode::InvalidArgument,
                        "term (" + std::to_string(u) + ", " + std::to_string(v) +
                            ") is a self-loop or names a vertex outside 0.." +
                            std::to_string(graph.numLogical == 0 ? 0 : graph.numLogical - 1),
                        indexedPlace("terms", t));
    }
}

void checkFits(unsigned numLogical, unsigned numQubits)
{
    if (numLogical > numQubits)
        throw Error(ErrorCode::LimitExceeded,
                    std::to_string(numLogical) + " logical qubits do not fit on a " + std::to_string(numQubits) +
                        "-qubit device",
                    "numLogical");
}

// Simple adjacency lists of the interaction graph (repeated terms merged), neighbours ascending.
std::vector<std::vector<unsigned>> simpleAdjacency(const InteractionGraph& graph)
{
    std::vector<std::vector<unsigned>> adjacency(graph.numLogical);
    for (const auto& [u, v] : graph.terms) {
        adjacency[u].push_back(v);
        adjacency[v].push_back(u);
    }
    for (auto& list : adjacency) {
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
    }
    return adjacency;
}

// Connected components, each ascending, ordered by size (largest first) and then by smallest vertex.
std::vector<std::vector<unsigned>> components(const std::vector<std::vector<unsigned>>& adjacency)
{
    const std::size_t n = adjacency.size();
    std::vector<char> seen(n, 0);
    std::vector<std::vector<unsigned>> result;
    for (unsigned s = 0; s < n; ++s) {
        if (seen[s])
            continue;
        std::vector<unsigned> members{s};
        seen[s] = 1;
        for (std::size_t i = 0; i < members.size(); ++i) {
            for (unsigned v : adjacency[members[i]]) {
                if (!seen[v]) {
                    seen[v] = 1;
                    members.push_back(v);
                }
            }
        }
        std::sort(members.begin(), members.end());
        result.push_back(std::move(members));
    }
    std::stable_sort(result.begin(), result.end(),
                     [](const auto& x, const auto& y) { return x.size() > y.size(); });
    return result;
}

// The component's vertices sorted by their Fiedler-vector entries.
std::vector<unsigned> fiedlerOrder(const std::vector<unsigned>& members,
                                   const std::vector<std::vector<unsigned>>& adjacency)
{
    const std::size_t k = members.size();
    if (k <= 2)
        return members;
    std::vector<int> local(adjacency.size(), -1);
    for (std::size_t i = 0; i < k; ++i)
        local[members[i]] = static_cast<int>(i);
    Eigen::MatrixXd laplacian = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(k));
    for (std::size_t i = 0; i < k; ++i) {
        const auto& list = adjacency[members[i]];
        laplacian(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(i)) = static_cast<double>(list.size());
        for (unsigned v : list)
            laplacian(static_cast<Eigen::Index>(i), local[v]) = -1.0;
    }
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(laplacian);
    Eigen::VectorXd f = solver.eigenvectors().col(1);
    // The eigenvector's sign is arbitrary; fix it so the lowest-numbered vertex with a non-zero entry is negative.
    for (Eigen::Index i = 0; i < f.size(); ++i) {
        if (std::abs(f(i)) > 1e-12) {
            if (f(i) > 0)
                f = -f;
            break;
        }
    }
    std::vector<std::size_t> order(k);
    for (std::size_t i = 0; i < k; ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        return f(static_cast<Eigen::Index>(x)) < f(static_cast<Eigen::Index>(y));
    });
    std::vector<unsigned> result(k);
    for (std::size_t i = 0; i < k; ++i)
        result[i] = members[order[i]];
    return result;
}

void checkSimplePath(const std::vector<unsigned>& path, const CouplingGraph& device)
{
    std::vector<char> seen(device.numQubits(), 0);
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (path[i] >= device.numQubits() || seen[path[i]])
            throw Error(ErrorCode::InvalidArgument,
                        "qubit " + std::to_string(path[i]) + " is repeated or not on the device",
                        indexedPlace("path", i));
        seen[path[i]] = 1;
        if (i > 0 && !device.areCoupled(path[i - 1], path[i]))
            throw Error(ErrorCode::InvalidArgument,
                        "qubits " + std::to_string(path[i - 1]) + " and " + std::to_string(path[i]) +
                            " are not coupled",
                        indexedPlace("path", i));
    }
}

// Counts the terms whose endpoints land on coupled qubits.
std::size_t embeddedTerms(const InteractionGraph& graph, const CouplingGraph& device, const QubitLayout& layout)
{
    std::size_t count = 0;
    for (const auto& [u, v] : graph.terms)
        count += device.areCoupled(layout[u], layout[v]) ? 1 : 0;
    return count;
}

double uniform01(std::mt19937_64& rng)
{
    return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

// A random doubly stochastic matrix: uniform entries balanced by Sinkhorn iterations.
Eigen::MatrixXd randomDoublyStochastic(Eigen::Index n, std::mt19937_64& rng)
{
    Eigen::MatrixXd k(n, n);
    for (Eigen::Index i = 0; i < n; ++i) {
        for (Eigen::Index j = 0; j < n; ++j)
            k(i, j) = uniform01(rng) + 1e-12;
    }
    for (int iter = 0; iter < SINKHORN_MAX_ITERATIONS; ++iter) {
        const Eigen::VectorXd rows = k.rowwise().sum();
        k = rows.cwiseInverse().asDiagonal() * k;
        const Eigen::RowVectorXd cols = k.colwise().sum();
        k = k * cols.cwiseInverse().asDiagonal();
        const double rowError = (k.rowwise().sum().array() - 1.0).abs().maxCoeff();
        if (rowError < SINKHORN_TOLERANCE)
            break;
    }
    return k;
}

// The permutation (row -> column) maximising sum_i score(i, perm(i)).
std::vector<unsigned> maximisingAssignment(const Eigen::MatrixXd& score)
{
    const auto n = static_cast<unsigned>(score.rows());
    std::vector<double> cost(std::size_t{n} * n);
    for (unsigned i = 0; i < n; ++i) {
        for (unsigned j = 0; j < n; ++j)
            cost[std::size_t{i} * n + j] = -score(i, j);
    }
    return solveLinearAssignment(cost, n);
}

// The stand-in for missing calibration values: the median of the known ones (0 when none is known).
double medianOr0(std::vector<double> values)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

const char* layoutMethodName(LayoutMethod method) noexcept
{
    switch (method) {
    case LayoutMethod::Trivial: return "trivial";
    case LayoutMethod::Fiedler: return "fiedler";
    case LayoutMethod::Qap: return "qap";
    case LayoutMethod::Noise: return "noise";
    }
    return "trivial";
}

LayoutMethod layoutMethodFromName(const std::string& name)
{
    for (LayoutMethod m : {LayoutMethod::Trivial, LayoutMethod::Fiedler, LayoutMethod::Qap, LayoutMethod::Noise}) {
        if (name == layoutMethodName(m))
            return m;
    }
    throw Error(ErrorCode::InvalidArgument,
                "unknown layout method '" + name + "' (expected trivial, fiedler, qap or noise)", "layout");
}

QubitLayout trivialLayout(unsigned numLogical, const CouplingGraph& device)
{
    checkFits(numLogical, device.numQubits());
    QubitLayout layout(numLogical);
    for (unsigned i = 0; i < numLogical; ++i)
        layout[i] = i;
    return layout;
}

std::vector<unsigned> longSimplePath(const CouplingGraph& device)
{
    const unsigned n = device.numQubits();
    if (n == 0)
        return {};
    // Depth-first search for simple paths with Warnsdorff's order (neighbours with the fewest free neighbours
    // first), keeping the longest path seen. Backtracking lets it skip a dead-end qubit at a row's end (as the
    // heavy-hex snake does); the step budget keeps it within O(n^2).
    std::vector<char> onPath(n, 0);
    std::vector<unsigned> best;
    std::size_t budget = std::min<std::size_t>(std::size_t{n} * n, std::size_t{1} << 22);
    std::vector<std::vector<unsigned>> comps;
    {
        std::vector<std::vector<unsigned>> adjacency(n);
        for (unsigned q = 0; q < n; ++q)
            adjacency[q] = device.neighbours(q);
        comps = components(adjacency);
    }
    auto freeDegree = [&](unsigned q) {
        unsigned count = 0;
        for (unsigned v : device.neighbours(q))
            count += onPath[v] ? 0 : 1;
        return count;
    };
    struct Frame {
        unsigned vertex;
        std::vector<unsigned> order;
        std::size_t next;
    };
    for (const auto& comp : comps) {
        if (comp.size() <= best.size() || budget == 0)
            break;
        unsigned start = comp.front();
        for (unsigned q : comp) {
            if (device.neighbours(q).size() < device.neighbours(start).size())
                start = q;
        }
        std::vector<Frame> stack;
        std::vector<unsigned> path;
        auto enter = [&](unsigned q) {
            onPath[q] = 1;
            path.push_back(q);
            std::vector<unsigned> order;
            for (unsigned v : device.neighbours(q)) {
                if (!onPath[v])
                    order.push_back(v);
            }
            std::vector<unsigned> keys(order.size());
            for (std::size_t i = 0; i < order.size(); ++i)
                keys[i] = freeDegree(order[i]);
            std::vector<std::size_t> idx(order.size());
            for (std::size_t i = 0; i < idx.size(); ++i)
                idx[i] = i;
            std::stable_sort(idx.begin(), idx.end(), [&](std::size_t x, std::size_t y) { return keys[x] < keys[y]; });
            std::vector<unsigned> sorted(order.size());
            for (std::size_t i = 0; i < idx.size(); ++i)
                sorted[i] = order[idx[i]];
            stack.push_back({q, std::move(sorted), 0});
            if (path.size() > best.size())
                best = path;
        };
        enter(start);
        while (!stack.empty() && budget > 0 && best.size() < comp.size()) {
            Frame& top = stack.back();
            while (top.next < top.order.size() && onPath[top.order[top.next]])
                ++top.next;
            if (top.next == top.order.size()) {
                onPath[top.vertex] = 0;
                path.pop_back();
                stack.pop_back();
                continue;
            }
            const unsigned v = top.order[top.next++];
            --budget;
            enter(v);
        }
        for (unsigned q : path)
            onPath[q] = 0;
    }
    return best;
}

QubitLayout fiedlerLayout(const InteractionGraph& graph, const CouplingGraph& device, std::vector<unsigned> path)
{
    validateGraph(graph);
    checkFits(graph.numLogical, device.numQubits());
    if (path.empty())
        path = longSimplePath(device);
    else
        checkSimplePath(path, device);
    if (path.size() < graph.numLogical)
        throw Error(ErrorCode::LimitExceeded,
                    "the path has " + std::to_string(path.size()) + " qubits, fewer than the " +
                        std::to_string(graph.numLogical) + " logical qubits",
                    "path");
    const auto adjacency = simpleAdjacency(graph);
    QubitLayout layout(graph.numLogical);
    std::size_t position = 0;
    for (const auto& comp : components(adjacency)) {
        for (unsigned v : fiedlerOrder(comp, adjacency))
            layout[v] = path[position++];
    }
    return layout;
}

QubitLayout qapLayout(const InteractionGraph& graph, const CouplingGraph& device, const QapOptions& options,
                      RunControl& control)
{
    validateGraph(graph);
    const unsigned n = device.numQubits();
    checkFits(graph.numLogical, n);
    if (!std::isfinite(options.tolerance) || options.tolerance < 0.0)
        throw Error(ErrorCode::InvalidArgument, "the tolerance must be finite and non-negative", "tolerance");
    if (graph.numLogical == 0)
        return {};
    const auto N = static_cast<Eigen::Index>(n);

    // A: the interaction graph padded with isolated vertices to n (repeated terms weigh more); B: the couplers.
    std::vector<Eigen::Triplet<double>> entries;
    for (const auto& [u, v] : graph.terms) {
        entries.emplace_back(u, v, 1.0);
        entries.emplace_back(v, u, 1.0);
    }
    Eigen::SparseMatrix<double> a(N, N);
    a.setFromTriplets(entries.begin(), entries.end());
    entries.clear();
    for (const Coupler& c : device.couplers()) {
        entries.emplace_back(c.a, c.b, 1.0);
        entries.emplace_back(c.b, c.a, 1.0);
    }
    Eigen::SparseMatrix<double> b(N, N);
    b.setFromTriplets(entries.begin(), entries.end());

    std::mt19937_64 rng(options.seed);
    const unsigned restarts = std::max(1u, options.restarts);
    QubitLayout best;
    std::size_t bestScore = 0;
    const Eigen::MatrixXd barycenter = Eigen::MatrixXd::Constant(N, N, 1.0 / static_cast<double>(n));
    bool cancelled = false;
    for (unsigned r = 0; r < restarts && !cancelled; ++r) {
        // Maximise f(P) = trace(A P B P^T) over doubly stochastic P by Frank-Wolfe; A and B are symmetric, so the
        // gradient is 2 A P B and the line search is a 1-D quadratic.
        Eigen::MatrixXd p = r == 0 ? barycenter : Eigen::MatrixXd(0.5 * (barycenter + randomDoublyStochastic(N, rng)));
        for (unsigned iter = 0; iter < options.maxIterations; ++iter) {
            if (control.isCancelled()) {
                cancelled = true;
                break;
            }
            const Eigen::MatrixXd apb = Eigen::MatrixXd(a * p) * b;
            const std::vector<unsigned> q = maximisingAssignment(apb);
            Eigen::MatrixXd d = -p;
            for (Eigen::Index i = 0; i < N; ++i)
                d(i, q[static_cast<std::size_t>(i)]) += 1.0;
            const Eigen::MatrixXd adb = Eigen::MatrixXd(a * d) * b;
            const double quad = (adb.array() * d.array()).sum();
            const double lin = 2.0 * (apb.array() * d.array()).sum();
            double alpha = 0.0;
            if (quad < 0.0)
                alpha = std::clamp(-lin / (2.0 * quad), 0.0, 1.0);
            else
                alpha = (quad + lin > 0.0) ? 1.0 : 0.0;
            const double step = alpha * d.norm();
            p += alpha * d;
            if (step < options.tolerance)
                break;
        }
        const std::vector<unsigned> perm = maximisingAssignment(p);
        QubitLayout layout(perm.begin(), perm.begin() + graph.numLogical);
        const std::size_t score = embeddedTerms(graph, device, layout);
        if (best.empty() || score > bestScore) {
            best = std::move(layout);
            bestScore = score;
        }
        control.reportProgress(r + 1, restarts, "QAP layout");
    }
    return best;
}

QubitLayout noiseAwareLayout(const InteractionGraph& graph, const DeviceModel& device)
{
    validateGraph(graph);
    const CouplingGraph cg = device.couplingGraph(true);
    const unsigned n = cg.numQubits();
    checkFits(graph.numLogical, n);
    if (graph.numLogical == 0)
        return {};

    // Calibration with gaps filled by the median of the known values (uncalibrated devices: all zero).
    std::vector<double> readout(n, std::numeric_limits<double>::quiet_NaN());
    std::vector<double> known;
    for (unsigned q = 0; q < n && q < device.qubits.size(); ++q) {
        if (std::isfinite(device.qubits[q].readoutError)) {
            readout[q] = device.qubits[q].readoutError;
            known.push_back(readout[q]);
        }
    }
    const double readoutDefault = medianOr0(known);
    for (double& r : readout) {
        if (!std::isfinite(r))
            r = readoutDefault;
    }
    const auto& couplers = cg.couplers();
    std::vector<double> couplerError(couplers.size(), std::numeric_limits<double>::quiet_NaN());
    known.clear();
    for (std::size_t e = 0; e < couplers.size(); ++e) {
        const auto err = device.twoQubitError(couplers[e].a, couplers[e].b);
        if (err && std::isfinite(*err)) {
            couplerError[e] = *err;
            known.push_back(*err);
        }
    }
    const double couplerDefault = medianOr0(known);
    for (double& e : couplerError) {
        if (!std::isfinite(e))
            e = couplerDefault;
    }
    auto errorOf = [&](unsigned x, unsigned y) { return couplerError[static_cast<std::size_t>(cg.edgeIndex(x, y))]; };
    // Summed coupler error along the lowest-numbered shortest path plus its hop count.
    auto pathCost = [&](unsigned from, unsigned to) {
        const std::vector<unsigned> path = cg.shortestPath(from, to);
        double cost = static_cast<double>(path.size() - 1);
        for (std::size_t i = 1; i < path.size(); ++i)
            cost += errorOf(path[i - 1], path[i]);
        return cost;
    };
    auto bestIncidentError = [&](unsigned q, const std::vector<int>& owner) {
        double bestError = std::numeric_limits<double>::infinity();
        for (unsigned v : cg.neighbours(q)) {
            if (owner[v] == FREE)
                bestError = std::min(bestError, errorOf(q, v));
        }
        return bestError;
    };

    std::vector<std::vector<unsigned>> neighboursOf(graph.numLogical);  // with repeats: repeated terms weigh more
    for (const auto& [u, v] : graph.terms) {
        neighboursOf[u].push_back(v);
        neighboursOf[v].push_back(u);
    }
    const auto distinctNeighbours = simpleAdjacency(graph);
    QubitLayout layout(graph.numLogical, 0);
    std::vector<char> placed(graph.numLogical, 0);
    std::vector<int> owner(n, FREE);
    std::vector<unsigned> placedNeighbours(graph.numLogical, 0);

    for (unsigned round = 0; round < graph.numLogical; ++round) {
        // Next vertex: most placed neighbours, then highest degree, then lowest index.
        int next = -1;
        for (unsigned v = 0; v < graph.numLogical; ++v) {
            if (placed[v])
                continue;
            if (next < 0) {
                next = static_cast<int>(v);
                continue;
            }
            const auto w = static_cast<unsigned>(next);
            if (placedNeighbours[v] > placedNeighbours[w] ||
                (placedNeighbours[v] == placedNeighbours[w] && neighboursOf[v].size() > neighboursOf[w].size()))
                next = static_cast<int>(v);
        }
        const auto v = static_cast<unsigned>(next);
        const bool hasTerms = !neighboursOf[v].empty();
        unsigned unplaced = 0;
        for (unsigned w : distinctNeighbours[v])
            unplaced += placed[w] ? 0 : 1;
        double bestCost = std::numeric_limits<double>::infinity();
        int bestQubit = -1;
        for (unsigned q = 0; q < n; ++q) {
            if (owner[q] != FREE)
                continue;
            double cost = readout[q];
            if (placedNeighbours[v] > 0) {
                for (unsigned w : neighboursOf[v]) {
                    if (!placed[w])
                        continue;
                    if (cg.distance(q, layout[w]) == UNREACHABLE) {
                        cost = std::numeric_limits<double>::infinity();
                        break;
                    }
                    cost += pathCost(q, layout[w]);
                }
            } else if (hasTerms) {
                // The first vertex of a component: the best free coupler, so its neighbours can follow.
                cost += bestIncidentError(q, owner);
            }
            // Look ahead one step: each neighbour still to come that cannot get a free qubit next to this one
            // will sit at least one hop further away.
            unsigned freeNext = 0;
            for (unsigned w : cg.neighbours(q))
                freeNext += owner[w] == FREE ? 1 : 0;
            cost += unplaced > freeNext ? static_cast<double>(unplaced - freeNext) : 0.0;
            if (cost < bestCost) {
                bestCost = cost;
                bestQubit = static_cast<int>(q);
            }
        }
        if (bestQubit < 0) {
            // Nothing reachable or coupled is free; any free qubit keeps the layout valid (routing reports it).
            for (unsigned q = 0; q < n && bestQubit < 0; ++q) {
                if (owner[q] == FREE)
                    bestQubit = static_cast<int>(q);
            }
        }
        const auto q = static_cast<unsigned>(bestQubit);
        layout[v] = q;
        owner[q] = static_cast<int>(v);
        placed[v] = 1;
        for (unsigned w : neighboursOf[v])
            ++placedNeighbours[w];
    }
    return layout;
}

} // namespace engine
