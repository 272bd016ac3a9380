// SPDX-License-Identifier: MIT
// Tests of the sample metrics: hand-computed QUBO, Max-Cut and LCRP cases, and slow per-sample references.
#include "qaoa/sample_metrics.h"

#include <QtTest>

#include "lcrp_test_instances.h"
#include "test_support.h"

#include "core/error.h"
#include "graph/graph_problems.h"
#include "lcrp/lcrp_evaluator.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <tuple>
#include <vector>

using engine::SampleSet;

namespace {

/// 2 tasks x 2 models. cheap: $0/1K, quality 0.3; good: $10/1K, quality 0.9. T0 (complexity 1, q_min 0.2, 1000
/// tokens) may use either; T1 (complexity 3, q_min 0.7, 2000 tokens) needs good. Budget $25: good+good costs
/// $30. Variables v = 2 i + j: v0 = T0/cheap, v1 = T0/good, v2 = T1/cheap, v3 = T1/good.
engine::LcrpInstance handInstance()
{
    engine::LcrpInstance inst;
    inst.models = {{"cheap", 0.0, 0.3, 50.0, 8192.0}, {"good", 10.0, 0.9, 100.0, 100000.0}};
    inst.tasks = {test_support::makeTask("T0", 1, 1000.0), test_support::makeTask("T1", 3, 2000.0)};
    inst.budgetUsd = 25.0;
    return inst;
}

/// f = x0 + x1 - 3 x0 x1: E(00) = 0, E(x0 = 1) = 1, E(x1 = 1) = 1, E(11) = -1.
engine::QuboModel handQubo()
{
    engine::QuboModel q(2);
    q.addLinear(0, 1.0);
    q.addLinear(1, 1.0);
    q.addQuadratic(0, 1, -3.0);
    return q;
}

engine::QuboModel randomQubo(std::size_t n, std::mt19937_64& rng)
{
    std::uniform_real_distribution<double> c(-2.0, 2.0);
    engine::QuboModel q(n);
    q.addOffset(c(rng));
    for (std::size_t i = 0; i < n; ++i) {
        q.addLinear(i, c(rng));
        for (std::size_t j = i + 1; j < n; ++j)
            if (rng() % 2)
                q.addQuadratic(i, j, c(rng));
    }
    return q;
}

std::vector<double> randomDistribution(std::size_t size, std::mt19937_64& rng)
{
    std::uniform_real_distribution<double> u(0.0, 1.0);
    std::vector<double> p(size);
    double total = 0.0;
    for (double& x : p) {
        x = u(rng) < 0.3 ? 0.0 : u(rng);  // some states never seen
        total += x;
    }
    for (double& x : p)
        x /= total;
    return p;
}

void compareSummary(const engine::LcrpSolutionSummary& actual, const std::vector<int>& assignment, double cost,
                    double quality, bool feasible, double probability)
{
    QCOMPARE(actual.assignment, assignment);
    QAOA_COMPARE_NEAR(actual.costUsd, cost, 1e-12);
    QAOA_COMPARE_NEAR(actual.qualitySatisfaction, quality, 1e-15);
    QCOMPARE(actual.feasible, feasible);
    QAOA_COMPARE_NEAR(actual.sampleProbability, probability, 1e-15);
}

/// Everything lcrpSampleMetrics reports, recomputed sample by sample with evaluateBits and projectToValid.
struct LcrpReference {
    double validRate = 0.0;
    double feasibleRate = 0.0;
    double decodedFeasibleRate = 0.0;
    std::vector<double> marginals;
    std::vector<int> bestValid;  // empty when none
    std::vector<int> bestFeasible;
    std::vector<int> decodedBest;
    std::vector<int> decodedBestFeasible;
    double bestValidProbability = 0.0;

    LcrpReference(const engine::LcrpInstance& inst, const engine::LcrpEncoding& enc, const SampleSet& s)
    {
        const std::size_t numX = inst.numAssignmentVariables();
        double total = 0.0;
        for (const double w : s.weights)
            total += w;
        marginals.assign(numX, 0.0);
        // Ties as documented: bests by (objective, cost, state), cheapest by (cost, objective, state).
        using Key = std::tuple<double, double, std::uint64_t>;
        const Key none{std::numeric_limits<double>::infinity(), 0.0, 0};
        Key valid = none;
        Key cheapest = none;
        for (std::size_t k = 0; k < s.states.size(); ++k) {
            if (s.weights[k] <= 0.0)
                continue;
            const engine::Bits bits = engine::bitsFromIndex(s.states[k], s.numVariables);
            for (std::size_t v = 0; v < numX; ++v)
                marginals[v] += bits[v] ? s.weights[k] / total : 0.0;
            const engine::LcrpEvaluation ev = engine::evaluateBits(inst, enc, bits);
            validRate += ev.valid ? s.weights[k] / total : 0.0;
            feasibleRate += ev.feasible ? s.weights[k] / total : 0.0;
            if (ev.valid && Key{ev.objective, ev.costUsd, s.states[k]} < valid) {
                valid = {ev.objective, ev.costUsd, s.states[k]};
                bestValid = ev.assignment;
            }
            if (ev.feasible && Key{ev.costUsd, ev.objective, s.states[k]} < cheapest) {
                cheapest = {ev.costUsd, ev.objective, s.states[k]};
                bestFeasible = ev.assignment;
            }
        }
        valid = none;
        cheapest = none;
        for (std::size_t k = 0; k < s.states.size(); ++k) {
            if (s.weights[k] <= 0.0)
                continue;
            const engine::Bits bits = engine::bitsFromIndex(s.states[k], s.numVariables);
            const std::vector<int> a = engine::projectToValid(inst, bits, &marginals, enc.options.objective);
            const engine::LcrpEvaluation ev = engine::evaluateAssignment(inst, enc, a);
            decodedFeasibleRate += ev.feasible ? s.weights[k] / total : 0.0;
            if (Key{ev.objective, ev.costUsd, s.states[k]} < valid) {
                valid = {ev.objective, ev.costUsd, s.states[k]};
                decodedBest = a;
            }
            if (ev.feasible && Key{ev.costUsd, ev.objective, s.states[k]} < cheapest) {
                cheapest = {ev.costUsd, ev.objective, s.states[k]};
                decodedBestFeasible = a;
            }
        }
        for (std::size_t k = 0; k < s.states.size(); ++k) {
            const engine::LcrpEvaluation raw =
                engine::evaluateBits(inst, enc, engine::bitsFromIndex(s.states[k], s.numVariables));
            if (!bestValid.empty() && raw.valid && raw.assignment == bestValid)
                bestValidProbability += s.weights[k] / total;
        }
    }
};

SampleSet denseAsSet(const std::vector<double>& p, std::size_t n)
{
    SampleSet s;
    s.numVariables = n;
    for (std::size_t z = 0; z < p.size(); ++z) {
        s.states.push_back(z);
        s.weights.push_back(p[z]);
    }
    return s;
}

} // namespace

class TstSampleMetrics : public QObject {
    Q_OBJECT

private slots:
    void sampleSetsAndViews();
    void quboHandComputed();
    void quboDenseAndSparseMatchTheReference();
    void maxCutHandComputed();
    void lcrpHandComputed();
    void lcrpNothingFeasible();
    void lcrpMatchesPerSampleReference();
    void errors();
};

void TstSampleMetrics::sampleSetsAndViews()
{
    const SampleSet counts = engine::sampleSetFromCounts({{5, 3}, {0, 1}}, 3);
    QCOMPARE(counts.states, (std::vector<std::uint64_t>{0, 5}));
    QCOMPARE(counts.weights, (std::vector<double>{1.0, 3.0}));
    // Variable 0 first in Bits, bit 0 of the index: "100" is state 1, "001" state 4; repeats merge.
    const SampleSet shots = engine::sampleSetFromBitstrings(
        {engine::bitsFromString("100"), engine::bitsFromString("001"), engine::bitsFromString("100")});
    QCOMPARE(shots.numVariables, std::size_t{3});
    QCOMPARE(shots.states, (std::vector<std::uint64_t>{1, 4}));
    QCOMPARE(shots.weights, (std::vector<double>{2.0, 1.0}));
    const SampleSet weighted =
        engine::sampleSetFromBitstrings({engine::bitsFromString("11"), engine::bitsFromString("11")}, {0.25, 0.5});
    QCOMPARE(weighted.states, std::vector<std::uint64_t>{3});
    QCOMPARE(weighted.weights, std::vector<double>{0.75});

    const engine::SampleView view(shots);
    QVERIFY(!view.isDense());
    QCOMPARE(view.size(), std::size_t{2});
    QCOMPARE(view.state(1), std::uint64_t{4});
    const std::vector<double> p(16, 1.0 / 16.0);
    const engine::SampleView dense(p);
    QVERIFY(dense.isDense());
    QCOMPARE(dense.numVariables(), std::size_t{4});
    QCOMPARE(dense.state(9), std::uint64_t{9});
    const std::vector<double> one{1.0};
    QCOMPARE(engine::SampleView(one).numVariables(), std::size_t{0});
}

void TstSampleMetrics::quboHandComputed()
{
    const engine::QuboModel q = handQubo();
    engine::EnergyBounds bounds;
    bounds.minimum = -1.0;
    bounds.maximum = 1.0;

    // Counts {00: 1, x0: 1, 11: 2}: <E> = (0 + 1 - 2) / 4 = -0.25.
    const SampleSet counts = engine::sampleSetFromCounts({{0, 1}, {1, 1}, {3, 2}}, 2);
    const engine::QuboSampleMetrics m = engine::quboSampleMetrics(q, counts, bounds);
    QCOMPARE(m.totalWeight, 4.0);
    QAOA_COMPARE_NEAR(m.expectation, -0.25, 1e-15);
    QCOMPARE(m.bestEnergy, -1.0);
    QCOMPARE(m.bestState, std::uint64_t{3});
    QAOA_COMPARE_NEAR(*m.approximationRatio, 0.25, 1e-15);         // <E> / E_min
    QAOA_COMPARE_NEAR(*m.arStar, 1.0 - 0.75 / 2.0, 1e-15);         // 1 - (<E> - E_min) / (E_max - E_min)
    QAOA_COMPARE_NEAR(*m.optimumProbability, 0.5, 1e-15);

    // Dense (0.1, 0.2, 0.3, 0.4): <E> = 0.2 + 0.3 - 0.4 = 0.1; unnormalised weights give the same figures.
    for (const double scale : {1.0, 10.0}) {
        const std::vector<double> p{0.1 * scale, 0.2 * scale, 0.3 * scale, 0.4 * scale};
        const engine::QuboSampleMetrics d = engine::quboSampleMetrics(q, p, bounds);
        QAOA_COMPARE_NEAR(d.totalWeight, scale, 1e-15);
        QAOA_COMPARE_NEAR(d.expectation, 0.1, 1e-15);
        QAOA_COMPARE_NEAR(*d.approximationRatio, -0.1, 1e-15);
        QAOA_COMPARE_NEAR(*d.arStar, 0.45, 1e-15);
        QAOA_COMPARE_NEAR(*d.optimumProbability, 0.4, 1e-15);
        QCOMPARE(d.bestState, std::uint64_t{3});
    }

    // Unseen states do not count as found; without bounds no ratios are reported.
    const std::vector<double> noOptimum{0.5, 0.0, 0.5, 0.0};
    const engine::QuboSampleMetrics unseen = engine::quboSampleMetrics(q, noOptimum);
    QCOMPARE(unseen.bestEnergy, 0.0);
    QCOMPARE(unseen.bestState, std::uint64_t{0});
    QVERIFY(!unseen.approximationRatio && !unseen.arStar && !unseen.optimumProbability);
    // E_min >= 0: the ratio <E>/E_min is not meaningful and left out; AR* needs E_max > E_min.
    engine::EnergyBounds positive;
    positive.minimum = 0.5;
    positive.maximum = 0.5;
    const engine::QuboSampleMetrics noRatio = engine::quboSampleMetrics(q, noOptimum, positive);
    QVERIFY(!noRatio.approximationRatio && !noRatio.arStar);
    QCOMPARE(*noRatio.optimumProbability, 0.5);  // E(00) = 0 <= 0.5 + tolerance
}

void TstSampleMetrics::quboDenseAndSparseMatchTheReference()
{
    std::mt19937_64 rng(31);
    for (const std::size_t n : {1, 5, 11, 13}) {  // 2^11, 2^13 > 1024: the Gray walk re-anchors
        const engine::QuboModel q = randomQubo(n, rng);
        const std::vector<double> p = randomDistribution(std::size_t{1} << n, rng);
        std::vector<double> energies(p.size());
        double expectation = 0.0;
        double best = std::numeric_limits<double>::infinity();
        std::uint64_t bestState = 0;
        for (std::size_t z = 0; z < p.size(); ++z) {
            energies[z] = q.energy(engine::bitsFromIndex(z, n));
            expectation += p[z] * energies[z];
            if (p[z] > 0.0 && energies[z] < best) {
                best = energies[z];
                bestState = z;
            }
        }
        engine::EnergyBounds bounds;
        bounds.minimum = *std::min_element(energies.begin(), energies.end());
        bounds.maximum = *std::max_element(energies.begin(), energies.end());
        double optimum = 0.0;
        for (std::size_t z = 0; z < p.size(); ++z)
            optimum += energies[z] <= *bounds.minimum + 1e-9 ? p[z] : 0.0;

        const SampleSet set = denseAsSet(p, n);
        for (const engine::QuboSampleMetrics& m :
             {engine::quboSampleMetrics(q, p, bounds), engine::quboSampleMetrics(q, set, bounds),
              engine::diagonalSampleMetrics(p, energies, bounds)}) {
            QAOA_COMPARE_NEAR(m.expectation, expectation, 1e-12);
            QAOA_COMPARE_NEAR(m.bestEnergy, best, 1e-12);
            QCOMPARE(m.bestState, bestState);
            QAOA_COMPARE_NEAR(*m.optimumProbability, optimum, 1e-12);
            QAOA_COMPARE_NEAR(*m.arStar, 1.0 - (expectation - *bounds.minimum) / (*bounds.maximum - *bounds.minimum),
                              1e-12);
            QCOMPARE(m.approximationRatio.has_value(), *bounds.minimum < 0.0);
        }
    }
}

void TstSampleMetrics::maxCutHandComputed()
{
    // Triangle, uniform distribution: six of eight states cut 2 edges, two cut none.
    engine::WeightedGraph triangle(3);
    triangle.addEdge(0, 1);
    triangle.addEdge(1, 2);
    triangle.addEdge(0, 2);
    const std::vector<double> uniform(8, 0.125);
    const engine::MaxCutSampleMetrics m = engine::maxCutSampleMetrics(triangle, uniform, 2.0);
    QAOA_COMPARE_NEAR(m.expectedCut, 1.5, 1e-15);
    QCOMPARE(m.bestCut, 2.0);
    QCOMPARE(m.bestState, std::uint64_t{1});
    QAOA_COMPARE_NEAR(*m.approximationRatio, 0.75, 1e-15);
    QAOA_COMPARE_NEAR(*m.optimumProbability, 0.75, 1e-15);

    // Weighted path 0 -(2)- 1 -(1)- 2, optimum 3 (vertex 1 alone). Counts {x1: 1, none: 1, x0: 2}: cuts 3, 0, 2.
    engine::WeightedGraph path(3);
    path.addEdge(0, 1, 2.0);
    path.addEdge(1, 2, 1.0);
    const SampleSet counts = engine::sampleSetFromCounts({{2, 1}, {0, 1}, {1, 2}}, 3);
    const engine::MaxCutSampleMetrics w = engine::maxCutSampleMetrics(path, counts, 3.0);
    QCOMPARE(w.totalWeight, 4.0);
    QAOA_COMPARE_NEAR(w.expectedCut, 7.0 / 4.0, 1e-15);
    QCOMPARE(w.bestCut, 3.0);
    QCOMPARE(w.bestState, std::uint64_t{2});
    QAOA_COMPARE_NEAR(*w.approximationRatio, 7.0 / 12.0, 1e-15);
    QAOA_COMPARE_NEAR(*w.optimumProbability, 0.25, 1e-15);
    // The expected cut agrees with cutValue sample by sample.
    QAOA_COMPARE_NEAR(w.expectedCut,
                      (engine::cutValue(path, engine::bitsFromIndex(2, 3))
                       + 2.0 * engine::cutValue(path, engine::bitsFromIndex(1, 3)))
                          / 4.0,
                      1e-15);
    const engine::MaxCutSampleMetrics unknown = engine::maxCutSampleMetrics(path, counts);
    QVERIFY(!unknown.approximationRatio && !unknown.optimumProbability);
}

void TstSampleMetrics::lcrpHandComputed()
{
    const engine::LcrpInstance inst = handInstance();
    const engine::LcrpEncoding enc = engine::encodeLcrp(inst);
    // 9 = cheap,good (feasible, $20); 10 = good,good (over budget); 5 = cheap,cheap (T1 quality); 8 = T0 empty;
    // 15 = both rows full.
    const SampleSet counts = engine::sampleSetFromCounts({{9, 3}, {10, 2}, {5, 1}, {8, 2}, {15, 2}}, 4);
    const engine::LcrpSampleMetrics m = engine::lcrpSampleMetrics(inst, enc, counts);
    QCOMPARE(m.totalWeight, 10.0);
    QAOA_COMPARE_NEAR(m.validRate, 0.6, 1e-15);
    QAOA_COMPARE_NEAR(m.feasibleRate, 0.3, 1e-15);
    QAOA_COMPARE_NEAR(m.uniformValidRate, 0.25, 1e-15);     // (2/4)^2
    QAOA_COMPARE_NEAR(m.uniformAllowedRate, 0.125, 1e-15);  // (2/4)(1/4)
    QVERIFY(m.bestValid && m.bestFeasible);
    compareSummary(*m.bestValid, {0, 1}, 20.0, 1.0, true, 0.3);
    QAOA_COMPARE_NEAR(m.bestValid->objective, 1.0, 1e-12);  // normalised cost 20 / 20, no penalty
    compareSummary(*m.bestFeasible, {0, 1}, 20.0, 1.0, true, 0.3);
    QCOMPARE(m.marginals.size(), std::size_t{4});
    const std::vector<double> marginals{0.6, 0.4, 0.3, 0.9};
    for (std::size_t v = 0; v < 4; ++v)
        QAOA_COMPARE_NEAR(m.marginals[v], marginals[v], 1e-15);
    // Decoding keeps 9, 10 and 5; 8 fills T0 with cheap (marginal 0.6 > 0.4); 15 keeps cheap for T0 and good
    // for T1 (0.9 > 0.3). Feasible after decoding: 3 + 2 + 2 of 10.
    QAOA_COMPARE_NEAR(m.decodedFeasibleRate, 0.7, 1e-15);
    compareSummary(m.decodedBest, {0, 1}, 20.0, 1.0, true, 0.3);
    QVERIFY(m.decodedBestFeasible);
    compareSummary(*m.decodedBestFeasible, {0, 1}, 20.0, 1.0, true, 0.3);

    // The same distribution as a probability vector gives the same figures.
    std::vector<double> p(16, 0.0);
    p[9] = 0.3;
    p[10] = 0.2;
    p[5] = 0.1;
    p[8] = 0.2;
    p[15] = 0.2;
    const engine::LcrpSampleMetrics d = engine::lcrpSampleMetrics(inst, enc, p);
    QAOA_COMPARE_NEAR(d.validRate, 0.6, 1e-15);
    QAOA_COMPARE_NEAR(d.decodedFeasibleRate, 0.7, 1e-15);
    compareSummary(*d.bestValid, {0, 1}, 20.0, 1.0, true, 0.3);

    // Samples over the encoding's full register (assignment bits then slack bits): slack bits are ignored.
    const std::size_t full = 4 + enc.numSlackVariables;
    const SampleSet withSlack = engine::sampleSetFromCounts(
        {{9 | (std::uint64_t{5} << 4), 3}, {10, 2}, {5 | (std::uint64_t{1} << 4), 1}, {8, 2}, {15, 1},
         {15 | (std::uint64_t{63} << 4), 1}},
        full);
    const engine::LcrpSampleMetrics s = engine::lcrpSampleMetrics(inst, enc, withSlack);
    QAOA_COMPARE_NEAR(s.validRate, 0.6, 1e-15);
    QAOA_COMPARE_NEAR(s.decodedFeasibleRate, 0.7, 1e-15);
    compareSummary(*s.bestValid, {0, 1}, 20.0, 1.0, true, 0.3);
}

void TstSampleMetrics::lcrpNothingFeasible()
{
    // good,good (objective 0.5 + 1 + budget 5 (5/25)^2 = 1.7) and good,cheap (0.5 + lambda_Q 10 = 400.5).
    const engine::LcrpInstance inst = handInstance();
    const engine::LcrpEncoding enc = engine::encodeLcrp(inst);
    const SampleSet counts = engine::sampleSetFromCounts({{10, 1}, {6, 3}}, 4);
    const engine::LcrpSampleMetrics m = engine::lcrpSampleMetrics(inst, enc, counts);
    QCOMPARE(m.validRate, 1.0);
    QCOMPARE(m.feasibleRate, 0.0);
    QVERIFY(m.bestValid);
    compareSummary(*m.bestValid, {1, 1}, 30.0, 1.0, false, 0.25);
    QAOA_COMPARE_NEAR(m.bestValid->objective, 1.7, 1e-12);
    QVERIFY(!m.bestFeasible);
    QCOMPARE(m.decodedFeasibleRate, 0.0);
    compareSummary(m.decodedBest, {1, 1}, 30.0, 1.0, false, 0.25);
    QVERIFY(!m.decodedBestFeasible);
    // No valid sample at all: only the decoded figures have a best.
    const engine::LcrpSampleMetrics none =
        engine::lcrpSampleMetrics(inst, enc, engine::sampleSetFromCounts({{0, 1}}, 4));
    QCOMPARE(none.validRate, 0.0);
    QVERIFY(!none.bestValid && !none.bestFeasible);
    // Empty rows take the highest marginal, all zero here: ties keep the lower index (cheap, cheap).
    compareSummary(none.decodedBest, {0, 0}, 0.0, 0.5, false, 0.0);
}

void TstSampleMetrics::lcrpMatchesPerSampleReference()
{
    std::mt19937_64 rng(4242);
    for (int round = 0; round < 24; ++round) {
        const engine::LcrpInstance inst = test_support::randomLcrpInstance(rng, test_support::lcrpSizes(1, 4, 1, 4));
        engine::LcrpEncoderOptions options;
        options.budgetSlackBits = 3;
        options.objective = round % 3 == 0 ? engine::LcrpObjectiveKind::ReferenceV2 : engine::LcrpObjectiveKind::Exact;
        const engine::LcrpEncoding enc = engine::encodeLcrp(inst, options);
        const std::size_t numX = inst.numAssignmentVariables();

        // A few shots over the full register (the per-sample projection path) ...
        SampleSet shots;
        shots.numVariables = numX + enc.numSlackVariables;
        for (int k = 0; k < 6; ++k) {
            shots.states.push_back(rng() & ((std::uint64_t{1} << shots.numVariables) - 1));
            shots.weights.push_back(double(1 + rng() % 5));
        }
        // ... and a dense distribution over the assignment bits (the tabulated projection path).
        const std::vector<double> p = randomDistribution(std::size_t{1} << numX, rng);
        const SampleSet dense = denseAsSet(p, numX);

        for (const bool useDense : {false, true}) {
            const SampleSet& s = useDense ? dense : shots;
            const LcrpReference ref(inst, enc, s);
            const engine::LcrpSampleMetrics m =
                useDense ? engine::lcrpSampleMetrics(inst, enc, p) : engine::lcrpSampleMetrics(inst, enc, s);
            const QString where = QString("round %1 dense %2").arg(round).arg(useDense);
            QVERIFY2(test_support::near(m.validRate, ref.validRate, 1e-12), qPrintable(where));
            QVERIFY2(test_support::near(m.feasibleRate, ref.feasibleRate, 1e-12), qPrintable(where));
            QVERIFY2(test_support::near(m.decodedFeasibleRate, ref.decodedFeasibleRate, 1e-12), qPrintable(where));
            for (std::size_t v = 0; v < numX; ++v)
                QVERIFY(test_support::near(m.marginals[v], ref.marginals[v], 1e-12));
            QCOMPARE(m.bestValid.has_value(), !ref.bestValid.empty());
            if (m.bestValid) {
                QCOMPARE(m.bestValid->assignment, ref.bestValid);
                QVERIFY(test_support::near(m.bestValid->sampleProbability, ref.bestValidProbability, 1e-12));
            }
            QCOMPARE(m.bestFeasible.has_value(), !ref.bestFeasible.empty());
            if (m.bestFeasible)
                QCOMPARE(m.bestFeasible->assignment, ref.bestFeasible);
            QCOMPARE(m.decodedBest.assignment, ref.decodedBest);
            QCOMPARE(m.decodedBestFeasible.has_value(), !ref.decodedBestFeasible.empty());
            if (m.decodedBestFeasible)
                QCOMPARE(m.decodedBestFeasible->assignment, ref.decodedBestFeasible);
            // Summaries carry evaluateAssignment's figures.
            const engine::LcrpEvaluation ev = engine::evaluateAssignment(inst, enc, m.decodedBest.assignment);
            QCOMPARE(m.decodedBest.objective, ev.objective);
            QCOMPARE(m.decodedBest.costUsd, ev.costUsd);
            QCOMPARE(m.decodedBest.feasible, ev.feasible);
        }
    }
}

void TstSampleMetrics::errors()
{
    SampleSet bad;
    bad.numVariables = 2;
    bad.states = {4};
    bad.weights = {1.0};
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::SampleView{bad});
    bad.states = {1, 2};
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::SampleView{bad});
    bad.numVariables = 65;
    bad.states = {1};
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::SampleView{bad});
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::sampleSetFromCounts({{8, 1}}, 3));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::sampleSetFromCounts({{1, 1}}, 65));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::sampleSetFromBitstrings(
                                                {engine::bitsFromString("10"), engine::bitsFromString("101")}));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::sampleSetFromBitstrings({engine::Bits(65, 0)}));
    QVERIFY_THROWS_EXCEPTION(engine::Error,
                             engine::sampleSetFromBitstrings({engine::bitsFromString("10")}, {1.0, 2.0}));
    const std::vector<double> three(3, 1.0 / 3.0);
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::SampleView{three});
    const std::vector<double> empty;
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::SampleView{empty});

    const engine::QuboModel q = handQubo();
    const std::vector<double> eight(8, 0.125);
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::quboSampleMetrics(q, eight));  // 3 variables for 2
    const std::vector<double> negative{0.5, -0.1, 0.3, 0.3};
    try {
        engine::quboSampleMetrics(q, negative);
        QFAIL("no exception");
    } catch (const engine::Error& e) {
        QVERIFY(e.code() == engine::ErrorCode::InvalidArgument);
        QCOMPARE(e.where(), std::string("probabilities[1]"));
    }
    const std::vector<double> zeros(4, 0.0);
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::quboSampleMetrics(q, zeros));
    const std::vector<double> nan{0.5, std::nan(""), 0.25, 0.25};
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::quboSampleMetrics(q, nan));
    engine::EnergyBounds badBounds;
    badBounds.minimum = INFINITY;
    const std::vector<double> quarter(4, 0.25);
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::quboSampleMetrics(q, quarter, badBounds));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::diagonalSampleMetrics(quarter, {0.0, 1.0}));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::diagonalSampleMetrics(quarter, {0.0, 1.0, INFINITY, 2.0}));

    const engine::LcrpInstance inst = handInstance();
    const engine::LcrpEncoding enc = engine::encodeLcrp(inst);
    const std::vector<double> five(32, 1.0 / 32.0);  // 5 variables: neither 4 nor 4 + K
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::lcrpSampleMetrics(inst, enc, five));
    engine::LcrpInstance other = handInstance();
    other.tasks.push_back(test_support::makeTask("T2", 2, 500.0));
    const std::vector<double> sixteen(16, 1.0 / 16.0);
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::lcrpSampleMetrics(other, enc, sixteen));
    const std::vector<double> nothing(16, 0.0);
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::lcrpSampleMetrics(inst, enc, nothing));
}

QTEST_APPLESS_MAIN(TstSampleMetrics)
#include "sample_metrics.test.moc"
