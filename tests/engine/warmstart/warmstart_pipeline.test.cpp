// SPDX-License-Identifier: MIT
// Tests of the warm-start pipeline: optimum, pool and Q-factor on Max-Cut, the angle convention of the
// transpiled circuit, noisy and given samples with both readout mitigations against an obvious reference,
// decomposition, feasibility-first decoding, the time-based variant, cancel, determinism and argument checks.
#include "warmstart/warmstart_pipeline.h"

#include <QtTest>

#include "test_support.h"

#include "circuit/qaoa_circuit.h"
#include "core/error.h"
#include "emulator/local_backend.h"
#include "emulator/trajectory_emulator.h"
#include "graph/graph_generators.h"
#include "graph/graph_problems.h"
#include "mitigation/least_norm_filter.h"
#include "mitigation/readout_calibration.h"
#include "qaoa/qaoa_run.h"
#include "qaoa/qaoa_simulation.h"
#include "qubo/ising_model.h"
#include "qubo/qubo_generator.h"
#include "transpile/transpiler.h"

#include <algorithm>
#include <cmath>
#include <map>

using namespace engine;

namespace {

Instance maxCutInstance(std::size_t n, std::uint64_t seed)
{
    GraphInstance g;
    g.name = "rr3";
    g.graph = randomRegularGraph(n, 3, WeightKind::Unit, seed);
    g.problem = GraphProblem::MaxCut;
    return g;
}

Instance quboInstance(std::size_t n, std::uint64_t seed)
{
    RandomQuboOptions o;
    o.numVariables = n;
    o.density = 0.6;
    o.seed = seed;
    return QuboInstance{"random", randomQubo(o)};
}

// The slow reference: the best cut over all 2^n sides.
double bruteForceMaxCut(const WeightedGraph& graph)
{
    const std::size_t n = graph.numVertices();
    double best = 0.0;
    for (std::uint64_t s = 0; s < (std::uint64_t{1} << n); ++s)
        best = std::max(best, cutValue(graph, bitsFromIndex(s, n)));
    return best;
}

WarmstartPipelineOptions quickOptions()
{
    WarmstartPipelineOptions o;
    o.runs = 20;
    o.iterationCap = 200;
    o.bootstrapResamples = 200;
    o.threads = 1;
    return o;
}

// The statement that `call` throws engine::Error with `code` and where() == `where`.
template <typename F>
bool throwsAt(F&& call, ErrorCode code, const std::string& where)
{
    try {
        call();
    } catch (const Error& e) {
        if (e.code() != code || e.where() != where)
            qWarning("got %s (%s)", e.what(), errorCodeName(e.code()));
        return e.code() == code && e.where() == where;
    }
    return false;
}

// Exact outcome probabilities of the X-ansatz QAOA state of `qubo`.
std::vector<double> exactDistribution(const QuboModel& qubo, const QaoaAngles& angles)
{
    return QaoaSimulator<double>(qubo, 1).probabilities(angles);
}

// The distribution measured from the transpiled, bound circuit on `backend`'s device under `noise`, built exactly
// as the pipeline builds it.
std::vector<double> emulatedDistribution(const QuboModel& qubo, const QaoaAngles& angles, const DeviceModel& device,
                                         const NoiseModel& noise, std::uint64_t shots, std::uint64_t seed)
{
    TranspileOptions to;
    to.parameterValues = qaoaCircuitValues(angles.gammas, angles.betas);
    const TranspileResult t = transpileQaoa(toIsing(qubo), angles.depth(), device, to);
    EmulatorOptions eo;
    eo.shots = shots;
    eo.seed = seed;
    eo.threads = 1;
    const EmulationResult r = emulateCircuit(t.isa, noise, eo);
    std::vector<double> p(std::size_t{1} << qubo.numVariables(), 0.0);
    for (const RegisterShots& reg : r.registers)
        if (reg.name == "meas")
            for (const auto& [value, count] : reg.counts)
                p[value] += static_cast<double>(count) / static_cast<double>(shots);
    return p;
}

double totalVariation(const std::vector<double>& a, const std::vector<double>& b)
{
    double d = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i)
        d += std::abs(a[i] - b[i]);
    return d / 2.0;
}

std::vector<double> distributionOf(const SampleCounts& counts)
{
    std::vector<double> p(std::size_t{1} << counts.numQubits(), 0.0);
    const double total = counts.total();
    for (const auto& [index, count] : counts.counts())
        p[index] = count / total;
    return p;
}

// The tensored inverse on the observed strings the slow way: x_s = sum_t prod_q (Lambda_q^{-1})[s_q][t_q] y_t over
// observed s and t, renormalised, then the SGS projection, times N.
std::map<std::uint64_t, double> tensoredReference(const SampleCounts& raw, const ReadoutCalibration& calibration)
{
    const double total = raw.total();
    std::vector<std::uint64_t> strings;
    for (const auto& entry : raw.counts())
        strings.push_back(entry.first);
    std::vector<double> x(strings.size(), 0.0);
    double sum = 0.0;
    for (std::size_t a = 0; a < strings.size(); ++a) {
        for (std::size_t b = 0; b < strings.size(); ++b) {
            double m = 1.0;
            for (std::size_t q = 0; q < raw.numQubits(); ++q)
                m *= calibration.inverse(q)[(strings[a] >> q) & 1U][(strings[b] >> q) & 1U];
            x[a] += m * raw.count(strings[b]) / total;
        }
        sum += x[a];
    }
    for (double& v : x)
        v /= sum;
    const std::vector<double> projected = sgsProject(x);
    std::map<std::uint64_t, double> out;
    for (std::size_t a = 0; a < strings.size(); ++a)
        if (projected[a] > 0.0)
            out[strings[a]] = total * projected[a];
    return out;
}

} // namespace

class TstWarmstartPipeline : public QObject {
    Q_OBJECT

private slots:
    void names()
    {
        for (ReadoutMitigation m : {ReadoutMitigation::None, ReadoutMitigation::Tensored, ReadoutMitigation::Lnf})
            QCOMPARE(readoutMitigationFromName(readoutMitigationName(m)), m);
        for (SampleFilterKind f :
             {SampleFilterKind::None, SampleFilterKind::Energy, SampleFilterKind::Frequency, SampleFilterKind::Hamming})
            QCOMPARE(sampleFilterKindFromName(sampleFilterKindName(f)), f);
        for (WarmstartSolver s : {WarmstartSolver::Tabu, WarmstartSolver::Vns})
            QCOMPARE(warmstartSolverFromName(warmstartSolverName(s)), s);
        QVERIFY(throwsAt([] { readoutMitigationFromName("mthree"); }, ErrorCode::InvalidArgument, "readout"));
        QVERIFY(throwsAt([] { sampleFilterKindFromName("best"); }, ErrorCode::InvalidArgument, "filter"));
        QVERIFY(throwsAt([] { warmstartSolverFromName("sa"); }, ErrorCode::InvalidArgument, "solver"));
    }

    void maxCutOnIdeal()
    {
        const Instance instance = maxCutInstance(8, 1);
        const WeightedGraph& graph = std::get<GraphInstance>(instance).graph;
        WarmstartPipelineOptions o = quickOptions();
        std::vector<std::string> stages;
        RunControl control;
        control.setProgressCallback([&](double, double, std::string_view stage) {
            if (stages.empty() || stages.back() != stage)
                stages.emplace_back(stage);
        });
        const WarmstartPipelineResult r = runWarmstartPipeline(instance, o, control);
        QCOMPARE(r.problem, std::string("maxcut"));
        QCOMPARE(r.backend, std::string("local:ideal"));
        QCOMPARE(r.optimumSource, std::string("brute_force"));
        QCOMPARE(r.optimum, -bruteForceMaxCut(graph));
        QCOMPARE(r.qubo.numVariables(), std::size_t{8});
        QCOMPARE(r.angles.depth(), std::size_t{2});
        QCOMPARE(r.parts, std::size_t{1});
        QVERIFY(!r.transpiled);
        QVERIFY(!r.mitigated);
        QCOMPARE(r.raw.total(), 1000.0);
        QCOMPARE(r.filtered, r.raw);  // no filter, no constraints
        QCOMPARE(r.poolSize, std::size_t{1000});
        QCOMPARE(r.experiment.randomFirstSuccess.size(), std::size_t{20});
        QCOMPARE(r.experiment.warmFirstSuccess.size(), std::size_t{20});
        QVERIFY(r.experiment.qfactor);
        QVERIFY(r.experiment.qfactor->kind != QFactorKind::Undefined);
        QCOMPARE(r.experiment.qfactor->random.runs, std::size_t{20});
        QVERIFY(r.experiment.qfactor->interval);
        QCOMPARE(r.cap, 200.0);
        QVERIFY(!r.timeBased);
        QVERIFY(!r.cancelled);
        QVERIFY(r.seconds >= r.stages.runs);
        for (const char* stage : {"angles", "sampling", "mitigation", "filtering", "optimum"})
            QVERIFY2(std::find(stages.begin(), stages.end(), stage) != stages.end(), stage);

        // The raw samples come from the exact state: the best sampled cut is near the optimum and the sample mean
        // of the energy agrees with <H> within 5 sigma of the sampling error.
        const std::vector<double> p = exactDistribution(r.qubo, r.angles);
        double mean = 0.0;
        double second = 0.0;
        for (std::size_t z = 0; z < p.size(); ++z) {
            const double e = r.qubo.energy(bitsFromIndex(z, 8));
            mean += p[z] * e;
            second += p[z] * e * e;
        }
        double sampled = 0.0;
        for (const auto& [index, count] : r.raw.counts())
            sampled += count * r.qubo.energy(bitsFromIndex(index, 8)) / 1000.0;
        const double sigma = std::sqrt((second - mean * mean) / 1000.0);
        QVERIFY2(std::abs(sampled - mean) <= 5.0 * sigma, qPrintable(QString::number(sampled - mean)));

        // The energy filter keeps a tenth of the samples, the lowest energies.
        o.filter = SampleFilterKind::Energy;
        const WarmstartPipelineResult f = runWarmstartPipeline(instance, o);
        QCOMPARE(f.raw, r.raw);
        QCOMPARE(f.poolSize, std::size_t{100});
        QCOMPARE(f.filtered.total(), 100.0);
        double worstKept = -1e300;
        for (const auto& entry : f.filtered.counts())
            worstKept = std::max(worstKept, r.qubo.energy(bitsFromIndex(entry.first, 8)));
        double below = 0.0;
        for (const auto& [index, count] : r.raw.counts())
            if (r.qubo.energy(bitsFromIndex(index, 8)) < worstKept)
                below += count;
        QVERIFY(below <= 100.0);
    }

    void sameSeedSameResult()
    {
        const Instance instance = maxCutInstance(8, 2);
        WarmstartPipelineOptions o = quickOptions();
        o.filter = SampleFilterKind::Hamming;
        const WarmstartPipelineResult a = runWarmstartPipeline(instance, o);
        const WarmstartPipelineResult b = runWarmstartPipeline(instance, o);
        QCOMPARE(a.raw, b.raw);
        QCOMPARE(a.filtered, b.filtered);
        QCOMPARE(a.experiment.randomFirstSuccess, b.experiment.randomFirstSuccess);
        QCOMPARE(a.experiment.warmFirstSuccess, b.experiment.warmFirstSuccess);
        QCOMPARE(a.experiment.qfactor->q, b.experiment.qfactor->q);
        o.seed = 2;
        const WarmstartPipelineResult c = runWarmstartPipeline(instance, o);
        QVERIFY(!(c.raw == a.raw));
    }

    void vnsNeedsMaxCut()
    {
        WarmstartPipelineOptions o = quickOptions();
        o.solver = WarmstartSolver::Vns;
        const WarmstartPipelineResult r = runWarmstartPipeline(maxCutInstance(8, 3), o);
        QCOMPARE(r.experiment.warmFirstSuccess.size(), std::size_t{20});
        QVERIFY(r.experiment.qfactor);
        QVERIFY(r.experiment.qfactor->kind != QFactorKind::Undefined);
        QVERIFY(throwsAt([&] { runWarmstartPipeline(quboInstance(6, 1), o); }, ErrorCode::InvalidArgument, "solver"));
        GraphInstance mis = std::get<GraphInstance>(maxCutInstance(8, 3));
        mis.problem = GraphProblem::Mis;
        QVERIFY(throwsAt([&] { runWarmstartPipeline(mis, o); }, ErrorCode::InvalidArgument, "solver"));
    }

    void angleConventionOfTheTranspiledCircuit()
    {
        // The pipeline binds qaoaCircuitValues(gammas, betas) into transpileQaoa(toIsing(qubo)) and reads the meas
        // register as logical bits. With the ideal noise model that must reproduce the exact logical state. 20000
        // shots: each outcome's frequency lies within 5 sigma = 5 sqrt(p (1 - p) / S) of p (plus 1/S for p near 0).
        const Instance instance = quboInstance(5, 7);
        const QuboModel& qubo = std::get<QuboInstance>(instance).qubo;
        const QaoaAngles angles = predictAngles(instance, 2);
        const LocalBackend fez = localBackend("local:fez");
        const std::uint64_t shots = 20000;
        const std::vector<double> exact = exactDistribution(qubo, angles);
        const std::vector<double> emulated = emulatedDistribution(qubo, angles, fez.device, NoiseModel(), shots, 11);
        for (std::size_t z = 0; z < exact.size(); ++z) {
            const double sigma = std::sqrt(exact[z] * (1.0 - exact[z]) / static_cast<double>(shots));
            QVERIFY2(std::abs(emulated[z] - exact[z]) <= 5.0 * sigma + 1.0 / static_cast<double>(shots),
                     qPrintable(QString("z=%1 exact %2 emulated %3").arg(z).arg(exact[z]).arg(emulated[z])));
        }
        // The check can tell conventions apart: gamma of the opposite sign gives a distribution far outside it.
        QaoaAngles flipped = angles;
        for (double& g : flipped.gammas)
            g = -g;
        const double wrong = totalVariation(exact, exactDistribution(qubo, flipped));
        QVERIFY2(wrong > 0.1, qPrintable(QString::number(wrong)));

        // The pipeline's own noisy samples on local:fez stay close to the exact state (the noise moves them by
        // much less than a wrong convention would).
        WarmstartPipelineOptions o = quickOptions();
        o.backend = "local:fez";
        o.shots = 20000;
        const WarmstartPipelineResult r = runWarmstartPipeline(instance, o);
        const double noisy = totalVariation(exact, distributionOf(r.raw));
        QVERIFY2(noisy < wrong / 2.0, qPrintable(QString("noisy %1 wrong %2").arg(noisy).arg(wrong)));
    }

    void noisyBackend()
    {
        const Instance instance = quboInstance(6, 3);
        WarmstartPipelineOptions o = quickOptions();
        o.backend = "local:fez";
        const WarmstartPipelineResult r = runWarmstartPipeline(instance, o);
        QCOMPARE(r.backend, std::string("local:fez"));
        QCOMPARE(r.problem, std::string("qubo"));
        QVERIFY(r.transpiled);
        QCOMPARE(r.transpiled->parts, std::size_t{1});
        QVERIFY(r.transpiled->physicalQubits >= 6);
        QVERIFY(r.transpiled->twoQubitGates > 0);
        QVERIFY(r.transpiled->depth > 0);
        QVERIFY(r.transpiled->estimatedFidelity > 0.0 && r.transpiled->estimatedFidelity < 1.0);
        QCOMPARE(r.raw.numQubits(), std::size_t{6});
        QCOMPARE(r.raw.total(), 1000.0);
        QCOMPARE(r.poolSize, std::size_t{1000});
        QCOMPARE(r.optimumSource, std::string("brute_force"));
        QVERIFY(r.experiment.qfactor);
        QVERIFY(r.stages.sampling > 0.0);
    }

    void givenSamplesWithMitigation_data()
    {
        QTest::addColumn<int>("mitigation");
        QTest::newRow("lnf") << static_cast<int>(ReadoutMitigation::Lnf);
        QTest::newRow("tensored") << static_cast<int>(ReadoutMitigation::Tensored);
    }

    void givenSamplesWithMitigation()
    {
        QFETCH(int, mitigation);
        const Instance instance = quboInstance(6, 4);
        const QuboModel& qubo = std::get<QuboInstance>(instance).qubo;
        // A job's counts: 700 shots spread over a few strings, non-uniformly.
        SampleCounts job(6);
        for (std::uint64_t z = 0; z < 64; z += 3)
            job.add(z, static_cast<double>(1 + (z * 7) % 40));
        WarmstartPipelineOptions o = quickOptions();
        o.backend = "local:fez";
        o.samples = job;
        o.shots = 777;
        o.readout = static_cast<ReadoutMitigation>(mitigation);
        const WarmstartPipelineResult r = runWarmstartPipeline(instance, o);
        QCOMPARE(r.raw, job);
        QVERIFY(r.mitigated);
        QVERIFY(r.transpiled);
        QVERIFY(test_support::near(r.mitigated->total(), job.total(), 1e-9));
        // Resampled to `shots` integer samples: the pool (no filter) has exactly that many.
        QCOMPARE(r.filtered.total(), 777.0);
        QCOMPARE(r.poolSize, std::size_t{777});
        for (const auto& entry : r.filtered.counts())
            QCOMPARE(entry.second, std::round(entry.second));

        // The calibration is the readout data of the physical qubits the circuit measures on.
        TranspileOptions to;
        to.parameterValues = qaoaCircuitValues(r.angles.gammas, r.angles.betas);
        const LocalBackend fez = localBackend("local:fez");
        const TranspileResult t = transpileQaoa(toIsing(qubo), r.angles.depth(), fez.device, to);
        std::vector<QubitReadoutError> errors;
        auto rate = [](double p) { return std::isfinite(p) ? p : 0.0; };  // no data: no readout flip
        for (unsigned q : t.finalPermutation)
            errors.push_back({rate(fez.device.qubits[q].probMeas1Prep0), rate(fez.device.qubits[q].probMeas0Prep1)});
        const ReadoutCalibration calibration(errors);
        if (o.readout == ReadoutMitigation::Lnf) {
            QCOMPARE(*r.mitigated, leastNormFilter(job, calibration).counts);
        } else {
            const std::map<std::uint64_t, double> expected = tensoredReference(job, calibration);
            QCOMPARE(r.mitigated->size(), expected.size());
            for (const auto& [index, count] : expected)
                QAOA_COMPARE_NEAR(r.mitigated->count(index), count, 1e-9 * job.total());
        }
        // Readout mitigation moves mass: the result differs from the raw counts.
        QVERIFY(!(*r.mitigated == job));
    }

    void noisyBackendWithCalibrationShots()
    {
        WarmstartPipelineOptions o = quickOptions();
        o.backend = "local:fez";
        o.readout = ReadoutMitigation::Lnf;
        o.calibrationShots = 2000;
        const WarmstartPipelineResult r = runWarmstartPipeline(quboInstance(5, 5), o);
        QVERIFY(r.mitigated);
        QVERIFY(test_support::near(r.mitigated->total(), r.raw.total(), 1e-9));
        QCOMPARE(r.filtered.total(), 1000.0);
        QVERIFY(r.stages.mitigation > 0.0);
    }

    void decomposition()
    {
        const Instance instance = maxCutInstance(30, 4);
        WarmstartPipelineOptions o = quickOptions();
        o.maxPartSize = 12;
        o.runs = 5;
        o.bootstrapResamples = 0;
        const WarmstartPipelineResult r = runWarmstartPipeline(instance, o);
        QVERIFY(r.parts >= 3);
        QCOMPARE(r.raw.numQubits(), std::size_t{30});
        QCOMPARE(r.filtered.numQubits(), std::size_t{30});
        QCOMPARE(r.raw.total(), 1000.0);
        QCOMPARE(r.poolSize, std::size_t{1000});
        QCOMPARE(r.optimumSource, std::string("best_found"));
        // Every sampled cut is at most the best found (which is at most the true optimum).
        for (const auto& entry : r.raw.counts())
            QVERIFY(r.qubo.energy(bitsFromIndex(entry.first, 30)) >= r.optimum - 1e-9);
    }

    void misPoolIsFeasible()
    {
        GraphInstance mis;
        mis.name = "mis";
        mis.graph = randomRegularGraph(10, 3, WeightKind::Unit, 5);
        mis.problem = GraphProblem::Mis;
        WarmstartPipelineOptions o = quickOptions();
        o.feasibleFirst = false;
        const WarmstartPipelineResult raw = runWarmstartPipeline(mis, o);
        bool someInfeasible = false;
        for (const auto& entry : raw.filtered.counts())
            someInfeasible = someInfeasible || !isIndependentSet(mis.graph, bitsFromIndex(entry.first, 10));
        QVERIFY(someInfeasible);  // otherwise the check below would prove nothing

        o.feasibleFirst = true;
        const WarmstartPipelineResult r = runWarmstartPipeline(mis, o);
        QCOMPARE(r.problem, std::string("mis"));
        QCOMPARE(r.raw, raw.raw);
        QCOMPARE(r.filtered.total(), 1000.0);
        for (const auto& entry : r.filtered.counts())
            QVERIFY(isIndependentSet(mis.graph, bitsFromIndex(entry.first, 10)));
    }

    void timeBased()
    {
        WarmstartPipelineOptions o = quickOptions();
        o.timeLimitSeconds = 0.01;
        o.runs = 3;
        std::size_t calls = 0;
        o.onRun = [&](bool, double, double) { ++calls; };
        const WarmstartPipelineResult r = runWarmstartPipeline(maxCutInstance(8, 6), o);
        QVERIFY(r.timeBased);
        QCOMPARE(r.cap, 0.01);
        QCOMPARE(calls, std::size_t{6});
        for (double t : r.experiment.warmFirstSuccess)
            QVERIFY(!std::isfinite(t) || t <= 0.01);
    }

    void cancel()
    {
        const Instance instance = maxCutInstance(8, 7);
        {
            RunControl control;
            control.requestCancel();
            const WarmstartPipelineResult r = runWarmstartPipeline(instance, quickOptions(), control);
            QVERIFY(r.cancelled);
            QCOMPARE(r.angles.depth(), std::size_t{2});
            QVERIFY(r.raw.empty());
        }
        {
            // Cancelled when the optimum stage begins: samples and pool are there, no runs.
            RunControl control;
            control.setProgressCallback([&](double, double, std::string_view stage) {
                if (stage == "optimum")
                    control.requestCancel();
            });
            const WarmstartPipelineResult r = runWarmstartPipeline(instance, quickOptions(), control);
            QVERIFY(r.cancelled);
            QCOMPARE(r.poolSize, std::size_t{1000});
            QVERIFY(r.experiment.randomFirstSuccess.empty());
        }
    }

    void badOptions()
    {
        const Instance instance = maxCutInstance(8, 1);
        auto failsAt = [&](auto change, ErrorCode code, const char* where) {
            WarmstartPipelineOptions o = quickOptions();
            change(o);
            return throwsAt([&] { runWarmstartPipeline(instance, o); }, code, where);
        };
        QVERIFY(failsAt([](auto& o) { o.shots = 0; }, ErrorCode::InvalidArgument, "shots"));
        QVERIFY(failsAt([](auto& o) { o.runs = 0; }, ErrorCode::InvalidArgument, "runs"));
        QVERIFY(failsAt([](auto& o) { o.backend = "local:nowhere"; }, ErrorCode::InvalidArgument, "backend"));
        QVERIFY(failsAt([](auto& o) { o.energyFraction = 1.5; }, ErrorCode::InvalidArgument, "energyFraction"));
        QVERIFY(failsAt([](auto& o) { o.depth = 0; }, ErrorCode::InvalidArgument, "depth"));
        QVERIFY(failsAt([](auto& o) { o.depth = 7; }, ErrorCode::InvalidArgument, "depth"));  // Max-Cut table ends at 6
        QVERIFY(failsAt([](auto& o) { o.samples = SampleCounts::fromShots({1, 2, 3}, 7); }, ErrorCode::InvalidArgument,
                        "samples"));
        QVERIFY(failsAt([](auto& o) { o.readout = ReadoutMitigation::Lnf; }, ErrorCode::InvalidArgument, "readout"));
        QVERIFY(failsAt(
            [](auto& o) {
                o.filter = SampleFilterKind::Energy;
                o.energyFraction = 0.0;
            },
            ErrorCode::InvalidArgument, "filter"));
        // With job samples there is something to mitigate, even on local:ideal (whose readout is exact).
        WarmstartPipelineOptions o = quickOptions();
        o.samples = SampleCounts::fromShots({1, 2, 3, 3, 200}, 8);
        o.readout = ReadoutMitigation::Tensored;
        const WarmstartPipelineResult r = runWarmstartPipeline(instance, o);
        QVERIFY(r.mitigated);
        QCOMPARE(r.filtered.total(), 1000.0);
    }
};

QTEST_APPLESS_MAIN(TstWarmstartPipeline)
#include "warmstart_pipeline.test.moc"
