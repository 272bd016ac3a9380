// SPDX-License-Identifier: MIT
// `qaoa-cli solve FILE --solver ...`: the classical baselines and heuristics on any instance.
#include "cli_app.h"
#include "cli_output.h"

#include "core/error.h"
#include "heuristics/burer_rank2.h"
#include "heuristics/tabu_search.h"
#include "heuristics/vns.h"
#include "io/instance_file.h"
#include "lcrp/lcrp_evaluator.h"
#include "solvers/brute_force.h"
#include "solvers/lcrp_annealer.h"
#include "solvers/lcrp_exact_solver.h"
#include "solvers/lcrp_greedy.h"
#include "solvers/qubo_annealer.h"
#include "solvers/qubo_exact_solver.h"

#include <chrono>
#include <optional>
#include <ostream>
#include <thread>
#include <variant>

namespace cli {

namespace {

using engine::Error;
using engine::ErrorCode;

engine::SolverResult solveLcrp(const engine::LcrpInstance& instance, const std::string& solver,
                               const ParsedArgs& args, engine::LcrpObjectiveKind objective)
{
    if (solver == "greedy")
        return engine::solveLcrpGreedy(instance, engine::GreedyVariant::Paper, objective);
    if (solver == "greedy-budget")
        return engine::solveLcrpGreedy(instance, engine::GreedyVariant::BudgetAware, objective);
    if (solver == "sa") {
        engine::LcrpAnnealingOptions options;
        options.steps = args.unsignedInteger("--steps", 2000);
        options.initialTemperature = args.number("--t0", 50.0, 1e-12, 1e12);
        options.finalTemperature = args.number("--t1", 0.1, 1e-12, 1e12);
        options.seed = args.unsignedInteger("--seed", 1);
        options.restarts = static_cast<int>(args.integer("--restarts", 1, 1, 1000000));
        options.greedyStart = args.flag("--greedy-start");
        options.objective = objective;
        return engine::solveLcrpAnnealing(instance, options);
    }
    if (solver == "brute")
        return engine::solveLcrpBruteForce(instance, objective);
    engine::LcrpExactOptions options;
    options.budget = args.choice("--budget-mode", "hard", {"hard", "soft"}) == "hard" ? engine::BudgetMode::Hard
                                                                                     : engine::BudgetMode::Soft;
    options.hardPairConstraints = !args.flag("--soft-constraints");
    options.objective = objective;
    options.timeLimitSeconds = args.number("--time-limit", 60.0, 1e-3, 1e7);
    return engine::solveLcrpExact(instance, options);
}

engine::SolverResult solveQubo(const engine::QuboModel& qubo, const std::string& solver, const ParsedArgs& args)
{
    if (solver == "sa") {
        engine::QuboAnnealingOptions options;
        options.sweeps = args.unsignedInteger("--sweeps", 1000);
        options.initialTemperature = args.number("--t0", 0.0, 0.0, 1e12);
        options.finalTemperature = args.number("--t1", 0.0, 0.0, 1e12);
        options.seed = args.unsignedInteger("--seed", 1);
        options.restarts = static_cast<int>(args.integer("--restarts", 1, 1, 1000000));
        return engine::solveQuboAnnealing(qubo, options);
    }
    if (solver == "brute")
        return engine::solveQuboBruteForce(qubo, static_cast<int>(args.integer("--threads", 0, 0, 1024)));
    if (solver == "exact") {
        engine::QuboExactOptions options;
        options.timeLimitSeconds = args.number("--time-limit", 60.0, 1e-3, 1e7);
        return engine::solveQuboExact(qubo, options);
    }
    throw Error(ErrorCode::InvalidArgument,
                "solver '" + solver + "' needs an LCRP instance; graph and QUBO instances take sa, brute, exact, "
                "tabu, vns or burer",
                "--solver");
}

constexpr double DEFAULT_HEURISTIC_SECONDS = 10.0;

// Tabu search (MQLib's PalubeckisMST1 with the indexed move selection) or VNS with path relinking, from random
// starts until the time limit or the target energy.
engine::HeuristicResult runHeuristic(const engine::Instance& instance, const engine::QuboModel& qubo,
                                     const std::string& solver, const ParsedArgs& args)
{
    const double seconds = args.number("--time-limit", DEFAULT_HEURISTIC_SECONDS, 1e-3, 1e7);
    const std::uint64_t seed = args.unsignedInteger("--seed", 1);
    std::optional<double> target;
    if (args.has("--target"))
        target = args.number("--target", 0.0, -1e300, 1e300);
    if (solver == "tabu") {
        engine::MultistartTabuOptions options;
        options.threads = static_cast<int>(args.integer("--threads", 1, 0, 1024));
        options.search.timeLimitSeconds = seconds;
        options.search.seed = seed;
        options.search.targetEnergy = target;
        options.search.recordTrace = false;
        return engine::runMultistartTabu(qubo, engine::StartSource(qubo.numVariables()), options);
    }
    const auto* graph = std::get_if<engine::GraphInstance>(&instance);
    if (!graph || graph->problem != engine::GraphProblem::MaxCut)
        throw Error(ErrorCode::InvalidArgument,
                    solver + " solves Max-Cut graph instances only; use tabu for QUBOs and MIS", "--solver");
    if (args.integer("--threads", 1, 0, 1024) != 1)
        throw Error(ErrorCode::InvalidArgument, solver + " runs on one thread", "--threads");
    if (solver == "burer") {
        engine::BurerOptions options;
        options.timeLimitSeconds = seconds;
        options.seed = seed;
        if (target)
            options.targetCut = -*target;
        options.recordTrace = false;
        return engine::runBurerRank2(graph->graph, engine::StartSource(graph->graph.numVertices()), options);
    }
    engine::VnsOptions options;
    options.timeLimitSeconds = seconds;
    options.seed = seed;
    if (target)
        options.targetCut = -*target;  // energy = -cut
    options.recordTrace = false;
    return engine::runVnsPathRelinking(graph->graph, engine::StartSource(graph->graph.numVertices()), options);
}

nlohmann::json heuristicJson(const engine::HeuristicResult& r, const std::string& solver, bool hasTarget)
{
    const char* status = r.cancelled ? "cancelled" : r.timedOut ? "time_limit" : "feasible";
    nlohmann::json j{{"solver", solver},       {"status", status},         {"proven_optimal", false},
                     {"seconds", r.seconds},   {"iterations", r.iterations}, {"operations", r.operations},
                     {"runs", r.runs}};
    if (hasTarget) {
        j["target_reached"] = r.reachedTarget();
        j["target_iteration"] = r.targetIteration ? nlohmann::json(*r.targetIteration) : nlohmann::json(nullptr);
        j["target_seconds"] = r.targetSeconds ? nlohmann::json(*r.targetSeconds) : nlohmann::json(nullptr);
    }
    return j;
}

void runSolve(const ParsedArgs& args, std::ostream& out)
{
    const std::string solver =
        args.choice("--solver", "", {"greedy", "greedy-budget", "sa", "brute", "exact", "tabu", "vns", "burer"});
    const engine::Instance instance = loadInstanceArg(args);
    const engine::LcrpEncoderOptions encoderOptions = lcrpEncodingFromArgs(args);
    const bool json = args.flag("--json");
    const bool heuristic = solver == "tabu" || solver == "vns" || solver == "burer";

    nlohmann::json result;
    if (heuristic && std::holds_alternative<engine::LcrpInstance>(instance))
        throw Error(ErrorCode::InvalidArgument, "tabu, vns and burer take graph and QUBO instances", "--solver");
    if (heuristic) {
        const engine::QuboModel qubo = engine::instanceQubo(instance, encoderOptions);
        const engine::HeuristicResult r = runHeuristic(instance, qubo, solver, args);
        result = heuristicJson(r, solver, args.has("--target"));
        result["variables"] = qubo.numVariables();
        result.update(bitsEvaluationJson(instance, qubo, r.bits));
        if (!json) {
            out << "solver " << solver << ": " << result["status"].get<std::string>() << " after " << r.seconds
                << " s, " << r.iterations << " iterations\n";
            if (r.reachedTarget())
                out << "target reached at iteration " << *r.targetIteration << " after " << *r.targetSeconds
                    << " s\n";
            else if (args.has("--target"))
                out << "target not reached\n";
            printBitsEvaluationText(out, result);
        }
    } else if (const auto* lcrp = std::get_if<engine::LcrpInstance>(&instance)) {
        const engine::LcrpEncoding encoding = engine::encodeLcrp(*lcrp, encoderOptions);
        const engine::SolverResult r = solveLcrp(*lcrp, solver, args, encoderOptions.objective);
        result = {{"solver", solver}, {"status", engine::solverStatusName(r.status)},
                  {"proven_optimal", r.provenOptimal}, {"seconds", r.seconds}, {"iterations", r.iterations}};
        if (!r.message.empty())
            result["message"] = r.message;
        if (!r.assignment.empty()) {
            const engine::LcrpEvaluation evaluation = engine::evaluateAssignment(*lcrp, encoding, r.assignment);
            result.update(lcrpEvaluationJson(*lcrp, evaluation));
            if (!json) {
                out << "solver " << solver << ": " << engine::solverStatusName(r.status) << " in " << r.seconds
                    << " s\n";
                printLcrpEvaluationText(out, *lcrp, evaluation);
            }
        } else {
            // No solution (infeasible, or stopped before one was found): the keys stay, with null values.
            for (const char* key : {"assignment", "cost_usd", "quality_satisfaction", "valid", "feasible",
                                    "violations", "objective", "qubo_energy"})
                result[key] = nullptr;
            if (!json)
                out << "solver " << solver << ": " << engine::solverStatusName(r.status)
                    << (r.message.empty() ? "" : " (" + r.message + ")") << "\n";
        }
    } else {
        const engine::QuboModel qubo = engine::instanceQubo(instance, encoderOptions);
        const engine::SolverResult r = solveQubo(qubo, solver, args);
        result = {{"solver", solver}, {"status", engine::solverStatusName(r.status)},
                  {"proven_optimal", r.provenOptimal}, {"seconds", r.seconds}, {"iterations", r.iterations},
                  {"variables", qubo.numVariables()}};
        if (!r.bits.empty())
            result.update(bitsEvaluationJson(instance, qubo, r.bits));
        if (!json) {
            out << "solver " << solver << ": " << engine::solverStatusName(r.status) << " in " << r.seconds << " s\n";
            if (result.contains("bitstring"))
                printBitsEvaluationText(out, result);
        }
    }
    if (json)
        printJson(out, result);
}

} // namespace

Command makeSolveCommand()
{
    Command c;
    c.name = "solve";
    c.summary = "solve an instance with greedy, annealing, brute force, exact MIP, tabu search, VNS or rank-two";
    c.usage = "Usage: qaoa-cli solve FILE --solver greedy|greedy-budget|sa|brute|exact|tabu|vns|burer [options] "
              "[--json]\n\n"
              "LCRP instances take greedy, greedy-budget, sa, brute and exact (greedy = the paper's rule;\n"
              "greedy-budget also respects the budget and context; exact = MIP through COIN-OR CBC, proven optimal).\n"
              "Graph and QUBO instances take sa, brute, exact (the linearised QUBO through CBC) and tabu\n"
              "(Palubeckis' multistart tabu search MST1 as in MQLib); Max-Cut graphs also take vns (Festa et al.'s\n"
              "VNS with path relinking) and burer (Burer, Monteiro and Zhang's rank-two relaxation, CirCut).\n"
              "tabu, vns and burer run from random starts until --time-limit or until the energy reaches --target.\n"
              "With --json one JSON object is\n"
              "printed: for LCRP solver, status, assignment (model per task), cost_usd, quality_satisfaction, valid,\n"
              "feasible, violations, objective, qubo_energy, seconds; for graphs and QUBOs bitstring (variable 0\n"
              "first), energy and cut_value or set_size; tabu, vns and burer add operations, runs and, with --target,\n"
              "target_reached, target_iteration and target_seconds.";
    c.options = instanceCommandOptions({
        {"--solver", "S", "greedy, greedy-budget, sa, brute, exact, tabu, vns or burer (required)"},
        {"--seed", "S", "sa, tabu, vns, burer: random seed (default 1)"},
        {"--steps", "K", "sa on LCRP: moves per restart (default 2000)"},
        {"--sweeps", "K", "sa on QUBO: sweeps per restart (default 1000)"},
        {"--restarts", "R", "sa: independent restarts, best kept (default 1)"},
        {"--t0", "T", "sa: initial temperature (LCRP default 50; QUBO default automatic)"},
        {"--t1", "T", "sa: final temperature (LCRP default 0.1; QUBO default automatic)"},
        {"--greedy-start", "", "sa on LCRP: start from the greedy assignment"},
        {"--threads", "T", "brute on QUBO: threads (default: all cores); tabu: threads (default 1, 0 = all)"},
        {"--budget-mode", "M", "exact: hard (default) or soft budget"},
        {"--soft-constraints", "", "exact: penalise quality/latency/context instead of forbidding them"},
        {"--time-limit", "SEC", "exact: time limit in seconds (default 60); tabu, vns, burer: (default 10)"},
        {"--target", "E", "tabu, vns, burer: stop once the energy is <= E (minimisation sign; Max-Cut: E = -cut)"},
        {"--json", "", "print one JSON object"},
    });
    c.run = [](const ParsedArgs& args, std::ostream& out) {
        if (!args.has("--solver"))
            throw Error(ErrorCode::InvalidArgument, "option is required", "--solver");
        runSolve(args, out);
    };
    return c;
}

} // namespace cli
