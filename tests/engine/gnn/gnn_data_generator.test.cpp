// SPDX-License-Identifier: MIT
// Tests of the GNN data generator: determinism independent of threads, resuming, progress, cancel, errors.
#include "gnn/gnn_data_generator.h"

#include <QtTest>

#include "core/error.h"
#include "gnn/gnn_qubo_generator.h"

#include <map>
#include <nlohmann/json.hpp>

namespace {

engine::GnnDataOptions tinyOptions()
{
    engine::GnnDataOptions o;
    o.count = 6;
    o.seed = 21;
    o.minNodes = 5;
    o.maxNodes = 7;
    o.chain.maxDepth = 2;
    o.chain.restarts = 1;
    return o;
}

/// The samples of a run keyed by index, as their JSON lines (exact comparison of everything stored).
std::map<std::uint64_t, std::string> generate(const engine::GnnDataOptions& o,
                                              engine::RunControl& control = engine::RunControl::none())
{
    std::map<std::uint64_t, std::string> out;
    const std::uint64_t made = engine::generateGnnDataset(
        o, [&out](const engine::GnnSample& s) { out[s.index] = engine::gnnSampleJson(s).dump(); }, control);
    if (made != out.size())
        throw std::runtime_error("count mismatch");
    return out;
}

} // namespace

class TestGnnDataGenerator : public QObject {
    Q_OBJECT

private slots:
    void deterministicAndIndependentOfThreads()
    {
        engine::GnnDataOptions o = tinyOptions();
        const auto one = generate(o);
        o.threads = 2;
        const auto two = generate(o);
        QCOMPARE(one.size(), std::size_t(6));
        QVERIFY(one == two);
        const engine::GnnSample s = engine::gnnSampleFromJson(nlohmann::json::parse(one.at(3)));
        const engine::GnnQuboSpec spec = engine::drawGnnQuboSpec(21, 3, 5, 7);
        QVERIFY(s.qubo == engine::gnnQubo(spec));
        QCOMPARE(s.family, std::string(engine::gnnQuboFamilyName(spec.family)));
        QCOMPARE(s.levels.size(), std::size_t(2));
        QVERIFY(s.minEnergy < s.maxEnergy);
    }

    void skipResumes()
    {
        engine::GnnDataOptions o = tinyOptions();
        const auto all = generate(o);
        o.skip = {0, 2, 4};
        const auto rest = generate(o);
        QCOMPARE(rest.size(), std::size_t(3));
        for (const auto& [index, line] : rest) {
            QVERIFY(index % 2 == 1);
            QCOMPARE(line, all.at(index));
        }
    }

    void progressAndCancel()
    {
        engine::RunControl control;
        double last = 0.0;
        control.setProgressCallback([&](double done, double total, std::string_view) {
            QCOMPARE(total, 6.0);
            last = done;
        });
        engine::GnnDataOptions o = tinyOptions();
        generate(o, control);
        QCOMPARE(last, 6.0);
        engine::RunControl cancelled;
        cancelled.setCancelCallback([] { return true; });
        QVERIFY(generate(o, cancelled).empty());
    }

    void errorsAndSinkFailures()
    {
        engine::GnnDataOptions o = tinyOptions();
        o.threads = 0;
        QVERIFY_THROWS_EXCEPTION(engine::Error, generate(o));
        o = tinyOptions();
        o.minNodes = 9;
        QVERIFY_THROWS_EXCEPTION(engine::Error, generate(o));
        o = tinyOptions();
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 engine::generateGnnDataset(o, [](const engine::GnnSample&) {
                                     throw std::runtime_error("disk full");
                                 }));
    }
};

QTEST_GUILESS_MAIN(TestGnnDataGenerator)
#include "gnn_data_generator.test.moc"
