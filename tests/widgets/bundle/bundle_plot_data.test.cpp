// SPDX-License-Identifier: MIT
// Tests of bundlePlotData: each kind's data equals what the engine computes directly from the same inputs, and
// unusable content is refused with the member or JSON pointer named.
#include "bundle/bundle_plot_data.h"

#include <QtTest>

#include "test_support.h"

#include "bundle_fixtures.h"

#include "core/bits.h"
#include "core/error.h"
#include "io/instance_file.h"
#include "jobs/qaoa_job.h"
#include "qubo/ising_model.h"

#include <cmath>

using namespace workbench;
using nlohmann::json;

class TstBundlePlotData : public QObject {
    Q_OBJECT

private slots:
    // qaoa-run: the bars are the stored top states with their QUBO energies, the trace is the one runQaoa
    // reports with the recorded options (to the bit), and the landscape equals p1GridSearch on the same grid.
    void qaoaRunMatchesTheEngine()
    {
        const engine::Instance instance = bundle_fixtures::maxCutInstance(8, 5);
        const engine::QaoaRunOptions options = bundle_fixtures::qaoaOptions(1, 2, 15);
        const engine::Bundle bundle = bundle_fixtures::qaoaBundle(instance, options);
        const BundlePlotData data = bundlePlotData(bundle, "b");
        QCOMPARE(data.kind, std::string("qaoa-run"));
        QCOMPARE(data.problem, std::string("maxcut"));
        const engine::QuboModel qubo = engine::instanceQubo(instance);
        QCOMPARE(data.numBits, qubo.numVariables());

        const json& top = bundle.results["topStates"];
        QCOMPARE(data.bars.size(), std::min<std::size_t>(top.size(), BUNDLE_HISTOGRAM_OUTCOMES));
        for (std::size_t k = 0; k < data.bars.size(); ++k) {
            QCOMPARE(data.bars[k].state, top[k]["state"].get<std::uint64_t>());
            QCOMPARE(data.bars[k].probability, top[k]["probability"].get<double>());
            QCOMPARE(data.bars[k].energy, qubo.energy(engine::bitsFromIndex(data.bars[k].state, data.numBits)));
        }

        std::vector<engine::QaoaProgressPoint> direct;
        engine::QaoaRunOptions traced = options;
        traced.onEvaluation = [&](const engine::QaoaProgressPoint& p) { direct.push_back(p); };
        (void)engine::runQaoa(instance, traced);
        QVERIFY(data.optimised && data.traceReplayed);
        QCOMPARE(data.trace.size(), direct.size());
        for (std::size_t k = 0; k < direct.size(); ++k)
            QCOMPARE(data.trace[k].energy, direct[k].energy);
        QCOMPARE(*data.finalExpectation, bundle.results["expectation"].get<double>());
        QVERIFY(!data.lcrpInstance && !data.uniformValidRate);

        QVERIFY(data.landscape.has_value());
        const engine::QaoaAngles angles{bundle.results["gammas"].get<std::vector<double>>(),
                                        bundle.results["betas"].get<std::vector<double>>()};
        const engine::P1GridResult grid =
            engine::p1GridSearch(engine::toIsing(qubo), landscapeGrid(angles, qubo, BUNDLE_LANDSCAPE_STEPS));
        QCOMPARE(data.landscape->values.size(), grid.values.size());
        QCOMPARE(data.landscape->bestValue, grid.bestValue);
        QCOMPARE(data.landscapePoint, landscapePoint(angles));
    }

    // LCRP: the valid rate per evaluation is tracked and the baseline comes with it.
    void lcrpRunTracksTheValidRate()
    {
        const engine::Bundle bundle =
            bundle_fixtures::qaoaBundle(bundle_fixtures::lcrpInstance(), bundle_fixtures::qaoaOptions(1, 1, 10));
        const BundlePlotData data = bundlePlotData(bundle, "b");
        QVERIFY(data.lcrpInstance && data.lcrpEncoding && data.uniformValidRate && data.finalValidRate);
        QCOMPARE(*data.finalValidRate, bundle.results["lcrpExact"]["validRate"].get<double>());
        QVERIFY(!data.trace.empty());
        for (const engine::QaoaProgressPoint& p : data.trace)
            QVERIFY(p.validRate.has_value());
        QCOMPARE(data.numBits, data.lcrpEncoding->qubo.numVariables());
    }

    // warmstart: the histogram is energyHistogram of samples.json's sets; successes, cap and Q come from results.
    void warmstartMatchesTheStoredRun()
    {
        const engine::Bundle bundle = bundle_fixtures::warmstartBundle();
        const BundlePlotData data = bundlePlotData(bundle, "w");
        const json samples = json::parse(bundle.find("samples.json")->content);
        const engine::SampleCounts raw = engine::samplesFromJson(samples, "raw", "s");
        const engine::SampleCounts filtered = engine::samplesFromJson(samples, "filtered", "s");
        const engine::Instance instance =
            engine::instanceFromJson(json::parse(bundle.find("instance.json")->content), "i");
        const EnergyHistogramData direct = energyHistogram(engine::instanceQubo(instance), raw, std::nullopt, filtered);
        QCOMPARE(data.energyHistogram.centres, direct.centres);
        QCOMPARE(data.energyHistogram.fractions[EnergyHistogramData::Raw], direct.fractions[EnergyHistogramData::Raw]);
        QCOMPARE(data.energyHistogram.fractions[EnergyHistogramData::Filtered],
                 direct.fractions[EnergyHistogramData::Filtered]);
        QCOMPARE(data.randomFirstSuccess.size(), bundle.results["randomFirstSuccess"].size());
        for (std::size_t k = 0; k < data.randomFirstSuccess.size(); ++k) {
            const json& stored = bundle.results["randomFirstSuccess"][k];
            QCOMPARE(data.randomFirstSuccess[k], stored.is_null() ? INFINITY : stored.get<double>());
        }
        QCOMPARE(data.cap, bundle.results["cap"].get<double>());
        QCOMPARE(data.qFactorOptions.cap, data.cap);
        QCOMPARE(data.qFactorOptions.bootstrapResamples, std::size_t{50});
        QCOMPARE(data.qFactorOptions.seed, std::uint64_t{5});
        QCOMPARE(*data.optimum, bundle.results["optimum"].get<double>());
        QVERIFY(!data.timeBased);
    }

    // job: the most frequent outcomes as frequencies of the shots.
    void jobCountsBecomeFrequencies()
    {
        const engine::Bundle bundle = bundle_fixtures::jobBundle();
        const BundlePlotData data = bundlePlotData(bundle, "j");
        QCOMPARE(data.shots, 6.0);
        QCOMPARE(data.bars.size(), std::size_t{4});
        const std::vector<std::pair<std::uint64_t, double>> expected{
            {0x15, 2.0 / 6.0}, {0x2a, 2.0 / 6.0}, {0x0, 1.0 / 6.0}, {0x3, 1.0 / 6.0}};
        for (std::size_t k = 0; k < expected.size(); ++k) {
            QCOMPARE(data.bars[k].state, expected[k].first);
            QAOA_COMPARE_NEAR(data.bars[k].probability, expected[k].second, 1e-15);
        }
        QCOMPARE(data.analysis, bundle.results);

        // Without samples.json the analysis' "counts" list stands in.
        engine::Bundle listed = bundle;
        listed.files.erase(std::remove_if(listed.files.begin(), listed.files.end(),
                                          [](const engine::BundleFile& f) { return f.path == "samples.json"; }),
                           listed.files.end());
        const BundlePlotData fromList = bundlePlotData(listed, "j");
        QCOMPARE(fromList.shots, 6.0);
        QCOMPARE(fromList.bars.size(), std::size_t{4});
        QCOMPARE(fromList.bars[0].state, std::uint64_t{0x15});
    }

    void unusableContentIsNamed()
    {
        engine::Bundle bundle =
            bundle_fixtures::qaoaBundle(bundle_fixtures::maxCutInstance(6, 2), bundle_fixtures::qaoaOptions(1, 1, 5));
        bundle.results["topStates"][0]["state"] = "x";
        try {
            (void)bundlePlotData(bundle, "b.qwbundle");
            QFAIL("accepted a state that is not a number");
        } catch (const engine::Error& e) {
            QCOMPARE(e.code(), engine::ErrorCode::InvalidInput);
            QCOMPARE(e.where(), std::string("b.qwbundle:manifest.json:/results/topStates/0"));
        }
        bundle.kind = "other";
        QVERIFY_THROWS_EXCEPTION(engine::Error, (void)bundlePlotData(bundle, "b.qwbundle"));
    }
};

QTEST_MAIN(TstBundlePlotData)
#include "bundle_plot_data.test.moc"
