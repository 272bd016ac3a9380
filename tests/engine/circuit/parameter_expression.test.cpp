// SPDX-License-Identifier: MIT
// Tests of affine parameter expressions: arithmetic, evaluation, remapping and exact OpenQASM round trips.
#include "circuit/parameter_expression.h"

#include <QtTest>

#include "test_support.h"

#include "circuit/qasm.h"
#include "core/error.h"

#include <cmath>
#include <limits>
#include <numbers>
#include <random>

using engine::ParameterExpression;

namespace {

constexpr double PI = std::numbers::pi;

bool identical(const ParameterExpression& a, const ParameterExpression& b)
{
    return a.constant() == b.constant() && a.terms() == b.terms();
}

// The expression as the importer reads it back from `rz(<text>) q[0];`.
ParameterExpression readBack(const std::string& text, const std::vector<std::string>& names)
{
    std::string program = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\n";
    for (const auto& name : names)
        program += "input float[64] " + name + ";\n";
    program += "qubit[1] q;\nrz(" + text + ") q[0];\n";
    const engine::Circuit c = engine::importQasm(program, "roundtrip");
    return c.operations().at(0).params.at(0);
}

} // namespace

class TstParameterExpression : public QObject {
    Q_OBJECT

private slots:
    void constructionAndArithmetic()
    {
        const ParameterExpression zero;
        QVERIFY(zero.isConstant());
        QCOMPARE(zero.constant(), 0.0);

        const ParameterExpression g = ParameterExpression::parameter(2, 1.5);
        QVERIFY(!g.isConstant());
        QCOMPARE(g.terms().size(), std::size_t{1});
        QVERIFY(ParameterExpression::parameter(3, 0.0).isConstant());

        // 2*(1.5 p2) + (0.25 p0) - 3 + 1  -> -2 + 0.25 p0 + 3 p2, terms sorted by index.
        ParameterExpression e = 2.0 * g + ParameterExpression::parameter(0, 0.25) - ParameterExpression(3.0);
        e += 1.0;
        QCOMPARE(e.constant(), -2.0);
        QCOMPARE(e.terms().size(), std::size_t{2});
        QCOMPARE(e.terms()[0], (std::pair<std::size_t, double>(0, 0.25)));
        QCOMPARE(e.terms()[1], (std::pair<std::size_t, double>(2, 3.0)));

        // Exact cancellation removes the term; multiplying by 0 removes all.
        ParameterExpression c = e - ParameterExpression::parameter(2, 3.0);
        QCOMPARE(c.terms().size(), std::size_t{1});
        QCOMPARE(c.terms()[0].first, std::size_t{0});
        c *= 0.0;
        QVERIFY(c.isConstant());
        QCOMPARE(c.constant(), 0.0);

        const ParameterExpression neg = -e;
        QCOMPARE(neg.constant(), 2.0);
        QCOMPARE(neg.terms()[1].second, -3.0);
    }

    void evaluateAndRemap()
    {
        const ParameterExpression e = ParameterExpression(0.5) + ParameterExpression::parameter(0, 2.0) +
                                      ParameterExpression::parameter(2, -1.0);
        QCOMPARE(e.evaluate({1.0, 100.0, 3.0}), 0.5 + 2.0 - 3.0);
        QVERIFY_THROWS_EXCEPTION(engine::Error, e.evaluate({1.0}));

        // 0 -> 5, 2 -> 1: sorted again.
        const ParameterExpression r = e.remapped({5, 0, 1});
        QCOMPARE(r.terms().size(), std::size_t{2});
        QCOMPARE(r.terms()[0], (std::pair<std::size_t, double>(1, -1.0)));
        QCOMPARE(r.terms()[1], (std::pair<std::size_t, double>(5, 2.0)));
        // Two old indices onto one new index add up (here to zero, so the term disappears).
        const ParameterExpression merged =
            (ParameterExpression::parameter(0, 1.0) + ParameterExpression::parameter(1, -1.0)).remapped({3, 3});
        QVERIFY(merged.isConstant());
        QVERIFY_THROWS_EXCEPTION(engine::Error, e.remapped({0}));
    }

    void approxEquals()
    {
        const ParameterExpression a = ParameterExpression(1.0) + ParameterExpression::parameter(1, 2.0);
        ParameterExpression b = a + ParameterExpression(1e-13);
        QVERIFY(a.approxEquals(b));
        QVERIFY(!a.approxEquals(b, 1e-14));
        b += ParameterExpression::parameter(4, 1e-3);
        QVERIFY(!a.approxEquals(b));
        QVERIFY(a.approxEquals(b, 1e-2));
        QVERIFY(!a.approxEquals(ParameterExpression(1.0)));
    }

    void qasmText_data()
    {
        QTest::addColumn<double>("constant");
        QTest::addColumn<double>("gamma");
        QTest::addColumn<double>("beta");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << 0.0 << 0.0 << 0.0 << "0";
        QTest::newRow("negative zero") << -0.0 << 0.0 << 0.0 << "0";
        QTest::newRow("pi/2") << PI / 2 << 0.0 << 0.0 << "pi/2";
        QTest::newRow("-3pi/4") << -3 * PI / 4 << 0.0 << 0.0 << "-3*pi/4";
        QTest::newRow("pi") << PI << 0.0 << 0.0 << "pi";
        QTest::newRow("-pi") << -PI << 0.0 << 0.0 << "-pi";
        QTest::newRow("5pi/8") << 5 * PI / 8 << 0.0 << 0.0 << "5*pi/8";
        QTest::newRow("2pi") << 2 * PI << 0.0 << 0.0 << "2*pi";
        QTest::newRow("not quite pi/2") << std::nextafter(PI / 2, 0.0) << 0.0 << 0.0 << "1.5707963267948963";
        QTest::newRow("plain") << 0.125 << 0.0 << 0.0 << "0.125";
        QTest::newRow("exponent gets a point") << 1e-5 << 0.0 << 0.0 << "1.0e-05";
        QTest::newRow("2 gamma + pi") << PI << 2.0 << 0.0 << "2*gamma_0 + pi";
        QTest::newRow("-0.5 beta") << 0.0 << 0.0 << -0.5 << "-0.5*beta_1";
        QTest::newRow("gamma - beta - pi/2") << -PI / 2 << 1.0 << -1.0 << "gamma_0 - beta_1 - pi/2";
        QTest::newRow("pi/2 gamma") << 0.0 << PI / 2 << 0.0 << "pi/2*gamma_0";
        QTest::newRow("-gamma + 2 beta + 0.3") << 0.3 << -1.0 << 2.0 << "-gamma_0 + 2*beta_1 + 0.3";
    }
    void qasmText()
    {
        QFETCH(double, constant);
        QFETCH(double, gamma);
        QFETCH(double, beta);
        QFETCH(QString, text);
        const ParameterExpression e = ParameterExpression(constant) + ParameterExpression::parameter(0, gamma) +
                                      ParameterExpression::parameter(1, beta);
        const std::vector<std::string> names = {"gamma_0", "beta_1"};
        QCOMPARE(QString::fromStdString(e.toQasm(names)), text);
        QVERIFY(identical(readBack(e.toQasm(names), names), e));
    }

    void qasmTextErrors()
    {
        QVERIFY_THROWS_EXCEPTION(engine::Error, ParameterExpression::parameter(1).toQasm({"a"}));
        const double inf = std::numeric_limits<double>::infinity();
        QVERIFY_THROWS_EXCEPTION(engine::Error, ParameterExpression(inf).toQasm({}));
        QVERIFY_THROWS_EXCEPTION(engine::Error, ParameterExpression(std::nan("")).toQasm({}));
    }

    void qasmRoundTripIsExactOnRandomValues()
    {
        std::mt19937_64 rng(20240611);
        std::uniform_real_distribution<double> unit(-1.0, 1.0);
        std::uniform_int_distribution<int> exponent(-300, 300);
        std::uniform_int_distribution<int> eighths(-64, 64);
        std::uniform_int_distribution<int> pick(0, 5);
        const std::vector<std::string> names = {"gamma", "beta", "theta_2"};
        const auto randomNumber = [&]() {
            switch (pick(rng)) {
            case 0: return eighths(rng) * PI / 8;                         // symbolic
            case 1: return std::ldexp(unit(rng), exponent(rng) / 4);      // wide range of magnitudes
            case 2: return unit(rng) * std::pow(10.0, exponent(rng));    // down to 1e-300, up to 1e300
            case 3: return static_cast<double>(eighths(rng));            // integers
            case 4: return std::nextafter(eighths(rng) * PI / 8, 10.0);   // one ulp off a multiple of pi/8
            default: return unit(rng) * 10;
            }
        };
        for (int trial = 0; trial < 2000; ++trial) {
            ParameterExpression e(pick(rng) == 0 ? 0.0 : randomNumber());
            for (std::size_t k = 0; k < names.size(); ++k) {
                if (pick(rng) < 3)
                    e += ParameterExpression::parameter(k, randomNumber());
            }
            const std::string text = e.toQasm(names);
            const ParameterExpression back = readBack(text, names);
            QVERIFY2(identical(back, e), text.c_str());
        }
    }
};

QTEST_APPLESS_MAIN(TstParameterExpression)
#include "parameter_expression.test.moc"
