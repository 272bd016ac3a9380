// SPDX-License-Identifier: MIT
// The graph a GNN sees for a QUBO: scale-free node and edge features of its Ising form.
#pragma once

#include "qubo/ising_model.h"
#include "qubo/qubo_model.h"

#include <Eigen/Dense>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace engine {

/// Node features per spin u, in this order (all divided by the rms coefficient, so the graph of c * Q equals the
/// graph of Q for every c > 0):
///   h_u / rms, |h_u| / rms, deg_u / 10, sum_v J_uv / rms / 10, sum_v |J_uv| / rms / 10.
/// There is deliberately no feature of N itself: standardised on N = 10..14 it would be far out of range at
/// N = 20..25; the local features and size-free pooling let the models carry over to larger graphs.
constexpr std::size_t GNN_NODE_FEATURES = 5;
/// Edge features per coupling (u, v): J_uv / rms, |J_uv| / rms.
constexpr std::size_t GNN_EDGE_FEATURES = 2;

/// sqrt((sum_F h_u^2 + sum_C J_uv^2) / (|F| + |C|)) over the non-zero fields F and couplings C (the scale of
/// isingTreeAngles); 0 for a model without non-zero coefficients. O(n + |J|).
double isingRmsCoefficient(const IsingModel& model);

/// A QUBO as a graph with raw (unstandardised) features. Edges are directed: every coupling appears twice,
/// (u, v) and (v, u), so messages flow both ways.
struct GnnGraph {
    std::size_t numNodes = 0;
    Eigen::MatrixXd nodeFeatures;               ///< numNodes x GNN_NODE_FEATURES
    std::vector<std::uint32_t> edgeSource;      ///< directed edge e runs edgeSource[e] -> edgeTarget[e]
    std::vector<std::uint32_t> edgeTarget;
    Eigen::MatrixXd edgeFeatures;               ///< numDirectedEdges x GNN_EDGE_FEATURES
    double rms = 1.0;                           ///< isingRmsCoefficient of the QUBO's Ising form

    std::size_t numEdges() const { return edgeSource.size(); }
};

/// The graph of toIsing(qubo): one node per variable, one pair of directed edges per non-zero coupling.
/// Throws Error(InvalidArgument) for a QUBO without variables or without any non-zero coefficient (no scale).
/// O(n + |J|).
GnnGraph gnnGraphFromQubo(const QuboModel& qubo);

/// Per-feature affine standardisation x -> (x - mean) / scale, fitted on training graphs and stored with a model.
struct GnnFeatureScaling {
    Eigen::VectorXd nodeMean = Eigen::VectorXd::Zero(GNN_NODE_FEATURES);
    Eigen::VectorXd nodeScale = Eigen::VectorXd::Ones(GNN_NODE_FEATURES);
    Eigen::VectorXd edgeMean = Eigen::VectorXd::Zero(GNN_EDGE_FEATURES);
    Eigen::VectorXd edgeScale = Eigen::VectorXd::Ones(GNN_EDGE_FEATURES);

    /// Mean and standard deviation of every feature over all nodes (edges) of `graphs`; a deviation below 1e-8
    /// becomes 1. Throws Error(InvalidArgument) for an empty list.
    static GnnFeatureScaling fit(const std::vector<GnnGraph>& graphs);
    /// `graph` with standardised features.
    GnnGraph apply(const GnnGraph& graph) const;
};

} // namespace engine
