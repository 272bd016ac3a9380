// SPDX-License-Identifier: MIT
// A trained GNN for one QAOA depth: network, feature and target scaling, and how it was trained.
#pragma once

#include "gnn/gnn_features.h"
#include "gnn/gnn_network.h"
#include "qaoa/qaoa_angles.h"
#include "qubo/qubo_model.h"

#include <Eigen/Dense>

#include <cstddef>
#include <cstdint>
#include <string>

namespace engine {

/// Training metadata stored with a model (informative; prediction does not use it).
struct GnnTrainingInfo {
    std::string dataset;                ///< data set file name(s)
    std::uint64_t trainSamples = 0;
    std::uint64_t validationSamples = 0;
    std::size_t epochs = 0;             ///< epochs run
    std::size_t bestEpoch = 0;          ///< epoch whose parameters were kept (1-based)
    double trainLoss = 0.0;             ///< mean standardised squared error at bestEpoch
    double validationLoss = 0.0;
    std::string loss;                   ///< "mse", "curvature", "root-mse" or "root-curvature"
    double learningRate = 0.0;          ///< initial Adam step
    std::size_t batchSize = 0;
    std::uint64_t seed = 0;
    double seconds = 0.0;
};

/// Predicts the QAOA angles of depth p for any QUBO. The network's 2p outputs are standardised targets; the
/// model maps them back to (gamma_1 L, .., gamma_p L, beta_1, .., beta_p) and divides the gammas by the
/// local-field scale L of the QUBO's Ising form (isingLocalFieldScale), so the prediction scales with the QUBO
/// (c Q gets gamma / c).
struct GnnAngleModel {
    std::size_t depth = 0;                      ///< p
    GnnNetwork network;                         ///< outputs 2p
    GnnFeatureScaling features;                 ///< applied to gnnGraphFromQubo's raw features
    Eigen::VectorXd targetMean;                 ///< 2p: mean of (gamma L, beta) over the training labels
    Eigen::VectorXd targetScale;                ///< 2p: their standard deviations (>= 1e-6)
    GnnTrainingInfo training;

    /// (gamma_k L, beta_k), k = 1..p, for a raw (unstandardised) graph. Throws what GnnNetwork::forward throws.
    Eigen::VectorXd predictScaled(const GnnGraph& rawGraph) const;
    /// The canonical QAOA angles for `qubo` at depth p (gamma in the QUBO's own units). Throws
    /// Error(InvalidArgument) for a QUBO without variables or non-zero coefficients. O(p (m h + n h^2)).
    QaoaAngles predict(const QuboModel& qubo) const;
};

} // namespace engine
