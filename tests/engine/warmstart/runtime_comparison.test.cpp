// SPDX-License-Identifier: MIT
// Tests of the expected-runtime comparison: every method's row, the target's source, warm starts from the
// optimum, cancel and argument checks.
#include "warmstart/runtime_comparison.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "graph/graph_generators.h"
#include "graph/graph_problems.h"
#include "solvers/brute_force.h"

using namespace engine;
using test_support::near;

namespace {

const MethodRuntime* row(const RuntimeComparison& c, const std::string& method)
{
    for (const MethodRuntime& m : c.methods)
        if (m.method == method)
            return &m;
    return nullptr;
}

RuntimeComparisonOptions quick()
{
    RuntimeComparisonOptions o;
    o.runs = 8;
    o.timeLimitSeconds = 0.05;
    o.exactTimeLimitSeconds = 30.0;
    return o;
}

} // namespace

class TstRuntimeComparison : public QObject {
    Q_OBJECT

private slots:
    void everyMethodFindsASmallOptimum()
    {
        // 16 vertices: every heuristic reaches the optimum in far less than 0.05 s, so all runs succeed and
        // R_min is the time of the slowest-needed T, inside the cap.
        const WeightedGraph g = randomRegularGraph(16, 3, WeightKind::Unit, 3);
        const double optimum = -solveQuboBruteForce(encodeMaxCut(g)).objective;
        const SolverResult exactBits = solveQuboBruteForce(encodeMaxCut(g));
        const RuntimeComparison c = compareExpectedRuntimes(g, {exactBits.bits}, std::nullopt, quick());
        QVERIFY(!c.cancelled);
        QCOMPARE(c.optimumSource, std::string("exact_solver"));
        QVERIFY(near(c.optimumCut, optimum, 1e-9));
        QCOMPARE(c.methods.size(), std::size_t(5));
        for (const char* method : {"tabu", "tabu-warm", "vns", "burer"}) {
            const MethodRuntime* m = row(c, method);
            QVERIFY2(m, method);
            QCOMPARE(m->runtime.runs, std::size_t(8));
            QCOMPARE(m->runtime.successes, std::size_t(8));
            QVERIFY(!m->runtime.censored);
            QVERIFY(m->runtime.value > 0.0 && m->runtime.value <= 0.05);
            QVERIFY(m->medianSeconds <= 0.05);
        }
        const MethodRuntime* exact = row(c, "exact");
        QVERIFY(exact);
        QCOMPARE(exact->runtime.successes, std::size_t(1));
        QVERIFY(exact->runtime.value > 0.0);
        // Warm starts at the optimum succeed at the start itself: faster than searching from random bits.
        QVERIFY(row(c, "tabu-warm")->runtime.value <= row(c, "tabu")->runtime.value);
    }

    void givenOptimumAndNoPool()
    {
        const WeightedGraph g = erdosRenyiGraph(14, 0.3, WeightKind::Uniform, 5);
        const double optimum = -solveQuboBruteForce(encodeMaxCut(g)).objective;
        RuntimeComparisonOptions o = quick();
        o.exact = false;
        const RuntimeComparison c = compareExpectedRuntimes(g, {}, optimum, o);
        QCOMPARE(c.optimumSource, std::string("given"));
        QCOMPARE(c.methods.size(), std::size_t(3));
        QVERIFY(!row(c, "tabu-warm"));
        QVERIFY(!row(c, "exact"));
    }

    void unreachableTargetIsCensored()
    {
        const WeightedGraph g = randomRegularGraph(12, 3, WeightKind::Unit, 1);
        RuntimeComparisonOptions o = quick();
        o.runs = 2;
        o.timeLimitSeconds = 0.01;
        o.exact = false;
        const RuntimeComparison c = compareExpectedRuntimes(g, {}, 1000.0, o);
        for (const MethodRuntime& m : c.methods) {
            QVERIFY(m.runtime.censored);
            QCOMPARE(m.runtime.successes, std::size_t(0));
            QVERIFY(std::isinf(m.medianSeconds));
        }
    }

    void cancelStopsEarly()
    {
        RunControl control;
        control.requestCancel();
        const RuntimeComparison c =
            compareExpectedRuntimes(randomRegularGraph(12, 3, WeightKind::Unit, 1), {}, std::nullopt, quick(), control);
        QVERIFY(c.cancelled);
        QVERIFY(c.methods.empty());
    }

    void rejectsBadArguments()
    {
        const WeightedGraph g = randomRegularGraph(8, 3, WeightKind::Unit, 1);
        RuntimeComparisonOptions o = quick();
        o.runs = 0;
        QVERIFY_THROWS_EXCEPTION(Error, compareExpectedRuntimes(g, {}, std::nullopt, o));
        o = quick();
        o.timeLimitSeconds = 0.0;
        QVERIFY_THROWS_EXCEPTION(Error, compareExpectedRuntimes(g, {}, std::nullopt, o));
        try {
            compareExpectedRuntimes(g, {Bits(7, 0)}, std::nullopt, quick());
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(QString::fromStdString(e.where()), QStringLiteral("pool[0]"));
        }
    }
};

QTEST_APPLESS_MAIN(TstRuntimeComparison)
#include "runtime_comparison.test.moc"
