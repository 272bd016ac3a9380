// SPDX-License-Identifier: MIT
// Feasibility-first decoding of samples for constrained problems (LCRP one-hot rows, MIS independence).
#pragma once

#include "io/instance_file.h"
#include "lcrp/lcrp_encoder.h"
#include "mitigation/sample_counts.h"

namespace engine {

/// Whether the instance has hard constraints that samples may violate: LCRP (one assignment per task) and MIS
/// (no edge inside the set). Max-Cut and plain QUBO have none.
bool hasHardConstraints(const Instance& instance) noexcept;

/// Whether one outcome (bit q = variable q of instanceQubo(instance, encoding)) satisfies the hard constraints:
/// LCRP: every task row is one-hot; MIS: no edge has both ends set; otherwise always true. O(n + edges).
/// Throws Error(InvalidArgument) when the instance has more than 64 constrained variables (N*M or vertices), which
/// no outcome index can describe.
bool satisfiesHardConstraints(const Instance& instance, const LcrpEncoderOptions& encoding, std::uint64_t index);

/// Maps every sample to a feasible outcome, keeping feasible ones unchanged: LCRP through projectToValid with the
/// marginals of the whole sample (the LCRP paper's 8.2 decoding: each task row picks its most probable allowed
/// tier); MIS by removing, while an edge inside the set remains, the set vertex with the most such edges (ties:
/// the higher vertex index). Counts of outcomes that decode to the same string are added; the total is kept.
/// Instances without hard constraints are returned unchanged. Deterministic. Throws Error(InvalidArgument) when
/// the sample's width differs from the instance's variable count. O(S (n + edges)) for S distinct outcomes.
SampleCounts decodeFeasibleFirst(const Instance& instance, const LcrpEncoderOptions& encoding,
                                 const SampleCounts& samples);

} // namespace engine
