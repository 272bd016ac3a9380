// SPDX-License-Identifier: MIT
// Automatic graph layouts (spring, circular, device-shaped) that return one drawing position per vertex.
#pragma once

#include "core/run_control.h"
#include "graph/weighted_graph.h"

#include <cstdint>
#include <vector>

namespace engine {

/// A drawing position in layout units (x to the right, y downward). The layouts aim at edges about one unit
/// long, so a view scales them by one factor (pixels per unit).
struct LayoutPoint {
    double x = 0.0;
    double y = 0.0;
    bool operator==(const LayoutPoint&) const = default;
};

/// Up to this many vertices `springLayout` repels every pair (O(n^2) per iteration, a few tenths of a second for
/// 1000 vertices and 200 iterations); above it, only pairs within 2k through a grid (O(n + m) per iteration for
/// graphs of bounded density, but expanders shrink to a denser blob).
constexpr std::size_t EXACT_REPULSION_LIMIT = 2000;

/// Options of `springLayout` (Fruchterman-Reingold).
struct SpringLayoutOptions {
    double idealEdgeLength = 1.0;  ///< k: the distance at which attraction and repulsion of two neighbours balance
    std::size_t iterations = 200;  ///< cooling steps; the step size falls linearly from `initialTemperature` to 0
    double initialTemperature = 0.0;  ///< largest move per iteration in layout units; 0 picks sqrt(n) * k / 4
    std::uint64_t seed = 1;           ///< seeds the random start (std::mt19937_64)
    double minSeparation = 0.4;       ///< after the iterations, vertices closer than this (times k) are pushed
                                      ///< apart (0 turns it off; at most 1)
};

/// Fruchterman-Reingold spring embedding. Vertices start uniformly at random in a square of side sqrt(n) * k and
/// then, per iteration, repel each other with force k^2/d and neighbours attract with d^2/k (edge weights are
/// ignored: the layout shows structure, not weight). Up to EXACT_REPULSION_LIMIT vertices every pair repels;
/// above, FR's grid variant (cells of side 2k, repulsion only within 2k). Coincident vertices are separated in a
/// seeded random direction, and a final pass pushes apart pairs closer than `minSeparation * k`, so vertices drawn
/// smaller than that do not overlap. Deterministic for a given seed. Cost: O(iterations * n^2) up to the limit.
/// Checks `control` once per iteration; on cancel it returns the positions reached so far.
/// Returns: positions[v] for every vertex, centred on the origin. Thread-safety: pure function.
std::vector<LayoutPoint> springLayout(const WeightedGraph& graph, const SpringLayoutOptions& options = {},
                                      RunControl& control = RunControl::none());

/// Vertices on a circle of radius `radius` around the origin, vertex 0 at the top (0, -radius), then clockwise on
/// screen (y downward) at equal angles: vertex i at angle 2 pi i / n. One vertex sits at the top; none gives an empty
/// vector. Throws Error(InvalidArgument) for a radius that is not finite and positive. O(n).
std::vector<LayoutPoint> circularLayout(std::size_t numVertices, double radius = 1.0);

/// The radius `circularLayout` needs so that neighbouring vertices on the circle are `spacing` apart
/// (`spacing` itself for fewer than two vertices).
double circularRadiusForSpacing(std::size_t numVertices, double spacing = 1.0);

/// Device-shaped layout: vertex i goes to device qubit i's drawing position (`devicePositions[i]`, in the device's
/// lattice units, for example DeviceModel::positions). Throws Error(InvalidArgument) naming both counts when the
/// graph has more vertices than the device has positions (including a device without positions). O(n).
std::vector<LayoutPoint> deviceLayout(std::size_t numVertices, const std::vector<LayoutPoint>& devicePositions);

} // namespace engine
