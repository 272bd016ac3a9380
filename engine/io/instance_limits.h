// SPDX-License-Identifier: MIT
// Size limits applied to counts read from instance files before anything is allocated for them.
#pragma once

#include <cstddef>

namespace engine {

/// Largest vertex or variable count accepted from a file (4,194,304). A header count is the one number that
/// a file can state without backing it with content; beyond this the empty adjacency lists alone would take
/// over 100 MiB, far more than any instance the workbench can solve.
constexpr std::size_t MAX_FILE_VARIABLES = std::size_t{1} << 22;

} // namespace engine
