// SPDX-License-Identifier: MIT
// Tests of the benchmark helpers on tiny registers: fields filled and consistent, arguments checked.
#include "sim/sim_benchmark.h"

#include <QtTest>

#include <cmath>

#include "test_support.h"

#include "core/error.h"

class TstSimBenchmark : public QObject {
    Q_OBJECT

private slots:
    void resultIsConsistent_data();
    void resultIsConsistent();
    void samplingTime();
    void invalidArguments();
};

void TstSimBenchmark::resultIsConsistent_data()
{
    QTest::addColumn<int>("precision");
    QTest::newRow("double") << static_cast<int>(engine::Precision::Double);
    QTest::newRow("single") << static_cast<int>(engine::Precision::Single);
}

void TstSimBenchmark::resultIsConsistent()
{
    QFETCH(int, precision);
    const auto prec = static_cast<engine::Precision>(precision);
    const engine::SimBenchmarkResult r = engine::runSimBenchmark(8, 2, 1, prec);
    QCOMPARE(r.numQubits, 8u);
    QCOMPARE(r.layers, 2u);
    QCOMPARE(r.threads, 1);
    QCOMPARE(r.precision, prec);
    QVERIFY(!r.simdLevel.empty());
    QVERIFY(r.passSeconds > 0.0);
    QVERIFY(r.layerSeconds > 0.0);
    QVERIFY(r.diagonalSeconds > 0.0);
    QVERIFY(r.passGigabytesPerSecond > 0.0);
    // a median of per-round ratios: positive and finite, not the ratio of the two medians
    QVERIFY(r.layerOverPass > 0.0 && std::isfinite(r.layerOverPass));
}

void TstSimBenchmark::samplingTime()
{
    QVERIFY(engine::benchmarkSampling(6, 1000) > 0.0);
    QVERIFY(engine::benchmarkSampling(6, 1000, true) > 0.0);
}

void TstSimBenchmark::invalidArguments()
{
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::runSimBenchmark(7, 1, 1, engine::Precision::Double));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::runSimBenchmark(2, 1, 1, engine::Precision::Double));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::runSimBenchmark(8, 0, 1, engine::Precision::Double));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::runSimBenchmark(40, 1, 1, engine::Precision::Single));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::benchmarkSampling(5, 10));
}

QTEST_APPLESS_MAIN(TstSimBenchmark)
#include "sim_benchmark.test.moc"
