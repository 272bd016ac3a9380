// SPDX-License-Identifier: MIT
// JSON and text renderings of instances, evaluations and solver results for qaoa-cli.
#pragma once

#include "cli_args.h"
#include "core/bits.h"
#include "io/instance_file.h"
#include "lcrp/lcrp_evaluator.h"
#include "solvers/solver_result.h"

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <string>

namespace cli {

/// Writes exactly one JSON value followed by a newline.
void printJson(std::ostream& out, const nlohmann::json& value);

/// Options shared by every command that reads an instance file: --format, --problem, --instance.
std::vector<OptionSpec> instanceFileOptions();
/// Loads the instance named by the first positional, honouring instanceFileOptions().
engine::Instance loadInstanceArg(const ParsedArgs& args);

/// Options shared by commands that encode LCRP instances: --objective, --slack-bits.
std::vector<OptionSpec> lcrpEncodingOptions();
/// instanceFileOptions() + lcrpEncodingOptions() + `more`: the option list of a command that reads an instance.
std::vector<OptionSpec> instanceCommandOptions(const std::vector<OptionSpec>& more);
engine::LcrpEncoderOptions lcrpEncodingFromArgs(const ParsedArgs& args);

/// LCRP evaluation as JSON: assignment (model names, null for non-one-hot rows), cost_usd,
/// quality_satisfaction, valid, feasible, violations {one_hot, quality, latency, context, budget},
/// objective, qubo_energy, random_valid_rate.
nlohmann::json lcrpEvaluationJson(const engine::LcrpInstance& instance, const engine::LcrpEvaluation& evaluation);

/// Graph/QUBO solution as JSON: bitstring (variable 0 first), energy, and cut_value (Max-Cut) or set_size and
/// independent (MIS).
nlohmann::json bitsEvaluationJson(const engine::Instance& instance, const engine::QuboModel& qubo,
                                  const engine::Bits& bits);

/// Text rendering of a bitsEvaluationJson() object: energy, and cut value or set size.
void printBitsEvaluationText(std::ostream& out, const nlohmann::json& evaluation);

/// Text rendering of an LCRP evaluation (one line per task and a summary).
void printLcrpEvaluationText(std::ostream& out, const engine::LcrpInstance& instance,
                             const engine::LcrpEvaluation& evaluation);

} // namespace cli
