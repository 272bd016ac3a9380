// SPDX-License-Identifier: MIT
// `qaoa-cli submit FILE`: builds, transpiles and submits a QAOA sampling job, optionally waiting for its analysis.
#include "cli_app.h"
#include "cli_output.h"

#include "core/error.h"
#include "jobservice/job_service.h"

#include <filesystem>
#include <ostream>

namespace cli {

namespace {

using engine::Error;
using engine::ErrorCode;

engine::JobSubmission submissionFromArgs(const ParsedArgs& args)
{
    engine::JobSubmission s;
    s.instance = loadInstanceArg(args);
    s.instanceName = std::filesystem::path(args.positionals[0]).filename().string();
    s.backend = args.text("--backend", engine::DEFAULT_JOB_BACKEND);
    s.p = static_cast<std::size_t>(args.integer("--p", 1, 1, static_cast<long long>(engine::MAX_JOB_DEPTH)));
    s.shots = args.unsignedInteger("--shots", 4000);
    if (s.shots < 1 || s.shots > engine::MAX_JOB_SHOTS)
        throw Error(ErrorCode::InvalidArgument, std::string("shots must be in 1..") + std::to_string(engine::MAX_JOB_SHOTS),
                    "--shots");
    s.angleMethod = engine::jobAnglesFromName(args.choice("--params", "predicted", {"predicted", "fixed"}));
    if (s.angleMethod == engine::JobAngles::Fixed) {
        s.angles.gammas = args.numberList("--gammas");
        s.angles.betas = args.numberList("--betas");
        if (s.angles.gammas.size() != s.angles.betas.size())
            throw Error(ErrorCode::InvalidArgument, "--gammas and --betas must list the same number of angles",
                        "--betas");
        if (args.has("--p") && s.angles.gammas.size() != s.p)
            throw Error(ErrorCode::InvalidArgument, std::string("--gammas lists ") + std::to_string(s.angles.gammas.size())
                                                        + " angles but --p is " + std::to_string(s.p),
                        "--gammas");
        s.p = s.angles.gammas.size();
        if (s.p < 1 || s.p > engine::MAX_JOB_DEPTH)
            throw Error(ErrorCode::InvalidArgument, "between 1 and 64 angles", "--gammas");
    } else if (args.has("--gammas") || args.has("--betas")) {
        throw Error(ErrorCode::InvalidArgument, "angles are given only with --params fixed", "--gammas");
    }
    s.seed = args.unsignedInteger("--seed", 1);
    s.lcrpEncoding = lcrpEncodingFromArgs(args);
    if (args.has("--dd"))
        s.dynamicalDecoupling = args.choice("--dd", "", {"XX", "XpXm", "XY4"});
    s.twirling = args.flag("--twirling");
    if (args.has("--max-time"))
        s.maxExecutionSeconds = static_cast<int>(args.integer("--max-time", 0, 1, 10800));
    if (args.has("--tag"))
        s.tags = args.list("--tag");
    if (args.has("--session")) {
        s.sessionId = args.requiredText("--session");
        if (s.sessionId.empty())
            throw Error(ErrorCode::InvalidArgument, "a session ID is needed ('qaoa-cli session open' prints one)",
                        "--session");
    }
    try {
        engine::validateSubmission(s);
    } catch (const Error& e) {
        const std::string& w = e.where();
        const std::string option = w == "tags" || w.rfind("tags[", 0) == 0 ? "--tag"
                                   : w == "dynamicalDecoupling"             ? "--dd"
                                   : w == "maxExecutionSeconds"             ? "--max-time"
                                   : w == "sessionId"                       ? "--session"
                                                                            : std::string("--") + w;
        throw Error(e.code(), e.detail(), option);
    }
    return s;
}

nlohmann::json preparedJson(const engine::PreparedJob& job)
{
    nlohmann::json j{{"backend", job.backend},
                     {"device", job.device.name},
                     {"p", job.submission.p},
                     {"shots", job.submission.shots},
                     {"params", engine::jobAnglesName(job.submission.angleMethod)},
                     {"gammas", job.angles.gammas},
                     {"betas", job.angles.betas},
                     {"logical_qubits", job.figures.logicalQubits},
                     {"physical_qubits", job.figures.physicalQubits},
                     {"two_qubit_gates", job.figures.twoQubitGates},
                     {"depth", job.figures.depth},
                     {"two_qubit_depth", job.figures.twoQubitDepth},
                     {"swaps", job.figures.swaps},
                     {"estimated_fidelity", job.figures.estimatedFidelity},
                     {"estimated_qpu_seconds", job.estimatedQpuSeconds},
                     {"warnings", job.warnings}};
    if (job.budget)
        j["open_plan"] = {{"used_seconds", job.budget->usedSeconds},
                          {"remaining_seconds", job.budget->remainingSeconds},
                          {"exceeded", job.budget->exceeded}};
    else
        j["open_plan"] = nullptr;
    return j;
}

/// The headline metrics of an analysis, copied to the top level of the submit answer.
void addHeadline(nlohmann::json& j, const nlohmann::json& analysis)
{
    for (const char* key : {"valid_rate", "random_valid_rate", "best_valid_cost_usd", "feasible_rate", "best_energy",
                            "mean_energy", "approximation_ratio", "best_cut", "expected_cut", "optimal_cut"})
        if (analysis.is_object() && analysis.contains(key))
            j[key] = analysis[key];
}

void printText(std::ostream& out, const nlohmann::json& j)
{
    out << "job " << j["local_id"].get<long long>() << " on " << j["backend"].get<std::string>() << ": "
        << j["status"].get<std::string>();
    if (!j["job_id"].is_null())
        out << " (" << j["job_id"].get<std::string>() << ")";
    if (j.contains("session_id") && !j["session_id"].is_null())
        out << " in session " << j["session_id"].get<std::string>();
    out << "\n  p = " << j["p"] << ", " << j["shots"] << " shots, " << j["logical_qubits"] << " qubits on "
        << j["physical_qubits"] << " physical, " << j["two_qubit_gates"] << " two-qubit gates, depth " << j["depth"]
        << ", " << j["swaps"] << " swaps\n  estimated fidelity " << j["estimated_fidelity"] << ", QPU time estimate "
        << j["estimated_qpu_seconds"] << " s\n";
    if (!j["open_plan"].is_null())
        out << "  Open Plan this month: " << j["open_plan"]["used_seconds"] << " s used, "
            << j["open_plan"]["remaining_seconds"] << " s left\n";
    for (const auto& w : j["warnings"])
        out << "  warning: " << w.get<std::string>() << "\n";
    if (!j["error"].is_null())
        out << "  error: " << j["error"].get<std::string>() << "\n";
    if (j.contains("valid_rate") && !j["valid_rate"].is_null())
        out << "  valid rate " << 100.0 * j["valid_rate"].get<double>() << " % (uniform-random baseline "
            << 100.0 * j["random_valid_rate"].get<double>() << " %)\n";
    if (j.contains("best_valid_cost_usd") && !j["best_valid_cost_usd"].is_null())
        out << "  best valid sample: $" << j["best_valid_cost_usd"].get<double>() << "\n";
    if (j.contains("best_energy"))
        out << "  best energy " << j["best_energy"] << ", mean energy " << j["mean_energy"]
            << ", approximation ratio " << j["approximation_ratio"] << "\n";
}

void runSubmit(const ParsedArgs& args, std::ostream& out)
{
    if (args.positionals.empty())
        throw Error(ErrorCode::InvalidArgument, "missing instance FILE argument", "FILE");
    const bool wait = args.flag("--wait");
    if (args.has("--timeout") && !wait)
        throw Error(ErrorCode::InvalidArgument, "--timeout applies to --wait", "--timeout");
    const double timeout = args.number("--timeout", 0.0, 0.0, 1e7);
    const engine::JobSubmission submission = submissionFromArgs(args);
    const bool local = engine::isLocalBackendName(submission.backend);

    engine::JobServiceOptions options;
    if (!local)
        options.ibm = ibmClientFromArgs(args, true);
    engine::JobService service(engine::JobStore(jobStorePathFromArgs(args)), options);
    engine::PreparedJob prepared;
    try {
        prepared = service.prepare(submission);
    } catch (const Error& e) {
        if (e.where() == "backend")
            throw Error(e.code(), e.detail(), "--backend");
        throw;
    }
    nlohmann::json j = preparedJson(prepared);
    if (args.flag("--dry-run")) {
        j["status"] = "NotSubmitted";
        j["job_id"] = nullptr;
        j["local_id"] = nullptr;
        j["error"] = nullptr;
        j["qasm"] = prepared.qasm;
        if (args.flag("--json"))
            printJson(out, j);
        else
            printText(out, j);
        return;
    }

    engine::JobRecord record = service.submit(prepared, args.flag("--refuse-over-budget"));
    bool timedOut = false;
    if (wait && !engine::isTerminalState(record.status) && record.status != engine::JobState::Unknown) {
        engine::WaitOptions w;
        w.timeoutSeconds = timeout;
        record = service.wait(record.localId, w);
        timedOut = !engine::isTerminalState(record.status);
    }
    j["local_id"] = record.localId;
    j["job_id"] = record.remoteId.empty() ? nlohmann::json(nullptr) : nlohmann::json(record.remoteId);
    j["status"] = engine::jobStateName(record.status);
    j["client_tag"] = record.clientTag;
    j["session_id"] = record.sessionId.empty() ? nlohmann::json(nullptr) : nlohmann::json(record.sessionId);
    j["store"] = service.store().path();
    j["error"] = record.errorText.empty() ? nlohmann::json(nullptr) : nlohmann::json(record.errorText);
    if (wait) {
        j["timed_out"] = timedOut;
        j["analysis"] = record.analysis;
        addHeadline(j, record.analysis);
        if (record.usage)
            j["qpu_seconds"] = {{"value", record.usage->qpuSeconds}, {"final", record.usage->final}};
    }
    if (args.flag("--json"))
        printJson(out, j);
    else
        printText(out, j);
    // The job is safely stored in every case; a non-zero exit still tells scripts it did not succeed.
    if (record.status == engine::JobState::Unknown)
        throw Error(ErrorCode::Io,
                    "the submission's outcome is unknown; 'qaoa-cli jobs resume' looks job "
                        + std::to_string(record.localId) + " up by its tag",
                    std::string("job ") + std::to_string(record.localId));
    if (record.status == engine::JobState::Failed || record.status == engine::JobState::Cancelled)
        throw Error(ErrorCode::Io,
                    std::string("the job ended ") + engine::jobStateName(record.status)
                        + (record.errorText.empty() ? std::string() : std::string(": ") + record.errorText),
                    std::string("job ") + std::to_string(record.localId));
}

} // namespace

Command makeSubmitCommand()
{
    Command c;
    c.name = "submit";
    c.summary = "transpile a QAOA instance and submit a sampling job (local emulator or IBM)";
    c.usage =
        "Usage: qaoa-cli submit FILE [--backend NAME] [--p P] [--shots S] [--params predicted|fixed]\n"
        "                            [--gammas G1,..] [--betas B1,..] [--seed S] [--dd XX|XpXm|XY4] [--twirling]\n"
        "                            [--max-time S] [--tag T1,T2] [--session ID] [--wait] [--timeout S]\n"
        "                            [--store PATH] [--json]\n\n"
        "Builds the QAOA circuit of FILE with bound angles (predicted by default: no variational loop), transpiles\n"
        "it for the backend's device and submits it. NAME is local:fez (the default: the noisy emulator with\n"
        "ibm_fez's calibration), another local:* backend (see 'qaoa-cli backends'), or an IBM device such as\n"
        "ibm_fez (needs an account). The job is recorded in the job store (--store, default\n"
        "$XDG_DATA_HOME/qaoa-workbench/jobs.sqlite) before anything is sent. --wait polls until the job ends and\n"
        "adds the analysis (LCRP: valid_rate, random_valid_rate, best_valid_cost_usd; graphs: best_energy,\n"
        "approximation_ratio). For IBM the QPU-time estimate is compared with the Open Plan's remaining monthly\n"
        "600 s (a warning; --refuse-over-budget refuses). --session ID submits into an IBM session or batch opened\n"
        "with 'qaoa-cli session open' (a closed session refuses the job: it ends Failed with IBM's reason). Exit 2\n"
        "when the job failed or its outcome is unknown.";
    c.options = instanceCommandOptions({
        {"--backend", "NAME", "local:fez (default), local:..., or an IBM backend"},
        {"--p", "P", "QAOA depth (default 1)"},
        {"--shots", "S", "shots (default 4000)"},
        {"--params", "METHOD", "predicted (default) or fixed"},
        {"--gammas", "LIST", "--params fixed: gamma_1..gamma_p"},
        {"--betas", "LIST", "--params fixed: beta_1..beta_p"},
        {"--seed", "S", "seed of the layout and of the local emulation (default 1)"},
        {"--dd", "SEQ", "IBM: dynamical decoupling XX, XpXm or XY4"},
        {"--twirling", "", "IBM: Pauli twirling of gates and measurements"},
        {"--max-time", "S", "IBM: maximum execution time in seconds (1..10800)"},
        {"--tag", "LIST", "IBM: job tags, comma-separated"},
        {"--session", "ID", "IBM: submit into this session or batch ('qaoa-cli session open')"},
        {"--wait", "", "wait for the final status and print the analysis"},
        {"--timeout", "S", "with --wait: stop waiting after S seconds (the job goes on)"},
        {"--refuse-over-budget", "", "IBM: refuse when the estimate exceeds the Open Plan's remaining time"},
        {"--dry-run", "", "prepare and print the figures and OpenQASM without submitting"},
        {"--store", "PATH", "job store file"},
        {"--json", "", "print one JSON object"},
    });
    const std::vector<OptionSpec> account = ibmAccountOptions();
    c.options.insert(c.options.end(), account.begin(), account.end());
    c.run = runSubmit;
    return c;
}

} // namespace cli
