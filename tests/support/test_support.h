// SPDX-License-Identifier: MIT
// Small helpers shared by the Qt Test files: tolerant comparisons and paths to test data.
#pragma once

#include <QtTest>

#include <cmath>
#include <string>

namespace test_support {

/// |a - b| <= tol * max(1, |a|, |b|).
inline bool near(double a, double b, double tol = 1e-9)
{
    return std::abs(a - b) <= tol * std::max({1.0, std::abs(a), std::abs(b)});
}

/// A file under tests/data.
inline std::string dataPath(const std::string& relative)
{
    return std::string(QAOA_TEST_DATA_DIR) + "/" + relative;
}

/// A file under ../shared (benchmarks, calibration snapshots).
inline std::string sharedPath(const std::string& relative)
{
    return std::string(QAOA_SHARED_DIR) + "/" + relative;
}

} // namespace test_support

/// QCOMPARE for doubles with an explicit relative tolerance; prints both values on failure.
#define QAOA_COMPARE_NEAR(actual, expected, tol)                                                            \
    do {                                                                                                    \
        const double qaoa_a = (actual);                                                                     \
        const double qaoa_e = (expected);                                                                   \
        if (!test_support::near(qaoa_a, qaoa_e, (tol)))                                                     \
            QFAIL(qPrintable(QStringLiteral("%1 = %2, expected %3 (tol %4)")                                \
                                 .arg(QString::fromLatin1(#actual)).arg(qaoa_a, 0, 'g', 17)                 \
                                 .arg(qaoa_e, 0, 'g', 17).arg(double(tol))));                               \
    } while (false)
