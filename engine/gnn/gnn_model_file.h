// SPDX-License-Identifier: MIT
// GNN angle models as versioned JSON files (weights, scalings, training metadata).
#pragma once

#include "gnn/gnn_angle_model.h"

#include <nlohmann/json_fwd.hpp>

#include <filesystem>

namespace engine {

/// Version written in "format_version", the only one read: 2 = the size-free features and gamma L targets of
/// gnn_features.h (1, the first release, had degree features and gamma rms targets).
constexpr int GNN_MODEL_FORMAT_VERSION = 2;

/// {"format": "qaoa-workbench-gnn", "format_version", "p", "architecture": "gine", "shape": {node_features,
/// edge_features, hidden, layers, outputs}, "outputs": "gamma_k * L (k = 1..p), beta_k (k = 1..p)",
/// "feature_scaling": {node_mean, node_scale, edge_mean, edge_scale}, "target_mean", "target_scale",
/// "parameters": [...], "training": {...}}. Parameters are written with 17 significant digits (exact round trip).
nlohmann::json gnnAngleModelJson(const GnnAngleModel& model);
/// The "training" object of a model file (also what `train-gnn --json` reports per model).
nlohmann::json gnnTrainingInfoJson(const GnnTrainingInfo& training);
/// Inverse of gnnAngleModelJson. Throws Error(InvalidInput) naming the field for a wrong format, a newer
/// version, inconsistent sizes or non-finite numbers.
GnnAngleModel gnnAngleModelFromJson(const nlohmann::json& j);

/// Writes the model atomically (io/atomic_file.h). Throws Error(Io).
void saveGnnAngleModel(const std::filesystem::path& path, const GnnAngleModel& model);
/// Reads a model file. Throws Error(Io) when it cannot be read, Error(InvalidInput) with the path otherwise.
GnnAngleModel loadGnnAngleModel(const std::filesystem::path& path);

} // namespace engine
