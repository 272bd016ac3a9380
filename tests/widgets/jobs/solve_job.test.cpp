// SPDX-License-Identifier: MIT
// Tests of SolveJob: each solver off the GUI thread gives the engine's own result; cancel stops a long run.
#include "jobs/solve_job.h"

#include <QtTest>

#include "test_support.h"

#include "jobs/run_control_bridge.h"
#include "lcrp/lcrp_generator.h"
#include "solvers/lcrp_annealer.h"
#include "solvers/lcrp_exact_solver.h"
#include "solvers/lcrp_greedy.h"

#include <QSignalSpy>
#include <QThread>

using namespace workbench;

namespace {

SolveRequest paperRequest(SolverChoice solver)
{
    engine::LcrpGeneratorOptions options;
    options.numTasks = 4;
    options.numModels = 3;
    options.seed = 42;
    SolveRequest request{engine::generateLcrp(options), WorkbenchSettings{}};
    request.settings.solver = solver;
    request.settings.seed = 1234;
    request.settings.annealingSteps = 5000;
    request.settings.annealingRestarts = 2;
    return request;
}

/// The engine called directly, without going through runSolver, as the reference for the job.
engine::SolverResult direct(const SolveRequest& request)
{
    const WorkbenchSettings& s = request.settings;
    switch (s.solver) {
    case SolverChoice::GreedyPaper:
        return engine::solveLcrpGreedy(request.instance, engine::GreedyVariant::Paper, s.objective);
    case SolverChoice::GreedyBudgetAware:
        return engine::solveLcrpGreedy(request.instance, engine::GreedyVariant::BudgetAware, s.objective);
    case SolverChoice::Annealing: {
        engine::LcrpAnnealingOptions options;
        options.seed = s.seed;
        options.steps = s.annealingSteps;
        options.restarts = s.annealingRestarts;
        options.objective = s.objective;
        return engine::solveLcrpAnnealing(request.instance, options);
    }
    case SolverChoice::Exact: {
        engine::LcrpExactOptions options;
        options.budget = s.exactSoftBudget ? engine::BudgetMode::Soft : engine::BudgetMode::Hard;
        options.hardPairConstraints = s.exactHardPairConstraints;
        options.objective = s.objective;
        options.timeLimitSeconds = s.exactTimeLimitSeconds;
        return engine::solveLcrpExact(request.instance, options);
    }
    }
    return {};
}

} // namespace

class TstSolveJob : public QObject {
    Q_OBJECT

private slots:
    void deliversTheEngineResult_data();
    void deliversTheEngineResult();
    void cancelStopsALongAnnealingRun();
    void solverErrorsBecomeFailedJobs();
    void bridgeReportsMonotoneProgressAndCancel();
};

void TstSolveJob::deliversTheEngineResult_data()
{
    QTest::addColumn<int>("solver");
    QTest::addColumn<bool>("softBudget");
    QTest::addColumn<bool>("hardPairs");
    QTest::newRow("greedy") << int(SolverChoice::GreedyPaper) << false << true;
    QTest::newRow("greedy budget-aware") << int(SolverChoice::GreedyBudgetAware) << false << true;
    QTest::newRow("annealing") << int(SolverChoice::Annealing) << false << true;
    QTest::newRow("exact, hard budget, soft pairs") << int(SolverChoice::Exact) << false << false;
    QTest::newRow("exact, soft budget, soft pairs") << int(SolverChoice::Exact) << true << false;
}

void TstSolveJob::deliversTheEngineResult()
{
    QFETCH(int, solver);
    QFETCH(bool, softBudget);
    QFETCH(bool, hardPairs);
    SolveRequest request = paperRequest(static_cast<SolverChoice>(solver));
    request.settings.exactSoftBudget = softBudget;
    request.settings.exactHardPairConstraints = hardPairs;

    SolveJob job;
    QSignalSpy started(&job, &SolveJob::started);
    QSignalSpy finished(&job, &SolveJob::finished);
    QVERIFY(job.start(request));
    QVERIFY(job.isRunning());
    QVERIFY(!job.start(request));  // one run at a time
    QCOMPARE(started.count(), 1);
    QVERIFY(finished.wait(30000));
    QCOMPARE(job.status(), JobStatus::Finished);
    QVERIFY(!job.isRunning());

    const SolveOutcome& outcome = job.outcome();
    QVERIFY2(outcome.succeeded, outcome.errorMessage.c_str());
    const engine::SolverResult expected = direct(request);
    QCOMPARE(outcome.result.status, expected.status);
    QCOMPARE(outcome.result.assignment, expected.assignment);
    QAOA_COMPARE_NEAR(outcome.result.objective, expected.objective, 1e-9);
    QCOMPARE(outcome.result.assignment.size(), request.instance.numTasks());
    // runSolver (what the worker calls) is the same call as the direct one.
    QCOMPARE(runSolver(request).assignment, expected.assignment);
}

void TstSolveJob::cancelStopsALongAnnealingRun()
{
    engine::LcrpGeneratorOptions options;
    options.numTasks = 40;
    options.numModels = 5;
    options.seed = 3;
    SolveRequest request{engine::generateLcrp(options), WorkbenchSettings{}};
    request.settings.solver = SolverChoice::Annealing;
    request.settings.annealingSteps = MAX_ANNEALING_STEPS;  // minutes of work if not cancelled

    SolveJob job;
    QSignalSpy progress(&job, &SolveJob::progressChanged);
    QSignalSpy finished(&job, &SolveJob::finished);
    QVERIFY(job.start(request));

    // The GUI thread keeps running its event loop while the solver works: timers fire, progress arrives.
    bool timerFired = false;
    QTimer::singleShot(50, this, [&] { timerFired = true; });
    QTRY_VERIFY_WITH_TIMEOUT(timerFired && progress.count() > 0, 10000);
    QVERIFY(job.isRunning());
    QVERIFY(QThread::currentThread() == thread());

    job.cancel();
    QVERIFY(finished.wait(10000));
    QCOMPARE(job.status(), JobStatus::Cancelled);
    const SolveOutcome& outcome = job.outcome();
    QVERIFY(outcome.succeeded);
    QCOMPARE(outcome.result.status, engine::SolverStatus::Cancelled);
    // The best assignment found so far is still delivered.
    QCOMPARE(outcome.result.assignment.size(), request.instance.numTasks());
    QVERIFY(outcome.result.iterations < MAX_ANNEALING_STEPS);

    // The job is reusable after a cancel.
    request.settings.annealingSteps = 100;
    QVERIFY(job.start(request));
    QVERIFY(finished.wait(10000));
    QCOMPARE(job.status(), JobStatus::Finished);
}

void TstSolveJob::solverErrorsBecomeFailedJobs()
{
    SolveRequest request = paperRequest(SolverChoice::Annealing);
    request.settings.annealingSteps = 0;  // the engine rejects zero steps
    SolveJob job;
    QSignalSpy finished(&job, &SolveJob::finished);
    QVERIFY(job.start(request));
    QVERIFY(finished.wait(10000));
    QCOMPARE(job.status(), JobStatus::Failed);
    QVERIFY(!job.outcome().succeeded);
    QCOMPARE(job.outcome().errorCode, engine::ErrorCode::InvalidArgument);
    QVERIFY(!job.outcome().errorMessage.empty());
}

void TstSolveJob::bridgeReportsMonotoneProgressAndCancel()
{
    QPromise<int> promise;
    QFuture<int> future = promise.future();
    promise.start();
    engine::RunControl control;
    bridgeRunControl(control, promise);
    QCOMPARE(future.progressMaximum(), PROGRESS_STEPS);
    control.reportProgress(1, 4);
    QCOMPARE(future.progressValue(), PROGRESS_STEPS / 4);
    control.reportProgress(1, 10);  // a restart counting from zero again must not move the bar back
    QCOMPARE(future.progressValue(), PROGRESS_STEPS / 4);
    control.reportProgress(3, 4);
    QCOMPARE(future.progressValue(), 3 * PROGRESS_STEPS / 4);
    control.reportProgress(1, 0);  // no total: ignored
    QCOMPARE(future.progressValue(), 3 * PROGRESS_STEPS / 4);
    QVERIFY(!control.isCancelled());
    future.cancel();
    QVERIFY(control.isCancelled());
    promise.finish();
}

QTEST_MAIN(TstSolveJob)
#include "solve_job.test.moc"
