// SPDX-License-Identifier: MIT
// `qaoa-cli encode FILE`: QUBO statistics of any instance and export of its QUBO.
#include "cli_app.h"
#include "cli_output.h"

#include "io/instance_file.h"
#include "qubo/ising_model.h"

#include <cmath>
#include <ostream>

namespace cli {

namespace {

void runEncode(const ParsedArgs& args, std::ostream& out)
{
    const engine::Instance instance = loadInstanceArg(args);
    const engine::LcrpEncoderOptions lcrpOptions = lcrpEncodingFromArgs(args);

    engine::QuboModel qubo;
    nlohmann::json stats{{"kind", engine::instanceKindName(instance)}};
    if (const auto* lcrp = std::get_if<engine::LcrpInstance>(&instance)) {
        engine::LcrpEncoding encoding = engine::encodeLcrp(*lcrp, lcrpOptions);
        stats["objective"] = engine::lcrpObjectiveName(lcrpOptions.objective);
        stats["tasks"] = encoding.numTasks;
        stats["models"] = encoding.numModels;
        stats["assignment_variables"] = encoding.numAssignmentVariables();
        stats["slack_variables"] = encoding.numSlackVariables;
        stats["slack_unit_usd"] = encoding.slackUnitUsd;
        stats["budget_in_qubo"] = encoding.budgetInQubo;
        stats["budget_max_error"] = encoding.budgetMaxError;
        qubo = std::move(encoding.qubo);
    } else {
        qubo = engine::instanceQubo(instance, lcrpOptions);
    }

    const engine::IsingModel ising = engine::toIsing(qubo);
    std::size_t linearNonZero = 0;
    for (double a : qubo.linearTerms())
        linearNonZero += a != 0.0;
    std::size_t fieldsNonZero = 0;
    for (double h : ising.h)
        fieldsNonZero += std::abs(h) > 0.0;
    const double n = static_cast<double>(qubo.numVariables());
    stats["variables"] = qubo.numVariables();
    stats["linear_terms"] = linearNonZero;
    stats["quadratic_terms"] = qubo.numQuadraticTerms();
    stats["density"] = n > 1 ? static_cast<double>(qubo.numQuadraticTerms()) / (n * (n - 1) / 2) : 0.0;
    stats["offset"] = qubo.offset();
    stats["max_abs_coefficient"] = qubo.maxAbsCoefficient();
    stats["ising"] = {{"fields", fieldsNonZero}, {"couplings", ising.J.size()}, {"offset", ising.offset}};

    if (args.has("--output")) {
        const std::string path = args.text("--output");
        const engine::FileFormat format =
            engine::fileFormatFromName(args.choice("--output-format", "json", {"json", "mqlib", "bqm"}));
        engine::QuboInstance exported{std::string("QUBO of ") + args.positionals[0], qubo};
        engine::saveInstance(exported, path, format);
        stats["written"] = {{"file", path}, {"format", engine::fileFormatName(format)}};
    }

    if (args.flag("--json")) {
        printJson(out, stats);
        return;
    }
    out << "kind: " << stats["kind"].get<std::string>() << "\n"
        << "variables: " << qubo.numVariables() << "  quadratic terms: " << qubo.numQuadraticTerms()
        << "  density: " << stats["density"].get<double>() << "\n"
        << "offset: " << qubo.offset() << "  max |coefficient|: " << qubo.maxAbsCoefficient() << "\n";
    if (stats.contains("slack_variables"))
        out << "LCRP: " << stats["assignment_variables"] << " assignment + " << stats["slack_variables"]
            << " budget slack variables (slack unit $" << stats["slack_unit_usd"].get<double>()
            << ", max budget error " << stats["budget_max_error"].get<double>() << ")\n";
    if (stats.contains("written"))
        out << "wrote QUBO to " << args.text("--output") << "\n";
}

} // namespace

Command makeEncodeCommand()
{
    Command c;
    c.name = "encode";
    c.summary = "encode an instance as a QUBO: statistics and export";
    c.usage = "Usage: qaoa-cli encode FILE [--objective exact|reference-v2] [--slack-bits K] [-o OUT]\n"
              "                           [--output-format json|mqlib|bqm] [--json]\n\n"
              "Encodes the instance in FILE as a QUBO (minimised) and prints its statistics: variables (LCRP:\n"
              "assignment and budget slack variables), terms, density, offset, the Ising form. With -o the QUBO\n"
              "is written as workbench JSON, an MQLib file (maximisation of the negated QUBO) or D-Wave BQM JSON.";
    c.options = instanceCommandOptions({
        {"--output", "OUT", "write the QUBO to OUT", "-o"},
        {"--output-format", "FMT", "json (default), mqlib or bqm"},
        {"--json", "", "print one JSON object"},
    });
    c.run = runEncode;
    return c;
}

} // namespace cli
