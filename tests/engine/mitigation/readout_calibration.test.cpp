// SPDX-License-Identifier: MIT
// Tests of per-qubit assignment matrices: layout, inverse, validation and estimation from calibration runs.
#include "mitigation/readout_calibration.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"

using engine::ReadoutCalibration;

class TstReadoutCalibration : public QObject {
    Q_OBJECT

private slots:
    void assignmentLayout();
    void inverseTimesAssignmentIsIdentity();
    void invalidRatesAreRejected_data();
    void invalidRatesAreRejected();
    void estimatedFromCalibrationRuns();
    void calibrationRunsMustMatch();
};

void TstReadoutCalibration::assignmentLayout()
{
    const ReadoutCalibration cal({{0.02, 0.05}, {0.03, 0.08}});
    QCOMPARE(cal.numQubits(), std::size_t{2});
    const auto a = cal.assignment(1);
    // Rows = measured, columns = prepared: column 0 is the distribution of readings of a prepared 0.
    QAOA_COMPARE_NEAR(a[0][0], 0.97, 1e-15);
    QAOA_COMPARE_NEAR(a[1][0], 0.03, 1e-15);
    QAOA_COMPARE_NEAR(a[0][1], 0.08, 1e-15);
    QAOA_COMPARE_NEAR(a[1][1], 0.92, 1e-15);
}

void TstReadoutCalibration::inverseTimesAssignmentIsIdentity()
{
    const ReadoutCalibration cal({{0.0, 0.0}, {0.1, 0.3}, {0.45, 0.5}});
    for (std::size_t q = 0; q < cal.numQubits(); ++q) {
        const auto a = cal.assignment(q);
        const auto inv = cal.inverse(q);
        for (int r = 0; r < 2; ++r)
            for (int c = 0; c < 2; ++c) {
                const double v = inv[r][0] * a[0][c] + inv[r][1] * a[1][c];
                QAOA_COMPARE_NEAR(v, r == c ? 1.0 : 0.0, 1e-12);
            }
    }
}

void TstReadoutCalibration::invalidRatesAreRejected_data()
{
    QTest::addColumn<double>("p");
    QTest::addColumn<double>("q");
    QTest::newRow("coin flip") << 0.5 << 0.5;
    QTest::newRow("inverted readout") << 0.7 << 0.6;
    QTest::newRow("negative") << -0.1 << 0.1;
    QTest::newRow("above one") << 0.1 << 1.1;
    QTest::newRow("nan") << std::nan("") << 0.1;
}

void TstReadoutCalibration::invalidRatesAreRejected()
{
    QFETCH(double, p);
    QFETCH(double, q);
    try {
        const ReadoutCalibration cal({{0.01, 0.01}, {p, q}});
        QFAIL("no error");
    } catch (const engine::Error& e) {
        QCOMPARE(e.code(), engine::ErrorCode::InvalidArgument);
        QCOMPARE(e.where(), std::string("errors[1]"));
    }
}

void TstReadoutCalibration::estimatedFromCalibrationRuns()
{
    // Two qubits, 100 shots each run. All-zero run: qubit 0 reads 1 in 3 shots ("01" x2, "11" x1), qubit 1 in
    // 1 shot. All-one run: qubit 0 reads 0 in 4 shots ("10" x4), qubit 1 in 10 ("01" x10).
    engine::SampleCounts zeros(2);
    zeros.addQiskit("00", 97.0);
    zeros.addQiskit("01", 2.0);
    zeros.addQiskit("11", 1.0);
    engine::SampleCounts ones(2);
    ones.addQiskit("11", 86.0);
    ones.addQiskit("10", 4.0);
    ones.addQiskit("01", 10.0);
    const auto cal = ReadoutCalibration::fromCalibrationRuns(zeros, ones);
    QAOA_COMPARE_NEAR(cal.error(0).p, 0.03, 1e-15);
    QAOA_COMPARE_NEAR(cal.error(1).p, 0.01, 1e-15);
    QAOA_COMPARE_NEAR(cal.error(0).q, 0.04, 1e-15);
    QAOA_COMPARE_NEAR(cal.error(1).q, 0.10, 1e-15);
}

void TstReadoutCalibration::calibrationRunsMustMatch()
{
    engine::SampleCounts zeros(2);
    zeros.add(0, 10.0);
    engine::SampleCounts ones3(3);
    ones3.add(7, 10.0);
    QVERIFY_THROWS_EXCEPTION(engine::Error, ReadoutCalibration::fromCalibrationRuns(zeros, ones3));
    QVERIFY_THROWS_EXCEPTION(engine::Error, ReadoutCalibration::fromCalibrationRuns(zeros, engine::SampleCounts(2)));
    // Every all-one shot reads all zeros: q = 1, unusable.
    engine::SampleCounts bad(2);
    bad.add(0, 5.0);
    QVERIFY_THROWS_EXCEPTION(engine::Error, ReadoutCalibration::fromCalibrationRuns(zeros, bad));
}

QTEST_APPLESS_MAIN(TstReadoutCalibration)
#include "readout_calibration.test.moc"
