// SPDX-License-Identifier: MIT
// Tests of engine::Error: codes, stable code names and the "where: detail" message.
#include "core/error.h"

#include <QtTest>

#include "test_support.h"

#include <set>
#include <string>

class TstError : public QObject {
    Q_OBJECT

private slots:
    void jsonPointerTokenEscapesTildeAndSlash()
    {
        QCOMPARE(engine::jsonPointerToken("plain"), std::string("plain"));
        QCOMPARE(engine::jsonPointerToken("a/b~c"), std::string("a~1b~0c"));
        QCOMPARE(engine::jsonPointerToken("~1"), std::string("~01"));  // escaped once, '~' first
        QCOMPARE(engine::jsonPointerToken(""), std::string());
    }

    void indexedPlaceNamesOneElement()
    {
        QCOMPARE(engine::indexedPlace("weights", 3), std::string("weights[3]"));
        QCOMPARE(engine::indexedPlace("", 0), std::string("[0]"));
    }

    void codeNames_data();
    void codeNames();
    void codeNamesAreDistinct();
    void messageWithWhere();
    void messageWithoutWhere();
    void catchableAsRuntimeError();
};

void TstError::codeNames_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("name");
    QTest::newRow("invalid_argument") << int(engine::ErrorCode::InvalidArgument) << "invalid_argument";
    QTest::newRow("invalid_input") << int(engine::ErrorCode::InvalidInput) << "invalid_input";
    QTest::newRow("io") << int(engine::ErrorCode::Io) << "io";
    QTest::newRow("limit_exceeded") << int(engine::ErrorCode::LimitExceeded) << "limit_exceeded";
    QTest::newRow("infeasible") << int(engine::ErrorCode::Infeasible) << "infeasible";
    QTest::newRow("solver_failure") << int(engine::ErrorCode::SolverFailure) << "solver_failure";
}

void TstError::codeNames()
{
    QFETCH(int, code);
    QFETCH(QString, name);
    QCOMPARE(QString::fromLatin1(engine::errorCodeName(static_cast<engine::ErrorCode>(code))), name);
}

void TstError::codeNamesAreDistinct()
{
    std::set<std::string> names;
    for (int c = int(engine::ErrorCode::InvalidArgument); c <= int(engine::ErrorCode::SolverFailure); ++c)
        QVERIFY(names.insert(engine::errorCodeName(static_cast<engine::ErrorCode>(c))).second);
    QCOMPARE(names.size(), std::size_t{6});
}

void TstError::messageWithWhere()
{
    const engine::Error e(engine::ErrorCode::InvalidInput, "tokens must be > 0", "/tasks/3/tokens");
    QCOMPARE(e.code(), engine::ErrorCode::InvalidInput);
    QCOMPARE(e.detail(), std::string("tokens must be > 0"));
    QCOMPARE(e.where(), std::string("/tasks/3/tokens"));
    QCOMPARE(std::string(e.what()), std::string("/tasks/3/tokens: tokens must be > 0"));
}

void TstError::messageWithoutWhere()
{
    const engine::Error e(engine::ErrorCode::Io, "disk full");
    QVERIFY(e.where().empty());
    QCOMPARE(std::string(e.what()), std::string("disk full"));
}

void TstError::catchableAsRuntimeError()
{
    bool caught = false;
    try {
        throw engine::Error(engine::ErrorCode::LimitExceeded, "too many qubits", "--qubits");
    } catch (const std::runtime_error& e) {
        caught = true;
        QCOMPARE(std::string(e.what()), std::string("--qubits: too many qubits"));
    }
    QVERIFY(caught);
}

QTEST_APPLESS_MAIN(TstError)
#include "error.test.moc"
