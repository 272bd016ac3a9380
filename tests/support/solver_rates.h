// SPDX-License-Identifier: MIT
// Throughput of a timed solver run, as the benchmarks print it.
#pragma once

#include "solvers/solver_result.h"

namespace test_support {

/// Millions of iterations (annealing steps or flips, brute-force states) per second of wall time.
inline double millionsPerSecond(const engine::SolverResult& r)
{
    return static_cast<double>(r.iterations) / r.seconds / 1e6;
}

} // namespace test_support
