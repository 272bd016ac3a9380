// SPDX-License-Identifier: MIT
// LCRP at production scale: task groups solved by QAOA, budget rebalancing, knapsack recombination, refinement.
#include "warmstart/lcrp_batch.h"

#include "core/error.h"
#include "lcrp/lcrp_evaluator.h"
#include "lcrp/lcrp_local_search.h"
#include "lcrp/lcrp_objective.h"
#include "solvers/lcrp_exact_solver.h"
#include "solvers/lcrp_greedy.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <string>

namespace engine {

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double qualitySatisfaction(const LcrpInstance& instance, const std::vector<int>& assignment)
{
    if (assignment.empty())
        return 0.0;
    std::size_t met = 0;
    for (std::size_t i = 0; i < assignment.size(); ++i)
        if (assignment[i] >= 0 && instance.meetsQuality(i, static_cast<std::size_t>(assignment[i])))
            ++met;
    return static_cast<double>(met) / static_cast<double>(assignment.size());
}

LcrpMethodSummary summarize(const LcrpInstance& instance, const LcrpObjectiveTable& table, std::string method,
                            std::vector<int> assignment, double seconds, std::string status)
{
    LcrpMethodSummary s;
    s.method = std::move(method);
    s.seconds = seconds;
    s.status = std::move(status);
    if (!assignment.empty()) {
        for (std::size_t i = 0; i < assignment.size(); ++i)
            s.costUsd += instance.costUsd(i, static_cast<std::size_t>(assignment[i]));
        s.objective = table.ofAssignment(assignment);
        s.qualitySatisfaction = qualitySatisfaction(instance, assignment);
        s.budgetUse = s.costUsd / instance.budgetUsd;
        s.withinBudget = s.costUsd <= instance.budgetUsd * (1.0 + 1e-9);
    } else {
        s.objective = std::numeric_limits<double>::infinity();
    }
    s.assignment = std::move(assignment);
    return s;
}

/// Every distinct valid assignment decoded from one group's samples, with its sample weight.
struct GroupPool {
    std::vector<LcrpGroupCandidate> candidates;
    std::map<std::vector<int>, std::size_t> index;  // models -> position in candidates
    double validRate = 0.0;
};

void addToPool(GroupPool& pool, const LcrpInstance& instance, const LcrpObjectiveTable& table,
               const LcrpTaskGroup& group, std::vector<int> models, double weight, bool sampledValid)
{
    auto it = pool.index.find(models);
    if (it == pool.index.end()) {
        it = pool.index.emplace(models, pool.candidates.size()).first;
        pool.candidates.push_back(makeGroupCandidate(instance, table, group, std::move(models)));
    }
    LcrpGroupCandidate& c = pool.candidates[it->second];
    c.weight += weight;
    c.sampledValid = c.sampledValid || sampledValid;
}

/// Decodes samples over a group's QUBO: one-hot rows are read as they are, other samples are projected
/// (feasibility-first, with the samples' marginals). Returns the valid-sample weight fraction.
double decodeInto(GroupPool& pool, const LcrpInstance& instance, const LcrpObjectiveTable& table,
                  const LcrpTaskGroup& group, const LcrpInstance& groupInstance, const SampleSet& samples)
{
    const std::size_t m = instance.numModels();
    const std::size_t n = group.tasks.size() * m;
    std::vector<double> marginals(n, 0.0);
    double total = 0.0;
    for (std::size_t k = 0; k < samples.states.size(); ++k) {
        total += samples.weights[k];
        for (std::size_t v = 0; v < n; ++v)
            if ((samples.states[k] >> v) & 1u)
                marginals[v] += samples.weights[k];
    }
    if (!(total > 0.0))
        throw Error(ErrorCode::InvalidArgument, "a group's samples carry no weight", "groupSamples");
    for (double& p : marginals)
        p /= total;
    double valid = 0.0;
    for (std::size_t k = 0; k < samples.states.size(); ++k) {
        const double w = samples.weights[k];
        if (!(w > 0.0))
            continue;
        const Bits bits = bitsFromIndex(samples.states[k], n);
        std::vector<int> models(group.tasks.size(), -1);
        bool oneHot = true;
        for (std::size_t t = 0; t < group.tasks.size() && oneHot; ++t)
            for (std::size_t j = 0; j < m; ++j)
                if (bits[t * m + j] != 0) {
                    if (models[t] >= 0) {
                        oneHot = false;
                        break;
                    }
                    models[t] = static_cast<int>(j);
                }
        oneHot = oneHot && std::find(models.begin(), models.end(), -1) == models.end();
        if (oneHot)
            valid += w;
        else
            models = projectToValid(groupInstance, bits, &marginals);
        addToPool(pool, instance, table, group, std::move(models), w / total, oneHot);
    }
    return valid / total;
}

/// Samples of one group's (re)solve, or nothing when the sampler cannot run circuits (external samples).
using GroupSampler = std::function<std::optional<SampleSet>(std::size_t group, const LcrpInstance& groupInstance,
                                                            double& seconds, bool& cancelled)>;

LcrpBatchResult runPipeline(const LcrpInstance& instance, LcrpBatchPlan plan, const LcrpBatchOptions& options,
                            const std::vector<SampleSet>* given, const GroupSampler& sampler, RunControl& control)
{
    const auto start = Clock::now();
    LcrpBatchResult result;
    result.sampler = given != nullptr ? "samples" : "statevector";
    const LcrpObjectiveTable table = makeObjectiveTable(instance, LcrpObjectiveKind::Exact);
    LcrpPartition& part = plan.partition;
    const std::size_t groups = part.groups.size();
    result.tasksPerGroup = part.tasksPerGroup;
    result.qubitsPerGroup = part.qubitsPerGroup;
    const double total = static_cast<double>(groups) + 4.0;
    double done = 0.0;

    result.groups.resize(groups);
    std::vector<GroupPool> pools(groups);
    for (std::size_t g = 0; g < groups; ++g) {
        LcrpGroupOutcome& out = result.groups[g];
        out.tasks = part.groups[g].tasks;
        out.qubits = out.tasks.size() * instance.numModels() + static_cast<std::size_t>(part.slackBits);
        out.needUsd = part.groups[g].needUsd;
        out.initialBudgetUsd = out.budgetUsd = part.groups[g].budgetUsd;
        const double m = static_cast<double>(instance.numModels());
        out.randomValidRate = std::pow(m / std::exp2(m), static_cast<double>(out.tasks.size()));
    }

    // 1. One solve per group.
    auto solveGroup = [&](std::size_t g) -> bool {
        const auto t = Clock::now();
        double seconds = 0.0;
        bool cancelled = false;
        std::optional<SampleSet> samples;
        if (given != nullptr)
            samples = (*given)[g];
        else
            samples = sampler(g, plan.groupInstances[g], seconds, cancelled);
        if (cancelled || !samples)
            return false;
        pools[g].validRate = decodeInto(pools[g], instance, table, part.groups[g], plan.groupInstances[g], *samples);
        result.groups[g].validRate = pools[g].validRate;
        ++result.groups[g].solves;
        result.groups[g].qaoaSeconds += given != nullptr ? since(t) : seconds;
        result.times.qaoa += since(t);
        return true;
    };
    for (std::size_t g = 0; g < groups; ++g) {
        control.reportProgress(done, total, "group QAOA");
        if (control.isCancelled() || !solveGroup(g)) {
            result.cancelled = true;
            result.times.total = since(start);
            return result;
        }
        done += 1.0;
    }

    // 2. Rebalancing: unused shares move to groups whose pick misses q_min.
    control.reportProgress(done, total, "rebalance");
    const auto tRebalance = Clock::now();
    double resolveSeconds = 0.0;
    for (int round = 0; round < options.rebalanceRounds && !control.isCancelled(); ++round) {
        std::vector<std::size_t> receivers;
        double freed = 0.0;
        std::vector<std::size_t> picks(groups);
        for (std::size_t g = 0; g < groups; ++g) {
            picks[g] = bestCandidateWithinBudget(pools[g].candidates, part.groups[g].budgetUsd);
            if (pools[g].candidates[picks[g]].qualityViolations > 0)
                receivers.push_back(g);
        }
        for (std::size_t g = 0; g < groups; ++g) {
            const double used = pools[g].candidates[picks[g]].costUsd;
            if (pools[g].candidates[picks[g]].qualityViolations == 0 && part.groups[g].budgetUsd > used) {
                freed += part.groups[g].budgetUsd - used;
                part.groups[g].budgetUsd = used;
            }
        }
        if (receivers.empty() || freed <= 1e-9 * instance.budgetUsd) {
            // Nothing to move: give any freed share back where it came from (it was not taken yet).
            if (freed > 0.0)
                for (std::size_t g = 0; g < groups; ++g)
                    part.groups[g].budgetUsd = result.groups[g].budgetUsd;
            break;
        }
        double need = 0.0;
        for (std::size_t g : receivers)
            need += part.groups[g].needUsd;
        for (std::size_t g : receivers)
            part.groups[g].budgetUsd += need > 0.0 ? freed * part.groups[g].needUsd / need
                                                   : freed / static_cast<double>(receivers.size());
        for (std::size_t g = 0; g < groups; ++g)
            result.groups[g].budgetUsd = part.groups[g].budgetUsd;
        ++result.rebalanceRoundsRun;
        // With the budget in the QUBO the receivers' circuits change: run them again. Without it the circuit
        // would be the same, so the new share only changes the pick among the decoded samples.
        if (part.slackBits > 0 && given == nullptr)
            for (std::size_t g : receivers) {
                plan.groupInstances[g] = lcrpGroupInstance(instance, part.groups[g], g);
                const auto t = Clock::now();
                if (!solveGroup(g)) {
                    result.cancelled = true;
                    break;
                }
                resolveSeconds += since(t);
            }
        if (result.cancelled)
            break;
    }
    result.times.rebalance = since(tRebalance) - resolveSeconds;
    done += 1.0;
    if (result.cancelled || control.isCancelled()) {
        result.cancelled = true;
        result.times.total = since(start);
        return result;
    }

    // 3. Top-k per group, then one pick per group under the global budget.
    control.reportProgress(done, total, "recombine");
    const auto tRecombine = Clock::now();
    std::vector<std::vector<LcrpGroupCandidate>> candidates(groups);
    for (std::size_t g = 0; g < groups; ++g) {
        candidates[g] = selectGroupCandidates(pools[g].candidates, part.groups[g].budgetUsd, options.candidatesPerGroup);
        result.groups[g].distinctAssignments = pools[g].candidates.size();
    }
    const LcrpRecombination recombination = recombineGroupCandidates(candidates, instance.budgetUsd);
    std::vector<const LcrpGroupCandidate*> chosen(groups);
    for (std::size_t g = 0; g < groups; ++g) {
        result.groups[g].candidates = candidates[g];
        result.groups[g].chosen = recombination.choice[g];
        chosen[g] = &candidates[g][recombination.choice[g]];
    }
    const std::vector<int> combined = assembleLcrpAssignment(instance.numTasks(), part.groups, chosen);
    result.times.recombine = since(tRecombine);
    result.recombined = summarize(instance, table, "recombined", combined, result.times.recombine, "feasible");
    done += 1.0;

    // 4. Classical refinement on the full instance.
    control.reportProgress(done, total, "refine");
    const auto tRefine = Clock::now();
    std::vector<int> answer = combined;
    if (options.refine) {
        const LcrpLocalSearchResult refined = refineLcrpAssignment(table, combined, {}, control);
        answer = refined.assignment;
        result.cancelled = refined.cancelled;
    }
    result.times.refine = since(tRefine);
    const double pipelineSeconds = result.times.qaoa + result.times.rebalance + result.times.recombine
                                   + result.times.refine + result.times.partition;
    result.batch = summarize(instance, table, "batch", answer, pipelineSeconds, "feasible");
    done += 1.0;

    // 5. Baselines: both greedy rules and the exact optimum.
    control.reportProgress(done, total, "baselines");
    const auto tGreedy = Clock::now();
    const SolverResult paper = solveLcrpGreedy(instance, GreedyVariant::Paper);
    result.greedy = summarize(instance, table, "greedy", paper.assignment, paper.seconds, solverStatusName(paper.status));
    const SolverResult aware = solveLcrpGreedy(instance, GreedyVariant::BudgetAware);
    result.greedyBudget =
        summarize(instance, table, "greedy-budget", aware.assignment, aware.seconds, solverStatusName(aware.status));
    result.times.greedy = since(tGreedy);
    if (options.compareExact && !control.isCancelled()) {
        const auto tExact = Clock::now();
        LcrpExactOptions exact;
        exact.budget = BudgetMode::Hard;
        exact.hardPairConstraints = false;
        exact.objective = LcrpObjectiveKind::Exact;
        exact.timeLimitSeconds = options.exactTimeLimitSeconds;
        const SolverResult cbc = solveLcrpExact(instance, exact, control);
        result.times.exact = since(tExact);
        result.exact = summarize(instance, table, "exact", cbc.hasSolution() ? cbc.assignment : std::vector<int>{},
                                 cbc.seconds, solverStatusName(cbc.status));
        if (!result.exact->assignment.empty()) {
            const double reference = result.exact->objective;
            for (LcrpMethodSummary* s : {&result.recombined, &result.batch, &result.greedy, &result.greedyBudget,
                                         &*result.exact}) {
                if (s->assignment.empty())
                    continue;
                const double diff = s->objective - reference;
                if (std::abs(reference) > 1e-12)
                    s->gapPercent = 100.0 * diff / std::abs(reference);
                else if (std::abs(diff) <= 1e-12)
                    s->gapPercent = 0.0;
            }
        }
    }
    control.reportProgress(total, total, "done");
    result.cancelled = result.cancelled || control.isCancelled();
    result.times.total = since(start);
    return result;
}

} // namespace

void validateLcrpBatchOptions(const LcrpBatchOptions& o)
{
    auto fail = [](const char* what, const char* field) { throw Error(ErrorCode::InvalidArgument, what, field); };
    if (o.maxQubits < 1 || o.maxQubits > MAX_LCRP_GROUP_QUBITS)
        fail("the qubit limit of a group must be in [1, 156]", "maxQubits");
    if (o.slackBits < 0 || o.slackBits > 30)
        fail("the slack bits must be in [0, 30]", "slackBits");
    if (o.depth < 1 || o.depth > MAX_QAOA_OPTIMIZER_DEPTH)
        fail("the depth p must be in [1, 64]", "depth");
    if (o.shots < 1 || o.shots > 100'000'000)
        fail("the shots must be in [1, 100000000]", "shots");
    if (o.candidatesPerGroup < 1 || o.candidatesPerGroup > 1024)
        fail("the candidates per group must be in [1, 1024]", "candidatesPerGroup");
    if (o.rebalanceRounds < 0 || o.rebalanceRounds > 100)
        fail("the rebalancing rounds must be in [0, 100]", "rebalanceRounds");
    if (o.optimizerRestarts < 1 || o.optimizerRestarts > 1000)
        fail("the optimizer restarts must be in [1, 1000]", "optimizerRestarts");
    if (o.optimizerEvaluations < 1 || o.optimizerEvaluations > 100000)
        fail("the optimizer evaluations must be in [1, 100000]", "optimizerEvaluations");
    if (!(o.exactTimeLimitSeconds > 0.0) || !std::isfinite(o.exactTimeLimitSeconds))
        fail("the exact solver's time limit must be positive", "exactTimeLimitSeconds");
    if (o.angles != AngleMethod::Predicted && o.angles != AngleMethod::Optimize)
        fail("the batch pipeline chooses angles by 'predicted' or 'optimize'", "angles");
}

LcrpBatchPlan planLcrpBatch(const LcrpInstance& instance, const LcrpBatchOptions& options)
{
    validateLcrpBatchOptions(options);
    LcrpBatchPlan plan;
    plan.partition = partitionLcrpTasks(instance, {options.maxQubits, options.slackBits, options.seed});
    plan.encoding.objective = LcrpObjectiveKind::Exact;
    plan.encoding.budgetSlackBits = options.slackBits;
    for (std::size_t g = 0; g < plan.partition.groups.size(); ++g)
        plan.groupInstances.push_back(lcrpGroupInstance(instance, plan.partition.groups[g], g));
    return plan;
}

LcrpBatchResult runLcrpBatch(const LcrpInstance& instance, const LcrpBatchOptions& options, RunControl& control)
{
    const auto start = Clock::now();
    LcrpBatchPlan plan = planLcrpBatch(instance, options);
    const double partitionSeconds = since(start);
    QaoaRunOptions q;
    q.depth = options.depth;
    q.mixer = options.mixer;
    q.angles = options.angles;
    q.optimizer.restarts = options.optimizerRestarts;
    q.optimizer.evaluationsPerRestart = options.optimizerEvaluations;
    q.optimizer.seed = options.seed;
    q.shots = options.shots;
    q.threads = options.threads;
    q.lcrpEncoding = plan.encoding;
    const GroupSampler sampler = [&](std::size_t g, const LcrpInstance& groupInstance, double& seconds,
                                     bool& cancelled) -> std::optional<SampleSet> {
        QaoaRunOptions run = q;
        run.seed = options.seed + g;
        const QaoaRunResult r = runQaoa(Instance{groupInstance}, run, control);
        seconds = r.seconds;
        cancelled = r.cancelled || r.samples.states.empty();
        return r.samples;
    };
    LcrpBatchResult result = runPipeline(instance, std::move(plan), options, nullptr, sampler, control);
    result.times.partition = partitionSeconds;
    result.batch.seconds += partitionSeconds;
    result.times.total = since(start);
    return result;
}

LcrpBatchResult finishLcrpBatch(const LcrpInstance& instance, const LcrpBatchPlan& plan,
                                const std::vector<SampleSet>& groupSamples, const LcrpBatchOptions& options,
                                RunControl& control)
{
    validateLcrpBatchOptions(options);
    if (groupSamples.size() != plan.partition.groups.size())
        throw Error(ErrorCode::InvalidArgument,
                    std::to_string(groupSamples.size()) + " sample sets for "
                        + std::to_string(plan.partition.groups.size()) + " groups",
                    "groupSamples");
    for (std::size_t g = 0; g < groupSamples.size(); ++g) {
        const std::size_t need = plan.partition.groups[g].tasks.size() * instance.numModels();
        if (groupSamples[g].numVariables < need || groupSamples[g].states.size() != groupSamples[g].weights.size()
            || groupSamples[g].states.empty())
            throw Error(ErrorCode::InvalidArgument,
                        std::string("group ") + std::to_string(g + 1) + " needs samples over at least " + std::to_string(need)
                            + " variables",
                        "groupSamples");
    }
    return runPipeline(instance, plan, options, &groupSamples, {}, control);
}

namespace {

nlohmann::json modelNames(const LcrpInstance& instance, const std::vector<int>& models)
{
    nlohmann::json names = nlohmann::json::array();
    for (int j : models)
        names.push_back(j >= 0 ? nlohmann::json(instance.models[static_cast<std::size_t>(j)].name) : nlohmann::json());
    return names;
}

nlohmann::json candidateJson(const LcrpInstance& instance, const LcrpGroupCandidate& c)
{
    return {{"assignment", modelNames(instance, c.models)},
            {"cost_usd", c.costUsd},
            {"unary_objective", c.unaryObjective},
            {"quality_violations", c.qualityViolations},
            {"other_violations", c.otherViolations},
            {"sample_weight", c.weight},
            {"sampled_valid", c.sampledValid}};
}

nlohmann::json methodJson(const LcrpInstance& instance, const LcrpMethodSummary& s)
{
    const bool found = !s.assignment.empty();
    return {{"method", s.method},
            {"status", s.status},
            {"objective", found ? nlohmann::json(s.objective) : nlohmann::json()},
            {"gap_percent", s.gapPercent ? nlohmann::json(*s.gapPercent) : nlohmann::json()},
            {"cost_usd", found ? nlohmann::json(s.costUsd) : nlohmann::json()},
            {"quality_satisfaction", found ? nlohmann::json(s.qualitySatisfaction) : nlohmann::json()},
            {"budget_use", found ? nlohmann::json(s.budgetUse) : nlohmann::json()},
            {"within_budget", s.withinBudget},
            {"seconds", s.seconds},
            {"assignment", modelNames(instance, s.assignment)}};
}

const nlohmann::json& field(const nlohmann::json& j, const char* key, const std::string& where)
{
    if (!j.is_object() || !j.contains(key))
        throw Error(ErrorCode::InvalidInput, std::string("missing field '") + key + "'", where);
    return j.at(key);
}

} // namespace

nlohmann::json lcrpBatchResultJson(const LcrpInstance& instance, const LcrpBatchResult& result)
{
    nlohmann::json groups = nlohmann::json::array();
    for (std::size_t g = 0; g < result.groups.size(); ++g) {
        const LcrpGroupOutcome& o = result.groups[g];
        nlohmann::json tasks = nlohmann::json::array();
        for (std::size_t t : o.tasks)
            tasks.push_back(instance.tasks[t].id);
        nlohmann::json candidates = nlohmann::json::array();
        for (const LcrpGroupCandidate& c : o.candidates)
            candidates.push_back(candidateJson(instance, c));
        groups.push_back({{"group", g + 1},
                          {"tasks", tasks},
                          {"qubits", o.qubits},
                          {"need_usd", o.needUsd},
                          {"initial_budget_usd", o.initialBudgetUsd},
                          {"budget_usd", o.budgetUsd},
                          {"valid_rate", o.validRate},
                          {"random_valid_rate", o.randomValidRate},
                          {"distinct_assignments", o.distinctAssignments},
                          {"solves", o.solves},
                          {"qaoa_seconds", o.qaoaSeconds},
                          {"chosen", o.candidates.empty() ? nlohmann::json() : nlohmann::json(o.chosen)},
                          {"candidates", candidates}});
    }
    nlohmann::json methods = nlohmann::json::array();
    for (const LcrpMethodSummary* s : {&result.batch, &result.recombined, &result.greedy, &result.greedyBudget})
        methods.push_back(methodJson(instance, *s));
    if (result.exact)
        methods.push_back(methodJson(instance, *result.exact));
    const LcrpBatchTimes& t = result.times;
    return {{"tasks", instance.numTasks()},
            {"models", instance.numModels()},
            {"budget_usd", instance.budgetUsd},
            {"sampler", result.sampler},
            {"num_groups", result.groups.size()},
            {"tasks_per_group", result.tasksPerGroup},
            {"qubits_per_group", result.qubitsPerGroup},
            {"rebalance_rounds", result.rebalanceRoundsRun},
            {"cancelled", result.cancelled},
            {"objective", result.batch.assignment.empty() ? nlohmann::json() : nlohmann::json(result.batch.objective)},
            {"exact_objective", result.exact && !result.exact->assignment.empty()
                                    ? nlohmann::json(result.exact->objective)
                                    : nlohmann::json()},
            {"gap_percent", result.batch.gapPercent ? nlohmann::json(*result.batch.gapPercent) : nlohmann::json()},
            {"times", {{"partition", t.partition}, {"qaoa", t.qaoa}, {"rebalance", t.rebalance},
                       {"recombine", t.recombine}, {"refine", t.refine}, {"exact", t.exact}, {"greedy", t.greedy},
                       {"total", t.total}}},
            {"methods", methods},
            {"groups", groups}};
}

nlohmann::json lcrpBatchPlanToJson(const LcrpBatchPlan& plan)
{
    nlohmann::json groups = nlohmann::json::array();
    for (const LcrpTaskGroup& g : plan.partition.groups)
        groups.push_back({{"tasks", g.tasks}, {"need_usd", g.needUsd}, {"budget_usd", g.budgetUsd}});
    return {{"slack_bits", plan.partition.slackBits},
            {"tasks_per_group", plan.partition.tasksPerGroup},
            {"qubits_per_group", plan.partition.qubitsPerGroup},
            {"groups", groups}};
}

LcrpBatchPlan lcrpBatchPlanFromJson(const LcrpInstance& instance, const nlohmann::json& json, const std::string& where)
{
    instance.validate();
    LcrpBatchPlan plan;
    try {
        plan.partition.slackBits = field(json, "slack_bits", where).get<int>();
        plan.partition.tasksPerGroup = field(json, "tasks_per_group", where).get<std::size_t>();
        plan.partition.qubitsPerGroup = field(json, "qubits_per_group", where).get<std::size_t>();
        const nlohmann::json& groups = field(json, "groups", where);
        if (!groups.is_array() || groups.empty())
            throw Error(ErrorCode::InvalidInput, "'groups' must be a non-empty array", where + ":/groups");
        std::vector<bool> seen(instance.numTasks(), false);
        for (std::size_t g = 0; g < groups.size(); ++g) {
            const std::string place = where + ":/groups/" + std::to_string(g);
            LcrpTaskGroup group;
            for (const nlohmann::json& t : field(groups[g], "tasks", place)) {
                const auto task = t.get<std::size_t>();
                if (task >= instance.numTasks() || seen[task])
                    throw Error(ErrorCode::InvalidInput,
                                std::string("task ") + std::to_string(task) + " is out of range or in two groups", place + "/tasks");
                seen[task] = true;
                group.tasks.push_back(task);
            }
            if (group.tasks.empty())
                throw Error(ErrorCode::InvalidInput, "a group without tasks", place + "/tasks");
            group.needUsd = field(groups[g], "need_usd", place).get<double>();
            group.budgetUsd = field(groups[g], "budget_usd", place).get<double>();
            plan.partition.groups.push_back(std::move(group));
        }
        if (std::find(seen.begin(), seen.end(), false) != seen.end())
            throw Error(ErrorCode::InvalidInput, "not every task of the instance is in a group", where + ":/groups");
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorCode::InvalidInput, std::string("malformed plan: ") + e.what(), where);
    }
    if (plan.partition.slackBits < 0 || plan.partition.slackBits > 30)
        throw Error(ErrorCode::InvalidInput, "slack bits must be in [0, 30]", where + ":/slack_bits");
    for (std::size_t i = 0; i < instance.numTasks(); ++i)
        plan.partition.taskNeedUsd.push_back(lcrpTaskNeedUsd(instance, i));
    plan.encoding.objective = LcrpObjectiveKind::Exact;
    plan.encoding.budgetSlackBits = plan.partition.slackBits;
    for (std::size_t g = 0; g < plan.partition.groups.size(); ++g)
        plan.groupInstances.push_back(lcrpGroupInstance(instance, plan.partition.groups[g], g));
    return plan;
}

} // namespace engine
