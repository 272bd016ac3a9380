// SPDX-License-Identifier: MIT
// Consensus relabelling: move each training label into the basin the trained model points to, when that basin
// is as good, so that the labels of similar graphs agree.
#pragma once

#include "core/run_control.h"
#include "gnn/gnn_angle_model.h"
#include "gnn/gnn_dataset.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <vector>

namespace engine {

/// Options of relabelTowardsModels.
struct GnnRelabelOptions {
    /// A label is replaced when the new local optimum's AR* is at least the old AR* minus this (0: only when it
    /// is at least as good). The default is a tenth of the Fig. 4 target (0.002).
    double tolerance = 2e-4;
    int maxEvaluations = 200;   ///< L-BFGS evaluations per run
    int threads = 1;            ///< samples in parallel
};

/// What relabelTowardsModels did.
struct GnnRelabelStats {
    std::uint64_t considered = 0;   ///< (sample, depth) pairs with a model
    std::uint64_t replaced = 0;     ///< labels that moved
    double meanArChange = 0.0;      ///< mean AR*(new) - AR*(old) over the replaced labels (>= -tolerance)
    bool cancelled = false;
};

/// Deep QAOA landscapes have many local optima of nearly equal value, and the optimiser chain lands in one of
/// them per graph more or less at random; a regression on such labels predicts an average of basins, which is in
/// none of them. This pass makes the labels consistent: for every sample and every depth p in `models`, one
/// L-BFGS run (refineQaoaAngles) starts from the model's prediction, and its optimum replaces the label when it
/// is no worse than GnnRelabelOptions::tolerance in AR* (labels stay optimised angles of their graph; their
/// AR* can only fall by the tolerance). Retraining on the relabelled set then fits one basin per region of graph
/// space. Samples are independent (one per thread, one simulator thread each); cancel is polled between
/// samples. Progress: samples done. Throws Error(InvalidArgument) for a tolerance below 0 or threads outside
/// 1..1024, and what the simulator throws. Cost: one L-BFGS run per label, O(evaluations p n 2^n).
GnnRelabelStats relabelTowardsModels(std::vector<GnnSample>& samples,
                                     const std::map<std::size_t, GnnAngleModel>& models,
                                     const GnnRelabelOptions& options, RunControl& control = RunControl::none());

} // namespace engine
