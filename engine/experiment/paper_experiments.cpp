// SPDX-License-Identifier: MIT
// The paper presets: the reproduce engines split into independent points and their rows as table rows.
#include "experiment/paper_experiments.h"

#include "core/error.h"

#include <cmath>

namespace engine {

namespace {

ExperimentValue optionalValue(const std::optional<double>& v)
{
    return v ? finiteValue(*v) : ExperimentValue();
}

ExperimentValue count(std::size_t n)
{
    return static_cast<double>(n);
}

ExperimentRow lcrpRow(const LcrpReproductionRow& r)
{
    ExperimentRow row;
    row.axes = {count(r.tasks), r.lambdaQ, count(r.depth), r.objective, r.mixer};
    row.metrics = {count(r.qubits),
                   r.validRate,
                   r.validRateExact,
                   r.randomValidRate,
                   r.feasibleRate,
                   optionalValue(r.bestValidCostUsd),
                   optionalValue(r.bestValidQuality),
                   finiteValue(r.decodedBestCostUsd),
                   finiteValue(r.expectation),
                   static_cast<double>(r.evaluations),
                   r.seconds,
                   optionalValue(r.paperValidRate),
                   optionalValue(r.paperCostUsd),
                   optionalValue(r.paperQuality)};
    return row;
}

ExperimentPlan lcrpPlan(LcrpExperiment experiment, PaperExperiment preset, const PaperExperimentOptions& options)
{
    ExperimentPlan plan;
    plan.header.kind = paperExperimentName(preset);
    plan.header.axes = {"tasks", "lambda_q", "p", "objective", "mixer"};
    plan.header.metrics = {"qubits",          "valid_rate",      "valid_rate_exact",      "random_valid_rate",
                           "feasible_rate",   "best_valid_cost_usd", "best_valid_quality", "decoded_best_cost_usd",
                           "expectation",     "evaluations",     "seconds",               "paper_valid_rate",
                           "paper_cost_usd",  "paper_quality"};
    LcrpReproductionOptions base;
    base.seed = options.seed;
    base.threads = options.innerThreads;
    if (options.lcrp)
        base = *options.lcrp;
    else if (options.quick) {
        base.restarts = 2;
        base.evaluationsPerRestart = 40;
        base.shots = 1000;
    }
    for (MixerKind mixer : base.mixers) {
        LcrpReproductionOptions o = base;
        o.mixers = {mixer};
        ExperimentPoint point;
        point.axisValues = {{}, {}, {}, {}, std::string(mixerKindName(mixer))};
        point.run = [experiment, o](RunControl& control) {
            std::vector<ExperimentRow> rows;
            for (const LcrpReproductionRow& r : reproduceLcrp(experiment, o, control))
                rows.push_back(lcrpRow(r));
            return rows;
        };
        plan.points.push_back(std::move(point));
    }
    return plan;
}

ExperimentRow warmstartRow(const WarmstartReproductionRow& r)
{
    ExperimentRow row;
    row.axes = {r.family, count(r.n), count(r.graph), count(r.depth)};
    row.metrics = {count(r.edges),
                   r.optimum,
                   finiteValue(r.qFactor),
                   r.qKind,
                   finiteValue(r.rminRandom),
                   finiteValue(r.rminWarm),
                   count(r.randomSuccesses),
                   count(r.warmSuccesses),
                   r.poolOptimalFraction,
                   r.optimum > 0.0 ? finiteValue(r.meanSampledCut / r.optimum) : ExperimentValue(),
                   r.seconds};
    return row;
}

ExperimentPlan warmstartPlan(const PaperExperimentOptions& options)
{
    ExperimentPlan plan;
    plan.header.kind = paperExperimentName(PaperExperiment::WarmstartFig5);
    plan.header.axes = {"family", "n", "graph", "p"};
    plan.header.metrics = {"edges",         "optimum",          "q_factor",       "q_kind",
                           "rmin_random",   "rmin_warm",        "random_successes", "warm_successes",
                           "pool_optimal_fraction", "approximation_ratio", "seconds"};
    WarmstartReproductionOptions base;
    base.seed = options.seed;
    base.threads = options.innerThreads;
    if (options.warmstart)
        base = *options.warmstart;
    else if (options.quick) {
        base.sizes = {4, 6, 8};
        base.graphsPerSize = 3;
        base.depths = {1, 2, 3};
        base.samples = 200;
        base.runsPerStartType = 100;
    }
    // The engine draws every graph, sample and run from (seed, family, N, graph, p): one point per (family, N)
    // gives the rows of the single call.
    for (const WarmstartGraphFamily& family : base.families) {
        for (std::size_t n : base.sizes) {
            WarmstartReproductionOptions o = base;
            o.families = {family};
            o.sizes = {n};
            ExperimentPoint point;
            point.axisValues = {warmstartGraphFamilyName(family), count(n), {}, {}};
            point.run = [o](RunControl& control) {
                std::vector<ExperimentRow> rows;
                for (const WarmstartReproductionRow& r : reproduceWarmstartEmulated(o, control))
                    rows.push_back(warmstartRow(r));
                return rows;
            };
            plan.points.push_back(std::move(point));
        }
    }
    return plan;
}

ExperimentPlan routingPlan(const PaperExperimentOptions& options)
{
    ExperimentPlan plan;
    plan.header.kind = paperExperimentName(PaperExperiment::RoutingFig7);
    plan.header.axes = {"device", "degree", "vertices", "graph", "router"};
    plan.header.metrics = {"swaps", "depth", "two_qubit_gates", "seconds"};
    RoutingBenchmarkOptions base;
    if (options.routing)
        base = *options.routing;
    else if (options.quick) {
        base.degrees = {3};
        base.sizes = {20, 30};
        base.graphsPerSize = 2;
    }
    // Graph seeds depend on (seed, degree, size, index) only: one point per (device, degree, size).
    for (const std::string& device : base.devices) {
        for (unsigned degree : base.degrees) {
            for (unsigned size : base.sizes) {
                RoutingBenchmarkOptions o = base;
                o.devices = {device};
                o.degrees = {degree};
                o.sizes = {size};
                ExperimentPoint point;
                point.axisValues = {device, static_cast<double>(degree), static_cast<double>(size), {}, {}};
                point.run = [o](RunControl& control) {
                    std::vector<ExperimentRow> rows;
                    for (const RoutingBenchmarkRow& r : runRoutingBenchmark(o, control)) {
                        ExperimentRow row;
                        row.axes = {r.device, static_cast<double>(r.degree), static_cast<double>(r.vertices),
                                    static_cast<double>(r.graphIndex), std::string(routerKindName(r.router))};
                        row.metrics = {count(r.swaps), count(r.depth), count(r.twoQubitGates), r.seconds};
                        rows.push_back(std::move(row));
                    }
                    return rows;
                };
                plan.points.push_back(std::move(point));
            }
        }
    }
    return plan;
}

} // namespace

const char* paperExperimentName(PaperExperiment experiment) noexcept
{
    switch (experiment) {
    case PaperExperiment::LcrpTable2:
        return "lcrp-table2";
    case PaperExperiment::LcrpTable3:
        return "lcrp-table3";
    case PaperExperiment::LcrpTable4:
        return "lcrp-table4";
    case PaperExperiment::WarmstartFig5:
        return "warmstart-fig5";
    case PaperExperiment::RoutingFig7:
        return "routing-fig7";
    }
    return "lcrp-table2";
}

const std::vector<PaperExperiment>& paperExperiments()
{
    static const std::vector<PaperExperiment> all{PaperExperiment::LcrpTable2, PaperExperiment::LcrpTable3,
                                                  PaperExperiment::LcrpTable4, PaperExperiment::WarmstartFig5,
                                                  PaperExperiment::RoutingFig7};
    return all;
}

PaperExperiment paperExperimentFromName(const std::string& name, const std::string& where)
{
    std::string accepted;
    for (PaperExperiment e : paperExperiments()) {
        if (name == paperExperimentName(e))
            return e;
        accepted += (accepted.empty() ? "" : ", ") + std::string(paperExperimentName(e));
    }
    throw Error(ErrorCode::InvalidArgument, "unknown experiment '" + name + "'; accepted: " + accepted, where);
}

ExperimentPlan planPaperExperiment(PaperExperiment experiment, const PaperExperimentOptions& options)
{
    switch (experiment) {
    case PaperExperiment::LcrpTable2:
        return lcrpPlan(LcrpExperiment::Penalty, experiment, options);
    case PaperExperiment::LcrpTable3:
        return lcrpPlan(LcrpExperiment::Scaling, experiment, options);
    case PaperExperiment::LcrpTable4:
        return lcrpPlan(LcrpExperiment::Depth, experiment, options);
    case PaperExperiment::WarmstartFig5:
        return warmstartPlan(options);
    case PaperExperiment::RoutingFig7:
        return routingPlan(options);
    }
    throw Error(ErrorCode::InvalidArgument, "unknown experiment", "experiment");
}

} // namespace engine
