// SPDX-License-Identifier: MIT
// Jobs of the emulator: request validation, creation, listing, cancel/delete/tags, metrics, results, the worker.
#include "emulator_impl.h"

#include <algorithm>
#include <cmath>

namespace ibmemu {

using detail::HttpError;
using detail::Job;
using detail::JobStatus;
using detail::Json;
using detail::SteadyClock;
using detail::SystemClock;

namespace {

// Codes of the service where the protocol notes name one; the emulator's own choice (12xx) otherwise.
constexpr int CODE_VALIDATION = 1002;
constexpr int CODE_BACKEND_NOT_FOUND = 1007;
constexpr int CODE_RATE_LIMIT = 1202;
constexpr int CODE_TOO_MANY_TAGS = 1204;
constexpr int CODE_TAG_TOO_LONG = 1205;
constexpr int CODE_JOB_NOT_FOUND = 1211;
constexpr int CODE_SESSION_NOT_FOUND = 1212;
constexpr int CODE_CONFLICT = 1213;
constexpr int CODE_USAGE_LIMIT = 1214;
constexpr int CODE_RAN_TOO_LONG = 1305;
constexpr int CODE_PAYLOAD_TOO_LARGE = 5302;
constexpr int CODE_SESSION_CLOSED = 4001;

constexpr std::size_t MAX_TAGS = 8;
constexpr std::size_t MAX_TAG_LENGTH = 86;
constexpr int MAX_COST = 10800;
constexpr std::size_t MAX_SESSION_ID = 36;
constexpr std::size_t MAX_CALIBRATION_ID = 100;
constexpr int MAX_LIST_LIMIT = 200;

[[noreturn]] void invalid(const std::string& message, const std::string& solution = "Fix the request and retry.")
{
    throw HttpError(400, CODE_VALIDATION, message, solution);
}

bool isPositiveInteger(const Json& value)
{
    return value.is_number_integer() && !value.is_number_float() &&
           (value.is_number_unsigned() ? value.get<unsigned long long>() > 0 : value.get<long long>() > 0);
}

void requireBool(const Json& object, const char* key, const std::string& where)
{
    if (object.contains(key) && !object.at(key).is_boolean())
        invalid(where + "." + key + " must be a boolean");
}

void requireEnum(const Json& object, const char* key, std::initializer_list<const char*> allowed, const std::string& where)
{
    if (!object.contains(key))
        return;
    const Json& value = object.at(key);
    if (value.is_string())
        for (const char* a : allowed)
            if (value.get<std::string>() == a)
                return;
    std::string list;
    for (const char* a : allowed) {
        if (!list.empty())
            list += ", ";
        list += a;
    }
    invalid(where + "." + key + " must be one of " + list, "Use one of the documented values.");
}

void requireKeys(const Json& object, std::initializer_list<const char*> allowed, const std::string& where)
{
    if (!object.is_object())
        invalid(where + " must be an object");
    for (const auto& [key, value] : object.items()) {
        bool known = false;
        for (const char* a : allowed)
            known = known || key == a;
        if (!known)
            invalid(where + " has the unknown key '" + key + "'", "Remove keys the schema does not allow.");
    }
}

void requireAutoOrPositive(const Json& object, const char* key, const std::string& where)
{
    if (!object.contains(key))
        return;
    const Json& value = object.at(key);
    if (!(value == "auto" || isPositiveInteger(value)))
        invalid(where + "." + key + " must be an integer >= 1 or \"auto\"");
}

void validateOptions(const Json& options)
{
    requireKeys(options,
                {"default_shots", "dynamical_decoupling", "execution", "twirling", "simulator", "experimental"},
                "params.options");
    if (options.contains("default_shots") && !isPositiveInteger(options.at("default_shots")))
        invalid("params.options.default_shots must be an integer >= 1");
    if (options.contains("dynamical_decoupling")) {
        const Json& dd = options.at("dynamical_decoupling");
        const std::string where = "params.options.dynamical_decoupling";
        requireKeys(dd, {"enable", "sequence_type", "extra_slack_distribution", "scheduling_method", "skip_reset_qubits"},
                    where);
        requireBool(dd, "enable", where);
        requireBool(dd, "skip_reset_qubits", where);
        requireEnum(dd, "sequence_type", {"XX", "XpXm", "XY4"}, where);
        requireEnum(dd, "extra_slack_distribution", {"middle", "edges"}, where);
        requireEnum(dd, "scheduling_method", {"alap", "asap"}, where);
    }
    if (options.contains("twirling")) {
        const Json& tw = options.at("twirling");
        const std::string where = "params.options.twirling";
        requireKeys(tw, {"enable_gates", "enable_measure", "num_randomizations", "shots_per_randomization", "strategy"},
                    where);
        requireBool(tw, "enable_gates", where);
        requireBool(tw, "enable_measure", where);
        requireAutoOrPositive(tw, "num_randomizations", where);
        requireAutoOrPositive(tw, "shots_per_randomization", where);
        requireEnum(tw, "strategy", {"active", "active-accum", "active-circuit", "all"}, where);
    }
    if (options.contains("execution")) {
        const Json& ex = options.at("execution");
        const std::string where = "params.options.execution";
        requireKeys(ex, {"init_qubits", "rep_delay", "meas_type"}, where);
        requireBool(ex, "init_qubits", where);
        requireEnum(ex, "meas_type", {"classified", "kerneled", "avg_kerneled"}, where);
        if (ex.contains("rep_delay") && !ex.at("rep_delay").is_null() &&
            !(ex.at("rep_delay").is_number() && ex.at("rep_delay").get<double>() >= 0.0))
            invalid(where + ".rep_delay must be a number of seconds >= 0 or null");
        if (ex.value("meas_type", std::string("classified")) != "classified")
            invalid(std::string("meas_type ") + ex.at("meas_type").get<std::string>() + " is not supported by the emulator",
                    "Use meas_type classified.");
    }
    if (options.contains("simulator") && !options.at("simulator").is_object())
        invalid("params.options.simulator must be an object");
    if (options.contains("experimental") && !options.at("experimental").is_object())
        invalid("params.options.experimental must be an object");
}

void validateParams(const Json& params)
{
    requireKeys(params, {"pubs", "version", "shots", "support_qiskit", "options"}, "params");
    if (!params.contains("version"))
        invalid("params.version is required (2 for Sampler V2)");
    if (!(params.at("version").is_number() && params.at("version").get<double>() == 2.0))
        invalid("params.version must be 2", "Send Sampler V2 input with version 2.");
    if (params.contains("shots") && !params.at("shots").is_null() && !isPositiveInteger(params.at("shots")))
        invalid("params.shots must be an integer >= 1");
    if (params.contains("support_qiskit") && !params.at("support_qiskit").is_boolean())
        invalid("params.support_qiskit must be a boolean");
    // IBM's newest schema defaults support_qiskit to true; the emulator writes plain JSON only.
    if (params.value("support_qiskit", true))
        invalid("support_qiskit true (the schema default) is not supported by the emulator",
                "Send params.support_qiskit = false for plain-JSON results.");
    if (params.contains("options"))
        validateOptions(params.at("options"));
    if (!params.contains("pubs") || !params.at("pubs").is_array() || params.at("pubs").empty())
        invalid("params.pubs must be a non-empty array");
    std::size_t k = 0;
    for (const Json& pub : params.at("pubs")) {
        const std::string where = std::string("params.pubs[") + std::to_string(k++) + "]";
        if (!pub.is_array() || pub.empty() || pub.size() > 3)
            invalid(where + " must be [circuit], [circuit, parameter_values] or [circuit, parameter_values, shots]");
        if (pub.at(0).is_object())
            invalid(where + ": QPY circuits are not supported by the emulator", "Send the circuit as OpenQASM 3 text.");
        if (!pub.at(0).is_string())
            invalid(where + "[0] must be an OpenQASM 3 string");
        if (pub.size() > 1 && !(pub.at(1).is_null() || pub.at(1).is_object() || pub.at(1).is_array()))
            invalid(where + "[1] must be null, an object or an array of parameter values");
        if (pub.size() > 2 && !pub.at(2).is_null() && !isPositiveInteger(pub.at(2)))
            invalid(where + "[2] (shots) must be an integer >= 1 or null");
    }
}

void validateJobRequest(const Json& body)
{
    requireKeys(body,
                {"program_id", "backend", "params", "session_id", "tags", "cost", "log_level", "private",
                 "calibration_id", "runtime"},
                "the job request");
    if (!body.contains("program_id") || !body.at("program_id").is_string() || body.at("program_id").empty())
        invalid("program_id is required", "Send program_id \"sampler\".");
    const std::string program = body.at("program_id").get<std::string>();
    if (program != "sampler") {
        if (program == "estimator" || program == "noise-learner" || program == "executor")
            invalid(std::string("program ") + program + " is not supported by the emulator", "Use the sampler program.");
        throw HttpError(404, CODE_VALIDATION, std::string("Program ") + program + " not found.", "Use the sampler program.");
    }
    if (body.contains("backend") && !body.at("backend").is_string())
        invalid("backend must be a string");
    if (!body.contains("params") || !body.at("params").is_object())
        invalid("params must be an object");
    if (body.contains("tags")) {
        const Json& tags = body.at("tags");
        if (!tags.is_array())
            invalid("tags must be an array of strings");
        if (tags.size() > MAX_TAGS)
            throw HttpError(400, CODE_TOO_MANY_TAGS, "Too many tags: at most 8 are allowed.", "Use at most 8 tags.");
        for (const Json& tag : tags) {
            if (!tag.is_string())
                invalid("tags must be an array of strings");
            if (tag.get<std::string>().size() > MAX_TAG_LENGTH)
                throw HttpError(400, CODE_TAG_TOO_LONG, "Tag too long: at most 86 characters are allowed.",
                                "Shorten the tag.");
        }
    }
    if (body.contains("cost")) {
        const Json& cost = body.at("cost");
        if (!cost.is_number_integer() || cost.get<long long>() < 0 || cost.get<long long>() > MAX_COST)
            invalid("cost must be an integer number of seconds between 0 and 10800");
    }
    requireEnum(body, "log_level", {"critical", "error", "warning", "info", "debug"}, "the job request");
    requireBool(body, "private", "the job request");
    if (body.contains("calibration_id") &&
        (!body.at("calibration_id").is_string() || body.at("calibration_id").get<std::string>().size() > MAX_CALIBRATION_ID))
        invalid("calibration_id must be a string of at most 100 characters");
    if (body.contains("runtime") && !body.at("runtime").is_string())
        invalid("runtime must be a string");
    if (body.contains("session_id")) {
        const Json& id = body.at("session_id");
        if (!id.is_string() || id.get<std::string>().empty() || id.get<std::string>().size() > MAX_SESSION_ID)
            invalid("session_id must be a string of 1 to 36 characters");
    }
    validateParams(body.at("params"));
}

std::string statusName(const Job& job)
{
    switch (job.status) {
    case JobStatus::Queued: return "Queued";
    case JobStatus::Running: return "Running";
    case JobStatus::Completed: return "Completed";
    case JobStatus::Failed: return "Failed";
    case JobStatus::Cancelled: return "Cancelled";
    }
    return "Queued";
}

Json optionalTime(const std::optional<SystemClock::time_point>& t)
{
    return t ? Json(detail::isoUtcMillis(*t)) : Json();
}

bool parseBool(const std::string& text, const char* name)
{
    if (text == "true")
        return true;
    if (text == "false")
        return false;
    invalid(std::string("query parameter ") + name + " must be true or false");
}

std::size_t parseCount(const std::string& text, const char* name, std::size_t max)
{
    if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos)
        invalid(std::string("query parameter ") + name + " must be a non-negative integer");
    const std::size_t value = std::stoul(text);
    if (value > max)
        invalid(std::string("query parameter ") + name + " must be at most " + std::to_string(max));
    return value;
}

} // namespace

Json IbmProtocolEmulator::Impl::jobJson(const Job& job, int apiVersion, bool includeParams) const
{
    Json state{{"status", statusName(job)}};
    if (job.reasonCode) {
        state["reason"] = job.reason;
        state["reason_code"] = job.reasonCode;
        state["reason_solution"] = job.solution;
    }
    Json out{{"id", job.id},
             {"backend", job.backend},
             {"state", state},
             {"status", job.ranTooLong ? std::string("Cancelled - Ran too long") : statusName(job)},
             {"program", {{"id", job.programId}}},
             {"created", detail::isoUtcMillis(job.created)},
             {"cost", job.cost},
             {"tags", job.tags},
             {"user_id", "IBMid-emulator"},
             {"runtime", job.runtime}};
    if (!job.sessionId.empty())
        out["session_id"] = job.sessionId;
    if (!job.calibrationId.empty())
        out["calibration_id"] = job.calibrationId;
    if (job.isPrivate)
        out["private"] = true;
    if (apiVersion < detail::API_2026_03_15)
        out["usage"] = {{"seconds", job.usageFinal ? job.qpuSeconds : 0.0}};
    if (includeParams && !job.isPrivate)
        out["params"] = job.params;
    return out;
}

Json IbmProtocolEmulator::Impl::metricsJson(const Job& job, int apiVersion) const
{
    const double charge = job.usageFinal ? job.qpuSeconds : 0.0;
    const bool completed = job.status == JobStatus::Completed;
    const double executionNs = completed ? double(job.executions) * detail::QPU_SECONDS_PER_EXECUTION * 1e9 : 0.0;
    Json out{{"timestamps",
              {{"created", detail::isoUtcMillis(job.created)},
               {"running", optionalTime(job.running)},
               {"finished", optionalTime(job.finished)}}},
             {"executions", completed ? Json(job.executions) : Json()},
             {"num_circuits", job.numCircuits ? Json(job.numCircuits) : Json()},
             {"num_qubits", job.numQubits},
             {"circuit_depths", job.depths},
             {"estimated_start_time", nullptr},
             {"estimated_completion_time", nullptr}};
    if (apiVersion >= detail::API_2026_04_15) {
        out["usage"] = {{"qpu_charge_time_seconds", charge}, {"status", job.usageFinal ? "completed" : "pending"}};
        out["circuits_execution_time_ns"] = std::llround(executionNs);
    } else if (apiVersion >= detail::API_2026_03_15) {
        out["usage"] = {{"circuits_execution_time_ns", std::llround(executionNs)}};
    } else {
        out["usage"] = {{"quantum_seconds", charge}, {"seconds", charge},
                        {"circuits_execution_time_ns", std::llround(executionNs)}};
        out["bss"] = {{"seconds", charge}};
    }
    return out;
}

void IbmProtocolEmulator::Impl::createJob(const httplib::Request& req, httplib::Response& res)
{
    const Json body = detail::parseBody(req);
    const auto now = SteadyClock::now();
    {
        std::lock_guard lock(mutex);
        while (!recentCreations.empty() && now - recentCreations.front() >= detail::RATE_WINDOW)
            recentCreations.pop_front();
        if (options.jobCreationsPerMinute > 0 && recentCreations.size() >= std::size_t(options.jobCreationsPerMinute))
            throw HttpError(429, CODE_RATE_LIMIT,
                            std::string("Too many job creation requests received: limit is ") +
                                std::to_string(options.jobCreationsPerMinute) + " per minute.",
                            "Lower the request rate and try again.");
    }
    validateJobRequest(body);

    std::lock_guard lock(mutex);
    std::string backendName = body.value("backend", std::string());
    if (backendName.empty()) {
        // Without a backend the job goes to the shortest queue among the online devices.
        int best = -1;
        for (const std::string& name : backends.names()) {
            if (backends.status(name).first != "online")
                continue;
            const int length = servedQueueLength(name);
            if (best < 0 || length < best) {
                best = length;
                backendName = name;
            }
        }
        if (backendName.empty())
            throw HttpError(400, 1004, "No backend is available.", "Name a backend or retry later.");
    }
    const detail::EmulatedBackend* backend = backends.find(backendName);
    if (!backend)
        throw HttpError(404, CODE_BACKEND_NOT_FOUND, std::string("Backend ") + backendName + " not found.",
                        "Use a name listed by GET /backends.");
    const Json& params = body.at("params");
    if (params.contains("options") && params.at("options").contains("execution")) {
        const Json& repDelay = params.at("options").at("execution").value("rep_delay", Json());
        if (!repDelay.is_null()) {
            const Json& conf = backend->configuration;
            const double micros = repDelay.get<double>() * 1e6;
            const Json range = conf.value("rep_delay_range", Json::array({0.0, 0.0}));
            if (!conf.value("dynamic_reprate_enabled", false) || micros < range.at(0).get<double>() ||
                micros > range.at(1).get<double>())
                invalid(std::string("rep_delay ") + std::to_string(repDelay.get<double>()) + " s is outside the range of " +
                            backendName,
                        "Use a rep_delay within the device's rep_delay_range (microseconds in the configuration).");
        }
    }
    const std::string sessionId = body.value("session_id", std::string());
    if (!sessionId.empty()) {
        expireSessions();
        const auto it = sessions.find(sessionId);
        if (it == sessions.end())
            throw HttpError(404, CODE_SESSION_NOT_FOUND, std::string("Session ") + sessionId + " not found.",
                            "Create a session with POST /sessions first.");
        if (!it->second.acceptingJobs || it->second.state == "closed")
            throw HttpError(400, CODE_SESSION_CLOSED, "Job belongs to a session that has been closed.",
                            "Create a new session or submit without session_id.");
        if (it->second.backend != backendName)
            invalid(std::string("the job's backend ") + backendName + " differs from the session's backend " + it->second.backend,
                    "Submit to the session's backend.");
    }
    const double limit = usageLimitSeconds();
    if (limit > 0.0 && consumedSeconds() >= limit)
        throw HttpError(409, CODE_USAGE_LIMIT, "Job usage exceeds the instance usage limit.",
                        "Wait for the next usage period or upgrade the plan.");
    if (jobs.size() >= detail::MAX_STORED_JOBS)
        throw HttpError(503, 1000, "The emulator holds too many jobs.", "Delete finished jobs.");

    auto job = std::make_shared<Job>();
    do
        job->id = detail::randomJobId();
    while (jobs.count(job->id));
    job->sequence = nextSequence++;
    job->backend = backendName;
    job->programId = body.at("program_id").get<std::string>();
    job->sessionId = sessionId;
    job->logLevel = body.value("log_level", std::string());
    job->calibrationId = body.value("calibration_id", std::string());
    job->runtime = body.value("runtime", std::string());
    job->params = params;
    job->tags = body.value("tags", std::vector<std::string>());
    job->cost = body.contains("cost") ? body.at("cost").get<int>() : (options.plan == "open" ? 600 : MAX_COST);
    job->isPrivate = body.value("private", false);
    job->seed = nextSeed++;
    job->created = SystemClock::now();
    job->queuedAt = now;
    if (!pendingFailures.empty()) {
        job->injectedFailure = pendingFailures.front();
        pendingFailures.pop_front();
    }
    if (!sessionId.empty())
        ++sessions.at(sessionId).jobsSubmitted;
    jobs[job->id] = job;
    recentCreations.push_back(now);
    ++jobsCreated;
    Json out{{"id", job->id}, {"backend", job->backend}};
    if (!sessionId.empty())
        out["session_id"] = sessionId;
    if (job->isPrivate)
        out["private"] = true;
    detail::sendJson(res, 200, out);
    wake.notify_all();
}

void IbmProtocolEmulator::Impl::listJobs(const httplib::Request& req, const detail::RequestContext& ctx,
                                         httplib::Response& res)
{
    const auto param = [&](const char* name) {
        return req.has_param(name) ? std::optional<std::string>(req.get_param_value(name)) : std::nullopt;
    };
    std::size_t limit = MAX_LIST_LIMIT;
    if (const auto v = param("limit")) {
        limit = parseCount(*v, "limit", MAX_LIST_LIMIT);
        if (limit == 0)
            invalid("query parameter limit must be at least 1");
    }
    const std::size_t offset = param("offset") ? parseCount(*param("offset"), "offset", 100'000'000) : 0;
    const bool filterPending = param("pending").has_value();
    const bool wantPending = filterPending && parseBool(*param("pending"), "pending");
    const bool excludeParams = param("exclude_params") ? parseBool(*param("exclude_params"), "exclude_params") : true;
    bool ascending = false;
    if (const auto v = param("sort")) {
        if (*v == "ASC" || *v == "asc")
            ascending = true;
        else if (*v != "DESC" && *v != "desc")
            invalid("query parameter sort must be ASC or DESC");
    }
    std::optional<SystemClock::time_point> after;
    std::optional<SystemClock::time_point> before;
    if (const auto v = param("created_after"); v && !(after = detail::parseIsoTime(*v)))
        invalid("query parameter created_after must be an ISO 8601 date-time");
    if (const auto v = param("created_before"); v && !(before = detail::parseIsoTime(*v)))
        invalid("query parameter created_before must be an ISO 8601 date-time");
    std::vector<std::string> tags;
    for (std::size_t i = 0; i < req.get_param_value_count("tags"); ++i)
        tags.push_back(req.get_param_value("tags", i));
    const auto backend = param("backend");
    const auto program = param("program");
    const auto session = param("session_id");

    std::lock_guard lock(mutex);
    std::vector<const Job*> matching;
    for (const auto& [id, job] : jobs) {
        if (filterPending && job->pending() != wantPending)
            continue;
        if (backend && job->backend != *backend)
            continue;
        if (program && job->programId != *program)
            continue;
        if (session && job->sessionId != *session)
            continue;
        if (after && job->created < *after)
            continue;
        if (before && job->created > *before)
            continue;
        bool all = true;
        for (const std::string& tag : tags)
            all = all && std::find(job->tags.begin(), job->tags.end(), tag) != job->tags.end();
        if (all)
            matching.push_back(job.get());
    }
    std::sort(matching.begin(), matching.end(), [&](const Job* a, const Job* b) {
        return ascending ? a->sequence < b->sequence : a->sequence > b->sequence;
    });
    Json list = Json::array();
    for (std::size_t i = offset; i < matching.size() && list.size() < limit; ++i)
        list.push_back(jobJson(*matching[i], ctx.apiVersion, !excludeParams));
    detail::sendJson(res, 200, Json{{"jobs", list}, {"count", matching.size()}, {"offset", offset}, {"limit", limit}});
}

void IbmProtocolEmulator::Impl::serveJob(const std::string& method, const std::string& id, const std::string& action,
                                         const httplib::Request& req, const detail::RequestContext& ctx,
                                         httplib::Response& res)
{
    std::unique_lock lock(mutex);
    const auto it = jobs.find(id);
    if (it == jobs.end())
        throw HttpError(404, CODE_JOB_NOT_FOUND, std::string("Job ") + id + " not found.", "Check the job id.");
    Job& job = *it->second;
    if (action.empty() && method == "GET") {
        const bool exclude = req.has_param("exclude_params") &&
                             parseBool(req.get_param_value("exclude_params"), "exclude_params");
        detail::sendJson(res, 200, jobJson(job, ctx.apiVersion, !exclude));
    } else if (action.empty() && method == "DELETE") {
        if (job.pending())
            throw HttpError(409, CODE_CONFLICT, std::string("Job ") + id + " has not finished and cannot be deleted.",
                            "Cancel the job first, or wait until it finishes.");
        jobs.erase(it);
        res.status = 204;
    } else if (action == "cancel" && method == "POST") {
        if (!job.pending())
            throw HttpError(409, CODE_CONFLICT, std::string("Job ") + id + " cannot be cancelled: it is " + statusName(job) + ".",
                            "Only queued or running jobs can be cancelled.");
        finishJob(job, JobStatus::Cancelled);
        res.status = 204;
        wake.notify_all();
    } else if (action == "tags" && method == "PUT") {
        lock.unlock();
        const Json body = detail::parseBody(req);
        requireKeys(body, {"tags"}, "the tags request");
        if (!body.contains("tags") || !body.at("tags").is_array())
            invalid("tags must be an array of strings");
        if (body.at("tags").size() > MAX_TAGS)
            throw HttpError(400, CODE_TOO_MANY_TAGS, "Too many tags: at most 8 are allowed.", "Use at most 8 tags.");
        std::vector<std::string> tags;
        for (const Json& tag : body.at("tags")) {
            if (!tag.is_string())
                invalid("tags must be an array of strings");
            if (tag.get<std::string>().size() > MAX_TAG_LENGTH)
                throw HttpError(400, CODE_TAG_TOO_LONG, "Tag too long: at most 86 characters are allowed.",
                                "Shorten the tag.");
            tags.push_back(tag.get<std::string>());
        }
        lock.lock();
        const auto again = jobs.find(id);
        if (again == jobs.end())
            throw HttpError(404, CODE_JOB_NOT_FOUND, std::string("Job ") + id + " not found.", "Check the job id.");
        again->second->tags = std::move(tags);
        res.status = 204;
    } else if (action == "results" && method == "GET") {
        if (job.status == JobStatus::Completed && !job.resultDeleted) {
            res.status = 200;
            res.set_content(job.result, "application/json");
            if (job.isPrivate) {
                job.resultDeleted = true;
                job.result.clear();
                job.result.shrink_to_fit();
            }
        } else if (job.status == JobStatus::Failed) {
            // The service answers a failed job's results with its diagnostic text, not JSON.
            res.status = 200;
            res.set_content(std::string("Job ") + job.id + " failed.\nTraceback (most recent call last):\n" +
                                "  File \"sampler/runner.py\", in run\nRuntimeJobFailureError: Error code " +
                                std::to_string(job.reasonCode) + "; " + job.reason + " " + job.solution + "\n",
                            "text/plain");
        } else {
            res.status = 204;
        }
    } else if (action == "metrics" && method == "GET") {
        detail::sendJson(res, 200, metricsJson(job, ctx.apiVersion));
    } else {
        throw HttpError(404, 1000, std::string("Not found: ") + method + " " + req.path, "Check the URL and method.");
    }
}

void IbmProtocolEmulator::Impl::finishJob(Job& job, JobStatus status)
{
    job.status = status;
    job.finished = SystemClock::now();
    job.usageFinal = true;
    if (!job.sessionId.empty()) {
        if (auto it = sessions.find(job.sessionId); it != sessions.end() && job.running)
            it->second.lastJobCompleted = job.finished;
        settleSession(job.sessionId);
    }
}

void IbmProtocolEmulator::Impl::workerLoop()
{
    std::unique_lock lock(mutex);
    while (!stopping) {
        expireSessions();
        // The oldest queued job whose dwell is over, on an online device; one job runs at a time, as on a QPU.
        std::shared_ptr<Job> next;
        const auto now = SteadyClock::now();
        const auto dwell = std::chrono::duration_cast<SteadyClock::duration>(
            std::chrono::duration<double>(options.queuedSeconds));
        if (!holdQueued) {
            for (const auto& [id, job] : jobs) {
                if (job->status != JobStatus::Queued || now - job->queuedAt < dwell ||
                    backends.status(job->backend).first != "online")
                    continue;
                if (!next || job->sequence < next->sequence)
                    next = job;
            }
        }
        if (!next) {
            wake.wait_for(lock, std::chrono::milliseconds(10));
            continue;
        }
        Job& job = *next;
        if (job.injectedFailure) {
            job.reasonCode = job.injectedFailure->reasonCode;
            job.reason = job.injectedFailure->reason;
            job.solution = job.injectedFailure->solution;
            finishJob(job, JobStatus::Failed);
            continue;
        }
        const Json params = job.params;
        const detail::EmulatedBackend* backend = backends.find(job.backend);
        lock.unlock();
        std::optional<detail::CircuitRejection> rejection;
        detail::PreparedJob prepared;
        try {
            prepared = detail::prepareSamplerJob(params, backend->target);
        } catch (const detail::CircuitRejected& rejected) {
            rejection = rejected.rejection;
        } catch (const std::exception& error) {
            rejection = detail::CircuitRejection{1603, std::string("Unable to load the job input: ") + error.what(),
                                                 "Check the PUBs."};
        }
        lock.lock();
        if (job.status != JobStatus::Queued)
            continue;  // cancelled meanwhile
        if (!rejection && prepared.estimatedResultBytes > options.maxResultBytes)
            rejection = detail::CircuitRejection{CODE_PAYLOAD_TOO_LARGE, "nats: maximum payload exceeded",
                                                 "Request fewer shots or fewer circuits per job."};
        if (rejection) {
            job.reasonCode = rejection->reasonCode;
            job.reason = rejection->reason;
            job.solution = rejection->solution;
            finishJob(job, JobStatus::Failed);
            continue;
        }
        job.numCircuits = prepared.numCircuits;
        job.executions = prepared.executions;
        job.numQubits = prepared.numQubits;
        job.depths = prepared.depths;
        job.status = JobStatus::Running;
        job.running = SystemClock::now();
        const auto runningSince = SteadyClock::now();
        if (!job.sessionId.empty()) {
            if (auto it = sessions.find(job.sessionId); it != sessions.end()) {
                detail::Session& session = it->second;
                if (session.state == "open") {
                    session.state = "active";
                    session.activatedAt = job.running;
                    session.timestamps.emplace_back("active", *job.running);
                }
                session.lastJobStarted = job.running;
            }
        }
        // The emulated QPU time decides "ran too long" before any work is spent on it.
        const double qpuSeconds = detail::QPU_OVERHEAD_SECONDS +
                                  double(prepared.executions) * detail::QPU_SECONDS_PER_EXECUTION;
        const bool tooLong = qpuSeconds > double(job.cost);
        const std::uint64_t seed = job.seed;
        lock.unlock();

        std::string result;
        std::optional<detail::CircuitRejection> runFailure;
        if (!tooLong) {
            try {
                const auto local = backends.localBackend(backend->name);
                std::vector<detail::PubRun> runs;
                for (std::size_t k = 0; k < prepared.pubs.size() && !stopping; ++k)
                    runs.push_back(detail::runPub(prepared.pubs[k], k, local->noise, seed));
                result = detail::assembleResult(runs);
            } catch (const std::exception& error) {
                runFailure = detail::CircuitRejection{1603, std::string("The emulator cannot run the circuit: ") +
                                                                error.what(),
                                                      "Use static circuits with terminal measurements."};
            }
        }
        lock.lock();
        const auto deadline = runningSince + std::chrono::duration_cast<SteadyClock::duration>(
                                                 std::chrono::duration<double>(options.runningSeconds));
        wake.wait_until(lock, deadline, [&] { return stopping.load(); });
        if (stopping)
            break;
        if (job.status != JobStatus::Running)
            continue;  // cancelled while running
        if (tooLong) {
            job.ranTooLong = true;
            job.reasonCode = CODE_RAN_TOO_LONG;
            job.reason = "RAN TOO LONG";
            job.solution = "Raise the job's maximum execution time (cost) or reduce the work per job.";
            job.qpuSeconds = double(job.cost);
            finishJob(job, JobStatus::Cancelled);
        } else if (runFailure) {
            job.reasonCode = runFailure->reasonCode;
            job.reason = runFailure->reason;
            job.solution = runFailure->solution;
            finishJob(job, JobStatus::Failed);
        } else if (result.size() > options.maxResultBytes) {
            job.reasonCode = CODE_PAYLOAD_TOO_LARGE;
            job.reason = "nats: maximum payload exceeded";
            job.solution = "Request fewer shots or fewer circuits per job.";
            finishJob(job, JobStatus::Failed);
        } else {
            job.result = std::move(result);
            job.qpuSeconds = std::ceil(qpuSeconds);
            finishJob(job, JobStatus::Completed);
        }
    }
}

} // namespace ibmemu
