// SPDX-License-Identifier: MIT
// Tests of the random QUBO generator: reproducibility, ranges, density statistics and option errors.
#include "qubo/qubo_generator.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"

#include <cmath>
#include <limits>

using engine::QuboModel;
using engine::RandomQuboOptions;

class TstQuboGenerator : public QObject {
    Q_OBJECT

private slots:
    void reproducibleForASeed();
    void coefficientsInRange();
    void integerCoefficients();
    void densityWithinFourSigma_data();
    void densityWithinFourSigma();
    void densityExtremes();
    void badOptionsRejected();
};

void TstQuboGenerator::reproducibleForASeed()
{
    RandomQuboOptions o;
    o.numVariables = 12;
    o.seed = 99;
    QVERIFY(engine::randomQubo(o) == engine::randomQubo(o));
    RandomQuboOptions other = o;
    other.seed = 100;
    QVERIFY(!(engine::randomQubo(o) == engine::randomQubo(other)));
}

void TstQuboGenerator::coefficientsInRange()
{
    RandomQuboOptions o;
    o.numVariables = 30;
    o.low = -0.5;
    o.high = 2.0;
    o.seed = 3;
    const QuboModel q = engine::randomQubo(o);
    QCOMPARE(q.numVariables(), std::size_t{30});
    QCOMPARE(q.offset(), 0.0);
    for (double a : q.linearTerms())
        QVERIFY(a >= o.low && a < o.high);
    for (const auto& t : q.quadraticTerms())
        QVERIFY(t.value >= o.low && t.value < o.high);
}

void TstQuboGenerator::integerCoefficients()
{
    RandomQuboOptions o;
    o.numVariables = 40;
    o.integer = true;
    o.low = -3.5;
    o.high = 3.0;
    o.seed = 4;
    const QuboModel q = engine::randomQubo(o);
    bool sawTop = false;
    bool sawBottom = false;
    for (double a : q.linearTerms()) {
        QCOMPARE(a, std::round(a));
        QVERIFY(a >= -3.0 && a <= 3.0);
        sawTop |= a == 3.0;
        sawBottom |= a == -3.0;
    }
    for (const auto& t : q.quadraticTerms()) {
        QCOMPARE(t.value, std::round(t.value));
        QVERIFY(t.value >= -3.0 && t.value <= 3.0);
        sawTop |= t.value == 3.0;
        sawBottom |= t.value == -3.0;
    }
    // Integer ranges are inclusive at both ends (ceil(low) .. floor(high)).
    QVERIFY(sawTop && sawBottom);
}

void TstQuboGenerator::densityWithinFourSigma_data()
{
    QTest::addColumn<double>("density");
    QTest::newRow("0.1") << 0.1;
    QTest::newRow("0.5") << 0.5;
    QTest::newRow("0.9") << 0.9;
}

void TstQuboGenerator::densityWithinFourSigma()
{
    QFETCH(double, density);
    RandomQuboOptions o;
    o.numVariables = 200;
    o.density = density;
    o.seed = 12345;
    const QuboModel q = engine::randomQubo(o);
    const double pairs = 200.0 * 199.0 / 2.0;
    const double sigma = std::sqrt(pairs * density * (1.0 - density));
    const double count = static_cast<double>(q.numQuadraticTerms());
    QVERIFY2(std::abs(count - pairs * density) <= 4.0 * sigma,
             qPrintable(QStringLiteral("%1 pairs, expected %2 +- %3").arg(count).arg(pairs * density).arg(4 * sigma)));
}

void TstQuboGenerator::densityExtremes()
{
    RandomQuboOptions o;
    o.numVariables = 15;
    o.density = 0.0;
    QCOMPARE(engine::randomQubo(o).numQuadraticTerms(), std::size_t{0});
    o.density = 1.0;
    QCOMPARE(engine::randomQubo(o).numQuadraticTerms(), std::size_t{15 * 14 / 2});
    o.numVariables = 0;
    QCOMPARE(engine::randomQubo(o).numVariables(), std::size_t{0});
}

void TstQuboGenerator::badOptionsRejected()
{
    auto expectError = [](const RandomQuboOptions& o, const std::string& where) {
        try {
            engine::randomQubo(o);
        } catch (const engine::Error& e) {
            QCOMPARE(e.code(), engine::ErrorCode::InvalidArgument);
            QCOMPARE(e.where(), where);
            return;
        }
        QFAIL("no error");
    };
    RandomQuboOptions o;
    o.density = 1.5;
    expectError(o, "density");
    o.density = -0.1;
    expectError(o, "density");
    o.density = std::numeric_limits<double>::quiet_NaN();
    expectError(o, "density");
    o.density = 0.5;
    o.low = 2.0;
    o.high = 1.0;
    expectError(o, "low");
    o.low = std::numeric_limits<double>::quiet_NaN();
    expectError(o, "low");
}

QTEST_APPLESS_MAIN(TstQuboGenerator)
#include "qubo_generator.test.moc"
