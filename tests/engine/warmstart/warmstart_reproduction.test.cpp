// SPDX-License-Identifier: MIT
// Tests of the emulated Fig. 5 protocol on a tiny configuration: complete rows, optima and sampled cuts against
// slow references, Q sanity, determinism, cancel, the median summary, CSV and argument checks.
#include "warmstart/warmstart_reproduction.h"

#include <QtTest>

#include "test_support.h"

#include "core/bits.h"
#include "core/error.h"
#include "graph/graph_problems.h"
#include "qaoa/angle_rules.h"
#include "qaoa/qaoa_simulation.h"
#include "warmstart/qfactor.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

using namespace engine;

namespace {

WarmstartReproductionOptions tinyOptions()
{
    WarmstartReproductionOptions o;
    o.families = {warmstartGraphFamilyFromName("regular-3"), warmstartGraphFamilyFromName("er-0.3")};
    o.sizes = {4, 6};
    o.graphsPerSize = 2;
    o.depths = {1, 2};
    o.samples = 400;
    o.runsPerStartType = 40;
    o.iterationCap = 100;
    o.seed = 11;
    o.threads = 1;
    return o;
}

// The maximum cut by enumerating every bitstring with cutValue: the obvious reference for the brute-force solver.
double slowMaxCut(const WeightedGraph& graph)
{
    const std::size_t n = graph.numVertices();
    double best = 0.0;
    for (std::uint64_t z = 0; z < (std::uint64_t{1} << n); ++z)
        best = std::max(best, cutValue(graph, bitsFromIndex(z, n)));
    return best;
}

std::size_t countLines(const std::string& text)
{
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

WarmstartReproductionRow syntheticRow(std::size_t n, double q, QFactorKind kind)
{
    WarmstartReproductionRow r;
    r.family = "regular-3";
    r.n = n;
    r.depth = 1;
    r.qFactor = q;
    r.qKind = qFactorKindName(kind);
    return r;
}

} // namespace

class TstWarmstartReproduction : public QObject {
    Q_OBJECT

private slots:
    void familyNamesRoundTrip()
    {
        for (const char* name : {"regular-3", "regular-4", "er-0.3", "er-1"}) {
            const WarmstartGraphFamily f = warmstartGraphFamilyFromName(name);
            QCOMPARE(warmstartGraphFamilyName(f), std::string(name));
        }
        QCOMPARE(warmstartGraphFamilyFromName("er-0.3").kind, WarmstartGraphFamily::Kind::ErdosRenyi);
        QCOMPARE(warmstartGraphFamilyFromName("regular-3").parameter, 3.0);
        for (const char* bad : {"", "regular-", "regular-2.5", "regular-0", "er-0", "er-1.5", "er-x", "ring-3"})
            QVERIFY_THROWS_EXCEPTION(Error, warmstartGraphFamilyFromName(bad));
    }

    void tinyConfigurationRowsAreComplete()
    {
        const WarmstartReproductionOptions o = tinyOptions();
        const std::vector<WarmstartReproductionRow> rows = reproduceWarmstartEmulated(o);
        QCOMPARE(rows.size(), std::size_t{2 * 2 * 2 * 2});
        std::size_t i = 0;
        for (const WarmstartGraphFamily& family : o.families)
            for (std::size_t n : o.sizes)
                for (std::size_t g = 0; g < o.graphsPerSize; ++g) {
                    const WeightedGraph graph = warmstartReproductionGraph(family, n, g, o.seed);
                    const double optimum = slowMaxCut(graph);
                    for (std::size_t p : o.depths) {
                        const WarmstartReproductionRow& r = rows[i++];
                        QCOMPARE(r.family, warmstartGraphFamilyName(family));
                        QCOMPARE(r.n, n);
                        QCOMPARE(r.graph, g);
                        QCOMPARE(r.depth, p);
                        QCOMPARE(r.edges, graph.numEdges());
                        QVERIFY(r.edges > 0);
                        QCOMPARE(r.optimum, optimum);
                        QCOMPARE(r.poolSize, std::size_t{o.samples});
                        QVERIFY(r.randomSuccesses <= o.runsPerStartType);
                        QVERIFY(r.warmSuccesses <= o.runsPerStartType);
                        QVERIFY(r.poolOptimalFraction >= 0.0 && r.poolOptimalFraction <= 1.0);
                        QVERIFY(r.meanSampledCut > 0.0 && r.meanSampledCut <= optimum);
                        QVERIFY(r.rminWarm >= 1.0);
                        QVERIFY(r.seconds >= 0.0);
                        // At n <= 6 tabu search finds the optimum within 100 iterations from any start.
                        QCOMPARE(r.qKind, std::string(qFactorKindName(QFactorKind::Estimate)));
                        QCOMPARE(r.qFactor, r.rminRandom / r.rminWarm);
                        // Sanity bound: the QAOA pool is never far worse than uniform random starts here.
                        QVERIFY2(r.qFactor >= 0.5, qPrintable(QString::number(r.qFactor)));
                        QVERIFY(r.qFactor <= r.rminRandom);
                    }
                }
        QCOMPARE(i, rows.size());
    }

    void operationUnitCountsEvaluatedMoves()
    {
        QCOMPARE(warmstartCostUnitFromName("operations"), WarmstartCostUnit::Operations);
        QCOMPARE(std::string(warmstartCostUnitName(WarmstartCostUnit::Iterations)), std::string("iterations"));
        QVERIFY_THROWS_EXCEPTION(Error, warmstartCostUnitFromName("moves"));
        WarmstartReproductionOptions o = tinyOptions();
        o.families = {o.families[0]};
        o.iterationCap = 2000;
        const std::vector<WarmstartReproductionRow> iterations = reproduceWarmstartEmulated(o);
        o.unit = WarmstartCostUnit::Operations;
        const std::vector<WarmstartReproductionRow> operations = reproduceWarmstartEmulated(o);
        QCOMPARE(operations.size(), iterations.size());
        for (std::size_t i = 0; i < operations.size(); ++i) {
            const WarmstartReproductionRow& r = operations[i];
            QCOMPARE(r.optimum, iterations[i].optimum);
            QCOMPARE(r.poolOptimalFraction, iterations[i].poolOptimalFraction);  // same pool
            QCOMPARE(r.qKind, std::string(qFactorKindName(QFactorKind::Estimate)));
            QCOMPARE(r.qFactor, r.rminRandom / r.rminWarm);
            // Every iteration evaluates at least one move, and a random start needs at least one iteration.
            QVERIFY(r.rminRandom >= 1.0);
            QVERIFY(r.rminWarm >= 1.0);
            // An optimal pool member is a success at t = 1, so R_min(warm) <= 1 / F_warm(1); with over half of
            // the pool optimal, 40 in-order draws hold fewer than a quarter optimal ones only by a wild fluke.
            if (r.poolOptimalFraction > 0.5)
                QVERIFY(r.rminWarm <= 4.0);
        }
    }

    void sampledCutMatchesTheExactExpectation()
    {
        // The pool's mean cut estimates the QAOA expectation at the balanced angles: -<f> of the simulator.
        WarmstartReproductionOptions o = tinyOptions();
        o.families = {warmstartGraphFamilyFromName("regular-3")};
        o.sizes = {8};
        o.graphsPerSize = 1;
        o.depths = {1, 3};
        o.samples = 20000;
        o.runsPerStartType = 5;
        const std::vector<WarmstartReproductionRow> rows = reproduceWarmstartEmulated(o);
        QCOMPARE(rows.size(), std::size_t{2});
        const WeightedGraph graph = warmstartReproductionGraph(o.families[0], 8, 0, o.seed);
        const QaoaSimulator<double> sim(encodeMaxCut(graph), 1);
        for (const WarmstartReproductionRow& r : rows) {
            const std::vector<double> prob = sim.probabilities(maxCutRuleAngles(graph, r.depth));
            double mean = 0.0, second = 0.0, optimalMass = 0.0;
            for (std::uint64_t z = 0; z < prob.size(); ++z) {
                const double cut = cutValue(graph, bitsFromIndex(z, 8));
                mean += prob[z] * cut;
                second += prob[z] * cut * cut;
                if (cut >= r.optimum - 1e-9)
                    optimalMass += prob[z];
            }
            const double sigma = std::sqrt((second - mean * mean) / static_cast<double>(o.samples));
            QVERIFY2(std::abs(r.meanSampledCut - mean) <= 5.0 * sigma,
                     qPrintable(QString("p=%1 sampled %2 exact %3").arg(r.depth).arg(r.meanSampledCut).arg(mean)));
            const double sigmaOpt = std::sqrt(optimalMass * (1.0 - optimalMass) / static_cast<double>(o.samples));
            QVERIFY(std::abs(r.poolOptimalFraction - optimalMass) <= 5.0 * sigmaOpt + 1e-12);
            // Better than a uniformly random cut (|E| / 2): the angles are not wasted.
            QVERIFY(mean > 0.5 * static_cast<double>(graph.numEdges()));
        }
    }

    void deterministicForASeed()
    {
        const WarmstartReproductionOptions o = tinyOptions();
        std::vector<WarmstartReproductionRow> a = reproduceWarmstartEmulated(o);
        WarmstartReproductionOptions threaded = o;
        threaded.threads = 2;
        std::vector<WarmstartReproductionRow> b = reproduceWarmstartEmulated(threaded);
        WarmstartReproductionOptions other = o;
        other.seed = 12;
        std::vector<WarmstartReproductionRow> c = reproduceWarmstartEmulated(other);
        for (auto* rows : {&a, &b, &c})
            for (WarmstartReproductionRow& r : *rows)
                r.seconds = 0.0;
        QCOMPARE(warmstartReproductionCsv(a), warmstartReproductionCsv(b));
        QVERIFY(warmstartReproductionCsv(a) != warmstartReproductionCsv(c));
    }

    void graphsDoNotDependOnListPosition()
    {
        // Removing a family or a size leaves the other rows as they were.
        const WarmstartReproductionOptions o = tinyOptions();
        std::vector<WarmstartReproductionRow> all = reproduceWarmstartEmulated(o);
        WarmstartReproductionOptions part = o;
        part.families = {o.families[1]};
        part.sizes = {6};
        std::vector<WarmstartReproductionRow> some = reproduceWarmstartEmulated(part);
        for (auto* rows : {&all, &some})
            for (WarmstartReproductionRow& r : *rows)
                r.seconds = 0.0;
        std::vector<WarmstartReproductionRow> expected;
        for (const WarmstartReproductionRow& r : all)
            if (r.family == "er-0.3" && r.n == 6)
                expected.push_back(r);
        QCOMPARE(warmstartReproductionCsv(some), warmstartReproductionCsv(expected));
    }

    void progressAndCancel()
    {
        const WarmstartReproductionOptions o = tinyOptions();
        RunControl control;
        std::vector<double> progress;
        control.setProgressCallback([&](double done, double total, std::string_view) {
            progress.push_back(done);
            QCOMPARE(total, 16.0);
            if (done >= 3.0)
                control.requestCancel();
        });
        const std::vector<WarmstartReproductionRow> rows = reproduceWarmstartEmulated(o, control);
        QCOMPARE(rows.size(), std::size_t{3});
        QCOMPARE(progress, (std::vector<double>{1.0, 2.0, 3.0}));
    }

    void summaryTakesMediansOfDefinedQ()
    {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        std::vector<WarmstartReproductionRow> rows{
            syntheticRow(4, 10.0, QFactorKind::Estimate),   syntheticRow(4, 2.0, QFactorKind::Estimate),
            syntheticRow(4, 50.0, QFactorKind::LowerBound), syntheticRow(4, 0.0, QFactorKind::WarmFailed),
            syntheticRow(4, nan, QFactorKind::Undefined),   syntheticRow(6, 3.0, QFactorKind::Estimate),
            syntheticRow(6, nan, QFactorKind::Undefined)};
        rows.push_back(syntheticRow(8, nan, QFactorKind::Undefined));
        const std::vector<WarmstartSummaryRow> s = summarizeWarmstartReproduction(rows);
        QCOMPARE(s.size(), std::size_t{3});
        QCOMPARE(s[0].n, std::size_t{4});
        QCOMPARE(s[0].graphs, std::size_t{4});
        QCOMPARE(s[0].medianQ, 6.0);  // sorted 0, 2, 10, 50
        QCOMPARE(s[0].minQ, 0.0);
        QCOMPARE(s[0].maxQ, 50.0);
        QCOMPARE(s[0].lowerBounds, std::size_t{1});
        QCOMPARE(s[0].warmFailed, std::size_t{1});
        QCOMPARE(s[0].undefined, std::size_t{1});
        QCOMPARE(s[1].medianQ, 3.0);
        QCOMPARE(s[1].graphs, std::size_t{1});
        QCOMPARE(s[2].graphs, std::size_t{0});
        QVERIFY(std::isnan(s[2].medianQ));
        const std::string csv = warmstartSummaryCsv(s);
        QCOMPARE(countLines(csv), std::size_t{4});
        QVERIFY(csv.rfind("family,n,p,graphs,median_q,min_q,max_q,lower_bounds,warm_failed,undefined\n", 0) == 0);
        QVERIFY(csv.find("regular-3,8,1,0,,,,0,0,1\n") != std::string::npos);
    }

    void csvHasOneLinePerRow()
    {
        WarmstartReproductionOptions o = tinyOptions();
        o.families = {o.families[0]};
        o.sizes = {4};
        const std::vector<WarmstartReproductionRow> rows = reproduceWarmstartEmulated(o);
        const std::string csv = warmstartReproductionCsv(rows);
        QCOMPARE(countLines(csv), rows.size() + 1);
        QVERIFY(csv.rfind("family,n,graph,edges,p,optimum,rmin_random,rmin_warm,q_factor,q_kind,", 0) == 0);
        std::istringstream lines(csv);
        std::string line;
        while (std::getline(lines, line))
            QCOMPARE(std::count(line.begin(), line.end(), ','), std::ptrdiff_t{15});
    }

    void rejectsBadOptions_data()
    {
        QTest::addColumn<int>("which");
        for (int i = 0; i < 9; ++i)
            QTest::newRow(qPrintable(QString::number(i))) << i;
    }
    void rejectsBadOptions()
    {
        QFETCH(int, which);
        WarmstartReproductionOptions o = tinyOptions();
        switch (which) {
        case 0: o.families.clear(); break;
        case 1: o.sizes.clear(); break;
        case 2: o.sizes = {5}; break;  // no 3-regular graph on 5 vertices
        case 3: o.depths = {7}; break;
        case 4: o.depths = {0}; break;
        case 5: o.graphsPerSize = 0; break;
        case 6: o.samples = 0; break;
        case 7: o.runsPerStartType = 0; break;
        default: o.sizes = {MAX_WARMSTART_REPRODUCTION_VERTICES + 1}; break;
        }
        QVERIFY_THROWS_EXCEPTION(Error, reproduceWarmstartEmulated(o));
    }
};

QTEST_APPLESS_MAIN(TstWarmstartReproduction)
#include "warmstart_reproduction.test.moc"
