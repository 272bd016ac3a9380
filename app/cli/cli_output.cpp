// SPDX-License-Identifier: MIT
// JSON and text renderings for qaoa-cli.
#include "cli_output.h"

#include "core/error.h"
#include "graph/graph_problems.h"
#include "lcrp/lcrp_baseline.h"

#include <iomanip>
#include <ostream>

namespace cli {

void printJson(std::ostream& out, const nlohmann::json& value)
{
    out << value.dump(2) << "\n";
}

std::vector<OptionSpec> instanceFileOptions()
{
    return {
        {"--format", "FMT", "input format: auto (default), json, gset, mqlib, orlib"},
        {"--problem", "P", "problem of a bare graph file: maxcut (default) or mis"},
        {"--instance", "K", "instance number in an OR-Library file (1-based, default 1)"},
    };
}

engine::Instance loadInstanceArg(const ParsedArgs& args)
{
    if (args.positionals.empty())
        throw engine::Error(engine::ErrorCode::InvalidArgument, "missing instance FILE argument", "FILE");
    engine::LoadOptions options;
    options.format = engine::fileFormatFromName(args.choice("--format", "auto", {"auto", "json", "gset", "mqlib", "orlib"}));
    options.graphProblem = engine::graphProblemFromName(args.choice("--problem", "maxcut", {"maxcut", "mis"}));
    options.orLibraryIndex = static_cast<std::size_t>(args.integer("--instance", 1, 1, 1000000));
    engine::Instance instance = engine::loadInstance(args.positionals[0], options);
    // An explicit --problem also retargets a JSON graph instance.
    if (auto* graph = std::get_if<engine::GraphInstance>(&instance); graph && args.has("--problem"))
        graph->problem = options.graphProblem;
    return instance;
}

std::vector<OptionSpec> lcrpEncodingOptions()
{
    return {
        {"--objective", "OBJ", "LCRP objective: exact (default; budget via slack bits) or reference-v2"},
        {"--slack-bits", "K", "LCRP budget slack bits, 0..30 (default 6; 0 leaves the budget out of the QUBO)"},
    };
}

std::vector<OptionSpec> instanceCommandOptions(const std::vector<OptionSpec>& more)
{
    std::vector<OptionSpec> options = instanceFileOptions();
    const std::vector<OptionSpec> encoding = lcrpEncodingOptions();
    options.insert(options.end(), encoding.begin(), encoding.end());
    options.insert(options.end(), more.begin(), more.end());
    return options;
}

engine::LcrpEncoderOptions lcrpEncodingFromArgs(const ParsedArgs& args)
{
    engine::LcrpEncoderOptions options;
    options.objective = engine::lcrpObjectiveFromName(args.choice("--objective", "exact", {"exact", "reference-v2"}));
    options.budgetSlackBits = static_cast<int>(args.integer("--slack-bits", 6, 0, 30));
    return options;
}

nlohmann::json lcrpEvaluationJson(const engine::LcrpInstance& instance, const engine::LcrpEvaluation& evaluation)
{
    nlohmann::json assignment = nlohmann::json::array();
    for (int m : evaluation.assignment)
        assignment.push_back(m >= 0 ? nlohmann::json(instance.models[static_cast<std::size_t>(m)].name)
                                    : nlohmann::json(nullptr));
    const engine::LcrpViolations& v = evaluation.violations;
    return {
        {"assignment", assignment},
        {"assignment_indices", evaluation.assignment},
        {"cost_usd", evaluation.costUsd},
        {"budget_usd", instance.budgetUsd},
        {"quality_satisfaction", evaluation.qualitySatisfaction},
        {"valid", evaluation.valid},
        {"feasible", evaluation.feasible},
        {"violations",
         {{"one_hot", v.oneHot}, {"quality", v.quality}, {"latency", v.latency}, {"context", v.context},
          {"budget", v.budget}}},
        {"objective", evaluation.objective},
        {"qubo_energy", evaluation.quboEnergy},
        {"random_valid_rate", engine::uniformRandomValidRate(instance)},
    };
}

nlohmann::json bitsEvaluationJson(const engine::Instance& instance, const engine::QuboModel& qubo,
                                  const engine::Bits& bits)
{
    nlohmann::json j{{"bitstring", engine::bitsToString(bits)}, {"bit_order", "variable 0 first"},
                     {"energy", qubo.energy(bits)}};
    if (const auto* g = std::get_if<engine::GraphInstance>(&instance)) {
        j["problem"] = engine::graphProblemName(g->problem);
        if (g->problem == engine::GraphProblem::MaxCut) {
            j["cut_value"] = engine::cutValue(g->graph, bits);
        } else {
            j["set_size"] = engine::setSize(bits);
            j["independent"] = engine::isIndependentSet(g->graph, bits);
        }
    }
    return j;
}

void printBitsEvaluationText(std::ostream& out, const nlohmann::json& evaluation)
{
    out << "energy: " << evaluation["energy"].get<double>() << "\n";
    if (evaluation.contains("cut_value"))
        out << "cut value: " << evaluation["cut_value"].get<double>() << "\n";
    if (evaluation.contains("set_size"))
        out << "set size: " << evaluation["set_size"].get<std::size_t>()
            << (evaluation["independent"].get<bool>() ? " (independent)" : " (NOT independent)") << "\n";
    out << "bitstring (variable 0 first): " << evaluation["bitstring"].get<std::string>() << "\n";
}

void printLcrpEvaluationText(std::ostream& out, const engine::LcrpInstance& instance,
                             const engine::LcrpEvaluation& evaluation)
{
    for (std::size_t i = 0; i < instance.numTasks(); ++i) {
        const int m = evaluation.assignment[i];
        out << "  " << instance.tasks[i].id << " (complexity " << instance.tasks[i].complexity << ", "
            << instance.tasks[i].tokens << " tokens) -> "
            << (m >= 0 ? instance.models[static_cast<std::size_t>(m)].name : std::string("(not one-hot)")) << "\n";
    }
    const engine::LcrpViolations& v = evaluation.violations;
    out << std::fixed << std::setprecision(4) << "cost: $" << evaluation.costUsd << " of budget $"
        << instance.budgetUsd << "\n"
        << std::setprecision(1) << "quality satisfaction: " << 100.0 * evaluation.qualitySatisfaction << " %\n"
        << "valid (one-hot): " << (evaluation.valid ? "yes" : "no")
        << "   feasible: " << (evaluation.feasible ? "yes" : "no") << "\n"
        << "violations: one-hot " << v.oneHot << ", quality " << v.quality << ", latency " << v.latency
        << ", context " << v.context << ", budget " << v.budget << "\n"
        << std::setprecision(6) << "objective: " << evaluation.objective << "   QUBO energy: "
        << evaluation.quboEnergy << "\n"
        << std::setprecision(4) << "uniform-random valid rate: " << 100.0 * engine::uniformRandomValidRate(instance)
        << " %\n";
    out.unsetf(std::ios::floatfield);
}

} // namespace cli
