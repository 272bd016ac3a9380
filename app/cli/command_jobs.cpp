// SPDX-License-Identifier: MIT
// `qaoa-cli jobs list|show|results|cancel|delete|resume`: the job store, and the IBM account shared by job commands.
#include "cli_app.h"
#include "cli_output.h"

#include "bundle/bundle_file.h"
#include "bundle/bundle_kinds.h"
#include "core/error.h"
#include "jobservice/job_service.h"

#include <cstdio>
#include <cstdlib>
#include <ostream>

namespace cli {

namespace {

using engine::Error;
using engine::ErrorCode;

std::string environment(const char* name)
{
    const char* value = std::getenv(name);
    return value ? std::string(value) : std::string();
}

engine::JobRecord jobArg(const engine::JobService& service, const ParsedArgs& args)
{
    if (args.positionals.size() < 2)
        throw Error(ErrorCode::InvalidArgument, "missing job ID (a local id or an IBM job id)", "ID");
    const std::string& id = args.positionals[1];
    auto record = service.find(id);
    if (!record)
        throw Error(ErrorCode::InvalidArgument, std::string("no job '") + id + "' in " + service.store().path(), "ID");
    return std::move(*record);
}

void printRecordText(std::ostream& out, const engine::JobRecord& r)
{
    out << "job " << r.localId << " on " << r.backend << ": " << engine::jobStateName(r.status);
    if (!r.remoteId.empty())
        out << " (" << r.remoteId << ")";
    out << "\n  created " << r.createdAt << ", client tag " << r.clientTag << "\n";
    if (r.usage)
        out << "  QPU time " << r.usage->qpuSeconds << " s" << (r.usage->final ? "" : " (provisional)") << "\n";
    for (const engine::JobStateChange& c : r.history) {
        out << "  " << c.at << "  " << engine::jobStateName(c.status);
        if (!c.reasonCode.empty())
            out << " [" << c.reasonCode << "]";
        if (!c.detail.empty())
            out << "  " << c.detail;
        out << "\n";
    }
    if (!r.errorText.empty())
        out << "  error: " << r.errorText << "\n";
}

void printAnalysisText(std::ostream& out, const nlohmann::json& a)
{
    out << "  " << a["shots"] << " shots, " << a["distinct_outcomes"] << " distinct outcomes over "
        << a["num_variables"] << " variables (" << a["problem"].get<std::string>() << ")\n"
        << "  best energy " << a["best_energy"] << ", mean energy " << a["mean_energy"] << ", optimum "
        << a["optimum_energy"] << ", approximation ratio " << a["approximation_ratio"] << "\n";
    if (!a["valid_rate"].is_null())
        out << "  valid rate " << 100.0 * a["valid_rate"].get<double>() << " % (uniform-random baseline "
            << 100.0 * a["random_valid_rate"].get<double>() << " %), feasible rate "
            << 100.0 * a["feasible_rate"].get<double>() << " %, best valid cost " << a["best_valid_cost_usd"]
            << " USD\n";
    if (!a["best_cut"].is_null())
        out << "  best cut " << a["best_cut"] << ", expected cut " << a["expected_cut"] << " of "
            << a["optimal_cut"] << "\n";
    if (!a["exact_note"].get<std::string>().empty())
        out << "  note: " << a["exact_note"].get<std::string>() << "\n";
    out << "  most frequent outcomes (variable 0 rightmost):\n";
    std::size_t shown = 0;
    for (const auto& c : a["counts"]) {
        if (++shown > 10)
            break;
        out << "    " << c["bitstring"].get<std::string>() << "  " << c["count"] << "\n";
    }
}

void runJobs(const ParsedArgs& args, std::ostream& out)
{
    if (args.positionals.empty())
        throw Error(ErrorCode::InvalidArgument, "missing action: list, show, results, cancel, delete or resume",
                    "ACTION");
    const std::string action = args.positionals[0];
    const bool json = args.flag("--json");
    const bool listLike = action == "list" || action == "resume";
    if (action != "list" && action != "show" && action != "results" && action != "cancel" && action != "delete"
        && action != "resume")
        throw Error(ErrorCode::InvalidArgument,
                    std::string("unknown action '") + action + "' (expected list, show, results, cancel, delete or resume)",
                    "ACTION");
    if (listLike && args.positionals.size() > 1)
        throw Error(ErrorCode::InvalidArgument, std::string("'") + action + "' takes no job ID", "ID");
    if (args.has("--remote") && action != "delete")
        throw Error(ErrorCode::InvalidArgument, "--remote applies to delete", "--remote");
    if (args.has("--resubmit") && action != "resume")
        throw Error(ErrorCode::InvalidArgument, "--resubmit applies to resume", "--resubmit");
    if (args.has("--limit") && action != "list")
        throw Error(ErrorCode::InvalidArgument, "--limit applies to list", "--limit");
    if (args.has("--bundle") && action != "results")
        throw Error(ErrorCode::InvalidArgument, "--bundle applies to results", "--bundle");

    // Only the actions that may talk to IBM load the account; list and results work offline.
    engine::JobServiceOptions options;
    std::vector<std::string> warnings;
    if (action == "show" || action == "cancel" || action == "delete" || action == "resume") {
        try {
            options.ibm = ibmClientFromArgs(args, args.has("--account"));
        } catch (const Error& e) {
            if (args.has("--account"))
                throw;
            warnings.push_back(std::string("IBM account unusable: ") + e.what());
        }
    }
    engine::JobService service(engine::JobStore(jobStorePathFromArgs(args)), options);

    if (action == "list") {
        engine::JobFilter filter;
        filter.limit = static_cast<std::size_t>(args.integer("--limit", 100, 1, 100000));
        const std::vector<engine::JobRecord> jobs = service.store().list(filter);
        if (json) {
            nlohmann::json list = nlohmann::json::array();
            for (const engine::JobRecord& r : jobs)
                list.push_back(engine::jobRecordJson(r));
            printJson(out, {{"store", service.store().path()}, {"jobs", std::move(list)}});
            return;
        }
        char line[512];
        std::snprintf(line, sizeof line, "%6s  %-10s %-14s %-24s %-24s %8s\n", "id", "status", "backend", "job id",
                      "created", "QPU s");
        out << line;
        for (const engine::JobRecord& r : jobs) {
            std::snprintf(line, sizeof line, "%6lld  %-10s %-14s %-24s %-24s %8s\n", static_cast<long long>(r.localId),
                          engine::jobStateName(r.status), r.backend.c_str(),
                          r.remoteId.empty() ? "-" : r.remoteId.c_str(), r.createdAt.c_str(),
                          r.usage ? std::to_string(r.usage->qpuSeconds).c_str() : "-");
            out << line;
        }
        if (jobs.empty())
            out << "(no jobs in " << service.store().path() << ")\n";
        return;
    }
    if (action == "resume") {
        engine::ResumeOptions resume;
        resume.resubmitMissing = args.flag("--resubmit");
        const std::vector<engine::ResumeOutcome> outcomes = service.resumeUnfinished(resume);
        if (json) {
            nlohmann::json list = nlohmann::json::array();
            for (const engine::ResumeOutcome& o : outcomes)
                list.push_back({{"local_id", o.localId},
                                {"before", engine::jobStateName(o.before)},
                                {"after", engine::jobStateName(o.after)},
                                {"action", o.action}});
            printJson(out, {{"resumed", std::move(list)}, {"warnings", warnings}});
            return;
        }
        for (const engine::ResumeOutcome& o : outcomes)
            out << "job " << o.localId << ": " << engine::jobStateName(o.before) << " -> "
                << engine::jobStateName(o.after) << " (" << o.action << ")\n";
        if (outcomes.empty())
            out << "no unfinished jobs\n";
        for (const std::string& w : warnings)
            out << "warning: " << w << "\n";
        return;
    }

    engine::JobRecord record = jobArg(service, args);
    if (action == "show") {
        // An unfinished IBM job is worth one look at IBM; without an account the stored state is shown.
        if (!engine::isTerminalState(record.status) && record.provider == engine::JobProvider::Ibm && service.ibm()) {
            try {
                record = service.refresh(record.localId);
            } catch (const Error& e) {
                warnings.push_back(std::string("could not refresh from IBM: ") + e.what());
            }
        }
        if (json) {
            nlohmann::json j = engine::jobRecordJson(record, true);
            j["warnings"] = warnings;
            printJson(out, j);
            return;
        }
        printRecordText(out, record);
        for (const std::string& w : warnings)
            out << "warning: " << w << "\n";
        return;
    }
    if (action == "results") {
        if (record.results.is_null())
            throw Error(ErrorCode::InvalidArgument,
                        std::string("job ") + std::to_string(record.localId) + " has no results (status "
                            + engine::jobStateName(record.status) + ")",
                        "ID");
        // Re-analysed from the stored samples every time, so a newer analysis replaces an older one.
        const nlohmann::json analysis = service.analyze(record.localId);
        std::string bundlePath;
        if (args.has("--bundle")) {
            // The record as stored now, analysis included: `bundle verify` re-analyses its raw results.
            bundlePath = args.text("--bundle");
            engine::writeBundle(engine::makeJobBundle(service.store().get(record.localId).value_or(record)),
                                bundlePath);
        }
        if (json) {
            nlohmann::json j{{"local_id", record.localId},
                             {"job_id", record.remoteId},
                             {"backend", record.backend},
                             {"status", engine::jobStateName(record.status)},
                             {"analysis", analysis}};
            if (args.flag("--raw"))
                j["results"] = record.results;
            if (!bundlePath.empty())
                j["bundle"] = bundlePath;
            printJson(out, j);
            return;
        }
        printRecordText(out, record);
        printAnalysisText(out, analysis);
        if (!bundlePath.empty())
            out << "wrote bundle " << bundlePath << "\n";
        return;
    }
    if (action == "cancel") {
        record = service.cancel(record.localId);
        if (json)
            printJson(out, engine::jobRecordJson(record));
        else
            printRecordText(out, record);
        return;
    }
    // delete
    const bool removed = service.remove(record.localId, args.flag("--remote"));
    if (json)
        printJson(out, {{"local_id", record.localId},
                        {"job_id", record.remoteId.empty() ? nlohmann::json(nullptr) : nlohmann::json(record.remoteId)},
                        {"deleted", removed},
                        {"remote_deleted", removed && args.flag("--remote") && !record.remoteId.empty()
                                               && record.provider == engine::JobProvider::Ibm}});
    else
        out << (removed ? "deleted job " : "no job ") << record.localId << "\n";
}

} // namespace

std::vector<OptionSpec> ibmAccountOptions()
{
    return {
        {"--ibm-url", "URL", "IBM Quantum API base URL (default: from the instance's region; env QAOA_IBM_URL)"},
        {"--iam-url", "URL", "IBM Cloud IAM token URL (env QAOA_IAM_URL)"},
        {"--account", "NAME", "named account of ~/.qiskit/qiskit-ibm.json"},
    };
}

std::shared_ptr<engine::IbmClient> ibmClientFromArgs(const ParsedArgs& args, bool required)
{
    engine::IbmAccountSources sources;
    for (const char* name : {"QISKIT_IBM_TOKEN", "QISKIT_IBM_INSTANCE", "QAOA_IBM_URL", "QAOA_IAM_URL"}) {
        const std::string value = environment(name);
        if (!value.empty())
            sources.environment[name] = value;
    }
    sources.homeDirectory = environment("HOME");
    if (sources.homeDirectory.empty())
        sources.homeDirectory = environment("USERPROFILE");
    sources.accountName = args.text("--account");
    sources.apiUrl = args.text("--ibm-url");
    sources.iamUrl = args.text("--iam-url");
    std::optional<engine::IbmAccount> account;
    try {
        account = engine::findIbmAccount(sources);
    } catch (const Error& e) {
        throw Error(e.code(), e.detail(), args.has("--account") ? "--account" : e.where());
    }
    if (!account) {
        if (required)
            throw Error(ErrorCode::InvalidArgument,
                        "no IBM Quantum account: set QISKIT_IBM_TOKEN and QISKIT_IBM_INSTANCE, or save one with "
                        "Qiskit (~/.qiskit/qiskit-ibm.json)",
                        "--account");
        return nullptr;
    }
    return engine::makeIbmClient(*account);
}

std::string jobStorePathFromArgs(const ParsedArgs& args)
{
    if (args.has("--store")) {
        const std::string path = args.text("--store");
        if (path.empty())
            throw Error(ErrorCode::InvalidArgument, "expected a file path", "--store");
        return path;
    }
    try {
        return engine::defaultJobStorePath(environment("XDG_DATA_HOME"), environment("HOME"));
    } catch (const Error& e) {
        throw Error(e.code(), e.detail() + "; give --store PATH", "--store");
    }
}

Command makeJobsCommand()
{
    Command c;
    c.name = "jobs";
    c.summary = "list, show, analyse, cancel, delete and resume stored jobs";
    c.usage = "Usage: qaoa-cli jobs list [--limit N] [--store PATH] [--json]\n"
              "       qaoa-cli jobs show|results|cancel ID [--store PATH] [--json]\n"
              "       qaoa-cli jobs delete ID [--remote] [--store PATH] [--json]\n"
              "       qaoa-cli jobs resume [--resubmit] [--store PATH] [--json]\n\n"
              "ID is a local id (as 'list' shows) or an IBM job id. 'show' refreshes an unfinished IBM job first;\n"
              "'results' re-analyses the stored samples offline (--raw adds them); 'cancel' cancels on IBM (or\n"
              "marks a local job cancelled); 'delete' removes the job from the store (--remote: from IBM too, for\n"
              "finished jobs); 'resume' settles every unfinished job after a crash: a job whose submission had no\n"
              "answer is looked up on IBM by its client tag (never sent twice), one IBM does not have becomes\n"
              "Failed (--resubmit: sent again), an interrupted local run becomes Failed.";
    c.options = {
        {"--store", "PATH", "job store file (default $XDG_DATA_HOME/qaoa-workbench/jobs.sqlite)"},
        {"--limit", "N", "list: at most N jobs, newest first (default 100)"},
        {"--remote", "", "delete: also delete the IBM job"},
        {"--resubmit", "", "resume: submit again jobs IBM never received"},
        {"--raw", "", "results: include the raw Sampler results"},
        {"--bundle", "FILE", "results: also write the job as a reproducible .qwbundle (see 'qaoa-cli bundle')"},
        {"--json", "", "print one JSON object"},
    };
    const std::vector<OptionSpec> account = ibmAccountOptions();
    c.options.insert(c.options.end(), account.begin(), account.end());
    c.maxPositionals = 2;
    c.run = runJobs;
    return c;
}

} // namespace cli
