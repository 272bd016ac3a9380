// SPDX-License-Identifier: MIT
// `qaoa-cli solve FILE --solver ...`: the classical baselines on any instance.
#include "cli_app.h"
#include "cli_output.h"

#include "core/error.h"
#include "io/instance_file.h"
#include "lcrp/lcrp_evaluator.h"
#include "solvers/brute_force.h"
#include "solvers/lcrp_annealer.h"
#include "solvers/lcrp_exact_solver.h"
#include "solvers/lcrp_greedy.h"
#include "solvers/qubo_annealer.h"

#include <chrono>
#include <ostream>
#include <thread>

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
    throw Error(ErrorCode::InvalidArgument,
                "solver '" + solver + "' needs an LCRP instance; graph and QUBO instances take sa or brute",
                "--solver");
}

void runSolve(const ParsedArgs& args, std::ostream& out)
{
    const std::string solver =
        args.choice("--solver", "", {"greedy", "greedy-budget", "sa", "brute", "exact"});
    const engine::Instance instance = loadInstanceArg(args);
    const engine::LcrpEncoderOptions encoderOptions = lcrpEncodingFromArgs(args);
    const bool json = args.flag("--json");

    nlohmann::json result;
    if (const auto* lcrp = std::get_if<engine::LcrpInstance>(&instance)) {
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
    c.summary = "solve an instance with greedy, simulated annealing, brute force or exact MIP";
    c.usage = "Usage: qaoa-cli solve FILE --solver greedy|greedy-budget|sa|brute|exact [options] [--json]\n\n"
              "LCRP instances take every solver (greedy = the paper's rule; greedy-budget also respects the budget\n"
              "and context; exact = MIP through COIN-OR CBC, proven optimal). Graph and QUBO instances take sa and\n"
              "brute. With --json one JSON object is printed: for LCRP solver, status, assignment (model per task),\n"
              "cost_usd, quality_satisfaction, valid, feasible, violations, objective, qubo_energy, seconds; for\n"
              "graphs and QUBOs bitstring (variable 0 first), energy and cut_value or set_size.";
    c.options = instanceCommandOptions({
        {"--solver", "S", "greedy, greedy-budget, sa, brute or exact (required)"},
        {"--seed", "S", "sa: random seed (default 1)"},
        {"--steps", "K", "sa on LCRP: moves per restart (default 2000)"},
        {"--sweeps", "K", "sa on QUBO: sweeps per restart (default 1000)"},
        {"--restarts", "R", "sa: independent restarts, best kept (default 1)"},
        {"--t0", "T", "sa: initial temperature (LCRP default 50; QUBO default automatic)"},
        {"--t1", "T", "sa: final temperature (LCRP default 0.1; QUBO default automatic)"},
        {"--greedy-start", "", "sa on LCRP: start from the greedy assignment"},
        {"--threads", "T", "brute on QUBO: threads (default: all cores)"},
        {"--budget-mode", "M", "exact: hard (default) or soft budget"},
        {"--soft-constraints", "", "exact: penalise quality/latency/context instead of forbidding them"},
        {"--time-limit", "SEC", "exact: time limit in seconds (default 60)"},
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
