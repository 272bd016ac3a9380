// SPDX-License-Identifier: MIT
// Locates the data files the programs ship (device snapshots, trained weights) without Qt.
#pragma once

#include <filesystem>
#include <vector>

namespace engine {

/// The directory holding the shipped resources (it contains backends/<name>/conf_<name>.json, ...). Searched in
/// order: the environment variable QAOA_RESOURCE_DIR; <directory of the running executable>/../share/
/// qaoa-workbench (installed layout); the source tree's resources/ recorded at build time (developer builds).
/// The first that exists and contains backends/ wins. Throws Error(Io) naming every place tried when none does.
std::filesystem::path resourceDirectory();

/// The places resourceDirectory() tries, in its order: QAOA_RESOURCE_DIR only when set and not empty, the
/// installed location only when the executable's path can be read from /proc/self/exe, then the source tree's.
std::vector<std::filesystem::path> resourceDirectoryCandidates();

/// The first of `candidates` that is a directory containing backends/. Throws Error(Io) naming every candidate
/// (where = "QAOA_RESOURCE_DIR", the setting that fixes it) when none qualifies.
std::filesystem::path firstResourceDirectory(const std::vector<std::filesystem::path>& candidates);

} // namespace engine
