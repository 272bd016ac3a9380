// SPDX-License-Identifier: MIT
// Tests of the paper presets: names, plan shapes, and split points that reproduce the engines' single calls.
#include "experiment/paper_experiments.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "experiment/sweep_runner.h"
#include "qaoa/lcrp_reproduction.h"
#include "transpile/routing_benchmark.h"
#include "warmstart/warmstart_reproduction.h"

using namespace engine;

class TstPaperExperiments : public QObject {
    Q_OBJECT

private slots:
    void namesRoundTrip()
    {
        QCOMPARE(paperExperiments().size(), std::size_t{5});
        for (PaperExperiment e : paperExperiments())
            QCOMPARE(paperExperimentFromName(paperExperimentName(e)), e);
        try {
            paperExperimentFromName("lcrp-table5");
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.where(), std::string("--preset"));
            QVERIFY(e.detail().find("routing-fig7") != std::string::npos);
        }
    }

    void planShapes()
    {
        PaperExperimentOptions quick;
        quick.quick = true;
        const ExperimentPlan table2 = planPaperExperiment(PaperExperiment::LcrpTable2, quick);
        QCOMPARE(table2.header.kind, std::string("lcrp-table2"));
        QCOMPARE(table2.points.size(), std::size_t{2});  // one per mixer
        QVERIFY(table2.header.metricIndex("random_valid_rate") >= 0);
        QVERIFY(table2.header.metricIndex("paper_valid_rate") >= 0);
        QCOMPARE(planPaperExperiment(PaperExperiment::WarmstartFig5, quick).points.size(), std::size_t{2 * 3});
        QCOMPARE(planPaperExperiment(PaperExperiment::WarmstartFig5, {}).points.size(), std::size_t{2 * 8});
        QCOMPARE(planPaperExperiment(PaperExperiment::RoutingFig7, quick).points.size(), std::size_t{2 * 2});
        QCOMPARE(planPaperExperiment(PaperExperiment::RoutingFig7, {}).points.size(), std::size_t{2 * 3 * 9});
    }

    void routingPointsReproduceTheBenchmark()
    {
        PaperExperimentOptions quick;
        quick.quick = true;
        SweepRunner runner(planPaperExperiment(PaperExperiment::RoutingFig7, quick), 2);
        const std::vector<ExperimentRow> rows = runner.run();
        RoutingBenchmarkOptions o;
        o.degrees = {3};
        o.sizes = {20, 30};
        o.graphsPerSize = 2;
        const std::vector<RoutingBenchmarkRow> expected = runRoutingBenchmark(o);
        QCOMPARE(rows.size(), expected.size());
        const ExperimentHeader& h = runner.header();
        for (std::size_t k = 0; k < rows.size(); ++k) {
            QCOMPARE(std::get<std::string>(rows[k].axis(h, "device")), expected[k].device);
            QCOMPARE(experimentValueNumber(rows[k].axis(h, "vertices")), double(expected[k].vertices));
            QCOMPARE(experimentValueNumber(rows[k].axis(h, "graph")), double(expected[k].graphIndex));
            QCOMPARE(std::get<std::string>(rows[k].axis(h, "router")),
                     std::string(routerKindName(expected[k].router)));
            QCOMPARE(experimentValueNumber(rows[k].metric(h, "swaps")), double(expected[k].swaps));
            QCOMPARE(experimentValueNumber(rows[k].metric(h, "two_qubit_gates")), double(expected[k].twoQubitGates));
        }
    }

    void warmstartPointsReproduceTheProtocol()
    {
        // The quick plan's first two points (regular-3 at N = 4 and 6) against one engine call over both sizes.
        PaperExperimentOptions quick;
        quick.quick = true;
        quick.seed = 9;
        ExperimentPlan plan = planPaperExperiment(PaperExperiment::WarmstartFig5, quick);
        plan.points.resize(2);
        SweepRunner runner(std::move(plan), 2);
        const std::vector<ExperimentRow> rows = runner.run();
        WarmstartReproductionOptions o;
        o.families = {warmstartGraphFamilyFromName("regular-3")};
        o.sizes = {4, 6};
        o.graphsPerSize = 3;
        o.depths = {1, 2, 3};
        o.samples = 200;
        o.runsPerStartType = 100;
        o.seed = 9;
        o.threads = 1;
        const std::vector<WarmstartReproductionRow> expected = reproduceWarmstartEmulated(o);
        QCOMPARE(rows.size(), expected.size());
        const ExperimentHeader& h = runner.header();
        for (std::size_t k = 0; k < rows.size(); ++k) {
            QCOMPARE(experimentValueNumber(rows[k].axis(h, "n")), double(expected[k].n));
            QCOMPARE(experimentValueNumber(rows[k].axis(h, "p")), double(expected[k].depth));
            QCOMPARE(std::get<std::string>(rows[k].metric(h, "q_kind")), expected[k].qKind);
            QCOMPARE(experimentValueNumber(rows[k].metric(h, "rmin_warm")), expected[k].rminWarm);
            QCOMPARE(experimentValueNumber(rows[k].metric(h, "pool_optimal_fraction")), expected[k].poolOptimalFraction);
        }
    }

    void lcrpPointsReproduceTheTable()
    {
        // Table 2 with a tiny optimiser budget, split by mixer, against one engine call per mixer, row for row.
        LcrpReproductionOptions o;
        o.restarts = 1;
        o.evaluationsPerRestart = 5;
        o.shots = 200;
        o.slackBits = 2;
        o.seed = 4;
        o.threads = 1;
        PaperExperimentOptions custom;
        custom.lcrp = o;
        SweepRunner runner(planPaperExperiment(PaperExperiment::LcrpTable2, custom), 2);
        const std::vector<ExperimentRow> rows = runner.run();
        std::vector<LcrpReproductionRow> expected;
        for (MixerKind mixer : {MixerKind::X, MixerKind::XYParityRing}) {
            o.mixers = {mixer};
            for (const LcrpReproductionRow& r : reproduceLcrp(LcrpExperiment::Penalty, o))
                expected.push_back(r);
        }
        QCOMPARE(rows.size(), expected.size());
        QCOMPARE(rows.size(), std::size_t{5 * 2 * 2});
        const ExperimentHeader& h = runner.header();
        for (std::size_t k = 0; k < rows.size(); ++k) {
            QCOMPARE(std::get<std::string>(rows[k].axis(h, "mixer")), expected[k].mixer);
            QCOMPARE(std::get<std::string>(rows[k].axis(h, "objective")), expected[k].objective);
            QCOMPARE(experimentValueNumber(rows[k].axis(h, "lambda_q")), expected[k].lambdaQ);
            QCOMPARE(experimentValueNumber(rows[k].metric(h, "valid_rate")), expected[k].validRate);
            QCOMPARE(experimentValueNumber(rows[k].metric(h, "random_valid_rate")), expected[k].randomValidRate);
            QCOMPARE(experimentValueNumber(rows[k].metric(h, "paper_cost_usd")), *expected[k].paperCostUsd);
            QCOMPARE(experimentValueNumber(rows[k].metric(h, "evaluations")), double(expected[k].evaluations));
        }
    }
};

QTEST_APPLESS_MAIN(TstPaperExperiments)
#include "paper_experiments.test.moc"
