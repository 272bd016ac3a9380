// SPDX-License-Identifier: MIT
// Tests of atomic whole-file writes and bounded whole-file reads, plain and gzip.
#include "io/atomic_file.h"

#include <QtTest>

#include "temp_files.h"
#include "test_support.h"

#include "core/error.h"

#include <zlib.h>

#include <filesystem>
#include <random>

#include <sys/stat.h>

namespace fs = std::filesystem;
using test_support::entriesOf;
using test_support::readRaw;
using test_support::writeRaw;

namespace {

// Compresses with zlib's own gz writer, independently of the code under test.
void writeGzip(const std::string& path, const std::string& content)
{
    gzFile f = gzopen(path.c_str(), "wb");
    QVERIFY(f);
    QCOMPARE(gzwrite(f, content.data(), static_cast<unsigned>(content.size())), static_cast<int>(content.size()));
    QCOMPARE(gzclose(f), Z_OK);
}

std::string randomBytes(std::size_t size, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::string bytes(size, '\0');
    for (char& c : bytes)
        c = static_cast<char>(rng() & 0xFF);
    return bytes;
}

} // namespace

class TstAtomicFile : public QObject {
    Q_OBJECT

private slots:
    void writesNewFile();
    void replacesWholeContentAndLeavesNoTemporary();
    void keepsPermissionsOfReplacedFile();
    void writesThroughSymbolicLink();
    void failedWriteLeavesNothingBehind();
    void failedRenameKeepsOldTarget();
    void readsBinaryContent();
    void readErrorsNamePath();
    void readLimit();
    void readsGzip();
    void gzipLimitAndTruncation();
};

void TstAtomicFile::writesNewFile()
{
    QTemporaryDir dir;
    const std::string path = dir.path().toStdString() + "/new.txt";
    engine::writeFileAtomically(path, "hello\n");
    QCOMPARE(readRaw(path), std::string("hello\n"));
    QCOMPARE(entriesOf(dir.path().toStdString()), std::vector<std::string>{"new.txt"});
    engine::writeFileAtomically(dir.path().toStdString() + "/empty.txt", "");
    QCOMPARE(readRaw(dir.path().toStdString() + "/empty.txt"), std::string());
}

void TstAtomicFile::replacesWholeContentAndLeavesNoTemporary()
{
    QTemporaryDir dir;
    const std::string path = dir.path().toStdString() + "/data.bin";
    const std::string longContent = randomBytes(300000, 1);
    engine::writeFileAtomically(path, longContent);
    QCOMPARE(readRaw(path), longContent);
    // A shorter write replaces everything: no tail of the old content survives.
    engine::writeFileAtomically(path, "short");
    QCOMPARE(readRaw(path), std::string("short"));
    QCOMPARE(entriesOf(dir.path().toStdString()), std::vector<std::string>{"data.bin"});
}

void TstAtomicFile::keepsPermissionsOfReplacedFile()
{
    QTemporaryDir dir;
    const std::string path = dir.path().toStdString() + "/mode.txt";
    writeRaw(path, "old");
    QCOMPARE(::chmod(path.c_str(), 0640), 0);
    engine::writeFileAtomically(path, "new");
    struct stat info {};
    QCOMPARE(::stat(path.c_str(), &info), 0);
    QCOMPARE(info.st_mode & 0777, mode_t{0640});
    QCOMPARE(readRaw(path), std::string("new"));
}

void TstAtomicFile::writesThroughSymbolicLink()
{
    QTemporaryDir dir;
    const std::string target = dir.path().toStdString() + "/real.txt";
    const std::string link = dir.path().toStdString() + "/link.txt";
    writeRaw(target, "old");
    fs::create_symlink(target, link);
    engine::writeFileAtomically(link, "new");
    QVERIFY(fs::is_symlink(link));  // the link survives and the file it names is replaced
    QCOMPARE(readRaw(target), std::string("new"));
    QCOMPARE(entriesOf(dir.path().toStdString()), (std::vector<std::string>{"link.txt", "real.txt"}));
}

void TstAtomicFile::failedWriteLeavesNothingBehind()
{
    QTemporaryDir dir;
    const std::string path = dir.path().toStdString() + "/missing-folder/file.txt";
    try {
        engine::writeFileAtomically(path, "x");
        QFAIL("no error");
    } catch (const engine::Error& e) {
        QCOMPARE(e.code(), engine::ErrorCode::Io);
        QCOMPARE(e.where(), path);
        QVERIFY(std::string(e.what()).find(path) != std::string::npos);
    }
    QVERIFY(entriesOf(dir.path().toStdString()).empty());
}

void TstAtomicFile::failedRenameKeepsOldTarget()
{
    // A non-empty folder in the way makes the final rename fail after the data was written; the folder and
    // its content survive, and the temporary file is removed.
    QTemporaryDir dir;
    const std::string target = dir.path().toStdString() + "/target";
    fs::create_directory(target);
    writeRaw(target + "/inside.txt", "keep me");
    try {
        engine::writeFileAtomically(target, "replacement");
        QFAIL("no error");
    } catch (const engine::Error& e) {
        QCOMPARE(e.code(), engine::ErrorCode::Io);
        QCOMPARE(e.where(), target);
    }
    QVERIFY(fs::is_directory(target));
    QCOMPARE(readRaw(target + "/inside.txt"), std::string("keep me"));
    QCOMPARE(entriesOf(dir.path().toStdString()), std::vector<std::string>{"target"});
}

void TstAtomicFile::readsBinaryContent()
{
    QTemporaryDir dir;
    const std::string path = dir.path().toStdString() + "/bytes";
    const std::string bytes = randomBytes(200000, 7);  // includes NUL bytes; spans several read chunks
    writeRaw(path, bytes);
    QCOMPARE(engine::readWholeFile(path), bytes);
    writeRaw(path, "");
    QCOMPARE(engine::readWholeFile(path), std::string());
}

void TstAtomicFile::readErrorsNamePath()
{
    QTemporaryDir dir;
    for (const std::string& path : {dir.path().toStdString() + "/absent.txt", dir.path().toStdString() + "/absent.gz",
                                    dir.path().toStdString()}) {
        try {
            (void)engine::readWholeFile(path);
            QFAIL("no error");
        } catch (const engine::Error& e) {
            QCOMPARE(e.code(), engine::ErrorCode::Io);
            QCOMPARE(e.where(), path);
        }
    }
}

void TstAtomicFile::readLimit()
{
    QTemporaryDir dir;
    const std::string path = dir.path().toStdString() + "/ten";
    writeRaw(path, "0123456789");
    QCOMPARE(engine::readWholeFile(path, 10), std::string("0123456789"));
    try {
        (void)engine::readWholeFile(path, 9);
        QFAIL("no error");
    } catch (const engine::Error& e) {
        QCOMPARE(e.code(), engine::ErrorCode::LimitExceeded);
        QCOMPARE(e.where(), path);
    }
}

void TstAtomicFile::readsGzip()
{
    QTemporaryDir dir;
    const std::string path = dir.path().toStdString() + "/text.gz";
    std::string text;
    for (int i = 0; i < 20000; ++i)
        text += std::to_string(i) + " " + std::to_string(i * 7 % 13) + "\n";
    writeGzip(path, text);
    QVERIFY(fs::file_size(path) < text.size());  // really compressed
    QCOMPARE(engine::readWholeFile(path), text);
    writeGzip(path, "");
    QCOMPARE(engine::readWholeFile(path), std::string());
}

void TstAtomicFile::gzipLimitAndTruncation()
{
    QTemporaryDir dir;
    const std::string path = dir.path().toStdString() + "/bomb.gz";
    // 4 MB of zeros compress to a few KB: the limit applies to the decompressed size.
    writeGzip(path, std::string(4 << 20, '\0'));
    QVERIFY(fs::file_size(path) < 100000);
    try {
        (void)engine::readWholeFile(path, 1 << 20);
        QFAIL("no error");
    } catch (const engine::Error& e) {
        QCOMPARE(e.code(), engine::ErrorCode::LimitExceeded);
        QCOMPARE(e.where(), path);
    }

    const std::string cut = dir.path().toStdString() + "/cut.gz";
    writeGzip(path, randomBytes(50000, 3));
    const std::string whole = readRaw(path);
    writeRaw(cut, whole.substr(0, whole.size() / 2));
    try {
        (void)engine::readWholeFile(cut);
        QFAIL("no error");
    } catch (const engine::Error& e) {
        QCOMPARE(e.code(), engine::ErrorCode::Io);
        QCOMPARE(e.where(), cut);
        QVERIFY(e.detail().find("truncated") != std::string::npos);
    }
}

QTEST_APPLESS_MAIN(TstAtomicFile)
#include "atomic_file.test.moc"
