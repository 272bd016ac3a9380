// SPDX-License-Identifier: MIT
// The GINE graph network of the warm-starts paper (appendix A.1) in Eigen: forward pass and exact backpropagation.
#pragma once

#include "gnn/gnn_features.h"

#include <Eigen/Dense>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace engine {

/// Shape of a GnnNetwork.
struct GnnNetworkShape {
    std::size_t nodeFeatures = GNN_NODE_FEATURES;  ///< input width per node
    std::size_t edgeFeatures = GNN_EDGE_FEATURES;  ///< input width per edge
    std::size_t hidden = 32;                       ///< width of every node embedding after the first layer
    std::size_t layers = 2;                        ///< message-passing layers (the paper: p)
    std::size_t outputs = 4;                       ///< readout width (2p)

    bool operator==(const GnnNetworkShape&) const = default;
};

/// A graph isomorphism network with edge features (GINEConv, Hu et al. 2020). Layer l maps node embeddings
/// X (n x d) to
///   m_e  = ReLU(X[src_e] + e_e We_l + be_l)                    (message along directed edge e)
///   Z_v  = (1 + eps_l) X_v + mean_{e: dst_e = v} m_e              (GINE's sum, averaged: stable over p layers)
///   X'_v = ReLU(ReLU(Z_v W1_l + b1_l) W2_l + b2_l)             (the layer's two-layer MLP, then ReLU)
/// After the last layer the node embeddings are pooled to [mean_v X_v, max_v X_v] (2 * hidden), and the readout
/// ReLU(g W3 + b3) W4 + b4 gives the `outputs` numbers. Row-vector convention; all parameters live in one flat
/// vector (column-major blocks in the order We, be, eps, W1, b1, W2, b2 per layer, then W3, b3, W4, b4) so that
/// optimisers and finite-difference checks see one vector. The output is invariant under node relabelling
/// (sums, means and maxima over nodes only). Thread-safety: const methods may run concurrently.
class GnnNetwork {
public:
    GnnNetwork() = default;
    /// Glorot-uniform weights from std::mt19937_64(seed), zero biases and eps. Throws Error(InvalidArgument) for
    /// a zero width or layer count.
    GnnNetwork(const GnnNetworkShape& shape, std::uint64_t seed);

    const GnnNetworkShape& shape() const { return m_shape; }
    std::size_t numParameters() const { return static_cast<std::size_t>(m_parameters.size()); }
    const Eigen::VectorXd& parameters() const { return m_parameters; }
    /// Replaces all parameters; throws Error(InvalidArgument) on a size mismatch or a non-finite value.
    void setParameters(const Eigen::VectorXd& parameters);

    /// The outputs for a graph whose features have the shape's widths (standardised by the caller). Throws
    /// Error(InvalidArgument) for an empty graph or wrong feature widths. O(layers (m d + n d h + n h^2)).
    Eigen::VectorXd forward(const GnnGraph& graph) const;
    /// loss = (out - target)^T W (out - target) / outputs for one graph, W = `weight` (symmetric, outputs x
    /// outputs) or the identity when null (the mean squared error); when `gradient` is not null, d loss /
    /// d parameters is ADDED to it (it must have numParameters() entries), by reverse-mode differentiation
    /// through the layers. Throws Error(InvalidArgument) for wrong target, gradient or weight sizes.
    double lossAndGradient(const GnnGraph& graph, const Eigen::VectorXd& target, Eigen::VectorXd* gradient,
                           const Eigen::MatrixXd* weight = nullptr) const;

private:
    struct LayerOffsets {
        std::size_t in = 0;                                              // input width d
        std::size_t we = 0, be = 0, eps = 0, w1 = 0, b1 = 0, w2 = 0, b2 = 0;  // offsets into m_parameters
    };
    struct Cache;  // forward intermediates for backpropagation

    Eigen::VectorXd run(const GnnGraph& graph, Cache* cache) const;

    GnnNetworkShape m_shape;
    std::vector<LayerOffsets> m_layers;
    std::size_t m_w3 = 0, m_b3 = 0, m_w4 = 0, m_b4 = 0;
    Eigen::VectorXd m_parameters;
};

} // namespace engine
