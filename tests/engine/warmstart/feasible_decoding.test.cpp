// SPDX-License-Identifier: MIT
// Tests of feasibility-first decoding: LCRP rows and MIS sets against slow references, hand examples of the
// rules, pass-through for unconstrained instances, and argument checks.
#include "warmstart/feasible_decoding.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "graph/graph_generators.h"
#include "graph/graph_problems.h"

#include <algorithm>
#include <random>

using namespace engine;

namespace {

constexpr std::size_t TASKS = 2;
constexpr std::size_t MODELS = 3;

// 2 tasks x 3 models (gemma2-2b, haiku, sonnet), budget in the QUBO through `slackBits` slack bits.
LcrpInstance tinyLcrp()
{
    LcrpInstance inst;
    inst.models.assign(defaultModelTiers().begin(), defaultModelTiers().begin() + MODELS);
    inst.tasks = {{"a", 1, 300.0, {}, {}}, {"b", 2, 800.0, {}, {}}};
    inst.budgetUsd = 10.0;
    return inst;
}

LcrpEncoderOptions slackOptions(int slackBits)
{
    LcrpEncoderOptions o;
    o.budgetSlackBits = slackBits;
    return o;
}

Instance graphInstance(const WeightedGraph& g, GraphProblem problem)
{
    GraphInstance gi;
    gi.name = "test";
    gi.graph = g;
    gi.problem = problem;
    return gi;
}

WeightedGraph graphOf(std::size_t n, const std::vector<std::pair<std::size_t, std::size_t>>& edges)
{
    WeightedGraph g(n);
    for (const auto& [u, v] : edges)
        g.addEdge(u, v);
    return g;
}

std::uint64_t index(const char* text)  // variable 0 first
{
    return bitsToIndex(bitsFromString(text));
}

// Slow check of the one-hot rows: counts the ones of every row bit by bit.
bool slowLcrpValid(std::uint64_t state)
{
    for (std::size_t i = 0; i < TASKS; ++i) {
        int ones = 0;
        for (std::size_t j = 0; j < MODELS; ++j)
            ones += static_cast<int>((state >> (i * MODELS + j)) & 1U);
        if (ones != 1)
            return false;
    }
    return true;
}

// Slow LCRP decoding written from the rules: marginals over the sample; a one-hot outcome is kept as it is; any
// other becomes, row by row, its one-hot row, or the set model with the highest marginal, or (empty row) the
// model with the highest marginal, ties to the lower index; slack bits of a decoded outcome are 0.
SampleCounts slowLcrpDecode(const SampleCounts& samples)
{
    const std::size_t numX = TASKS * MODELS;
    std::vector<double> marginal(numX, 0.0);
    for (const auto& [state, count] : samples.counts())
        for (std::size_t v = 0; v < numX; ++v)
            if ((state >> v) & 1U)
                marginal[v] += count;
    for (double& m : marginal)
        m /= samples.total();
    SampleCounts out(samples.numQubits());
    for (const auto& [state, count] : samples.counts()) {
        if (slowLcrpValid(state)) {
            out.add(state, count);
            continue;
        }
        Bits decoded(samples.numQubits(), 0);
        for (std::size_t i = 0; i < TASKS; ++i) {
            int ones = 0;
            for (std::size_t j = 0; j < MODELS; ++j)
                ones += static_cast<int>((state >> (i * MODELS + j)) & 1U);
            std::size_t best = MODELS;
            for (std::size_t j = 0; j < MODELS; ++j) {
                const bool set = (state >> (i * MODELS + j)) & 1U;
                if (ones > 0 && !set)
                    continue;
                if (best == MODELS || marginal[i * MODELS + j] > marginal[i * MODELS + best])
                    best = j;
            }
            decoded[i * MODELS + best] = 1;
        }
        out.add(decoded, count);
    }
    return out;
}

// Slow MIS decoding: recounts every member's neighbours in the set from the edge list at every step.
std::uint64_t slowMisDecode(const WeightedGraph& g, std::uint64_t set)
{
    for (;;) {
        std::size_t worst = 0;
        std::size_t worstConflicts = 0;
        for (std::size_t v = 0; v < g.numVertices(); ++v) {
            if (!((set >> v) & 1U))
                continue;
            std::size_t c = 0;
            for (const Edge& e : g.edges())
                if ((e.u == v && ((set >> e.v) & 1U)) || (e.v == v && ((set >> e.u) & 1U)))
                    ++c;
            if (c > 0 && c >= worstConflicts) {  // >= : the later (higher) vertex wins ties
                worst = v;
                worstConflicts = c;
            }
        }
        if (worstConflicts == 0)
            return set;
        set &= ~(std::uint64_t{1} << worst);
    }
}

// Every outcome of n bits once, with count 1 + (index mod 3), so that collisions show in the sums.
SampleCounts allOutcomes(std::size_t n)
{
    SampleCounts s(n);
    for (std::uint64_t x = 0; x < (std::uint64_t{1} << n); ++x)
        s.add(x, 1.0 + static_cast<double>(x % 3));
    return s;
}

} // namespace

Q_DECLARE_METATYPE(engine::WeightedGraph)

class TstFeasibleDecoding : public QObject {
    Q_OBJECT

private slots:
    void whichInstancesAreConstrained()
    {
        const WeightedGraph g = graphOf(3, {{0, 1}});
        QVERIFY(hasHardConstraints(tinyLcrp()));
        QVERIFY(hasHardConstraints(graphInstance(g, GraphProblem::Mis)));
        QVERIFY(!hasHardConstraints(graphInstance(g, GraphProblem::MaxCut)));
        QVERIFY(!hasHardConstraints(QuboInstance{"q", encodeMaxCut(g)}));
    }

    void lcrpSatisfiesMatchesSlowCheck_data()
    {
        QTest::addColumn<int>("slackBits");
        QTest::addColumn<int>("width");
        QTest::newRow("no slack") << 0 << 6;
        QTest::newRow("two slack bits") << 2 << 8;
    }

    void lcrpSatisfiesMatchesSlowCheck()
    {
        QFETCH(int, slackBits);
        QFETCH(int, width);
        const Instance inst = tinyLcrp();
        const LcrpEncoderOptions o = slackOptions(slackBits);
        QCOMPARE(instanceQubo(inst, o).numVariables(), static_cast<std::size_t>(width));
        std::size_t valid = 0;
        for (std::uint64_t x = 0; x < (std::uint64_t{1} << width); ++x) {
            QCOMPARE(satisfiesHardConstraints(inst, o, x), slowLcrpValid(x));
            valid += slowLcrpValid(x) ? 1 : 0;
        }
        // 3 x 3 one-hot assignments, times every slack setting: the check is not trivially true or false.
        QCOMPARE(valid, std::size_t(9) << (width - 6));
    }

    void lcrpValidSampleUnchanged()
    {
        const Instance inst = tinyLcrp();
        const LcrpEncoderOptions o = slackOptions(2);
        SampleCounts s(8);
        s.add(index("100" "001" "00"), 7.0);
        s.add(index("010" "010" "11"), 2.5);  // slack bits set: kept as they are
        s.add(index("001" "100" "01"), 1.0);
        QCOMPARE(decodeFeasibleFirst(inst, o, s), s);
    }

    void lcrpHandExample()
    {
        // Marginal counts over the 16 shots: bit 0: 5 + 2 + 4 = 11, bit 1: 3 + 2 + 1 = 6, bit 2: 1, bit 3: 0,
        // bit 4: 15, bit 5: 4. C (task 0 on gemma and haiku) -> gemma (11 > 6); D (task 0 empty) -> gemma;
        // E (task 1 on haiku and sonnet) -> haiku (15 > 4); F (task 0 on haiku and sonnet -> haiku, task 1
        // empty -> haiku). So C, D, E collide with A and F with B.
        const Instance inst = tinyLcrp();
        const LcrpEncoderOptions o = slackOptions(2);
        SampleCounts s(8);
        s.add(index("100" "010" "00"), 5.0);  // A, valid
        s.add(index("010" "010" "10"), 3.0);  // B, valid (slack 10)
        s.add(index("110" "010" "00"), 2.0);  // C: two tiers
        s.add(index("000" "010" "01"), 1.0);  // D: no tier (slack 01, dropped by the decoding)
        s.add(index("100" "011" "00"), 4.0);  // E: two tiers in task 1
        s.add(index("011" "000" "00"), 1.0);  // F: two tiers and none
        const SampleCounts d = decodeFeasibleFirst(inst, o, s);
        SampleCounts expected(8);
        expected.add(index("100" "010" "00"), 12.0);
        expected.add(index("010" "010" "10"), 3.0);
        expected.add(index("010" "010" "00"), 1.0);
        QCOMPARE(d, expected);
        QCOMPARE(d.total(), s.total());
        QCOMPARE(d, slowLcrpDecode(s));
        for (const auto& [x, c] : d.counts())
            QVERIFY(satisfiesHardConstraints(inst, o, x));
    }

    void lcrpMatchesSlowDecoding()
    {
        // Random samples; counts are multiples of 0.5, so sums and marginals are exact in any order and the
        // comparison can be exact.
        const Instance inst = tinyLcrp();
        const LcrpEncoderOptions o = slackOptions(2);
        std::mt19937_64 rng(44);
        for (int trial = 0; trial < 50; ++trial) {
            SampleCounts s(8);
            const int shots = 1 + static_cast<int>(rng() % 40);
            for (int k = 0; k < shots; ++k)
                s.add(rng() & 0xFFU, 0.5 * static_cast<double>(1 + rng() % 6));
            const SampleCounts d = decodeFeasibleFirst(inst, o, s);
            QCOMPARE(d, slowLcrpDecode(s));
            QCOMPARE(d.total(), s.total());
        }
        // Every outcome at once: all decode to valid ones.
        const SampleCounts all = allOutcomes(8);
        const SampleCounts d = decodeFeasibleFirst(inst, o, all);
        QCOMPARE(d, slowLcrpDecode(all));
        for (const auto& [x, c] : d.counts())
            QVERIFY(slowLcrpValid(x));
    }

    void misSatisfiesMatchesIndependence()
    {
        const WeightedGraph g = erdosRenyiGraph(8, 0.4, WeightKind::Unit, 3);
        const Instance inst = graphInstance(g, GraphProblem::Mis);
        std::size_t independentSets = 0;
        for (std::uint64_t x = 0; x < 256; ++x) {
            const bool ref = isIndependentSet(g, bitsFromIndex(x, 8));
            QCOMPARE(satisfiesHardConstraints(inst, {}, x), ref);
            independentSets += ref ? 1 : 0;
        }
        QVERIFY(independentSets > 1 && independentSets < 256);
    }

    void misDecodesEveryString_data()
    {
        QTest::addColumn<WeightedGraph>("graph");
        QTest::newRow("triangle") << graphOf(3, {{0, 1}, {1, 2}, {0, 2}});
        QTest::newRow("path") << graphOf(5, {{0, 1}, {1, 2}, {2, 3}, {3, 4}});
        QTest::newRow("random") << erdosRenyiGraph(9, 0.45, WeightKind::PlusMinusOne, 7);
    }

    void misDecodesEveryString()
    {
        QFETCH(WeightedGraph, graph);
        const std::size_t n = graph.numVertices();
        const Instance inst = graphInstance(graph, GraphProblem::Mis);
        const SampleCounts all = allOutcomes(n);
        const SampleCounts d = decodeFeasibleFirst(inst, {}, all);
        SampleCounts expected(n);
        for (const auto& [x, c] : all.counts()) {
            const bool independent = isIndependentSet(graph, bitsFromIndex(x, n));
            const std::uint64_t decoded = slowMisDecode(graph, x);
            QVERIFY(isIndependentSet(graph, bitsFromIndex(decoded, n)));
            if (independent)
                QCOMPARE(decoded, x);
            expected.add(decoded, c);
        }
        QCOMPARE(d, expected);
        QCOMPARE(d.total(), all.total());
        for (const auto& [x, c] : d.counts()) {
            QVERIFY(isIndependentSet(graph, bitsFromIndex(x, n)));
            // An independent outcome keeps at least its own count (others may have decoded onto it).
            QVERIFY(c >= all.count(x));
        }
    }

    void misRemovalRule()
    {
        // Triangle: all three tie on 2 conflicts -> 2 goes, then 0 and 1 tie -> 1 goes: {0}.
        const Instance triangle = graphInstance(graphOf(3, {{0, 1}, {1, 2}, {0, 2}}), GraphProblem::Mis);
        // Path 0-1-2-3: conflicts 1, 2, 2, 1 -> 2 goes (tie, higher index); then 0 and 1 tie -> 1: {0, 3}.
        const Instance path = graphInstance(graphOf(4, {{0, 1}, {1, 2}, {2, 3}}), GraphProblem::Mis);
        // Star 0-{1,2,3} plus 2-3: 0 has 3 conflicts and goes first despite its low index; then 2 and 3 tie: 3
        // goes, leaving {1, 2}.
        const Instance star = graphInstance(graphOf(4, {{0, 1}, {0, 2}, {0, 3}, {2, 3}}), GraphProblem::Mis);
        const auto decodeOne = [](const Instance& inst, std::size_t n, const char* text) {
            SampleCounts s(n);
            s.add(index(text), 1.0);
            const SampleCounts d = decodeFeasibleFirst(inst, {}, s);
            return bitsToString(bitsFromIndex(d.counts().begin()->first, n));
        };
        QCOMPARE(decodeOne(triangle, 3, "111"), std::string("100"));
        QCOMPARE(decodeOne(triangle, 3, "011"), std::string("010"));
        QCOMPARE(decodeOne(path, 4, "1111"), std::string("1001"));
        QCOMPARE(decodeOne(path, 4, "1110"), std::string("1010"));
        QCOMPARE(decodeOne(path, 4, "0101"), std::string("0101"));
        QCOMPARE(decodeOne(star, 4, "1111"), std::string("0110"));
        // Star on {0, 2, 3}: a triangle, all tie on 2 -> 3 goes, then 0 and 2 tie -> 2: {0}.
        QCOMPARE(decodeOne(star, 4, "1011"), std::string("1000"));
    }

    void unconstrainedUnchanged()
    {
        const WeightedGraph g = erdosRenyiGraph(6, 0.5, WeightKind::Uniform, 2);
        const Instance maxCut = graphInstance(g, GraphProblem::MaxCut);
        const Instance qubo = QuboInstance{"q", encodeMaxCut(g)};
        const SampleCounts all = allOutcomes(6);
        QCOMPARE(decodeFeasibleFirst(maxCut, {}, all), all);
        QCOMPARE(decodeFeasibleFirst(qubo, {}, all), all);
        for (std::uint64_t x = 0; x < 64; ++x) {
            QVERIFY(satisfiesHardConstraints(maxCut, {}, x));
            QVERIFY(satisfiesHardConstraints(qubo, {}, x));
        }
    }

    void emptySampleStaysEmpty()
    {
        const SampleCounts empty(8);
        QCOMPARE(decodeFeasibleFirst(tinyLcrp(), slackOptions(2), empty), empty);
        const SampleCounts none(3);
        QCOMPARE(decodeFeasibleFirst(graphInstance(graphOf(3, {{0, 1}}), GraphProblem::Mis), {}, none), none);
    }

    void wrongWidthThrows()
    {
        const WeightedGraph g = graphOf(3, {{0, 1}, {1, 2}});
        const std::vector<Instance> instances{tinyLcrp(), graphInstance(g, GraphProblem::Mis),
                                              graphInstance(g, GraphProblem::MaxCut), QuboInstance{"q", encodeMaxCut(g)}};
        for (const Instance& inst : instances) {
            // LCRP with two slack bits has 8 variables, the graphs and the QUBO 3; 6 bits fit none of them.
            SampleCounts s(6);
            s.add(0, 1.0);
            try {
                decodeFeasibleFirst(inst, slackOptions(2), s);
                QFAIL("no exception");
            } catch (const Error& e) {
                QCOMPARE(e.code(), ErrorCode::InvalidArgument);
                QCOMPARE(std::string(e.where()), std::string("samples"));
            }
        }
        // Too many constrained variables for a 64-bit outcome index.
        LcrpInstance wide = tinyLcrp();
        wide.tasks.resize(22, wide.tasks[0]);  // 22 x 3 = 66 assignment bits
        for (std::size_t i = 0; i < wide.tasks.size(); ++i)
            wide.tasks[i].id = std::to_string(100 + i);  // unique labels
        QVERIFY_THROWS_EXCEPTION(Error, satisfiesHardConstraints(wide, {}, 0));
        QVERIFY_THROWS_EXCEPTION(
            Error, satisfiesHardConstraints(graphInstance(WeightedGraph(65), GraphProblem::Mis), {}, 0));
    }
};

QTEST_APPLESS_MAIN(TstFeasibleDecoding)
#include "feasible_decoding.test.moc"
