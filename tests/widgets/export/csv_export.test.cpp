// SPDX-License-Identifier: MIT
// Tests of the CSV writer: RFC 4180 quoting, C-locale numbers under a German locale, item models, file writes.
#include "export/csv_export.h"

#include <QtTest>

#include "csv_reader.h"

#include <QStandardItemModel>
#include <QTemporaryDir>

#include <limits>

using namespace workbench;

class TstCsvExport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany)); }

    void fieldsAreQuotedWhenTheyMustBe()
    {
        QCOMPARE(CsvWriter::field(QStringLiteral("plain")), QStringLiteral("plain"));
        QCOMPARE(CsvWriter::field(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
        QCOMPARE(CsvWriter::field(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
        QCOMPARE(CsvWriter::field(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));
        CsvWriter csv;
        csv.addRow({QStringLiteral("name"), QStringLiteral("value")});
        csv.addRow({QStringLiteral("regular-3, N = 8"), QStringLiteral("x\"y")});
        QCOMPARE(csv.text(), QStringLiteral("name,value\r\n\"regular-3, N = 8\",\"x\"\"y\"\r\n"));
        bool ok = false;
        const auto rows = test_support::readCsv(csv.text(), &ok);
        QVERIFY(ok);
        QCOMPARE(rows[1], (QStringList{QStringLiteral("regular-3, N = 8"), QStringLiteral("x\"y")}));
    }

    void numbersUseAPointAndRoundTrip()
    {
        QCOMPARE(QLocale().toString(0.5), QStringLiteral("0,5"));  // the locale would write a comma
        QCOMPARE(CsvWriter::number(0.5), QStringLiteral("0.5"));
        QCOMPARE(CsvWriter::number(1234567.25), QStringLiteral("1234567.25"));
        QCOMPARE(CsvWriter::number(1e-12), QStringLiteral("1e-12"));
        QCOMPARE(CsvWriter::number(std::numeric_limits<double>::quiet_NaN()), QStringLiteral("nan"));
        QCOMPARE(CsvWriter::number(7LL), QStringLiteral("7"));
        for (double value : {0.1, 1.0 / 3.0, -2.718281828459045, 6.02214076e23})
            QCOMPARE(CsvWriter::number(value).toDouble(), value);
    }

    void modelTableHasHeaderAndRows()
    {
        QStandardItemModel model(2, 2);
        model.setHorizontalHeaderLabels({QStringLiteral("task"), QStringLiteral("cost, $")});
        model.setItem(0, 0, new QStandardItem(QStringLiteral("t1")));
        auto* cost = new QStandardItem;
        cost->setData(0.25, Qt::DisplayRole);
        model.setItem(0, 1, cost);
        model.setItem(1, 0, new QStandardItem(QStringLiteral("t2")));
        model.setItem(1, 1, new QStandardItem(QStringLiteral("n/a")));
        QCOMPARE(tableModelCsv(model), QStringLiteral("task,\"cost, $\"\r\nt1,0.25\r\nt2,n/a\r\n"));
    }

    void filesAreWrittenOrTheFailureNamed()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("data.csv"));
        QVERIFY(writeCsvFile(path, QStringLiteral("a,b\r\nä,1\r\n")));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("a,b\r\n\xc3\xa4,1\r\n"));
        QString error;
        QVERIFY(!writeCsvFile(dir.filePath(QStringLiteral("missing/data.csv")), QStringLiteral("x\r\n"), &error));
        QVERIFY(error.contains(QStringLiteral("missing")));
    }
};

QTEST_MAIN(TstCsvExport)
#include "csv_export.test.moc"
