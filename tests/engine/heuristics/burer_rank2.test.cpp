// SPDX-License-Identifier: MIT
// Tests of the rank-two relaxation heuristic: the angle objective and its rounding against slow references,
// brute-force Max-Cut optima, targets, warm starts, limits and argument checks.
#include "heuristics/burer_rank2.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "graph/graph_generators.h"
#include "graph/graph_problems.h"
#include "solvers/brute_force.h"

#include <cmath>
#include <numbers>
#include <random>

using namespace engine;
using test_support::near;

namespace {

double bruteForceCut(const WeightedGraph& g)
{
    return -solveQuboBruteForce(encodeMaxCut(g)).objective;
}

std::vector<double> randomAngles(std::size_t n, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> angle(-10.0, 10.0);  // outside [0, 2 pi) on purpose
    std::vector<double> theta(n);
    for (double& t : theta)
        t = angle(rng);
    return theta;
}

// Slow reference of Procedure CUT: every alpha in a fine grid plus every event point, cuts from scratch.
double referenceBestAngleCut(const WeightedGraph& g, const std::vector<double>& theta)
{
    const double pi = std::numbers::pi;
    std::vector<double> alphas;
    for (double t : theta) {
        double r = std::fmod(t, pi);
        if (r < 0.0)
            r += pi;
        alphas.push_back(r);
        alphas.push_back(std::nextafter(r, 4.0));
    }
    alphas.push_back(0.0);
    double best = -1e300;
    for (double alpha : alphas) {
        Bits x(theta.size());
        for (std::size_t v = 0; v < theta.size(); ++v) {
            double d = std::fmod(theta[v] - alpha, 2.0 * pi);
            if (d < 0.0)
                d += 2.0 * pi;
            x[v] = d < pi ? 1U : 0U;
        }
        best = std::max(best, cutValue(g, x));
    }
    return best;
}

BurerOptions iterationLimited(std::uint64_t iterations, std::uint64_t seed)
{
    BurerOptions options;
    options.maxIterations = iterations;
    options.seed = seed;
    return options;
}

} // namespace

class TstBurerRank2 : public QObject {
    Q_OBJECT

private slots:
    void objectiveMatchesDefinition()
    {
        const WeightedGraph g = erdosRenyiGraph(12, 0.4, WeightKind::PlusMinusOne, 3);
        const std::vector<double> theta = randomAngles(12, 5);
        double expected = 0.0;
        for (const Edge& e : g.edges())
            expected += e.weight * std::cos(theta[e.u] - theta[e.v]);
        QVERIFY(near(rankTwoObjective(g, theta), expected, 1e-12));
    }

    void bestAngleCutEqualsSweepReference()
    {
        for (std::uint64_t seed = 1; seed <= 20; ++seed) {
            const WeightedGraph g = erdosRenyiGraph(14, 0.35, seed % 2 ? WeightKind::Uniform : WeightKind::PlusMinusOne,
                                                    seed);
            const std::vector<double> theta = randomAngles(14, seed + 100);
            double cut = 0.0;
            const Bits x = bestAngleCut(g, theta, cut);
            QVERIFY2(near(cut, cutValue(g, x), 1e-9), "returned value is the returned cut's");
            QVERIFY2(near(cut, referenceBestAngleCut(g, theta), 1e-9), qPrintable(QString::number(seed)));
        }
    }

    void bipartiteAnglesGiveTheFullCut()
    {
        // An even cycle with angles 0, pi, 0, ...: every alpha in (0, pi) cuts every edge.
        WeightedGraph g(8);
        for (std::size_t v = 0; v < 8; ++v)
            g.addEdge(v, (v + 1) % 8, 1.0);
        std::vector<double> theta(8);
        for (std::size_t v = 0; v < 8; ++v)
            theta[v] = (v % 2) * std::numbers::pi + 0.01 * double(v);
        double cut = 0.0;
        bestAngleCut(g, theta, cut);
        QCOMPARE(cut, 8.0);
    }

    void findsBruteForceOptima()
    {
        // Seeded instances, 10 % of them weighted +-1 (negative weights): the optimum within 200 iterations.
        for (std::uint64_t seed = 1; seed <= 12; ++seed) {
            const WeightKind weights = seed % 3 == 0 ? WeightKind::PlusMinusOne : WeightKind::Unit;
            const WeightedGraph g = seed % 2 ? randomRegularGraph(16, 3, weights, seed)
                                             : erdosRenyiGraph(16, 0.3, weights, seed);
            const double optimum = bruteForceCut(g);
            BurerOptions options = iterationLimited(200, seed);
            options.targetCut = optimum;
            const HeuristicResult r = runBurerRank2(g, StartSource(16), options);
            QVERIFY2(r.reachedTarget(), qPrintable(QStringLiteral("seed %1: %2 < %3").arg(seed).arg(-r.energy).arg(optimum)));
            QVERIFY(near(-r.energy, optimum, 1e-9));
            QVERIFY(near(r.energy, -cutValue(g, r.bits), 1e-12));
            QVERIFY(r.targetSeconds.has_value());
            QVERIFY(*r.targetIteration >= 1 && *r.targetIteration <= r.iterations);
        }
    }

    void seededRunsRepeatAndTraceImproves()
    {
        const WeightedGraph g = erdosRenyiGraph(40, 0.2, WeightKind::Uniform, 9);
        const HeuristicResult a = runBurerRank2(g, StartSource(40), iterationLimited(30, 4));
        const HeuristicResult b = runBurerRank2(g, StartSource(40), iterationLimited(30, 4));
        QCOMPARE(a.bits, b.bits);
        QCOMPARE(a.iterations, std::uint64_t(30));
        QCOMPARE(a.operations, b.operations);
        QVERIFY(!a.trace.empty());
        for (std::size_t k = 1; k < a.trace.size(); ++k) {
            QVERIFY(a.trace[k].energy < a.trace[k - 1].energy);
            QVERIFY(a.trace[k].iteration >= a.trace[k - 1].iteration);
        }
        QVERIFY(near(a.trace.back().energy, a.energy, 1e-9));
    }

    void cutsAreLocallyOptimal()
    {
        const WeightedGraph g = randomRegularGraph(30, 3, WeightKind::Unit, 2);
        const HeuristicResult r = runBurerRank2(g, StartSource(30), iterationLimited(5, 1));
        const double cut = cutValue(g, r.bits);
        Bits x = r.bits;
        for (std::size_t v = 0; v < 30; ++v) {
            x[v] ^= 1U;
            QVERIFY(cutValue(g, x) <= cut + 1e-12);
            x[v] ^= 1U;
        }
    }

    void warmStartFromOptimumHitsAtFirstIteration()
    {
        const WeightedGraph g = erdosRenyiGraph(14, 0.4, WeightKind::Unit, 6);
        const SolverResult exact = solveQuboBruteForce(encodeMaxCut(g));
        BurerOptions options = iterationLimited(50, 1);
        options.targetCut = -exact.objective;
        options.perturbation = 0.05;  // stays in the optimum's basin: the relaxation rounds back to it
        const HeuristicResult r = runBurerRank2(g, StartSource(14, {exact.bits}), options);
        QVERIFY(r.reachedTarget());
        QCOMPARE(*r.targetIteration, std::uint64_t(1));
        QCOMPARE(r.runs, std::uint64_t(1));
    }

    void timeLimitAndCancelStop()
    {
        const WeightedGraph g = erdosRenyiGraph(200, 0.05, WeightKind::Uniform, 1);
        BurerOptions options;
        options.timeLimitSeconds = 0.2;
        const HeuristicResult timed = runBurerRank2(g, StartSource(200), options);
        QVERIFY(timed.timedOut);
        QVERIFY(timed.seconds < 5.0);  // generous: the limit is polled every gradient step

        RunControl control;
        control.requestCancel();
        options.timeLimitSeconds = 10.0;
        const HeuristicResult cancelled = runBurerRank2(g, StartSource(200), options, control);
        QVERIFY(cancelled.cancelled);
        QCOMPARE(cancelled.iterations, std::uint64_t(0));
    }

    void rejectsBadArguments()
    {
        const WeightedGraph g = erdosRenyiGraph(8, 0.5, WeightKind::Unit, 1);
        auto expectError = [&](const BurerOptions& options, std::size_t startBits, const char* where) {
            try {
                runBurerRank2(g, StartSource(startBits), options);
                QFAIL("no error");
            } catch (const Error& e) {
                QCOMPARE(e.code(), ErrorCode::InvalidArgument);
                QCOMPARE(QString::fromStdString(e.where()), QString::fromLatin1(where));
            }
        };
        expectError(BurerOptions{}, 8, "timeLimitSeconds");
        BurerOptions options = iterationLimited(1, 1);
        expectError(options, 7, "starts");
        options.maxFailures = 0;
        expectError(options, 8, "maxFailures");
        options = iterationLimited(1, 1);
        options.perturbation = 0.0;
        expectError(options, 8, "perturbation");
        options = iterationLimited(1, 1);
        options.targetCut = std::numeric_limits<double>::quiet_NaN();
        expectError(options, 8, "targetCut");
        double cut = 0.0;
        QVERIFY_THROWS_EXCEPTION(Error, bestAngleCut(g, std::vector<double>(3), cut));
    }
};

QTEST_APPLESS_MAIN(TstBurerRank2)
#include "burer_rank2.test.moc"
