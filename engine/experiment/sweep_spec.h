// SPDX-License-Identifier: MIT
// A parameter sweep: kind, base settings and axes (cartesian product), parsed from JSON, and its points.
#pragma once

#include "core/run_control.h"
#include "experiment/experiment_plan.h"
#include "experiment/sweep_parameters.h"
#include "io/instance_file.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace engine {

/// Largest number of points of one sweep (the product of the axes' lengths) and of axes.
constexpr std::size_t MAX_SWEEP_POINTS = 100'000;
constexpr std::size_t MAX_SWEEP_AXES = 8;

/// How the seed of each point is chosen when "seed" is not an axis.
enum class SweepSeeds {
    PerPoint,  ///< sweepPointSeed(base seed, point index): independent draws, the same for any thread count
    Same,      ///< every point runs with the base seed (common random numbers across the axes)
};
const char* sweepSeedsName(SweepSeeds seeds) noexcept;  ///< "per-point", "same"

/// One axis: a parameter (sweepParameters()) and the values it takes, in order.
struct SweepAxis {
    std::string parameter;
    std::vector<nlohmann::json> values;  ///< numbers, strings or booleans as the parameter accepts
};

/// A sweep. The points are the cartesian product of the axes, the first axis varying slowest (nested loops in
/// the listed order); every point runs with `settings`, then its axis values (an axis overrides a setting).
struct SweepSpec {
    SweepKind kind = SweepKind::Qaoa;
    std::optional<Instance> instance;                       ///< from the JSON "instance"; absent: given by the caller
    nlohmann::json settings = nlohmann::json::object();     ///< parameter name -> value, for every point
    std::vector<SweepAxis> axes;                            ///< at least one
    SweepSeeds seeds = SweepSeeds::PerPoint;
    std::string source;                                     ///< file name prefixed to error places ("" = none)
};

/// Parses a sweep document:
///   {"format": "qaoa-workbench/sweep", "formatVersion": 1,        (both optional)
///    "kind": "qaoa" | "warmstart",
///    "instance": "file.json" | {instance document} | {"generate": {"tasks": N, "models": M, "seed": S, "budget": B}},
///    "settings": {"shots": 1000, ...},  "seeds": "per-point" | "same",
///    "axes": [{"parameter": "p", "values": [1, 2, 3] | "1:3"}, ...]}
/// A relative instance path is read from `baseDirectory`. Checks names, kinds and shapes; values are checked
/// against the instance by validateSweep. Throws Error(InvalidInput) whose where() is "source:/json/pointer"
/// of the bad field, and what loadInstance throws.
SweepSpec parseSweepSpec(const nlohmann::json& document, const std::string& source,
                         const std::string& baseDirectory = {});
/// Reads and parses a sweep file (Error(Io) when unreadable, Error(InvalidInput) for bad JSON).
SweepSpec loadSweepSpec(const std::string& path);

/// Axis values from text: comma-separated items ("1,2,3", "x,xy", "true,false") and numeric ranges
/// "a:b" (step 1) or "a:b:step", both ends included ("1:6", "0.5:2:0.5"). Items that read as numbers become
/// numbers, "true"/"false" booleans, anything else a string. Throws Error(InvalidInput) naming `where` for an
/// empty list, a zero or wrong-signed step, or a range of more than MAX_SWEEP_POINTS values.
std::vector<nlohmann::json> parseAxisValues(const std::string& text, const std::string& where);

/// Number of points (product of the axes' lengths).
std::size_t sweepPointCount(const SweepSpec& spec);
/// The axis values of point `index` (one per axis). Throws Error(InvalidArgument) when index is out of range.
std::vector<nlohmann::json> sweepPointValues(const SweepSpec& spec, std::size_t index);
/// The seed of point `index` derived from `baseSeed` (SplitMix64 of both, kept below 2^53 so JSON and the
/// table's doubles hold it exactly). Pure.
std::uint64_t sweepPointSeed(std::uint64_t baseSeed, std::size_t index);

/// The settings of point `index` on `instance`: defaults, then `settings`, then the axis values, then the seed
/// rule, with engine threads = innerThreads. Throws Error(InvalidInput) naming "source:/settings/<name>" or
/// "source:/axes/<k>/values/<j>" for a value that does not fit.
SweepSettings sweepPointSettings(const SweepSpec& spec, const Instance& instance, std::size_t index,
                                 int innerThreads = 1);
/// Checks every setting and axis value against `instance` once (not every point), with the places of
/// sweepPointSettings. Cost O(values * instance size).
void validateSweep(const SweepSpec& spec, const Instance& instance);

/// The table columns of a sweep: its axes' parameter names, and the metrics of its kind:
/// qaoa: qubits, expectation, approximation_ratio, ar_star, optimum_probability, valid_rate, random_valid_rate,
///       valid_rate_exact, feasible_rate, best_valid_cost_usd, evaluations, seed, seconds;
/// warmstart: variables, q_factor, q_kind, q_low, q_high, rmin_random, rmin_warm, random_successes,
///       warm_successes, pool_size, optimum, random_valid_rate, seed, seconds.
/// valid_rate is the sampled rate (the exact one when shots = 0); LCRP-only columns are empty for other instances.
ExperimentHeader sweepHeader(const SweepSpec& spec);

/// Runs point `index` (runQaoa or runWarmstartPipeline) and returns its row (point and sub are 0; the runner
/// stamps them). Cancelled runs give a Cancelled row. Throws what the engine throws.
ExperimentRow runSweepPoint(const SweepSpec& spec, const Instance& instance, std::size_t index, int innerThreads,
                            RunControl& control = RunControl::none());

/// The sweep as a plan for SweepRunner, on `instance` (or the spec's own when null). Validates first
/// (validateSweep). Throws Error(InvalidInput) when there is no instance or a value does not fit.
ExperimentPlan planSweep(const SweepSpec& spec, const Instance* instance = nullptr, int innerThreads = 1);

} // namespace engine
