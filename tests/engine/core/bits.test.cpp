// SPDX-License-Identifier: MIT
// Tests of the bitstring conventions: variable order in text, Qiskit order and integer indices.
#include "core/bits.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"

#include <random>

using engine::Bits;

class TstBits : public QObject {
    Q_OBJECT

private slots:
    void variableZeroIsLeftmost();
    void qiskitQubitZeroIsRightmost();
    void indexBitIIsVariableI();
    void roundTripsOnRandomBits();
    void fromStringRejectsBadCharacter_data();
    void fromStringRejectsBadCharacter();
    void lengthIsChecked();
    void indexOfMoreThan64BitsIsRejected();
    void emptyBits();
};

void TstBits::variableZeroIsLeftmost()
{
    const Bits bits{1, 0, 0, 1, 1};
    QCOMPARE(engine::bitsToString(bits), std::string("10011"));
    QCOMPARE(engine::bitsFromString("10011"), bits);
    QCOMPARE(engine::bitsFromString("0001")[3], std::uint8_t{1});
}

void TstBits::qiskitQubitZeroIsRightmost()
{
    // Qubit 0 set, qubit 1 clear, qubits 2 and 3 set: Qiskit prints "1101".
    const Bits bits{1, 0, 1, 1};
    QCOMPARE(engine::bitsToQiskitString(bits), std::string("1101"));
    QCOMPARE(engine::bitsFromQiskitString("1101"), bits);
    QCOMPARE(engine::bitsFromQiskitString("0001")[0], std::uint8_t{1});
    QCOMPARE(engine::bitsFromQiskitString("1000")[3], std::uint8_t{1});
}

void TstBits::indexBitIIsVariableI()
{
    // 6 = 0b110: variables 1 and 2 set.
    QCOMPARE(engine::bitsFromIndex(6, 4), (Bits{0, 1, 1, 0}));
    QCOMPARE(engine::bitsToIndex(Bits{0, 1, 1, 0}), std::uint64_t{6});
    QCOMPARE(engine::bitsToIndex(Bits{1}), std::uint64_t{1});
    // Integer index and Qiskit text agree: the Qiskit string is the binary numeral of the index.
    QCOMPARE(engine::bitsToQiskitString(engine::bitsFromIndex(6, 4)), std::string("0110"));
    QCOMPARE(engine::bitsToString(engine::bitsFromIndex(6, 4)), std::string("0110"));
    QCOMPARE(engine::bitsToQiskitString(engine::bitsFromIndex(1, 4)), std::string("0001"));
    QCOMPARE(engine::bitsToString(engine::bitsFromIndex(1, 4)), std::string("1000"));
    Bits high(64, 0);
    high[63] = 1;
    QCOMPARE(engine::bitsToIndex(high), std::uint64_t{1} << 63);
    QCOMPARE(engine::bitsFromIndex(std::uint64_t{1} << 63, 64), high);
}

void TstBits::roundTripsOnRandomBits()
{
    std::mt19937_64 rng(7);
    for (int trial = 0; trial < 200; ++trial) {
        const std::size_t n = 1 + rng() % 64;
        const std::uint64_t index = n == 64 ? rng() : rng() & ((std::uint64_t{1} << n) - 1);
        const Bits bits = engine::bitsFromIndex(index, n);
        QCOMPARE(bits.size(), n);
        QCOMPARE(engine::bitsToIndex(bits), index);
        QCOMPARE(engine::bitsFromString(engine::bitsToString(bits), static_cast<long long>(n)), bits);
        QCOMPARE(engine::bitsFromQiskitString(engine::bitsToQiskitString(bits), static_cast<long long>(n)), bits);
        // Slow reference for the text form: character i is bit i of the index.
        const std::string text = engine::bitsToString(bits);
        for (std::size_t i = 0; i < n; ++i)
            QCOMPARE(text[i], ((index >> i) & 1U) ? '1' : '0');
    }
}

void TstBits::fromStringRejectsBadCharacter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("position");
    QTest::newRow("letter") << "01a1" << "character 2";
    QTest::newRow("space") << " 011" << "character 0";
    QTest::newRow("two") << "0112" << "character 3";
}

void TstBits::fromStringRejectsBadCharacter()
{
    QFETCH(QString, text);
    QFETCH(QString, position);
    try {
        engine::bitsFromString(text.toStdString());
        QFAIL("no error for a bad character");
    } catch (const engine::Error& e) {
        QCOMPARE(e.code(), engine::ErrorCode::InvalidInput);
        QVERIFY2(QString::fromStdString(e.detail()).contains(position), e.what());
    }
}

void TstBits::lengthIsChecked()
{
    QCOMPARE(engine::bitsFromString("101", 3).size(), std::size_t{3});
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::bitsFromString("101", 4));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::bitsFromQiskitString("101", 2));
}

void TstBits::indexOfMoreThan64BitsIsRejected()
{
    try {
        engine::bitsToIndex(Bits(65, 0));
        QFAIL("no error for 65 bits");
    } catch (const engine::Error& e) {
        QCOMPARE(e.code(), engine::ErrorCode::LimitExceeded);
    }
}

void TstBits::emptyBits()
{
    QCOMPARE(engine::bitsToString({}), std::string());
    QVERIFY(engine::bitsFromString("").empty());
    QCOMPARE(engine::bitsToIndex({}), std::uint64_t{0});
}

QTEST_APPLESS_MAIN(TstBits)
#include "bits.test.moc"
