// SPDX-License-Identifier: MIT
// Tests of QAOA angle optimisation: known optima, improvement, reproducibility, budget, progress and cancel.
#include "qaoa/qaoa_optimizer.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "graph/graph_problems.h"
#include "lcrp/lcrp_encoder.h"
#include "lcrp_test_instances.h"

#include <algorithm>
#include <cmath>
#include <numbers>

using namespace engine;

Q_DECLARE_METATYPE(engine::QaoaOptimizerMethod)

namespace {

// K_{3,3}: 3-regular and triangle-free, so the p = 1 optimum is the tree value 1/2 + 1/(3 sqrt 3) per edge
// (algorithms.md 2.2): <cut> = 9/2 + sqrt(3), <f> = -<cut>.
constexpr double K33_P1_OPTIMUM = -(4.5 + std::numbers::sqrt3);

QuboModel k33MaxCut()
{
    WeightedGraph graph(6);
    for (std::size_t u = 0; u < 3; ++u)
        for (std::size_t v = 3; v < 6; ++v)
            graph.addEdge(u, v);
    return encodeMaxCut(graph);
}

QuboModel triangleMaxCut()
{
    WeightedGraph graph(3);
    graph.addEdge(0, 1);
    graph.addEdge(1, 2);
    graph.addEdge(0, 2);
    return encodeMaxCut(graph);
}

template <typename F>
ErrorCode errorCodeOf(F&& call)
{
    try {
        call();
    } catch (const Error& e) {
        return e.code();
    }
    QTest::qFail("no engine::Error was thrown", __FILE__, __LINE__);
    return ErrorCode::SolverFailure;
}

} // namespace

class TstQaoaOptimizer : public QObject {
    Q_OBJECT

private slots:
    void reachesTheK33Optimum_data()
    {
        QTest::addColumn<QaoaOptimizerMethod>("method");
        QTest::addColumn<double>("tolerance");
        QTest::newRow("cobyla") << QaoaOptimizerMethod::Cobyla << 1e-6;
        QTest::newRow("bobyqa") << QaoaOptimizerMethod::Bobyqa << 1e-6;
        QTest::newRow("lbfgs") << QaoaOptimizerMethod::Lbfgs << 1e-9;
    }

    void reachesTheK33Optimum()
    {
        QFETCH(QaoaOptimizerMethod, method);
        QFETCH(double, tolerance);
        const QaoaSimulator<double> sim(k33MaxCut());
        QaoaOptimizerOptions options;
        options.method = method;
        options.restarts = 4;
        options.evaluationsPerRestart = 120;
        options.xTolerance = 1e-9;
        options.seed = 7;
        const QaoaOptimizationResult r = optimizeQaoa(sim, options);
        const QString message =
            QStringLiteral("%1: best %2").arg(QString::fromStdString(r.method)).arg(r.bestExpectation, 0, 'g', 15);
        QVERIFY2(std::abs(r.bestExpectation - K33_P1_OPTIMUM) < tolerance, qPrintable(message));
        // The reported best is the value at the reported angles.
        QAOA_COMPARE_NEAR(sim.expectation(r.bestAngles), r.bestExpectation, 1e-13);
        QCOMPARE(r.method, std::string(qaoaOptimizerMethodName(method)));
        QVERIFY(!r.cancelled);
        QVERIFY(r.seconds >= 0.0);
    }

    void improvesOverTheStart()
    {
        // K3 from a poor start (the paper's COBYLA, one restart of 40 evaluations). The first evaluation is the
        // start itself, the best is much lower than it.
        const QaoaSimulator<double> sim(triangleMaxCut());
        QaoaOptimizerOptions options;
        options.restarts = 1;
        options.evaluationsPerRestart = 40;
        options.start = QaoaAngles{{0.05}, {0.05}};
        const QaoaOptimizationResult r = optimizeQaoa(sim, options);
        const double startValue = sim.expectation(*options.start);
        QAOA_COMPARE_NEAR(r.trace.front(), startValue, 1e-14);
        QVERIFY2(r.bestExpectation < startValue - 0.3,
                 qPrintable(QStringLiteral("start %1 best %2").arg(startValue).arg(r.bestExpectation)));
        QCOMPARE(r.restartStartAngles.front().gammas, options.start->gammas);
        QCOMPARE(r.bestExpectation, *std::min_element(r.trace.begin(), r.trace.end()));
    }

    void reproducibleForASeed()
    {
        const QaoaSimulator<double> sim(k33MaxCut());
        QaoaOptimizerOptions options;
        options.depth = 2;
        options.restarts = 3;
        options.evaluationsPerRestart = 30;
        options.seed = 1234;
        const QaoaOptimizationResult a = optimizeQaoa(sim, options);
        const QaoaOptimizationResult b = optimizeQaoa(sim, options);
        QCOMPARE(a.trace, b.trace);
        QCOMPARE(a.bestAngles.flatten(), b.bestAngles.flatten());
        QCOMPARE(a.bestExpectation, b.bestExpectation);
        options.seed = 1235;
        const QaoaOptimizationResult c = optimizeQaoa(sim, options);
        QVERIFY(c.trace != a.trace);
        // Random starts lie in [0, pi) and have 2p entries.
        for (const QaoaAngles& start : a.restartStartAngles) {
            QCOMPARE(start.depth(), std::size_t{2});
            for (double v : start.flatten())
                QVERIFY(v >= 0.0 && v < std::numbers::pi);
        }
    }

    void givenStartOnlyReplacesTheFirstRestart()
    {
        const QaoaSimulator<double> sim(triangleMaxCut());
        QaoaOptimizerOptions options;
        options.restarts = 3;
        options.evaluationsPerRestart = 5;
        options.seed = 3;
        const QaoaOptimizationResult random = optimizeQaoa(sim, options);
        options.start = QaoaAngles{{0.2}, {0.4}};
        const QaoaOptimizationResult started = optimizeQaoa(sim, options);
        QCOMPARE(started.restartStartAngles[0].flatten(), (std::vector<double>{0.2, 0.4}));
        QCOMPARE(started.restartStartAngles[1].flatten(), random.restartStartAngles[1].flatten());
        QCOMPARE(started.restartStartAngles[2].flatten(), random.restartStartAngles[2].flatten());
        // The start's depth wins over options.depth.
        options.depth = 5;
        options.start = QaoaAngles{{0.2, 0.1}, {0.4, 0.3}};
        QCOMPARE(optimizeQaoa(sim, options).bestAngles.depth(), std::size_t{2});
    }

    void respectsTheEvaluationBudget_data()
    {
        QTest::addColumn<QaoaOptimizerMethod>("method");
        QTest::newRow("cobyla") << QaoaOptimizerMethod::Cobyla;
        QTest::newRow("bobyqa") << QaoaOptimizerMethod::Bobyqa;
        QTest::newRow("lbfgs") << QaoaOptimizerMethod::Lbfgs;
    }

    void respectsTheEvaluationBudget()
    {
        QFETCH(QaoaOptimizerMethod, method);
        const QaoaSimulator<double> sim(k33MaxCut());
        QaoaOptimizerOptions options;
        options.method = method;
        options.depth = 2;
        options.restarts = 3;
        options.evaluationsPerRestart = 7;
        options.xTolerance = 0.0;  // nothing but the budget stops a run
        std::uint64_t callbacks = 0;
        options.onEvaluation = [&](std::uint64_t evaluation, int restart, double value, const QaoaAngles& angles) {
            ++callbacks;
            QCOMPARE(evaluation, callbacks);
            QVERIFY(restart >= 0 && restart < 3);
            QAOA_COMPARE_NEAR(value, sim.expectation(angles), 1e-13);
        };
        RunControl control;
        std::uint64_t progressCalls = 0;
        double lastDone = 0.0;
        control.setProgressCallback([&](double done, double total, std::string_view) {
            ++progressCalls;
            QVERIFY(done > lastDone);
            QCOMPARE(total, 21.0);
            lastDone = done;
        });
        const QaoaOptimizationResult r = optimizeQaoa(sim, options, control);
        QCOMPARE(r.evaluations, std::uint64_t{21});  // 7 per run with the tolerance off
        QCOMPARE(r.trace.size(), std::size_t{21});
        QCOMPARE(callbacks, r.evaluations);
        QCOMPARE(progressCalls, r.evaluations);
        QCOMPARE(r.restartStarts, (std::vector<std::uint64_t>{0, 7, 14}));
        QCOMPARE(r.restartBest.size(), std::size_t{3});
        for (std::size_t run = 0; run < 3; ++run)
            QCOMPARE(r.restartBest[run], *std::min_element(r.trace.begin() + std::ptrdiff_t(7 * run),
                                                          r.trace.begin() + std::ptrdiff_t(7 * run + 7)));
    }

    void cancelKeepsTheBestSoFar()
    {
        const QaoaSimulator<double> sim(k33MaxCut());
        RunControl control;
        QaoaOptimizerOptions options;  // the paper's 8 x 80
        options.onEvaluation = [&](std::uint64_t evaluation, int, double, const QaoaAngles&) {
            if (evaluation == 10)
                control.requestCancel();
        };
        const QaoaOptimizationResult r = optimizeQaoa(sim, options, control);
        QVERIFY(r.cancelled);
        QCOMPARE(r.evaluations, std::uint64_t{10});
        QCOMPARE(r.restartStarts.size(), std::size_t{1});  // no further restart began
        QCOMPARE(r.bestExpectation, *std::min_element(r.trace.begin(), r.trace.end()));
        QAOA_COMPARE_NEAR(sim.expectation(r.bestAngles), r.bestExpectation, 1e-13);

        // Cancelled before the first evaluation: nothing evaluated, no throw.
        RunControl early;
        early.setCancelCallback([] { return true; });
        const QaoaOptimizationResult none = optimizeQaoa(sim, QaoaOptimizerOptions{}, early);
        QVERIFY(none.cancelled);
        QCOMPARE(none.evaluations, std::uint64_t{0});
        QVERIFY(std::isinf(none.bestExpectation));
        QVERIFY(none.bestAngles.gammas.empty());
    }

    void gradientIsRequestedOnlyByLbfgs_data() { respectsTheEvaluationBudget_data(); }
    void gradientIsRequestedOnlyByLbfgs()
    {
        // A smooth periodic bowl with its minimum at known angles: sum_i (1 - cos(x_i - t_i)).
        QFETCH(QaoaOptimizerMethod, method);
        const std::vector<double> target{0.3, -0.8, 1.1, 0.25};
        std::uint64_t withGradient = 0;
        std::uint64_t calls = 0;
        const QaoaObjective bowl = [&](const QaoaAngles& angles, std::vector<double>* gradient) {
            ++calls;
            const std::vector<double> x = angles.flatten();
            double value = 0.0;
            if (gradient) {
                ++withGradient;
                gradient->assign(x.size(), 0.0);
            }
            for (std::size_t i = 0; i < x.size(); ++i) {
                value += 1.0 - std::cos(x[i] - target[i]);
                if (gradient)
                    (*gradient)[i] = std::sin(x[i] - target[i]);
            }
            return value;
        };
        QaoaOptimizerOptions options;
        options.method = method;
        options.depth = 2;
        options.restarts = 2;
        options.evaluationsPerRestart = 200;
        options.startLow = -0.5;
        options.startHigh = 0.5;
        options.xTolerance = 1e-10;
        const QaoaOptimizationResult r = optimizeQaoaAngles(bowl, options);
        QCOMPARE(calls, r.evaluations);
        QCOMPARE(withGradient, method == QaoaOptimizerMethod::Lbfgs ? calls : std::uint64_t{0});
        QVERIFY2(r.bestExpectation < 1e-12, qPrintable(QString::number(r.bestExpectation)));
        const std::vector<double> best = r.bestAngles.flatten();
        for (std::size_t i = 0; i < best.size(); ++i)
            QVERIFY(std::abs(best[i] - target[i]) < 1e-5);
    }

    void objectiveErrorsPassThrough()
    {
        std::uint64_t calls = 0;
        const QaoaObjective failing = [&](const QaoaAngles&, std::vector<double>*) -> double {
            if (++calls == 3)
                throw Error(ErrorCode::InvalidInput, "boom", "objective");
            return 1.0;
        };
        QCOMPARE(errorCodeOf([&] { optimizeQaoaAngles(failing, QaoaOptimizerOptions{}); }), ErrorCode::InvalidInput);
        QCOMPARE(calls, std::uint64_t{3});

        const QaoaObjective nan = [](const QaoaAngles&, std::vector<double>*) { return std::nan(""); };
        QCOMPARE(errorCodeOf([&] { optimizeQaoaAngles(nan, QaoaOptimizerOptions{}); }), ErrorCode::SolverFailure);

        const QaoaObjective shortGradient = [](const QaoaAngles&, std::vector<double>* gradient) {
            if (gradient)
                gradient->assign(1, 0.0);
            return 0.0;
        };
        QaoaOptimizerOptions lbfgs;
        lbfgs.method = QaoaOptimizerMethod::Lbfgs;
        QCOMPARE(errorCodeOf([&] { optimizeQaoaAngles(shortGradient, lbfgs); }), ErrorCode::SolverFailure);
    }

    void rejectsBadOptions_data()
    {
        QTest::addColumn<int>("variant");
        QTest::addColumn<QString>("where");
        QTest::addColumn<int>("code");
        const int invalid = int(ErrorCode::InvalidArgument);
        QTest::newRow("restarts") << 0 << "options.restarts" << invalid;
        QTest::newRow("evaluations") << 1 << "options.evaluationsPerRestart" << invalid;
        QTest::newRow("step") << 2 << "options.initialStep" << invalid;
        QTest::newRow("range") << 3 << "options.startLow" << invalid;
        QTest::newRow("depth") << 4 << "options.depth" << invalid;
        QTest::newRow("start sizes") << 5 << "options.start" << invalid;
        QTest::newRow("start nan") << 6 << "options.start" << invalid;
        QTest::newRow("xtol") << 7 << "options.xTolerance" << invalid;
        QTest::newRow("deep") << 8 << "options.depth" << int(ErrorCode::LimitExceeded);
        QTest::newRow("budget") << 9 << "options.evaluationsPerRestart" << int(ErrorCode::LimitExceeded);
    }

    void rejectsBadOptions()
    {
        QFETCH(int, variant);
        QFETCH(QString, where);
        QFETCH(int, code);
        QaoaOptimizerOptions o;
        switch (variant) {
        case 0: o.restarts = 0; break;
        case 1: o.evaluationsPerRestart = 0; break;
        case 2: o.initialStep = 0.0; break;
        case 3: o.startLow = 2.0; o.startHigh = 1.0; break;
        case 4: o.depth = 0; break;
        case 5: o.start = QaoaAngles{{0.1}, {}}; break;
        case 6: o.start = QaoaAngles{{std::nan("")}, {0.1}}; break;
        case 7: o.xTolerance = -1.0; break;
        case 8: o.depth = MAX_QAOA_OPTIMIZER_DEPTH + 1; break;
        case 9: o.restarts = 100000; o.evaluationsPerRestart = 1000; break;
        default: QFAIL("unknown variant");
        }
        const QaoaObjective zero = [](const QaoaAngles&, std::vector<double>*) { return 0.0; };
        try {
            optimizeQaoaAngles(zero, o);
            QFAIL("bad options were accepted");
        } catch (const Error& e) {
            QCOMPARE(int(e.code()), code);
            QCOMPARE(QString::fromStdString(e.where()), where);
        }
    }

    void xyAnsatzAndSinglePrecision()
    {
        // An LCRP 2x3 register with the parity XY mixer from W states, optimised in float: the expectation drops
        // below the start's and every evaluated state stays feasible (the optimum is a real routing energy).
        const LcrpInstance instance = test_support::referenceLcrpInstance(2, 3, 10.0);
        LcrpEncoderOptions encoderOptions;
        encoderOptions.objective = LcrpObjectiveKind::ReferenceV2;
        const LcrpEncoding encoding = encodeLcrp(instance, encoderOptions);
        const QaoaSimulator<float> sim(encoding.qubo, makeLcrpXYAnsatz(encoding, MixerKind::XYParityRing));
        QaoaOptimizerOptions options;
        options.restarts = 2;
        options.evaluationsPerRestart = 40;
        options.start = QaoaAngles{{0.0}, {0.0}};
        const QaoaOptimizationResult r = optimizeQaoa(sim, options);
        QVERIFY(r.bestExpectation < r.trace.front() - 1e-3);
        QAOA_COMPARE_NEAR(sim.expectation(r.bestAngles), r.bestExpectation, 1e-12);
    }

    void methodNames()
    {
        for (QaoaOptimizerMethod m : {QaoaOptimizerMethod::Cobyla, QaoaOptimizerMethod::Bobyqa,
                                      QaoaOptimizerMethod::Lbfgs})
            QCOMPARE(qaoaOptimizerMethodFromName(qaoaOptimizerMethodName(m)), m);
        QCOMPARE(errorCodeOf([] { qaoaOptimizerMethodFromName("adam"); }), ErrorCode::InvalidArgument);
    }
};

QTEST_APPLESS_MAIN(TstQaoaOptimizer)
#include "qaoa_optimizer.test.moc"
