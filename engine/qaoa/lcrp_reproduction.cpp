// SPDX-License-Identifier: MIT
// The simulator parts of the LCRP paper's Tables 2-4.
#include "qaoa/lcrp_reproduction.h"

#include "core/error.h"
#include "lcrp/lcrp_baseline.h"
#include "lcrp/lcrp_generator.h"

#include <sstream>

namespace engine {

const char* lcrpExperimentName(LcrpExperiment experiment) noexcept
{
    switch (experiment) {
    case LcrpExperiment::Penalty: return "lcrp-penalty";
    case LcrpExperiment::Scaling: return "lcrp-scaling";
    case LcrpExperiment::Depth: return "lcrp-depth";
    }
    return "lcrp-penalty";
}

LcrpExperiment lcrpExperimentFromName(const std::string& name)
{
    for (LcrpExperiment e : {LcrpExperiment::Penalty, LcrpExperiment::Scaling, LcrpExperiment::Depth})
        if (name == lcrpExperimentName(e))
            return e;
    throw Error(ErrorCode::InvalidArgument,
                "unknown experiment '" + name + "' (expected lcrp-penalty, lcrp-scaling or lcrp-depth)");
}

namespace {

/// One instance-and-depth configuration of a table, with the paper's published values for it.
struct Config {
    std::size_t tasks = 4;
    double budgetUsd = 5.0;
    std::size_t depth = 2;
    double lambdaQ = 40.0;
    std::optional<double> paperValidRate;
    std::optional<double> paperCostUsd;
    std::optional<double> paperQuality;
};

std::vector<Config> configs(LcrpExperiment experiment, std::size_t depth)
{
    switch (experiment) {
    case LcrpExperiment::Penalty:
        // Table 2 (12 qubits, simulator): cost and quality satisfaction per lambda_Q.
        return {{4, 5.0, depth, 5.0, {}, 0.24, 0.25},
                {4, 5.0, depth, 10.0, {}, 0.24, 0.25},
                {4, 5.0, depth, 20.0, {}, 6.23, 0.50},
                {4, 5.0, depth, 40.0, {}, 14.22, 0.75},
                {4, 5.0, depth, 80.0, {}, 14.22, 0.75}};
    case LcrpExperiment::Scaling:
        // Table 3 (p = 2, 4000 shots): simulator valid-assignment rates.
        return {{2, 10.0, 2, 40.0, 0.491, {}, {}}, {4, 20.0, 2, 40.0, 0.004, {}, {}}, {6, 30.0, 2, 40.0, 0.002, {}, {}}};
    case LcrpExperiment::Depth:
        // Table 4 is hardware (ibm_fez); the paper quotes the simulator's p = 1 valid rate as 0.1 %.
        return {{4, 5.0, 1, 40.0, 0.001, {}, {}}, {4, 5.0, 2, 40.0, {}, {}, {}}, {4, 5.0, 3, 40.0, {}, {}, {}}};
    }
    return {};
}

LcrpInstance paperInstance(const Config& config)
{
    LcrpGeneratorOptions g;
    g.numTasks = config.tasks;
    g.numModels = 3;
    g.seed = 42;
    g.budgetUsd = config.budgetUsd;
    g.referenceStream = true;
    LcrpInstance instance = generateLcrp(g);
    instance.penalties.quality = config.lambdaQ;
    return instance;
}

} // namespace

std::vector<LcrpReproductionRow> reproduceLcrp(LcrpExperiment experiment, const LcrpReproductionOptions& options,
                                               RunControl& control)
{
    const std::vector<Config> table = configs(experiment, options.depth);
    const double totalRows = static_cast<double>(table.size() * 2 * options.mixers.size());
    std::vector<LcrpReproductionRow> rows;
    for (const Config& config : table) {
        const LcrpInstance instance = paperInstance(config);
        for (LcrpObjectiveKind objective : {LcrpObjectiveKind::ReferenceV2, LcrpObjectiveKind::Exact}) {
            for (MixerKind mixer : options.mixers) {
                if (control.isCancelled())
                    return rows;
                QaoaRunOptions run;
                run.depth = config.depth;
                run.mixer = mixer;
                run.angles = AngleMethod::Optimize;
                run.optimizer.restarts = options.restarts;
                run.optimizer.evaluationsPerRestart = options.evaluationsPerRestart;
                run.optimizer.seed = options.seed;
                run.seed = options.seed;
                run.shots = options.shots;
                run.threads = options.threads;
                run.lcrpEncoding.objective = objective;
                run.lcrpEncoding.budgetSlackBits = objective == LcrpObjectiveKind::Exact ? options.slackBits : 0;
                const QaoaRunResult r = runQaoa(Instance(instance), run, control);

                LcrpReproductionRow row;
                row.experiment = lcrpExperimentName(experiment);
                row.tasks = instance.numTasks();
                row.models = instance.numModels();
                row.qubits = r.numQubits;
                row.depth = config.depth;
                row.lambdaQ = config.lambdaQ;
                row.objective = lcrpObjectiveName(objective);
                row.mixer = mixerKindName(mixer);
                row.randomValidRate = uniformRandomValidRate(instance);
                row.expectation = r.expectation;
                row.evaluations = r.evaluations;
                row.seconds = r.seconds;
                if (r.lcrpExact)
                    row.validRateExact = r.lcrpExact->validRate;
                if (const auto& m = r.lcrpSampled ? r.lcrpSampled : r.lcrpExact) {
                    row.validRate = m->validRate;
                    row.feasibleRate = m->feasibleRate;
                    if (m->bestValid) {
                        row.bestValidCostUsd = m->bestValid->costUsd;
                        row.bestValidQuality = m->bestValid->qualitySatisfaction;
                    }
                    row.decodedBestCostUsd = m->decodedBest.costUsd;
                    row.decodedBestQuality = m->decodedBest.qualitySatisfaction;
                }
                row.paperValidRate = config.paperValidRate;
                row.paperCostUsd = config.paperCostUsd;
                row.paperQuality = config.paperQuality;
                rows.push_back(row);
                control.reportProgress(static_cast<double>(rows.size()), totalRows, "reproduce");
                if (r.cancelled)
                    return rows;
            }
        }
    }
    return rows;
}

std::string lcrpReproductionCsv(const std::vector<LcrpReproductionRow>& rows)
{
    std::ostringstream csv;
    csv.precision(10);
    auto optional = [&](const std::optional<double>& v) {
        if (v)
            csv << *v;
    };
    csv << "experiment,tasks,models,qubits,p,lambda_q,objective,mixer,valid_rate,valid_rate_exact,random_valid_rate,"
           "feasible_rate,best_valid_cost_usd,best_valid_quality,decoded_best_cost_usd,decoded_best_quality,"
           "expectation,evaluations,seconds,paper_valid_rate,paper_cost_usd,paper_quality\n";
    for (const LcrpReproductionRow& r : rows) {
        csv << r.experiment << ',' << r.tasks << ',' << r.models << ',' << r.qubits << ',' << r.depth << ','
            << r.lambdaQ << ',' << r.objective << ',' << r.mixer << ',' << r.validRate << ',' << r.validRateExact
            << ',' << r.randomValidRate << ',' << r.feasibleRate << ',';
        optional(r.bestValidCostUsd);
        csv << ',';
        optional(r.bestValidQuality);
        csv << ',' << r.decodedBestCostUsd << ',' << r.decodedBestQuality << ',' << r.expectation << ','
            << r.evaluations << ',' << r.seconds << ',';
        optional(r.paperValidRate);
        csv << ',';
        optional(r.paperCostUsd);
        csv << ',';
        optional(r.paperQuality);
        csv << '\n';
    }
    return csv.str();
}

} // namespace engine
