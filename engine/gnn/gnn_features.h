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

/// Node features per spin u, in this order. With h, J the Ising form, rms its rms coefficient
/// (isingRmsCoefficient), L the local-field scale (isingLocalFieldScale), l_u = sqrt(h_u^2 + sum_v J_uv^2) and
/// d_u the degree of u:
///   h_u / L, |h_u| / L, l_u / L, d_u / mean d, 1 / sqrt(1 + d_u), sum_v J_uv / sum_v |J_uv|, h_u / rms.
/// Every feature is unchanged under Q -> c Q (c > 0), and none grows with the number of variables: the models
/// are trained on N = 10..14 and used on N = 20..25 and beyond, so features like the raw degree would leave the
/// range the network was fitted on.
constexpr std::size_t GNN_NODE_FEATURES = 7;
/// Edge features per coupling (u, v): J_uv / rms, |J_uv| / rms, J_uv / L.
constexpr std::size_t GNN_EDGE_FEATURES = 3;

/// sqrt((sum_F h_u^2 + sum_C J_uv^2) / (|F| + |C|)) over the non-zero fields F and couplings C (the scale of
/// isingTreeAngles); 0 for a model without non-zero coefficients. O(n + |J|).
double isingRmsCoefficient(const IsingModel& model);

/// The root-mean-square local field L = sqrt(sum_u (h_u^2 + sum_v J_uv^2) / n): the size of the energy change
/// a spin flip sees. The optimal QAOA gammas of random QUBOs of one kind are close to constant in units of 1 / L
/// across sizes and densities (on the Max-Cut-like training graphs, N = 10..14, the median absolute deviation of
/// gamma_1 at p = 2 is 4 % of its median in units of 1 / L and 18 % in units of 1 / rms), which is why the models
/// predict gamma L. 0 for a model without non-zero coefficients. O(n + |J|).
double isingLocalFieldScale(const IsingModel& model);

/// A QUBO as a graph with raw (unstandardised) features. Edges are directed: every coupling appears twice,
/// (u, v) and (v, u), so messages flow both ways.
struct GnnGraph {
    std::size_t numNodes = 0;
    Eigen::MatrixXd nodeFeatures;               ///< numNodes x GNN_NODE_FEATURES
    std::vector<std::uint32_t> edgeSource;      ///< directed edge e runs edgeSource[e] -> edgeTarget[e]
    std::vector<std::uint32_t> edgeTarget;
    Eigen::MatrixXd edgeFeatures;               ///< numDirectedEdges x GNN_EDGE_FEATURES
    double rms = 1.0;                           ///< isingRmsCoefficient of the QUBO's Ising form
    double angleScale = 1.0;                    ///< isingLocalFieldScale of the QUBO's Ising form

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
