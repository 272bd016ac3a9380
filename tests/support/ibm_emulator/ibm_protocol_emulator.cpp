// SPDX-License-Identifier: MIT
// The emulator's HTTP side: server lifecycle, request dispatch, fault injection, IAM, auth headers, backends, usage.
#include "emulator_impl.h"

#include <arpa/inet.h>
#include <csignal>
#include <dirent.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cmath>
#include <sstream>

namespace ibmemu {

using detail::HttpError;
using detail::Json;
using detail::SteadyClock;
using detail::SystemClock;

namespace {

constexpr const char* GRANT_TYPE = "urn:ibm:params:oauth:grant-type:apikey";

std::vector<std::string> splitPath(const std::string& path)
{
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(path);
    while (std::getline(in, part, '/'))
        if (!part.empty())
            parts.push_back(part);
    return parts;
}

// The fields of a CRN (crn:v1:bluemix:public:quantum-computing:<region>:a/<account>:<instance>::).
std::vector<std::string> crnFields(const std::string& crn)
{
    std::vector<std::string> fields;
    std::string field;
    for (char c : crn) {
        if (c == ':') {
            fields.push_back(field);
            field.clear();
        } else {
            field += c;
        }
    }
    fields.push_back(field);
    return fields;
}

std::string headerValue(const httplib::Request& req, const char* name)
{
    return req.has_header(name) ? req.get_header_value(name) : std::string();
}

// cpp-httplib 0.11 has no call that closes a connection unanswered, so the handler finds its own socket (the one
// whose local and peer ports are this request's), shuts it down (the client sees the connection close without a
// response: libcurl's "Empty reply from server") and replaces the descriptor with /dev/null, so that httplib's
// attempt to write the response fails quietly instead of raising SIGPIPE, and its final close() closes that copy.
bool dropConnection(const httplib::Request& req)
{
    DIR* dir = opendir("/proc/self/fd");
    if (!dir)
        return false;
    int found = -1;
    while (dirent* entry = readdir(dir)) {
        char* end = nullptr;
        const long fd = std::strtol(entry->d_name, &end, 10);
        if (end == entry->d_name || *end != '\0' || fd == dirfd(dir))
            continue;
        sockaddr_storage local{};
        sockaddr_storage peer{};
        socklen_t localLength = sizeof(local);
        socklen_t peerLength = sizeof(peer);
        if (getsockname(int(fd), reinterpret_cast<sockaddr*>(&local), &localLength) != 0 ||
            getpeername(int(fd), reinterpret_cast<sockaddr*>(&peer), &peerLength) != 0)
            continue;
        const auto port = [](const sockaddr_storage& address) {
            if (address.ss_family == AF_INET)
                return int(ntohs(reinterpret_cast<const sockaddr_in&>(address).sin_port));
            if (address.ss_family == AF_INET6)
                return int(ntohs(reinterpret_cast<const sockaddr_in6&>(address).sin6_port));
            return -1;
        };
        if (port(local) == req.local_port && port(peer) == req.remote_port) {
            found = int(fd);
            break;
        }
    }
    closedir(dir);
    if (found < 0)
        return false;
    ::shutdown(found, SHUT_RDWR);
    const int devNull = ::open("/dev/null", O_RDWR | O_CLOEXEC);
    if (devNull >= 0) {
        ::dup2(devNull, found);
        ::close(devNull);
    }
    return true;
}

void sendError(httplib::Response& res, int status, int code, const std::string& message, const std::string& solution)
{
    detail::sendJson(res, status, detail::errorBody(code, message, solution));
}

Json versionsBody()
{
    Json versions = Json::array();
    const std::pair<const char*, const char*> known[] = {
        {"2024-01-01", "2027-01-01"}, {"2025-01-01", "2027-01-01"}, {"2025-05-01", "2027-03-01"},
        {"2025-06-01", "2027-03-01"}, {"2026-02-01", "2027-06-01"}, {"2026-02-15", "2027-06-01"},
        {"2026-03-15", "2027-09-01"}, {"2026-04-15", nullptr}};
    for (const auto& [version, sunset] : known) {
        Json entry{{"version", version}, {"status", sunset ? "deprecated" : "supported"}};
        if (sunset)
            entry["sunset_date"] = sunset;
        versions.push_back(entry);
    }
    return Json{{"versions", versions}};
}

} // namespace

namespace detail {

void sendJson(httplib::Response& res, int status, const Json& body)
{
    res.status = status;
    res.set_content(body.dump(), "application/json");
}

Json parseBody(const httplib::Request& req)
{
    Json body = Json::parse(req.body, nullptr, false);
    if (body.is_discarded())
        throw HttpError(400, 1002, "The request body is not valid JSON.", "Send a JSON object.");
    if (!body.is_object())
        throw HttpError(400, 1002, "The request body must be a JSON object.", "Send a JSON object.");
    return body;
}

} // namespace detail

IbmProtocolEmulator::Impl::Impl(EmulatorOptions opts)
    : options(std::move(opts)), backends(options.backends, options.fractionalGates), nextSeed(options.seed)
{
}

bool IbmProtocolEmulator::Impl::sleepUnlessStopping(double seconds)
{
    std::unique_lock lock(mutex);
    return !wake.wait_for(lock, std::chrono::duration<double>(seconds), [&] { return stopping.load(); });
}

std::optional<FaultRule> IbmProtocolEmulator::Impl::takeFault(const std::string& method, const std::string& path)
{
    std::lock_guard lock(mutex);
    for (auto it = faults.begin(); it != faults.end(); ++it) {
        if ((!it->method.empty() && it->method != method) || path.rfind(it->pathPrefix, 0) != 0)
            continue;
        FaultRule rule = *it;
        if (it->count > 0 && --it->count == 0)
            faults.erase(it);
        return rule;
    }
    return std::nullopt;
}

void IbmProtocolEmulator::Impl::serve(const httplib::Request& req, httplib::Response& res)
{
    {
        std::lock_guard lock(mutex);
        log.push_back(req.method + " " + req.path);
    }
    const std::optional<FaultRule> fault = takeFault(req.method, req.path);
    if (!fault) {
        process(req, res);
        return;
    }
    switch (fault->kind) {
    case FaultKind::Status:
    case FaultKind::DropConnection:
        if (fault->afterEffect) {
            httplib::Response discarded;
            process(req, discarded);
        }
        if (fault->kind == FaultKind::DropConnection) {
            if (dropConnection(req))
                return;
            // Without /proc the closest thing is a response that ends the connection unread.
            res.status = 500;
            res.set_header("Connection", "close");
            return;
        }
        sendError(res, fault->status, fault->errorCode ? fault->errorCode : detail::genericErrorCode(fault->status),
                  std::string("Injected fault: HTTP ") + std::to_string(fault->status) + ".", "Retry the request later.");
        if (fault->retryAfterSeconds)
            res.set_header("Retry-After", std::to_string(*fault->retryAfterSeconds));
        return;
    case FaultKind::MalformedJson:
        res.status = 200;
        res.set_content("<html><body><h1>502 Bad Gateway</h1>{\"id\": </body></html>", "application/json");
        return;
    case FaultKind::TruncatedJson:
        process(req, res);
        res.status = 200;
        res.set_content(res.body.substr(0, res.body.size() / 2), "application/json");
        return;
    case FaultKind::Delay:
        if (!sleepUnlessStopping(fault->delaySeconds))
            return;
        process(req, res);
        return;
    case FaultKind::ExpireToken: {
        const std::string auth = headerValue(req, "Authorization");
        if (auth.rfind("Bearer ", 0) == 0) {
            std::lock_guard lock(mutex);
            tokens.erase(auth.substr(7));
        }
        process(req, res);
        return;
    }
    }
}

void IbmProtocolEmulator::Impl::process(const httplib::Request& req, httplib::Response& res)
{
    try {
        route(req, res);
    } catch (const HttpError& error) {
        sendError(res, error.status, error.code, error.what(), error.solution);
    } catch (const Json::exception& error) {
        sendError(res, 400, 1002, std::string("Invalid request: ") + error.what(), "Check the request against the API.");
    } catch (const std::exception& error) {
        sendError(res, 500, 1001, std::string("Internal server error: ") + error.what(), "Retry the request later.");
    }
}

void IbmProtocolEmulator::Impl::route(const httplib::Request& req, httplib::Response& res)
{
    const std::vector<std::string> parts = splitPath(req.path);
    const std::string& method = req.method;
    if (parts.size() == 2 && parts[0] == "identity" && parts[1] == "token") {
        if (method != "POST")
            throw HttpError(405, 1000, "Method not allowed.", "Use POST.");
        issueToken(req, res);
        return;
    }
    if (parts.size() < 3 || parts[0] != "api" || parts[1] != "v1")
        throw HttpError(404, 1000, std::string("Not found: ") + req.path, "Check the URL.");
    const std::string& resource = parts[2];
    const detail::RequestContext ctx = checkCommon(req, resource != "versions");
    if (resource == "versions" && parts.size() == 3 && method == "GET") {
        detail::sendJson(res, 200, versionsBody());
        return;
    }
    if (resource == "backends" && method == "GET") {
        serveBackends(parts, ctx, res);
        return;
    }
    if (resource == "jobs") {
        if (parts.size() == 3 && method == "POST") {
            createJob(req, res);
            return;
        }
        if (parts.size() == 3 && method == "GET") {
            listJobs(req, ctx, res);
            return;
        }
        if (parts.size() == 4 || parts.size() == 5) {
            serveJob(method, parts[3], parts.size() == 5 ? parts[4] : std::string(), req, ctx, res);
            return;
        }
    }
    if (resource == "sessions") {
        serveSessions(method, parts, req, res);
        return;
    }
    if (resource == "instances" && parts.size() == 4 && parts[3] == "usage" && method == "GET") {
        serveUsage(res);
        return;
    }
    throw HttpError(404, 1000, std::string("Not found: ") + method + " " + req.path, "Check the URL and method.");
}

detail::RequestContext IbmProtocolEmulator::Impl::checkCommon(const httplib::Request& req, bool needsCrn)
{
    detail::RequestContext ctx;
    const std::string auth = headerValue(req, "Authorization");
    if (auth.rfind("Bearer ", 0) != 0 || auth.size() <= 7)
        throw HttpError(401, 1200, "Unauthorized: the request has no bearer token.",
                        "Send Authorization: Bearer <IAM access token>.");
    ctx.token = auth.substr(7);
    {
        std::lock_guard lock(mutex);
        const auto it = tokens.find(ctx.token);
        if (it == tokens.end() || it->second <= SteadyClock::now())
            throw HttpError(401, 1201, "Unauthorized: the access token is invalid or expired.",
                            "Get a new access token from IAM and retry.");
    }
    if (req.has_header("IBM-API-Version")) {
        const auto version = detail::parseApiVersion(req.get_header_value("IBM-API-Version"));
        if (!version)
            throw HttpError(400, 1002,
                            std::string("Invalid IBM-API-Version header '") + req.get_header_value("IBM-API-Version") + "'.",
                            "Send a date of the form YYYY-MM-DD, e.g. 2026-04-15.");
        ctx.apiVersion = *version;
    }
    if (!needsCrn)
        return ctx;
    const std::string crn = headerValue(req, "Service-CRN");
    if (crn.empty())
        throw HttpError(400, 1002, "The Service-CRN header is required.", "Send the instance CRN in Service-CRN.");
    if (crn == options.instanceCrn)
        return ctx;
    const auto fields = crnFields(crn);
    const auto own = crnFields(options.instanceCrn);
    if (fields.size() < 8 || fields[0] != "crn" || fields[4] != "quantum-computing")
        throw HttpError(400, 1002, "The Service-CRN header is not a quantum-computing instance CRN.",
                        "Copy the instance CRN from the IBM Quantum dashboard.");
    if (own.size() >= 6 && fields[5] != own[5])
        throw HttpError(404, 1279, std::string("Instance ") + crn + " not found.",
                        "The instance belongs to another region: send the request to that region's host.");
    throw HttpError(403, 1200, std::string("Not authorized to use instance ") + crn + ".",
                    "Use an instance your API key has access to.");
}

void IbmProtocolEmulator::Impl::issueToken(const httplib::Request& req, httplib::Response& res)
{
    const auto iamError = [&](const char* code, const std::string& message) {
        detail::sendJson(res, 400,
                         Json{{"errorCode", code},
                              {"errorMessage", message},
                              {"context", {{"requestId", detail::randomUuid()}, {"requestType", "Token"}}}});
    };
    const std::string grant = req.has_param("grant_type") ? req.get_param_value("grant_type") : std::string();
    const std::string key = req.has_param("apikey") ? req.get_param_value("apikey") : std::string();
    if (grant.empty() || (key.empty() && grant == GRANT_TYPE)) {
        iamError("BXNIM0109E", "Property missing or empty.");
        return;
    }
    if (grant != GRANT_TYPE) {
        iamError("BXNIM0103E", std::string("Unsupported grant type: ") + grant);
        return;
    }
    if (key != options.apiKey) {
        iamError("BXNIM0415E", "Provided API key could not be found.");
        return;
    }
    const auto now = SystemClock::now();
    const std::int64_t iat = detail::unixSeconds(now);
    const std::int64_t exp = iat + options.tokenLifetimeSeconds;
    // A JWT-shaped token (unsigned header and claims a client may read, random signature): clients must treat it
    // as opaque, but the ones that peek at `exp` find it.
    const Json header{{"kid", "emulator"}, {"alg", "RS256"}};
    const Json claims{{"iam_id", "IBMid-emulator"}, {"sub", "emulator"}, {"iat", iat}, {"exp", exp},
                      {"jti", detail::randomUuid()}};
    const std::string token = detail::base64Url(header.dump()) + "." + detail::base64Url(claims.dump()) + "." +
                              detail::randomBase64Url(43);
    {
        std::lock_guard lock(mutex);
        tokens[token] = SteadyClock::now() + std::chrono::seconds(options.tokenLifetimeSeconds);
        ++tokensIssued;
    }
    detail::sendJson(res, 200,
                     Json{{"access_token", token},
                          {"refresh_token", "not_supported"},
                          {"token_type", "Bearer"},
                          {"expires_in", options.tokenLifetimeSeconds},
                          {"expiration", exp},
                          {"scope", "ibm_openid"}});
}

int IbmProtocolEmulator::Impl::servedQueueLength(const std::string& backend) const
{
    int queued = 0;
    for (const auto& [id, job] : jobs)
        if (job->backend == backend && job->status == detail::JobStatus::Queued)
            ++queued;
    return backends.status(backend).second + queued;
}

void IbmProtocolEmulator::Impl::serveBackends(const std::vector<std::string>& parts, const detail::RequestContext& ctx,
                                              httplib::Response& res)
{
    if (parts.size() == 3) {
        Json devices = Json::array();
        std::lock_guard lock(mutex);
        for (const std::string& name : backends.names()) {
            if (ctx.apiVersion < detail::API_2025_01_01)
                devices.push_back(name);
            else
                devices.push_back(backends.listEntry(name, servedQueueLength(name)));
        }
        detail::sendJson(res, 200, Json{{"devices", devices}});
        return;
    }
    if (parts.size() != 5)
        throw HttpError(404, 1000, "Not found.", "Check the URL.");
    const detail::EmulatedBackend* backend = backends.find(parts[3]);
    if (!backend)
        throw HttpError(404, 1007, std::string("Backend ") + parts[3] + " not found.", "Use a name listed by GET /backends.");
    const std::string& what = parts[4];
    if (what == "configuration") {
        detail::sendJson(res, 200, backend->configuration);
    } else if (what == "properties") {
        res.status = 200;
        res.set_content(backends.propertiesText(backend->name), "application/json");
    } else if (what == "status") {
        std::lock_guard lock(mutex);
        detail::sendJson(res, 200, backends.statusDocument(backend->name, servedQueueLength(backend->name)));
    } else if (what == "defaults") {
        res.status = 200;
        res.set_content("null", "application/json");
    } else {
        throw HttpError(404, 1000, "Not found.", "Check the URL.");
    }
}

double IbmProtocolEmulator::Impl::consumedSeconds() const
{
    double total = 0.0;
    for (const auto& [id, job] : jobs)
        if (job->usageFinal)
            total += job->qpuSeconds;
    return total;
}

double IbmProtocolEmulator::Impl::usageLimitSeconds() const
{
    return options.usageLimitSeconds > 0.0 ? options.usageLimitSeconds : 0.0;
}

void IbmProtocolEmulator::Impl::serveUsage(httplib::Response& res)
{
    std::lock_guard lock(mutex);
    const double consumed = consumedSeconds();
    const double limit = usageLimitSeconds();
    const auto periodEnd = createdAt + std::chrono::hours(24 * 28);
    Json body{{"instance_id", options.instanceCrn},
              {"plan_id", options.plan},
              {"usage_period", {{"start_time", detail::isoUtcMillis(createdAt)}, {"end_time", detail::isoUtcMillis(periodEnd)}}},
              {"usage_consumed_seconds", consumed},
              {"usage_limit_seconds", limit > 0.0 ? Json(limit) : Json()},
              {"usage_allocation_seconds", limit > 0.0 ? Json(limit) : Json()},
              {"usage_limit_reached", limit > 0.0 && consumed >= limit}};
    detail::sendJson(res, 200, body);
}

IbmProtocolEmulator::IbmProtocolEmulator(EmulatorOptions options) : m_impl(std::make_unique<Impl>(std::move(options)))
{
}

IbmProtocolEmulator::~IbmProtocolEmulator()
{
    stop();
}

void IbmProtocolEmulator::start(int port)
{
    Impl& impl = *m_impl;
    if (impl.serverThread.joinable())
        throw std::runtime_error("the IBM protocol emulator is already running");
    impl.stopping = false;
    const auto handler = [&impl](const httplib::Request& req, httplib::Response& res) { impl.serve(req, res); };
    impl.server.Get(".*", handler);
    impl.server.Post(".*", handler);
    impl.server.Put(".*", handler);
    impl.server.Patch(".*", handler);
    impl.server.Delete(".*", handler);
    impl.server.set_payload_max_length(impl.options.maxRequestBytes);
    // httplib's own answers (413 for an oversized body, 404/405, 400 for a broken request) get IBM's error shape.
    impl.server.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&,
                                                                          httplib::Response& res) {
        if (!res.body.empty())
            return httplib::Server::HandlerResponse::Unhandled;
        const std::string message = res.status == 413 ? "The request body is larger than the maximum allowed."
                                                      : std::string("HTTP ") + std::to_string(res.status) + ".";
        detail::sendJson(res, res.status, detail::errorBody(detail::genericErrorCode(res.status), message,
                                                            "Check the request."));
        return httplib::Server::HandlerResponse::Handled;
    }));
    const bool bound = port == 0 ? (impl.boundPort = impl.server.bind_to_any_port("127.0.0.1")) > 0
                                 : impl.server.bind_to_port("127.0.0.1", port);
    if (!bound)
        throw std::runtime_error(std::string("the IBM protocol emulator cannot bind 127.0.0.1:") + std::to_string(port));
    if (port != 0)
        impl.boundPort = port;
    impl.serverThread = std::thread([&impl] {
        // The connection threads inherit this mask: a client that hangs up early must not kill the process
        // through SIGPIPE (httplib 0.11 writes without MSG_NOSIGNAL); the write then just fails with EPIPE.
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &set, nullptr);
        impl.server.listen_after_bind();
    });
    for (int i = 0; i < 5000 && !impl.server.is_running(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    impl.workerThread = std::thread([&impl] { impl.workerLoop(); });
}

void IbmProtocolEmulator::stop()
{
    Impl& impl = *m_impl;
    {
        std::lock_guard lock(impl.mutex);
        impl.stopping = true;
    }
    impl.wake.notify_all();
    if (impl.serverThread.joinable()) {
        impl.server.stop();
        impl.serverThread.join();
    }
    if (impl.workerThread.joinable())
        impl.workerThread.join();
}

int IbmProtocolEmulator::port() const
{
    return m_impl->boundPort;
}

std::string IbmProtocolEmulator::apiBaseUrl() const
{
    return std::string("http://127.0.0.1:") + std::to_string(port()) + "/api/v1";
}

std::string IbmProtocolEmulator::iamUrl() const
{
    return std::string("http://127.0.0.1:") + std::to_string(port()) + "/identity/token";
}

const EmulatorOptions& IbmProtocolEmulator::options() const
{
    return m_impl->options;
}

void IbmProtocolEmulator::addFault(const FaultRule& rule)
{
    if (rule.count == 0)
        return;
    std::lock_guard lock(m_impl->mutex);
    m_impl->faults.push_back(rule);
}

void IbmProtocolEmulator::clearFaults()
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->faults.clear();
}

void IbmProtocolEmulator::failNextJobs(const JobFailure& failure, int count)
{
    std::lock_guard lock(m_impl->mutex);
    for (int i = 0; i < count; ++i)
        m_impl->pendingFailures.push_back(failure);
}

void IbmProtocolEmulator::holdJobsQueued(bool hold)
{
    {
        std::lock_guard lock(m_impl->mutex);
        m_impl->holdQueued = hold;
    }
    m_impl->wake.notify_all();
}

void IbmProtocolEmulator::setBackendStatus(const std::string& name, const std::string& status, int queueLength)
{
    m_impl->backends.setStatus(name, status, queueLength);
    m_impl->wake.notify_all();
}

void IbmProtocolEmulator::expireAllTokens()
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->tokens.clear();
}

std::size_t IbmProtocolEmulator::jobsCreated() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->jobsCreated;
}

std::size_t IbmProtocolEmulator::tokensIssued() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->tokensIssued;
}

std::vector<std::string> IbmProtocolEmulator::requestLog() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->log;
}

} // namespace ibmemu
