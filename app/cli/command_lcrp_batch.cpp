// SPDX-License-Identifier: MIT
// `qaoa-cli lcrp-batch`: LCRP at production scale by task groups, locally or as a batch of jobs, against exact.
#include "cli_app.h"
#include "cli_output.h"

#include "core/error.h"
#include "io/atomic_file.h"
#include "io/instance_file.h"
#include "jobservice/backend_listing.h"
#include "jobservice/job_service.h"
#include "jobservice/lcrp_batch_jobs.h"
#include "lcrp/lcrp_generator.h"
#include "warmstart/lcrp_batch.h"

#include <cstdio>
#include <filesystem>
#include <ostream>
#include <string>
#include <variant>

namespace cli {

namespace {

using engine::Error;
using engine::ErrorCode;

/// The manifest of a submitted batch: what --collect needs to gather the jobs and finish.
constexpr const char* MANIFEST_FORMAT = "qaoa-workbench-lcrp-batch";
constexpr int MANIFEST_VERSION = 1;

engine::LcrpInstance instanceFromArgs(const ParsedArgs& args)
{
    if (!args.positionals.empty()) {
        if (args.has("--tasks") || args.has("--models"))
            throw Error(ErrorCode::InvalidArgument, "give either FILE or --tasks/--models, not both", "--tasks");
        engine::Instance instance = loadInstanceArg(args);
        auto* lcrp = std::get_if<engine::LcrpInstance>(&instance);
        if (lcrp == nullptr)
            throw Error(ErrorCode::InvalidInput, "lcrp-batch needs an LCRP instance", args.positionals[0]);
        if (args.has("--budget"))
            lcrp->budgetUsd = args.number("--budget", 0.0, 1e-9, 1e12);
        return *lcrp;
    }
    engine::LcrpGeneratorOptions g;
    g.numTasks = static_cast<std::size_t>(args.integer("--tasks", 80, 1, 100000));
    g.numModels = static_cast<std::size_t>(args.integer("--models", 5, 1, 5));
    g.seed = static_cast<std::uint32_t>(args.integer("--seed", 1, 0, 4294967295LL));
    g.budgetUsd = args.number("--budget", 5.0 * static_cast<double>(g.numTasks), 1e-9, 1e12);
    engine::LcrpInstance instance = engine::generateLcrp(g);
    instance.name = std::to_string(g.numTasks) + "x" + std::to_string(g.numModels) + " seed " + std::to_string(g.seed);
    return instance;
}

engine::LcrpBatchOptions optionsFromArgs(const ParsedArgs& args)
{
    engine::LcrpBatchOptions o;
    o.maxQubits = static_cast<std::size_t>(
        args.integer("--max-qubits", static_cast<long long>(engine::DEFAULT_LCRP_GROUP_QUBITS), 1,
                     static_cast<long long>(engine::MAX_LCRP_GROUP_QUBITS)));
    o.slackBits = static_cast<int>(args.integer("--slack-bits", 0, 0, 30));
    o.depth = static_cast<std::size_t>(args.integer("--depth", 1, 1, 64));
    o.angles = engine::angleMethodFromName(args.choice("--params", "predicted", {"predicted", "optimize"}));
    o.optimizerRestarts = static_cast<int>(args.integer("--restarts", 2, 1, 1000));
    o.optimizerEvaluations = static_cast<int>(args.integer("--maxiter", 40, 1, 100000));
    o.mixer = engine::mixerKindFromName(args.text("--mixer", "x"));
    o.shots = static_cast<std::uint64_t>(args.integer("--shots", 4000, 1, 10000000));
    o.seed = args.unsignedInteger("--seed", 1);
    o.candidatesPerGroup = static_cast<std::size_t>(args.integer("--candidates", 8, 1, 1024));
    o.rebalanceRounds = static_cast<int>(args.integer("--rebalance", 3, 0, 100));
    o.refine = !args.flag("--no-refine");
    o.compareExact = !args.flag("--no-exact");
    o.exactTimeLimitSeconds = args.number("--exact-time-limit", 60.0, 1e-3, 1e7);
    o.threads = static_cast<int>(args.integer("--threads", 0, 0, 1024));
    return o;
}

nlohmann::json optionsJson(const engine::LcrpBatchOptions& o)
{
    return {{"max_qubits", o.maxQubits},    {"slack_bits", o.slackBits},       {"depth", o.depth},
            {"shots", o.shots},             {"seed", o.seed},                  {"candidates", o.candidatesPerGroup},
            {"rebalance", o.rebalanceRounds}, {"refine", o.refine},           {"exact", o.compareExact},
            {"exact_time_limit", o.exactTimeLimitSeconds}};
}

engine::LcrpBatchOptions optionsFromManifest(const nlohmann::json& j, const std::string& where)
{
    engine::LcrpBatchOptions o;
    try {
        o.maxQubits = j.at("max_qubits").get<std::size_t>();
        o.slackBits = j.at("slack_bits").get<int>();
        o.depth = j.at("depth").get<std::size_t>();
        o.shots = j.at("shots").get<std::uint64_t>();
        o.seed = j.at("seed").get<std::uint64_t>();
        o.candidatesPerGroup = j.at("candidates").get<std::size_t>();
        o.rebalanceRounds = j.at("rebalance").get<int>();
        o.refine = j.at("refine").get<bool>();
        o.compareExact = j.at("exact").get<bool>();
        o.exactTimeLimitSeconds = j.at("exact_time_limit").get<double>();
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorCode::InvalidInput, std::string("malformed options: ") + e.what(), where + ":/options");
    }
    return o;
}

void printTable(std::ostream& out, const nlohmann::json& j)
{
    out << "LCRP batch: " << j["tasks"] << " tasks x " << j["models"] << " models, budget $" << j["budget_usd"]
        << "; " << j["num_groups"] << " groups of at most " << j["tasks_per_group"] << " tasks ("
        << j["qubits_per_group"] << " qubits), sampler " << j["sampler"].get<std::string>() << ", "
        << j["rebalance_rounds"] << " rebalancing rounds\n\n";
    char line[256];
    std::snprintf(line, sizeof line, "%-14s %-10s %14s %10s %12s %8s %8s %6s %9s\n", "method", "status", "objective",
                  "gap", "cost USD", "quality", "budget", "in B", "seconds");
    out << line;
    for (const auto& m : j["methods"]) {
        const auto number = [&](const char* key, const char* format, double scale) {
            if (m[key].is_null())
                return std::string("-");
            char text[48];
            std::snprintf(text, sizeof text, format, scale * m[key].get<double>());
            return std::string(text);
        };
        std::snprintf(line, sizeof line, "%-14s %-10s %14s %10s %12s %8s %8s %6s %9.3f\n",
                      m["method"].get<std::string>().c_str(), m["status"].get<std::string>().c_str(),
                      number("objective", "%.4f", 1.0).c_str(), number("gap_percent", "%.3f%%", 1.0).c_str(),
                      number("cost_usd", "%.2f", 1.0).c_str(), number("quality_satisfaction", "%.1f%%", 100.0).c_str(),
                      number("budget_use", "%.1f%%", 100.0).c_str(), m["within_budget"].get<bool>() ? "yes" : "no",
                      m["seconds"].get<double>());
        out << line;
    }
    out << "\n";
    std::snprintf(line, sizeof line, "%5s %6s %7s %11s %11s %9s %9s %9s %6s\n", "group", "tasks", "qubits", "budget",
                  "chosen USD", "valid", "random", "distinct", "solves");
    out << line;
    for (const auto& g : j["groups"]) {
        const double chosenCost =
            g["chosen"].is_null() ? 0.0 : g["candidates"][g["chosen"].get<std::size_t>()]["cost_usd"].get<double>();
        std::snprintf(line, sizeof line, "%5d %6zu %7d %11.4f %11.4f %8.3f%% %8.4f%% %9d %6d\n", g["group"].get<int>(),
                      g["tasks"].size(), g["qubits"].get<int>(), g["budget_usd"].get<double>(), chosenCost,
                      100.0 * g["valid_rate"].get<double>(), 100.0 * g["random_valid_rate"].get<double>(),
                      g["distinct_assignments"].get<int>(), g["solves"].get<int>());
        out << line;
    }
    const auto& t = j["times"];
    std::snprintf(line, sizeof line,
                  "\nseconds: partition %.4f, QAOA %.3f, rebalance %.4f, recombine %.4f, refine %.4f, exact %.3f, "
                  "total %.3f\n",
                  t["partition"].get<double>(), t["qaoa"].get<double>(), t["rebalance"].get<double>(),
                  t["recombine"].get<double>(), t["refine"].get<double>(), t["exact"].get<double>(),
                  t["total"].get<double>());
    out << line;
}

void printResult(std::ostream& out, const ParsedArgs& args, const engine::LcrpInstance& instance,
                 const engine::LcrpBatchResult& result, const nlohmann::json& extra = {})
{
    nlohmann::json j = engine::lcrpBatchResultJson(instance, result);
    if (extra.is_object())
        j.update(extra);
    if (args.flag("--json"))
        printJson(out, j);
    else
        printTable(out, j);
}

engine::JobService makeService(const ParsedArgs& args, const std::string& backend)
{
    engine::JobServiceOptions options;
    if (!engine::isLocalBackendName(backend))
        options.ibm = ibmClientFromArgs(args, true);
    return engine::JobService(engine::JobStore(jobStorePathFromArgs(args)), options);
}

/// Waits for every job of a batch and finishes the pipeline from their samples; throws when one did not complete.
void collect(const ParsedArgs& args, std::ostream& out, engine::JobService& service,
             const engine::LcrpInstance& instance, const engine::LcrpBatchPlan& plan,
             const engine::LcrpBatchOptions& options, const std::vector<std::int64_t>& jobs)
{
    engine::WaitOptions wait;
    wait.timeoutSeconds = args.number("--timeout", 0.0, 0.0, 1e7);
    std::vector<engine::SampleSet> samples;
    nlohmann::json ids = nlohmann::json::array();
    for (std::size_t g = 0; g < jobs.size(); ++g) {
        engine::JobRecord record = service.get(jobs[g]);
        if (!engine::isTerminalState(record.status))
            record = service.wait(jobs[g], wait);
        try {
            samples.push_back(engine::lcrpBatchGroupSamples(plan, g, record));
        } catch (const Error& e) {
            if (e.code() != ErrorCode::Io)
                throw;
            throw Error(ErrorCode::Io, e.detail() + "; collect again once it has completed", e.where());
        }
        ids.push_back(jobs[g]);
    }
    const engine::LcrpBatchResult result = engine::finishLcrpBatch(instance, plan, samples, options);
    printResult(out, args, instance, result, {{"jobs", ids}, {"backend", service.get(jobs[0]).backend}});
}

std::vector<std::int64_t> submitGroups(const ParsedArgs& args, engine::JobService& service,
                                       const engine::LcrpBatchPlan& plan,
                                       const engine::LcrpBatchOptions& options, const std::string& backend)
{
    std::vector<engine::JobSubmission> submissions;
    try {
        submissions = engine::lcrpBatchSubmissions(plan, options, backend,
                                                   args.has("--session") ? args.requiredText("--session") : "");
    } catch (const Error& e) {
        throw Error(e.code(), e.detail() + " (--backend local runs them)", "--params");
    }
    std::vector<std::int64_t> ids;
    for (std::size_t g = 0; g < submissions.size(); ++g) {
        const engine::JobSubmission& s = submissions[g];
        engine::PreparedJob prepared;
        try {
            prepared = service.prepare(s);
        } catch (const Error& e) {
            throw Error(e.code(), std::string("group ") + std::to_string(g + 1) + ": " + e.detail(),
                        e.where() == "backend" ? std::string("--backend") : e.where());
        }
        const engine::JobRecord record = service.submit(prepared);
        if (record.status == engine::JobState::Failed || record.status == engine::JobState::Cancelled)
            throw Error(ErrorCode::Io,
                        std::string("group ") + std::to_string(g + 1) + " was refused: " + record.errorText,
                        std::string("job ") + std::to_string(record.localId));
        ids.push_back(record.localId);
    }
    return ids;
}

void runLcrpBatchCommand(const ParsedArgs& args, std::ostream& out)
{
    if (args.has("--collect")) {
        const std::string path = args.requiredText("--collect");
        nlohmann::json manifest;
        try {
            manifest = nlohmann::json::parse(engine::readWholeFile(path));
        } catch (const nlohmann::json::exception& e) {
            throw Error(ErrorCode::InvalidInput, std::string("not JSON: ") + e.what(), path);
        }
        if (!manifest.is_object() || manifest.value("format", std::string()) != MANIFEST_FORMAT
            || !manifest.contains("jobs") || !manifest.contains("instance") || !manifest.contains("plan"))
            throw Error(ErrorCode::InvalidInput, "not an lcrp-batch manifest (written by --submit)", path);
        const engine::Instance parsed = engine::instanceFromJson(manifest["instance"], path + ":/instance");
        const auto& instance = std::get<engine::LcrpInstance>(parsed);
        const engine::LcrpBatchPlan plan = engine::lcrpBatchPlanFromJson(instance, manifest["plan"], path + ":/plan");
        const engine::LcrpBatchOptions options = optionsFromManifest(manifest["options"], path);
        std::vector<std::int64_t> jobs;
        for (const auto& id : manifest["jobs"])
            jobs.push_back(id.get<std::int64_t>());
        if (jobs.size() != plan.groupInstances.size())
            throw Error(ErrorCode::InvalidInput, "one job per group is needed", path + ":/jobs");
        ParsedArgs withStore = args;
        if (!args.has("--store") && manifest.contains("store") && manifest["store"].is_string())
            withStore.set("--store", manifest["store"].get<std::string>());
        engine::JobService service = makeService(withStore, manifest.value("backend", std::string("local:fez")));
        collect(args, out, service, instance, plan, options, jobs);
        return;
    }

    const engine::LcrpInstance instance = instanceFromArgs(args);
    const engine::LcrpBatchOptions options = optionsFromArgs(args);
    const std::string backend = args.text("--backend", "local");
    if (backend == "local") {
        if (args.flag("--submit"))
            throw Error(ErrorCode::InvalidArgument, "--submit needs a job backend such as local:fez or ibm_fez",
                        "--backend");
        const engine::LcrpBatchResult result = engine::runLcrpBatch(instance, options);
        printResult(out, args, instance, result);
        return;
    }
    const engine::LcrpBatchPlan plan = engine::planLcrpBatch(instance, options);
    engine::JobService service = makeService(args, backend);
    const bool submitOnly = args.flag("--submit");
    const std::string manifestPath = args.text("--manifest");
    if (submitOnly && manifestPath.empty())
        throw Error(ErrorCode::InvalidArgument, "--submit needs --manifest PATH to collect the jobs later",
                    "--manifest");
    const std::vector<std::int64_t> jobs = submitGroups(args, service, plan, options, backend);
    if (!manifestPath.empty()) {
        const nlohmann::json manifest{{"format", MANIFEST_FORMAT},
                                      {"formatVersion", MANIFEST_VERSION},
                                      {"backend", backend},
                                      {"store", service.store().path()},
                                      {"instance", engine::instanceToJson(instance)},
                                      {"plan", engine::lcrpBatchPlanToJson(plan)},
                                      {"options", optionsJson(options)},
                                      {"jobs", jobs}};
        engine::writeFileAtomically(manifestPath, manifest.dump(2) + "\n");
    }
    if (submitOnly) {
        const nlohmann::json j{{"backend", backend}, {"jobs", jobs}, {"manifest", manifestPath},
                               {"store", service.store().path()}, {"num_groups", jobs.size()},
                               {"qubits_per_group", plan.partition.qubitsPerGroup}};
        if (args.flag("--json"))
            printJson(out, j);
        else
            out << jobs.size() << " group jobs submitted to " << backend << " (store " << service.store().path()
                << "); collect with: qaoa-cli lcrp-batch --collect " << manifestPath << "\n";
        return;
    }
    collect(args, out, service, instance, plan, options, jobs);
}

} // namespace

Command makeLcrpBatchCommand()
{
    Command c;
    c.name = "lcrp-batch";
    c.summary = "LCRP at production scale: task groups by QAOA, budget rebalancing, recombination, vs exact";
    c.usage =
        "Usage: qaoa-cli lcrp-batch [FILE | --tasks N --models M --seed S [--budget B]] [--max-qubits Q]\n"
        "                           [--depth P] [--backend local|NAME] [--submit --manifest PATH]\n"
        "                           [--collect PATH] [--json]\n\n"
        "Splits the LCRP instance (FILE, or the generator's N x M batch with budget N x 5 USD; default 80 x 5)\n"
        "into groups of tasks whose QUBOs fit --max-qubits (tasks x M + --slack-bits), mixing complexities so that\n"
        "the groups need similar budgets. The budget is shared in proportion to those needs. Each group is sampled\n"
        "by QAOA (--backend local: the statevector; NAME: one job per group on local:fez, ibm_fez, ... through the\n"
        "job store), the samples are decoded into valid assignments, unused budget moves to groups whose pick\n"
        "misses its quality floor (--rebalance rounds), one assignment per group is chosen by a knapsack under\n"
        "the global budget, and a local search refines it. The table compares the objective, its gap to the\n"
        "exact CBC optimum (budget hard), cost, quality satisfaction, budget use and seconds with both greedy\n"
        "rules, and lists every group. --submit only submits the group jobs and writes --manifest; --collect\n"
        "PATH waits for those jobs and finishes the recombination from their samples.";
    c.options = instanceFileOptions();
    const std::vector<OptionSpec> own{
        {"--tasks", "N", "generate N tasks (default 80)"},
        {"--models", "M", "generate with the first M model tiers (default 5)"},
        {"--budget", "B", "budget in USD (default N x 5 for generated instances; overrides FILE's)"},
        {"--seed", "S", "generator seed, partition ties and QAOA sampling (default 1)"},
        {"--max-qubits", "Q", "qubits of one group QUBO (default 20)"},
        {"--slack-bits", "K", "budget slack bits per group QUBO (default 0: budget handled classically)"},
        {"--depth", "P", "QAOA depth p (default 1)"},
        {"--params", "METHOD", "predicted (default) or optimize (COBYLA; local only)"},
        {"--restarts", "R", "optimize: restarts per group (default 2)"},
        {"--maxiter", "K", "optimize: evaluations per restart (default 40)"},
        {"--mixer", "NAME", "x (default), xy-ring, xy-complete, xy-parity (local only)"},
        {"--shots", "S", "samples per group (default 4000)"},
        {"--candidates", "K", "assignments per group handed to the recombination (default 8)"},
        {"--rebalance", "R", "budget rebalancing rounds (default 3)"},
        {"--no-refine", "", "skip the local search after recombination"},
        {"--no-exact", "", "skip the exact CBC comparison"},
        {"--exact-time-limit", "SEC", "time limit of the exact solver (default 60)"},
        {"--threads", "T", "statevector threads (default: all cores)"},
        {"--backend", "NAME", "local (statevector, default), local:fez, ..., or an IBM backend"},
        {"--submit", "", "only submit the group jobs (needs --manifest)"},
        {"--manifest", "PATH", "write the batch manifest (plan and job ids) here"},
        {"--collect", "PATH", "gather the jobs of a manifest and finish the recombination"},
        {"--session", "ID", "IBM: submit the group jobs into this session or batch"},
        {"--timeout", "S", "give up waiting for jobs after S seconds (default: no limit)"},
        {"--store", "PATH", "job store file"},
        {"--json", "", "print one JSON object"},
    };
    c.options.insert(c.options.end(), own.begin(), own.end());
    const std::vector<OptionSpec> account = ibmAccountOptions();
    c.options.insert(c.options.end(), account.begin(), account.end());
    c.run = runLcrpBatchCommand;
    return c;
}

} // namespace cli
