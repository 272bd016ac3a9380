// SPDX-License-Identifier: MIT
// Tests of bundle files: gzip, manifest and hashes, atomic writes, and every structural rejection on read.
#include "bundle/bundle_file.h"

#include <QtTest>

#include "test_support.h"

#include "bundle/sha256.h"
#include "bundle/ustar.h"
#include "io/json_schema.h"
#include "core/error.h"
#include "temp_files.h"

#include <QTemporaryDir>

#include <random>

using engine::Bundle;
using engine::ErrorCode;
using nlohmann::json;

namespace {

Bundle sampleBundle()
{
    Bundle b;
    b.kind = "qaoa-run";
    b.created = "2026-01-02T03:04:05.678Z";
    b.producer = engine::bundleProducer();
    b.settings = {{"seed", 7}, {"depth", 2}};
    b.results = {{"expectation", -1.25}};
    b.files = {{"instance.json", "instance", "{\"a\": 1}\n"},
               {"samples.json", "samples", "{}"},
               {"circuits/pub0.qasm", "circuit", std::string("OPENQASM 3.0;\n\x01\xff", 16)}};
    return b;
}

// The archive members of encoded bundle bytes (manifest first), for tests that edit them.
std::vector<engine::UstarMember> membersOf(const std::string& bytes)
{
    return engine::readUstar(engine::gzipDecompress(bytes, std::size_t{1} << 30, "t"), "t");
}

std::string pack(const std::vector<engine::UstarMember>& members)
{
    return engine::gzipCompress(engine::writeUstar(members));
}

engine::Error decodeError(const std::string& bytes)
{
    try {
        (void)engine::decodeBundle(bytes, "b.qwbundle");
    } catch (const engine::Error& e) {
        return e;
    }
    return engine::Error(ErrorCode::InvalidArgument, "accepted", "none");
}

} // namespace

class TstBundleFile : public QObject {
    Q_OBJECT

private slots:
    void gzipRoundTripAndDeterminism()
    {
        std::mt19937_64 rng(3);
        std::string data(200000, '\0');
        for (char& c : data)
            c = static_cast<char>(rng() % 7);  // compressible but not trivial
        const std::string packed = engine::gzipCompress(data);
        QVERIFY(packed.size() < data.size());
        QCOMPARE(static_cast<unsigned char>(packed[0]), 0x1f);
        QCOMPARE(static_cast<unsigned char>(packed[1]), 0x8b);
        QCOMPARE(engine::gzipCompress(data), packed);
        QVERIFY(engine::gzipDecompress(packed, data.size(), "t") == data);
        QVERIFY(engine::gzipDecompress(engine::gzipCompress(""), 0, "t").empty());
    }

    void gzipRejections()
    {
        const std::string packed = engine::gzipCompress(std::string(100000, 'a'));
        auto error = [](const std::string& bytes, std::size_t limit) {
            try {
                (void)engine::gzipDecompress(bytes, limit, "x.qwbundle");
            } catch (const engine::Error& e) {
                return e;
            }
            return engine::Error(ErrorCode::InvalidArgument, "accepted", "none");
        };
        engine::Error e = error(packed, 99999);
        QCOMPARE(e.code(), ErrorCode::LimitExceeded);
        QCOMPARE(e.where(), std::string("x.qwbundle"));
        e = error(packed.substr(0, packed.size() / 2), 1 << 20);
        QCOMPARE(e.code(), ErrorCode::InvalidInput);
        QVERIFY2(e.detail().find("truncated") != std::string::npos, e.what());
        e = error("PK\x03\x04 not gzip", 1 << 20);
        QCOMPARE(e.code(), ErrorCode::InvalidInput);
        e = error(packed + "junk", 1 << 20);
        QVERIFY2(e.detail().find("after the end") != std::string::npos, e.what());
        std::string corrupt = packed;
        corrupt[20] = static_cast<char>(corrupt[20] ^ 0x55);
        corrupt[21] = static_cast<char>(corrupt[21] ^ 0x55);
        e = error(corrupt, 1 << 20);
        QCOMPARE(e.code(), ErrorCode::InvalidInput);
    }

    void manifestListsEveryFileWithItsHash()
    {
        const Bundle b = sampleBundle();
        const json m = engine::bundleManifest(b);
        QCOMPARE(m["format"].get<std::string>(), std::string("qaoa-workbench/bundle"));
        QCOMPARE(m["formatVersion"].get<int>(), 1);
        QCOMPARE(m["files"].size(), b.files.size());
        for (std::size_t k = 0; k < b.files.size(); ++k) {
            QCOMPARE(m["files"][k]["path"].get<std::string>(), b.files[k].path);
            QCOMPARE(m["files"][k]["bytes"].get<std::size_t>(), b.files[k].content.size());
            QCOMPARE(m["files"][k]["sha256"].get<std::string>(), engine::sha256Hex(b.files[k].content));
        }
        QVERIFY(engine::embeddedSchema("bundle-manifest").validate(m).empty());
        QVERIFY(b.producer.rfind("qaoa-workbench ", 0) == 0);
    }

    void encodeDecodeRoundTrip()
    {
        const Bundle b = sampleBundle();
        const std::string bytes = engine::encodeBundle(b);
        const auto members = membersOf(bytes);
        QCOMPARE(members.front().path, std::string("manifest.json"));
        QCOMPARE(members.size(), b.files.size() + 1);
        const Bundle back = engine::decodeBundle(bytes, "b.qwbundle");
        QCOMPARE(back.kind, b.kind);
        QCOMPARE(back.created, b.created);
        QCOMPARE(back.producer, b.producer);
        QCOMPARE(back.settings, b.settings);
        QCOMPARE(back.results, b.results);
        QCOMPARE(back.files.size(), b.files.size());
        for (std::size_t k = 0; k < b.files.size(); ++k) {
            QCOMPARE(back.files[k].path, b.files[k].path);
            QCOMPARE(back.files[k].role, b.files[k].role);
            QVERIFY(back.files[k].content == b.files[k].content);
        }
        QVERIFY(back.find("samples.json") != nullptr);
        QVERIFY(back.find("nope.json") == nullptr);
        QVERIFY_THROWS_EXCEPTION(engine::Error, (void)back.require("nope.json", "b"));
    }

    void writeAndReadAtomically()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath(QStringLiteral("run.qwbundle")).toStdString();
        engine::writeBundle(sampleBundle(), path);
        engine::writeBundle(sampleBundle(), path);  // replaces
        QCOMPARE(test_support::entriesOf(dir.path().toStdString()), std::vector<std::string>{"run.qwbundle"});
        QCOMPARE(engine::readBundle(path).results, sampleBundle().results);
        try {
            engine::writeBundle(sampleBundle(), dir.filePath(QStringLiteral("no/such/dir/x.qwbundle")).toStdString());
            QFAIL("wrote into a missing folder");
        } catch (const engine::Error& e) {
            QCOMPARE(e.code(), ErrorCode::Io);
        }
        try {
            (void)engine::readBundle(dir.filePath(QStringLiteral("missing.qwbundle")).toStdString());
            QFAIL("read a missing file");
        } catch (const engine::Error& e) {
            QCOMPARE(e.code(), ErrorCode::Io);
        }
    }

    void encodeRefusesInvalidBundles()
    {
        Bundle b = sampleBundle();
        b.kind = "other";
        QVERIFY_THROWS_EXCEPTION(engine::Error, (void)engine::encodeBundle(b));
        b = sampleBundle();
        b.files.push_back({"manifest.json", "samples", "{}"});
        QVERIFY_THROWS_EXCEPTION(engine::Error, (void)engine::encodeBundle(b));
        b = sampleBundle();
        b.files[0].role = "secret";
        QVERIFY_THROWS_EXCEPTION(engine::Error, (void)engine::encodeBundle(b));
        b = sampleBundle();
        b.files[0].path = "../escape.json";
        QVERIFY_THROWS_EXCEPTION(engine::Error, (void)engine::encodeBundle(b));
        b = sampleBundle();
        b.results = json::array();
        QVERIFY_THROWS_EXCEPTION(engine::Error, (void)engine::encodeBundle(b));
        b = sampleBundle();
        b.created = "yesterday";  // the schema's pattern
        QVERIFY_THROWS_EXCEPTION(engine::Error, (void)engine::encodeBundle(b));
    }

    void tamperedFileFailsItsHash()
    {
        auto members = membersOf(engine::encodeBundle(sampleBundle()));
        members[1].content = "{\"a\": 2}\n";  // instance.json, same size, different bytes
        const engine::Error e = decodeError(pack(members));
        QCOMPARE(e.code(), ErrorCode::InvalidInput);
        QCOMPARE(e.where(), std::string("b.qwbundle:instance.json"));
        QVERIFY2(e.detail().find("SHA-256 mismatch") != std::string::npos, e.what());

        members = membersOf(engine::encodeBundle(sampleBundle()));
        members[2].content += " ";
        const engine::Error size = decodeError(pack(members));
        QCOMPARE(size.where(), std::string("b.qwbundle:samples.json"));
        QVERIFY2(size.detail().find("size") != std::string::npos, size.what());
    }

    void structuralRejections()
    {
        const auto good = membersOf(engine::encodeBundle(sampleBundle()));

        auto extra = good;
        extra.push_back({"smuggled.sh", "rm -rf /"});
        engine::Error e = decodeError(pack(extra));
        QCOMPARE(e.where(), std::string("b.qwbundle:smuggled.sh"));
        QVERIFY2(e.detail().find("not listed") != std::string::npos, e.what());

        auto missing = good;
        missing.pop_back();
        e = decodeError(pack(missing));
        QCOMPARE(e.where(), std::string("b.qwbundle:circuits/pub0.qasm"));
        QVERIFY2(e.detail().find("missing") != std::string::npos, e.what());

        auto reordered = good;
        std::swap(reordered[0], reordered[1]);
        e = decodeError(pack(reordered));
        QCOMPARE(e.where(), std::string("b.qwbundle:instance.json"));
        QVERIFY2(e.detail().find("first member") != std::string::npos, e.what());

        auto broken = good;
        broken[0].content = "{\"format\": ";
        e = decodeError(pack(broken));
        QCOMPARE(e.where(), std::string("b.qwbundle:manifest.json"));

        QCOMPARE(decodeError(pack({})).where(), std::string("b.qwbundle"));
        QCOMPARE(decodeError(engine::encodeBundle(sampleBundle()).substr(0, 40)).code(), ErrorCode::InvalidInput);
    }

    void manifestSchemaErrorsNameThePointer_data()
    {
        QTest::addColumn<QString>("edit");
        QTest::addColumn<QString>("where");
        QTest::newRow("no kind") << "kind-missing" << "b.qwbundle:manifest.json";
        QTest::newRow("bad kind") << "kind-bad" << "b.qwbundle:manifest.json:/kind";
        QTest::newRow("bad hash") << "sha-bad" << "b.qwbundle:manifest.json:/files/0/sha256";
        QTest::newRow("negative size") << "bytes-bad" << "b.qwbundle:manifest.json:/files/1/bytes";
        QTest::newRow("bad role") << "role-bad" << "b.qwbundle:manifest.json:/files/2/role";
        QTest::newRow("newer version") << "version" << "b.qwbundle:manifest.json:/formatVersion";
        QTest::newRow("unknown key") << "extra" << "b.qwbundle:manifest.json:/signature";
        QTest::newRow("settings not object") << "settings" << "b.qwbundle:manifest.json:/settings";
    }

    void manifestSchemaErrorsNameThePointer()
    {
        QFETCH(QString, edit);
        QFETCH(QString, where);
        auto members = membersOf(engine::encodeBundle(sampleBundle()));
        json m = json::parse(members[0].content);
        const std::string k = edit.toStdString();
        if (k == "kind-missing")
            m.erase("kind");
        else if (k == "kind-bad")
            m["kind"] = "sweep";
        else if (k == "sha-bad")
            m["files"][0]["sha256"] = "ABC";
        else if (k == "bytes-bad")
            m["files"][1]["bytes"] = -1;
        else if (k == "role-bad")
            m["files"][2]["role"] = "script";
        else if (k == "version")
            m["formatVersion"] = 2;
        else if (k == "extra")
            m["signature"] = "x";
        else if (k == "settings")
            m["settings"] = 3;
        members[0].content = m.dump();
        const engine::Error e = decodeError(pack(members));
        QCOMPARE(e.code(), ErrorCode::InvalidInput);
        QCOMPARE(QString::fromStdString(e.where()), where);
    }
};

QTEST_APPLESS_MAIN(TstBundleFile)
#include "bundle_file.test.moc"
