// SPDX-License-Identifier: MIT
// Training a GNN angle model for one depth: mini-batch Adam, train/validation split, early stopping.
#pragma once

#include "core/run_control.h"
#include "gnn/gnn_angle_model.h"
#include "gnn/gnn_dataset.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace engine {

/// Options of trainGnnAngleModel.
struct GnnTrainingOptions {
    std::size_t depth = 2;              ///< p of the model: labels levels[p - 1], p layers, 2p outputs
    std::size_t hidden = 32;            ///< embedding width
    std::size_t layers = 0;             ///< message-passing layers; 0 = p (the paper's choice)
    std::size_t epochs = 400;           ///< at most this many passes over the training set
    std::size_t batchSize = 16;         ///< graphs per Adam step
    double learningRate = 5e-4;         ///< initial Adam step; halved after patience / 4 epochs without progress
    double validationFraction = 0.15;   ///< share of the samples held out (at least one each side)
    std::size_t patience = 100;         ///< stop after this many epochs without a better validation loss
    std::uint64_t seed = 1;             ///< initial weights, split and batch order
    std::string datasetName;            ///< recorded in the model's metadata
    /// Samples whose label has some |gamma_k rms| above this are left out as outliers: optima in a far period of
    /// the (near-)periodic gamma landscape of integer-like QUBOs (MIS), which a regression would average into
    /// nonsense. Typical optima have |gamma rms| < 1.
    double maxScaledGamma = 1.5;
    /// Labels with some target (gamma_k L or beta_k) more than this many robust standard deviations (1.4826
    /// times the median absolute deviation) from the median of the usable labels are left out as well (0 = keep
    /// all). The optimised angles are heavy-tailed: at p = 4 the most distant 2 % of the labels of random QUBOs
    /// hold 30 to 80 % of each target's variance (optima in other basins), and a squared-error fit spends
    /// itself on them.
    double maxTargetDeviation = 4.0;
    /// The loss: false = the mean squared error of the standardised targets; true = the curvature-aware loss
    /// d^T (S C S + ridge I) d / 2p of the standardised error d, C = arStarCurvature of the sample's label and
    /// S = diag(target scales), i.e. the AR* lost to the error to second order plus a small squared-error term
    /// that keeps flat directions near the labels.
    bool curvatureLoss = true;
    double curvatureRidge = 1e-3;       ///< `ridge` above
    /// Per-graph loss sqrt(q) instead of q (q the loss above): the mean of square roots weighs the typical graphs
    /// more and the worst ones less than the mean of q does, which suits the median that Fig. 4 reports.
    bool rootLoss = true;
    int threads = 1;                    ///< threads for the curvatures (one sample per thread)
};

/// One finished epoch, for progress displays.
struct GnnEpoch {
    std::size_t epoch = 0;              ///< 1-based
    double trainLoss = 0.0;             ///< mean loss (see curvatureLoss) over the training set (during the epoch)
    double validationLoss = 0.0;        ///< the same over the validation set after the epoch
    double learningRate = 0.0;
};

/// Result of trainGnnAngleModel.
struct GnnTrainingResult {
    GnnAngleModel model;                ///< parameters of the best validation epoch
    std::vector<GnnEpoch> history;      ///< every epoch run
    bool cancelled = false;
};

/// Called after every epoch on the training thread.
using GnnEpochCallback = std::function<void(const GnnEpoch& epoch)>;

/// The regression target of `sample` at depth p: (gamma_k L, beta_k), k = 1..p, L the local-field scale of its
/// Ising form (isingLocalFieldScale). Throws
/// Error(InvalidArgument) when the sample has no label at p.
Eigen::VectorXd gnnTrainingTarget(const GnnSample& sample, std::size_t depth);

/// For every target vector, whether each of its components lies within maxDeviation robust standard deviations
/// (1.4826 MAD) of the component's median over `targets`. O(k n) for n vectors of k components.
std::vector<bool> withinRobustDeviation(const std::vector<Eigen::VectorXd>& targets, double maxDeviation);

/// Trains a model on the samples that have a label at options.depth (others are skipped, as are outliers, see
/// maxScaledGamma and maxTargetDeviation; GnnTrainingInfo::trainSamples + validationSamples count those used): features and targets
/// are standardised with statistics of the training part, the network (GnnNetwork, exact gradients) is fitted
/// by Adam on shuffled mini-batches of the mean squared error, and the parameters of the epoch with the lowest
/// validation loss are kept (early stopping). Deterministic for a seed. Progress: epochs of options.epochs;
/// cancel is polled per epoch and returns the best model so far with cancelled = true. Throws
/// Error(InvalidArgument) for fewer than 2 usable samples, a depth outside 1..64, a zero batch size or epoch
/// count, or a validation fraction outside (0, 1).
GnnTrainingResult trainGnnAngleModel(const std::vector<GnnSample>& samples, const GnnTrainingOptions& options,
                                     const GnnEpochCallback& onEpoch = {}, RunControl& control = RunControl::none());

} // namespace engine
