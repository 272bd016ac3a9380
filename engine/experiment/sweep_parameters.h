// SPDX-License-Identifier: MIT
// The parameters a sweep can set or vary: their names, what they apply to, and how a JSON value sets them.
#pragma once

#include "io/instance_file.h"
#include "qaoa/qaoa_run.h"
#include "warmstart/warmstart_pipeline.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace engine {

/// What each point of a sweep runs.
enum class SweepKind {
    Qaoa,       ///< runQaoa: valid rate beside its random baseline, AR, AR*, P(optimum), ...
    Warmstart,  ///< runWarmstartPipeline: the Q-factor of warm-started tabu search, ...
};
const char* sweepKindName(SweepKind kind) noexcept;  ///< "qaoa", "warmstart"
SweepKind sweepKindFromName(const std::string& name, const std::string& where);  ///< throws Error(InvalidInput)

/// Everything one point runs with: the instance (penalty weights and task count already applied) and the
/// options of both kinds (only the sweep's kind is used).
struct SweepSettings {
    Instance instance;
    QaoaRunOptions qaoa;
    WarmstartPipelineOptions warmstart;
};

/// One supported parameter.
struct SweepParameter {
    const char* name;         ///< JSON name, for example "p", "lambda_q", "backend"
    const char* valueHelp;    ///< accepted values, for example "integer 1..64", "x|xy|xy-ring|..."
    const char* description;  ///< one English line
    bool qaoa;                ///< applies to SweepKind::Qaoa
    bool warmstart;           ///< applies to SweepKind::Warmstart
    bool lcrpOnly;            ///< changes the LCRP instance (penalty weights, budget, task count)
    bool numeric;             ///< its values are numbers (plots use it as an x axis)
    /// Sets the parameter in `settings` from `value`; throws Error(InvalidInput) naming `where` (a JSON pointer)
    /// and the accepted values when `value` does not fit.
    void (*apply)(SweepSettings& settings, const nlohmann::json& value, const std::string& where);
};

/// The table of supported parameters, in display order.
const std::vector<SweepParameter>& sweepParameters();
/// The parameter named `name`, or null.
const SweepParameter* findSweepParameter(std::string_view name);
/// The parameter named `name` if it applies to `kind`; throws Error(InvalidInput) naming `where`, listing the
/// parameters of `kind`, otherwise.
const SweepParameter& sweepParameter(std::string_view name, SweepKind kind, const std::string& where);

/// Sets `parameter` in `settings` from `value` (see SweepParameter::apply); an LCRP-only parameter on another
/// instance kind throws Error(InvalidInput) naming `where`.
void applySweepParameter(const SweepParameter& parameter, SweepSettings& settings, const nlohmann::json& value,
                         const std::string& where);

} // namespace engine
