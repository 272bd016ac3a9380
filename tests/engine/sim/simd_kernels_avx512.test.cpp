// SPDX-License-Identifier: MIT
// Tests of the avx512 kernel table against scalar loops (skipped where the CPU or build lacks avx512).
#include "sim/simd_kernels.h"

#include <QtTest>

#include "test_support.h"

#include "simd_kernel_checks.h"

#include <algorithm>

using namespace engine::detail;

namespace {

bool available()
{
    const std::vector<SimdLevel> levels = supportedSimdLevels();
    return std::find(levels.begin(), levels.end(), SimdLevel::Avx512) != levels.end();
}

} // namespace

class TstSimdKernelsAvx512 : public QObject {
    Q_OBJECT

private slots:
    void tableDouble();
    void tableFloat();
};

void TstSimdKernelsAvx512::tableDouble()
{
    if (!available())
        QSKIP("avx512 is not supported by this CPU or build");
    const SimdKernelTable<double>* table = avx512KernelsDouble();
    QVERIFY(table != nullptr);
    QCOMPARE(table->level, SimdLevel::Avx512);
    simd_checks::checkTable(*table);
}

void TstSimdKernelsAvx512::tableFloat()
{
    if (!available())
        QSKIP("avx512 is not supported by this CPU or build");
    const SimdKernelTable<float>* table = avx512KernelsFloat();
    QVERIFY(table != nullptr);
    QCOMPARE(table->level, SimdLevel::Avx512);
    simd_checks::checkTable(*table);
}

QTEST_APPLESS_MAIN(TstSimdKernelsAvx512)
#include "simd_kernels_avx512.test.moc"
