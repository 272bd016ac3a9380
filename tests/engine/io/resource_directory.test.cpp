// SPDX-License-Identifier: MIT
// Tests of the resource-directory search: environment override, fall-through order and the error naming every place.
#include "io/resource_directory.h"

#include <QtTest>

#include "temp_files.h"
#include "test_support.h"

#include "core/error.h"

#include <filesystem>

using namespace engine;
namespace fs = std::filesystem;

class TstResourceDirectory : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanupTestCase();
    void environmentDirectoryWins();
    void badEnvironmentDirectoryFallsThrough_data();
    void badEnvironmentDirectoryFallsThrough();
    void emptyEnvironmentIsIgnored();
    void candidateOrder();
    void firstQualifyingCandidate();
    void errorNamesEveryPlace();
    void developerBuildFindsShippedSnapshots();
};

void TstResourceDirectory::init()
{
    qunsetenv("QAOA_RESOURCE_DIR");
}

void TstResourceDirectory::cleanupTestCase()
{
    qunsetenv("QAOA_RESOURCE_DIR");
}

void TstResourceDirectory::environmentDirectoryWins()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    fs::create_directory(fs::path(dir.path().toStdString()) / "backends");
    qputenv("QAOA_RESOURCE_DIR", dir.path().toUtf8());
    QCOMPARE(resourceDirectory(), fs::path(dir.path().toStdString()));
}

void TstResourceDirectory::badEnvironmentDirectoryFallsThrough_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("no backends folder") << 0;
    QTest::newRow("backends is a file") << 1;
    QTest::newRow("does not exist") << 2;
}

void TstResourceDirectory::badEnvironmentDirectoryFallsThrough()
{
    QFETCH(int, kind);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    fs::path bad = dir.path().toStdString();
    if (kind == 1)
        test_support::writeRaw((bad / "backends").string(), "not a folder");
    if (kind == 2)
        bad /= "nowhere";
    qputenv("QAOA_RESOURCE_DIR", QByteArray::fromStdString(bad.string()));
    QCOMPARE(resourceDirectoryCandidates().front(), bad);
    // The later places are tried; the developer build's source tree qualifies.
    const fs::path found = resourceDirectory();
    QVERIFY(found != bad);
    QVERIFY(fs::is_directory(found / "backends"));
}

void TstResourceDirectory::emptyEnvironmentIsIgnored()
{
    const std::vector<fs::path> unset = resourceDirectoryCandidates();
    qputenv("QAOA_RESOURCE_DIR", QByteArray());
    QCOMPARE(resourceDirectoryCandidates(), unset);
    for (const fs::path& candidate : unset)
        QVERIFY(!candidate.empty());
}

void TstResourceDirectory::candidateOrder()
{
    const std::vector<fs::path> unset = resourceDirectoryCandidates();
    // Installed layout next to this test program, then the source tree recorded at build time.
    const fs::path program = fs::canonical("/proc/self/exe");
    const fs::path installed = (program.parent_path().parent_path() / "share" / "qaoa-workbench");
    QCOMPARE(unset.size(), std::size_t{2});
    QCOMPARE(unset[0], installed);
    QCOMPARE(fs::weakly_canonical(unset[1]), fs::weakly_canonical(fs::path(QAOA_SOURCE_DIR) / "resources"));

    qputenv("QAOA_RESOURCE_DIR", "/some/where");
    const std::vector<fs::path> set = resourceDirectoryCandidates();
    QCOMPARE(set.size(), std::size_t{3});
    QCOMPARE(set[0], fs::path("/some/where"));
    QCOMPARE(set[1], unset[0]);
    QCOMPARE(set[2], unset[1]);
}

void TstResourceDirectory::firstQualifyingCandidate()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const fs::path root = dir.path().toStdString();
    const fs::path missing = root / "missing";
    const fs::path file = root / "file";
    const fs::path noBackends = root / "empty";
    const fs::path backendsFile = root / "backends-file";
    const fs::path good1 = root / "good1";
    const fs::path good2 = root / "good2";
    test_support::writeRaw(file.string(), "x");
    fs::create_directory(noBackends);
    fs::create_directory(backendsFile);
    test_support::writeRaw((backendsFile / "backends").string(), "x");
    fs::create_directories(good1 / "backends");
    fs::create_directories(good2 / "backends");
    QCOMPARE(firstResourceDirectory({missing, file, noBackends, backendsFile, good1, good2}), good1);
    QCOMPARE(firstResourceDirectory({good2, good1}), good2);
    // A symbolic link to a backends folder counts (installations may link the data).
    fs::create_directory(root / "linked");
    fs::create_directory_symlink(good1 / "backends", root / "linked" / "backends");
    QCOMPARE(firstResourceDirectory({missing, root / "linked"}), root / "linked");
}

void TstResourceDirectory::errorNamesEveryPlace()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const fs::path a = fs::path(dir.path().toStdString()) / "a";
    const fs::path b = "/definitely/not/here";
    fs::create_directory(a);
    try {
        firstResourceDirectory({a, b});
        QFAIL("accepted");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::Io);
        QCOMPARE(e.where(), std::string("QAOA_RESOURCE_DIR"));
        QVERIFY(e.detail().find(a.string()) != std::string::npos);
        QVERIFY(e.detail().find(b.string()) != std::string::npos);
    }
    try {
        firstResourceDirectory({});
        QFAIL("accepted");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::Io);
    }
}

void TstResourceDirectory::developerBuildFindsShippedSnapshots()
{
    const fs::path found = resourceDirectory();
    for (const char* name : {"fez", "marrakesh", "kingston", "torino", "brisbane", "sherbrooke"}) {
        QVERIFY(fs::is_regular_file(found / "backends" / name / (std::string("conf_") + name + ".json")));
        QVERIFY(fs::is_regular_file(found / "backends" / name / (std::string("props_") + name + ".json")));
    }
}

QTEST_APPLESS_MAIN(TstResourceDirectory)
#include "resource_directory.test.moc"
