// SPDX-License-Identifier: MIT
// Tests of the LCRP generator: the NumPy-compatible reference stream, the paper instance, shares and errors.
#include "lcrp/lcrp_generator.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "core/legacy_random_state.h"

#include <array>
#include <cmath>
#include <limits>

using engine::LcrpGeneratorOptions;
using engine::LcrpInstance;

namespace {

struct Draw {
    int complexity = 0;
    double tokens = 0.0;
};

/// The reference code's draws written out: r = randint(0, 100) picks from [1 x30, 2 x25, 3 x25, 4 x15, 5 x5],
/// then tokens = int(lo + (hi - lo) * random_sample()).
std::vector<Draw> referenceDraws(std::uint32_t seed, std::size_t n)
{
    static const double ranges[5][2] = {{100, 500}, {200, 1000}, {500, 3000}, {1000, 8000}, {2000, 15000}};
    engine::LegacyRandomState rs(seed);
    std::vector<Draw> draws;
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t r = rs.boundedInt(99);
        Draw d;
        d.complexity = r < 30 ? 1 : r < 55 ? 2 : r < 80 ? 3 : r < 95 ? 4 : 5;
        const double lo = ranges[d.complexity - 1][0];
        const double hi = ranges[d.complexity - 1][1];
        d.tokens = static_cast<double>(static_cast<long long>(lo + (hi - lo) * rs.randomSample()));
        draws.push_back(d);
    }
    return draws;
}

/// The paper's greedy: per task the cheapest model meeting quality and latency (lower index on ties), else the
/// cheapest model overall. Returns the total cost in USD.
double paperGreedyCost(const LcrpInstance& inst)
{
    double total = 0.0;
    for (std::size_t i = 0; i < inst.numTasks(); ++i) {
        double best = std::numeric_limits<double>::infinity();
        double cheapest = std::numeric_limits<double>::infinity();
        for (std::size_t j = 0; j < inst.numModels(); ++j) {
            const double c = inst.models[j].costPer1kUsd * inst.tasks[i].tokens / 1000.0;
            cheapest = std::min(cheapest, c);
            if (inst.models[j].quality >= inst.qMin(i) && inst.models[j].latencyMs <= inst.latencySlaMs(i))
                best = std::min(best, c);
        }
        total += std::isfinite(best) ? best : cheapest;
    }
    return total;
}

} // namespace

class TstLcrpGenerator : public QObject {
    Q_OBJECT

private slots:
    void referenceStreamMatchesHandDraws_data();
    void referenceStreamMatchesHandDraws();
    void firstTaskOfSeed42();
    void paperInstance();
    void reproducible_data();
    void reproducible();
    void idsNameModelsBudget();
    void tokensInClassRange_data();
    void tokensInClassRange();
    void sharesWithinFourSigma_data();
    void sharesWithinFourSigma();
    void optionErrors();
};

void TstLcrpGenerator::referenceStreamMatchesHandDraws_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("tasks");
    QTest::newRow("seed 42 x 4") << quint32(42) << 4;
    QTest::newRow("seed 42 x 6") << quint32(42) << 6;
    QTest::newRow("seed 0 x 50") << quint32(0) << 50;
    QTest::newRow("seed 7 x 80") << quint32(7) << 80;
    QTest::newRow("seed max x 10") << quint32(0xffffffffU) << 10;
}

void TstLcrpGenerator::referenceStreamMatchesHandDraws()
{
    QFETCH(quint32, seed);
    QFETCH(int, tasks);
    LcrpGeneratorOptions o;
    o.seed = seed;
    o.numTasks = static_cast<std::size_t>(tasks);
    const LcrpInstance inst = engine::generateLcrp(o);
    const auto draws = referenceDraws(seed, o.numTasks);
    QCOMPARE(inst.numTasks(), o.numTasks);
    for (std::size_t i = 0; i < draws.size(); ++i) {
        QCOMPARE(inst.tasks[i].complexity, draws[i].complexity);
        QCOMPARE(inst.tasks[i].tokens, draws[i].tokens);
        QVERIFY(!inst.tasks[i].qMin && !inst.tasks[i].latencySlaMs);
    }
    // A longer batch starts with the same tasks (the stream is per task, in order).
    o.numTasks += 3;
    const LcrpInstance longer = engine::generateLcrp(o);
    for (std::size_t i = 0; i < inst.numTasks(); ++i)
        QCOMPARE(longer.tasks[i].tokens, inst.tasks[i].tokens);
}

void TstLcrpGenerator::firstTaskOfSeed42()
{
    // By hand from the stream: randint(0, 100) of RandomState(42) is 51 (its first draw, a known NumPy value),
    // which falls in [30, 55): complexity 2 "simple"; tokens then use the next two 32-bit outputs.
    engine::LegacyRandomState rs(42);
    const std::uint32_t r = rs.boundedInt(99);
    QCOMPARE(r, std::uint32_t{51});
    const double u = rs.randomSample();
    const double tokens = std::floor(200.0 + 800.0 * u);
    const LcrpInstance inst = engine::generateLcrp(LcrpGeneratorOptions{});
    QCOMPARE(inst.tasks[0].complexity, 2);
    QCOMPARE(inst.tasks[0].tokens, tokens);
    QVERIFY(tokens >= 200.0 && tokens < 1000.0);
}

void TstLcrpGenerator::paperInstance()
{
    // 4 tasks, seed 42, the first three tiers, budget 5 USD, reference stream: the instance of Table 2.
    LcrpGeneratorOptions o;
    o.numTasks = 4;
    o.numModels = 3;
    o.seed = 42;
    o.budgetUsd = 5.0;
    const LcrpInstance inst = engine::generateLcrp(o);
    for (const auto& t : inst.tasks)
        qDebug("%s complexity %d (%s) tokens %.0f", t.id.c_str(), t.complexity,
               engine::complexityClasses()[static_cast<std::size_t>(t.complexity - 1)].name, t.tokens);
    const double greedy = paperGreedyCost(inst);
    qDebug("paper greedy cost: %.4f USD", greedy);
    // Table 2 of the paper: greedy (and QAOA at lambda_Q >= 40) costs 14.22 USD.
    QVERIFY2(std::abs(greedy - 14.22) <= 0.005, qPrintable(QStringLiteral("greedy cost %1").arg(greedy, 0, 'f', 6)));
}

void TstLcrpGenerator::reproducible_data()
{
    QTest::addColumn<bool>("reference");
    QTest::newRow("reference stream") << true;
    QTest::newRow("mt19937_64 stream") << false;
}

void TstLcrpGenerator::reproducible()
{
    QFETCH(bool, reference);
    LcrpGeneratorOptions o;
    o.numTasks = 40;
    o.referenceStream = reference;
    o.seed = 11;
    const LcrpInstance a = engine::generateLcrp(o);
    const LcrpInstance b = engine::generateLcrp(o);
    o.seed = 12;
    const LcrpInstance c = engine::generateLcrp(o);
    o.seed = 11;
    o.referenceStream = !reference;
    const LcrpInstance otherStream = engine::generateLcrp(o);
    int differSeed = 0;
    int differStream = 0;
    for (std::size_t i = 0; i < a.numTasks(); ++i) {
        QCOMPARE(a.tasks[i].complexity, b.tasks[i].complexity);
        QCOMPARE(a.tasks[i].tokens, b.tasks[i].tokens);
        differSeed += a.tasks[i].tokens != c.tasks[i].tokens;
        differStream += a.tasks[i].tokens != otherStream.tasks[i].tokens;
    }
    QVERIFY(differSeed > 30);
    QVERIFY(differStream > 30);
}

void TstLcrpGenerator::idsNameModelsBudget()
{
    LcrpGeneratorOptions o;
    o.numTasks = 1002;
    o.numModels = 5;
    o.seed = 3;
    o.budgetUsd = 12.5;
    const LcrpInstance inst = engine::generateLcrp(o);
    QCOMPARE(inst.tasks[0].id, std::string("T-000"));
    QCOMPARE(inst.tasks[7].id, std::string("T-007"));
    QCOMPARE(inst.tasks[123].id, std::string("T-123"));
    QCOMPARE(inst.tasks[1001].id, std::string("T-1001"));
    QCOMPARE(inst.name, std::string("lcrp 1002 x 5 seed 3"));
    QCOMPARE(inst.budgetUsd, 12.5);
    QCOMPARE(inst.numModels(), std::size_t{5});
    QCOMPARE(inst.models[4].name, std::string("o1"));
    inst.validate();

    o.numModels = 2;
    o.numTasks = 4;
    const LcrpInstance small = engine::generateLcrp(o);
    QCOMPARE(small.numModels(), std::size_t{2});
    QCOMPARE(small.models[1].name, std::string("haiku"));
    QCOMPARE(small.name, std::string("lcrp 4 x 2 seed 3"));
    small.validate();
}

void TstLcrpGenerator::tokensInClassRange_data()
{
    reproducible_data();
}

void TstLcrpGenerator::tokensInClassRange()
{
    QFETCH(bool, reference);
    LcrpGeneratorOptions o;
    o.numTasks = 5000;
    o.referenceStream = reference;
    o.seed = 5;
    const LcrpInstance inst = engine::generateLcrp(o);
    for (const auto& t : inst.tasks) {
        const auto& c = engine::complexityClasses()[static_cast<std::size_t>(t.complexity - 1)];
        QVERIFY(t.tokens >= c.tokensLow && t.tokens < c.tokensHigh);
        QCOMPARE(t.tokens, std::floor(t.tokens));
    }
}

void TstLcrpGenerator::sharesWithinFourSigma_data()
{
    reproducible_data();
}

void TstLcrpGenerator::sharesWithinFourSigma()
{
    QFETCH(bool, reference);
    LcrpGeneratorOptions o;
    o.numTasks = 20000;
    o.referenceStream = reference;
    o.seed = 2024;
    const LcrpInstance inst = engine::generateLcrp(o);
    std::array<double, 5> counts{};
    double meanUnitTokens = 0.0;  // position of tokens inside its class range, ~ uniform on [0, 1)
    for (const auto& t : inst.tasks) {
        counts[static_cast<std::size_t>(t.complexity - 1)] += 1.0;
        const auto& c = engine::complexityClasses()[static_cast<std::size_t>(t.complexity - 1)];
        meanUnitTokens += (t.tokens + 0.5 - c.tokensLow) / (c.tokensHigh - c.tokensLow);
    }
    const double n = static_cast<double>(inst.numTasks());
    for (std::size_t k = 0; k < 5; ++k) {
        const double p = engine::complexityClasses()[k].share;
        const double sigma = std::sqrt(n * p * (1 - p));
        QVERIFY2(std::abs(counts[k] - n * p) <= 4 * sigma,
                 qPrintable(QStringLiteral("class %1: %2 tasks, expected %3 +- %4").arg(k + 1).arg(counts[k])
                                .arg(n * p).arg(4 * sigma)));
    }
    meanUnitTokens /= n;
    const double sigmaMean = std::sqrt(1.0 / 12.0 / n);
    QVERIFY2(std::abs(meanUnitTokens - 0.5) <= 4 * sigmaMean, qPrintable(QString::number(meanUnitTokens)));
}

void TstLcrpGenerator::optionErrors()
{
    auto expectError = [](const LcrpGeneratorOptions& o, const char* where) {
        try {
            engine::generateLcrp(o);
        } catch (const engine::Error& e) {
            QCOMPARE(e.code(), engine::ErrorCode::InvalidArgument);
            QCOMPARE(e.where(), std::string(where));
            return;
        }
        QFAIL(qPrintable(QStringLiteral("no error for %1").arg(QLatin1String(where))));
    };
    LcrpGeneratorOptions o;
    o.numTasks = 0;
    expectError(o, "--tasks");
    o.numTasks = std::numeric_limits<std::size_t>::max();
    expectError(o, "--tasks");
    o.numTasks = 4;
    o.numModels = 0;
    expectError(o, "--models");
    o.numModels = 6;
    expectError(o, "--models");
    o.numModels = 3;
    o.budgetUsd = 0.0;
    expectError(o, "--budget");
    o.budgetUsd = -1.0;
    expectError(o, "--budget");
    o.budgetUsd = std::numeric_limits<double>::quiet_NaN();
    expectError(o, "--budget");
    o.budgetUsd = std::numeric_limits<double>::infinity();
    expectError(o, "--budget");
}

QTEST_APPLESS_MAIN(TstLcrpGenerator)
#include "lcrp_generator.test.moc"
