// SPDX-License-Identifier: MIT
// Tests of the direct LCRP objective table against the objective written out from the instance.
#include "lcrp/lcrp_objective.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"

#include <algorithm>

using engine::Bits;
using engine::LcrpInstance;
using engine::LcrpObjectiveKind;

namespace {

LcrpInstance handInstance()
{
    LcrpInstance inst;
    inst.models.assign(engine::defaultModelTiers().begin(), engine::defaultModelTiers().begin() + 3);
    // Task c (10000 tokens) overflows gemma's context, so the context term shows up.
    inst.tasks = {{"a", 2, 800.0, {}, {}}, {"b", 4, 5000.0, {}, {}}, {"c", 5, 10000.0, {}, 400.0}};
    inst.budgetUsd = 20.0;
    return inst;
}

/// The objective written out term by term from the instance (slow reference).
double referenceObjective(const LcrpInstance& inst, const Bits& x, LcrpObjectiveKind kind)
{
    double maxCost = 0.0;
    for (std::size_t i = 0; i < inst.numTasks(); ++i)
        for (std::size_t j = 0; j < inst.numModels(); ++j)
            maxCost = std::max(maxCost, inst.models[j].costPer1kUsd * inst.tasks[i].tokens / 1000.0);
    const auto& p = inst.penalties;
    double f = 0.0;
    double cost = 0.0;
    for (std::size_t i = 0; i < inst.numTasks(); ++i) {
        int ones = 0;
        for (std::size_t j = 0; j < inst.numModels(); ++j) {
            if (!x[i * inst.numModels() + j])
                continue;
            ++ones;
            const double c = inst.models[j].costPer1kUsd * inst.tasks[i].tokens / 1000.0;
            cost += c;
            f += maxCost > 0.0 ? c / maxCost : 0.0;
            if (inst.models[j].quality < inst.qMin(i))
                f += p.quality * 10.0;
            if (inst.models[j].latencyMs > inst.latencySlaMs(i))
                f += p.latency * 5.0;
            if (kind == LcrpObjectiveKind::Exact && inst.tasks[i].tokens > inst.models[j].contextTokens)
                f += p.context * 10.0;
        }
        f += p.assignment * (1 - ones) * (1 - ones);
    }
    const double over = std::max(0.0, cost - inst.budgetUsd);
    return f + p.budget * over * over / (inst.budgetUsd * inst.budgetUsd);
}

} // namespace

class TstLcrpObjective : public QObject {
    Q_OBJECT

private slots:
    void names();
    void unaryTerms();
    void ofBitsMatchesReference_data();
    void ofBitsMatchesReference();
    void ofAssignmentMatchesOneHotBits();
    void budgetPenalty();
    void zeroCostsGiveZeroNormalisedCost();
    void trailingBitsIgnored();
};

void TstLcrpObjective::names()
{
    QCOMPARE(std::string(engine::lcrpObjectiveName(LcrpObjectiveKind::Exact)), std::string("exact"));
    QCOMPARE(std::string(engine::lcrpObjectiveName(LcrpObjectiveKind::ReferenceV2)), std::string("reference-v2"));
    QCOMPARE(engine::lcrpObjectiveFromName("exact"), LcrpObjectiveKind::Exact);
    QCOMPARE(engine::lcrpObjectiveFromName("reference-v2"), LcrpObjectiveKind::ReferenceV2);
    QCOMPARE(engine::lcrpObjectiveFromName("reference"), LcrpObjectiveKind::ReferenceV2);
    try {
        engine::lcrpObjectiveFromName("Exact");
        QFAIL("accepted a wrong name");
    } catch (const engine::Error& e) {
        QCOMPARE(e.code(), engine::ErrorCode::InvalidArgument);
    }
}

void TstLcrpObjective::unaryTerms()
{
    const LcrpInstance inst = handInstance();
    const auto exact = engine::makeObjectiveTable(inst, LcrpObjectiveKind::Exact);
    const auto ref = engine::makeObjectiveTable(inst, LcrpObjectiveKind::ReferenceV2);
    QCOMPARE(exact.numTasks, std::size_t{3});
    QCOMPARE(exact.numModels, std::size_t{3});
    QCOMPARE(exact.costScale, 30.0);  // sonnet on 10000 tokens
    QCOMPARE(exact.assignmentWeight, 50.0);
    QCOMPARE(exact.budgetWeight, 5.0);
    QCOMPARE(exact.budgetUsd, 20.0);
    // a (simple, q_min 0.40) on gemma: cost 0, quality 0.30 < 0.40 -> 40 * 10.
    QAOA_COMPARE_NEAR(exact.unary[0], 400.0, 1e-12);
    // a on haiku: 0.2 USD / 30, no violation.
    QAOA_COMPARE_NEAR(exact.unary[1], 0.2 / 30.0, 1e-12);
    // b (complex, q_min 0.85) on sonnet: 15 / 30 + quality.
    QAOA_COMPARE_NEAR(exact.unary[5], 0.5 + 400.0, 1e-12);
    // c (expert, SLA 400 ms) on gemma: quality + context (Exact only); gemma's 50 ms meets the SLA.
    QAOA_COMPARE_NEAR(exact.unary[6], 400.0 + 500.0, 1e-12);
    QAOA_COMPARE_NEAR(ref.unary[6], 400.0, 1e-12);
    // c on sonnet: 1 + quality + latency (500 ms > 400 ms).
    QAOA_COMPARE_NEAR(exact.unary[8], 1.0 + 400.0 + 15.0, 1e-12);
    QCOMPARE(exact.costUsd[8], 30.0);
}

void TstLcrpObjective::ofBitsMatchesReference_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("exact") << int(LcrpObjectiveKind::Exact);
    QTest::newRow("reference-v2") << int(LcrpObjectiveKind::ReferenceV2);
}

void TstLcrpObjective::ofBitsMatchesReference()
{
    QFETCH(int, kind);
    const auto k = static_cast<LcrpObjectiveKind>(kind);
    const LcrpInstance inst = handInstance();
    const auto table = engine::makeObjectiveTable(inst, k);
    for (std::uint64_t index = 0; index < 512; ++index) {
        const Bits x = engine::bitsFromIndex(index, 9);
        QAOA_COMPARE_NEAR(table.ofBits(x), referenceObjective(inst, x, k), 1e-12);
    }
}

void TstLcrpObjective::ofAssignmentMatchesOneHotBits()
{
    const LcrpInstance inst = handInstance();
    const auto table = engine::makeObjectiveTable(inst, LcrpObjectiveKind::Exact);
    for (int a = 0; a < 27; ++a) {
        const std::vector<int> assignment{a % 3, (a / 3) % 3, a / 9};
        Bits x(9, 0);
        for (std::size_t i = 0; i < 3; ++i)
            x[i * 3 + static_cast<std::size_t>(assignment[i])] = 1;
        QAOA_COMPARE_NEAR(table.ofAssignment(assignment), table.ofBits(x), 1e-12);
        QAOA_COMPARE_NEAR(table.ofAssignment(assignment), referenceObjective(inst, x, LcrpObjectiveKind::Exact),
                          1e-12);
    }
}

void TstLcrpObjective::budgetPenalty()
{
    const auto table = engine::makeObjectiveTable(handInstance(), LcrpObjectiveKind::Exact);
    QCOMPARE(table.budgetPenalty(0.0), 0.0);
    QCOMPARE(table.budgetPenalty(20.0), 0.0);
    QAOA_COMPARE_NEAR(table.budgetPenalty(30.0), 5.0 * 100.0 / 400.0, 1e-15);
    // Haiku for a (0.2 USD) and sonnet for b and c (15 + 30 USD): 25.2 over a 20 USD budget.
    QAOA_COMPARE_NEAR(table.ofAssignment({1, 2, 2}) - table.unary[1] - table.unary[5] - table.unary[8],
                      5.0 * 25.2 * 25.2 / 400.0, 1e-12);
}

void TstLcrpObjective::zeroCostsGiveZeroNormalisedCost()
{
    LcrpInstance inst = handInstance();
    for (auto& m : inst.models)
        m.costPer1kUsd = 0.0;
    const auto table = engine::makeObjectiveTable(inst, LcrpObjectiveKind::Exact);
    QCOMPARE(table.costScale, 0.0);
    QCOMPARE(table.unary[1], 0.0);
    for (double u : table.unary)
        QVERIFY(std::isfinite(u));
}

void TstLcrpObjective::trailingBitsIgnored()
{
    const auto table = engine::makeObjectiveTable(handInstance(), LcrpObjectiveKind::Exact);
    Bits x = engine::bitsFromIndex(0b010100001, 9);
    const double f = table.ofBits(x);
    x.insert(x.end(), {1, 1, 0, 1});
    QCOMPARE(table.ofBits(x), f);
}

QTEST_APPLESS_MAIN(TstLcrpObjective)
#include "lcrp_objective.test.moc"
