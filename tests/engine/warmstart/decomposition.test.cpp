// SPDX-License-Identifier: MIT
// Tests of the decomposition: METIS plans against their invariants, part QUBOs against the full energy, and the
// recombination's flip search against a slow reference that tries every flip pattern on the full energy.
#include "warmstart/decomposition.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "graph/graph_generators.h"
#include "graph/graph_problems.h"
#include "solvers/brute_force.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <string>

using namespace engine;

namespace {

// Integer coefficients keep every energy exact, so the fast and slow flip searches can be compared bit for bit.
QuboModel randomIntegerQubo(std::size_t n, double density, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<int> coefficient(-5, 5);
    std::bernoulli_distribution present(density);
    QuboModel qubo(n);
    for (std::size_t i = 0; i < n; ++i)
        qubo.addLinear(i, coefficient(rng));
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j)
            if (present(rng))
                qubo.addQuadratic(i, j, coefficient(rng));
    qubo.addOffset(3.0);
    return qubo;
}

QuboModel randomRealQubo(std::size_t n, double density, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> coefficient(-1.0, 1.0);
    std::bernoulli_distribution present(density);
    QuboModel qubo(n);
    for (std::size_t i = 0; i < n; ++i)
        qubo.addLinear(i, coefficient(rng));
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j)
            if (present(rng))
                qubo.addQuadratic(i, j, coefficient(rng));
    qubo.addOffset(-0.5);
    return qubo;
}

double recountCut(const QuboModel& qubo, const std::vector<std::size_t>& partOf)
{
    double cut = 0.0;
    for (std::size_t i = 0; i < qubo.numVariables(); ++i)
        for (std::size_t j = i + 1; j < qubo.numVariables(); ++j)
            if (partOf[i] != partOf[j])
                cut += std::abs(qubo.quadratic(i, j));
    return cut;
}

void checkPlanInvariants(const QuboModel& qubo, const DecompositionPlan& plan, std::size_t maxPartSize)
{
    const std::size_t n = qubo.numVariables();
    QCOMPARE(plan.partOf.size(), n);
    // Parts of at most maxPartSize need at least ceil(n / maxPartSize); the plan never uses more.
    QCOMPARE(plan.parts.size(), (n + maxPartSize - 1) / maxPartSize);
    std::vector<int> seen(n, 0);
    for (std::size_t a = 0; a < plan.parts.size(); ++a) {
        const auto& part = plan.parts[a];
        QVERIFY(!part.empty());
        QVERIFY(part.size() <= maxPartSize);
        QVERIFY(std::is_sorted(part.begin(), part.end()));
        for (std::size_t v : part) {
            QVERIFY(v < n);
            QCOMPARE(plan.partOf[v], a);
            ++seen[v];
        }
    }
    for (std::size_t v = 0; v < n; ++v)
        QCOMPARE(seen[v], 1);
    QAOA_COMPARE_NEAR(plan.cutWeight, recountCut(qubo, plan.partOf), 1e-12);
}

// A plan that deals the variables out to k parts at random (every part non-empty).
DecompositionPlan randomPlan(std::size_t n, std::size_t k, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::shuffle(order.begin(), order.end(), rng);
    DecompositionPlan plan;
    plan.parts.resize(k);
    plan.partOf.resize(n);
    for (std::size_t r = 0; r < n; ++r) {
        const std::size_t a = r < k ? r : static_cast<std::size_t>(rng() % k);
        plan.partOf[order[r]] = a;
    }
    for (std::size_t v = 0; v < n; ++v)
        plan.parts[plan.partOf[v]].push_back(v);
    return plan;
}

// A few outcomes with random counts (integers and halves, so totals are exact) per part.
std::vector<SampleCounts> randomPartSamples(const DecompositionPlan& plan, std::size_t outcomesPerPart,
                                            std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::vector<SampleCounts> samples;
    for (const auto& part : plan.parts) {
        SampleCounts counts(part.size());
        const std::uint64_t states = std::uint64_t{1} << part.size();
        for (std::size_t o = 0; o < outcomesPerPart; ++o)
            counts.add(rng() % states, 0.5 * static_cast<double>(1 + rng() % 8));
        samples.push_back(counts);
    }
    return samples;
}

// Whether E(x) = E(not x) on every assignment (small models) or on 4096 seeded random ones (larger).
bool flipSymmetricByBruteForce(const QuboModel& qubo)
{
    const std::size_t n = qubo.numVariables();
    std::mt19937_64 rng(77);
    const bool all = n <= 12;
    const std::uint64_t count = all ? (std::uint64_t{1} << n) : 4096;
    for (std::uint64_t s = 0; s < count; ++s) {
        Bits x(n);
        for (std::size_t i = 0; i < n; ++i)
            x[i] = static_cast<std::uint8_t>(all ? (s >> i) & 1U : rng() & 1U);
        Bits y = x;
        for (auto& b : y)
            b = static_cast<std::uint8_t>(1 - b);
        if (std::abs(qubo.energy(x) - qubo.energy(y)) > 1e-9)
            return false;
    }
    return true;
}

// The slow reference: the same draws written out plainly, then every flip pattern (part 0 kept for
// flip-symmetric models) applied to a copy of the bits and scored with QuboModel::energy; the first pattern of
// least energy wins.
SampleCounts referenceRecombine(const QuboModel& qubo, const DecompositionPlan& plan,
                                const std::vector<SampleCounts>& partSamples, const RecombinationOptions& options)
{
    const std::size_t n = qubo.numVariables();
    const std::size_t k = plan.parts.size();
    std::mt19937_64 rng(options.seed);
    SampleCounts result(n);
    for (std::uint64_t shot = 0; shot < options.shots; ++shot) {
        Bits x(n, 0);
        for (std::size_t a = 0; a < k; ++a) {
            const double total = partSamples[a].total();
            const double u = static_cast<double>(rng() >> 11) * 0x1.0p-53 * total;
            double running = 0.0;
            std::uint64_t chosen = partSamples[a].counts().rbegin()->first;
            for (const auto& [index, c] : partSamples[a].counts()) {
                running += c;
                if (u < running) {
                    chosen = index;
                    break;
                }
            }
            for (std::size_t j = 0; j < plan.parts[a].size(); ++j)
                x[plan.parts[a][j]] = static_cast<std::uint8_t>((chosen >> j) & 1U);
        }
        if (options.flipParts) {
            Bits best = x;
            double bestEnergy = qubo.energy(x);
            // Part 0 stays only when flipping everything leaves every energy unchanged (checked here by brute
            // force on the model's own variables).
            const std::size_t first = flipSymmetricByBruteForce(qubo) ? 1 : 0;
            for (std::uint64_t pattern = 1; pattern < (std::uint64_t{1} << (k - first)); ++pattern) {
                Bits y = x;
                for (std::size_t v = 0; v < n; ++v)
                    if (plan.partOf[v] >= first && ((pattern >> (plan.partOf[v] - first)) & 1U))
                        y[v] = static_cast<std::uint8_t>(1 - y[v]);
                const double e = qubo.energy(y);
                if (e < bestEnergy) {
                    bestEnergy = e;
                    best = y;
                }
            }
            x = best;
        }
        result.add(x, 1.0);
    }
    return result;
}

// offset + sum a_i x_i + sum b_ij x_i x_j at real-valued x (the multilinear extension of the energy).
double multilinearEnergy(const QuboModel& qubo, const std::vector<double>& x)
{
    double e = qubo.offset();
    for (std::size_t i = 0; i < x.size(); ++i)
        e += qubo.linear(i) * x[i];
    for (const QuadraticTerm& t : qubo.quadraticTerms())
        e += t.value * x[t.i] * x[t.j];
    return e;
}

double meanEnergy(const QuboModel& qubo, const SampleCounts& samples)
{
    double sum = 0.0;
    for (const auto& [index, c] : samples.counts())
        sum += c * qubo.energy(bitsFromIndex(index, qubo.numVariables()));
    return sum / samples.total();
}

// Exhaustive best energy of the QUBO restricted to one part's variables.
SampleCounts exactPartSampler(const QuboModel& part, std::size_t)
{
    const SolverResult best = solveQuboBruteForce(part, 1);
    SampleCounts counts(part.numVariables());
    counts.add(best.bits, 1.0);
    return counts;
}

template <typename F>
void expectError(F&& f, ErrorCode code)
{
    try {
        f();
        QFAIL("no error thrown");
    } catch (const Error& e) {
        QCOMPARE(e.code(), code);
    }
}

} // namespace

class TstDecomposition : public QObject {
    Q_OBJECT

private slots:
    void partitionInvariants_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("maxPartSize");
        QTest::newRow("3-regular 60 / 20") << 0 << 60 << 20;
        QTest::newRow("3-regular 60 / 7") << 0 << 60 << 7;
        QTest::newRow("G(50, 0.1) / 9") << 1 << 50 << 9;
        QTest::newRow("K_12 / 5") << 2 << 12 << 5;
        QTest::newRow("path 30 / 4") << 3 << 30 << 4;
        QTest::newRow("path 30 / 1") << 3 << 30 << 1;
        QTest::newRow("no couplings 10 / 3") << 4 << 10 << 3;
        QTest::newRow("half isolated 40 / 6") << 5 << 40 << 6;
        QTest::newRow("random reals 45 / 11") << 6 << 45 << 11;
        // METIS leaves everything in one part here; the size repair has to move the leaves out.
        QTest::newRow("star 7 / 6") << 7 << 7 << 6;
        QTest::newRow("star 30 / 7") << 7 << 30 << 7;
        QTest::newRow("3-regular 120 / 40 (no slack)") << 0 << 120 << 40;
    }

    void partitionInvariants()
    {
        QFETCH(int, kind);
        QFETCH(int, n);
        QFETCH(int, maxPartSize);
        const auto size = static_cast<std::size_t>(n);
        QuboModel qubo;
        switch (kind) {
        case 0: qubo = encodeMaxCut(randomRegularGraph(size, 3, WeightKind::Uniform, 11)); break;
        case 1: qubo = encodeMaxCut(erdosRenyiGraph(size, 0.1, WeightKind::PlusMinusOne, 12)); break;
        case 2: qubo = encodeMaxCut(completeGraph(size, WeightKind::Uniform, 13)); break;
        case 3: qubo = encodeMaxCut(lineGraph(size, WeightKind::Unit, 14)); break;
        case 4:
            qubo = QuboModel(size);
            for (std::size_t i = 0; i < size; ++i)
                qubo.addLinear(i, 1.0);
            break;
        case 5:
            // Couplings only among the first half: the second half are isolated vertices for METIS.
            qubo = QuboModel(size);
            for (std::size_t i = 0; i + 1 < size / 2; ++i)
                qubo.addQuadratic(i, i + 1, 1.5);
            qubo.addQuadratic(0, size / 2 - 1, -2.0);
            break;
        case 6: qubo = randomRealQubo(size, 0.2, 15); break;
        default:
            qubo = QuboModel(size);
            for (std::size_t i = 1; i < size; ++i)
                qubo.addQuadratic(0, i, 1.0 + 0.1 * static_cast<double>(i));
            break;
        }
        const DecompositionPlan plan = partitionForDevice(qubo, static_cast<std::size_t>(maxPartSize), 7);
        checkPlanInvariants(qubo, plan, static_cast<std::size_t>(maxPartSize));
        if (kind == 7) {
            // METIS puts the whole star in one part; moving the lightest leaves out first leaves the hub with the
            // maxPartSize - 1 heaviest ones, the least cut any plan can have.
            double best = 0.0;
            for (std::size_t i = 1; i + static_cast<std::size_t>(maxPartSize) <= size; ++i)
                best += 1.0 + 0.1 * static_cast<double>(i);
            QAOA_COMPARE_NEAR(plan.cutWeight, best, 1e-12);
        }
    }

    void smallModelIsOnePart()
    {
        const QuboModel qubo = randomIntegerQubo(9, 0.5, 3);
        for (std::size_t maxPartSize : {std::size_t{9}, std::size_t{100}}) {
            const DecompositionPlan plan = partitionForDevice(qubo, maxPartSize, 5);
            QCOMPARE(plan.parts.size(), std::size_t{1});
            QCOMPARE(plan.parts[0].size(), std::size_t{9});
            QCOMPARE(plan.partOf, std::vector<std::size_t>(9, 0));
            QCOMPARE(plan.cutWeight, 0.0);
        }
    }

    void deterministicForASeed()
    {
        const QuboModel qubo = encodeMaxCut(randomRegularGraph(80, 4, WeightKind::Uniform, 21));
        for (std::uint64_t seed : {std::uint64_t{1}, std::uint64_t{99}, std::uint64_t{1} << 40}) {
            const DecompositionPlan a = partitionForDevice(qubo, 13, seed);
            const DecompositionPlan b = partitionForDevice(qubo, 13, seed);
            QCOMPARE(a.parts, b.parts);
            QCOMPARE(a.partOf, b.partOf);
            QCOMPARE(a.cutWeight, b.cutWeight);
        }
    }

    void partitionErrors()
    {
        const QuboModel qubo = randomIntegerQubo(5, 0.5, 1);
        expectError([&] { partitionForDevice(qubo, 0); }, ErrorCode::InvalidArgument);
        expectError([&] { partitionForDevice(QuboModel(), 4); }, ErrorCode::InvalidArgument);
    }

    void twoClustersSplitAlongTheBridge()
    {
        // Two K_8 on the even and the odd vertices, joined by the single edge {4, 9}.
        WeightedGraph graph(16);
        for (std::size_t c = 0; c < 2; ++c)
            for (std::size_t i = 0; i < 8; ++i)
                for (std::size_t j = i + 1; j < 8; ++j)
                    graph.addEdge(2 * i + c, 2 * j + c, 1.0);
        graph.addEdge(4, 9, 1.0);
        const QuboModel qubo = encodeMaxCut(graph);
        const DecompositionPlan plan = partitionForDevice(qubo, 8, 3);
        checkPlanInvariants(qubo, plan, 8);
        QCOMPARE(plan.parts.size(), std::size_t{2});
        QCOMPARE(plan.parts[0], (std::vector<std::size_t>{0, 2, 4, 6, 8, 10, 12, 14}));
        QCOMPARE(plan.parts[1], (std::vector<std::size_t>{1, 3, 5, 7, 9, 11, 13, 15}));
        QCOMPARE(plan.cutWeight, std::abs(qubo.quadratic(4, 9)));
        QCOMPARE(plan.cutWeight, 2.0);  // encodeMaxCut puts b_ij = 2 w_ij
    }

    void partQuboMatchesFullEnergy()
    {
        QuboModel qubo = randomRealQubo(25, 0.3, 31);
        qubo.setVariableName(17, "y17");
        std::mt19937_64 rng(32);
        for (int trial = 0; trial < 20; ++trial) {
            // A random subset in random order: renumbering follows the part's order, not the index order.
            std::vector<std::size_t> all(25);
            std::iota(all.begin(), all.end(), std::size_t{0});
            std::shuffle(all.begin(), all.end(), rng);
            const std::vector<std::size_t> part(all.begin(), all.begin() + 1 + static_cast<long>(rng() % 25));
            const QuboModel sub = partQubo(qubo, part);
            double constant = 0.0;
            QCOMPARE(sub.numVariables(), part.size());
            QCOMPARE(sub.offset(), 0.0);
            for (std::size_t j = 0; j < part.size(); ++j)
                QCOMPARE(sub.variableName(j), qubo.variableName(part[j]));
            for (int s = 0; s < 20; ++s) {
                Bits y(part.size());
                Bits x(25, 0);
                for (std::size_t j = 0; j < part.size(); ++j) {
                    y[j] = static_cast<std::uint8_t>(rng() & 1U);
                    x[part[j]] = y[j];
                }
                // Variables outside replaced by their mean 1/2: the part's energy is the full energy averaged
                // over the outside bits, up to a constant. With the outside at 1/2 exactly (the energy is
                // multilinear, so its average equals its value at the mean) the difference is that constant.
                std::vector<double> mean(25, 0.5);
                for (std::size_t j = 0; j < part.size(); ++j)
                    mean[part[j]] = y[j];
                const double full = multilinearEnergy(qubo, mean);
                if (s == 0)
                    constant = full - sub.energy(y);
                QAOA_COMPARE_NEAR(sub.energy(y) + constant, full, 1e-9);
            }
        }
    }

    void partQuboOfMaxCutIsTheInducedSubgraph()
    {
        const WeightedGraph graph = randomRegularGraph(16, 3, WeightKind::Uniform, 41);
        const std::vector<std::size_t> part{0, 2, 3, 7, 8, 11, 15};
        const QuboModel sub = partQubo(encodeMaxCut(graph), part);
        WeightedGraph induced(part.size());
        for (const auto& e : graph.edges()) {
            const auto a = std::find(part.begin(), part.end(), e.u);
            const auto b = std::find(part.begin(), part.end(), e.v);
            if (a != part.end() && b != part.end())
                induced.addEdge(static_cast<std::size_t>(a - part.begin()), static_cast<std::size_t>(b - part.begin()),
                                e.weight);
        }
        const QuboModel expected = encodeMaxCut(induced);
        for (std::uint64_t z = 0; z < (std::uint64_t{1} << part.size()); ++z) {
            const Bits y = bitsFromIndex(z, part.size());
            QAOA_COMPARE_NEAR(sub.energy(y), expected.energy(y) - expected.offset(), 1e-12);
        }
    }

    void partQuboErrors()
    {
        const QuboModel qubo = randomIntegerQubo(6, 0.5, 2);
        expectError([&] { partQubo(qubo, {}); }, ErrorCode::InvalidArgument);
        expectError([&] { partQubo(qubo, {1, 6}); }, ErrorCode::InvalidArgument);
        expectError([&] { partQubo(qubo, {2, 3, 2}); }, ErrorCode::InvalidArgument);
    }

    void recombineWidthsAndTotals()
    {
        const QuboModel qubo = randomIntegerQubo(14, 0.3, 41);
        const DecompositionPlan plan = randomPlan(14, 3, 42);
        const std::vector<SampleCounts> samples = randomPartSamples(plan, 3, 43);
        for (bool flip : {false, true}) {
            RecombinationOptions options;
            options.shots = 257;
            options.flipParts = flip;
            options.seed = 44;
            const SampleCounts result = recombineSamples(qubo, plan, samples, options);
            QCOMPARE(result.numQubits(), std::size_t{14});
            QCOMPARE(result.total(), 257.0);
            QCOMPARE(result, recombineSamples(qubo, plan, samples, options));
            if (!flip) {
                // Without flips every part of every outcome is one of that part's own outcomes.
                for (const auto& [index, c] : result.counts())
                    for (std::size_t a = 0; a < plan.parts.size(); ++a) {
                        std::uint64_t local = 0;
                        for (std::size_t j = 0; j < plan.parts[a].size(); ++j)
                            local |= ((index >> plan.parts[a][j]) & 1U) << j;
                        QVERIFY(samples[a].count(local) > 0.0);
                    }
            }
        }
    }

    void recombineMatchesSlowReference_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("k");
        QTest::addColumn<bool>("flip");
        QTest::addColumn<int>("shots");
        for (int k = 1; k <= 5; ++k) {
            const std::string name = std::string("k = ") + std::to_string(k);
            QTest::newRow(name.c_str()) << 12 << k << true << 200;
        }
        QTest::newRow("k = 3, no flips") << 12 << 3 << false << 200;
        QTest::newRow("k = 8, n = 20") << 20 << 8 << true << 100;
        QTest::newRow("k = 16 (largest exact)") << 24 << 16 << true << 3;
    }

    void recombineMatchesSlowReference()
    {
        QFETCH(int, n);
        QFETCH(int, k);
        QFETCH(bool, flip);
        QFETCH(int, shots);
        const auto size = static_cast<std::size_t>(n);
        for (std::uint64_t trial = 0; trial < 5; ++trial) {
            const std::uint64_t seed = 1000 * static_cast<std::uint64_t>(k) + trial;
            const QuboModel qubo = randomIntegerQubo(size, 0.35, seed);
            const DecompositionPlan plan = randomPlan(size, static_cast<std::size_t>(k), seed + 1);
            const std::vector<SampleCounts> samples = randomPartSamples(plan, 4, seed + 2);
            RecombinationOptions options;
            options.shots = static_cast<std::uint64_t>(shots);
            options.flipParts = flip;
            options.seed = seed + 3;
            QCOMPARE(recombineSamples(qubo, plan, samples, options),
                     referenceRecombine(qubo, plan, samples, options));
        }
    }

    void recombineRealCoefficientsReachReferenceEnergy()
    {
        // With real coefficients near-ties may break differently, so only the energies are compared.
        for (std::uint64_t trial = 0; trial < 5; ++trial) {
            const QuboModel qubo = randomRealQubo(15, 0.4, 50 + trial);
            const DecompositionPlan plan = randomPlan(15, 4, 60 + trial);
            const std::vector<SampleCounts> samples = randomPartSamples(plan, 5, 70 + trial);
            RecombinationOptions options;
            options.shots = 300;
            options.seed = 80 + trial;
            QAOA_COMPARE_NEAR(meanEnergy(qubo, recombineSamples(qubo, plan, samples, options)),
                              meanEnergy(qubo, referenceRecombine(qubo, plan, samples, options)), 1e-9);
        }
    }

    void maxCutFlipsGiveBestCutOverPatterns()
    {
        for (std::uint64_t trial = 0; trial < 10; ++trial) {
            const WeightedGraph graph = erdosRenyiGraph(18, 0.3, WeightKind::Uniform, 90 + trial);
            const QuboModel qubo = encodeMaxCut(graph);
            const DecompositionPlan plan = randomPlan(18, 5, 100 + trial);
            // One outcome per part, so every shot is the same placed sample and the result has one outcome.
            std::vector<SampleCounts> samples = randomPartSamples(plan, 1, 110 + trial);
            RecombinationOptions options;
            options.shots = 4;
            const SampleCounts result = recombineSamples(qubo, plan, samples, options);
            QCOMPARE(result.size(), std::size_t{1});
            Bits placed(18, 0);
            for (std::size_t a = 0; a < plan.parts.size(); ++a)
                for (std::size_t j = 0; j < plan.parts[a].size(); ++j)
                    placed[plan.parts[a][j]] =
                        static_cast<std::uint8_t>((samples[a].counts().begin()->first >> j) & 1U);
            // All 2^k patterns, part 0 included: Max-Cut is symmetric under flipping everything.
            double bestCut = 0.0;
            for (std::uint64_t pattern = 0; pattern < (std::uint64_t{1} << 5); ++pattern) {
                Bits y = placed;
                for (std::size_t v = 0; v < 18; ++v)
                    y[v] = static_cast<std::uint8_t>(y[v] ^ ((pattern >> plan.partOf[v]) & 1U));
                bestCut = std::max(bestCut, cutValue(graph, y));
            }
            const Bits chosen = bitsFromIndex(result.counts().begin()->first, 18);
            QAOA_COMPARE_NEAR(cutValue(graph, chosen), bestCut, 1e-12);
            QVERIFY(cutValue(graph, chosen) >= cutValue(graph, placed) - 1e-12);
        }
    }

    void greedyFlipsNeverWorsen()
    {
        // k = 20 > MAX_EXACT_FLIP_PARTS takes the greedy path.
        for (std::uint64_t trial = 0; trial < 10; ++trial) {
            const QuboModel qubo = randomRealQubo(44, 0.15, 200 + trial);
            const DecompositionPlan plan = randomPlan(44, 20, 210 + trial);
            QVERIFY(plan.parts.size() > MAX_EXACT_FLIP_PARTS);
            const std::vector<SampleCounts> samples = randomPartSamples(plan, 1, 220 + trial);
            RecombinationOptions options;
            options.shots = 2;
            options.flipParts = false;
            const SampleCounts plain = recombineSamples(qubo, plan, samples, options);
            options.flipParts = true;
            const SampleCounts flipped = recombineSamples(qubo, plan, samples, options);
            QCOMPARE(plain.size(), std::size_t{1});
            QCOMPARE(flipped.size(), std::size_t{1});
            const Bits x = bitsFromIndex(flipped.counts().begin()->first, 44);
            const double e = qubo.energy(x);
            QVERIFY(e <= qubo.energy(bitsFromIndex(plain.counts().begin()->first, 44)) + 1e-12);
            // Greedy stops only where no single part (other than part 0) improves.
            for (std::size_t a = 1; a < plan.parts.size(); ++a) {
                Bits y = x;
                for (std::size_t v : plan.parts[a])
                    y[v] = static_cast<std::uint8_t>(1 - y[v]);
                QVERIFY(qubo.energy(y) >= e - 1e-9);
            }
        }
    }

    void recombineErrors()
    {
        const QuboModel qubo = randomIntegerQubo(10, 0.3, 300);
        const DecompositionPlan plan = randomPlan(10, 3, 301);
        const std::vector<SampleCounts> samples = randomPartSamples(plan, 2, 302);
        const RecombinationOptions options;
        expectError([&] { recombineSamples(qubo, plan, {samples[0], samples[1]}, options); },
                    ErrorCode::InvalidArgument);
        std::vector<SampleCounts> empty = samples;
        empty[1] = SampleCounts(plan.parts[1].size());
        expectError([&] { recombineSamples(qubo, plan, empty, options); }, ErrorCode::InvalidArgument);
        std::vector<SampleCounts> wide = samples;
        wide[2] = SampleCounts(plan.parts[2].size() + 1);
        wide[2].add(0, 1.0);
        expectError([&] { recombineSamples(qubo, plan, wide, options); }, ErrorCode::InvalidArgument);
        DecompositionPlan broken = plan;
        broken.partOf[plan.parts[0][0]] = 1;
        expectError([&] { recombineSamples(qubo, broken, samples, options); }, ErrorCode::InvalidArgument);
        DecompositionPlan missing = plan;
        missing.parts[2].pop_back();
        expectError([&] { recombineSamples(qubo, missing, samples, options); }, ErrorCode::InvalidArgument);
        const QuboModel large(65);
        expectError([&] { recombineSamples(large, randomPlan(65, 3, 1), randomPartSamples(randomPlan(65, 3, 1), 1, 2),
                                           options); },
                    ErrorCode::LimitExceeded);
    }

    void disconnectedGraphsSolvedOptimally()
    {
        // Four components of 10 vertices (different densities) shuffled over 40 labels.
        std::mt19937_64 rng(400);
        std::vector<std::size_t> label(40);
        std::iota(label.begin(), label.end(), std::size_t{0});
        std::shuffle(label.begin(), label.end(), rng);
        WeightedGraph graph(40);
        double optimum = 0.0;
        for (std::size_t c = 0; c < 4; ++c) {
            const WeightedGraph component = erdosRenyiGraph(10, 0.3 + 0.15 * c, WeightKind::Uniform, 410 + c);
            for (const Edge& e : component.edges())
                graph.addEdge(label[10 * c + e.u], label[10 * c + e.v], e.weight);
            optimum += -solveQuboBruteForce(encodeMaxCut(component), 1).objective;
        }
        const QuboModel qubo = encodeMaxCut(graph);
        RecombinationOptions options;
        options.shots = 20;
        std::vector<std::size_t> indices;
        const PartSampler sampler = [&](const QuboModel& part, std::size_t index) {
            indices.push_back(index);
            return exactPartSampler(part, index);
        };
        const SampleCounts result = sampleByDecomposition(qubo, 10, sampler, options);
        QCOMPARE(indices, (std::vector<std::size_t>{0, 1, 2, 3}));
        QCOMPARE(result.total(), 20.0);
        for (const auto& [index, c] : result.counts())
            QAOA_COMPARE_NEAR(cutValue(graph, bitsFromIndex(index, 40)), optimum, 1e-12);
    }

    void progressAndCancel()
    {
        const QuboModel qubo = encodeMaxCut(randomRegularGraph(30, 3, WeightKind::Unit, 500));
        RecombinationOptions options;
        options.shots = 10;
        const std::size_t parts = partitionForDevice(qubo, 8, options.seed).parts.size();

        RunControl control;
        std::vector<std::pair<double, double>> steps;
        std::vector<std::string> stages;
        control.setProgressCallback([&](double done, double total, std::string_view stage) {
            steps.emplace_back(done, total);
            stages.emplace_back(stage);
        });
        const SampleCounts full = sampleByDecomposition(qubo, 8, exactPartSampler, options, control);
        QCOMPARE(full.total(), 10.0);
        QCOMPARE(steps.size(), parts);
        for (std::size_t a = 0; a < parts; ++a) {
            QCOMPARE(steps[a].first, static_cast<double>(a + 1));
            QCOMPARE(steps[a].second, static_cast<double>(parts));
            QCOMPARE(stages[a], std::string("part ") + std::to_string(a));
        }

        // Cancelled after the first part: no further sampler call, an empty result of the full width.
        RunControl cancelling;
        std::size_t calls = 0;
        const PartSampler counting = [&](const QuboModel& part, std::size_t index) {
            ++calls;
            cancelling.requestCancel();
            return exactPartSampler(part, index);
        };
        const SampleCounts cancelled = sampleByDecomposition(qubo, 8, counting, options, cancelling);
        QCOMPARE(calls, std::size_t{1});
        QVERIFY(cancelled.empty());
        QCOMPARE(cancelled.numQubits(), std::size_t{30});

        RunControl before;
        before.setCancelCallback([] { return true; });
        calls = 0;
        QVERIFY(sampleByDecomposition(qubo, 8, counting, options, before).empty());
        QCOMPARE(calls, std::size_t{0});
    }

    void samplerErrorsPropagate()
    {
        const QuboModel qubo = randomIntegerQubo(12, 0.3, 600);
        const RecombinationOptions options;
        const PartSampler wrongWidth = [](const QuboModel& part, std::size_t) {
            SampleCounts counts(part.numVariables() + 1);
            counts.add(0, 1.0);
            return counts;
        };
        expectError([&] { sampleByDecomposition(qubo, 5, wrongWidth, options); }, ErrorCode::InvalidArgument);
        const PartSampler failing = [](const QuboModel&, std::size_t) -> SampleCounts {
            throw Error(ErrorCode::SolverFailure, "device offline", "sampler");
        };
        expectError([&] { sampleByDecomposition(qubo, 5, failing, options); }, ErrorCode::SolverFailure);
        expectError([&] { sampleByDecomposition(qubo, 0, wrongWidth, options); }, ErrorCode::InvalidArgument);
    }
};

QTEST_APPLESS_MAIN(TstDecomposition)

#include "decomposition.test.moc"
