// SPDX-License-Identifier: MIT
// Tests of the ustar writer and reader: round trips with binary content, interoperability with GNU tar, and
// every rejection (links, folders, unsafe names, limits, checksums, truncation) naming the member.
#include "bundle/ustar.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "temp_files.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <numeric>

using engine::ErrorCode;
using engine::UstarLimits;
using engine::UstarMember;

namespace {

std::string allBytes()
{
    std::string s(256 * 3, '\0');
    for (std::size_t k = 0; k < s.size(); ++k)
        s[k] = static_cast<char>(k & 0xff);
    return s;
}

// Recomputes the header checksum of the member whose header starts at `offset` after a test edited it, the
// obvious way: the byte sum with the checksum field counted as spaces, written as 6 octal digits, NUL, space.
void fixChecksum(std::string& archive, std::size_t offset)
{
    for (std::size_t k = 148; k < 156; ++k)
        archive[offset + k] = ' ';
    unsigned sum = 0;
    for (std::size_t k = 0; k < 512; ++k)
        sum += static_cast<unsigned char>(archive[offset + k]);
    char text[9];
    std::snprintf(text, sizeof text, "%06o", sum);
    for (std::size_t k = 0; k < 6; ++k)
        archive[offset + 148 + k] = text[k];
    archive[offset + 154] = '\0';
    archive[offset + 155] = ' ';
}

void setField(std::string& archive, std::size_t offset, std::size_t field, std::size_t width, const std::string& value)
{
    for (std::size_t k = 0; k < width; ++k)
        archive[offset + field + k] = k < value.size() ? value[k] : '\0';
}

// The error of reading `archive`, or a failure when it is accepted.
engine::Error readError(const std::string& archive, const UstarLimits& limits = {})
{
    try {
        (void)engine::readUstar(archive, "t.tar", limits);
    } catch (const engine::Error& e) {
        return e;
    }
    return engine::Error(ErrorCode::InvalidArgument, "accepted", "none");
}

} // namespace

class TstUstar : public QObject {
    Q_OBJECT

private slots:
    void roundTripKeepsBytesAndOrder()
    {
        const std::vector<UstarMember> members{{"manifest.json", "{}\n"},
                                               {"empty.bin", ""},
                                               {"binary.bin", allBytes()},
                                               {"circuits/pub0.qasm", std::string(511, 'x')},
                                               {"circuits/pub1.qasm", std::string(512, 'y')},
                                               {"a/b/c/d.txt", std::string(513, '\n')}};
        const std::string archive = engine::writeUstar(members);
        // Headers, contents rounded up to 512 bytes, two end blocks.
        std::size_t expected = 1024;
        for (const UstarMember& m : members)
            expected += 512 + (m.content.size() + 511) / 512 * 512;
        QCOMPARE(archive.size(), expected);
        const std::vector<UstarMember> back = engine::readUstar(archive, "t.tar");
        QCOMPARE(back.size(), members.size());
        for (std::size_t k = 0; k < members.size(); ++k) {
            QCOMPARE(back[k].path, members[k].path);
            QVERIFY(back[k].content == members[k].content);
        }
        QCOMPARE(engine::writeUstar(members), archive);  // deterministic bytes
        QVERIFY(engine::readUstar(engine::writeUstar({}), "empty.tar").empty());
    }

    void gnuTarReadsOurArchiveAndWeReadItsArchive()
    {
        const QString tar = QStandardPaths::findExecutable(QStringLiteral("tar"));
        if (tar.isEmpty())
            QSKIP("tar is not installed");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string ours = dir.filePath(QStringLiteral("ours.tar")).toStdString();
        test_support::writeRaw(ours, engine::writeUstar({{"x/one.bin", allBytes()}, {"two.txt", "hello\n"}}));
        QProcess list;
        list.start(tar, {QStringLiteral("-tf"), QString::fromStdString(ours)});
        QVERIFY(list.waitForFinished(10000));
        QCOMPARE(list.exitCode(), 0);
        QCOMPARE(QString::fromLatin1(list.readAllStandardOutput()), QStringLiteral("x/one.bin\ntwo.txt\n"));

        test_support::writeRaw(dir.filePath(QStringLiteral("data.bin")).toStdString(), allBytes());
        QProcess create;
        create.setWorkingDirectory(dir.path());
        create.start(tar, {QStringLiteral("--format=ustar"), QStringLiteral("-cf"), QStringLiteral("theirs.tar"),
                           QStringLiteral("data.bin")});
        QVERIFY(create.waitForFinished(10000));
        QCOMPARE(create.exitCode(), 0);
        const auto members =
            engine::readUstar(test_support::readRaw(dir.filePath(QStringLiteral("theirs.tar")).toStdString()), "theirs");
        QCOMPARE(members.size(), std::size_t{1});
        QCOMPARE(members[0].path, std::string("data.bin"));
        QVERIFY(members[0].content == allBytes());
    }

    void namesAreChecked_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << "instance.json" << true;
        QTest::newRow("nested") << "circuits/pub0.qasm" << true;
        QTest::newRow("99 chars") << QString(99, QLatin1Char('a')) << true;
        QTest::newRow("100 chars") << QString(100, QLatin1Char('a')) << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("absolute") << "/etc/passwd" << false;
        QTest::newRow("dotdot") << "../evil" << false;
        QTest::newRow("inner dotdot") << "a/../../evil" << false;
        QTest::newRow("dot") << "./a" << false;
        QTest::newRow("trailing slash") << "dir/" << false;
        QTest::newRow("double slash") << "a//b" << false;
        QTest::newRow("backslash") << "a\\b" << false;
        QTest::newRow("space") << "a b" << false;
    }

    void namesAreChecked()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        std::string why;
        QCOMPARE(engine::isValidUstarName(name.toStdString(), &why), valid);
        QCOMPARE(why.empty(), valid);
        if (!valid) {
            try {
                (void)engine::writeUstar({{name.toStdString(), "x"}});
                QFAIL("writeUstar accepted an invalid name");
            } catch (const engine::Error& e) {
                QCOMPARE(e.code(), ErrorCode::InvalidArgument);
            }
        }
    }

    void writerRefusesDuplicates()
    {
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::writeUstar({{"a", "1"}, {"a", "2"}}));
    }

    // A valid archive edited into each hostile form; every error names the member ("t.tar:<name>").
    void rejections_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("detailPart");
        QTest::newRow("symlink") << "symlink" << "t.tar:second.txt" << "symbolic link";
        QTest::newRow("hardlink") << "hardlink" << "t.tar:second.txt" << "hard link";
        QTest::newRow("directory") << "directory" << "t.tar:second.txt" << "directory";
        QTest::newRow("device") << "device" << "t.tar:second.txt" << "device";
        QTest::newRow("absolute") << "absolute" << "t.tar:/etc/passwd" << "absolute";
        QTest::newRow("dotdot") << "dotdot" << "t.tar:../../x" << "'..'";
        QTest::newRow("prefix") << "prefix" << "t.tar:second.txt" << "prefix";
        QTest::newRow("checksum") << "checksum" << "t.tar:second.txt" << "checksum";
        QTest::newRow("magic") << "magic" << "t.tar:second.txt" << "ustar";
        QTest::newRow("size field") << "size" << "t.tar:second.txt" << "octal";
        QTest::newRow("duplicate") << "duplicate" << "t.tar:first.txt" << "twice";
        QTest::newRow("truncated content") << "truncated" << "t.tar:second.txt" << "truncated";
        QTest::newRow("no end blocks") << "noend" << "t.tar" << "truncated";
        QTest::newRow("one end block") << "oneend" << "t.tar" << "one of the two";
        QTest::newRow("trailing data") << "trailing" << "t.tar" << "after the end";
    }

    void rejections()
    {
        QFETCH(QString, kind);
        QFETCH(QString, where);
        QFETCH(QString, detailPart);
        std::string a = engine::writeUstar({{"first.txt", "one"}, {"second.txt", std::string(700, 'z')}});
        const std::size_t second = 1024;  // header of the second member
        const std::size_t end = second + 512 + 1024;
        const std::string k = kind.toStdString();
        if (k == "symlink" || k == "hardlink" || k == "directory" || k == "device") {
            a[second + 156] = k == "symlink" ? '2' : k == "hardlink" ? '1' : k == "directory" ? '5' : '3';
            if (k != "directory" && k != "device")
                setField(a, second, 157, 100, "/etc/shadow");
            fixChecksum(a, second);
        } else if (k == "absolute" || k == "dotdot") {
            setField(a, second, 0, 100, k == "absolute" ? "/etc/passwd" : "../../x");
            fixChecksum(a, second);
        } else if (k == "prefix") {
            setField(a, second, 345, 155, "some/long/prefix");
            fixChecksum(a, second);
        } else if (k == "checksum") {
            a[second + 200] = 'X';  // inside the link name field, not fixed up
        } else if (k == "magic") {
            setField(a, second, 257, 6, "ustaR");
            fixChecksum(a, second);
        } else if (k == "size") {
            setField(a, second, 124, 12, "00000001x00");
            fixChecksum(a, second);
        } else if (k == "duplicate") {
            a = engine::writeUstar({{"first.txt", "one"}, {"other.txt", "two"}});
            setField(a, second, 0, 100, "first.txt");
            fixChecksum(a, second);
        } else if (k == "truncated") {
            a.resize(second + 512 + 100);
        } else if (k == "noend") {
            a.resize(end);
        } else if (k == "oneend") {
            a.resize(end + 512);
        } else if (k == "trailing") {
            a += "garbage";
        }
        const engine::Error e = readError(a);
        QVERIFY2(e.where() != "none", "the archive was accepted");
        QCOMPARE(QString::fromStdString(e.where()), where);
        QVERIFY2(e.detail().find(detailPart.toStdString()) != std::string::npos, e.what());
        QCOMPARE(e.code(), ErrorCode::InvalidInput);
    }

    void limitsAreEnforcedBeforeCopying()
    {
        const std::string a = engine::writeUstar({{"a.bin", std::string(1000, 'a')}, {"b.bin", std::string(1000, 'b')}});
        UstarLimits member;
        member.maxMemberBytes = 999;
        engine::Error e = readError(a, member);
        QCOMPARE(e.code(), ErrorCode::LimitExceeded);
        QCOMPARE(e.where(), std::string("t.tar:a.bin"));

        UstarLimits total;
        total.maxTotalBytes = 1999;
        e = readError(a, total);
        QCOMPARE(e.code(), ErrorCode::LimitExceeded);
        QCOMPARE(e.where(), std::string("t.tar:b.bin"));

        UstarLimits count;
        count.maxMembers = 1;
        e = readError(a, count);
        QCOMPARE(e.code(), ErrorCode::LimitExceeded);
        QCOMPARE(e.where(), std::string("t.tar:b.bin"));

        // A header claiming 8 GiB in a short archive is refused by the limit, not by an allocation.
        std::string huge = engine::writeUstar({{"big.bin", "x"}});
        setField(huge, 0, 124, 12, "77777777777");
        fixChecksum(huge, 0);
        e = readError(huge);
        QCOMPARE(e.code(), ErrorCode::LimitExceeded);
        QCOMPARE(e.where(), std::string("t.tar:big.bin"));
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::readUstar("", "t.tar"));
    }
};

QTEST_APPLESS_MAIN(TstUstar)
#include "ustar.test.moc"
