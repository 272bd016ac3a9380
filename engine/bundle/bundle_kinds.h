// SPDX-License-Identifier: MIT
// The three bundle kinds: settings and results of a QAOA run, a warm-start pipeline run and a stored job.
#pragma once

#include "bundle/bundle_file.h"
#include "io/instance_file.h"
#include "jobstore/job_store.h"
#include "mitigation/sample_counts.h"
#include "qaoa/qaoa_run.h"
#include "warmstart/warmstart_pipeline.h"

#include <nlohmann/json.hpp>

#include <string>

namespace engine {

/// Bundle kind names (the manifest's "kind").
constexpr const char* BUNDLE_KIND_QAOA_RUN = "qaoa-run";
constexpr const char* BUNDLE_KIND_WARMSTART = "warmstart";
constexpr const char* BUNDLE_KIND_JOB = "job";

/// QaoaRunOptions as bundle settings: every field that changes a number (the callbacks and trackValidRate,
/// which only feed live plots, are left out). Doubles are written with 17 significant digits, so
/// qaoaRunOptionsFromJson gives back the same bits.
nlohmann::json qaoaRunOptionsToJson(const QaoaRunOptions& options);
/// The inverse. Throws Error(InvalidInput, ..., "<where>/<key>") for a missing or ill-typed field or an unknown
/// name.
QaoaRunOptions qaoaRunOptionsFromJson(const nlohmann::json& settings, const std::string& where);
/// The numbers of a QAOA run as bundle results: angles, expectation, energy range, evaluations, exact and
/// sampled metrics (QUBO, Max-Cut, LCRP), sample totals, top states, and {"timing": {"seconds"}} (wall time,
/// never compared). Infinite or NaN values are written as null.
nlohmann::json qaoaRunResultsJson(const QaoaRunResult& result);
/// A "qaoa-run" bundle: instance.json, samples.json (when shots were drawn) and the settings and results above,
/// with "threads" resolved to the count the run used (0 becomes the OpenMP thread count): from 2^14 amplitudes
/// the simulator's sums depend on it. Throws what instanceToJson throws.
Bundle makeQaoaRunBundle(const Instance& instance, const QaoaRunOptions& options, const QaoaRunResult& result);

/// WarmstartPipelineOptions as bundle settings (every field but the callback; the job samples, when given, go
/// to samples.json and settings say "samplesGiven": true).
nlohmann::json warmstartOptionsToJson(const WarmstartPipelineOptions& options);
/// The inverse, without the samples. Throws Error(InvalidInput, ..., "<where>/<key>").
WarmstartPipelineOptions warmstartOptionsFromJson(const nlohmann::json& settings, const std::string& where);
/// The numbers of a pipeline run: angles, parts, optimum and its source, pool size, cap, the Q-factor with
/// R_min of both start types and the interval, each run's first success (null = never), sample totals,
/// the transpilation summary, and "timing" (never compared).
nlohmann::json warmstartResultsJson(const WarmstartPipelineResult& result);
/// A "warmstart" bundle: instance.json, samples.json (raw, mitigated when any, filtered; and the job samples
/// when given), calibration.json for a device backend (the configuration and properties snapshot the local
/// backend was built from), settings (threads resolved as for qaoa-run) and results. Throws Error(Io) when the
/// snapshot cannot be read.
Bundle makeWarmstartBundle(const Instance& instance, const WarmstartPipelineOptions& options,
                           const WarmstartPipelineResult& result);

/// A "job" bundle from a stored job: instance.json, circuits/pub<k>.qasm as submitted, calibration.json (when
/// recorded), job-results.json (the raw provider results), samples.json (the first PUB's "meas" counts when
/// they decode), settings (provider, backend, ids, status, times, usage, parameters) and results (the stored
/// analysis, or analyzeJobRecord when none is stored). Throws Error(InvalidArgument) for a job without results
/// or without an instance.
Bundle makeJobBundle(const JobRecord& record);

/// samples.json content: {"numQubits", "bitOrder": "qiskit", and one object of Qiskit-string counts per name}.
nlohmann::json samplesJson(std::size_t numQubits, const std::vector<std::pair<std::string, const SampleCounts*>>& sets);
/// One named counts object of samples.json as SampleCounts. Throws Error(InvalidInput, ..., "<where>/<name>/...")
/// for a missing object, a key that is not a bitstring of numQubits bits, or a negative or non-finite count.
SampleCounts samplesFromJson(const nlohmann::json& samples, const std::string& name, const std::string& where);

} // namespace engine
