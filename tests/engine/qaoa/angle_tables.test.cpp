// SPDX-License-Identifier: MIT
// Tests of the typed-in angle tables: coverage, lookups, closed forms and the tree formula at every short row.
#include "qaoa/angle_tables.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"

#include <cmath>
#include <complex>
#include <numbers>
#include <string>
#include <vector>

using engine::TabulatedAngles;

namespace {

constexpr double PI = std::numbers::pi;

/// The tree cut fraction of algorithms.md 2.4 (Basso et al., restated in the cut convention), evaluated by its
/// plain double sums over strings a, b in {+1,-1}^{2p+1}: O(p 4^{2p+1}). Coordinates in the order
/// (a_1 .. a_p, a_0, a_-p .. a_-1); bit k of a string index set means a_k = -1.
double treeCutFraction(const std::vector<double>& gammas, const std::vector<double>& betas, int degree)
{
    using C = std::complex<double>;
    const int p = static_cast<int>(gammas.size());
    const int length = 2 * p + 1;
    const int strings = 1 << length;
    std::vector<double> coupling(static_cast<std::size_t>(length));
    for (int k = 0; k < p; ++k) {
        coupling[static_cast<std::size_t>(k)] = gammas[static_cast<std::size_t>(k)] / 2.0;
        coupling[static_cast<std::size_t>(2 * p - k)] = -gammas[static_cast<std::size_t>(k)] / 2.0;
    }
    const auto spin = [](int a, int k) { return (a >> k) & 1 ? -1 : 1; };
    const auto link = [](int s, int t, double beta) {
        return s == t ? C(std::cos(beta), 0.0) : C(0.0, std::sin(beta));
    };

    std::vector<C> f(static_cast<std::size_t>(strings));
    for (int a = 0; a < strings; ++a) {
        C w = 0.5;
        for (int j = 1; j <= p - 1; ++j)  // a_j -> a_{j+1} at positions j-1, j
            w *= link(spin(a, j - 1), spin(a, j), betas[static_cast<std::size_t>(j - 1)]);
        w *= link(spin(a, p - 1), spin(a, p), betas[static_cast<std::size_t>(p - 1)]);   // a_p -> a_0
        w *= link(spin(a, p), spin(a, p + 1), -betas[static_cast<std::size_t>(p - 1)]);  // a_0 -> a_-p
        for (int j = p - 1; j >= 1; --j)  // a_-(j+1) at position 2p - j, a_-j at 2p + 1 - j
            w *= link(spin(a, 2 * p - j), spin(a, 2 * p + 1 - j), -betas[static_cast<std::size_t>(j - 1)]);
        f[static_cast<std::size_t>(a)] = w;
    }
    const auto phase = [&](int a, int b) {
        double s = 0.0;
        for (int k = 0; k < length; ++k)
            s += coupling[static_cast<std::size_t>(k)] * spin(a, k) * spin(b, k);
        return s;
    };
    std::vector<C> h(static_cast<std::size_t>(strings), C(1.0, 0.0));
    for (int m = 1; m <= p; ++m) {
        std::vector<C> next(static_cast<std::size_t>(strings));
        for (int a = 0; a < strings; ++a) {
            C sum = 0.0;
            for (int b = 0; b < strings; ++b)
                sum += f[static_cast<std::size_t>(b)] * h[static_cast<std::size_t>(b)] * std::cos(phase(a, b));
            C power = 1.0;
            for (int e = 0; e < degree - 1; ++e)
                power *= sum;
            next[static_cast<std::size_t>(a)] = power;
        }
        h = next;
    }
    C s = 0.0;
    for (int a = 0; a < strings; ++a)
        for (int b = 0; b < strings; ++b)
            s += static_cast<double>(spin(a, p) * spin(b, p)) * f[static_cast<std::size_t>(a)]
                 * h[static_cast<std::size_t>(a)] * f[static_cast<std::size_t>(b)] * h[static_cast<std::size_t>(b)]
                 * std::sin(phase(a, b));
    return 0.5 - s.imag() / 2.0;
}

/// Wang et al.'s p = 1 optimum on triangle-free D-regular graphs: 1/2 + (1/(2 sqrt D)) ((D-1)/D)^((D-1)/2).
double p1TreeOptimum(int d)
{
    return 0.5 + 1.0 / (2.0 * std::sqrt(double(d))) * std::pow((d - 1.0) / d, (d - 1.0) / 2.0);
}

std::size_t wlMaxDepth(std::size_t d)
{
    switch (d) {
    case 3:
        return 11;
    case 4:
        return 5;
    case 5:
        return 4;
    case 11:
        return 2;
    default:
        return d >= 6 && d <= 10 ? 3 : 0;
    }
}

bool nonDecreasing(const std::vector<double>& v)
{
    for (std::size_t k = 1; k < v.size(); ++k)
        if (v[k] < v[k - 1])
            return false;
    return true;
}

bool nonIncreasing(const std::vector<double>& v)
{
    for (std::size_t k = 1; k < v.size(); ++k)
        if (v[k] > v[k - 1])
            return false;
    return true;
}

template <typename F>
engine::Error captureError(F&& f)
{
    try {
        f();
    } catch (const engine::Error& e) {
        return e;
    }
    return engine::Error(engine::ErrorCode::SolverFailure, "no exception thrown");
}

} // namespace

class TstAngleTables : public QObject {
    Q_OBJECT

private slots:
    void treeFormulaReferenceMatchesWang();
    void coverage();
    void rowsAreWellFormed();
    void depthOneRowsAreTheClosedForm();
    void shortRowsReproduceTheirTreeValue();
    void recomputedValuesOfLongRows();
    void schedulesAreMonotone();
    void skTable();
    void largeDegreeTendsToSk();
    void missingEntriesNameWhatExists();
};

void TstAngleTables::treeFormulaReferenceMatchesWang()
{
    // The reference must itself be right before it judges the tables: at p = 1 it equals Wang's closed form.
    for (const int d : {2, 3, 5, 8}) {
        const double gamma = std::atan(1.0 / std::sqrt(d - 1.0));
        QAOA_COMPARE_NEAR(treeCutFraction({gamma}, {PI / 8.0}, d), p1TreeOptimum(d), 1e-13);
    }
    // Ring (d = 2) optimum at p = 2 is 5/6 (algorithms.md 2.4), reached at the table's rounded angles to 1e-6.
    QAOA_COMPARE_NEAR(treeCutFraction({0.6559, 1.2429}, {0.6214, 0.3279}, 2), 5.0 / 6.0, 1e-6);
}

void TstAngleTables::coverage()
{
    for (std::size_t d = 0; d <= 25; ++d)
        for (std::size_t p = 0; p <= 13; ++p) {
            QCOMPARE(engine::hasWurtzLykovAngles(d, p), p >= 1 && p <= wlMaxDepth(d));
            const bool tree = ((d >= 1 && d <= 10) || d == 20) && p >= 1 && p <= 6;
            QCOMPARE(engine::hasTreeTableAngles(d, p), tree);
        }
}

void TstAngleTables::rowsAreWellFormed()
{
    for (std::size_t d = 1; d <= 20; ++d)
        for (std::size_t p = 1; p <= 11; ++p) {
            if (engine::hasWurtzLykovAngles(d, p)) {
                const TabulatedAngles t = engine::wurtzLykovAngles(d, p);
                QCOMPARE(t.gammas.size(), p);
                QCOMPARE(t.betas.size(), p);
                QCOMPARE(t.depth(), p);
                QVERIFY(t.convention == engine::AngleConvention::Cut);
                QVERIFY(t.value > 0.5 && t.value < 1.0);
            }
            if (engine::hasTreeTableAngles(d, p)) {
                const TabulatedAngles t = engine::treeTableAngles(d, p);
                QCOMPARE(t.gammas.size(), p);
                QCOMPARE(t.betas.size(), p);
                QVERIFY(t.convention == engine::AngleConvention::Cut);
                QCOMPARE(t.treeValue, t.value);
            }
        }
    // Where both tables have a row they are the same optimum (algorithms.md: ~1e-4 in the angles, 1e-5 in AR).
    for (std::size_t d = 3; d <= 10; ++d)
        for (std::size_t p = 1; p <= 6; ++p) {
            if (!engine::hasWurtzLykovAngles(d, p))
                continue;
            const TabulatedAngles wl = engine::wurtzLykovAngles(d, p);
            const TabulatedAngles tree = engine::treeTableAngles(d, p);
            for (std::size_t k = 0; k < p; ++k) {
                QVERIFY2(std::abs(wl.gammas[k] - tree.gammas[k]) < 1.5e-3,
                         qPrintable(QString("d=%1 p=%2").arg(d).arg(p)));
                QVERIFY(std::abs(wl.betas[k] - tree.betas[k]) < 1.5e-3);
            }
            QVERIFY(std::abs(wl.value - tree.value) < 1.2e-5);
        }
}

void TstAngleTables::depthOneRowsAreTheClosedForm()
{
    // The p = 1 optimum of every degree is gamma = atan(1/sqrt(d - 1)), beta = pi/8. The Wurtz-Lykov JSON holds
    // numerical optima that scatter around it (gamma by up to 1.5e-4, beta 6e-5: the maximum is flat there);
    // table 2.6-T rounds the exact values to 4 decimals.
    for (std::size_t d = 3; d <= 11; ++d) {
        const TabulatedAngles t = engine::wurtzLykovAngles(d, 1);
        QAOA_COMPARE_NEAR(t.gammas[0], std::atan(1.0 / std::sqrt(d - 1.0)), 2e-4);
        QAOA_COMPARE_NEAR(t.betas[0], PI / 8.0, 1e-4);
        QAOA_COMPARE_NEAR(t.value, p1TreeOptimum(int(d)), 1e-6);
    }
    for (const std::size_t d : {2, 3, 4, 5, 6, 7, 8, 9, 10, 20}) {
        const TabulatedAngles t = engine::treeTableAngles(d, 1);
        QAOA_COMPARE_NEAR(t.gammas[0], std::atan(1.0 / std::sqrt(d - 1.0)), 5e-5);
        QAOA_COMPARE_NEAR(t.betas[0], PI / 8.0, 5e-5);
        QAOA_COMPARE_NEAR(t.value, p1TreeOptimum(int(d)), 1e-6);
    }
}

void TstAngleTables::shortRowsReproduceTheirTreeValue()
{
    // Every row with p <= 4 re-evaluated with the slow tree formula: catches a mistyped digit anywhere in a row
    // (the tabulated angles are the optimum, so rounding them moves the value by far less than the tolerance).
    for (std::size_t d = 1; d <= 20; ++d)
        for (std::size_t p = 1; p <= 4; ++p) {
            const QString where = QString("d=%1 p=%2").arg(d).arg(p);
            if (engine::hasWurtzLykovAngles(d, p)) {
                const TabulatedAngles t = engine::wurtzLykovAngles(d, p);
                const double value = treeCutFraction(t.gammas, t.betas, int(d));
                QVERIFY2(std::abs(value - t.value) < 4e-6, qPrintable(where + QString(" WL %1").arg(value, 0, 'g', 9)));
            }
            if (engine::hasTreeTableAngles(d, p)) {
                const TabulatedAngles t = engine::treeTableAngles(d, p);
                const double value = treeCutFraction(t.gammas, t.betas, int(d));
                QVERIFY2(std::abs(value - t.value) < 2e-6,
                         qPrintable(where + QString(" tree %1").arg(value, 0, 'g', 9)));
            }
        }
}

void TstAngleTables::recomputedValuesOfLongRows()
{
    // algorithms.md: for p >= 7 the published AR is optimistic; treeValue carries the recomputed one.
    const double recomputed[] = {0.859781, 0.867391, 0.873474, 0.878413, 0.882500};
    const double published[] = {0.859793, 0.867407, 0.873522, 0.878528, 0.882843};
    for (std::size_t p = 7; p <= 11; ++p) {
        const TabulatedAngles t = engine::wurtzLykovAngles(3, p);
        QCOMPARE(t.treeValue, recomputed[p - 7]);
        QCOMPARE(t.value, published[p - 7]);
    }
    QCOMPARE(engine::wurtzLykovAngles(3, 6).treeValue, engine::wurtzLykovAngles(3, 6).value);
}

void TstAngleTables::schedulesAreMonotone()
{
    // Every published schedule ramps like an anneal: gamma grows and beta shrinks with the layer (algorithms.md
    // 2.6-T says so of the tree table); a transposed or mistyped entry usually breaks it.
    for (std::size_t d = 2; d <= 20; ++d)
        for (std::size_t p = 1; p <= 11; ++p) {
            const QString where = QString("d=%1 p=%2").arg(d).arg(p);
            if (engine::hasWurtzLykovAngles(d, p)) {
                const TabulatedAngles t = engine::wurtzLykovAngles(d, p);
                QVERIFY2(nonDecreasing(t.gammas) && nonIncreasing(t.betas), qPrintable(where));
            }
            if (engine::hasTreeTableAngles(d, p)) {
                const TabulatedAngles t = engine::treeTableAngles(d, p);
                QVERIFY2(nonDecreasing(t.gammas) && nonIncreasing(t.betas), qPrintable(where));
            }
        }
    for (std::size_t p = 1; p <= engine::SK_TABLE_MAX_DEPTH; ++p) {
        const TabulatedAngles t = engine::skTableAngles(p);
        QVERIFY(nonDecreasing(t.gammas) && nonIncreasing(t.betas));
    }
    // Deeper circuits do better, in every table.
    for (std::size_t p = 2; p <= 11; ++p)
        QVERIFY(engine::wurtzLykovAngles(3, p).treeValue > engine::wurtzLykovAngles(3, p - 1).treeValue);
    for (std::size_t p = 2; p <= engine::SK_TABLE_MAX_DEPTH; ++p)
        QVERIFY(engine::skTableAngles(p).value > engine::skTableAngles(p - 1).value);
}

void TstAngleTables::skTable()
{
    const TabulatedAngles one = engine::skTableAngles(1);
    QVERIFY(one.convention == engine::AngleConvention::FarhiSk);
    QCOMPARE(one.gammas, std::vector<double>{0.5});
    QAOA_COMPARE_NEAR(one.betas[0], PI / 8.0, 1e-15);
    // V_1 = max gamma sin(4 beta) exp(-2 gamma^2) = 1/sqrt(4e) = 0.303265 at (1/2, pi/8).
    QAOA_COMPARE_NEAR(one.value, 0.5 * std::sin(PI / 2.0) * std::exp(-0.5), 1e-15);
    QAOA_COMPARE_NEAR(one.value, 0.303265, 1e-6);
    for (std::size_t p = 1; p <= engine::SK_TABLE_MAX_DEPTH; ++p) {
        const TabulatedAngles t = engine::skTableAngles(p);
        QCOMPARE(t.gammas.size(), p);
        QCOMPARE(t.betas.size(), p);
    }
    QCOMPARE(engine::skTableAngles(11).value, 0.6408);
    QCOMPARE(engine::skTableAngles(3).gammas, (std::vector<double>{0.3297, 0.5688, 0.6406}));
}

void TstAngleTables::largeDegreeTendsToSk()
{
    // lim_{D -> inf} (sqrt(D) gamma_tree[D] / 2, beta_tree[D]) = (gamma_SK, beta_SK); at D = 20 the two are
    // within a few hundredths already (algorithms.md 2.5 checks the same at d = 11).
    for (std::size_t p = 1; p <= 6; ++p) {
        const TabulatedAngles tree = engine::treeTableAngles(20, p);
        const TabulatedAngles sk = engine::skTableAngles(p);
        for (std::size_t k = 0; k < p; ++k) {
            QVERIFY(std::abs(std::sqrt(20.0) * tree.gammas[k] / 2.0 - sk.gammas[k]) < 0.03);
            QVERIFY(std::abs(tree.betas[k] - sk.betas[k]) < 0.03);
        }
    }
}

void TstAngleTables::missingEntriesNameWhatExists()
{
    engine::Error e = captureError([] { engine::wurtzLykovAngles(12, 1); });
    QVERIFY(e.code() == engine::ErrorCode::InvalidArgument);
    QCOMPARE(e.where(), std::string("degree"));
    QVERIFY(e.detail().find("d = 3 (p = 1..11)") != std::string::npos);
    QVERIFY(e.detail().find("d = 11 (p = 1..2)") != std::string::npos);

    e = captureError([] { engine::wurtzLykovAngles(4, 6); });
    QVERIFY(e.code() == engine::ErrorCode::InvalidArgument);
    QCOMPARE(e.where(), std::string("depth"));
    QVERIFY(e.detail().find("d = 4 (p = 1..5)") != std::string::npos);

    e = captureError([] { engine::treeTableAngles(11, 1); });
    QVERIFY(e.code() == engine::ErrorCode::InvalidArgument);
    QVERIFY(e.detail().find("d = 20 (p = 1..6)") != std::string::npos);
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::treeTableAngles(3, 7));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::treeTableAngles(0, 1));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::wurtzLykovAngles(0, 1));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::wurtzLykovAngles(3, 0));

    e = captureError([] { engine::skTableAngles(12); });
    QVERIFY(e.code() == engine::ErrorCode::InvalidArgument);
    QCOMPARE(e.where(), std::string("depth"));
    QVERIFY(e.detail().find("(p = 1..11)") != std::string::npos);
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::skTableAngles(0));
}

QTEST_APPLESS_MAIN(TstAngleTables)
#include "angle_tables.test.moc"
