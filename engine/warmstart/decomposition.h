// SPDX-License-Identifier: MIT
// Instances larger than the device: METIS parts that fit, per-part samples, recombination with optimal part flips.
#pragma once

#include "core/run_control.h"
#include "mitigation/sample_counts.h"
#include "qubo/qubo_model.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace engine {

/// Most parts recombineSamples flips exactly (up to 2^k flip patterns per shot); above it, a greedy pass.
constexpr std::size_t MAX_EXACT_FLIP_PARTS = 16;

/// How a QUBO's variables are split into parts.
struct DecompositionPlan {
    std::vector<std::vector<std::size_t>> parts;  ///< variables of each part, ascending; every variable in one part
    std::vector<std::size_t> partOf;              ///< part index of each variable
    double cutWeight = 0.0;  ///< sum of |Q_ij| over quadratic terms whose ends lie in different parts
};

/// Splits the variables into k = ceil(n / maxPartSize) parts with METIS (METIS_PartGraphKway on the interaction
/// graph, edge weights |Q_ij| scaled to integers, seed from `seed`), balanced in size and with little coupling
/// weight between parts; since METIS does not guarantee its balance, variables are then moved out of any part
/// above maxPartSize, each time the move that raises the cut weight least. With n <= maxPartSize there is one
/// part. Deterministic for a seed. Throws Error(InvalidArgument) for maxPartSize == 0 or an empty model,
/// Error(SolverFailure) if METIS fails. O(METIS on n vertices and the terms).
DecompositionPlan partitionForDevice(const QuboModel& qubo, std::size_t maxPartSize, std::uint64_t seed = 1);

/// The QUBO of one part: the terms among its variables (renumbered 0..|part|-1 in the part's order), each variable
/// outside the part replaced by its mean 1/2 over uniform bits (its coupling b_ij adds b_ij / 2 to the linear
/// term of i), offset 0. For an encoded Max-Cut this is exactly the Max-Cut of the induced subgraph. Throws
/// Error(InvalidArgument) for an empty part, a repeated variable or one out of range.
QuboModel partQubo(const QuboModel& qubo, const std::vector<std::size_t>& part);

/// Samples of one part (bit j = the part's j-th variable), given its QUBO and index.
using PartSampler = std::function<SampleCounts(const QuboModel& part, std::size_t partIndex)>;

/// Options of recombineSamples.
struct RecombinationOptions {
    std::uint64_t shots = 1000;  ///< full-size samples to build
    bool flipParts = true;       ///< choose each part's flip (all its bits inverted) to minimise the full energy
    std::uint64_t seed = 1;      ///< draws of one sample per part for each shot
};

/// Full-size samples from per-part samples: shot s draws one outcome from each part's distribution (counts /
/// total, independently, from a mt19937_64 seeded with `seed`), places the bits, and (flipParts) chooses the
/// flip of every part that minimises the full QUBO energy: exactly over all 2^k patterns, or 2^(k-1) with the
/// first part fixed when the QUBO is flip-symmetric (E(x) = E(not x), as Max-Cut; then this is the exact Max-Cut
/// of the quotient graph of the parts), when k <= MAX_EXACT_FLIP_PARTS, else by greedy single-part flips until
/// none improves. Throws Error(InvalidArgument) when the number of sample sets differs from the parts, a set is
/// empty or has the wrong width, Error(LimitExceeded) above SAMPLE_COUNTS_MAX_QUBITS variables.
/// O(shots (n + 2^k k + terms)).
SampleCounts recombineSamples(const QuboModel& qubo, const DecompositionPlan& plan,
                              const std::vector<SampleCounts>& partSamples, const RecombinationOptions& options);

/// The whole decomposition: plan, `sampler` on every part in order (progress one step per part, stage "part k";
/// cancel polled between parts, cancelled: an empty result), recombination. Throws as the three parts and
/// whatever `sampler` throws.
SampleCounts sampleByDecomposition(const QuboModel& qubo, std::size_t maxPartSize, const PartSampler& sampler,
                                   const RecombinationOptions& options, RunControl& control = RunControl::none());

} // namespace engine
