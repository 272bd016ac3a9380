// SPDX-License-Identifier: MIT
// `qaoa-cli session open|show|close|cancel`: IBM sessions and batches that several submitted jobs share.
#include "cli_app.h"
#include "cli_output.h"

#include "core/error.h"
#include "jobservice/job_service.h"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace cli {

namespace {

using engine::Error;
using engine::ErrorCode;

void printSessionText(std::ostream& out, const engine::SessionInfo& s, const std::vector<engine::JobRecord>* jobs)
{
    out << "session " << s.id << " (" << (s.mode.empty() ? std::string("?") : s.mode) << " on "
        << (s.backend.empty() ? std::string("?") : s.backend) << "): " << (s.state.empty() ? std::string("?") : s.state)
        << ", " << (s.acceptingJobs ? "accepting jobs" : "not accepting jobs") << "\n";
    if (s.maxTtl)
        out << "  max TTL " << *s.maxTtl << " s\n";
    if (!s.startedAt.empty())
        out << "  started " << s.startedAt << "\n";
    if (!s.closedAt.empty())
        out << "  closed " << s.closedAt << "\n";
    if (!s.stateReason.empty())
        out << "  reason: " << s.stateReason << "\n";
    if (!jobs)
        return;
    out << "  jobs in the store: " << jobs->size() << "\n";
    for (const engine::JobRecord& r : *jobs) {
        out << "    " << r.localId << "  " << engine::jobStateName(r.status);
        if (!r.remoteId.empty())
            out << "  " << r.remoteId;
        out << "\n";
    }
}

void runSession(const ParsedArgs& args, std::ostream& out)
{
    if (args.positionals.empty())
        throw Error(ErrorCode::InvalidArgument, "missing action: open, show, close or cancel", "ACTION");
    const std::string action = args.positionals[0];
    if (action != "open" && action != "show" && action != "close" && action != "cancel")
        throw Error(ErrorCode::InvalidArgument,
                    std::string("unknown action '") + action + "' (expected open, show, close or cancel)", "ACTION");
    const bool open = action == "open";
    if (open && args.positionals.size() > 1)
        throw Error(ErrorCode::InvalidArgument, "'open' takes no session ID (IBM assigns one)", "ID");
    if (!open && args.positionals.size() < 2)
        throw Error(ErrorCode::InvalidArgument, std::string("missing session ID for '") + action + "'", "ID");
    if (!open)
        for (const char* option : {"--backend", "--mode", "--ttl"})
            if (args.has(option))
                throw Error(ErrorCode::InvalidArgument, std::string(option) + " applies to open", option);

    std::string backend;
    engine::SessionMode mode = engine::SessionMode::Batch;
    std::optional<int> ttl;
    if (open) {
        backend = args.requiredText("--backend");
        mode = engine::sessionModeFromName(args.choice("--mode", "batch", {"batch", "dedicated"}));
        if (args.has("--ttl"))
            ttl = static_cast<int>(args.integer("--ttl", 0, 1, engine::IBM_MAX_SESSION_TTL_SECONDS));
        if (engine::isLocalBackendName(backend))
            throw Error(ErrorCode::InvalidArgument,
                        std::string("sessions exist only on IBM backends, not on '") + backend + "'", "--backend");
    }

    engine::JobServiceOptions options;
    options.ibm = ibmClientFromArgs(args, true);
    engine::JobService service(engine::JobStore(jobStorePathFromArgs(args)), options);

    engine::SessionInfo session;
    std::vector<engine::JobRecord> jobs;
    if (open) {
        try {
            session = service.openSession(backend, mode, ttl);
        } catch (const Error& e) {
            if (e.where() == "backend")
                throw Error(e.code(), e.detail(), "--backend");
            if (e.where() == "maxTtlSeconds")
                throw Error(e.code(), e.detail(), "--ttl");
            throw;
        }
    } else {
        const std::string& id = args.positionals[1];
        if (action == "show")
            session = service.sessionInfo(id);
        else if (action == "close")
            session = service.closeSession(id);
        else
            session = service.cancelSession(id);
        jobs = service.sessionJobs(id);
    }

    if (args.flag("--json")) {
        nlohmann::json j = engine::sessionInfoJson(session);
        if (!open) {
            nlohmann::json list = nlohmann::json::array();
            for (const engine::JobRecord& r : jobs)
                list.push_back({{"local_id", r.localId},
                                {"job_id", r.remoteId.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.remoteId)},
                                {"status", engine::jobStateName(r.status)}});
            j["jobs"] = std::move(list);
            j["store"] = service.store().path();
        }
        printJson(out, j);
        return;
    }
    printSessionText(out, session, open ? nullptr : &jobs);
    if (open)
        out << "submit into it with: qaoa-cli submit FILE --backend " << session.backend << " --session " << session.id
            << "\n";
}

} // namespace

Command makeSessionCommand()
{
    Command c;
    c.name = "session";
    c.summary = "open, show, close and cancel IBM sessions and batches of several jobs";
    c.usage = "Usage: qaoa-cli session open --backend NAME [--mode batch|dedicated] [--ttl S] [--json]\n"
              "       qaoa-cli session show|close|cancel ID [--store PATH] [--json]\n\n"
              "A batch (the default mode; allowed on the Open plan) lets IBM schedule several jobs together; a\n"
              "dedicated session reserves the device between its jobs (paid plans only). 'open' prints the new\n"
              "session's id: pass it to 'qaoa-cli submit --session ID'. 'show' reads the session from IBM and lists\n"
              "the stored jobs submitted into it; 'close' stops it accepting jobs (the ones it has still run, then it\n"
              "closes); 'cancel' ends it at once and cancels its queued and running jobs. --ttl bounds the session's\n"
              "life in seconds (1..28800). Needs an IBM Quantum account, as 'backends' and 'submit' do.";
    c.options = {
        {"--backend", "NAME", "open: the IBM backend of the session (e.g. ibm_fez)"},
        {"--mode", "MODE", "open: batch (default) or dedicated"},
        {"--ttl", "S", "open: maximum time to live in seconds (1..28800)"},
        {"--store", "PATH", "job store file (default $XDG_DATA_HOME/qaoa-workbench/jobs.sqlite)"},
        {"--json", "", "print one JSON object"},
    };
    const std::vector<OptionSpec> account = ibmAccountOptions();
    c.options.insert(c.options.end(), account.begin(), account.end());
    c.maxPositionals = 2;
    c.run = runSession;
    return c;
}

} // namespace cli
