// SPDX-License-Identifier: MIT
// Tests of Sampler V2 result decoding: the document's bit-order examples, flat and nested samples, bad input.
#include "ibmq/sampler_results.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"

#include <random>

using namespace engine;
using nlohmann::json;

namespace {

// Slow, obvious reference: hex text -> binary digits -> bit i = character i from the right.
std::vector<int> referenceBits(const std::string& hex, unsigned numBits)
{
    std::string binary;
    for (std::size_t i = 2; i < hex.size(); ++i) {
        const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(hex[i])));
        const int v = (c >= '0' && c <= '9') ? c - '0' : c - 'a' + 10;
        for (int b = 3; b >= 0; --b)
            binary.push_back(((v >> b) & 1) ? '1' : '0');
    }
    std::vector<int> bits(numBits, 0);
    for (unsigned i = 0; i < numBits && i < binary.size(); ++i)
        bits[i] = binary[binary.size() - 1 - i] == '1' ? 1 : 0;
    return bits;
}

std::string toHex(std::uint64_t v)
{
    static const char* digits = "0123456789abcdef";
    if (v == 0)
        return "0x0";
    std::string s;
    while (v) {
        s.insert(s.begin(), digits[v & 15]);
        v >>= 4;
    }
    return std::string("0x") + s;
}

} // namespace

class TstSamplerResults : public QObject {
    Q_OBJECT
private slots:
    void documentBitOrder();
    void parseHexMatchesReference();
    void parseHexRejects_data();
    void parseHexRejects();
    void wideRegisterRejected();
    void flatResult();
    void nestedResultAndBindings();
    void multipleRegisters();
    void malformedResults_data();
    void malformedResults();
    void qiskitSerialisedRejected();
};

void TstSamplerResults::documentBitOrder()
{
    // §7.2: "0x5" with 3 bits -> "101": meas[0]=1, meas[1]=0, meas[2]=1.
    const std::uint64_t v = parseHexSample("0x5", 3, "t");
    QCOMPARE(v, std::uint64_t{5});
    QCOMPARE(int((v >> 0) & 1), 1);
    QCOMPARE(int((v >> 1) & 1), 0);
    QCOMPARE(int((v >> 2) & 1), 1);
    RegisterSamples reg;
    reg.numBits = 3;
    QCOMPARE(reg.bitstring(v), std::string("101"));
    reg.numBits = 2;
    QCOMPARE(reg.bitstring(3), std::string("11"));
    reg.numBits = 4;
    QCOMPARE(reg.bitstring(1), std::string("0001")); // zero-padded on the left, meas[0] rightmost

    // §7.1's example: meas samples 3,0,3,1,2,3 over 2 bits -> engine SampleCounts with bit q = logical q.
    const json body = json::parse(R"({"results":[{"data":{"meas":{"samples":["0x3","0x0","0x3","0x1","0x2","0x3"],
        "num_bits":2}},"metadata":{"circuit_metadata":{}}}],"metadata":{"version":2}})");
    const SamplerResult result = parseSamplerResult(body);
    const RegisterSamples* meas = result.pubs.at(0).findRegister("meas");
    QVERIFY(meas);
    const SampleCounts counts = meas->sampleCounts();
    QCOMPARE(counts.numQubits(), std::size_t{2});
    QCOMPARE(counts.count(3), 3.0);
    QCOMPARE(counts.count(0), 1.0);
    QCOMPARE(counts.count(1), 1.0); // meas[0]=1, meas[1]=0: qubit 0 measured 1
    QCOMPARE(counts.count(2), 1.0);
    QCOMPARE(counts.qiskitKey(1), std::string("01"));
    // The engine's Qiskit conversion agrees with the decoder's bit order.
    QCOMPARE(counts.qiskitKey(5 & 3), meas->bitstring(1));
}

void TstSamplerResults::parseHexMatchesReference()
{
    std::mt19937_64 rng(20260915);
    for (int trial = 0; trial < 2000; ++trial) {
        const unsigned bits = 1 + static_cast<unsigned>(rng() % 64);
        const std::uint64_t value = bits == 64 ? rng() : rng() & ((std::uint64_t{1} << bits) - 1);
        std::string hex = toHex(value);
        if (trial % 3 == 0)
            for (auto& c : hex)
                c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (trial % 5 == 0)
            hex.insert(2, "00"); // leading zeros are tolerated
        const std::uint64_t parsed = parseHexSample(hex, bits, "t");
        const std::vector<int> ref = referenceBits(hex, bits);
        for (unsigned i = 0; i < bits; ++i)
            QCOMPARE(int((parsed >> i) & 1), ref[i]);
    }
}

void TstSamplerResults::parseHexRejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("bits");
    QTest::newRow("no prefix") << "5" << 3;
    QTest::newRow("empty digits") << "0x" << 3;
    QTest::newRow("not hex") << "0xg" << 8;
    QTest::newRow("too wide for register") << "0x8" << 3;
    QTest::newRow("17 digits") << "0x10000000000000000" << 64;
    QTest::newRow("sign") << "-0x1" << 3;
}

void TstSamplerResults::parseHexRejects()
{
    QFETCH(QString, text);
    QFETCH(int, bits);
    try {
        parseHexSample(text.toStdString(), static_cast<unsigned>(bits), "here");
        QFAIL("accepted");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::InvalidInput);
        QCOMPARE(e.where(), std::string("here"));
    }
}

void TstSamplerResults::wideRegisterRejected()
{
    const json body = json::parse(R"({"results":[{"data":{"c":{"samples":["0x1"],"num_bits":65}}}]})");
    try {
        parseSamplerResult(body, "job");
        QFAIL("accepted a 65-bit register");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::LimitExceeded);
        QCOMPARE(e.where(), std::string("job:/results/0/data/c/num_bits"));
        QVERIFY(std::string(e.what()).find("65 bits") != std::string::npos);
    }
    // 64 bits is the widest accepted.
    const json ok = json::parse(R"({"results":[{"data":{"c":{"samples":["0xffffffffffffffff"],"num_bits":64}}}]})");
    QCOMPARE(parseSamplerResult(ok).pubs[0].registers[0].values[0], ~std::uint64_t{0});
}

void TstSamplerResults::flatResult()
{
    const json body = json::parse(R"({"results":[{"data":{"meas":{"samples":["0x1","0x1","0x0"],"num_bits":1}},
        "metadata":{"circuit_metadata":{"k":1}}}],"metadata":{"execution":{"execution_spans":[]},"version":2}})");
    const SamplerResult r = parseSamplerResult(body);
    QCOMPARE(r.pubs.size(), std::size_t{1});
    const RegisterSamples& reg = r.pubs[0].registers[0];
    QVERIFY(reg.shape.empty());
    QCOMPARE(reg.shotsPerBinding, std::size_t{3});
    QCOMPARE(reg.numBindings(), std::size_t{1});
    QCOMPARE(reg.counts().at(1), std::uint64_t{2});
    QCOMPARE(r.pubs[0].metadata["circuit_metadata"]["k"].get<int>(), 1);
    QCOMPARE(r.metadata["version"].get<int>(), 2);
}

void TstSamplerResults::nestedResultAndBindings()
{
    // A PUB of shape (2,) with 3 shots each: [N][shots].
    const json body = json::parse(R"({"results":[{"data":{"meas":{"samples":[["0x1","0x2","0x1"],["0x3","0x3","0x0"]],
        "num_bits":2}}}]})");
    const SamplerResult parsed = parseSamplerResult(body);
    const RegisterSamples& reg = parsed.pubs[0].registers[0];
    QCOMPARE(reg.shape, std::vector<std::size_t>{2});
    QCOMPARE(reg.shotsPerBinding, std::size_t{3});
    QCOMPARE(reg.values, (std::vector<std::uint64_t>{1, 2, 1, 3, 3, 0}));
    const auto first = reg.counts(0);
    QCOMPARE(first.size(), std::size_t{2});
    QCOMPARE(first.at(1), std::uint64_t{2});
    const auto second = reg.sampleCounts(1);
    QCOMPARE(second.count(3), 2.0);
    QCOMPARE(second.count(0), 1.0);
    QCOMPARE(reg.sampleCounts().total(), 6.0);
    QVERIFY_THROWS_EXCEPTION(Error, reg.counts(2));

    // Two dimensions of bindings: shape (2, 1).
    const json deep = json::parse(R"({"results":[{"data":{"m":{"samples":[[["0x1"]],[["0x0"]]],"num_bits":1}}}]})");
    const SamplerResult parsedDeep = parseSamplerResult(deep);
    const RegisterSamples& d = parsedDeep.pubs[0].registers[0];
    QCOMPARE(d.shape, (std::vector<std::size_t>{2, 1}));
    QCOMPARE(d.numBindings(), std::size_t{2});
}

void TstSamplerResults::multipleRegisters()
{
    const json body = json::parse(R"({"results":[
        {"data":{"meas":{"samples":["0x1"],"num_bits":1},"aux":{"samples":["0x5"],"num_bits":3}}},
        {"data":{"meas":{"samples":["0x0","0x1"],"num_bits":1}}}]})");
    const SamplerResult r = parseSamplerResult(body);
    QCOMPARE(r.pubs.size(), std::size_t{2});
    QVERIFY(r.pubs[0].findRegister("aux"));
    QCOMPARE(r.pubs[0].findRegister("aux")->values[0], std::uint64_t{5});
    QVERIFY(!r.pubs[1].findRegister("aux"));
    QCOMPARE(r.pubs[1].findRegister("meas")->values.size(), std::size_t{2});
}

void TstSamplerResults::malformedResults_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("where");
    QTest::newRow("no results") << R"({"x":1})"
                                << "r:/results";
    QTest::newRow("results not array") << R"({"results":{}})"
                                       << "r:/results";
    QTest::newRow("pub not object") << R"({"results":[1]})"
                                    << "r:/results/0";
    QTest::newRow("no data") << R"({"results":[{}]})"
                             << "r:/results/0/data";
    QTest::newRow("no num_bits") << R"({"results":[{"data":{"m":{"samples":[]}}}]})"
                                 << "r:/results/0/data/m/num_bits";
    QTest::newRow("negative num_bits") << R"({"results":[{"data":{"m":{"samples":[],"num_bits":-1}}}]})"
                                       << "r:/results/0/data/m/num_bits";
    QTest::newRow("samples not array") << R"({"results":[{"data":{"m":{"samples":"0x1","num_bits":1}}}]})"
                                       << "r:/results/0/data/m/samples";
    QTest::newRow("sample not string") << R"({"results":[{"data":{"m":{"samples":[1],"num_bits":1}}}]})"
                                       << "r:/results/0/data/m/samples/0";
    QTest::newRow("ragged") << R"({"results":[{"data":{"m":{"samples":[["0x1"],["0x1","0x0"]],"num_bits":1}}}]})"
                            << "r:/results/0/data/m/samples/1";
    QTest::newRow("mixed depth") << R"({"results":[{"data":{"m":{"samples":[["0x1"],"0x1"],"num_bits":1}}}]})"
                                 << "r:/results/0/data/m/samples/1";
    QTest::newRow("value too wide") << R"({"results":[{"data":{"m":{"samples":["0x4"],"num_bits":2}}}]})"
                                    << "r:/results/0/data/m/samples/0";
}

void TstSamplerResults::malformedResults()
{
    QFETCH(QString, body);
    QFETCH(QString, where);
    try {
        parseSamplerResult(json::parse(body.toStdString()), "r");
        QFAIL("accepted");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::InvalidInput);
        QCOMPARE(QString::fromStdString(e.where()), where);
    }
}

void TstSamplerResults::qiskitSerialisedRejected()
{
    const json body = {{"__type__", "PrimitiveResult"}, {"__value__", json::object()}};
    try {
        parseSamplerResult(body);
        QFAIL("accepted");
    } catch (const Error& e) {
        QVERIFY(std::string(e.what()).find("support_qiskit") != std::string::npos);
    }
}

QTEST_APPLESS_MAIN(TstSamplerResults)
#include "sampler_results.test.moc"
