// SPDX-License-Identifier: MIT
// GNN training samples (a QUBO with its optimised angles for p = 1..P) and their JSON Lines files.
#pragma once

#include "gnn/angle_label_chain.h"
#include "qubo/qubo_model.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace engine {

/// Version of the sample lines written by gnnSampleJson.
constexpr int GNN_DATASET_FORMAT_VERSION = 1;

/// One labelled instance.
struct GnnSample {
    std::uint64_t index = 0;              ///< position in its data set (specs are drawn per index)
    std::string family;                   ///< gnnQuboFamilyName, or "" for instances from elsewhere
    double edgeProbability = 0.0;         ///< p_E of its G(N, p_E)
    QuboModel qubo;
    double rms = 1.0;                     ///< isingRmsCoefficient of its Ising form
    double minEnergy = 0.0;               ///< exact minimum of f
    double maxEnergy = 0.0;               ///< exact maximum of f
    std::vector<AngleChainLevel> levels;  ///< levels[p - 1]: canonical optimised angles at depth p
};

/// One JSON object (one line of a data set): {"format_version", "index", "family", "edge_probability", "n",
/// "linear": [a_i], "quadratic": [[i, j, b_ij]], "offset", "rms", "min_energy", "max_energy",
/// "labels": [{"p", "gammas", "betas", "expectation", "evaluations"}]}.
nlohmann::json gnnSampleJson(const GnnSample& sample);
/// Inverse of gnnSampleJson. Throws Error(InvalidInput) naming the field for a malformed object or a newer version.
GnnSample gnnSampleFromJson(const nlohmann::json& j);

/// Reads a JSON Lines data set (blank lines skipped), sorted by index. Throws Error(Io) when the file cannot be
/// read and Error(InvalidInput) with "<path>:<line>" for a bad line.
std::vector<GnnSample> readGnnDataset(const std::filesystem::path& path);

/// Appends one sample as one line and flushes (a crash loses at most the line being written). Throws Error(Io).
void appendGnnSample(const std::filesystem::path& path, const GnnSample& sample);

} // namespace engine
