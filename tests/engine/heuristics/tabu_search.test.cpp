// SPDX-License-Identifier: MIT
// Tests of STS and MST1: a from-scratch reference STS, identical trajectories of both move selections,
// brute-force optima, OR-Library bqp values, starts, targets, threads, cancel and argument checks.
#include "heuristics/tabu_search.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "graph/graph_generators.h"
#include "graph/graph_problems.h"
#include "io/instance_file.h"
#include "qubo/qubo_generator.h"
#include "solvers/brute_force.h"

#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

using namespace engine;

namespace {

// algorithms.md 4.1, written out again here so the reference does not share code with the library.
bool improves(double w1, double w2)
{
    return w1 - w2 > 1e-6 && (w2 <= 0.0 || w1 / w2 - 1.0 >= 1e-10);
}

struct ReferenceRun {
    Bits best;
    double bestValue = 0.0;       // maximised: -energy
    std::uint64_t iterations = 0;
    std::uint64_t operations = 0;
    std::vector<std::pair<std::uint64_t, double>> improvements;  // (iteration, energy) of each new best
    std::optional<std::uint64_t> targetIteration;
};

// Slow and obvious STS (algorithms.md 4.2) on f = -energy: every gain is recomputed from two full energy
// evaluations, f from scratch after every flip; f* starts at f(start) (4.4).
ReferenceRun referenceSts(const QuboModel& q, Bits x, std::uint64_t zMax, std::uint64_t maxIterations,
                          std::size_t tenure, std::optional<double> targetEnergy)
{
    const std::size_t n = x.size();
    auto value = [&](const Bits& y) { return -q.energy(y); };
    auto gain = [&](const Bits& y, std::size_t k) {
        Bits z = y;
        z[k] ^= 1;
        return value(z) - value(y);
    };
    auto reached = [&](double f) { return targetEnergy && !improves(-*targetEnergy, f); };
    ReferenceRun run;
    double f = value(x);
    double fStar = f;
    run.best = x;
    run.bestValue = f;
    if (reached(f)) {
        run.targetIteration = 1;
        return run;
    }
    std::vector<std::uint64_t> tabuUntil(n, 0);
    std::uint64_t z = 0;
    for (std::uint64_t iter = 0; z < zMax && (maxIterations == 0 || iter < maxIterations); ++iter) {
        double best = -std::numeric_limits<double>::max();
        std::size_t r = 0;
        bool aspire = false;
        for (std::size_t k = 0; k < n; ++k) {
            if (tabuUntil[k] > iter)
                continue;
            ++z;
            const double g = gain(x, k);
            if (improves(f + g, fStar)) {
                r = k;
                aspire = true;
                break;
            }
            if (g > best) {
                best = g;
                r = k;
            }
        }
        x[r] ^= 1;
        f = value(x);
        if (aspire) {
            for (bool changed = true; changed;) {
                changed = false;
                for (std::size_t k = 0; k < n; ++k) {
                    ++z;
                    if (improves(f + gain(x, k), f)) {
                        x[k] ^= 1;
                        f = value(x);
                        changed = true;
                    }
                }
            }
            fStar = f;
            run.best = x;
            run.bestValue = f;
            run.improvements.push_back({iter + 1, -f});
        }
        tabuUntil[r] = iter + tenure + 1;
        run.iterations = iter + 1;
        if (reached(f)) {
            run.targetIteration = iter + 1;
            break;
        }
    }
    run.operations = z;
    return run;
}

QuboModel integerQubo(std::size_t n, double density, std::uint64_t seed)
{
    RandomQuboOptions options;
    options.numVariables = n;
    options.density = density;
    options.integer = true;
    options.low = -10.0;
    options.high = 10.0;
    options.seed = seed;
    return randomQubo(options);
}

Bits randomBits(std::size_t n, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    Bits x(n);
    for (auto& b : x)
        b = static_cast<std::uint8_t>(rng() & 1U);
    return x;
}

const char* selectionName(TabuMoveSelection s)
{
    return s == TabuMoveSelection::FullScan ? "full scan" : "indexed";
}

} // namespace

class TstTabuSearch : public QObject {
    Q_OBJECT

private slots:
    void defaults()
    {
        QCOMPARE(defaultTabuOperationBudget(20), std::uint64_t{500000});
        QCOMPARE(defaultTabuOperationBudget(800), std::uint64_t{2800000});
        QCOMPARE(defaultTabuOperationBudget(1000), std::uint64_t{13000000});
        QCOMPARE(defaultTabuOperationBudget(2500), std::uint64_t{37500000});
        QCOMPARE(defaultTabuTenure(3), std::size_t{0});
        QCOMPARE(defaultTabuTenure(40), std::size_t{10});
        QCOMPARE(defaultTabuTenure(800), std::size_t{20});
    }

    void matchesReferenceRun_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<double>("density");
        QTest::addColumn<int>("tenure");
        QTest::addColumn<qulonglong>("zMax");
        QTest::addColumn<qulonglong>("maxIterations");
        QTest::newRow("n3 no tabu") << 3 << 1.0 << 0 << qulonglong(2000) << qulonglong(0);
        QTest::newRow("n8 dense") << 8 << 0.8 << 0 << qulonglong(5000) << qulonglong(0);
        QTest::newRow("n20 tenure 7") << 20 << 0.5 << 7 << qulonglong(20000) << qulonglong(0);
        QTest::newRow("n40 sparse") << 40 << 0.1 << 0 << qulonglong(40000) << qulonglong(0);
        QTest::newRow("n60 capped") << 60 << 0.3 << 0 << qulonglong(0) << qulonglong(300);
    }

    void matchesReferenceRun()
    {
        // Pass rule: on integer QUBOs (all sums exact) both selections reproduce the reference exactly: best
        // state and energy, iterations, operations z, and the (iteration, energy) of every new best.
        QFETCH(int, n);
        QFETCH(double, density);
        QFETCH(int, tenure);
        QFETCH(qulonglong, zMax);
        QFETCH(qulonglong, maxIterations);
        for (std::uint64_t seed = 1; seed <= 3; ++seed) {
            const QuboModel q = integerQubo(static_cast<std::size_t>(n), density, seed);
            const Bits start = randomBits(static_cast<std::size_t>(n), seed + 100);
            const std::size_t t = tenure != 0 ? static_cast<std::size_t>(tenure) : defaultTabuTenure(q.numVariables());
            const std::uint64_t budget = zMax != 0 ? zMax : defaultTabuOperationBudget(q.numVariables());
            const ReferenceRun ref = referenceSts(q, start, budget, maxIterations, t, std::nullopt);
            for (TabuMoveSelection selection : {TabuMoveSelection::FullScan, TabuMoveSelection::Indexed}) {
                TabuSearchOptions options;
                options.tenure = static_cast<std::size_t>(tenure);
                options.operationBudget = zMax;
                options.maxIterations = maxIterations;
                options.selection = selection;
                const HeuristicResult r = runTabuSearch(q, start, options);
                const QByteArray what = QByteArray(selectionName(selection)) + " seed " + QByteArray::number(qulonglong(seed));
                QVERIFY2(r.bits == ref.best, what);
                QVERIFY2(r.energy == -ref.bestValue, what);
                QVERIFY2(r.iterations == ref.iterations, what);
                QVERIFY2(r.operations == ref.operations, what);
                QCOMPARE(r.runs, std::uint64_t{1});
                QVERIFY2(!r.reachedTarget() && !r.cancelled && !r.timedOut, what);
                // The trace starts with the start (iteration 0), then every new best.
                QVERIFY2(r.trace.size() == ref.improvements.size() + 1, what);
                QCOMPARE(r.trace[0].iteration, std::uint64_t{0});
                QCOMPARE(r.trace[0].energy, q.energy(start));
                for (std::size_t i = 0; i < ref.improvements.size(); ++i) {
                    QVERIFY2(r.trace[i + 1].iteration == ref.improvements[i].first, what);
                    QVERIFY2(r.trace[i + 1].energy == ref.improvements[i].second, what);
                }
            }
        }
    }

    void targetIterationMatchesReference()
    {
        // Pass rule: with the brute-force optimum as target, each selection reaches it exactly when the reference
        // does, at the reference's t* (first iteration whose end state reaches it), and stops there; at least 3
        // of the 10 runs must reach it so the check is not empty.
        int reachedRuns = 0;
        for (std::uint64_t seed = 1; seed <= 10; ++seed) {
            const QuboModel q = integerQubo(14, 0.5, seed + 10);
            const double optimum = solveQuboBruteForce(q, 1).objective;
            const Bits start = randomBits(14, seed);
            const ReferenceRun ref = referenceSts(q, start, 20000, 0, defaultTabuTenure(14), optimum);
            reachedRuns += ref.targetIteration.has_value();
            for (TabuMoveSelection selection : {TabuMoveSelection::FullScan, TabuMoveSelection::Indexed}) {
                TabuSearchOptions options;
                options.operationBudget = 20000;
                options.targetEnergy = optimum;
                options.selection = selection;
                const HeuristicResult r = runTabuSearch(q, start, options);
                QCOMPARE(r.targetIteration, ref.targetIteration);
                QCOMPARE(r.iterations, ref.iterations);
                QCOMPARE(r.operations, ref.operations);
                if (r.reachedTarget()) {
                    QCOMPARE(r.iterations, *ref.targetIteration);
                    QVERIFY(*r.targetSeconds >= 0.0 && *r.targetSeconds <= r.seconds);
                    QCOMPARE(r.energy, optimum);
                } else {
                    QVERIFY(!r.targetSeconds.has_value());
                    QVERIFY(r.energy > optimum);
                }
            }
        }
        QVERIFY2(reachedRuns >= 3, qPrintable(QString::number(reachedRuns)));
    }

    void startAtTargetCountsOneIteration()
    {
        const QuboModel q = integerQubo(10, 0.6, 3);
        const SolverResult optimum = solveQuboBruteForce(q, 1);
        TabuSearchOptions options;
        options.targetEnergy = optimum.objective;
        const HeuristicResult r = runTabuSearch(q, optimum.bits, options);
        QCOMPARE(*r.targetIteration, std::uint64_t{1});
        QCOMPARE(r.iterations, std::uint64_t{0});
        QVERIFY(r.bits == optimum.bits);
    }

    void selectionsAgreeOnRealWeights()
    {
        // Pass rule: on real-valued Max-Cut (uniform weights, n = 300) the two selections make the same moves:
        // equal best state, iterations and operations, for a coupled single-thread MST1 of 3 runs.
        const QuboModel q = encodeMaxCut(randomRegularGraph(300, 5, WeightKind::Uniform, 4));
        const StartSource starts(q.numVariables());
        HeuristicResult results[2];
        int i = 0;
        for (TabuMoveSelection selection : {TabuMoveSelection::FullScan, TabuMoveSelection::Indexed}) {
            MultistartTabuOptions options;
            options.maxRuns = 3;
            options.search.operationBudget = 300000;
            options.search.seed = 5;
            options.search.selection = selection;
            results[i++] = runMultistartTabu(q, starts, options);
        }
        QVERIFY(results[0].bits == results[1].bits);
        QCOMPARE(results[0].energy, results[1].energy);
        QCOMPARE(results[0].iterations, results[1].iterations);
        QCOMPARE(results[0].operations, results[1].operations);
        QCOMPARE(results[0].runs, std::uint64_t{3});
        QCOMPARE(results[0].trace.size(), results[1].trace.size());
    }

    void multistartFindsBruteForceOptimum_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("threads");
        QTest::newRow("n4") << 4 << 1;
        QTest::newRow("n9") << 9 << 1;
        QTest::newRow("n13 two threads") << 13 << 2;
        QTest::newRow("n16") << 16 << 1;
        QTest::newRow("n16 two threads") << 16 << 2;
    }

    void multistartFindsBruteForceOptimum()
    {
        // Pass rule: 5 random real-valued QUBOs per size; MST1 with 4 runs of MQLib's default budget ends at the
        // brute-force minimum within 1e-9.
        QFETCH(int, n);
        QFETCH(int, threads);
        for (std::uint64_t seed = 1; seed <= 5; ++seed) {
            RandomQuboOptions generator;
            generator.numVariables = static_cast<std::size_t>(n);
            generator.seed = seed;
            const QuboModel q = randomQubo(generator);
            const double optimum = solveQuboBruteForce(q, 1).objective;
            MultistartTabuOptions options;
            options.maxRuns = 4;
            options.threads = threads;
            options.search.seed = seed;
            const StartSource starts(q.numVariables());
            const HeuristicResult r = runMultistartTabu(q, starts, options);
            QAOA_COMPARE_NEAR(r.energy, optimum, 1e-9);
            QAOA_COMPARE_NEAR(q.energy(r.bits), r.energy, 1e-12);
            QCOMPARE(r.runs, std::uint64_t{4});
        }
    }

    void orLibraryBqpValues_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<double>("bestKnown");
        QTest::addColumn<int>("threads");
        QTest::newRow("bqp50-1") << "orlib_bqp50.txt.gz" << 2098.0 << 1;
        QTest::newRow("bqp250-1 two threads") << "orlib_bqp250.txt.gz" << 45607.0 << 2;
    }

    void orLibraryBqpValues()
    {
        // Pass rule: MST1 with the best-known value as target reaches it within the 20 s limit (README: ms), and
        // the state's energy is exactly minus that value (OR-Library maximises).
        QFETCH(QString, file);
        QFETCH(double, bestKnown);
        QFETCH(int, threads);
        const std::string path = test_support::sharedPath("benchmarks/" + file.toStdString());
        if (!QFileInfo::exists(QString::fromStdString(path)))
            QSKIP("../shared/benchmarks not present");
        const QuboModel q = instanceQubo(loadInstance(path));
        MultistartTabuOptions options;
        options.threads = threads;
        options.search.timeLimitSeconds = 20.0;
        options.search.targetEnergy = -bestKnown;
        const HeuristicResult r = runMultistartTabu(q, StartSource(q.numVariables()), options);
        QVERIFY(r.reachedTarget());
        QCOMPARE(r.energy, -bestKnown);
        QCOMPARE(q.energy(r.bits), -bestKnown);
        QVERIFY(!r.timedOut);
        qInfo("%s: %.4f s, %llu iterations to the best-known value", qPrintable(file), *r.targetSeconds,
              static_cast<unsigned long long>(*r.targetIteration));
    }

    void independentPoolRunsEqualSeparateRuns()
    {
        // Pass rule: independent runs over a pool in order are exactly separate runTabuSearch calls: best energy =
        // the best of theirs, iterations and operations = their sums.
        const QuboModel q = integerQubo(30, 0.3, 8);
        std::vector<Bits> pool = {randomBits(30, 1), randomBits(30, 2), randomBits(30, 3)};
        TabuSearchOptions search;
        search.maxIterations = 150;
        double best = std::numeric_limits<double>::infinity();
        std::uint64_t iterations = 0;
        std::uint64_t operations = 0;
        for (const Bits& start : pool) {
            const HeuristicResult r = runTabuSearch(q, start, search);
            best = std::min(best, r.energy);
            iterations += r.iterations;
            operations += r.operations;
        }
        MultistartTabuOptions options;
        options.search = search;
        options.maxRuns = 3;
        options.independentRuns = true;
        const StartSource starts(30, pool, StartOrder::InOrder);
        const HeuristicResult r = runMultistartTabu(q, starts, options);
        QCOMPARE(r.energy, best);
        QCOMPARE(r.iterations, iterations);
        QCOMPARE(r.operations, operations);
        QCOMPARE(r.runs, std::uint64_t{3});
    }

    void seededSingleThreadIsReproducible()
    {
        const QuboModel q = integerQubo(50, 0.2, 4);
        MultistartTabuOptions options;
        options.maxRuns = 2;
        options.search.seed = 77;
        options.search.operationBudget = 100000;
        const StartSource starts(50);
        const HeuristicResult a = runMultistartTabu(q, starts, options);
        const HeuristicResult b = runMultistartTabu(q, starts, options);
        QVERIFY(a.bits == b.bits);
        QCOMPARE(a.iterations, b.iterations);
        QCOMPARE(a.operations, b.operations);
    }

    void targetStopsAllThreads()
    {
        // Pass rule: with 2 threads and the optimum as target the call stops with the target reached long before
        // its 60 s limit is used up (not a timing check: timedOut must be false).
        const QuboModel q = integerQubo(16, 0.5, 21);
        const double optimum = solveQuboBruteForce(q, 1).objective;
        MultistartTabuOptions options;
        options.threads = 2;
        options.search.timeLimitSeconds = 60.0;
        options.search.targetEnergy = optimum;
        const HeuristicResult r = runMultistartTabu(q, StartSource(16), options);
        QVERIFY(r.reachedTarget());
        QVERIFY(!r.timedOut);
        QCOMPARE(r.energy, optimum);
        QVERIFY(*r.targetIteration >= 1);
    }

    void timeLimitAndCancel()
    {
        const QuboModel q = encodeMaxCut(randomRegularGraph(200, 3, WeightKind::Unit, 2));
        MultistartTabuOptions options;
        options.search.timeLimitSeconds = 0.05;
        HeuristicResult r = runMultistartTabu(q, StartSource(200), options);
        QVERIFY(r.timedOut);
        QVERIFY(!r.cancelled);
        QCOMPARE(r.bits.size(), std::size_t{200});
        QCOMPARE(r.energy, q.energy(r.bits));

        RunControl control;
        control.requestCancel();
        options.search.timeLimitSeconds = 600.0;
        options.threads = 2;
        r = runMultistartTabu(q, StartSource(200), options, control);
        QVERIFY(r.cancelled);
        QCOMPARE(r.bits.size(), std::size_t{200});
    }

    void emptyQubo()
    {
        QuboModel q;
        q.addOffset(2.5);
        TabuSearchOptions options;
        options.targetEnergy = 3.0;
        const HeuristicResult r = runTabuSearch(q, {}, options);
        QVERIFY(r.bits.empty());
        QCOMPARE(r.energy, 2.5);
        QCOMPARE(*r.targetIteration, std::uint64_t{1});
    }

    void rejectsBadArguments()
    {
        const QuboModel q = integerQubo(8, 0.5, 1);
        auto expectError = [](auto&& call, const char* where) {
            try {
                call();
                QFAIL("no error");
            } catch (const Error& e) {
                QCOMPARE(e.code(), ErrorCode::InvalidArgument);
                QCOMPARE(QString::fromStdString(e.where()), QString::fromLatin1(where));
            }
        };
        expectError([&] { runTabuSearch(q, Bits(7, 0)); }, "start");
        expectError([&] { runTabuSearch(q, Bits{0, 1, 2, 0, 0, 0, 0, 0}); }, "start");
        TabuSearchOptions bad;
        bad.tenure = 8;
        expectError([&] { runTabuSearch(q, Bits(8, 0), bad); }, "tenure");
        bad = {};
        bad.targetEnergy = std::nan("");
        expectError([&] { runTabuSearch(q, Bits(8, 0), bad); }, "targetEnergy");
        bad = {};
        bad.timeLimitSeconds = -1.0;
        expectError([&] { runTabuSearch(q, Bits(8, 0), bad); }, "timeLimitSeconds");
        MultistartTabuOptions multi;
        expectError([&] { runMultistartTabu(q, StartSource(8), multi); }, "timeLimitSeconds");
        multi.maxRuns = 1;
        multi.threads = -1;
        expectError([&] { runMultistartTabu(q, StartSource(8), multi); }, "threads");
        multi.threads = 1;
        expectError([&] { runMultistartTabu(q, StartSource(9), multi); }, "starts");
    }
};

QTEST_APPLESS_MAIN(TstTabuSearch)
#include "tabu_search.test.moc"
