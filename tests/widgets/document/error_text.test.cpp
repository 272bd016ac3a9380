// SPDX-License-Identifier: MIT
// Tests of the error headlines: one distinct translated sentence per engine error code.
#include "document/error_text.h"

#include <QtTest>

#include "test_support.h"

#include <QSet>

using namespace workbench;

class TstErrorText : public QObject {
    Q_OBJECT

private slots:
    void everyCodeHasItsOwnText();
    void messageCarriesPlaceAndDetail();
};

void TstErrorText::everyCodeHasItsOwnText()
{
    QSet<QString> texts;
    for (engine::ErrorCode code : {engine::ErrorCode::InvalidArgument, engine::ErrorCode::InvalidInput,
                                   engine::ErrorCode::Io, engine::ErrorCode::LimitExceeded,
                                   engine::ErrorCode::Infeasible, engine::ErrorCode::SolverFailure}) {
        const QString text = errorCodeText(code);
        QVERIFY(!text.isEmpty());
        texts.insert(text);
    }
    QCOMPARE(texts.size(), 6);
}

void TstErrorText::messageCarriesPlaceAndDetail()
{
    const engine::Error error(engine::ErrorCode::Io, "permission denied", "/tmp/x.qwproj");
    const QString message = errorMessage(error);
    QVERIFY(message.startsWith(errorCodeText(engine::ErrorCode::Io)));
    QVERIFY(message.contains(QStringLiteral("/tmp/x.qwproj")));
    QVERIFY(message.contains(QStringLiteral("permission denied")));
}

QTEST_MAIN(TstErrorText)
#include "error_text.test.moc"
