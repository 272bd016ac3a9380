// SPDX-License-Identifier: MIT
// Tests of job analysis on hand-written Sampler results: Max-Cut and QUBO figures counted by hand, counts order,
// the brute-force limit, the stored-encoding reader, malformed results and the measured samples on their own.
#include "jobservice/job_analysis.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"

using namespace engine;

namespace {

nlohmann::json resultsOf(const std::vector<std::string>& samples, unsigned bits, const char* reg = "meas")
{
    nlohmann::json data;
    data[reg] = {{"samples", samples}, {"num_bits", bits}};
    return {{"results", nlohmann::json::array({{{"data", data}, {"metadata", nlohmann::json::object()}}})},
            {"metadata", nlohmann::json::object()}};
}

GraphInstance triangle()
{
    GraphInstance g;
    g.graph = WeightedGraph(3);
    g.graph.addEdge(0, 1, 1.0);
    g.graph.addEdge(1, 2, 2.0);
    g.graph.addEdge(0, 2, 3.0);
    return g;
}

} // namespace

class TstJobAnalysis : public QObject {
    Q_OBJECT

private slots:
    void maxCutCountedByHand()
    {
        // States: 0b001 cuts edges {0,1} and {0,2}: 4; 0b100 cuts {1,2},{0,2}: 5; 0b000 cuts nothing; 0b010: 3.
        // The maximum cut of this triangle is 5.
        const nlohmann::json r = resultsOf({"0x1", "0x4", "0x4", "0x0", "0x2", "0x4"}, 3);
        const nlohmann::json a = analyzeSamplerResults(triangle(), {}, r);
        QCOMPARE(a["problem"].get<std::string>(), std::string("maxcut"));
        QCOMPARE(a["shots"].get<int>(), 6);
        QCOMPARE(a["distinct_outcomes"].get<int>(), 4);
        const double mean = (4.0 + 5.0 + 5.0 + 0.0 + 3.0 + 5.0) / 6.0;
        QAOA_COMPARE_NEAR(a["expected_cut"].get<double>(), mean, 1e-12);
        QAOA_COMPARE_NEAR(a["best_cut"].get<double>(), 5.0, 1e-12);
        QAOA_COMPARE_NEAR(a["optimal_cut"].get<double>(), 5.0, 1e-12);
        QAOA_COMPARE_NEAR(a["approximation_ratio"].get<double>(), mean / 5.0, 1e-12);
        QAOA_COMPARE_NEAR(a["best_energy"].get<double>(), -5.0, 1e-12);
        QAOA_COMPARE_NEAR(a["mean_energy"].get<double>(), -mean, 1e-12);
        QAOA_COMPARE_NEAR(a["optimum_probability"].get<double>(), 0.5, 1e-12);
        QCOMPARE(a["best_bitstring"].get<std::string>(), std::string("100"));  // variable 0 rightmost
        // Counts: most frequent first, ties by index.
        QCOMPARE(a["counts"][0]["bitstring"].get<std::string>(), std::string("100"));
        QCOMPARE(a["counts"][0]["count"].get<int>(), 3);
        QCOMPARE(a["counts"][1]["bitstring"].get<std::string>(), std::string("000"));
        QCOMPARE(a["counts"][2]["bitstring"].get<std::string>(), std::string("001"));
        QVERIFY(!a["counts_truncated"].get<bool>());
        QVERIFY(a["valid_rate"].is_null());
        QCOMPARE(a["exact_note"].get<std::string>(), std::string());
        // Deterministic.
        QCOMPARE(analyzeSamplerResults(triangle(), {}, r), a);
    }

    void largeQuboHasNoExactOptimum()
    {
        QuboInstance q;
        q.qubo = QuboModel(27);
        for (std::size_t i = 0; i + 1 < 27; ++i)
            q.qubo.addQuadratic(i, i + 1, -1.0);
        const nlohmann::json a = analyzeSamplerResults(q, {}, resultsOf({"0x7ffffff", "0x0"}, 27));
        QAOA_COMPARE_NEAR(a["best_energy"].get<double>(), -26.0, 1e-12);
        QAOA_COMPARE_NEAR(a["mean_energy"].get<double>(), -13.0, 1e-12);
        QVERIFY(a["optimum_energy"].is_null());
        QVERIFY(a["approximation_ratio"].is_null());
        QVERIFY(a["exact_note"].get<std::string>().find("26") != std::string::npos);
    }

    void storedEncodingIsRead()
    {
        QCOMPARE(encodingFromParameters(nlohmann::json(nullptr)).budgetSlackBits, LcrpEncoderOptions{}.budgetSlackBits);
        const LcrpEncoderOptions o =
            encodingFromParameters({{"lcrp_encoding", {{"objective", "reference-v2"}, {"slack_bits", 3}}}});
        QCOMPARE(o.budgetSlackBits, 3);
        QCOMPARE(o.objective, LcrpObjectiveKind::ReferenceV2);
        QVERIFY_THROWS_EXCEPTION(Error, encodingFromParameters({{"lcrp_encoding", {{"slack_bits", 99}}}}));
        QVERIFY_THROWS_EXCEPTION(Error, encodingFromParameters({{"lcrp_encoding", {{"objective", "fast"}}}}));
    }

    void malformedResults()
    {
        QVERIFY_THROWS_EXCEPTION(Error, analyzeSamplerResults(triangle(), {}, resultsOf({"0x1"}, 4)));  // width
        QVERIFY_THROWS_EXCEPTION(Error, analyzeSamplerResults(triangle(), {}, resultsOf({"0x1"}, 3, "c")));
        QVERIFY_THROWS_EXCEPTION(Error, analyzeSamplerResults(triangle(), {}, resultsOf({}, 3)));
        QVERIFY_THROWS_EXCEPTION(Error, analyzeSamplerResults(triangle(), {}, nlohmann::json::object()));
        JobRecord record;
        record.localId = 3;
        QVERIFY_THROWS_EXCEPTION(Error, analyzeJobRecord(record));  // no results yet
        record.results = resultsOf({"0x1"}, 3);
        record.instance = instanceToJson(triangle());
        QCOMPARE(analyzeJobRecord(record)["best_cut"].get<double>(), 4.0);
    }

    void measuredSamplesMergeRepeatsAndNameTheField()
    {
        const SampleSet s = measuredSamples(resultsOf({"0x4", "0x1", "0x4"}, 3), 3);
        QCOMPARE(s.numVariables, std::size_t{3});
        QCOMPARE(s.states, (std::vector<std::uint64_t>{1, 4}));
        QCOMPARE(s.weights, (std::vector<double>{1.0, 2.0}));
        try {
            measuredSamples(resultsOf({"0x1"}, 4), 3, "job 7");
            QFAIL("a width mismatch must throw");
        } catch (const Error& e) {
            QCOMPARE(e.where(), std::string("job 7:/results/0/data/meas/num_bits"));
        }
    }
};

QTEST_APPLESS_MAIN(TstJobAnalysis)
#include "job_analysis.test.moc"
