// SPDX-License-Identifier: MIT
// Tests of the HTTP layer: URL encoding, header lookup, and CurlTransport against a one-shot local socket server.
#include "ibmq/http_transport.h"

#include <QtTest>

#include "test_support.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>

using namespace engine;

namespace {

/// A server on 127.0.0.1 that accepts one connection, reads one request and then does what `mode` says.
class OneShotServer {
public:
    enum class Mode { Reply, Close, Hang };

    OneShotServer(Mode mode, std::string reply = {}) : m_mode(mode), m_reply(std::move(reply))
    {
        m_listen = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = 0;
        if (::bind(m_listen, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(m_listen, 1) != 0)
            throw std::runtime_error("cannot listen");
        socklen_t len = sizeof addr;
        ::getsockname(m_listen, reinterpret_cast<sockaddr*>(&addr), &len);
        m_port = ntohs(addr.sin_port);
        m_thread = std::thread([this] { serve(); });
    }

    ~OneShotServer()
    {
        m_stop = true;
        ::shutdown(m_listen, SHUT_RDWR);
        ::close(m_listen);
        if (m_thread.joinable())
            m_thread.join();
    }

    std::string url(const std::string& path) const
    {
        return std::string("http://127.0.0.1:") + std::to_string(m_port) + path;
    }
    std::string received() const
    {
        while (!m_done)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        return m_received;
    }

private:
    void serve()
    {
        const int client = ::accept(m_listen, nullptr, nullptr);
        if (client < 0) {
            m_done = true;
            return;
        }
        std::string data;
        char buffer[4096];
        std::size_t expected = std::string::npos;
        while (true) {
            const ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
            if (n <= 0)
                break;
            data.append(buffer, static_cast<std::size_t>(n));
            const std::size_t end = data.find("\r\n\r\n");
            if (end != std::string::npos && expected == std::string::npos) {
                std::size_t length = 0;
                const std::size_t cl = data.find("Content-Length: ");
                if (cl != std::string::npos && cl < end)
                    length = std::stoul(data.substr(cl + 16));
                expected = end + 4 + length;
            }
            if (expected != std::string::npos && data.size() >= expected)
                break;
        }
        m_received = data;
        m_done = true;
        if (m_mode == Mode::Reply)
            ::send(client, m_reply.data(), m_reply.size(), MSG_NOSIGNAL);
        else if (m_mode == Mode::Hang)
            for (int i = 0; i < 500 && !m_stop; ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
        ::close(client);
    }

    Mode m_mode;
    std::string m_reply;
    int m_listen = -1;
    int m_port = 0;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_done{false};
    std::string m_received;
};

/// A port with nothing listening: bind, read the port, close.
int closedPort()
{
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(s, reinterpret_cast<sockaddr*>(&addr), &len);
    ::close(s);
    return ntohs(addr.sin_port);
}

TransportError failureOf(CurlTransport& transport, const HttpRequest& request, RunControl& control)
{
    try {
        transport.send(request, control);
    } catch (const TransportError& e) {
        return e;
    }
    throw std::runtime_error("no transport error");
}

} // namespace

class TstHttpTransport : public QObject {
    Q_OBJECT
private slots:
    void urlEncoding();
    void headerLookup();
    void getAndResponseParsing();
    void postSendsBodyAndHeaders();
    void connectionRefusedIsNotSent();
    void droppedConnectionAfterSending();
    void timeout();
    void cancellation();
    void responseTooLarge();
};

void TstHttpTransport::urlEncoding()
{
    QCOMPARE(urlEncode("abcXYZ019-_.~"), std::string("abcXYZ019-_.~"));
    QCOMPARE(urlEncode("a b/c:d?e&f=g"), std::string("a%20b%2Fc%3Ad%3Fe%26f%3Dg"));
    QCOMPARE(urlEncode("urn:ibm:params"), std::string("urn%3Aibm%3Aparams"));
    QCOMPARE(urlEncode("\xC3\xA9"), std::string("%C3%A9"));
    QCOMPARE(urlEncode(""), std::string());
}

void TstHttpTransport::headerLookup()
{
    HttpResponse r;
    r.headers = {{"Content-Type", "text/plain"}, {"retry-after", "3"}, {"Retry-After", "5"}};
    QCOMPARE(r.header("content-type").value_or(""), std::string("text/plain"));
    QCOMPARE(r.header("RETRY-AFTER").value_or(""), std::string("5")); // the last one wins
    QVERIFY(!r.header("Missing"));
    HttpRequest q;
    q.headers = {{"Service-CRN", "crn"}};
    QCOMPARE(q.header("service-crn").value_or(""), std::string("crn"));
    QCOMPARE(std::string(transportFailureName(TransportFailure::Timeout)), std::string("timeout"));
}

void TstHttpTransport::getAndResponseParsing()
{
    OneShotServer server(OneShotServer::Mode::Reply,
                         "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Request-Id: r-1\r\n"
                         "Content-Length: 11\r\nConnection: close\r\n\r\n{\"ok\":true}");
    CurlTransport transport;
    HttpRequest request;
    request.url = server.url("/api/v1/versions?x=1");
    request.headers = {{"Accept", "application/json"}, {"IBM-API-Version", "2026-04-15"}};
    const HttpResponse response = transport.send(request, RunControl::none());
    QCOMPARE(response.status, 200);
    QCOMPARE(response.body, std::string("{\"ok\":true}"));
    QCOMPARE(response.header("x-request-id").value_or(""), std::string("r-1"));
    const std::string seen = server.received();
    QVERIFY(seen.rfind("GET /api/v1/versions?x=1 HTTP/1.1\r\n", 0) == 0);
    QVERIFY(seen.find("IBM-API-Version: 2026-04-15\r\n") != std::string::npos);
}

void TstHttpTransport::postSendsBodyAndHeaders()
{
    OneShotServer server(OneShotServer::Mode::Reply,
                         "HTTP/1.1 409 Conflict\r\nContent-Length: 5\r\nConnection: close\r\n\r\nnope!");
    CurlTransport transport;
    HttpRequest request;
    request.method = "POST";
    request.url = server.url("/api/v1/jobs/x/cancel");
    request.headers = {{"Content-Type", "application/json"}};
    request.body = R"({"a":1})";
    const HttpResponse response = transport.send(request, RunControl::none());
    QCOMPARE(response.status, 409); // error statuses are answers, not exceptions
    QCOMPARE(response.body, std::string("nope!"));
    const std::string seen = server.received();
    QVERIFY(seen.rfind("POST /api/v1/jobs/x/cancel HTTP/1.1\r\n", 0) == 0);
    QVERIFY(seen.find("Content-Length: 7\r\n") != std::string::npos);
    QVERIFY(seen.find("Expect:") == std::string::npos);
    QVERIFY(seen.size() >= 7 && seen.substr(seen.size() - 7) == R"({"a":1})");
}

void TstHttpTransport::connectionRefusedIsNotSent()
{
    CurlTransport transport;
    HttpRequest request;
    request.method = "POST";
    request.url = std::string("http://127.0.0.1:") + std::to_string(closedPort()) + "/api/v1/jobs";
    request.body = "{}";
    const TransportError e = failureOf(transport, request, RunControl::none());
    QCOMPARE(e.failure(), TransportFailure::ConnectFailed);
    QVERIFY(!e.requestSent());
    QCOMPARE(e.code(), ErrorCode::Io);
}

void TstHttpTransport::droppedConnectionAfterSending()
{
    OneShotServer server(OneShotServer::Mode::Close);
    CurlTransport transport;
    HttpRequest request;
    request.method = "POST";
    request.url = server.url("/api/v1/jobs");
    request.body = R"({"program_id":"sampler"})";
    const TransportError e = failureOf(transport, request, RunControl::none());
    QCOMPARE(e.failure(), TransportFailure::ConnectionLost);
    QVERIFY(e.requestSent());
}

void TstHttpTransport::timeout()
{
    OneShotServer server(OneShotServer::Mode::Hang);
    CurlTransport transport;
    HttpRequest request;
    request.url = server.url("/slow");
    request.timeoutSeconds = 0.3;
    const TransportError e = failureOf(transport, request, RunControl::none());
    QCOMPARE(e.failure(), TransportFailure::Timeout);
    QVERIFY(e.requestSent());
}

void TstHttpTransport::cancellation()
{
    OneShotServer server(OneShotServer::Mode::Hang);
    CurlTransport transport;
    HttpRequest request;
    request.url = server.url("/slow");
    request.timeoutSeconds = 30.0;
    RunControl control;
    const auto start = std::chrono::steady_clock::now();
    control.setCancelCallback(
        [start] { return std::chrono::steady_clock::now() - start > std::chrono::milliseconds(200); });
    const TransportError e = failureOf(transport, request, control);
    QCOMPARE(e.failure(), TransportFailure::Cancelled);
    QVERIFY(e.cancelled());
    // Already cancelled: nothing is sent.
    RunControl stopped;
    stopped.requestCancel();
    HttpRequest never;
    never.url = std::string("http://127.0.0.1:") + std::to_string(closedPort()) + "/";
    const TransportError early = failureOf(transport, never, stopped);
    QVERIFY(early.cancelled());
    QVERIFY(!early.requestSent());
}

void TstHttpTransport::responseTooLarge()
{
    OneShotServer server(OneShotServer::Mode::Reply,
                         std::string("HTTP/1.1 200 OK\r\nContent-Length: 100\r\nConnection: close\r\n\r\n") +
                             std::string(100, 'x'));
    CurlTransportOptions options;
    options.maxResponseBytes = 10;
    CurlTransport transport(options);
    HttpRequest request;
    request.url = server.url("/big");
    const TransportError e = failureOf(transport, request, RunControl::none());
    QCOMPARE(e.failure(), TransportFailure::TooLarge);
}

QTEST_APPLESS_MAIN(TstHttpTransport)
#include "http_transport.test.moc"
