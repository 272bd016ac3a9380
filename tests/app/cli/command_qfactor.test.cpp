// SPDX-License-Identifier: MIT
// In-process tests of `qaoa-cli qfactor`: JSON keys and types against brute force, a noisy backend, job counts
// files with readout mitigation, the human summary, and the errors for bad backends, filters and counts files.
#include "cli_app.h"

#include <QtTest>

#include "test_support.h"

#include "cli_runner.h"

#include "io/atomic_file.h"

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

class TstCommandQFactor : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)).toStdString(); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(run({"generate", "maxcut", "--nodes", "8", "--degree", "3", "--seed", "1", "-o", path("g8.json")}).code,
                 0);
        // A job's counts in the Qiskit form (qubit 0 rightmost) and as a bare object.
        engine::writeFileAtomically(path("counts.json"),
                                    R"({"counts": {"01010101": 30, "10101010": 20, "00001111": 7, "11110000": 3}})");
        engine::writeFileAtomically(path("bare.json"), R"({"01010101": 30, "10101010": 20})");
        engine::writeFileAtomically(path("narrow.json"), R"({"counts": {"0101010": 30}})");
        engine::writeFileAtomically(path("badkey.json"), R"({"counts": {"01010101": 3, "0101x101": 1}})");
        engine::writeFileAtomically(path("broken.json"), R"({"counts": {"01010101": 3,)");
    }

    void jsonKeysAndTypes()
    {
        const nlohmann::json j = runJson({"qfactor", path("g8.json"), "--runs", "10", "--bootstrap", "100", "--json"});
        QVERIFY(j["q_factor"].is_number() || j["q_factor"].is_null());
        QVERIFY(j["q_factor_kind"].is_string());
        QVERIFY(j["q_factor_ci"].is_null() || (j["q_factor_ci"].is_array() && j["q_factor_ci"].size() == 2));
        for (const char* key : {"rmin_random", "rmin_warm", "optimum", "optimum_cut", "seconds", "cap"})
            QVERIFY2(j[key].is_number(), key);
        for (const char* key : {"random_successes", "warm_successes", "runs", "pool_size", "variables", "p", "parts",
                                "shots"})
            QVERIFY2(j[key].is_number_unsigned(), key);
        for (const char* key : {"q_factor_kind", "optimum_source", "problem", "backend", "readout", "filter", "solver"})
            QVERIFY2(j[key].is_string(), key);
        QVERIFY(j["time_based"].is_boolean());
        QVERIFY(j["gammas"].is_array() && j["betas"].is_array());
        QVERIFY(j["stage_seconds"].is_object());
        for (const char* key : {"angles", "sampling", "mitigation", "filtering", "optimum", "runs"})
            QVERIFY2(j["stage_seconds"][key].is_number(), key);
        QVERIFY(j["transpiled"].is_null());

        QCOMPARE(j["problem"].get<std::string>(), std::string("maxcut"));
        QCOMPARE(j["variables"].get<int>(), 8);
        QCOMPARE(j["p"].get<int>(), 2);
        QCOMPARE(j["gammas"].size(), std::size_t{2});
        QCOMPARE(j["runs"].get<int>(), 10);
        QCOMPARE(j["shots"].get<int>(), 1000);
        QCOMPARE(j["pool_size"].get<int>(), 1000);
        QCOMPARE(j["backend"].get<std::string>(), std::string("local:ideal"));
        QCOMPARE(j["optimum_source"].get<std::string>(), std::string("brute_force"));
        QCOMPARE(j["cap"].get<double>(), 500.0);
        QVERIFY(!j["time_based"].get<bool>());
        QVERIFY(j["random_successes"].get<int>() <= 10);
        // The optimum is the brute-force QUBO minimum, minus the maximum cut.
        const nlohmann::json brute = runJson({"solve", path("g8.json"), "--solver", "brute", "--json"});
        QCOMPARE(j["optimum"].get<double>(), brute["energy"].get<double>());
        QCOMPARE(j["optimum_cut"].get<double>(), -j["optimum"].get<double>());

        const nlohmann::json f = runJson({"qfactor", path("g8.json"), "--runs", "10", "--filter", "energy",
                                          "--time-limit", "0.01", "--json"});
        QCOMPARE(f["pool_size"].get<int>(), 100);
        QCOMPARE(f["filter"].get<std::string>(), std::string("energy"));
        QVERIFY(f["time_based"].get<bool>());
        QCOMPARE(f["cap"].get<double>(), 0.01);
        QVERIFY(!f.contains("runtimes"));
    }

    void runtimeComparison()
    {
        // Time-based Max-Cut: tabu from both start types (the experiment's), then vns, burer and exact, each
        // with its expected runtime; the 8-vertex optimum is reached by every run well inside 0.02 s.
        const nlohmann::json j = runJson({"qfactor", path("g8.json"), "--runs", "5", "--time-limit", "0.02",
                                          "--compare-runtimes", "--json"});
        QVERIFY(j["runtimes"].is_array());
        std::vector<std::string> methods;
        for (const nlohmann::json& row : j["runtimes"]) {
            methods.push_back(row["method"].get<std::string>());
            QVERIFY(!row["censored"].get<bool>());
            QVERIFY(row["expected_seconds"].get<double>() > 0.0);
            QCOMPARE(row["runs"].get<int>(), row["method"] == "exact" ? 1 : 5);
        }
        QCOMPARE(methods, (std::vector<std::string>{"tabu", "tabu-warm", "vns", "burer", "exact"}));
        const CliRun text = run({"qfactor", path("g8.json"), "--runs", "3", "--time-limit", "0.02",
                                 "--compare-runtimes"});
        QCOMPARE(text.code, 0);
        QVERIFY2(text.out.find("burer") != std::string::npos, text.out.c_str());
        // Iteration-based runs have no time to compare.
        const CliRun bad = run({"qfactor", path("g8.json"), "--runs", "3", "--compare-runtimes"});
        QVERIFY(bad.code != 0);
        QVERIFY2(bad.err.find("--compare-runtimes") != std::string::npos, bad.err.c_str());
    }

    void noisyBackend()
    {
        const nlohmann::json j =
            runJson({"qfactor", path("g8.json"), "--backend", "local:fez", "--runs", "5", "--readout", "lnf", "--json"});
        QVERIFY(j["transpiled"].is_object());
        for (const char* key : {"parts", "physical_qubits", "two_qubit_gates", "depth", "swaps"})
            QVERIFY2(j["transpiled"][key].is_number_unsigned(), key);
        QVERIFY(j["transpiled"]["estimated_fidelity"].is_number());
        QVERIFY(j["transpiled"]["physical_qubits"].get<int>() >= 8);
        QCOMPARE(j["readout"].get<std::string>(), std::string("lnf"));
        QCOMPARE(j["pool_size"].get<int>(), 1000);
    }

    void samplesFile()
    {
        const nlohmann::json j =
            runJson({"qfactor", path("g8.json"), "--samples", path("counts.json"), "--runs", "5", "--json"});
        QCOMPARE(j["pool_size"].get<int>(), 60);  // the job's counts, no resampling without mitigation
        QVERIFY(j["samples_given"].get<bool>());
        const nlohmann::json bare =
            runJson({"qfactor", path("g8.json"), "--samples", path("bare.json"), "--runs", "5", "--json"});
        QCOMPARE(bare["pool_size"].get<int>(), 50);
        const nlohmann::json m = runJson({"qfactor", path("g8.json"), "--samples", path("counts.json"), "--backend",
                                          "local:fez", "--readout", "tensored", "--shots", "300", "--runs", "5",
                                          "--json"});
        QCOMPARE(m["pool_size"].get<int>(), 300);  // mitigated, then resampled to --shots
    }

    void humanOutput()
    {
        const CliRun r = run({"qfactor", path("g8.json"), "--runs", "5", "--bootstrap", "50"});
        QCOMPARE(r.code, 0);
        QVERIFY2(contains(r.out, "Q-factor"), r.out.c_str());
        QVERIFY(contains(r.out, "R_min"));
        QVERIFY(contains(r.out, "brute_force"));
        QVERIFY(contains(r.out, "pool: 1000"));
    }

    void badInput()
    {
        CliRun r = run({"qfactor", path("g8.json"), "--backend", "local:nowhere"});
        QCOMPARE(r.code, cli::EXIT_USAGE);
        QVERIFY2(contains(r.err, "--backend") && contains(r.err, "local:fez") && contains(r.err, "local:ideal"),
                 r.err.c_str());
        r = run({"qfactor", path("g8.json"), "--filter", "best"});
        QCOMPARE(r.code, cli::EXIT_USAGE);
        QVERIFY2(contains(r.err, "--filter"), r.err.c_str());
        r = run({"qfactor", path("g8.json"), "--solver", "vns", "--problem", "mis"});
        QCOMPARE(r.code, cli::EXIT_USAGE);
        QVERIFY2(contains(r.err, "--solver"), r.err.c_str());
        r = run({"qfactor", path("g8.json"), "--readout", "lnf"});
        QCOMPARE(r.code, cli::EXIT_USAGE);
        QVERIFY2(contains(r.err, "--readout"), r.err.c_str());

        r = run({"qfactor", path("g8.json"), "--samples", path("missing.json")});
        QCOMPARE(r.code, cli::EXIT_USAGE);
        QVERIFY2(contains(r.err, path("missing.json")), r.err.c_str());
        r = run({"qfactor", path("g8.json"), "--samples", path("narrow.json")});
        QCOMPARE(r.code, cli::EXIT_USAGE);
        QVERIFY2(contains(r.err, path("narrow.json")) && contains(r.err, "7 bits"), r.err.c_str());
        r = run({"qfactor", path("g8.json"), "--samples", path("badkey.json")});
        QCOMPARE(r.code, cli::EXIT_USAGE);
        QVERIFY2(contains(r.err, path("badkey.json") + ":/counts/0101x101"), r.err.c_str());
        r = run({"qfactor", path("g8.json"), "--samples", path("broken.json")});
        QCOMPARE(r.code, cli::EXIT_USAGE);
        QVERIFY2(contains(r.err, path("broken.json")), r.err.c_str());
    }
};

QTEST_APPLESS_MAIN(TstCommandQFactor)
#include "command_qfactor.test.moc"
