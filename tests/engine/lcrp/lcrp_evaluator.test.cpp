// SPDX-License-Identifier: MIT
// Tests of LCRP decoding: per-constraint counts, energies, assignment parsing and feasibility-first projection.
#include "lcrp/lcrp_evaluator.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"

#include <functional>
#include <limits>
#include <random>

using engine::Bits;
using engine::LcrpEncoderOptions;
using engine::LcrpInstance;
using engine::LcrpObjectiveKind;

namespace {

/// gemma2-2b, haiku, sonnet, opus; a simple, a complex and an expert task (the last beyond gemma's context).
LcrpInstance handInstance()
{
    LcrpInstance inst;
    inst.models.assign(engine::defaultModelTiers().begin(), engine::defaultModelTiers().begin() + 4);
    inst.tasks = {{"a", 2, 500.0, {}, {}}, {"b", 4, 2000.0, {}, {}}, {"c", 5, 9000.0, {}, 1000.0}};
    inst.budgetUsd = 100.0;
    return inst;
}

Bits rows(const char* text) { return engine::bitsFromString(text); }

std::string expectInvalidInput(const std::function<void()>& call)
{
    try {
        call();
    } catch (const engine::Error& e) {
        if (e.code() != engine::ErrorCode::InvalidInput)
            return std::string("wrong code: ") + e.what();
        return e.detail();
    }
    return "no error";
}

/// The projection rules written out plainly (slow reference).
std::vector<int> referenceProjection(const LcrpInstance& inst, const Bits& bits, const std::vector<double>* marginals)
{
    const auto table = engine::makeObjectiveTable(inst, LcrpObjectiveKind::Exact);
    const std::size_t m = inst.numModels();
    std::vector<int> out;
    for (std::size_t i = 0; i < inst.numTasks(); ++i) {
        std::vector<std::size_t> candidates;
        for (std::size_t j = 0; j < m; ++j)
            if (bits[i * m + j])
                candidates.push_back(j);
        if (candidates.size() == 1) {
            out.push_back(static_cast<int>(candidates[0]));
            continue;
        }
        if (candidates.empty())
            for (std::size_t j = 0; j < m; ++j)
                candidates.push_back(j);
        // Score: higher is better; the first maximum wins, so ties go to the lower index.
        std::size_t best = candidates[0];
        double bestScore = -std::numeric_limits<double>::infinity();
        for (std::size_t j : candidates) {
            const double score = marginals ? (*marginals)[i * m + j] : -table.unary[i * m + j];
            if (score > bestScore) {
                bestScore = score;
                best = j;
            }
        }
        out.push_back(static_cast<int>(best));
    }
    return out;
}

} // namespace

class TstLcrpEvaluator : public QObject {
    Q_OBJECT

private slots:
    void feasibleAssignment();
    void perConstraintCounts();
    void latencyAndBudgetCounts();
    void energiesWithAndWithoutSlack();
    void referenceObjectiveKind();
    void sizeErrors();
    void assignmentToBitsLayout();
    void evaluateAssignmentErrors();
    void parseAssignment_data();
    void parseAssignment();
    void parseAssignmentErrors_data();
    void parseAssignmentErrors();
    void projectionRules();
    void projectionWithMarginals();
    void projectionTies();
    void projectionMatchesReference();
    void projectionErrors();
};

void TstLcrpEvaluator::feasibleAssignment()
{
    const LcrpInstance inst = handInstance();
    const auto enc = engine::encodeLcrp(inst);
    // a -> haiku (0.6 >= 0.4), b -> opus (0.95 >= 0.85), c -> opus (0.95 >= 0.92; 1500 ms > 1000 ms SLA!).
    auto ev = engine::evaluateAssignment(inst, enc, {1, 3, 3});
    QVERIFY(ev.valid);
    QCOMPARE(ev.violations.latency, 1);
    QVERIFY(!ev.feasible);
    QCOMPARE(ev.assignment, (std::vector<int>{1, 3, 3}));
    QAOA_COMPARE_NEAR(ev.costUsd, 0.125 + 30.0 + 135.0, 1e-12);
    QCOMPARE(ev.violations.budget, 1);  // 165.125 > 100

    LcrpInstance relaxed = inst;
    relaxed.tasks[2].latencySlaMs = 2000.0;
    relaxed.budgetUsd = 200.0;
    const auto encRelaxed = engine::encodeLcrp(relaxed);
    ev = engine::evaluateAssignment(relaxed, encRelaxed, {1, 3, 3});
    QVERIFY(ev.valid);
    QVERIFY(ev.feasible);
    QCOMPARE(ev.violations.total(), 0);
    QCOMPARE(ev.qualitySatisfaction, 1.0);
}

void TstLcrpEvaluator::perConstraintCounts()
{
    const LcrpInstance inst = handInstance();
    const auto enc = engine::encodeLcrp(inst);
    // a -> gemma (quality), b -> haiku and sonnet (not one-hot; two quality violations), c -> nothing.
    const auto ev = engine::evaluateBits(inst, enc, rows("1000" "0110" "0000"));
    QCOMPARE(ev.violations.oneHot, 2);
    QCOMPARE(ev.violations.quality, 3);
    QCOMPARE(ev.violations.latency, 0);
    QCOMPARE(ev.violations.context, 0);
    QCOMPARE(ev.violations.budget, 0);
    QCOMPARE(ev.violations.total(), 5);
    QCOMPARE(ev.assignment, (std::vector<int>{0, -1, -1}));
    QVERIFY(!ev.valid);
    QVERIFY(!ev.feasible);
    QAOA_COMPARE_NEAR(ev.costUsd, 0.5 + 6.0, 1e-12);
    QCOMPARE(ev.qualitySatisfaction, 0.0);

    // c -> gemma breaks its context window (9000 > 8192) and its quality.
    const auto ctx = engine::evaluateBits(inst, enc, rows("0100" "0001" "1000"));
    QVERIFY(ctx.valid);
    QCOMPARE(ctx.violations.context, 1);
    QCOMPARE(ctx.violations.quality, 1);
    QCOMPARE(ctx.violations.oneHot, 0);
    QAOA_COMPARE_NEAR(ctx.qualitySatisfaction, 2.0 / 3.0, 1e-15);
}

void TstLcrpEvaluator::latencyAndBudgetCounts()
{
    LcrpInstance inst = handInstance();
    inst.tasks[0].latencySlaMs = 100.0;  // only gemma (50 ms) meets it
    inst.budgetUsd = 10.0;
    const auto enc = engine::encodeLcrp(inst);
    // a -> haiku and opus (two latency violations), b -> sonnet (6 USD), c -> sonnet (27 USD, 500 <= 1000 ms).
    const auto ev = engine::evaluateBits(inst, enc, rows("0101" "0010" "0010"));
    QCOMPARE(ev.violations.latency, 2);
    QCOMPARE(ev.violations.oneHot, 1);
    QCOMPARE(ev.violations.budget, 1);
    QCOMPARE(ev.violations.quality, 2);  // sonnet's 0.82 is below 0.85 and 0.92
    QAOA_COMPARE_NEAR(ev.costUsd, 0.125 + 7.5 + 6.0 + 27.0, 1e-12);
    // Exactly at the budget is not over it.
    inst.budgetUsd = 0.125;
    const auto encAt = engine::encodeLcrp(inst);
    QCOMPARE(engine::evaluateBits(inst, encAt, rows("0100" "1000" "0000")).violations.budget, 0);
}

void TstLcrpEvaluator::energiesWithAndWithoutSlack()
{
    const LcrpInstance inst = handInstance();
    LcrpEncoderOptions o;
    o.budgetSlackBits = 5;
    const auto enc = engine::encodeLcrp(inst, o);
    const Bits x = rows("0100" "0001" "0010");
    const auto ev = engine::evaluateBits(inst, enc, x);
    QCOMPARE(ev.quboEnergy, engine::energyWithOptimalSlack(enc, x));
    QAOA_COMPARE_NEAR(ev.objective, engine::makeObjectiveTable(inst, LcrpObjectiveKind::Exact).ofBits(x), 1e-12);
    Bits full = x;
    full.insert(full.end(), {1, 0, 1, 1, 0});
    const auto evFull = engine::evaluateBits(inst, enc, full);
    QCOMPARE(evFull.quboEnergy, enc.qubo.energy(full));
    QCOMPARE(evFull.objective, ev.objective);
    QCOMPARE(evFull.costUsd, ev.costUsd);
}

void TstLcrpEvaluator::referenceObjectiveKind()
{
    const LcrpInstance inst = handInstance();
    LcrpEncoderOptions o;
    o.objective = LcrpObjectiveKind::ReferenceV2;
    const auto enc = engine::encodeLcrp(inst, o);
    const Bits x = rows("0100" "0001" "1000");
    const auto ev = engine::evaluateBits(inst, enc, x);
    QAOA_COMPARE_NEAR(ev.objective, engine::makeObjectiveTable(inst, LcrpObjectiveKind::ReferenceV2).ofBits(x),
                      1e-12);
    QCOMPARE(ev.quboEnergy, enc.qubo.energy(x));
    QCOMPARE(ev.violations.context, 1);  // still a broken constraint even if this objective ignores it
}

void TstLcrpEvaluator::sizeErrors()
{
    const LcrpInstance inst = handInstance();
    LcrpEncoderOptions o;
    o.budgetSlackBits = 3;
    const auto enc = engine::encodeLcrp(inst, o);
    for (std::size_t n : {0, 11, 13, 14, 16}) {
        const std::string detail = expectInvalidInput([&] { engine::evaluateBits(inst, enc, Bits(n, 0)); });
        QVERIFY2(detail.find("expected 12") != std::string::npos, detail.c_str());
    }
    LcrpInstance other = inst;
    other.tasks.pop_back();
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::evaluateBits(other, enc, Bits(8, 0)));
}

void TstLcrpEvaluator::assignmentToBitsLayout()
{
    const LcrpInstance inst = handInstance();
    QCOMPARE(engine::bitsToString(engine::assignmentToBits(inst, {3, 0, 2})), std::string("0001" "1000" "0010"));
}

void TstLcrpEvaluator::evaluateAssignmentErrors()
{
    const LcrpInstance inst = handInstance();
    const auto enc = engine::encodeLcrp(inst);
    QCOMPARE(expectInvalidInput([&] { engine::evaluateAssignment(inst, enc, {0, 1}); }).find("one per task") !=
                 std::string::npos,
             true);
    try {
        engine::evaluateAssignment(inst, enc, {0, 4, 1});
        QFAIL("accepted index 4 of 4 models");
    } catch (const engine::Error& e) {
        QCOMPARE(e.code(), engine::ErrorCode::InvalidInput);
        QCOMPARE(e.where(), std::string("assignment[1]"));
    }
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::assignmentToBits(inst, {0, 1, -1}));
}

void TstLcrpEvaluator::parseAssignment_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<int>>("expected");
    QTest::newRow("names") << "haiku,opus,sonnet" << QList<int>{1, 3, 2};
    QTest::newRow("indices") << "0,3,2" << QList<int>{0, 3, 2};
    QTest::newRow("mixed") << "gemma2-2b,1,opus" << QList<int>{0, 1, 3};
    QTest::newRow("spaces") << "  haiku ,\topus,  0\n" << QList<int>{1, 3, 0};
}

void TstLcrpEvaluator::parseAssignment()
{
    QFETCH(QString, text);
    QFETCH(QList<int>, expected);
    const auto got = engine::parseAssignment(handInstance(), text.toStdString());
    QCOMPARE(QList<int>(got.begin(), got.end()), expected);
}

void TstLcrpEvaluator::parseAssignmentErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown name") << "haiku,opus,sonet" << "entry 3 'sonet' is not a model name";
    QTest::newRow("case matters") << "Haiku,opus,sonnet" << "entry 1 'Haiku'";
    QTest::newRow("index too big") << "haiku,4,sonnet" << "entry 2 model index 4 is out of range";
    QTest::newRow("negative") << "haiku,-1,sonnet" << "entry 2 '-1'";
    QTest::newRow("empty entry") << "haiku,,sonnet" << "entry 2 is empty";
    QTest::newRow("too few") << "haiku,opus" << "expected 3 entries (one per task), got 2";
    QTest::newRow("too many") << "haiku,opus,0,1" << "got 4";
    QTest::newRow("trailing comma") << "haiku,opus,sonnet," << "got 4";
    QTest::newRow("empty") << "" << "got 1";
    QTest::newRow("huge index") << "haiku,99999999999999999999999,0" << "entry 2 '99999999999999999999999'";
}

void TstLcrpEvaluator::parseAssignmentErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    const std::string detail = expectInvalidInput([&] { engine::parseAssignment(handInstance(), text.toStdString()); });
    QVERIFY2(QString::fromStdString(detail).contains(message), detail.c_str());
}

void TstLcrpEvaluator::projectionRules()
{
    const LcrpInstance inst = handInstance();
    // a: one-hot on opus, kept although it is not the cheapest. b: gemma, sonnet and opus set; gemma and
    // sonnet break quality (unary >= 400), so opus wins. c: empty; only opus meets quality, but its latency
    // (1500 > 1000 ms) costs 15 while sonnet breaks quality (400): opus.
    QCOMPARE(engine::projectToValid(inst, rows("0001" "1011" "0000")), (std::vector<int>{3, 3, 3}));
    // An empty row of an easy task takes the lowest per-task term: gemma for a (0.30 < 0.40 quality) is
    // penalised, so haiku (cost 0.125 / 135).
    QCOMPARE(engine::projectToValid(inst, rows("0000" "0001" "0001"))[0], 1);
    // Slack bits after the assignment bits are ignored.
    QCOMPARE(engine::projectToValid(inst, rows("0010" "0001" "0001" "111")), (std::vector<int>{2, 3, 3}));
}

void TstLcrpEvaluator::projectionWithMarginals()
{
    const LcrpInstance inst = handInstance();
    const std::vector<double> marginals{0.9, 0.1, 0.2, 0.3,  // a
                                        0.5, 0.6, 0.7, 0.1,  // b
                                        0.2, 0.3, 0.4, 0.1}; // c
    // a: one-hot haiku kept despite its low marginal; b: set {gemma, opus} -> gemma (0.5 > 0.1);
    // c: empty -> sonnet (highest marginal 0.4) even though it breaks quality.
    QCOMPARE(engine::projectToValid(inst, rows("0100" "1001" "0000"), &marginals), (std::vector<int>{1, 0, 2}));
}

void TstLcrpEvaluator::projectionTies()
{
    const LcrpInstance inst = handInstance();
    const std::vector<double> flat(12, 0.25);
    QCOMPARE(engine::projectToValid(inst, rows("0000" "0110" "0011"), &flat), (std::vector<int>{0, 1, 2}));
    // Equal unary terms: two identical free models.
    LcrpInstance twins;
    twins.models = {engine::defaultModelTiers()[1], engine::defaultModelTiers()[1]};
    twins.models[1].name = "haiku-2";
    twins.tasks = {{"a", 1, 300.0, {}, {}}};
    QCOMPARE(engine::projectToValid(twins, rows("11")), (std::vector<int>{0}));
    QCOMPARE(engine::projectToValid(twins, rows("00")), (std::vector<int>{0}));
}

void TstLcrpEvaluator::projectionMatchesReference()
{
    const LcrpInstance inst = handInstance();
    std::mt19937_64 rng(31);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (int trial = 0; trial < 300; ++trial) {
        Bits bits(12);
        for (auto& b : bits)
            b = static_cast<std::uint8_t>(unit(rng) < 0.3);
        std::vector<double> marginals(12);
        for (double& p : marginals)
            p = std::round(unit(rng) * 4.0) / 4.0;  // coarse values so ties happen
        QCOMPARE(engine::projectToValid(inst, bits), referenceProjection(inst, bits, nullptr));
        QCOMPARE(engine::projectToValid(inst, bits, &marginals), referenceProjection(inst, bits, &marginals));
    }
}

void TstLcrpEvaluator::projectionErrors()
{
    const LcrpInstance inst = handInstance();
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::projectToValid(inst, Bits(11, 0)));
    const std::vector<double> shortMarginals(11, 0.5);
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::projectToValid(inst, Bits(12, 0), &shortMarginals));
    std::vector<double> nanMarginals(12, 0.5);
    nanMarginals[7] = std::numeric_limits<double>::quiet_NaN();
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::projectToValid(inst, Bits(12, 0), &nanMarginals));
}

QTEST_APPLESS_MAIN(TstLcrpEvaluator)
#include "lcrp_evaluator.test.moc"
