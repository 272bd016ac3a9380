// SPDX-License-Identifier: MIT
// Tests of the SIMD kernel dispatch and of the generic (baseline instruction set) kernel table.
#include "sim/simd_kernels.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "simd_kernel_checks.h"

#include <algorithm>

using namespace engine::detail;

class TstSimdKernels : public QObject {
    Q_OBJECT

private slots:
    void levelsStartWithGeneric();
    void levelNames();
    void forceSelectsTable();
    void genericDouble();
    void genericFloat();
    void cleanupTestCase();
};

void TstSimdKernels::levelsStartWithGeneric()
{
    const std::vector<SimdLevel> levels = supportedSimdLevels();
    QVERIFY(!levels.empty());
    QCOMPARE(levels.front(), SimdLevel::Generic);
    QVERIFY(std::is_sorted(levels.begin(), levels.end()));
    // Without forcing, the best supported level is active.
    QCOMPARE(activeSimdLevel(), levels.back());
}

void TstSimdKernels::levelNames()
{
    QCOMPARE(QString::fromLatin1(simdLevelName(SimdLevel::Generic)), QStringLiteral("generic"));
    QCOMPARE(QString::fromLatin1(simdLevelName(SimdLevel::Avx2)), QStringLiteral("avx2"));
    QCOMPARE(QString::fromLatin1(simdLevelName(SimdLevel::Avx512)), QStringLiteral("avx512"));
}

void TstSimdKernels::forceSelectsTable()
{
    for (SimdLevel level : {SimdLevel::Generic, SimdLevel::Avx2, SimdLevel::Avx512}) {
        const std::vector<SimdLevel> levels = supportedSimdLevels();
        const bool supported = std::find(levels.begin(), levels.end(), level) != levels.end();
        if (!supported) {
            QVERIFY_THROWS_EXCEPTION(engine::Error, forceSimdLevel(level));
            continue;
        }
        forceSimdLevel(level);
        QCOMPARE(activeSimdLevel(), level);
        QCOMPARE(simdKernelsDouble().level, level);
        QCOMPARE(simdKernelsFloat().level, level);
    }
}

void TstSimdKernels::genericDouble()
{
    const SimdKernelTable<double>* table = genericKernelsDouble();
    QVERIFY(table != nullptr);
    QCOMPARE(table->level, SimdLevel::Generic);
    simd_checks::checkTable(*table);
}

void TstSimdKernels::genericFloat()
{
    const SimdKernelTable<float>* table = genericKernelsFloat();
    QVERIFY(table != nullptr);
    simd_checks::checkTable(*table);
}

void TstSimdKernels::cleanupTestCase()
{
    forceSimdLevel(supportedSimdLevels().back());
}

QTEST_APPLESS_MAIN(TstSimdKernels)
#include "simd_kernels.test.moc"
