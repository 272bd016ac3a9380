// SPDX-License-Identifier: MIT
// Tests of the retry policy: full-jitter bounds, seeded determinism, 429 waits, Retry-After, non-retryable cases.
#include "ibmq/retry_policy.h"

#include <QtTest>

#include "test_support.h"

#include <cmath>

using namespace engine;

class TstRetryPolicy : public QObject {
    Q_OBJECT
private slots:
    void backoffWithinFullJitterBounds();
    void seededJitterIsDeterministic();
    void transientStatusesRetriedOnlyWhenAllowed();
    void clientErrorsNeverRetried_data();
    void clientErrorsNeverRetried();
    void attemptsBounded();
    void rateLimitWaits();
    void retryAfterHonoured();
    void connectionFailures();
    void parseRetryAfterForms();
    void sleepInjectedAndCancellable();
};

void TstRetryPolicy::backoffWithinFullJitterBounds()
{
    RetryOptions o;
    o.seed = 7;
    o.baseSeconds = 0.5;
    o.capSeconds = 4.0;
    RetryPolicy policy(o, [](double, RunControl&) {});
    for (int k = 0; k < 8; ++k) {
        const double ceiling = std::min(4.0, 0.5 * std::pow(2.0, k));
        double maxSeen = 0.0;
        double sum = 0.0;
        const int n = 4000;
        for (int i = 0; i < n; ++i) {
            const double d = policy.backoff(k);
            QVERIFY(d >= 0.0 && d < ceiling);
            maxSeen = std::max(maxSeen, d);
            sum += d;
        }
        // Uniform on [0, ceiling): the mean is ceiling/2 (tolerance 5 standard errors) and the top is reached.
        const double sigma = ceiling / std::sqrt(12.0 * n);
        QVERIFY(std::abs(sum / n - ceiling / 2) < 5 * sigma);
        QVERIFY(maxSeen > 0.95 * ceiling);
    }
}

void TstRetryPolicy::seededJitterIsDeterministic()
{
    RetryOptions o;
    o.seed = 12345;
    RetryPolicy a(o, [](double, RunControl&) {});
    RetryPolicy b(o, [](double, RunControl&) {});
    for (int i = 0; i < 20; ++i)
        QCOMPARE(a.backoff(i % 5), b.backoff(i % 5));
    o.seed = 12346;
    RetryPolicy c(o, [](double, RunControl&) {});
    RetryPolicy d(RetryOptions{.seed = 12345}, [](double, RunControl&) {});
    QVERIFY(c.backoff(3) != d.backoff(3));
}

void TstRetryPolicy::transientStatusesRetriedOnlyWhenAllowed()
{
    RetryPolicy policy(RetryOptions{.seed = 1}, [](double, RunControl&) {});
    for (int status : {500, 502, 503, 504, 520, 521, 522, 524}) {
        RetryCause cause;
        cause.httpStatus = status;
        const auto wait = policy.delayFor(0, cause, true);
        QVERIFY(wait.has_value());
        QVERIFY(*wait >= 0.0 && *wait < 0.5);
        QVERIFY(!policy.delayFor(0, cause, false).has_value());
    }
}

void TstRetryPolicy::clientErrorsNeverRetried_data()
{
    QTest::addColumn<int>("status");
    for (int s : {400, 401, 403, 404, 409, 413, 422, 501, 505})
        QTest::newRow(std::to_string(s).c_str()) << s;
}

void TstRetryPolicy::clientErrorsNeverRetried()
{
    QFETCH(int, status);
    RetryPolicy policy(RetryOptions{.seed = 1}, [](double, RunControl&) {});
    RetryCause cause;
    cause.httpStatus = status;
    cause.retryAfterSeconds = 1.0;
    QVERIFY(!policy.delayFor(0, cause, true).has_value());
}

void TstRetryPolicy::attemptsBounded()
{
    RetryOptions o;
    o.maxAttempts = 3;
    o.seed = 1;
    RetryPolicy policy(o, [](double, RunControl&) {});
    RetryCause cause;
    cause.httpStatus = 503;
    QVERIFY(policy.delayFor(0, cause, true).has_value());
    QVERIFY(policy.delayFor(1, cause, true).has_value());
    QVERIFY(!policy.delayFor(2, cause, true).has_value()); // 3 attempts = 2 retries
    cause.httpStatus = 429;
    QVERIFY(!policy.delayFor(2, cause, true).has_value());
    o.maxAttempts = 1;
    RetryPolicy never(o, [](double, RunControl&) {});
    QVERIFY(!never.delayFor(0, cause, true).has_value());
}

void TstRetryPolicy::rateLimitWaits()
{
    RetryOptions o;
    o.seed = 3;
    o.rateLimitSeconds = 12.0;
    RetryPolicy policy(o, [](double, RunControl&) {});
    RetryCause cause;
    cause.httpStatus = 429;
    for (int k = 0; k < 5; ++k) {
        const auto wait = policy.delayFor(k, cause, false); // 429 is retryable even for unsafe requests
        QVERIFY(wait.has_value());
        QVERIFY(*wait >= 12.0);
    }
    // A test setting: shorter, but never zero.
    o.rateLimitSeconds = 0.0;
    RetryPolicy quick(o, [](double, RunControl&) {});
    cause.retryAfterSeconds = 0.0;
    const auto wait = quick.delayFor(0, cause, true);
    QVERIFY(wait.has_value());
    QCOMPARE(*wait, 0.0); // explicitly configured to zero: allowed for tests
    o.rateLimitSeconds = 2.0;
    RetryPolicy two(o, [](double, RunControl&) {});
    QVERIFY(*two.delayFor(0, cause, true) > 0.0); // Retry-After: 0 still waits
}

void TstRetryPolicy::retryAfterHonoured()
{
    RetryOptions o;
    o.seed = 3;
    o.maxRetryAfterSeconds = 100.0;
    RetryPolicy policy(o, [](double, RunControl&) {});
    RetryCause cause;
    cause.httpStatus = 429;
    cause.retryAfterSeconds = 30.0;
    QCOMPARE(*policy.delayFor(0, cause, true), 30.0);
    cause.retryAfterSeconds = 5000.0;
    QCOMPARE(*policy.delayFor(0, cause, true), 100.0); // clamped
    cause.httpStatus = 503;
    cause.retryAfterSeconds = 7.0;
    QCOMPARE(*policy.delayFor(0, cause, true), 7.0);
}

void TstRetryPolicy::connectionFailures()
{
    RetryPolicy policy(RetryOptions{.seed = 5}, [](double, RunControl&) {});
    RetryCause cause;
    cause.connectionFailure = true;
    cause.requestSent = false;
    QVERIFY(policy.delayFor(0, cause, false).has_value()); // never reached the server: always safe
    cause.requestSent = true;
    QVERIFY(!policy.delayFor(0, cause, false).has_value()); // maybe processed: only for retryable requests
    QVERIFY(policy.delayFor(0, cause, true).has_value());
}

void TstRetryPolicy::parseRetryAfterForms()
{
    QCOMPARE(*parseRetryAfter("120", 0.0), 120.0);
    QCOMPARE(*parseRetryAfter(" 1.5 ", 0.0), 1.5);
    QVERIFY(!parseRetryAfter("", 0.0));
    QVERIFY(!parseRetryAfter("soon", 0.0));
    QVERIFY(!parseRetryAfter("-3", 0.0));
    // 1994-11-06 08:49:37 UTC is Unix time 784111777.
    QCOMPARE(*parseRetryAfter("Sun, 06 Nov 1994 08:49:37 GMT", 784111777.0 - 10.0), 10.0);
    QCOMPARE(*parseRetryAfter("Sun, 06 Nov 1994 08:49:37 GMT", 784111777.0 + 10.0), 0.0);
    QVERIFY(!parseRetryAfter("Sun, 06 Foo 1994 08:49:37 GMT", 0.0));
}

void TstRetryPolicy::sleepInjectedAndCancellable()
{
    std::vector<double> waits;
    RetryPolicy policy(RetryOptions{.seed = 1}, [&](double s, RunControl&) { waits.push_back(s); });
    RunControl control;
    policy.sleep(2.5, control);
    policy.sleep(0.0, control); // nothing to wait for
    QCOMPARE(waits, std::vector<double>{2.5});
    // The default sleep returns at once when already cancelled.
    RetryPolicy real(RetryOptions{.seed = 1});
    control.requestCancel();
    real.sleep(3600.0, control);
    QVERIFY(control.isCancelled());
}

QTEST_APPLESS_MAIN(TstRetryPolicy)
#include "retry_policy.test.moc"
