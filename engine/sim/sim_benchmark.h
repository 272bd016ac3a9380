// SPDX-License-Identifier: MIT
// Timings of the statevector fast path (plain memory pass, QAOA layer, diagonal build, sampling) for benchmarks.
#pragma once

#include "sim/state_vector.h"

#include <cstdint>
#include <string>

namespace engine {

/// What runSimBenchmark measured. Times are wall-clock seconds, medians over 5 rounds; each round times a plain
/// pass (best of 2) and then p layers.
struct SimBenchmarkResult {
    unsigned numQubits = 0;                  ///< n
    unsigned layers = 0;                     ///< p of the timed circuit
    int threads = 0;                         ///< threads actually used
    Precision precision = Precision::Double; ///< amplitude precision
    std::string simdLevel;                   ///< kernel table used: "generic", "avx2" or "avx512"
    double passSeconds = 0.0;      ///< one plain read-and-write pass (every amplitude scaled by 1)
    double passGigabytesPerSecond = 0.0;  ///< bytes read plus written by that pass per second, / 1e9
    double layerSeconds = 0.0;     ///< one QAOA layer: p layers from |+>, divided by p
    double layerOverPass = 0.0;    ///< median over the rounds of the round's layer time / its pass time
    double diagonalSeconds = 0.0;  ///< building the energy diagonal once (not included in layerSeconds)
};

/// Times the QAOA fast path on a random 3-regular Max-Cut QUBO (unit weights, graph seed 7) with n qubits:
/// the diagonal build, a plain pass over the state, and p layers of applyQaoaLayer (gamma 0.4, beta 0.3).
/// `threads` = 0 uses all cores. Needs about 1.5 (double) or 0.75 (single) times 2^n * 16 bytes of memory.
/// Throws Error(InvalidArgument) for odd n or n < 4 (no 3-regular graph) or p = 0, Error(LimitExceeded) when
/// the state does not fit. Takes roughly 5 (p + 1) layer times plus the diagonal build.
SimBenchmarkResult runSimBenchmark(unsigned n, unsigned p, int threads, Precision precision);

/// Seconds to sample `shots` basis states from an n-qubit double-precision state (p = 1 QAOA on the same kind
/// of instance as runSimBenchmark) with sampleStateShots (all threads); with `aliasTable`, instead
/// StateVector::probabilities plus sampleShots (alias table and draws). Preparing the state is not timed.
/// Same argument checks and memory limits as runSimBenchmark.
double benchmarkSampling(unsigned n, std::uint64_t shots, bool aliasTable = false);

} // namespace engine
