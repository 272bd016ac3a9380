// SPDX-License-Identifier: MIT
// Runs the built qaoa-cli binary: exit codes, one JSON object on stdout, one message on stderr.
#include <QtTest>

#include <QProcess>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

class TstQaoaCli : public QObject {
    Q_OBJECT

private:
    struct Result {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };

    Result run(const QStringList& args)
    {
        QProcess p;
        p.start(QString::fromUtf8(QAOA_CLI_PATH), args);
        if (!p.waitForFinished(120000))
            qFatal("qaoa-cli did not finish");
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                p.readAllStandardError()};
    }

private slots:
    void versionAndHelp()
    {
        Result r = run({QStringLiteral("--version")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith("qaoa-cli "));
        r = run({QStringLiteral("solve"), QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("--solver"));
    }

    void solveJsonIsOneObject()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("i.json"));
        Result r = run({QStringLiteral("generate"), QStringLiteral("lcrp"), QStringLiteral("--tasks"), QStringLiteral("6"),
                        QStringLiteral("--models"), QStringLiteral("5"), QStringLiteral("--seed"), QStringLiteral("42"),
                        QStringLiteral("--budget"), QStringLiteral("1000"),
                        QStringLiteral("-o"), file});
        QCOMPARE(r.code, 0);
        r = run({QStringLiteral("solve"), file, QStringLiteral("--solver"), QStringLiteral("exact"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.err.isEmpty());
        const nlohmann::json j = nlohmann::json::parse(r.out.toStdString());  // throws if not exactly one value
        QVERIFY(j.is_object());
        QCOMPARE(j["status"].get<std::string>(), std::string("optimal"));
    }

    void badInputExitsTwoWithOneMessage()
    {
        const Result r = run({QStringLiteral("solve"), QStringLiteral("/no/such/file.json"), QStringLiteral("--solver"),
                              QStringLiteral("greedy"), QStringLiteral("--json")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY(r.err.contains("/no/such/file.json"));
        QCOMPARE(r.err.count('\n'), 1);
    }
};

QTEST_APPLESS_MAIN(TstQaoaCli)
#include "qaoa_cli.test.moc"
