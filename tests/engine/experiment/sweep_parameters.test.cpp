// SPDX-License-Identifier: MIT
// Tests of the sweep parameter table: every parameter applies to a kind, sets its field, and rejects bad values.
#include "experiment/sweep_parameters.h"

#include <QtTest>

#include "core/error.h"
#include "lcrp/lcrp_generator.h"

#include <set>

using namespace engine;

namespace {

SweepSettings lcrpSettings()
{
    SweepSettings s;
    s.instance = generateLcrp(LcrpGeneratorOptions{});
    return s;
}

void apply(SweepSettings& s, const char* name, const nlohmann::json& value)
{
    applySweepParameter(*findSweepParameter(name), s, value, "/x");
}

} // namespace

class TstSweepParameters : public QObject {
    Q_OBJECT

private slots:
    void tableIsConsistent()
    {
        std::set<std::string> names;
        for (const SweepParameter& p : sweepParameters()) {
            QVERIFY(names.insert(p.name).second);
            QVERIFY(p.qaoa || p.warmstart);
            QVERIFY(p.apply != nullptr);
            QVERIFY(std::string(p.description).size() > 5);
        }
        for (const char* required : {"p", "lambda_q", "tasks", "mixer", "filter", "backend", "seed", "params", "shots"})
            QVERIFY2(findSweepParameter(required) != nullptr, required);
        QVERIFY(findSweepParameter("nope") == nullptr);
    }

    void setsTheOptions()
    {
        SweepSettings s = lcrpSettings();
        apply(s, "p", 3);
        apply(s, "mixer", "xy");
        apply(s, "params", "ramp");
        apply(s, "lambda_b", 7.5);
        apply(s, "tasks", 2);
        apply(s, "backend", "local:ideal");
        apply(s, "filter", "hamming");
        apply(s, "seed", 99);
        apply(s, "greedy_start", true);
        QCOMPARE(s.qaoa.depth, std::size_t{3});
        QCOMPARE(s.warmstart.depth, std::size_t{3});
        QCOMPARE(s.qaoa.mixer, MixerKind::XYParityRing);
        QCOMPARE(s.qaoa.angles, AngleMethod::Ramp);
        QCOMPARE(std::get<LcrpInstance>(s.instance).penalties.budget, 7.5);
        QCOMPARE(std::get<LcrpInstance>(s.instance).tasks.size(), std::size_t{2});
        QCOMPARE(s.warmstart.filter, SampleFilterKind::Hamming);
        QCOMPARE(s.qaoa.seed, std::uint64_t{99});
        QCOMPARE(s.qaoa.optimizer.seed, std::uint64_t{99});
        QCOMPARE(s.warmstart.seed, std::uint64_t{99});
        QVERIFY(s.qaoa.startFromGreedy);
    }

    void rejectsBadValues_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::newRow("p zero") << "p" << "0";
        QTest::newRow("p fraction") << "p" << "1.5";
        QTest::newRow("p text") << "p" << "\"2\"";
        QTest::newRow("mixer") << "mixer" << "\"z\"";
        QTest::newRow("backend") << "backend" << "\"ibm_fez\"";
        QTest::newRow("lambda negative") << "lambda_q" << "-1";
        QTest::newRow("budget zero") << "budget" << "0";
        QTest::newRow("tasks above N") << "tasks" << "5";
        QTest::newRow("bool") << "feasible_first" << "1";
        QTest::newRow("fraction") << "energy_fraction" << "1.5";
    }
    void rejectsBadValues()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        SweepSettings s = lcrpSettings();
        try {
            apply(s, name.toStdString().c_str(), nlohmann::json::parse(value.toStdString()));
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.where(), std::string("/x"));
            QCOMPARE(e.code(), ErrorCode::InvalidInput);
            QVERIFY(e.detail().find("expected") != std::string::npos);
        }
    }

    void kindsAndInstanceKinds()
    {
        QCOMPARE(std::string(sweepParameter("backend", SweepKind::Warmstart, "/a").name), std::string("backend"));
        try {
            sweepParameter("backend", SweepKind::Qaoa, "/a");
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.where(), std::string("/a"));
            QVERIFY(e.detail().find("mixer") != std::string::npos);  // lists what a qaoa sweep accepts
        }
        QCOMPARE(sweepKindFromName("warmstart", "/kind"), SweepKind::Warmstart);
        QVERIFY_THROWS_EXCEPTION(Error, sweepKindFromName("anneal", "/kind"));
        SweepSettings graph;
        graph.instance = GraphInstance{};
        QVERIFY_THROWS_EXCEPTION(Error, apply(graph, "lambda_q", 5));
        apply(graph, "p", 2);  // not LCRP-only
        QCOMPARE(graph.qaoa.depth, std::size_t{2});
    }
};

QTEST_APPLESS_MAIN(TstSweepParameters)
#include "sweep_parameters.test.moc"
