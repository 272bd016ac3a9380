// SPDX-License-Identifier: MIT
// Tests of the IAM authenticator: the exchange request, refresh at 80 % of the lifetime, 401 refresh, failures.
#include "ibmq/iam_authenticator.h"

#include <QtTest>

#include "test_support.h"

#include "fake_transport.h"
#include "ibmq/ibm_errors.h"

#include <thread>

using namespace engine;
using test_support::FakeTransport;

namespace {

struct Fixture {
    std::shared_ptr<FakeTransport> transport = std::make_shared<FakeTransport>();
    test_support::SleepRecorder sleeps;
    std::shared_ptr<double> clock = std::make_shared<double>(1000.0);
    std::unique_ptr<IamAuthenticator> auth;

    explicit Fixture(int maxAttempts = 4)
    {
        IamOptions options;
        auto c = clock;
        options.clock = [c] { return *c; };
        RetryOptions retry;
        retry.seed = 11;
        retry.maxAttempts = maxAttempts;
        auth = std::make_unique<IamAuthenticator>("my-api-key/with+odd chars", test_support::FAKE_IAM_URL, transport,
                                                  std::make_shared<RetryPolicy>(retry, sleeps.fn()), options);
    }
};

} // namespace

class TstIamAuthenticator : public QObject {
    Q_OBJECT
private slots:
    void exchangeRequest();
    void refreshAtEightyPercent();
    void refreshAfterRejection();
    void invalidKeyFails();
    void transientFailuresRetried();
    void badAnswers();
    void concurrentCallersShareOneExchange();
    void constructorChecks();
};

void TstIamAuthenticator::exchangeRequest()
{
    Fixture f;
    QCOMPARE(f.auth->accessToken(RunControl::none()), std::string("tok-1"));
    QCOMPARE(f.transport->requests.size(), std::size_t{1});
    const HttpRequest& r = f.transport->requests[0];
    QCOMPARE(r.method, std::string("POST"));
    QCOMPARE(r.url, std::string(test_support::FAKE_IAM_URL));
    QCOMPARE(r.header("content-type").value_or(""), std::string("application/x-www-form-urlencoded"));
    QCOMPARE(r.header("Accept").value_or(""), std::string("application/json"));
    QCOMPARE(r.body, std::string("grant_type=urn%3Aibm%3Aparams%3Aoauth%3Agrant-type%3Aapikey"
                                 "&apikey=my-api-key%2Fwith%2Bodd%20chars"));
    QCOMPARE(f.auth->exchanges(), std::size_t{1});
}

void TstIamAuthenticator::refreshAtEightyPercent()
{
    Fixture f;
    f.transport->tokenLifetime = 3600;
    QCOMPARE(f.auth->accessToken(RunControl::none()), std::string("tok-1"));
    *f.clock += 0.8 * 3600 - 1.0; // just before 80 %: cached
    QCOMPARE(f.auth->accessToken(RunControl::none()), std::string("tok-1"));
    QCOMPARE(f.transport->iamCalls, 1);
    *f.clock += 1.0; // at 80 %: refreshed
    QCOMPARE(f.auth->accessToken(RunControl::none()), std::string("tok-2"));
    QCOMPARE(f.transport->iamCalls, 2);
    // The new token's lifetime counts from its own exchange.
    f.transport->tokenLifetime = 100;
    *f.clock += 0.8 * 3600;
    QCOMPARE(f.auth->accessToken(RunControl::none()), std::string("tok-3"));
    *f.clock += 79.0;
    QCOMPARE(f.auth->accessToken(RunControl::none()), std::string("tok-3"));
    *f.clock += 1.0;
    QCOMPARE(f.auth->accessToken(RunControl::none()), std::string("tok-4"));
}

void TstIamAuthenticator::refreshAfterRejection()
{
    Fixture f;
    const std::string first = f.auth->accessToken(RunControl::none());
    QCOMPARE(f.auth->refreshAfterRejection(first, RunControl::none()), std::string("tok-2"));
    // A second caller reporting the same old token gets the already refreshed one without another exchange.
    QCOMPARE(f.auth->refreshAfterRejection(first, RunControl::none()), std::string("tok-2"));
    QCOMPARE(f.transport->iamCalls, 2);
    f.auth->invalidate();
    QCOMPARE(f.auth->accessToken(RunControl::none()), std::string("tok-3"));
}

void TstIamAuthenticator::invalidKeyFails()
{
    Fixture f;
    f.transport->iamScript.push_back(test_support::jsonReply(
        400, {{"errorCode", "BXNIM0415E"}, {"errorMessage", "Provided API key could not be found."}}));
    try {
        f.auth->accessToken(RunControl::none());
        QFAIL("no error");
    } catch (const IbmApiError& e) {
        QCOMPARE(e.httpStatus(), 400);
        QCOMPARE(e.ibmCode(), std::string("BXNIM0415E"));
        const std::string what = e.what();
        QVERIFY(what.find("authentication failed") != std::string::npos);
        QVERIFY(what.find("could not be found") != std::string::npos);
        QVERIFY(what.find("my-api-key") == std::string::npos); // the key never appears
    }
    QCOMPARE(f.transport->iamCalls, 1); // a 400 is not retried
    QVERIFY(f.sleeps.waits->empty());
}

void TstIamAuthenticator::transientFailuresRetried()
{
    Fixture f;
    f.transport->iamScript.push_back(test_support::failureReply(TransportFailure::ConnectFailed, false));
    f.transport->iamScript.push_back(test_support::textReply(503, "maintenance"));
    QCOMPARE(f.auth->accessToken(RunControl::none()), std::string("tok-1"));
    QCOMPARE(f.transport->iamCalls, 3);
    QCOMPARE(f.sleeps.waits->size(), std::size_t{2});
    QVERIFY((*f.sleeps.waits)[0] < 0.5 && (*f.sleeps.waits)[1] < 1.0);

    Fixture g(2);
    g.transport->iamScript.push_back(test_support::textReply(503, "maintenance"));
    g.transport->iamScript.push_back(test_support::textReply(503, "maintenance"));
    QVERIFY_THROWS_EXCEPTION(IbmApiError, g.auth->accessToken(RunControl::none()));
    QCOMPARE(g.transport->iamCalls, 2);
}

void TstIamAuthenticator::badAnswers()
{
    Fixture f;
    f.transport->iamScript.push_back(test_support::jsonReply(200, {{"token_type", "Bearer"}}));
    QVERIFY_THROWS_EXCEPTION(Error, f.auth->accessToken(RunControl::none()));
    // With neither expires_in nor expiration, one hour is assumed.
    f.transport->iamScript.push_back(test_support::jsonReply(200, {{"access_token", "plain"}}));
    QCOMPARE(f.auth->accessToken(RunControl::none()), std::string("plain"));
    *f.clock += 0.8 * 3600 - 1;
    QCOMPARE(f.auth->accessToken(RunControl::none()), std::string("plain"));
    *f.clock += 2;
    QCOMPARE(f.auth->accessToken(RunControl::none()), std::string("tok-1"));
}

void TstIamAuthenticator::concurrentCallersShareOneExchange()
{
    Fixture f;
    std::vector<std::thread> threads;
    std::vector<std::string> tokens(8);
    for (std::size_t i = 0; i < tokens.size(); ++i)
        threads.emplace_back([&, i] { tokens[i] = f.auth->accessToken(RunControl::none()); });
    for (auto& t : threads)
        t.join();
    for (const auto& t : tokens)
        QCOMPARE(t, std::string("tok-1"));
    QCOMPARE(f.transport->iamCalls, 1);
}

void TstIamAuthenticator::constructorChecks()
{
    auto transport = std::make_shared<FakeTransport>();
    QVERIFY_THROWS_EXCEPTION(Error, IamAuthenticator("", "u", transport, nullptr));
    QVERIFY_THROWS_EXCEPTION(Error, IamAuthenticator("k", "", transport, nullptr));
    QVERIFY_THROWS_EXCEPTION(Error, IamAuthenticator("k", "u", nullptr, nullptr));
    RunControl cancelled;
    cancelled.requestCancel();
    IamAuthenticator auth("k", test_support::FAKE_IAM_URL, transport, nullptr);
    try {
        auth.accessToken(cancelled);
        QFAIL("no error");
    } catch (const TransportError& e) {
        QVERIFY(e.cancelled());
    }
}

QTEST_APPLESS_MAIN(TstIamAuthenticator)
#include "iam_authenticator.test.moc"
