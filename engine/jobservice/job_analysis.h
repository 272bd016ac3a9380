// SPDX-License-Identifier: MIT
// The figures of merit of a finished sampling job, computed from its stored raw results alone (re-analysis).
#pragma once

#include "io/instance_file.h"
#include "jobstore/job_store.h"
#include "lcrp/lcrp_encoder.h"
#include "qaoa/sample_metrics.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>

namespace engine {

/// Largest QUBO whose exact optimum the analysis finds by brute force (2^26 states, about a second); above it
/// the approximation ratio is null and the analysis says why.
constexpr std::size_t ANALYSIS_MAX_EXACT_VARIABLES = 26;
/// Most outcomes listed under "counts" (the most frequent; the raw results keep all of them).
constexpr std::size_t ANALYSIS_MAX_LISTED_COUNTS = 64;

/// The LCRP encoding stored in a job's parameters ("lcrp_encoding": {"objective", "slack_bits"}); the encoder's
/// defaults for what is missing. Throws Error(InvalidInput, "parameters:/lcrp_encoding/...") for bad values.
LcrpEncoderOptions encodingFromParameters(const nlohmann::json& parameters);

/// The samples of the "meas" register of the first PUB of Sampler plain-JSON `results` (bit q = logical variable
/// q), checked to be `numVariables` wide and not empty. Throws Error(InvalidInput, "<where>:/results/...") naming
/// what is missing or wrong. O(samples).
SampleSet measuredSamples(const nlohmann::json& results, std::size_t numVariables,
                          const std::string& where = "results");

/// Analyses Sampler plain-JSON `results` (the "meas" register of the first PUB: bit q = logical variable q) of a
/// QAOA job on `instance`. The document (all keys always present, null where not applicable):
/// - "problem" (lcrp, maxcut, mis, qubo), "num_variables", "shots", "distinct_outcomes";
/// - QUBO energies of the samples: "best_energy", "mean_energy", "best_bitstring" (Qiskit order: variable 0
///   rightmost), "optimum_energy" (brute force when n <= ANALYSIS_MAX_EXACT_VARIABLES, else null),
///   "optimum_probability", "approximation_ratio" (Max-Cut: mean cut / optimal cut; otherwise <E> / E_min when
///   E_min < 0), "exact_note" (why the optimum is missing, else empty);
/// - Max-Cut: "best_cut", "expected_cut", "optimal_cut";
/// - LCRP: "valid_rate", "random_valid_rate" (uniform random bits), "feasible_rate", "best_valid_cost_usd",
///   "best_valid_assignment" (model names), "best_feasible_cost_usd", "decoded_feasible_rate",
///   "decoded_best_cost_usd", "decoded_best_assignment", "decoded_best_feasible";
/// - "counts": [{"bitstring", "count"}] most frequent first (ties: lower index first), at most
///   ANALYSIS_MAX_LISTED_COUNTS, and "counts_truncated".
/// Deterministic: the same inputs give the same document. Throws Error(InvalidInput, "<where>:/...") when the
/// results lack the register or its width differs from the QUBO's variable count. Cost O(samples * n) plus the
/// brute force (O(2^n * degree), multithreaded).
nlohmann::json analyzeSamplerResults(const Instance& instance, const LcrpEncoderOptions& encoding,
                                     const nlohmann::json& results, const std::string& where = "results");

/// analyzeSamplerResults on a stored job: the instance from record.instance, the encoding from
/// record.parameters, the results from record.results. Throws Error(InvalidArgument) when the job has no
/// results yet, and the errors above. Works offline from the store.
nlohmann::json analyzeJobRecord(const JobRecord& record);

} // namespace engine
