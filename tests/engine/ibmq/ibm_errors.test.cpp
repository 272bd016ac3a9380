// SPDX-License-Identifier: MIT
// Tests of IBM error-body parsing: both Quantum API shapes, IAM shapes, text and HTML bodies, error codes.
#include "ibmq/ibm_errors.h"

#include <QtTest>

#include "test_support.h"

using namespace engine;

namespace {

HttpResponse response(int status, std::string body, std::vector<std::pair<std::string, std::string>> headers = {})
{
    HttpResponse r;
    r.status = status;
    r.body = std::move(body);
    r.headers = std::move(headers);
    return r;
}

} // namespace

class TstIbmErrors : public QObject {
    Q_OBJECT
private slots:
    void currentShape();
    void stringCode();
    void olderShape();
    void iamShapes();
    void textAndHtmlBodies();
    void traceFromHeader();
    void errorCodes_data();
    void errorCodes();
    void longMessagesCut();
    void transientStatuses();
};

void TstIbmErrors::currentShape()
{
    // §8.2 example.
    const auto e = ibmErrorFromResponse(response(429, R"({"errors":[{"code":1202,
        "message":"Too many job creation requests received: limit is 5 per minute.",
        "solution":"Lower the request rate and try again.","more_info":"https://quantum.cloud.ibm.com/docs/errors"}],
        "trace":"b7b1c0d2-9f1e-4d0a-8a57-3c5e2f8d1a44"})"),
                                        "POST /jobs");
    QCOMPARE(e.httpStatus(), 429);
    QCOMPARE(e.ibmCode(), std::string("1202"));
    QCOMPARE(e.message(), std::string("Too many job creation requests received: limit is 5 per minute."));
    QCOMPARE(e.solution(), std::string("Lower the request rate and try again."));
    QCOMPARE(e.trace(), std::string("b7b1c0d2-9f1e-4d0a-8a57-3c5e2f8d1a44"));
    QCOMPARE(e.where(), std::string("POST /jobs"));
    QCOMPARE(std::string(e.what()),
             std::string("POST /jobs: HTTP 429, IBM code 1202: Too many job creation requests received: limit is 5 "
                         "per minute. (solution: Lower the request rate and try again.)"));
    QCOMPARE(e.code(), ErrorCode::LimitExceeded);
}

void TstIbmErrors::stringCode()
{
    const auto e = ibmErrorFromResponse(
        response(
            404,
            R"({"errors":[{"code":"1279","message":"Instance crn:x not found","solution":"Use the right region"}]})"),
        "GET /jobs");
    QCOMPARE(e.ibmCode(), std::string("1279"));
    QCOMPARE(e.code(), ErrorCode::InvalidInput);
    QVERIFY(std::string(e.what()).find("IBM code 1279: Instance crn:x not found (solution: Use the right region)") !=
            std::string::npos);
}

void TstIbmErrors::olderShape()
{
    const auto e = ibmErrorFromResponse(response(400, R"({"error":{"code":1001,"message":"bad request body"}})"), "w");
    QCOMPARE(e.ibmCode(), std::string("1001"));
    QCOMPARE(e.message(), std::string("bad request body"));
    QVERIFY(e.solution().empty());
    QCOMPARE(std::string(e.what()), std::string("w: HTTP 400, IBM code 1001: bad request body"));
}

void TstIbmErrors::iamShapes()
{
    const auto a = ibmErrorFromResponse(
        response(400,
                 R"({"errorCode":"BXNIM0415E","errorMessage":"Provided API key could not be found.","context":{}})"),
        "POST iam");
    QCOMPARE(a.ibmCode(), std::string("BXNIM0415E"));
    QCOMPARE(a.message(), std::string("Provided API key could not be found."));
    const auto b = ibmErrorFromResponse(
        response(400, R"({"errors":[{"code":"invalid_key","message_code":"BXNIM0415E","message":"Key not found"}],
        "status_code":400,"trace":"t1"})"),
        "POST iam");
    QCOMPARE(b.ibmCode(), std::string("invalid_key"));
    QCOMPARE(b.message(), std::string("Key not found"));
    QCOMPARE(b.trace(), std::string("t1"));
}

void TstIbmErrors::textAndHtmlBodies()
{
    const auto text = ibmErrorFromResponse(response(404, "\n  device   not found\nsecond line"), "w");
    QCOMPARE(text.message(), std::string("device not found"));
    QVERIFY(text.ibmCode().empty());
    const auto html = ibmErrorFromResponse(
        response(403, "<html><head><title>Attention Required! | Cloudflare</title></head><body>x</body></html>"), "w");
    QCOMPARE(html.message(), std::string("Attention Required! | Cloudflare"));
    QCOMPARE(html.code(), ErrorCode::InvalidArgument);
    const auto empty = ibmErrorFromResponse(response(500, ""), "w");
    QVERIFY(!empty.message().empty());
    const auto bare = ibmErrorFromResponse(response(400, R"({"message":"tags must be at least 3 characters"})"), "w");
    QCOMPARE(bare.message(), std::string("tags must be at least 3 characters"));
    const auto truncated = ibmErrorFromResponse(response(502, R"({"errors":[{"code":1)"), "w");
    QCOMPARE(truncated.httpStatus(), 502);
    QCOMPARE(truncated.code(), ErrorCode::Io);
}

void TstIbmErrors::traceFromHeader()
{
    const auto e = ibmErrorFromResponse(
        response(500, R"({"errors":[{"code":9999,"message":"x"}]})", {{"Uber-Trace-Id", "abc:def"}}), "w");
    QCOMPARE(e.trace(), std::string("abc:def"));
}

void TstIbmErrors::errorCodes_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("code");
    QTest::newRow("400") << 400 << int(ErrorCode::InvalidInput);
    QTest::newRow("401") << 401 << int(ErrorCode::InvalidArgument);
    QTest::newRow("403") << 403 << int(ErrorCode::InvalidArgument);
    QTest::newRow("404") << 404 << int(ErrorCode::InvalidInput);
    QTest::newRow("409") << 409 << int(ErrorCode::InvalidInput);
    QTest::newRow("413") << 413 << int(ErrorCode::LimitExceeded);
    QTest::newRow("429") << 429 << int(ErrorCode::LimitExceeded);
    QTest::newRow("500") << 500 << int(ErrorCode::Io);
    QTest::newRow("524") << 524 << int(ErrorCode::Io);
}

void TstIbmErrors::errorCodes()
{
    QFETCH(int, status);
    QFETCH(int, code);
    QCOMPARE(int(IbmApiError(status, "", "m", "", "", "w").code()), code);
}

void TstIbmErrors::longMessagesCut()
{
    const std::string longText(10000, 'x');
    const auto e = ibmErrorFromResponse(response(500, longText), "w");
    QVERIFY(e.message().size() <= IBM_ERROR_MAX_MESSAGE_CHARS + 3);
    QVERIFY(e.message().size() >= IBM_ERROR_MAX_MESSAGE_CHARS);
}

void TstIbmErrors::transientStatuses()
{
    for (int s = 100; s < 600; ++s) {
        const bool expected =
            s == 500 || s == 502 || s == 503 || s == 504 || s == 520 || s == 521 || s == 522 || s == 524;
        QCOMPARE(isTransientHttpStatus(s), expected);
    }
}

QTEST_APPLESS_MAIN(TstIbmErrors)
#include "ibm_errors.test.moc"
