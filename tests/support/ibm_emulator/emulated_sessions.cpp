// SPDX-License-Identifier: MIT
// Sessions and batches of the emulator: creation, details, graceful close (PATCH) and cancel (DELETE .../close).
#include "emulator_impl.h"

namespace ibmemu {

using detail::HttpError;
using detail::Json;
using detail::Session;
using detail::SteadyClock;
using detail::SystemClock;

namespace {

constexpr int CODE_SESSION_NOT_FOUND = 1212;
constexpr int CODE_DEDICATED_NOT_ALLOWED = 1352;
constexpr int MAX_SESSION_TTL = 28800;
constexpr std::size_t MAX_STORED_SESSIONS = 10'000;

Json optionalTime(const std::optional<SystemClock::time_point>& t)
{
    return t ? Json(detail::isoUtcMillis(*t)) : Json();
}

void closeSession(Session& session, const std::optional<std::string>& reason)
{
    session.state = "closed";
    session.acceptingJobs = false;
    session.closedAt = SystemClock::now();
    session.stateReason = reason;
    session.timestamps.emplace_back("closed", *session.closedAt);
}

} // namespace

Json IbmProtocolEmulator::Impl::sessionJson(const Session& session) const
{
    Json timestamps = Json::array();
    for (const auto& [status, time] : session.timestamps)
        timestamps.push_back({{"status", status}, {"timestamp", detail::isoUtcMillis(time)}});
    const auto end = session.closedAt ? *session.closedAt : SystemClock::now();
    return Json{{"id", session.id},
                {"mode", session.mode},
                {"backend_name", session.backend},
                {"state", session.state},
                {"accepting_jobs", session.acceptingJobs},
                {"max_ttl", session.maxTtl},
                {"active_ttl", session.maxTtl},
                {"interactive_ttl", session.mode == "dedicated" ? Json(60) : Json()},
                {"started_at", detail::isoUtcMillis(session.startedAt)},
                {"activated_at", optionalTime(session.activatedAt)},
                {"closed_at", optionalTime(session.closedAt)},
                {"last_job_started", optionalTime(session.lastJobStarted)},
                {"last_job_completed", optionalTime(session.lastJobCompleted)},
                {"state_reason", session.stateReason ? Json(*session.stateReason) : Json()},
                {"timestamps", timestamps},
                {"user_id", "IBMid-emulator"},
                {"elapsed_time", std::chrono::duration<double>(end - session.startedAt).count()}};
}

void IbmProtocolEmulator::Impl::settleSession(const std::string& id)
{
    const auto it = sessions.find(id);
    if (it == sessions.end() || it->second.acceptingJobs || it->second.state == "closed")
        return;
    for (const auto& [jobId, job] : jobs)
        if (job->sessionId == id && job->pending())
            return;
    closeSession(it->second, it->second.jobsSubmitted ? std::optional<std::string>()
                                                      : std::optional<std::string>("session_closed_early"));
}

void IbmProtocolEmulator::Impl::expireSessions()
{
    const auto now = SteadyClock::now();
    for (auto& [id, session] : sessions)
        if (session.state != "closed" && now - session.startedSteady >= std::chrono::seconds(session.maxTtl))
            closeSession(session, std::string("ttl_expired"));
}

void IbmProtocolEmulator::Impl::serveSessions(const std::string& method, const std::vector<std::string>& parts,
                                              const httplib::Request& req, httplib::Response& res)
{
    if (parts.size() == 3 && method == "POST") {
        const Json body = detail::parseBody(req);
        for (const auto& [key, value] : body.items())
            if (key != "mode" && key != "backend" && key != "backend_name" && key != "max_ttl" && key != "instance")
                throw HttpError(400, 1002, std::string("The session request has the unknown key '") + key + "'.",
                                "Send mode, backend and max_ttl.");
        const std::string mode = body.value("mode", std::string());
        if (mode != "batch" && mode != "dedicated")
            throw HttpError(400, 1002, "Session mode must be batch or dedicated.", "Send mode batch or dedicated.");
        if (mode == "dedicated" && options.plan == "open")
            throw HttpError(403, CODE_DEDICATED_NOT_ALLOWED,
                            "You are not authorized to run a session when using the open plan.",
                            "Use batch mode, or an instance on a paid plan.");
        const std::string backend = body.contains("backend") ? body.value("backend", std::string())
                                                             : body.value("backend_name", std::string());
        if (backend.empty())
            throw HttpError(400, 1002, "The session request needs a backend.", "Send backend.");
        if (!backends.find(backend))
            throw HttpError(404, 1007, std::string("Backend ") + backend + " not found.", "Use a name listed by GET /backends.");
        int maxTtl = MAX_SESSION_TTL;
        if (body.contains("max_ttl")) {
            const Json& ttl = body.at("max_ttl");
            if (!ttl.is_number_integer() || ttl.get<long long>() < 1 || ttl.get<long long>() > MAX_SESSION_TTL)
                throw HttpError(400, 1002, "max_ttl must be an integer number of seconds from 1 to 28800.",
                                "Send a smaller max_ttl.");
            maxTtl = ttl.get<int>();
        }
        std::lock_guard lock(mutex);
        if (sessions.size() >= MAX_STORED_SESSIONS)
            throw HttpError(503, 1000, "The emulator holds too many sessions.", "Restart the emulator.");
        Session session;
        session.id = detail::randomUuid();
        session.mode = mode;
        session.backend = backend;
        session.maxTtl = maxTtl;
        session.startedAt = SystemClock::now();
        session.startedSteady = SteadyClock::now();
        session.timestamps.emplace_back("open", session.startedAt);
        const Json out = sessionJson(session);
        sessions.emplace(session.id, std::move(session));
        detail::sendJson(res, 200, out);
        return;
    }
    if (parts.size() < 4)
        throw HttpError(404, 1000, std::string("Not found: ") + method + " " + req.path, "Check the URL and method.");
    const std::string& id = parts[3];
    std::unique_lock lock(mutex);
    expireSessions();
    const auto it = sessions.find(id);
    if (it == sessions.end())
        throw HttpError(404, CODE_SESSION_NOT_FOUND, std::string("Session ") + id + " not found.", "Check the session id.");
    Session& session = it->second;
    if (parts.size() == 4 && method == "GET") {
        detail::sendJson(res, 200, sessionJson(session));
    } else if (parts.size() == 4 && method == "PATCH") {
        lock.unlock();
        const Json body = detail::parseBody(req);
        for (const auto& [key, value] : body.items())
            if (key != "accepting_jobs")
                throw HttpError(400, 1002, std::string("The session update has the unknown key '") + key + "'.",
                                "Send {\"accepting_jobs\": false}.");
        if (!body.contains("accepting_jobs") || !body.at("accepting_jobs").is_boolean())
            throw HttpError(400, 1002, "accepting_jobs must be a boolean.", "Send {\"accepting_jobs\": false}.");
        const bool accepting = body.at("accepting_jobs").get<bool>();
        lock.lock();
        const auto again = sessions.find(id);
        if (again == sessions.end())
            throw HttpError(404, CODE_SESSION_NOT_FOUND, std::string("Session ") + id + " not found.", "Check the session id.");
        if (accepting && !again->second.acceptingJobs)
            throw HttpError(400, 1002, "A session that stopped accepting jobs cannot be reopened.",
                            "Create a new session.");
        if (!accepting) {
            again->second.acceptingJobs = false;
            settleSession(id);
        }
        res.status = 204;
    } else if (parts.size() == 5 && parts[4] == "close" && method == "DELETE") {
        // Cancelling a session cancels its queued and running jobs.
        if (session.state != "closed")
            closeSession(session, std::string("cancelled"));
        for (auto& [jobId, job] : jobs)
            if (job->sessionId == id && job->pending())
                finishJob(*job, detail::JobStatus::Cancelled);
        res.status = 204;
        wake.notify_all();
    } else {
        throw HttpError(404, 1000, std::string("Not found: ") + method + " " + req.path, "Check the URL and method.");
    }
}

} // namespace ibmemu
