// SPDX-License-Identifier: MIT
// Tests of QaoaJob: the job's numbers equal engine::runQaoa called directly, live points, landscape, cancel, errors.
#include "jobs/qaoa_job.h"

#include <QtTest>

#include "test_support.h"

#include "lcrp/lcrp_generator.h"
#include "qubo/ising_model.h"

#include <QSignalSpy>

#include <cmath>
#include <numbers>
#include <random>

using namespace workbench;

namespace {

QaoaRequest smallRequest(std::size_t tasks, std::size_t models, int slackBits)
{
    engine::LcrpGeneratorOptions generator;
    generator.numTasks = tasks;
    generator.numModels = models;
    generator.seed = 42;
    QaoaRequest request;
    request.instance = engine::generateLcrp(generator);
    request.encoding.budgetSlackBits = slackBits;
    request.settings.restarts = 2;
    request.settings.iterations = 15;
    request.settings.shots = 500;
    request.settings.seed = 7;
    request.settings.landscapeSteps = 12;
    return request;
}

/// The engine options written out by hand (not through qaoaRunOptions), as the reference for the job.
engine::QaoaRunOptions handOptions(const QaoaRequest& request)
{
    const QaoaSettings& s = request.settings;
    engine::QaoaRunOptions options;
    options.depth = s.depth;
    options.mixer = s.mixer;
    options.startFromGreedy = s.startFromGreedy;
    options.angles = s.angles;
    options.optimizer.method = s.optimizer;
    options.optimizer.restarts = s.restarts;
    options.optimizer.evaluationsPerRestart = s.iterations;
    options.optimizer.seed = s.seed;
    options.shots = s.shots;
    options.seed = s.seed;
    options.lcrpEncoding = request.encoding;
    return options;
}

/// Exact valid rate of the state at `angles`, through a separate Fixed-angle run without shots.
double validRateAt(const QaoaRequest& request, const engine::QaoaAngles& angles)
{
    engine::QaoaRunOptions options = handOptions(request);
    options.angles = engine::AngleMethod::Fixed;
    options.fixedAngles = angles;
    options.shots = 0;
    return engine::runQaoa(request.instance, options).lcrpExact->validRate;
}

/// Runs `job` on `request` to the end, collecting the live points.
std::vector<engine::QaoaProgressPoint> runToEnd(QaoaJob& job, const QaoaRequest& request)
{
    std::vector<engine::QaoaProgressPoint> points;
    const auto connection = QObject::connect(&job, &QaoaJob::pointsReady, &job,
                                             [&](const auto& batch) { points.insert(points.end(), batch.begin(), batch.end()); });
    QSignalSpy finished(&job, &QaoaJob::finished);
    if (!job.start(request) || !finished.wait(60000))
        return {};
    QObject::disconnect(connection);
    return points;
}

} // namespace

class TstQaoaJob : public QObject {
    Q_OBJECT

private slots:
    void deliversTheEngineResult_data();
    void deliversTheEngineResult();
    void landscapeMatchesTheAnalyticGrid();
    void landscapePointUsesTheSymmetries();
    void cancelStopsALongRun();
    void tooLargeRegistersFail();
};

void TstQaoaJob::deliversTheEngineResult_data()
{
    QTest::addColumn<int>("mixer");
    QTest::addColumn<int>("angles");
    QTest::addColumn<int>("optimizer");
    QTest::addColumn<int>("depth");
    QTest::newRow("x, cobyla, p=1") << int(engine::MixerKind::X) << int(engine::AngleMethod::Optimize)
                                    << int(engine::QaoaOptimizerMethod::Cobyla) << 1;
    QTest::newRow("xy parity, l-bfgs, p=2") << int(engine::MixerKind::XYParityRing) << int(engine::AngleMethod::Optimize)
                                            << int(engine::QaoaOptimizerMethod::Lbfgs) << 2;
    QTest::newRow("xy ring, predicted") << int(engine::MixerKind::XYRing) << int(engine::AngleMethod::Predicted)
                                        << int(engine::QaoaOptimizerMethod::Cobyla) << 2;
    QTest::newRow("warm start, ramp") << int(engine::MixerKind::WarmStart) << int(engine::AngleMethod::Ramp)
                                      << int(engine::QaoaOptimizerMethod::Bobyqa) << 3;
}

void TstQaoaJob::deliversTheEngineResult()
{
    QFETCH(int, mixer);
    QFETCH(int, angles);
    QFETCH(int, optimizer);
    QFETCH(int, depth);
    QaoaRequest request = smallRequest(2, 3, 2);
    request.settings.mixer = static_cast<engine::MixerKind>(mixer);
    request.settings.angles = static_cast<engine::AngleMethod>(angles);
    request.settings.optimizer = static_cast<engine::QaoaOptimizerMethod>(optimizer);
    request.settings.depth = static_cast<std::size_t>(depth);

    QaoaJob job;
    QSignalSpy started(&job, &QaoaJob::started);
    const std::vector<engine::QaoaProgressPoint> points = runToEnd(job, request);
    QCOMPARE(started.count(), 1);
    QCOMPARE(job.status(), QaoaJobStatus::Finished);
    const QaoaOutcome& outcome = job.outcome();
    QVERIFY2(outcome.succeeded, outcome.errorMessage.c_str());

    const engine::QaoaRunResult expected = engine::runQaoa(request.instance, handOptions(request));
    const engine::QaoaRunResult& got = outcome.result;
    QCOMPARE(got.numQubits, std::size_t{8});
    QAOA_COMPARE_NEAR(got.expectation, expected.expectation, 1e-9);
    QCOMPARE(got.evaluations, expected.evaluations);
    QCOMPARE(got.angles.depth(), expected.angles.depth());
    for (std::size_t k = 0; k < got.angles.depth(); ++k) {
        QAOA_COMPARE_NEAR(got.angles.gammas[k], expected.angles.gammas[k], 1e-9);
        QAOA_COMPARE_NEAR(got.angles.betas[k], expected.angles.betas[k], 1e-9);
    }
    QVERIFY(got.lcrpExact && expected.lcrpExact && got.lcrpSampled && expected.lcrpSampled);
    QAOA_COMPARE_NEAR(got.lcrpExact->validRate, expected.lcrpExact->validRate, 1e-9);
    QAOA_COMPARE_NEAR(got.lcrpSampled->validRate, expected.lcrpSampled->validRate, 1e-12);
    QAOA_COMPARE_NEAR(got.lcrpSampled->feasibleRate, expected.lcrpSampled->feasibleRate, 1e-12);
    QVERIFY(got.exact.arStar && expected.exact.arStar);
    QAOA_COMPARE_NEAR(*got.exact.arStar, *expected.exact.arStar, 1e-9);
    QCOMPARE(got.topStates.size(), expected.topStates.size());
    QCOMPARE(got.topStates.front().first, expected.topStates.front().first);
    QAOA_COMPARE_NEAR(outcome.uniformValidRate, std::pow(3.0 / 8.0, 2), 1e-12);  // (M / 2^M)^N
    QCOMPARE(outcome.encoding.qubo.numVariables(), std::size_t{8});

    // Live points: one per evaluation, in order, with the trace's values and the exact valid rate of their state.
    if (request.settings.angles != engine::AngleMethod::Optimize) {
        QVERIFY(points.empty());
        QCOMPARE(job.evaluationBudget(), std::uint64_t{0});
        return;
    }
    QCOMPARE(job.evaluationBudget(), std::uint64_t(request.settings.restarts * request.settings.iterations));
    QCOMPARE(points.size(), static_cast<std::size_t>(got.evaluations));
    QCOMPARE(points.size(), got.trace.size());
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t k = 0; k < points.size(); ++k) {
        QCOMPARE(points[k].evaluation, std::uint64_t(k + 1));
        QAOA_COMPARE_NEAR(points[k].energy, got.trace[k], 1e-12);
        best = std::min(best, got.trace[k]);
        QAOA_COMPARE_NEAR(points[k].bestEnergy, best, 1e-12);
        QVERIFY(points[k].validRate.has_value());
    }
    for (std::size_t k : {std::size_t{0}, points.size() / 2, points.size() - 1})
        QAOA_COMPARE_NEAR(*points[k].validRate, validRateAt(request, points[k].angles), 1e-9);
}

void TstQaoaJob::landscapeMatchesTheAnalyticGrid()
{
    QaoaRequest request = smallRequest(2, 3, 2);
    QaoaJob job;
    runToEnd(job, request);
    QCOMPARE(job.status(), QaoaJobStatus::Finished);
    const QaoaOutcome& outcome = job.outcome();
    QVERIFY(outcome.landscape.has_value());
    const engine::P1GridResult& grid = *outcome.landscape;
    QCOMPARE(grid.gammas.size(), std::size_t{12});
    QCOMPARE(grid.betas.size(), std::size_t{12});

    const engine::IsingModel ising = engine::toIsing(outcome.encoding.qubo);
    const engine::P1GridResult reference =
        engine::p1GridSearch(ising, landscapeGrid(outcome.result.angles, outcome.encoding.qubo, 12));
    QCOMPARE(grid.values.size(), reference.values.size());
    for (std::size_t k = 0; k < grid.values.size(); ++k)
        QAOA_COMPARE_NEAR(grid.values[k], reference.values[k], 1e-12);
    // The window holds the run's first-layer gamma with room on both sides.
    const auto [gamma, beta] = landscapePoint(outcome.result.angles);
    QVERIFY(gamma >= grid.gammas.front() && gamma <= grid.gammas.back());
    QVERIFY(beta >= grid.betas.front() && beta <= grid.betas.back());
    // At p = 1 with the X mixer the analytic formula gives the simulator's expectation at the marked point.
    QAOA_COMPARE_NEAR(engine::p1Expectation(ising, gamma, beta), outcome.result.expectation, 1e-8);
}

void TstQaoaJob::landscapePointUsesTheSymmetries()
{
    const QaoaRequest request = smallRequest(2, 2, 1);
    const engine::IsingModel ising = engine::toIsing(engine::encodeLcrp(request.instance, request.encoding).qubo);
    std::mt19937_64 rng(11);
    std::uniform_real_distribution<double> angle(-7.0, 7.0);
    for (int trial = 0; trial < 50; ++trial) {
        const engine::QaoaAngles angles{{angle(rng)}, {angle(rng)}};
        const auto [gamma, beta] = landscapePoint(angles);
        QVERIFY(gamma >= 0.0);
        QVERIFY(beta >= -std::numbers::pi / 2.0 && beta < std::numbers::pi / 2.0);
        QAOA_COMPARE_NEAR(engine::p1Expectation(ising, gamma, beta),
                          engine::p1Expectation(ising, angles.gammas[0], angles.betas[0]), 1e-9);
    }
    const auto none = landscapePoint(engine::QaoaAngles{});
    QCOMPARE(none.first, 0.0);
}

void TstQaoaJob::cancelStopsALongRun()
{
    QaoaRequest request = smallRequest(3, 4, 4);  // 16 qubits
    request.settings.restarts = MAX_QAOA_PANEL_RESTARTS;
    request.settings.iterations = MAX_QAOA_PANEL_ITERATIONS;  // minutes of work if not cancelled
    QaoaJob job;
    std::size_t received = 0;
    connect(&job, &QaoaJob::pointsReady, this, [&](const auto& batch) { received += batch.size(); });
    QSignalSpy finished(&job, &QaoaJob::finished);
    QVERIFY(job.start(request));
    QVERIFY(!job.start(request));  // one run at a time
    QTRY_VERIFY_WITH_TIMEOUT(received > 0, 20000);
    QVERIFY(job.isRunning());
    job.cancel();
    QVERIFY(finished.wait(20000));
    QCOMPARE(job.status(), QaoaJobStatus::Cancelled);
    const QaoaOutcome& outcome = job.outcome();
    QVERIFY(outcome.succeeded);
    QVERIFY(outcome.result.cancelled);
    QVERIFY(outcome.result.evaluations < job.evaluationBudget());
    QVERIFY(!outcome.landscape.has_value());
    // The best angles so far were still simulated.
    QCOMPARE(outcome.result.angles.depth(), std::size_t{1});
    QVERIFY(!outcome.result.topStates.empty());

    // The job is reusable after a cancel.
    request = smallRequest(2, 2, 1);
    QVERIFY(job.start(request));
    QVERIFY(finished.wait(20000));
    QCOMPARE(job.status(), QaoaJobStatus::Finished);
}

void TstQaoaJob::tooLargeRegistersFail()
{
    QaoaRequest request = smallRequest(5, 5, 0);  // 25 assignment qubits
    QaoaJob job;
    QSignalSpy finished(&job, &QaoaJob::finished);
    QVERIFY(job.start(request));
    QVERIFY(finished.wait(20000));
    QCOMPARE(job.status(), QaoaJobStatus::Failed);
    QCOMPARE(job.outcome().errorCode, engine::ErrorCode::LimitExceeded);
    QVERIFY(QString::fromStdString(job.outcome().errorMessage).contains(QStringLiteral("25 qubits")));

    request = smallRequest(2, 3, 2);
    request.settings.depth = 0;  // the engine rejects p = 0
    QVERIFY(job.start(request));
    QVERIFY(finished.wait(20000));
    QCOMPARE(job.status(), QaoaJobStatus::Failed);
    QCOMPARE(job.outcome().errorCode, engine::ErrorCode::InvalidArgument);
}

QTEST_MAIN(TstQaoaJob)
#include "qaoa_job.test.moc"
