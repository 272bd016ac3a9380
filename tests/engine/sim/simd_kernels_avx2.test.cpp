// SPDX-License-Identifier: MIT
// Tests of the avx2 kernel table against scalar loops (skipped where the CPU or build lacks avx2).
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
    return std::find(levels.begin(), levels.end(), SimdLevel::Avx2) != levels.end();
}

} // namespace

class TstSimdKernelsAvx2 : public QObject {
    Q_OBJECT

private slots:
    void tableDouble();
    void tableFloat();
};

void TstSimdKernelsAvx2::tableDouble()
{
    if (!available())
        QSKIP("avx2 is not supported by this CPU or build");
    const SimdKernelTable<double>* table = avx2KernelsDouble();
    QVERIFY(table != nullptr);
    QCOMPARE(table->level, SimdLevel::Avx2);
    simd_checks::checkTable(*table);
}

void TstSimdKernelsAvx2::tableFloat()
{
    if (!available())
        QSKIP("avx2 is not supported by this CPU or build");
    const SimdKernelTable<float>* table = avx2KernelsFloat();
    QVERIFY(table != nullptr);
    QCOMPARE(table->level, SimdLevel::Avx2);
    simd_checks::checkTable(*table);
}

QTEST_APPLESS_MAIN(TstSimdKernelsAvx2)
#include "simd_kernels_avx2.test.moc"
