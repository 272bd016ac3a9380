// SPDX-License-Identifier: MIT
// IBM Quantum Platform REST client: request building, authentication, retries, duplicate-safe job creation, parsing.
#include "ibmq/ibm_client.h"

#include "ibmq/ibm_errors.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <random>
#include <set>

namespace engine {

namespace {

double unixNow()
{
    using namespace std::chrono;
    return duration<double>(system_clock::now().time_since_epoch()).count();
}

bool validApiVersion(const std::string& v)
{
    if (v.size() != 10 || v[4] != '-' || v[7] != '-')
        return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!std::isdigit(static_cast<unsigned char>(v[i])))
            return false;
    const int month = (v[5] - '0') * 10 + (v[6] - '0');
    const int day = (v[8] - '0') * 10 + (v[9] - '0');
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/// Ids go into URL paths: an empty one would address a collection (IBM answers /jobs/ with its web app).
std::string checkedId(const std::string& id, const char* what)
{
    if (id.empty())
        throw Error(ErrorCode::InvalidArgument, std::string("the ") + what + " is empty", what);
    if (id.size() > 200)
        throw Error(ErrorCode::InvalidArgument, std::string("the ") + what + " is longer than 200 characters", what);
    for (const char c : id)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            throw Error(ErrorCode::InvalidArgument, std::string("the ") + what + " contains control characters", what);
    return urlEncode(id);
}

std::string text(const nlohmann::json& object, const char* key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return {};
    if (it->is_string())
        return it->get<std::string>();
    if (it->is_number_integer())
        return std::to_string(it->get<long long>());
    if (it->is_number() || it->is_boolean())
        return it->dump();
    return {};
}

std::optional<double> number(const nlohmann::json& object, const char* key)
{
    if (!object.is_object())
        return std::nullopt;
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number())
        return std::nullopt;
    return it->get<double>();
}

std::optional<std::int64_t> integer(const nlohmann::json& object, const char* key)
{
    const auto v = number(object, key);
    if (!v || !std::isfinite(*v) || std::abs(*v) > 9.0e15)
        return std::nullopt;
    return static_cast<std::int64_t>(std::llround(*v));
}

bool boolean(const nlohmann::json& object, const char* key)
{
    if (!object.is_object())
        return false;
    const auto it = object.find(key);
    return it != object.end() && it->is_boolean() && it->get<bool>();
}

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

void checkChoice(const std::optional<std::string>& value, std::initializer_list<const char*> allowed, const char* where)
{
    if (!value)
        return;
    for (const char* a : allowed)
        if (*value == a)
            return;
    std::string list;
    for (const char* a : allowed) {
        if (!list.empty())
            list += ", ";
        list += a;
    }
    throw Error(ErrorCode::InvalidArgument, std::string("\"") + *value + std::string("\" is not one of ") + list,
                where);
}

nlohmann::json autoOrCount(int value, const char* where)
{
    if (value < 0)
        throw Error(ErrorCode::InvalidArgument, "must be >= 1, or 0 for \"auto\"", where);
    return value == 0 ? nlohmann::json("auto") : nlohmann::json(value);
}

nlohmann::json buildOptions(const SamplerOptions& o)
{
    nlohmann::json options = nlohmann::json::object();
    if (o.defaultShots) {
        if (*o.defaultShots < 1 || *o.defaultShots > IBM_MAX_SHOTS)
            throw Error(ErrorCode::InvalidArgument, "default shots must be in 1..10000000", "options.default_shots");
        options["default_shots"] = *o.defaultShots;
    }
    const auto& dd = o.dynamicalDecoupling;
    checkChoice(dd.sequenceType, {"XX", "XpXm", "XY4"}, "options.dynamical_decoupling.sequence_type");
    checkChoice(dd.extraSlackDistribution, {"middle", "edges"},
                "options.dynamical_decoupling.extra_slack_distribution");
    checkChoice(dd.schedulingMethod, {"alap", "asap"}, "options.dynamical_decoupling.scheduling_method");
    nlohmann::json ddJson = nlohmann::json::object();
    if (dd.enable)
        ddJson["enable"] = *dd.enable;
    if (dd.sequenceType)
        ddJson["sequence_type"] = *dd.sequenceType;
    if (dd.extraSlackDistribution)
        ddJson["extra_slack_distribution"] = *dd.extraSlackDistribution;
    if (dd.schedulingMethod)
        ddJson["scheduling_method"] = *dd.schedulingMethod;
    if (dd.skipResetQubits)
        ddJson["skip_reset_qubits"] = *dd.skipResetQubits;
    if (!ddJson.empty())
        options["dynamical_decoupling"] = ddJson;

    const auto& tw = o.twirling;
    checkChoice(tw.strategy, {"active", "active-accum", "active-circuit", "all"}, "options.twirling.strategy");
    nlohmann::json twJson = nlohmann::json::object();
    if (tw.enableGates)
        twJson["enable_gates"] = *tw.enableGates;
    if (tw.enableMeasure)
        twJson["enable_measure"] = *tw.enableMeasure;
    if (tw.numRandomizations)
        twJson["num_randomizations"] = autoOrCount(*tw.numRandomizations, "options.twirling.num_randomizations");
    if (tw.shotsPerRandomization)
        twJson["shots_per_randomization"] =
            autoOrCount(*tw.shotsPerRandomization, "options.twirling.shots_per_randomization");
    if (tw.strategy)
        twJson["strategy"] = *tw.strategy;
    if (!twJson.empty())
        options["twirling"] = twJson;

    const auto& ex = o.execution;
    checkChoice(ex.measType, {"classified", "kerneled", "avg_kerneled"}, "options.execution.meas_type");
    nlohmann::json exJson = nlohmann::json::object();
    if (ex.initQubits)
        exJson["init_qubits"] = *ex.initQubits;
    if (ex.repDelaySeconds) {
        if (!std::isfinite(*ex.repDelaySeconds) || *ex.repDelaySeconds < 0.0 || *ex.repDelaySeconds > 1.0)
            throw Error(ErrorCode::InvalidArgument, "rep_delay is in seconds and must be in [0, 1]",
                        "options.execution.rep_delay");
        exJson["rep_delay"] = *ex.repDelaySeconds;
    }
    if (ex.measType)
        exJson["meas_type"] = *ex.measType;
    if (!exJson.empty())
        options["execution"] = exJson;
    return options;
}

void checkTag(const std::string& tag, const std::string& where)
{
    if (tag.empty() || tag.size() > IBM_MAX_TAG_CHARS)
        throw Error(ErrorCode::InvalidArgument,
                    std::string("a tag must have 1 to ") + std::to_string(IBM_MAX_TAG_CHARS) + " characters", where);
}

/// A failed job's result text: qiskit shows the part from the last "Traceback" on, which names the error.
std::string failureText(const std::string& body)
{
    std::string_view view(body);
    const std::size_t pos = view.rfind("Traceback");
    if (pos != std::string_view::npos)
        view = view.substr(pos);
    std::string out(view.substr(0, 4000));
    while (!out.empty() && std::isspace(static_cast<unsigned char>(out.back())))
        out.pop_back();
    return out.empty() ? std::string("the results endpoint answered an empty text body") : out;
}

bool looksLikeJson(const std::string& body)
{
    for (const char c : body) {
        if (std::isspace(static_cast<unsigned char>(c)))
            continue;
        return c == '{' || c == '[';
    }
    return false;
}

SessionInfo parseSession(const nlohmann::json& body, const std::string& where)
{
    if (!body.is_object())
        throw Error(ErrorCode::InvalidInput, "a session must be a JSON object", where);
    SessionInfo s;
    s.id = text(body, "id");
    if (s.id.empty())
        throw Error(ErrorCode::InvalidInput, "the session has no id", where + ":/id");
    s.mode = text(body, "mode");
    s.backend = text(body, "backend_name");
    if (s.backend.empty())
        s.backend = text(body, "backend");
    s.state = text(body, "state");
    s.acceptingJobs = boolean(body, "accepting_jobs");
    s.maxTtl = integer(body, "max_ttl");
    s.activeTtl = integer(body, "active_ttl");
    s.startedAt = text(body, "started_at");
    s.closedAt = text(body, "closed_at");
    s.stateReason = text(body, "state_reason");
    s.raw = body;
    return s;
}

} // namespace

const char* jobStatusName(JobStatus status) noexcept
{
    switch (status) {
    case JobStatus::Queued: return "Queued";
    case JobStatus::Running: return "Running";
    case JobStatus::Completed: return "Completed";
    case JobStatus::Failed: return "Failed";
    case JobStatus::Cancelled: return "Cancelled";
    case JobStatus::Unknown: return "Unknown";
    }
    return "Unknown";
}

JobStatus parseJobStatus(std::string_view value) noexcept
{
    const std::string s = lower(value);
    if (s == "queued")
        return JobStatus::Queued;
    if (s == "running")
        return JobStatus::Running;
    if (s == "completed")
        return JobStatus::Completed;
    if (s == "failed")
        return JobStatus::Failed;
    if (s == "cancelled" || s.rfind("cancelled - ", 0) == 0)
        return JobStatus::Cancelled;
    return JobStatus::Unknown;
}

bool isTerminal(JobStatus status) noexcept
{
    return status == JobStatus::Completed || status == JobStatus::Failed || status == JobStatus::Cancelled;
}

JobInfo parseJobInfo(const nlohmann::json& job, const std::string& where)
{
    if (!job.is_object())
        throw Error(ErrorCode::InvalidInput, "a job must be a JSON object", where);
    JobInfo info;
    info.id = text(job, "id");
    if (info.id.empty())
        throw Error(ErrorCode::InvalidInput, "the job has no id", where + ":/id");
    info.backend = text(job, "backend");
    info.statusText = text(job, "status");
    const nlohmann::json state = job.contains("state") ? job["state"] : nlohmann::json();
    const std::string stateStatus = text(state, "status");
    info.status = parseJobStatus(stateStatus.empty() ? info.statusText : stateStatus);
    if (info.statusText.empty())
        info.statusText = stateStatus;
    info.reason = text(state, "reason");
    info.reasonCode = text(state, "reason_code");
    if (info.reasonCode.empty())
        info.reasonCode = text(state, "reasonCode");
    info.solution = text(state, "reason_solution");
    info.ranTooLong = info.status == JobStatus::Cancelled &&
                      (info.reasonCode == "1305" || lower(info.statusText).find("ran too long") != std::string::npos);
    if (const auto usage = job.find("usage"); usage != job.end() && usage->is_object()) {
        info.usageSeconds = number(*usage, "qpu_charge_time_seconds");
        if (!info.usageSeconds)
            info.usageSeconds = number(*usage, "seconds");
    }
    info.sessionId = text(job, "session_id");
    if (const auto tags = job.find("tags"); tags != job.end() && tags->is_array())
        for (const auto& t : *tags)
            if (t.is_string())
                info.tags.push_back(t.get<std::string>());
    info.created = text(job, "created");
    if (const auto program = job.find("program"); program != job.end()) {
        if (program->is_object())
            info.programId = text(*program, "id");
        else if (program->is_string())
            info.programId = program->get<std::string>();
    }
    info.cost = integer(job, "cost");
    info.raw = job;
    return info;
}

nlohmann::json samplerJobBody(const SamplerJobRequest& request, const std::string& clientTag)
{
    if (request.backend.empty())
        throw Error(ErrorCode::InvalidArgument, "a Sampler job needs a backend", "backend");
    if (request.pubs.empty())
        throw Error(ErrorCode::InvalidArgument, "a Sampler job needs at least one PUB", "pubs");
    if (request.shots && (*request.shots < 1 || *request.shots > IBM_MAX_SHOTS))
        throw Error(ErrorCode::InvalidArgument, "shots must be in 1..10000000", "shots");
    if (request.maxExecutionSeconds &&
        (*request.maxExecutionSeconds < 1 || *request.maxExecutionSeconds > IBM_MAX_EXECUTION_SECONDS))
        throw Error(ErrorCode::InvalidArgument, "the maximum execution time must be in 1..10800 seconds",
                    "maxExecutionSeconds");
    if (request.sessionId.size() > 36)
        throw Error(ErrorCode::InvalidArgument, "a session id has at most 36 characters", "sessionId");
    if (request.tags.size() + 1 > IBM_MAX_JOB_TAGS)
        throw Error(ErrorCode::InvalidArgument,
                    std::string("at most ") + std::to_string(IBM_MAX_JOB_TAGS - 1) +
                        " tags (the client adds one of its own)",
                    "tags");
    for (std::size_t i = 0; i < request.tags.size(); ++i)
        checkTag(request.tags[i], indexedPlace("tags", i));
    checkTag(clientTag, "clientTag");

    nlohmann::json pubs = nlohmann::json::array();
    for (std::size_t k = 0; k < request.pubs.size(); ++k) {
        const SamplerPub& pub = request.pubs[k];
        const std::string where = indexedPlace("pubs", k);
        if (pub.circuit.empty())
            throw Error(ErrorCode::InvalidArgument, "the circuit is empty", where + ".circuit");
        if (pub.shots && (*pub.shots < 1 || *pub.shots > IBM_MAX_SHOTS))
            throw Error(ErrorCode::InvalidArgument, "shots must be in 1..10000000", where + ".shots");
        nlohmann::json entry = nlohmann::json::array({pub.circuit});
        if (!pub.parameters.empty()) {
            std::set<std::string> names;
            const std::size_t n = pub.parameters.front().second.size();
            bool scalar = true;
            for (const auto& [name, values] : pub.parameters) {
                if (name.empty() || !names.insert(name).second)
                    throw Error(ErrorCode::InvalidArgument, "parameter names must be non-empty and distinct",
                                where + ".parameters");
                if (values.empty() || values.size() != n)
                    throw Error(ErrorCode::InvalidArgument,
                                std::string("every parameter needs the same number (>= 1) of values; \"") + name +
                                    std::string("\" has ") + std::to_string(values.size()),
                                where + ".parameters");
                for (const double v : values)
                    if (!std::isfinite(v))
                        throw Error(ErrorCode::InvalidArgument,
                                    std::string("parameter \"") + name + "\" has a non-finite value",
                                    where + ".parameters");
                scalar = scalar && values.size() == 1;
            }
            nlohmann::json bindings = nlohmann::json::object();
            for (const auto& [name, values] : pub.parameters)
                bindings[name] = scalar ? nlohmann::json(values.front()) : nlohmann::json(values);
            entry.push_back(bindings);
        } else if (pub.shots) {
            entry.push_back(nullptr);
        }
        if (pub.shots)
            entry.push_back(*pub.shots);
        pubs.push_back(std::move(entry));
    }

    nlohmann::json params = {{"version", 2}, {"support_qiskit", false}, {"pubs", std::move(pubs)}};
    if (request.shots)
        params["shots"] = *request.shots;
    nlohmann::json options = buildOptions(request.options);
    if (!options.empty())
        params["options"] = std::move(options);

    nlohmann::json tags = request.tags;
    tags.push_back(clientTag);
    nlohmann::json body = {{"program_id", "sampler"},
                           {"backend", request.backend},
                           {"params", std::move(params)},
                           {"tags", std::move(tags)}};
    if (request.maxExecutionSeconds)
        body["cost"] = *request.maxExecutionSeconds;
    if (!request.sessionId.empty())
        body["session_id"] = request.sessionId;
    return body;
}

IbmClient::IbmClient(IbmAccount account, std::shared_ptr<HttpTransport> transport, IbmClientOptions options)
    : m_account(std::move(account)), m_transport(std::move(transport)), m_options(std::move(options))
{
    if (!m_transport)
        throw Error(ErrorCode::InvalidArgument, "no HTTP transport", "transport");
    if (!validApiVersion(m_options.apiVersion))
        throw Error(ErrorCode::InvalidArgument,
                    std::string("the API version must be a date YYYY-MM-DD, got \"") + m_options.apiVersion + "\"",
                    "apiVersion");
    parseInstanceCrn(m_account.instanceCrn, "instanceCrn");
    if (m_account.apiUrl.empty())
        m_account.apiUrl = defaultApiUrl(m_account.region());
    while (m_account.apiUrl.size() > 1 && m_account.apiUrl.back() == '/')
        m_account.apiUrl.pop_back();
    if (m_account.iamUrl.empty())
        m_account.iamUrl = IBM_DEFAULT_IAM_URL;
    m_retry = std::make_shared<RetryPolicy>(m_options.retry, m_options.sleep);
    IamOptions iam;
    iam.clock = m_options.clock;
    iam.timeoutSeconds = m_options.iamTimeoutSeconds;
    m_auth = std::make_unique<IamAuthenticator>(m_account.apiKey, m_account.iamUrl, m_transport, m_retry, iam);
    std::random_device device;
    m_tagState = (static_cast<std::uint64_t>(device()) << 32) ^ device() ^
                 static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
}

std::string IbmClient::newClientTag()
{
    if (m_options.tagGenerator)
        return m_options.tagGenerator();
    std::uint64_t value = 0;
    {
        std::lock_guard lock(m_tagMutex);
        // splitmix64: distinct, well-mixed values from a random start.
        m_tagState += 0x9E3779B97F4A7C15ull;
        value = m_tagState;
    }
    value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9ull;
    value = (value ^ (value >> 27)) * 0x94D049BB133111EBull;
    value ^= value >> 31;
    static constexpr char HEX[] = "0123456789abcdef";
    std::string tag = IBM_CLIENT_TAG_PREFIX;
    for (int shift = 60; shift >= 0; shift -= 4)
        tag.push_back(HEX[(value >> shift) & 15]);
    return tag;
}

HttpRequest IbmClient::buildRequest(const Call& call, const std::string& token) const
{
    HttpRequest request;
    request.method = call.method;
    request.url = m_account.apiUrl + call.path;
    for (std::size_t i = 0; i < call.query.size(); ++i)
        request.url += std::string(i == 0 ? "?" : "&") + call.query[i].first + "=" + urlEncode(call.query[i].second);
    request.headers.emplace_back("Authorization", std::string("Bearer ") + token);
    if (call.instanceScoped)
        request.headers.emplace_back("Service-CRN", m_account.instanceCrn);
    request.headers.emplace_back("IBM-API-Version", m_options.apiVersion);
    request.headers.emplace_back("Accept", "application/json");
    if (!m_options.userAgent.empty())
        request.headers.emplace_back("User-Agent", m_options.userAgent);
    if (call.body) {
        request.headers.emplace_back("Content-Type", "application/json");
        request.body = call.body->dump();
    }
    request.timeoutSeconds = call.timeoutSeconds > 0.0 ? call.timeoutSeconds : m_options.requestTimeoutSeconds;
    return request;
}

HttpResponse IbmClient::sendOnce(const Call& call, RunControl& control, bool& reauthUsed)
{
    const std::string token = m_auth->accessToken(control);
    HttpResponse response = m_transport->send(buildRequest(call, token), control);
    if (response.status == 401 && !reauthUsed) {
        // One fresh token and one repeat; a second 401 is a real authorisation failure.
        reauthUsed = true;
        const std::string fresh = m_auth->refreshAfterRejection(token, control);
        response = m_transport->send(buildRequest(call, fresh), control);
    }
    return response;
}

IbmClient::Answer IbmClient::execute(const Call& call, RunControl& control)
{
    const std::string where = call.method + std::string(" ") + call.path;
    bool reauthUsed = false;
    for (int retry = 0;; ++retry) {
        if (control.isCancelled())
            throw TransportError(TransportFailure::Cancelled, false, "cancelled", where);
        HttpResponse response;
        try {
            response = sendOnce(call, control, reauthUsed);
        } catch (const TransportError& error) {
            // An oversized answer would only be downloaded again.
            if (error.cancelled() || error.failure() == TransportFailure::TooLarge)
                throw;
            RetryCause cause;
            cause.connectionFailure = true;
            cause.requestSent = error.requestSent();
            const auto wait = m_retry->delayFor(retry, cause, call.retryTransient);
            if (!wait)
                throw;
            m_retry->sleep(*wait, control);
            continue;
        }
        if (response.status >= 200 && response.status < 300) {
            Answer answer;
            if (call.expectJson && response.status != 204) {
                answer.json = nlohmann::json::parse(response.body, nullptr, false);
                if (answer.json.is_discarded()) {
                    // A cut or garbled body of an idempotent request is worth another try.
                    RetryCause cause;
                    cause.httpStatus = 502;
                    const auto wait = m_retry->delayFor(retry, cause, call.retryTransient);
                    if (wait) {
                        m_retry->sleep(*wait, control);
                        continue;
                    }
                    throw Error(ErrorCode::InvalidInput,
                                std::string("the answer is not valid JSON (") + std::to_string(response.body.size()) +
                                    " bytes)",
                                where);
                }
            }
            answer.response = std::move(response);
            return answer;
        }
        RetryCause cause;
        cause.httpStatus = response.status;
        if (const auto value = response.header("Retry-After"))
            cause.retryAfterSeconds = parseRetryAfter(*value, unixNow());
        const auto wait = m_retry->delayFor(retry, cause, call.retryTransient);
        if (!wait)
            throw ibmErrorFromResponse(response, where);
        m_retry->sleep(*wait, control);
    }
}

std::vector<ApiVersionInfo> IbmClient::versions(RunControl& control)
{
    Call call;
    call.path = "/versions";
    call.instanceScoped = false;
    const nlohmann::json body = execute(call, control).json;
    const nlohmann::json list = body.is_object() && body.contains("versions") ? body["versions"] : body;
    if (!list.is_array())
        throw Error(ErrorCode::InvalidInput, "expected a \"versions\" array", "GET /versions");
    std::vector<ApiVersionInfo> out;
    for (const auto& entry : list) {
        ApiVersionInfo v;
        if (entry.is_string()) {
            v.version = entry.get<std::string>();
        } else if (entry.is_object()) {
            v.version = text(entry, "version");
            v.status = text(entry, "status");
            v.sunsetDate = text(entry, "sunset_date");
        }
        if (!v.version.empty())
            out.push_back(std::move(v));
    }
    return out;
}

std::vector<BackendSummary> IbmClient::backends(RunControl& control)
{
    Call call;
    call.path = "/backends";
    const nlohmann::json body = execute(call, control).json;
    if (!body.is_object() || !body.contains("devices") || !body["devices"].is_array())
        throw Error(ErrorCode::InvalidInput, "expected a \"devices\" array", "GET /backends");
    std::vector<BackendSummary> out;
    for (const auto& device : body["devices"]) {
        BackendSummary b;
        if (device.is_string()) {
            b.name = device.get<std::string>();
        } else if (device.is_object()) {
            b.name = text(device, "name");
            if (const auto status = device.find("status"); status != device.end()) {
                if (status->is_object()) {
                    b.status = text(*status, "name");
                    b.statusReason = text(*status, "reason");
                } else if (status->is_string()) {
                    b.status = status->get<std::string>();
                }
            }
            b.isSimulator = boolean(device, "is_simulator");
            b.numQubits = static_cast<int>(integer(device, "qubits").value_or(0));
            b.queueLength = static_cast<int>(integer(device, "queue_length").value_or(-1));
            if (const auto processor = device.find("processor_type");
                processor != device.end() && processor->is_object()) {
                b.processorFamily = text(*processor, "family");
                b.processorRevision = text(*processor, "revision");
            }
        }
        if (!b.name.empty())
            out.push_back(std::move(b));
    }
    return out;
}

nlohmann::json IbmClient::backendConfiguration(const std::string& name, RunControl& control)
{
    Call call;
    call.path = std::string("/backends/") + checkedId(name, "backend name") + "/configuration";
    nlohmann::json body = execute(call, control).json;
    if (!body.is_object())
        throw Error(ErrorCode::InvalidInput, "the configuration must be a JSON object",
                    std::string("GET ") + call.path);
    return body;
}

nlohmann::json IbmClient::backendProperties(const std::string& name, RunControl& control)
{
    Call call;
    call.path = std::string("/backends/") + checkedId(name, "backend name") + "/properties";
    try {
        nlohmann::json body = execute(call, control).json;
        if (!body.is_object() && !body.is_null())
            throw Error(ErrorCode::InvalidInput, "the properties must be a JSON object",
                        std::string("GET ") + call.path);
        return body;
    } catch (const IbmApiError& error) {
        if (error.httpStatus() == 404 && error.ibmCode() != "1279")
            return nullptr;
        throw;
    }
}

BackendStatus IbmClient::backendStatus(const std::string& name, RunControl& control)
{
    Call call;
    call.path = std::string("/backends/") + checkedId(name, "backend name") + "/status";
    const nlohmann::json body = execute(call, control).json;
    if (!body.is_object())
        throw Error(ErrorCode::InvalidInput, "the status must be a JSON object", std::string("GET ") + call.path);
    BackendStatus s;
    s.operational = boolean(body, "state");
    s.status = text(body, "status");
    s.message = text(body, "message");
    s.queueLength = static_cast<int>(integer(body, "length_queue").value_or(-1));
    s.backendVersion = text(body, "backend_version");
    return s;
}

DeviceModel IbmClient::backendDevice(const std::string& name, RunControl& control)
{
    const nlohmann::json configuration = backendConfiguration(name, control);
    const nlohmann::json properties = backendProperties(name, control);
    const std::string base = std::string("GET /backends/") + name;
    return deviceFromIbmJson(configuration, properties, base + "/configuration", base + "/properties");
}

CreatedJob IbmClient::createSamplerJob(const SamplerJobRequest& request, RunControl& control)
{
    const std::string tag = request.clientTag.empty() ? newClientTag() : request.clientTag;
    if (tag.rfind(IBM_CLIENT_TAG_PREFIX, 0) != 0)
        throw Error(ErrorCode::InvalidArgument, "a client tag must start with \"qw-\"", "clientTag");
    Call call;
    call.method = "POST";
    call.path = "/jobs";
    call.body = samplerJobBody(request, tag);
    call.timeoutSeconds = m_options.jobCreateTimeoutSeconds;
    const std::string where = "POST /jobs";

    bool reauthUsed = false;
    for (int retry = 0;; ++retry) {
        if (control.isCancelled())
            throw TransportError(TransportFailure::Cancelled, false, "cancelled", where);
        bool outcomeUnknown = false;
        RetryCause cause;
        std::optional<TransportError> transportFailure;
        std::optional<IbmApiError> apiFailure;
        try {
            const HttpResponse response = sendOnce(call, control, reauthUsed);
            if (response.status >= 200 && response.status < 300) {
                const nlohmann::json body = nlohmann::json::parse(response.body, nullptr, false);
                if (body.is_object() && !text(body, "id").empty()) {
                    CreatedJob job;
                    job.id = text(body, "id");
                    job.backend = text(body, "backend");
                    if (job.backend.empty())
                        job.backend = request.backend;
                    job.sessionId = text(body, "session_id");
                    if (job.sessionId.empty())
                        job.sessionId = request.sessionId;
                    job.clientTag = tag;
                    return job;
                }
                // Accepted but unreadable: the job exists, only its id was lost.
                outcomeUnknown = true;
                cause.httpStatus = 502;
                apiFailure =
                    IbmApiError(response.status, "", "the job creation answer carries no job id", "", "", where);
            } else {
                cause.httpStatus = response.status;
                if (const auto value = response.header("Retry-After"))
                    cause.retryAfterSeconds = parseRetryAfter(*value, unixNow());
                outcomeUnknown = isTransientHttpStatus(response.status);
                if (response.status != 429 && !outcomeUnknown)
                    throw ibmErrorFromResponse(response, where);
                apiFailure = ibmErrorFromResponse(response, where);
            }
        } catch (const TransportError& error) {
            if (error.cancelled())
                throw;
            cause.connectionFailure = true;
            cause.requestSent = error.requestSent();
            outcomeUnknown = error.requestSent();
            transportFailure = error;
        }

        // After an unknown outcome the repeat is safe only once the tag lookup has found nothing, so the policy
        // may treat this request as retryable.
        const auto wait = m_retry->delayFor(retry, cause, true);
        if (wait)
            m_retry->sleep(*wait, control);
        if (outcomeUnknown) {
            if (auto found = findJobByTag(tag, control)) {
                CreatedJob job;
                job.id = found->id;
                job.backend = found->backend.empty() ? request.backend : found->backend;
                job.sessionId = found->sessionId.empty() ? request.sessionId : found->sessionId;
                job.clientTag = tag;
                job.recoveredByTag = true;
                return job;
            }
        }
        if (!wait) {
            if (transportFailure)
                throw TransportError(
                    transportFailure->failure(), transportFailure->requestSent(),
                    transportFailure->detail() +
                        (outcomeUnknown ? std::string(" (no job with tag ") + tag + " was found)" : std::string()),
                    where);
            throw *apiFailure;
        }
    }
}

JobInfo IbmClient::getJob(const std::string& id, RunControl& control)
{
    Call call;
    call.path = std::string("/jobs/") + checkedId(id, "job id");
    call.query = {{"exclude_params", "true"}};
    return parseJobInfo(execute(call, control).json, std::string("GET ") + call.path);
}

JobList IbmClient::listJobs(const JobListQuery& query, RunControl& control)
{
    if (query.limit < 1 || query.limit > 200)
        throw Error(ErrorCode::InvalidArgument, "limit must be in 1..200", "limit");
    if (query.offset < 0)
        throw Error(ErrorCode::InvalidArgument, "offset must be >= 0", "offset");
    Call call;
    call.path = "/jobs";
    call.query.emplace_back("limit", std::to_string(query.limit));
    if (query.offset > 0)
        call.query.emplace_back("offset", std::to_string(query.offset));
    if (query.pending)
        call.query.emplace_back("pending", *query.pending ? "true" : "false");
    if (!query.program.empty())
        call.query.emplace_back("program", query.program);
    if (!query.backend.empty())
        call.query.emplace_back("backend", query.backend);
    if (!query.createdAfter.empty())
        call.query.emplace_back("created_after", query.createdAfter);
    if (!query.createdBefore.empty())
        call.query.emplace_back("created_before", query.createdBefore);
    if (query.ascending)
        call.query.emplace_back("sort", "ASC");
    for (std::size_t i = 0; i < query.tags.size(); ++i) {
        checkTag(query.tags[i], indexedPlace("tags", i));
        call.query.emplace_back("tags", query.tags[i]);
    }
    if (!query.sessionId.empty())
        call.query.emplace_back("session_id", query.sessionId);
    call.query.emplace_back("exclude_params", "true");

    const nlohmann::json body = execute(call, control).json;
    const std::string where = "GET /jobs";
    if (!body.is_object() || !body.contains("jobs") || !body["jobs"].is_array())
        throw Error(ErrorCode::InvalidInput, "expected a \"jobs\" array", where);
    JobList list;
    const auto& jobs = body["jobs"];
    list.jobs.reserve(jobs.size());
    for (std::size_t i = 0; i < jobs.size(); ++i)
        list.jobs.push_back(parseJobInfo(jobs[i], where + std::string(":/jobs/") + std::to_string(i)));
    list.count = integer(body, "count").value_or(static_cast<std::int64_t>(list.jobs.size()));
    list.offset = integer(body, "offset").value_or(query.offset);
    list.limit = integer(body, "limit").value_or(query.limit);
    return list;
}

std::optional<JobInfo> IbmClient::findJobByTag(const std::string& tag, RunControl& control)
{
    JobListQuery query;
    query.tags = {tag};
    query.limit = 10;
    JobList list = listJobs(query, control);
    for (auto& job : list.jobs)
        if (std::find(job.tags.begin(), job.tags.end(), tag) != job.tags.end() || job.tags.empty())
            return std::move(job);
    return std::nullopt;
}

void IbmClient::cancelJob(const std::string& id, RunControl& control)
{
    Call call;
    call.method = "POST";
    call.path = std::string("/jobs/") + checkedId(id, "job id") + "/cancel";
    call.expectJson = false;
    try {
        execute(call, control);
    } catch (const IbmApiError& error) {
        if (error.httpStatus() != 409)
            throw;
        throw IbmApiError(409, error.ibmCode(),
                          std::string("job ") + id + std::string(" cannot be cancelled (it has already finished): ") +
                              error.message(),
                          error.solution(), error.trace(), error.where());
    }
}

void IbmClient::deleteJob(const std::string& id, RunControl& control)
{
    Call call;
    call.method = "DELETE";
    call.path = std::string("/jobs/") + checkedId(id, "job id");
    call.expectJson = false;
    execute(call, control);
}

void IbmClient::replaceJobTags(const std::string& id, const std::vector<std::string>& tags, RunControl& control)
{
    if (tags.size() > IBM_MAX_JOB_TAGS)
        throw Error(ErrorCode::InvalidArgument, "at most 8 tags", "tags");
    for (std::size_t i = 0; i < tags.size(); ++i)
        checkTag(tags[i], indexedPlace("tags", i));
    Call call;
    call.method = "PUT";
    call.path = std::string("/jobs/") + checkedId(id, "job id") + "/tags";
    call.body = nlohmann::json{{"tags", tags}};
    call.expectJson = false;
    execute(call, control);
}

JobMetrics IbmClient::jobMetrics(const std::string& id, RunControl& control)
{
    Call call;
    call.path = std::string("/jobs/") + checkedId(id, "job id") + "/metrics";
    const nlohmann::json body = execute(call, control).json;
    if (!body.is_object())
        throw Error(ErrorCode::InvalidInput, "the metrics must be a JSON object", std::string("GET ") + call.path);
    JobMetrics m;
    if (const auto ts = body.find("timestamps"); ts != body.end() && ts->is_object()) {
        m.created = text(*ts, "created");
        m.running = text(*ts, "running");
        m.finished = text(*ts, "finished");
    }
    if (const auto usage = body.find("usage"); usage != body.end() && usage->is_object()) {
        if (const auto charge = number(*usage, "qpu_charge_time_seconds")) {
            m.usageFinal = lower(text(*usage, "status")) == "completed";
            // qiskit reports 0 until the charge is final; keep the provisional value but flag it.
            m.qpuSeconds = *charge;
        } else {
            m.qpuSeconds = number(*usage, "quantum_seconds").value_or(number(*usage, "seconds").value_or(0.0));
            m.usageFinal = !m.finished.empty();
        }
    }
    m.executions = integer(body, "executions");
    m.numCircuits = integer(body, "num_circuits");
    m.raw = body;
    return m;
}

JobResults IbmClient::jobResults(const std::string& id, RunControl& control)
{
    Call call;
    call.path = std::string("/jobs/") + checkedId(id, "job id") + "/results";
    call.expectJson = false;
    call.timeoutSeconds = m_options.resultsTimeoutSeconds;
    const std::string where = std::string("GET ") + call.path;
    for (int retry = 0;; ++retry) {
        Answer answer = execute(call, control);
        JobResults results;
        if (answer.response.status == 204 || answer.response.body.empty())
            return results;
        if (!looksLikeJson(answer.response.body))
            throw IbmApiError(answer.response.status, "",
                              std::string("job ") + id + std::string(" has no results: ") +
                                  failureText(answer.response.body),
                              "", "", where);
        results.raw = nlohmann::json::parse(answer.response.body, nullptr, false);
        if (results.raw.is_discarded()) {
            RetryCause cause;
            cause.httpStatus = 502;
            const auto wait = m_retry->delayFor(retry, cause, true);
            if (!wait)
                throw Error(ErrorCode::InvalidInput, "the results are not valid JSON", where);
            m_retry->sleep(*wait, control);
            continue;
        }
        results.available = true;
        results.result = parseSamplerResult(results.raw, where);
        return results;
    }
}

InstanceUsage IbmClient::instanceUsage(RunControl& control)
{
    Call call;
    call.path = "/instances/usage";
    const nlohmann::json body = execute(call, control).json;
    if (!body.is_object())
        throw Error(ErrorCode::InvalidInput, "the usage must be a JSON object", "GET /instances/usage");
    InstanceUsage u;
    u.instanceId = text(body, "instance_id");
    u.planId = text(body, "plan_id");
    if (const auto period = body.find("usage_period"); period != body.end() && period->is_object()) {
        u.periodStart = text(*period, "start_time");
        u.periodEnd = text(*period, "end_time");
    }
    u.consumedSeconds = number(body, "usage_consumed_seconds").value_or(0.0);
    u.limitSeconds = number(body, "usage_limit_seconds");
    u.allocationSeconds = number(body, "usage_allocation_seconds");
    u.limitReached = boolean(body, "usage_limit_reached");
    u.raw = body;
    return u;
}

SessionInfo IbmClient::createSession(SessionMode mode, const std::string& backend, std::optional<int> maxTtlSeconds,
                                     RunControl& control)
{
    if (backend.empty())
        throw Error(ErrorCode::InvalidArgument, "a session needs a backend", "backend");
    if (maxTtlSeconds && *maxTtlSeconds < 1)
        throw Error(ErrorCode::InvalidArgument, "max_ttl must be positive", "maxTtlSeconds");
    Call call;
    call.method = "POST";
    call.path = "/sessions";
    nlohmann::json body = {{"mode", mode == SessionMode::Batch ? "batch" : "dedicated"}, {"backend", backend}};
    if (maxTtlSeconds)
        body["max_ttl"] = *maxTtlSeconds;
    call.body = std::move(body);
    // A repeated creation would open a second session: repeat only what certainly never reached the server.
    call.retryTransient = false;
    return parseSession(execute(call, control).json, "POST /sessions");
}

SessionInfo IbmClient::getSession(const std::string& id, RunControl& control)
{
    Call call;
    call.path = std::string("/sessions/") + checkedId(id, "session id");
    return parseSession(execute(call, control).json, std::string("GET ") + call.path);
}

void IbmClient::closeSession(const std::string& id, RunControl& control)
{
    Call call;
    call.method = "PATCH";
    call.path = std::string("/sessions/") + checkedId(id, "session id");
    call.body = nlohmann::json{{"accepting_jobs", false}};
    call.expectJson = false;
    execute(call, control);
}

void IbmClient::cancelSession(const std::string& id, RunControl& control)
{
    Call call;
    call.method = "DELETE";
    call.path = std::string("/sessions/") + checkedId(id, "session id") + "/close";
    call.expectJson = false;
    execute(call, control);
}

} // namespace engine
