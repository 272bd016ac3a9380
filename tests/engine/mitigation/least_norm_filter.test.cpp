// SPDX-License-Identifier: MIT
// Tests of the Least-Norm Filter: the documented vectors, SGS, and a full 2^n tensored-inverse reference.
#include "mitigation/least_norm_filter.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"

#include <algorithm>
#include <bit>
#include <numeric>
#include <random>

using engine::ReadoutCalibration;
using engine::SampleCounts;

namespace {

using Matrix = std::vector<std::vector<double>>;

// The full tensored inverse ⊗_q Λ_q^{-1} built by explicit Kronecker products (qubit q = index bit q, so
// each new qubit becomes the most significant factor).
Matrix fullInverse(const ReadoutCalibration& cal)
{
    Matrix k{{1.0}};
    for (std::size_t q = 0; q < cal.numQubits(); ++q) {
        const auto a = cal.inverse(q);
        const std::size_t d = k.size();
        Matrix next(2 * d, std::vector<double>(2 * d, 0.0));
        for (std::size_t i1 = 0; i1 < 2; ++i1)
            for (std::size_t j1 = 0; j1 < 2; ++j1)
                for (std::size_t i2 = 0; i2 < d; ++i2)
                    for (std::size_t j2 = 0; j2 < d; ++j2)
                        next[i1 * d + i2][j1 * d + j2] = a[i1][j1] * k[i2][j2];
        k = std::move(next);
    }
    return k;
}

// Euclidean projection onto the probability simplex by the sort-and-threshold rule (Duchi et al. 2008),
// a different algorithm from SGS that gives the same answer for inputs summing to 1.
std::vector<double> simplexProjection(const std::vector<double>& v)
{
    std::vector<double> u = v;
    std::sort(u.begin(), u.end(), std::greater<>());
    double prefix = 0.0;
    double theta = 0.0;
    for (std::size_t j = 0; j < u.size(); ++j) {
        prefix += u[j];
        const double t = (prefix - 1.0) / static_cast<double>(j + 1);
        if (u[j] - t > 0.0)
            theta = t;
    }
    std::vector<double> w(v.size());
    for (std::size_t i = 0; i < v.size(); ++i)
        w[i] = std::max(v[i] - theta, 0.0);
    return w;
}

ReadoutCalibration docCalibration()
{
    return ReadoutCalibration({{0.02, 0.05}, {0.03, 0.08}});
}

} // namespace

class TstLeastNormFilter : public QObject {
    Q_OBJECT

private slots:
    void documentedVectorSumOne();
    void documentedVectorCorrected();
    void sgsDocumentedExample();
    void sgsMatchesSimplexProjection();
    void matchesFullInverseReference();
    void exactNoisyDistributionIsRecovered();
    void hammingRadiusAddsNeighbours();
    void limitsAndBadInput();
};

void TstLeastNormFilter::documentedVectorSumOne()
{
    const auto counts = SampleCounts::fromQiskitCounts({{"00", 480}, {"11", 440}, {"01", 50}, {"10", 30}}, 2);
    const auto r = engine::leastNormFilter(counts, docCalibration());
    QCOMPARE(r.subspace, (std::vector<std::uint64_t>{0, 1, 2, 3}));
    const std::vector<double> x{0.503443, 0.002175, -0.008820, 0.503202};
    for (std::size_t i = 0; i < 4; ++i) {
        QVERIFY(std::abs(r.inverted[i] - x[i]) < 6e-7); // the doc rounds to 6 decimals
        QVERIFY(std::abs(r.corrected[i] - r.inverted[i]) < 1e-12);
    }
    QCOMPARE(r.counts.size(), std::size_t{2});
    QVERIFY(std::abs(r.counts.count(0) - 500.121) < 6e-4);
    QVERIFY(std::abs(r.counts.count(3) - 499.879) < 6e-4);
    QAOA_COMPARE_NEAR(r.counts.total(), 1000.0, 1e-12);
}

void TstLeastNormFilter::documentedVectorCorrected()
{
    const auto counts = SampleCounts::fromQiskitCounts({{"00", 900}, {"01", 100}}, 2);
    const auto r = engine::leastNormFilter(counts, docCalibration());
    QCOMPARE(r.subspace, (std::vector<std::uint64_t>{0, 1}));
    QVERIFY(std::abs(r.inverted[0] - 0.944787) < 6e-7);
    QVERIFY(std::abs(r.inverted[1] - 0.088921) < 6e-7);
    QVERIFY(std::abs(r.corrected[0] - 0.927933) < 6e-7);
    QVERIFY(std::abs(r.corrected[1] - 0.072067) < 6e-7);
    QVERIFY(std::abs(r.counts.count(0) - 927.933) < 6e-4);
    QVERIFY(std::abs(r.counts.count(1) - 72.067) < 6e-4);
}

void TstLeastNormFilter::sgsDocumentedExample()
{
    const auto p = engine::sgsProject({0.6, 0.5, -0.05, -0.05});
    const std::vector<double> expected{0.55, 0.45, 0.0, 0.0};
    for (std::size_t i = 0; i < 4; ++i)
        QAOA_COMPARE_NEAR(p[i], expected[i], 1e-14);
    // Already a probability vector: unchanged.
    const auto same = engine::sgsProject({0.25, 0.0, 0.75});
    QCOMPARE(same, (std::vector<double>{0.25, 0.0, 0.75}));
}

void TstLeastNormFilter::sgsMatchesSimplexProjection()
{
    std::mt19937_64 rng(20240607);
    std::normal_distribution<double> normal(0.0, 0.3);
    for (int trial = 0; trial < 200; ++trial) {
        const std::size_t m = 1 + rng() % 12;
        std::vector<double> v(m);
        for (double& e : v)
            e = normal(rng);
        const double shift = (1.0 - std::accumulate(v.begin(), v.end(), 0.0)) / static_cast<double>(m);
        for (double& e : v)
            e += shift;
        const auto got = engine::sgsProject(v);
        const auto want = simplexProjection(v);
        double sum = 0.0;
        for (std::size_t i = 0; i < m; ++i) {
            QVERIFY(got[i] >= 0.0);
            QVERIFY2(std::abs(got[i] - want[i]) < 1e-12, qPrintable(QString("trial %1 entry %2").arg(trial).arg(i)));
            sum += got[i];
        }
        QAOA_COMPARE_NEAR(sum, 1.0, 1e-12);
    }
}

void TstLeastNormFilter::matchesFullInverseReference()
{
    std::mt19937_64 rng(77);
    std::uniform_real_distribution<double> rate(0.0, 0.15);
    for (int trial = 0; trial < 60; ++trial) {
        const std::size_t n = 1 + rng() % 6;
        const std::size_t radius = rng() % 3 == 0 ? 1 : 0;
        std::vector<engine::QubitReadoutError> errors(n);
        for (auto& e : errors)
            e = {rate(rng), rate(rng)};
        const ReadoutCalibration cal(errors);
        SampleCounts counts(n);
        const std::size_t distinct = 1 + rng() % (std::size_t{1} << n);
        for (std::size_t k = 0; k < distinct; ++k)
            counts.add(rng() % (std::uint64_t{1} << n), static_cast<double>(1 + rng() % 50));

        const auto r = engine::leastNormFilter(counts, cal, radius);

        // Reference subspace: brute force over all 2^n strings.
        std::vector<std::uint64_t> subspace;
        for (std::uint64_t s = 0; s < (std::uint64_t{1} << n); ++s) {
            bool inside = false;
            for (const auto& entry : counts.counts())
                inside = inside || static_cast<std::size_t>(std::popcount(s ^ entry.first)) <= radius;
            if (inside)
                subspace.push_back(s);
        }
        QCOMPARE(r.subspace, subspace);

        const Matrix full = fullInverse(cal);
        const std::size_t m = subspace.size();
        const double shots = counts.total();
        std::vector<double> x(m, 0.0);
        for (std::size_t i = 0; i < m; ++i)
            for (std::size_t j = 0; j < m; ++j)
                x[i] += full[subspace[i]][subspace[j]] * counts.count(subspace[j]) / shots;
        const double deficit = 1.0 - std::accumulate(x.begin(), x.end(), 0.0);
        std::vector<double> corrected(m);
        for (std::size_t i = 0; i < m; ++i)
            corrected[i] = x[i] + deficit / static_cast<double>(m);
        const auto projected = simplexProjection(corrected);
        for (std::size_t i = 0; i < m; ++i) {
            QVERIFY(std::abs(r.inverted[i] - x[i]) < 1e-12);
            QVERIFY(std::abs(r.corrected[i] - corrected[i]) < 1e-12);
            QVERIFY(std::abs(r.probabilities[i] - projected[i]) < 1e-12);
            QVERIFY(std::abs(r.counts.count(subspace[i]) - shots * projected[i]) < 1e-9 * shots);
        }
    }
}

void TstLeastNormFilter::exactNoisyDistributionIsRecovered()
{
    // With S = all strings (radius n) and counts exactly N·A·x, the filter must return x.
    const ReadoutCalibration cal({{0.02, 0.05}, {0.1, 0.04}, {0.07, 0.12}});
    const std::vector<double> truth{0.4, 0.0, 0.1, 0.0, 0.0, 0.2, 0.0, 0.3};
    SampleCounts noisy(3);
    for (std::uint64_t measured = 0; measured < 8; ++measured) {
        double y = 0.0;
        for (std::uint64_t prepared = 0; prepared < 8; ++prepared) {
            double a = 1.0;
            for (std::size_t q = 0; q < 3; ++q)
                a *= cal.assignment(q)[(measured >> q) & 1U][(prepared >> q) & 1U];
            y += a * truth[prepared];
        }
        noisy.add(measured, 1e4 * y);
    }
    const auto r = engine::leastNormFilter(noisy, cal, 3);
    for (std::uint64_t s = 0; s < 8; ++s)
        QVERIFY(std::abs(r.probabilities[s] - truth[s]) < 1e-12);
}

void TstLeastNormFilter::hammingRadiusAddsNeighbours()
{
    const ReadoutCalibration cal(std::vector<engine::QubitReadoutError>(5, {0.02, 0.03}));
    SampleCounts counts(5);
    counts.add(0, 10.0);
    counts.add(31, 10.0);
    // 2 strings, 5 neighbours each at radius 1, 10 more at radius 2, no overlap: 2 + 10 + 20.
    QCOMPARE(engine::leastNormFilter(counts, cal, 1).subspace.size(), std::size_t{12});
    const auto r2 = engine::leastNormFilter(counts, cal, 2);
    QCOMPARE(r2.subspace.size(), std::size_t{32});
    QCOMPARE(r2.measured[1], 0.0);
}

void TstLeastNormFilter::limitsAndBadInput()
{
    const ReadoutCalibration cal2 = docCalibration();
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::leastNormFilter(SampleCounts(2), cal2));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::leastNormFilter(SampleCounts::fromShots({1}, 3), cal2));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::leastNormFilter(SampleCounts::fromShots({1}, 2), cal2, 3));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::sgsProject({}));

    const ReadoutCalibration cal20(std::vector<engine::QubitReadoutError>(20, {0.01, 0.01}));
    SampleCounts many(20);
    for (std::uint64_t s = 0; s <= engine::LNF_MAX_SUBSPACE; ++s)
        many.add(s * 7);
    try {
        (void)engine::leastNormFilter(many, cal20);
        QFAIL("no error");
    } catch (const engine::Error& e) {
        QCOMPARE(e.code(), engine::ErrorCode::LimitExceeded);
    }
    // Few observed strings, but the radius-3 neighbourhood (1 + 20 + 190 + 1140 each) overflows.
    SampleCounts few(20);
    for (std::uint64_t s = 0; s < 10; ++s)
        few.add(s * 104729 % (1U << 20));
    try {
        (void)engine::leastNormFilter(few, cal20, 3);
        QFAIL("no error");
    } catch (const engine::Error& e) {
        QCOMPARE(e.code(), engine::ErrorCode::LimitExceeded);
    }
}

QTEST_APPLESS_MAIN(TstLeastNormFilter)
#include "least_norm_filter.test.moc"
