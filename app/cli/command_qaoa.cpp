// SPDX-License-Identifier: MIT
// `qaoa-cli qaoa FILE`: QAOA on the statevector emulator, with angles optimised or predicted, and its metrics.
#include "cli_app.h"
#include "cli_output.h"

#include "bundle/bundle_kinds.h"
#include "core/error.h"
#include "qaoa/qaoa_run.h"

#include <cmath>
#include <ostream>

namespace cli {

namespace {

using engine::Error;
using engine::ErrorCode;

engine::MixerKind mixerArg(const ParsedArgs& args)
{
    const std::string name = args.choice("--mixer", "x", {"x", "xy", "xy-ring", "xy-complete", "xy-parity", "warm-start"});
    // "xy" is the parity ring: a product of two-qubit gates on disjoint pairs, as hardware runs it.
    return engine::mixerKindFromName(name == "xy" ? "xy-parity" : name);
}

engine::QaoaRunOptions optionsFromArgs(const ParsedArgs& args)
{
    engine::QaoaRunOptions o;
    o.depth = static_cast<std::size_t>(args.integer("--p", 1, 1, 64));
    o.mixer = mixerArg(args);
    o.startFromGreedy = args.flag("--greedy-start");
    o.angles = engine::angleMethodFromName(args.choice("--params", "optimize", {"optimize", "predicted", "ramp", "fixed", "gnn"}));
    if (o.angles == engine::AngleMethod::Fixed) {
        o.fixedAngles.gammas = args.numberList("--gammas");
        o.fixedAngles.betas = args.numberList("--betas");
        if (o.fixedAngles.gammas.size() != o.fixedAngles.betas.size())
            throw Error(ErrorCode::InvalidArgument, "--gammas and --betas must list the same number of angles",
                        "--betas");
        o.depth = o.fixedAngles.gammas.size();
    } else if (args.has("--gammas") || args.has("--betas")) {
        throw Error(ErrorCode::InvalidArgument, "angles are given only with --params fixed", "--gammas");
    }
    o.rampDeltaT = args.number("--ramp-dt", 0.8, 1e-9, 1e6);
    o.optimizer.method = engine::qaoaOptimizerMethodFromName(args.choice("--optimizer", "cobyla", {"cobyla", "bobyqa", "lbfgs"}));
    o.optimizer.restarts = static_cast<int>(args.integer("--restarts", 8, 1, 10000));
    o.optimizer.evaluationsPerRestart = static_cast<int>(args.integer("--maxiter", 80, 1, 1000000));
    o.optimizer.seed = args.unsignedInteger("--seed", 1);
    o.seed = o.optimizer.seed;
    o.shots = args.unsignedInteger("--shots", 4000);
    if (o.shots > 100'000'000)
        throw Error(ErrorCode::InvalidArgument, "at most 100000000 shots", "--shots");
    o.precision = engine::precisionFromName(args.choice("--precision", "double", {"double", "single"}));
    o.threads = static_cast<int>(args.integer("--threads", 0, 0, 1024));
    o.lcrpEncoding = lcrpEncodingFromArgs(args);
    return o;
}

nlohmann::json lcrpMetricsJson(const engine::LcrpInstance& instance, const engine::LcrpSampleMetrics& m)
{
    nlohmann::json j{{"valid_rate", m.validRate},
                     {"random_valid_rate", m.uniformValidRate},
                     {"feasible_rate", m.feasibleRate},
                     {"random_allowed_rate", m.uniformAllowedRate},
                     {"decoded_feasible_rate", m.decodedFeasibleRate}};
    auto names = [&](const std::vector<int>& assignment) {
        nlohmann::json a = nlohmann::json::array();
        for (int model : assignment)
            a.push_back(instance.models[static_cast<std::size_t>(model)].name);
        return a;
    };
    if (m.bestValid) {
        j["best_valid_cost_usd"] = m.bestValid->costUsd;
        j["best_valid_assignment"] = names(m.bestValid->assignment);
        j["best_valid_quality_satisfaction"] = m.bestValid->qualitySatisfaction;
        j["best_valid_feasible"] = m.bestValid->feasible;
    } else {
        j["best_valid_cost_usd"] = nullptr;
    }
    j["decoded_best_cost_usd"] = m.decodedBest.costUsd;
    j["decoded_best_assignment"] = names(m.decodedBest.assignment);
    j["decoded_best_quality_satisfaction"] = m.decodedBest.qualitySatisfaction;
    return j;
}

void runQaoaCommand(const ParsedArgs& args, std::ostream& out)
{
    const engine::Instance instance = loadInstanceArg(args);
    const engine::QaoaRunOptions options = optionsFromArgs(args);
    const engine::QaoaRunResult r = engine::runQaoa(instance, options);
    // Written before printing so that a failed write is reported instead of a result without its bundle.
    if (args.has("--bundle"))
        engine::writeBundle(engine::makeQaoaRunBundle(instance, options, r), args.text("--bundle"));

    nlohmann::json j{{"problem", r.problem},
                     {"qubits", r.numQubits},
                     {"p", r.angles.depth()},
                     {"mixer", engine::mixerKindName(options.mixer)},
                     {"params", engine::angleMethodName(options.angles)},
                     {"gammas", r.angles.gammas},
                     {"betas", r.angles.betas},
                     {"expectation", r.expectation},
                     {"min_energy", r.minEnergy},
                     {"max_energy", r.maxEnergy},
                     {"shots", options.shots},
                     {"evaluations", r.evaluations},
                     {"seconds", r.seconds},
                     {"precision", engine::precisionName(options.precision)}};
    if (options.angles == engine::AngleMethod::Optimize)
        j["optimizer"] = engine::qaoaOptimizerMethodName(options.optimizer.method);
    if (r.exact.arStar)
        j["ar_star"] = *r.exact.arStar;
    if (r.exact.optimumProbability)
        j["optimum_probability"] = *r.exact.optimumProbability;
    if (r.sampled)
        j["best_sampled_energy"] = r.sampled->bestEnergy;
    if (r.maxCutExact) {
        j["expected_cut"] = r.maxCutExact->expectedCut;
        j["optimal_cut"] = -r.minEnergy;
        j["approximation_ratio"] = r.maxCutExact->approximationRatio ? nlohmann::json(*r.maxCutExact->approximationRatio)
                                                                     : nlohmann::json(nullptr);
    } else if (r.exact.approximationRatio) {
        j["approximation_ratio"] = *r.exact.approximationRatio;
    }
    if (r.lcrpExact) {
        const auto& lcrp = std::get<engine::LcrpInstance>(instance);
        // Rates of the sampled shots, as the paper reports them, with the exact rates of the state beside them.
        nlohmann::json sampled = r.lcrpSampled ? lcrpMetricsJson(lcrp, *r.lcrpSampled) : nlohmann::json::object();
        j.update(sampled);
        j["valid_rate_exact"] = r.lcrpExact->validRate;
        j["feasible_rate_exact"] = r.lcrpExact->feasibleRate;
        if (!r.lcrpSampled) {
            j["valid_rate"] = r.lcrpExact->validRate;
            j["random_valid_rate"] = r.lcrpExact->uniformValidRate;
        }
    }
    if (args.has("--bundle"))
        j["bundle"] = args.text("--bundle");
    if (args.flag("--json")) {
        printJson(out, j);
        return;
    }
    out << "QAOA p=" << r.angles.depth() << " (" << j["mixer"].get<std::string>() << " mixer, "
        << j["params"].get<std::string>() << " angles) on " << r.numQubits << " qubits in " << r.seconds << " s\n"
        << "expectation <H> = " << r.expectation << "   (energy range " << r.minEnergy << " .. " << r.maxEnergy
        << ")\n";
    if (j.contains("ar_star"))
        out << "AR* = " << j["ar_star"].get<double>() << "   P(optimum) = " << j["optimum_probability"].get<double>()
            << "\n";
    if (j.contains("expected_cut"))
        out << "expected cut = " << j["expected_cut"].get<double>() << " of " << j["optimal_cut"].get<double>()
            << "\n";
    if (j.contains("valid_rate"))
        out << "valid rate = " << 100.0 * j["valid_rate"].get<double>() << " %  (uniform-random baseline "
            << 100.0 * j["random_valid_rate"].get<double>() << " %)\n";
    if (j.contains("best_valid_cost_usd") && !j["best_valid_cost_usd"].is_null())
        out << "best valid sample: $" << j["best_valid_cost_usd"].get<double>() << "\n";
    out << "gammas:";
    for (double g : r.angles.gammas)
        out << " " << g;
    out << "\nbetas: ";
    for (double b : r.angles.betas)
        out << " " << b;
    out << "\n";
    if (args.has("--bundle"))
        out << "bundle written to " << args.text("--bundle") << " (check it with 'qaoa-cli bundle verify')\n";
}

} // namespace

Command makeQaoaCommand()
{
    Command c;
    c.name = "qaoa";
    c.summary = "run QAOA on the statevector emulator and report valid rate, AR and samples";
    c.usage = "Usage: qaoa-cli qaoa FILE [--p P] [--shots S] [--mixer x|xy|xy-ring|xy-complete|xy-parity|warm-start]\n"
              "                         [--params optimize|predicted|ramp|fixed|gnn] [--optimizer cobyla|bobyqa|lbfgs]\n"
              "                         [--restarts R] [--maxiter K] [--seed S] [--bundle OUT] [--json]\n"
              "       qaoa-cli qaoa FILE --params fixed --gammas G1,G2,.. --betas B1,B2,..\n\n"
              "Angles are in the canonical convention: minimise H, |psi> = prod_k exp(-i beta_k sum X) exp(-i gamma_k H)\n"
              "|+>^n. XY mixers (LCRP only) keep every sample one-hot. Every valid rate is printed beside the\n"
              "uniform-random baseline; 'exact' rates come from the state, the others from the shots. --params gnn\n"
              "predicts the angles of p = 2..6 with the shipped graph neural networks (see 'qaoa-cli train-gnn').";
    c.options = instanceCommandOptions({
        {"--p", "P", "QAOA depth (default 1)"},
        {"--shots", "S", "samples drawn from the final state (default 4000)"},
        {"--mixer", "M", "x (default), xy (= xy-parity), xy-ring, xy-complete, xy-parity or warm-start"},
        {"--greedy-start", "", "XY mixers on LCRP: start from the greedy assignment instead of W states"},
        {"--params", "METHOD", "optimize (default), predicted (no variational loop), ramp, fixed or gnn (p = 2..6)"},
        {"--gammas", "LIST", "--params fixed: gamma_1..gamma_p"},
        {"--betas", "LIST", "--params fixed: beta_1..beta_p"},
        {"--ramp-dt", "DT", "--params ramp: step in units of 1/max|coefficient| (default 0.8)"},
        {"--optimizer", "O", "cobyla (default), bobyqa or lbfgs (exact adjoint gradients)"},
        {"--restarts", "R", "optimiser restarts (default 8)"},
        {"--maxiter", "K", "evaluations per restart (default 80)"},
        {"--seed", "S", "seed of the optimiser starts and of the sampling (default 1)"},
        {"--precision", "P", "double (default) or single"},
        {"--threads", "T", "simulator threads (default: all cores)"},
        {"--bundle", "OUT", "also write a reproducible bundle of the run (.qwbundle; see 'qaoa-cli bundle')"},
        {"--json", "", "print one JSON object"},
    });
    c.run = runQaoaCommand;
    return c;
}

} // namespace cli
