// SPDX-License-Identifier: MIT
// Tests of the energy, frequency and Hamming sample filters on hand-made multisets and a shot-by-shot reference.
#include "mitigation/sample_filters.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"

#include <algorithm>
#include <map>
#include <random>
#include <tuple>

using engine::SampleCounts;

namespace {

engine::SampleEnergy tableEnergy(std::map<std::uint64_t, double> table)
{
    return [table = std::move(table)](std::uint64_t index) { return table.at(index); };
}

} // namespace

class TstSampleFilters : public QObject {
    Q_OBJECT

private slots:
    void energyTiesByCountThenIndex();
    void energyTiesByIndex();
    void energyMatchesShotByShotReference();
    void energyFromQuboModel();
    void frequencyKeepsFrequentStrings();
    void frequencyLowersThreshold();
    void frequencyUniformIsNotFiltered();
    void hammingAddsNearestToLowest();
    void hammingComplementOption();
    void hammingRemainderOfLowestComesFirst();
    void badFractionsAreRejected();
};

void TstSampleFilters::energyTiesByCountThenIndex()
{
    SampleCounts s(3);
    s.add(5, 4);
    s.add(2, 3);
    s.add(7, 5);
    s.add(1, 88);
    const auto energy = tableEnergy({{5, -3.0}, {2, -2.0}, {7, -2.0}, {1, 0.0}});
    // Quota 10 of 100: string 5 (4), then the tie at -2 by count: 7 (5), then 1 of string 2's 3.
    const auto kept = engine::energyFilter(s, energy);
    QCOMPARE(kept.size(), std::size_t{3});
    QCOMPARE(kept.count(5), 4.0);
    QCOMPARE(kept.count(7), 5.0);
    QCOMPARE(kept.count(2), 1.0);
    QCOMPARE(kept.total(), 10.0);
}

void TstSampleFilters::energyTiesByIndex()
{
    SampleCounts s(3);
    s.add(6, 5);
    s.add(3, 5);
    s.add(0, 90);
    const auto kept = engine::energyFilter(s, tableEnergy({{6, -1.0}, {3, -1.0}, {0, 0.0}}), 0.07);
    // Same energy and count: index 3 ("011") before 6 ("110").
    QCOMPARE(kept.count(3), 5.0);
    QCOMPARE(kept.count(6), 2.0);
    QCOMPARE(kept.size(), std::size_t{2});
}

void TstSampleFilters::energyMatchesShotByShotReference()
{
    std::mt19937_64 rng(9001);
    for (int trial = 0; trial < 50; ++trial) {
        const std::size_t n = 4;
        SampleCounts s(n);
        std::map<std::uint64_t, double> table;
        for (std::uint64_t i = 0; i < 16; ++i)
            table[i] = static_cast<double>(rng() % 4); // few levels: many ties
        for (int k = 0; k < 12; ++k)
            s.add(rng() % 16, static_cast<double>(1 + rng() % 9));
        const double fraction = static_cast<double>(1 + rng() % 10) / 10.0;

        // Reference: one entry per shot, sorted by (energy, -count of its string, index); take the first K.
        std::vector<std::tuple<double, double, std::uint64_t>> shots;
        for (const auto& [index, c] : s.counts())
            for (int r = 0; r < static_cast<int>(c); ++r)
                shots.emplace_back(table[index], -c, index);
        std::sort(shots.begin(), shots.end());
        const double quota = fraction * s.total();
        std::map<std::uint64_t, double> want;
        for (std::size_t k = 0; k < shots.size() && static_cast<double>(k) < quota; ++k)
            want[std::get<2>(shots[k])] += std::min(1.0, quota - static_cast<double>(k));

        const auto kept = engine::energyFilter(s, tableEnergy(table), fraction);
        QCOMPARE(kept.size(), want.size());
        for (const auto& [index, c] : want)
            QAOA_COMPARE_NEAR(kept.count(index), c, 1e-12);
    }
}

void TstSampleFilters::energyFromQuboModel()
{
    engine::QuboModel model(2);
    model.addLinear(0, 1.0);
    model.addLinear(1, -2.0);
    model.addQuadratic(0, 1, 3.0);
    const auto energy = engine::quboSampleEnergy(model);
    for (std::uint64_t i = 0; i < 4; ++i)
        QAOA_COMPARE_NEAR(energy(i), model.energy(engine::bitsFromIndex(i, 2)), 1e-15);
    QCOMPARE(energy(2), -2.0); // x_1 = 1 only
    SampleCounts s(2);
    for (std::uint64_t i = 0; i < 4; ++i)
        s.add(i, 10);
    const auto kept = engine::energyFilter(s, energy, 0.25);
    QCOMPARE(kept.size(), std::size_t{1});
    QCOMPARE(kept.count(2), 10.0);
}

void TstSampleFilters::frequencyKeepsFrequentStrings()
{
    SampleCounts s(10);
    s.add(0, 7);
    s.add(1, 5);
    s.add(2, 4);
    for (std::uint64_t i = 3; i < 987; ++i)
        s.add(i, 1);
    QCOMPARE(s.total(), 1000.0);
    const auto r = engine::frequencyFilter(s, 0.005); // τ = 5
    QVERIFY(r.filtered);
    QCOMPARE(r.threshold, 5.0);
    QCOMPARE(r.kept.size(), std::size_t{2});
    QCOMPARE(r.kept.count(0), 7.0);
    QCOMPARE(r.kept.count(1), 5.0);

    // Default 0.05 %: N = 10 000 gives τ = 5.
    SampleCounts big(14);
    big.add(1, 5);
    big.add(2, 4);
    for (std::uint64_t i = 3; i < 9994; ++i)
        big.add(i, 1);
    const auto d = engine::frequencyFilter(big);
    QCOMPARE(d.threshold, 5.0);
    QCOMPARE(d.kept.size(), std::size_t{1});
}

void TstSampleFilters::frequencyLowersThreshold()
{
    SampleCounts s(10);
    for (std::uint64_t i = 0; i < 200; ++i)
        s.add(i, i < 100 ? 4 : 3);
    for (std::uint64_t i = 200; i < 500; ++i)
        s.add(i, 1);
    QCOMPARE(s.total(), 1000.0);
    const auto r = engine::frequencyFilter(s, 0.005); // τ = 5, nobody qualifies, lowered to 4
    QVERIFY(r.filtered);
    QCOMPARE(r.threshold, 4.0);
    QCOMPARE(r.kept.size(), std::size_t{100});
    QCOMPARE(r.kept.total(), 400.0);
}

void TstSampleFilters::frequencyUniformIsNotFiltered()
{
    SampleCounts s(10);
    for (std::uint64_t i = 0; i < 1000; ++i)
        s.add(i, 1);
    const auto r = engine::frequencyFilter(s, 0.005);
    QVERIFY(!r.filtered);
    QVERIFY(r.kept == s);
}

void TstSampleFilters::hammingAddsNearestToLowest()
{
    SampleCounts s(4);
    s.add(0b0000, 1);
    s.add(0b0001, 3);
    s.add(0b0010, 3);
    s.add(0b0100, 3);
    s.add(0b0011, 4);
    s.add(0b1111, 5);
    s.add(0b1110, 81);
    const auto energy = tableEnergy({{0b0000, -10}, {0b0001, 0}, {0b0010, -1}, {0b0100, 0}, {0b0011, -5},
                                     {0b1111, -9}, {0b1110, 5}});
    // L = {0000} (1 of 100); then 9 at distance 1: 0010 (lower energy), then 0001 and 0100 (tie, by index).
    const auto kept = engine::hammingFilter(s, energy);
    QCOMPARE(kept.size(), std::size_t{4});
    QCOMPARE(kept.count(0b0000), 1.0);
    QCOMPARE(kept.count(0b0010), 3.0);
    QCOMPARE(kept.count(0b0001), 3.0);
    QCOMPARE(kept.count(0b0100), 3.0);
    QCOMPARE(kept.total(), 10.0);
}

void TstSampleFilters::hammingComplementOption()
{
    SampleCounts s(4);
    s.add(0b0000, 1);
    s.add(0b0001, 3);
    s.add(0b0010, 3);
    s.add(0b1111, 5);
    s.add(0b1110, 88);
    const auto energy = tableEnergy({{0b0000, -10}, {0b0001, 0}, {0b0010, -1}, {0b1111, -9}, {0b1110, 5}});
    // The complement 1111 is at distance 0; then 0010 (distance 1, energy -1), then 1 of 0001.
    const auto kept = engine::hammingFilter(s, energy, 0.01, 0.09, true);
    QCOMPARE(kept.count(0b1111), 5.0);
    QCOMPARE(kept.count(0b0010), 3.0);
    QCOMPARE(kept.count(0b0001), 1.0);
    QCOMPARE(kept.count(0b1110), 0.0);
    // Without the option 1111 is four flips away and is not kept.
    QCOMPARE(engine::hammingFilter(s, energy).count(0b1111), 0.0);
}

void TstSampleFilters::hammingRemainderOfLowestComesFirst()
{
    SampleCounts s(3);
    s.add(0b000, 5);
    s.add(0b001, 10);
    s.add(0b111, 85);
    const auto energy = tableEnergy({{0b000, -1}, {0b001, 0}, {0b111, -0.5}});
    // L takes 1 of string 000; its other 4 shots are at distance 0 and come before 001.
    const auto kept = engine::hammingFilter(s, energy, 0.01, 0.09);
    QCOMPARE(kept.count(0b000), 5.0);
    QCOMPARE(kept.count(0b001), 5.0);
    QCOMPARE(kept.total(), 10.0);
}

void TstSampleFilters::badFractionsAreRejected()
{
    SampleCounts s(1);
    s.add(0, 1);
    const auto energy = tableEnergy({{0, 0.0}, {1, 1.0}});
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::energyFilter(s, energy, 1.5));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::energyFilter(s, engine::SampleEnergy{}, 0.1));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::frequencyFilter(s, -0.1));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::hammingFilter(s, energy, 0.6, 0.6));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::hammingFilter(s, energy, std::nan(""), 0.1));
    const engine::SampleEnergy nanEnergy = [](std::uint64_t) { return std::nan(""); };
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::energyFilter(s, nanEnergy));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::hammingFilter(s, nanEnergy));
    // Empty samples give empty pools.
    QCOMPARE(engine::energyFilter(SampleCounts(1), energy).size(), std::size_t{0});
    QCOMPARE(engine::hammingFilter(SampleCounts(1), energy).size(), std::size_t{0});
}

QTEST_APPLESS_MAIN(TstSampleFilters)
#include "sample_filters.test.moc"
