// SPDX-License-Identifier: MIT
// Tests of the LCRP table reproduction: rows, instances, baselines, paper values and CSV.
#include "qaoa/lcrp_reproduction.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"

#include <cmath>
#include <sstream>

using namespace engine;

namespace {

LcrpReproductionOptions quick()
{
    LcrpReproductionOptions o;
    o.restarts = 1;
    o.evaluationsPerRestart = 4;
    o.shots = 200;
    o.mixers = {MixerKind::X, MixerKind::XYParityRing};
    o.slackBits = 2;
    return o;
}

} // namespace

class TstLcrpReproduction : public QObject {
    Q_OBJECT

private slots:
    void penaltyTableHasEveryRow()
    {
        const std::vector<LcrpReproductionRow> rows = reproduceLcrp(LcrpExperiment::Penalty, quick());
        QCOMPARE(rows.size(), std::size_t{5 * 2 * 2});  // lambda_Q x objectives x mixers
        for (const LcrpReproductionRow& r : rows) {
            QCOMPARE(r.tasks, std::size_t{4});
            QCOMPARE(r.models, std::size_t{3});
            QCOMPARE(r.qubits, r.objective == "exact" ? std::size_t{14} : std::size_t{12});
            QAOA_COMPARE_NEAR(r.randomValidRate, std::pow(3.0 / 8.0, 4), 1e-15);
            QVERIFY(r.paperCostUsd.has_value() && r.paperQuality.has_value());
            QCOMPARE(r.evaluations, std::uint64_t{4});
            if (r.mixer == "xy-parity")
                QAOA_COMPARE_NEAR(r.validRateExact, 1.0, 1e-12);
        }
        QCOMPARE(rows.front().lambdaQ, 5.0);
        QCOMPARE(*rows.front().paperCostUsd, 0.24);
        QCOMPARE(rows.back().lambdaQ, 80.0);
    }

    void scalingAndDepthUseThePaperInstances()
    {
        LcrpReproductionOptions o = quick();
        o.mixers = {MixerKind::X};
        const std::vector<LcrpReproductionRow> scaling = reproduceLcrp(LcrpExperiment::Scaling, o);
        QCOMPARE(scaling.size(), std::size_t{6});
        QCOMPARE(scaling[0].qubits, std::size_t{6});
        QCOMPARE(*scaling[0].paperValidRate, 0.491);
        QAOA_COMPARE_NEAR(scaling[0].randomValidRate, 0.140625, 1e-15);
        QCOMPARE(scaling[4].qubits, std::size_t{18});
        const std::vector<LcrpReproductionRow> depth = reproduceLcrp(LcrpExperiment::Depth, o);
        QCOMPARE(depth.size(), std::size_t{6});
        QCOMPARE(depth[0].depth, std::size_t{1});
        QCOMPARE(depth[5].depth, std::size_t{3});
    }

    void csvHasAHeaderAndOneLinePerRow()
    {
        LcrpReproductionOptions o = quick();
        o.mixers = {MixerKind::X};
        const std::vector<LcrpReproductionRow> rows = reproduceLcrp(LcrpExperiment::Depth, o);
        std::istringstream csv(lcrpReproductionCsv(rows));
        std::string line;
        std::getline(csv, line);
        QVERIFY(line.rfind("experiment,tasks,models,qubits,p,", 0) == 0);
        std::size_t lines = 0;
        while (std::getline(csv, line)) {
            ++lines;
            QVERIFY(line.rfind("lcrp-depth,4,3,", 0) == 0);
        }
        QCOMPARE(lines, rows.size());
    }

    void cancelStopsBetweenRows()
    {
        RunControl control;
        control.requestCancel();
        QVERIFY(reproduceLcrp(LcrpExperiment::Penalty, quick(), control).empty());
        QCOMPARE(lcrpExperimentFromName("lcrp-scaling"), LcrpExperiment::Scaling);
        QVERIFY_THROWS_EXCEPTION(Error, lcrpExperimentFromName("table-9"));
    }
};

QTEST_APPLESS_MAIN(TstLcrpReproduction)
#include "lcrp_reproduction.test.moc"
