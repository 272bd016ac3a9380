// SPDX-License-Identifier: MIT
// The shipped GNN models (resources/gnn/gnn-p<p>.json) as the angle predictor of AngleMethod::Gnn.
#pragma once

#include "gnn/gnn_angle_model.h"
#include "qaoa/qaoa_angles.h"
#include "qubo/qubo_model.h"

#include "qaoa/qaoa_run.h"

#include <cstddef>
#include <filesystem>
#include <vector>

namespace engine {

/// Depths the shipped models cover.
constexpr std::size_t MIN_GNN_DEPTH = 2;
constexpr std::size_t MAX_GNN_DEPTH = 6;

/// The file of the depth-p model in `directory`: directory / "gnn-p<p>.json".
std::filesystem::path gnnModelPath(const std::filesystem::path& directory, std::size_t depth);

/// resourceDirectory() / "gnn" (io/resource_directory.h: QAOA_RESOURCE_DIR, the installed share directory or the
/// source tree). Throws Error(Io) as resourceDirectory does.
std::filesystem::path shippedGnnModelDirectory();

/// The shipped model of depth p, loaded on first use and kept for the life of the program (thread-safe).
/// Throws Error(InvalidArgument) for p outside MIN_GNN_DEPTH..MAX_GNN_DEPTH (p = 1 names --params predicted,
/// whose exact p = 1 landscape search needs no model), and Error(Io) / Error(InvalidInput) for a missing or bad
/// file.
const GnnAngleModel& shippedGnnAngleModel(std::size_t depth);

/// shippedGnnAngleModel(depth).predict(qubo): canonical angles for any QUBO (Max-Cut, MIS and LCRP through
/// their QUBOs). Same errors, plus those of GnnAngleModel::predict.
QaoaAngles predictGnnAngles(const QuboModel& qubo, std::size_t depth);

/// A predictor from the models gnn-p<p>.json, p in `depths`, of every directory in `directories`, loaded now:
/// with one directory its model's prediction, with several the mean of their predicted angles (an ensemble; the
/// members share the angle convention, so the mean is taken component by component). Throws
/// Error(InvalidArgument) for no directories or depths, and what loadGnnAngleModel throws. The predictor throws
/// Error(InvalidArgument) for a depth it has no model for.
QuboAnglePredictor gnnPredictorFromDirectories(const std::vector<std::filesystem::path>& directories,
                                               const std::vector<std::size_t>& depths);

/// Installs predictGnnAngles as the predictor of AngleMethod::Gnn (qaoa/qaoa_run.h). Call once at start-up;
/// calling again is harmless.
void installGnnAnglePredictor();

} // namespace engine
