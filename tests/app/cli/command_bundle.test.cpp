// SPDX-License-Identifier: MIT
// In-process tests of `qaoa-cli bundle` with `qaoa --bundle` and `qfactor --bundle`: verify exit codes, show JSON,
// a tampered bundle (bad input) and a bundle whose stored result differs (exit 1).
#include "cli_app.h"

#include <QtTest>

#include "test_support.h"

#include "cli_runner.h"

#include "bundle/bundle_file.h"
#include "temp_files.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>

namespace {

using test_support::CliRun;
using test_support::run;
using test_support::runJson;

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

class TstCommandBundle : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)).toStdString(); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(run({"generate", "maxcut", "--nodes", "8", "--degree", "3", "--seed", "2", "-o", path("g8.json")}).code,
                 0);
        const CliRun q = run({"qaoa", path("g8.json"), "--p", "2", "--restarts", "2", "--maxiter", "30", "--shots",
                              "400", "--seed", "3", "--bundle", path("run.qwbundle"), "--json"});
        QCOMPARE(q.code, 0);
        QCOMPARE(nlohmann::json::parse(q.out)["bundle"].get<std::string>(), path("run.qwbundle"));
    }

    void verifyRecomputesAndMatches()
    {
        const CliRun r = run({"bundle", "verify", path("run.qwbundle")});
        QVERIFY2(r.code == 0, r.err.c_str());
        QVERIFY2(contains(r.out, "OK: "), r.out.c_str());
        const nlohmann::json j = runJson({"bundle", "verify", path("run.qwbundle"), "--json", "--threads", "1"});
        QCOMPARE(j["ok"].get<bool>(), true);
        QCOMPARE(j["kind"].get<std::string>(), std::string("qaoa-run"));
        QVERIFY(j["compared"].get<std::size_t>() > 20);
        QCOMPARE(j["failed"].get<std::size_t>(), std::size_t{0});
    }

    void showPrintsTheManifest()
    {
        const nlohmann::json j = runJson({"bundle", "show", path("run.qwbundle"), "--json"});
        QCOMPARE(j["format"].get<std::string>(), std::string("qaoa-workbench/bundle"));
        QCOMPARE(j["kind"].get<std::string>(), std::string("qaoa-run"));
        QCOMPARE(j["settings"]["seed"].get<std::uint64_t>(), std::uint64_t{3});
        QCOMPARE(j["settings"]["depth"].get<std::size_t>(), std::size_t{2});
        QVERIFY(j["results"]["expectation"].is_number());
        std::vector<std::string> files;
        for (const auto& f : j["files"])
            files.push_back(f["path"].get<std::string>());
        QCOMPARE(files, (std::vector<std::string>{"instance.json", "samples.json"}));
        const CliRun text = run({"bundle", "show", path("run.qwbundle")});
        QCOMPARE(text.code, 0);
        QVERIFY(contains(text.out, "instance.json") && contains(text.out, "expectation"));
    }

    void differingResultExitsOne()
    {
        engine::Bundle b = engine::readBundle(path("run.qwbundle"));
        b.results["expectation"] = b.results["expectation"].get<double>() + 0.5;
        engine::writeBundle(b, path("changed.qwbundle"));
        const CliRun r = run({"bundle", "verify", path("changed.qwbundle")});
        QCOMPARE(r.code, 1);
        QVERIFY2(contains(r.out, "DIFFERS  results:/expectation"), r.out.c_str());
        QVERIFY2(contains(r.err, "1 of"), r.err.c_str());
    }

    void tamperedOrMissingBundleExitsTwo()
    {
        // Flip one byte of the compressed stream: gzip's CRC or the archive checks catch it.
        std::string bytes = test_support::readRaw(path("run.qwbundle"));
        bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x20);
        test_support::writeRaw(path("broken.qwbundle"), bytes);
        CliRun r = run({"bundle", "verify", path("broken.qwbundle")});
        QCOMPARE(r.code, 2);
        QVERIFY2(contains(r.err, "broken.qwbundle"), r.err.c_str());

        r = run({"bundle", "verify", path("nothing.qwbundle")});
        QCOMPARE(r.code, 2);
        r = run({"bundle", "frobnicate", path("run.qwbundle")});
        QCOMPARE(r.code, 2);
        r = run({"bundle", "verify"});
        QCOMPARE(r.code, 2);
        r = run({"bundle", "show", path("run.qwbundle"), "--tolerance", "1e-3"});
        QCOMPARE(r.code, 2);
    }

    void qfactorBundleVerifies()
    {
        const CliRun q = run({"qfactor", path("g8.json"), "--p", "1", "--shots", "200", "--runs", "6", "--iterations",
                              "50", "--bootstrap", "20", "--bundle", path("ws.qwbundle")});
        QVERIFY2(q.code == 0, q.err.c_str());
        QVERIFY(contains(q.out, "bundle written to"));
        const nlohmann::json j = runJson({"bundle", "verify", path("ws.qwbundle"), "--json"});
        QCOMPARE(j["ok"].get<bool>(), true);
        QCOMPARE(j["kind"].get<std::string>(), std::string("warmstart"));
    }
};

QTEST_APPLESS_MAIN(TstCommandBundle)
#include "command_bundle.test.moc"
