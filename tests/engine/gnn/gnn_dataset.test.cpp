// SPDX-License-Identifier: MIT
// Tests of GNN samples as JSON Lines: round trip, appending, sorting, errors naming the line.
#include "gnn/gnn_dataset.h"

#include <QtTest>

#include "temp_files.h"

#include "core/error.h"

#include <QTemporaryDir>
#include <nlohmann/json.hpp>

namespace {

engine::GnnSample sample(std::uint64_t index)
{
    engine::GnnSample s;
    s.index = index;
    s.family = "uniform";
    s.edgeProbability = 0.3;
    s.qubo = engine::QuboModel(3);
    s.qubo.addLinear(0, 0.1 + static_cast<double>(index));
    s.qubo.addQuadratic(0, 2, -0.7);
    s.qubo.addOffset(0.25);
    s.rms = 0.123456789012345678;
    s.minEnergy = -1.5;
    s.maxEnergy = 2.0 / 3.0;
    s.levels.push_back({{{-0.1}, {0.3}}, -0.5, 17});
    s.levels.push_back({{{-0.1, -1.0 / 3.0}, {0.5, 0.2}}, -0.75, 40});
    return s;
}

void checkSame(const engine::GnnSample& a, const engine::GnnSample& b)
{
    QCOMPARE(a.index, b.index);
    QCOMPARE(a.family, b.family);
    QCOMPARE(a.edgeProbability, b.edgeProbability);
    QVERIFY(a.qubo == b.qubo);
    QCOMPARE(a.rms, b.rms);
    QCOMPARE(a.minEnergy, b.minEnergy);
    QCOMPARE(a.maxEnergy, b.maxEnergy);
    QCOMPARE(a.levels.size(), b.levels.size());
    for (std::size_t k = 0; k < a.levels.size(); ++k) {
        QCOMPARE(a.levels[k].angles.gammas, b.levels[k].angles.gammas);
        QCOMPARE(a.levels[k].angles.betas, b.levels[k].angles.betas);
        QCOMPARE(a.levels[k].expectation, b.levels[k].expectation);
        QCOMPARE(a.levels[k].evaluations, b.levels[k].evaluations);
    }
}

} // namespace

class TestGnnDataset : public QObject {
    Q_OBJECT

private slots:
    void jsonRoundTripIsExact()
    {
        const engine::GnnSample s = sample(4);
        const nlohmann::json j = engine::gnnSampleJson(s);
        QCOMPARE(j.at("format_version").get<int>(), engine::GNN_DATASET_FORMAT_VERSION);
        checkSame(engine::gnnSampleFromJson(nlohmann::json::parse(j.dump())), s);
    }

    void appendAndReadSorted()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("data.jsonl").toStdString();
        engine::appendGnnSample(path, sample(5));
        engine::appendGnnSample(path, sample(1));
        test_support::writeRaw(path, test_support::readRaw(path) + "\n  \n");  // blank lines are skipped
        const std::vector<engine::GnnSample> read = engine::readGnnDataset(path);
        QCOMPARE(read.size(), std::size_t(2));
        checkSame(read[0], sample(1));
        checkSame(read[1], sample(5));
    }

    void errorsNameTheLine()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("bad.jsonl").toStdString();
        nlohmann::json wrongLabel = engine::gnnSampleJson(sample(0));
        wrongLabel["labels"][1]["gammas"] = {0.1};
        test_support::writeRaw(path, engine::gnnSampleJson(sample(0)).dump() + "\n" + wrongLabel.dump() + "\n");
        try {
            engine::readGnnDataset(path);
            QFAIL("no error");
        } catch (const engine::Error& e) {
            QCOMPARE(e.code(), engine::ErrorCode::InvalidInput);
            QVERIFY(e.where() == path + ":2");
        }
        test_support::writeRaw(path, "{not json\n");
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::readGnnDataset(path));
        nlohmann::json newer = engine::gnnSampleJson(sample(0));
        newer["format_version"] = engine::GNN_DATASET_FORMAT_VERSION + 1;
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::gnnSampleFromJson(newer));
        nlohmann::json badPair = engine::gnnSampleJson(sample(0));
        badPair["quadratic"] = {{0, 7, 1.0}};
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::gnnSampleFromJson(badPair));
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::readGnnDataset(dir.filePath("missing.jsonl").toStdString()));
    }
};

QTEST_GUILESS_MAIN(TestGnnDataset)
#include "gnn_dataset.test.moc"
