// SPDX-License-Identifier: MIT
// Tests of WarmstartJob: pipeline and sweep results equal the engine called directly, live relays, cancel, errors.
#include "jobs/warmstart_job.h"

#include <QtTest>

#include "test_support.h"

#include "core/bits.h"
#include "emulator/local_backend.h"
#include "jobs/run_control_bridge.h"
#include "lcrp/lcrp_generator.h"

#include <QSignalSpy>

#include <algorithm>
#include <cmath>
#include <random>

using namespace workbench;

namespace {

engine::GraphInstance regularGraph(std::size_t n, std::uint64_t seed)
{
    engine::GraphInstance instance;
    instance.name = "test";
    instance.graph = engine::warmstartReproductionGraph({engine::WarmstartGraphFamily::Kind::Regular, 3.0}, n, 0, seed);
    return instance;
}

WarmstartPipelineRequest smallPipeline()
{
    WarmstartPipelineRequest request;
    request.instance = regularGraph(8, 4);
    request.options.depth = 1;
    request.options.backend = "local:ideal";
    request.options.shots = 100;
    request.options.runs = 10;
    request.options.iterationCap = 200;
    request.options.bootstrapResamples = 100;
    request.options.seed = 9;
    request.options.threads = 1;
    return request;
}

engine::WarmstartReproductionOptions smallSweep()
{
    engine::WarmstartReproductionOptions options;
    options.families = {{engine::WarmstartGraphFamily::Kind::Regular, 3.0}};
    options.sizes = {6, 8};
    options.depths = {1, 2};
    options.graphsPerSize = 2;
    options.samples = 200;
    options.runsPerStartType = 20;
    options.iterationCap = 200;
    options.seed = 3;
    options.threads = 1;
    return options;
}

/// Everything of a row but its wall time.
bool sameRow(const engine::WarmstartReproductionRow& a, const engine::WarmstartReproductionRow& b)
{
    const auto sameQ = [](double x, double y) { return (std::isnan(x) && std::isnan(y)) || x == y; };
    return a.family == b.family && a.n == b.n && a.graph == b.graph && a.edges == b.edges && a.depth == b.depth
        && a.optimum == b.optimum && a.rminRandom == b.rminRandom && a.rminWarm == b.rminWarm
        && sameQ(a.qFactor, b.qFactor) && a.qKind == b.qKind && a.randomSuccesses == b.randomSuccesses
        && a.warmSuccesses == b.warmSuccesses && a.poolSize == b.poolSize
        && a.poolOptimalFraction == b.poolOptimalFraction && a.meanSampledCut == b.meanSampledCut;
}

std::vector<double> sorted(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values;
}

} // namespace

class TstWarmstartJob : public QObject {
    Q_OBJECT

private slots:
    void histogramOfNonIntegerEnergies();
    void sweepRowsEqualOneEngineCall();
    void sweepCancelKeepsTheFinishedRows();
    void sweepErrorsFail();
    void pipelineDeliversTheEngineResult();
    void pipelineOnOtherInstancesAndBackends_data();
    void pipelineOnOtherInstancesAndBackends();
    void pipelineCancelStopsTheRuns();
    void pipelineErrorsFail();
};

void TstWarmstartJob::histogramOfNonIntegerEnergies()
{
    // Energies 0, 0.3, 0.7 and 1.0 (x1 x2 couple by 0): four distinct non-integers get four equal bins.
    engine::QuboModel qubo(2);
    qubo.addLinear(0, 0.3);
    qubo.addLinear(1, 0.7);
    engine::SampleCounts raw(2);
    raw.add(0b00, 2.0);
    raw.add(0b01, 1.0);
    raw.add(0b10, 3.0);
    raw.add(0b11, 4.0);
    engine::SampleCounts mitigated(2);
    mitigated.add(0b11, 0.5);
    mitigated.add(0b00, 1.5);
    const EnergyHistogramData data = energyHistogram(qubo, raw, mitigated, engine::SampleCounts(2));
    QVERIFY(data.fractions[EnergyHistogramData::Filtered].empty());
    QCOMPARE(data.centres.size(), std::size_t{4});
    QAOA_COMPARE_NEAR(data.width, 0.25, 1e-12);
    QAOA_COMPARE_NEAR(data.centres.front(), 0.125, 1e-12);
    // Bins [0, .25), [.25, .5), [.5, .75), [.75, 1]: one energy each.
    const std::vector<double> rawExpected{0.2, 0.1, 0.3, 0.4};
    const std::vector<double> mitigatedExpected{0.75, 0.0, 0.0, 0.25};
    for (std::size_t b = 0; b < 4; ++b) {
        QAOA_COMPARE_NEAR(data.fractions[EnergyHistogramData::Raw][b], rawExpected[b], 1e-12);
        QAOA_COMPARE_NEAR(data.fractions[EnergyHistogramData::Mitigated][b], mitigatedExpected[b], 1e-12);
    }
    // Many distinct energies: at most maxBins bins, and every set still sums to 1.
    engine::QuboModel wide(10);
    std::mt19937_64 rng(2);
    std::uniform_real_distribution<double> coefficient(-1.0, 1.0);
    for (std::size_t i = 0; i < 10; ++i)
        wide.addLinear(i, coefficient(rng));
    engine::SampleCounts many(10);
    for (std::uint64_t index = 0; index < 1024; ++index)
        many.add(index);
    const EnergyHistogramData binned = energyHistogram(wide, many, std::nullopt, many, 20);
    QCOMPARE(binned.centres.size(), std::size_t{20});
    double sum = 0.0;
    for (double f : binned.fractions[EnergyHistogramData::Filtered])
        sum += f;
    QAOA_COMPARE_NEAR(sum, 1.0, 1e-12);
    QVERIFY(energyHistogram(wide, engine::SampleCounts(10), std::nullopt, engine::SampleCounts(10)).centres.empty());
}

void TstWarmstartJob::sweepRowsEqualOneEngineCall()
{
    const engine::WarmstartReproductionOptions options = smallSweep();
    WarmstartJob job;
    std::vector<engine::WarmstartReproductionRow> streamed;
    int batches = 0;
    connect(&job, &WarmstartJob::sweepRows, &job, [&](const auto& rows) {
        streamed.insert(streamed.end(), rows.begin(), rows.end());
        ++batches;
    });
    int lastProgress = 0;
    connect(&job, &WarmstartJob::progressChanged, &job, [&](int value, int maximum) {
        QCOMPARE(maximum, PROGRESS_STEPS);
        QVERIFY(value >= lastProgress);
        lastProgress = value;
    });
    QSignalSpy finished(&job, &WarmstartJob::finished);
    QVERIFY(job.startSweep({options}));
    QVERIFY(!job.startSweep({options}));  // one at a time
    QVERIFY(job.isRunning());
    QVERIFY(finished.wait(30000));
    QCOMPARE(job.status(), WarmstartJobStatus::Finished);
    QCOMPARE(job.kind(), WarmstartJobKind::Sweep);
    const WarmstartSweepOutcome& outcome = job.sweepOutcome();
    QVERIFY2(outcome.succeeded, outcome.errorMessage.c_str());
    QVERIFY(!outcome.cancelled);

    const std::vector<engine::WarmstartReproductionRow> expected = engine::reproduceWarmstartEmulated(options);
    QCOMPARE(expected.size(), std::size_t{8});
    QCOMPARE(outcome.rows.size(), expected.size());
    QCOMPARE(streamed.size(), expected.size());
    QCOMPARE(batches, 2);  // one per (family, N)
    for (std::size_t i = 0; i < expected.size(); ++i) {
        QVERIFY2(sameRow(outcome.rows[i], expected[i]), std::to_string(i).c_str());
        QVERIFY2(sameRow(streamed[i], expected[i]), std::to_string(i).c_str());
    }
    const std::vector<engine::WarmstartSummaryRow> summary = engine::summarizeWarmstartReproduction(expected);
    QCOMPARE(outcome.summary.size(), summary.size());
    for (std::size_t i = 0; i < summary.size(); ++i) {
        QCOMPARE(outcome.summary[i].n, summary[i].n);
        QCOMPARE(outcome.summary[i].depth, summary[i].depth);
        QCOMPARE(outcome.summary[i].medianQ, summary[i].medianQ);
    }
    QCOMPARE(lastProgress, PROGRESS_STEPS);
    QVERIFY(outcome.seconds > 0.0);

    // One group alone is the matching slice of the whole.
    const std::vector<engine::WarmstartReproductionRow> group =
        runSweepGroup(options, 0, 1, engine::RunControl::none());
    QCOMPARE(group.size(), std::size_t{4});
    for (std::size_t i = 0; i < group.size(); ++i)
        QVERIFY(sameRow(group[i], expected[4 + i]));
    QVERIFY_THROWS_EXCEPTION(engine::Error, runSweepGroup(options, 1, 0, engine::RunControl::none()));
}

void TstWarmstartJob::sweepCancelKeepsTheFinishedRows()
{
    engine::WarmstartReproductionOptions options = smallSweep();
    options.sizes = {6, 8, 10, 12, 14, 16, 18, 20};
    options.depths = {1, 2, 3};
    options.graphsPerSize = 20;
    options.runsPerStartType = 500;
    WarmstartJob job;
    QSignalSpy rows(&job, &WarmstartJob::sweepRows);
    QSignalSpy finished(&job, &WarmstartJob::finished);
    QVERIFY(job.startSweep({options}));
    QVERIFY(rows.wait(30000));  // the first group (N = 6) is quick
    job.cancel();
    QVERIFY(finished.wait(30000));
    QCOMPARE(job.status(), WarmstartJobStatus::Cancelled);
    const WarmstartSweepOutcome& outcome = job.sweepOutcome();
    QVERIFY(outcome.cancelled);
    QVERIFY(outcome.rows.size() >= std::size_t{60});
    QVERIFY(outcome.rows.size() < options.sizes.size() * 60);
    QCOMPARE(outcome.rows.front().n, std::size_t{6});
    QVERIFY(!job.isRunning());
}

void TstWarmstartJob::sweepErrorsFail()
{
    engine::WarmstartReproductionOptions options = smallSweep();
    options.sizes = {7};  // no 3-regular graph on 7 vertices
    WarmstartJob job;
    QSignalSpy finished(&job, &WarmstartJob::finished);
    QVERIFY(job.startSweep({options}));
    QVERIFY(finished.wait(30000));
    QCOMPARE(job.status(), WarmstartJobStatus::Failed);
    QCOMPARE(job.sweepOutcome().errorCode, engine::ErrorCode::InvalidArgument);
    QVERIFY(!job.sweepOutcome().errorMessage.empty());
    QVERIFY(job.sweepOutcome().rows.empty());
}

void TstWarmstartJob::pipelineDeliversTheEngineResult()
{
    const WarmstartPipelineRequest request = smallPipeline();
    WarmstartJob job;
    std::vector<WarmstartRunPoint> points;
    connect(&job, &WarmstartJob::runPoints, &job,
            [&](const auto& batch) { points.insert(points.end(), batch.begin(), batch.end()); });
    QSignalSpy stages(&job, &WarmstartJob::stageChanged);
    QSignalSpy finished(&job, &WarmstartJob::finished);
    QVERIFY(job.startPipeline(request));
    QVERIFY(!job.startSweep({smallSweep()}));
    QVERIFY(finished.wait(60000));
    QCOMPARE(job.kind(), WarmstartJobKind::Pipeline);
    const WarmstartPipelineOutcome& outcome = job.pipelineOutcome();
    QVERIFY2(outcome.succeeded, outcome.errorMessage.c_str());
    QCOMPARE(job.status(), WarmstartJobStatus::Finished);
    QVERIFY(stages.count() >= 1);

    engine::WarmstartPipelineOptions direct = request.options;
    const engine::WarmstartPipelineResult expected = engine::runWarmstartPipeline(request.instance, direct);
    const engine::WarmstartPipelineResult& got = outcome.result;
    QCOMPARE(got.problem, expected.problem);
    QCOMPARE(got.raw, expected.raw);
    QCOMPARE(got.filtered, expected.filtered);
    QCOMPARE(got.optimum, expected.optimum);
    QCOMPARE(got.experiment.randomFirstSuccess, expected.experiment.randomFirstSuccess);
    QCOMPARE(got.experiment.warmFirstSuccess, expected.experiment.warmFirstSuccess);
    QVERIFY(got.experiment.qfactor.has_value() && expected.experiment.qfactor.has_value());
    const double gotQ = got.experiment.qfactor->q;
    const double expectedQ = expected.experiment.qfactor->q;
    QVERIFY((std::isnan(gotQ) && std::isnan(expectedQ)) || gotQ == expectedQ);

    // Every finished run came through the relay, with the experiment's values.
    QCOMPARE(points.size(), std::size_t{2 * request.options.runs});
    std::vector<double> random;
    std::vector<double> warm;
    for (const WarmstartRunPoint& p : points)
        (p.warm ? warm : random).push_back(p.t);
    QCOMPARE(sorted(random), sorted(got.experiment.randomFirstSuccess));
    QCOMPARE(sorted(warm), sorted(got.experiment.warmFirstSuccess));

    // The histogram was binned from the result's samples.
    const EnergyHistogramData histogram = energyHistogram(got.qubo, got.raw, got.mitigated, got.filtered);
    QCOMPARE(outcome.histogram.centres, histogram.centres);
    QCOMPARE(outcome.histogram.fractions[EnergyHistogramData::Raw], histogram.fractions[EnergyHistogramData::Raw]);
    QVERIFY(!outcome.histogram.fractions[EnergyHistogramData::Raw].empty());
    QVERIFY(!outcome.histogram.fractions[EnergyHistogramData::Filtered].empty());
}

void TstWarmstartJob::pipelineOnOtherInstancesAndBackends_data()
{
    QTest::addColumn<bool>("lcrp");
    QTest::addColumn<QString>("backend");
    QTest::addColumn<int>("readout");
    QTest::newRow("lcrp, ideal") << true << QStringLiteral("local:ideal") << int(engine::ReadoutMitigation::None);
    const std::string device = engine::localBackendNames().front();
    QTest::newRow("maxcut, device, tensored")
        << false << QString::fromStdString(device) << int(engine::ReadoutMitigation::Tensored);
}

void TstWarmstartJob::pipelineOnOtherInstancesAndBackends()
{
    QFETCH(bool, lcrp);
    QFETCH(QString, backend);
    QFETCH(int, readout);
    WarmstartPipelineRequest request = smallPipeline();
    if (lcrp) {
        engine::LcrpGeneratorOptions generator;
        generator.numTasks = 2;
        generator.numModels = 3;
        generator.seed = 42;
        request.instance = engine::generateLcrp(generator);
    } else {
        request.instance = regularGraph(6, 1);
    }
    request.options.backend = backend.toStdString();
    request.options.readout = static_cast<engine::ReadoutMitigation>(readout);
    WarmstartJob job;
    QSignalSpy finished(&job, &WarmstartJob::finished);
    QVERIFY(job.startPipeline(request));
    QVERIFY(finished.wait(60000));
    const WarmstartPipelineOutcome& outcome = job.pipelineOutcome();
    QVERIFY2(outcome.succeeded, outcome.errorMessage.c_str());
    QCOMPARE(outcome.result.problem, std::string(lcrp ? "lcrp" : "maxcut"));
    QCOMPARE(outcome.result.transpiled.has_value(), backend != QStringLiteral("local:ideal"));
    const bool mitigated = readout != int(engine::ReadoutMitigation::None);
    QCOMPARE(outcome.result.mitigated.has_value(), mitigated);
    QCOMPARE(outcome.histogram.fractions[EnergyHistogramData::Mitigated].empty(), !mitigated);
    // Every bin holds the samples of its energies: each present set sums to 1 over the bins.
    for (const std::vector<double>& fractions : outcome.histogram.fractions) {
        if (fractions.empty())
            continue;
        double sum = 0.0;
        for (double f : fractions)
            sum += f;
        QAOA_COMPARE_NEAR(sum, 1.0, 1e-9);
    }
}

void TstWarmstartJob::pipelineCancelStopsTheRuns()
{
    WarmstartPipelineRequest request = smallPipeline();
    request.instance = regularGraph(16, 2);
    request.options.runs = 1'000'000;
    request.options.iterationCap = 2000;
    WarmstartJob job;
    QSignalSpy points(&job, &WarmstartJob::runPoints);
    QSignalSpy finished(&job, &WarmstartJob::finished);
    QVERIFY(job.startPipeline(request));
    QVERIFY(points.wait(30000));
    job.cancel();
    QVERIFY(finished.wait(30000));
    QCOMPARE(job.status(), WarmstartJobStatus::Cancelled);
    const WarmstartPipelineOutcome& outcome = job.pipelineOutcome();
    QVERIFY(outcome.succeeded);
    QVERIFY(outcome.result.cancelled);
    QVERIFY(outcome.result.experiment.randomFirstSuccess.size() < request.options.runs);
    QVERIFY(!job.isRunning());
}

void TstWarmstartJob::pipelineErrorsFail()
{
    engine::LcrpGeneratorOptions generator;
    generator.numTasks = 2;
    generator.numModels = 2;
    generator.seed = 1;
    WarmstartPipelineRequest request = smallPipeline();
    request.instance = engine::generateLcrp(generator);
    request.options.solver = engine::WarmstartSolver::Vns;  // Max-Cut only
    WarmstartJob job;
    QSignalSpy finished(&job, &WarmstartJob::finished);
    QVERIFY(job.startPipeline(request));
    QVERIFY(finished.wait(30000));
    QCOMPARE(job.status(), WarmstartJobStatus::Failed);
    QCOMPARE(job.pipelineOutcome().errorCode, engine::ErrorCode::InvalidArgument);
    QVERIFY(!job.pipelineOutcome().errorMessage.empty());
}

QTEST_MAIN(TstWarmstartJob)
#include "warmstart_job.test.moc"
