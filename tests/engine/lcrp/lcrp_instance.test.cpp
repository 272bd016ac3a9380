// SPDX-License-Identifier: MIT
// Tests of LcrpInstance: class defaults and overrides, per-pair constraints, costs and validation errors.
#include "lcrp/lcrp_instance.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"

#include <functional>
#include <limits>

using engine::LcrpInstance;

namespace {

LcrpInstance smallInstance()
{
    LcrpInstance inst;
    inst.name = "hand";
    inst.models.assign(engine::defaultModelTiers().begin(), engine::defaultModelTiers().begin() + 3);
    inst.tasks = {{"a", 1, 300.0, {}, {}}, {"b", 3, 2000.0, {}, {}}, {"c", 5, 10000.0, {}, {}}};
    inst.budgetUsd = 5.0;
    return inst;
}

using Mutation = std::function<void(LcrpInstance&)>;

} // namespace

Q_DECLARE_METATYPE(Mutation)

class TstLcrpInstance : public QObject {
    Q_OBJECT

private slots:
    void complexityClassesTable();
    void defaultModelTiersTable();
    void classDefaults();
    void overrides();
    void costIsPricePerThousandTokens();
    void perPairConstraints();
    void variableIndexIsRowMajor();
    void defaultPenalties();
    void validInstancePasses();
    void validateNamesPointer_data();
    void validateNamesPointer();
};

void TstLcrpInstance::complexityClassesTable()
{
    const auto& classes = engine::complexityClasses();
    double share = 0.0;
    for (std::size_t k = 0; k < classes.size(); ++k) {
        QCOMPARE(classes[k].level, static_cast<int>(k) + 1);
        QVERIFY(classes[k].tokensLow < classes[k].tokensHigh);
        share += classes[k].share;
    }
    QAOA_COMPARE_NEAR(share, 1.0, 1e-12);
    QCOMPARE(classes[2].qMin, 0.70);
    QCOMPARE(classes[2].latencySlaMs, 30000.0);
    QCOMPARE(classes[4].tokensLow, 2000.0);
    QCOMPARE(classes[4].tokensHigh, 15000.0);
}

void TstLcrpInstance::defaultModelTiersTable()
{
    const auto& tiers = engine::defaultModelTiers();
    QCOMPARE(tiers.size(), std::size_t{5});
    QCOMPARE(tiers[0].name, std::string("gemma2-2b"));
    QCOMPARE(tiers[2].name, std::string("sonnet"));
    QCOMPARE(tiers[2].costPer1kUsd, 3.0);
    QCOMPARE(tiers[4].quality, 0.99);
    QCOMPARE(tiers[0].contextTokens, 8192.0);
    QCOMPARE(tiers[3].latencyMs, 1500.0);
}

void TstLcrpInstance::classDefaults()
{
    const LcrpInstance inst = smallInstance();
    QCOMPARE(inst.qMin(0), 0.20);
    QCOMPARE(inst.qMin(1), 0.70);
    QCOMPARE(inst.qMin(2), 0.92);
    QCOMPARE(inst.latencySlaMs(0), 5000.0);
    QCOMPARE(inst.latencySlaMs(2), 120000.0);
}

void TstLcrpInstance::overrides()
{
    LcrpInstance inst = smallInstance();
    inst.tasks[0].qMin = 0.65;
    inst.tasks[0].latencySlaMs = 150.0;
    QCOMPARE(inst.qMin(0), 0.65);
    QCOMPARE(inst.latencySlaMs(0), 150.0);
    QVERIFY(!inst.meetsQuality(0, 1));  // haiku 0.60 < 0.65
    QVERIFY(inst.meetsQuality(0, 2));
    QVERIFY(inst.meetsLatency(0, 0));   // gemma 50 ms
    QVERIFY(!inst.meetsLatency(0, 1));  // haiku 200 ms > 150 ms
    QVERIFY(!inst.allowed(0, 1));
    QVERIFY(!inst.allowed(0, 2));       // sonnet 500 ms > 150 ms
    QCOMPARE(inst.qMin(1), 0.70);       // other tasks keep their class defaults
}

void TstLcrpInstance::costIsPricePerThousandTokens()
{
    const LcrpInstance inst = smallInstance();
    QCOMPARE(inst.costUsd(0, 0), 0.0);
    QAOA_COMPARE_NEAR(inst.costUsd(0, 1), 0.25 * 300.0 / 1000.0, 1e-15);
    QAOA_COMPARE_NEAR(inst.costUsd(2, 2), 3.0 * 10000.0 / 1000.0, 1e-15);
}

void TstLcrpInstance::perPairConstraints()
{
    const LcrpInstance inst = smallInstance();
    // Quality: equality meets the threshold.
    LcrpInstance eq = inst;
    eq.tasks[0].qMin = 0.60;
    QVERIFY(eq.meetsQuality(0, 1));
    QVERIFY(inst.meetsQuality(0, 0));   // 0.30 >= 0.20
    QVERIFY(!inst.meetsQuality(1, 1));  // 0.60 < 0.70
    QVERIFY(inst.meetsQuality(1, 2));
    QVERIFY(!inst.meetsQuality(2, 2));  // 0.82 < 0.92
    // Context: gemma's 8192 tokens cannot hold the 10000-token task.
    QVERIFY(!inst.fitsContext(2, 0));
    QVERIFY(inst.fitsContext(2, 1));
    QVERIFY(inst.fitsContext(1, 0));
    for (std::size_t j = 0; j < 3; ++j)
        QVERIFY(inst.meetsLatency(1, j));
    QVERIFY(inst.allowed(0, 0));
    QVERIFY(!inst.allowed(2, 0));
    QVERIFY(inst.allowed(1, 2));
}

void TstLcrpInstance::variableIndexIsRowMajor()
{
    const LcrpInstance inst = smallInstance();
    QCOMPARE(inst.numAssignmentVariables(), std::size_t{9});
    QCOMPARE(inst.variableIndex(0, 0), std::size_t{0});
    QCOMPARE(inst.variableIndex(1, 2), std::size_t{5});
    QCOMPARE(inst.variableIndex(2, 1), std::size_t{7});
}

void TstLcrpInstance::defaultPenalties()
{
    const engine::LcrpPenalties p;
    QCOMPARE(p.assignment, 50.0);
    QCOMPARE(p.quality, 40.0);
    QCOMPARE(p.budget, 5.0);
    QCOMPARE(p.latency, 3.0);
    QCOMPARE(p.context, 50.0);
}

void TstLcrpInstance::validInstancePasses()
{
    smallInstance().validate();
    LcrpInstance inst = smallInstance();
    inst.tasks[1].qMin = 1.0;
    inst.penalties.budget = 0.0;
    inst.validate();
}

void TstLcrpInstance::validateNamesPointer_data()
{
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<QString>("where");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    QTest::newRow("no tasks") << Mutation([](LcrpInstance& i) { i.tasks.clear(); }) << "/tasks";
    QTest::newRow("no models") << Mutation([](LcrpInstance& i) { i.models.clear(); }) << "/models";
    QTest::newRow("budget 0") << Mutation([](LcrpInstance& i) { i.budgetUsd = 0.0; }) << "/budgetUsd";
    QTest::newRow("budget nan") << Mutation([=](LcrpInstance& i) { i.budgetUsd = nan; }) << "/budgetUsd";
    QTest::newRow("lambda_A < 0") << Mutation([](LcrpInstance& i) { i.penalties.assignment = -1.0; })
                                  << "/penalties/assignment";
    QTest::newRow("lambda_Q inf") << Mutation([=](LcrpInstance& i) { i.penalties.quality = inf; })
                                  << "/penalties/quality";
    QTest::newRow("lambda_B nan") << Mutation([=](LcrpInstance& i) { i.penalties.budget = nan; })
                                  << "/penalties/budget";
    QTest::newRow("lambda_L < 0") << Mutation([](LcrpInstance& i) { i.penalties.latency = -0.1; })
                                  << "/penalties/latency";
    QTest::newRow("lambda_C < 0") << Mutation([](LcrpInstance& i) { i.penalties.context = -2.0; })
                                  << "/penalties/context";
    QTest::newRow("model name empty") << Mutation([](LcrpInstance& i) { i.models[1].name.clear(); })
                                      << "/models/1/name";
    QTest::newRow("model name twice") << Mutation([](LcrpInstance& i) { i.models[2].name = i.models[1].name; })
                                      << "/models/2/name";
    QTest::newRow("cost < 0") << Mutation([](LcrpInstance& i) { i.models[0].costPer1kUsd = -1.0; })
                              << "/models/0/costPer1kUsd";
    QTest::newRow("quality > 1") << Mutation([](LcrpInstance& i) { i.models[1].quality = 1.5; })
                                 << "/models/1/quality";
    QTest::newRow("latency nan") << Mutation([=](LcrpInstance& i) { i.models[2].latencyMs = nan; })
                                 << "/models/2/latencyMs";
    QTest::newRow("context 0") << Mutation([](LcrpInstance& i) { i.models[0].contextTokens = 0.0; })
                               << "/models/0/contextTokens";
    QTest::newRow("id empty") << Mutation([](LcrpInstance& i) { i.tasks[2].id.clear(); }) << "/tasks/2/id";
    QTest::newRow("id twice") << Mutation([](LcrpInstance& i) { i.tasks[1].id = i.tasks[0].id; }) << "/tasks/1/id";
    QTest::newRow("complexity 0") << Mutation([](LcrpInstance& i) { i.tasks[0].complexity = 0; })
                                  << "/tasks/0/complexity";
    QTest::newRow("complexity 6") << Mutation([](LcrpInstance& i) { i.tasks[2].complexity = 6; })
                                  << "/tasks/2/complexity";
    QTest::newRow("tokens 0") << Mutation([](LcrpInstance& i) { i.tasks[1].tokens = 0.0; }) << "/tasks/1/tokens";
    QTest::newRow("tokens inf") << Mutation([=](LcrpInstance& i) { i.tasks[1].tokens = inf; })
                                << "/tasks/1/tokens";
    QTest::newRow("qMin > 1") << Mutation([](LcrpInstance& i) { i.tasks[0].qMin = 1.01; }) << "/tasks/0/qMin";
    QTest::newRow("sla 0") << Mutation([](LcrpInstance& i) { i.tasks[2].latencySlaMs = 0.0; })
                           << "/tasks/2/latencySlaMs";
}

void TstLcrpInstance::validateNamesPointer()
{
    QFETCH(Mutation, mutate);
    QFETCH(QString, where);
    LcrpInstance inst = smallInstance();
    mutate(inst);
    try {
        inst.validate();
    } catch (const engine::Error& e) {
        QCOMPARE(e.code(), engine::ErrorCode::InvalidInput);
        QCOMPARE(QString::fromStdString(e.where()), where);
        QVERIFY(!e.detail().empty());
        return;
    }
    QFAIL("validate() accepted a bad instance");
}

QTEST_APPLESS_MAIN(TstLcrpInstance)
#include "lcrp_instance.test.moc"
