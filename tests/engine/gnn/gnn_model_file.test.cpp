// SPDX-License-Identifier: MIT
// Tests of GNN model files: exact JSON round trip, atomic save and load, errors naming the field.
#include "gnn/gnn_model_file.h"

#include <QtTest>

#include "temp_files.h"

#include "core/error.h"
#include "gnn/gnn_qubo_generator.h"

#include <QTemporaryDir>
#include <nlohmann/json.hpp>

namespace {

engine::GnnAngleModel model()
{
    engine::GnnAngleModel m;
    m.depth = 3;
    engine::GnnNetworkShape shape;
    shape.hidden = 6;
    shape.layers = 3;
    shape.outputs = 6;
    m.network = engine::GnnNetwork(shape, 7);
    m.features.nodeMean(0) = 0.1 / 3.0;
    m.features.nodeScale(2) = 2.0 / 7.0;
    m.features.edgeMean(1) = -0.3;
    m.targetMean = Eigen::VectorXd::LinSpaced(6, -1.0 / 3.0, 0.7);
    m.targetScale = Eigen::VectorXd::Constant(6, 0.25 / 3.0);
    m.training.dataset = "data.jsonl";
    m.training.trainSamples = 85;
    m.training.validationSamples = 15;
    m.training.epochs = 40;
    m.training.bestEpoch = 33;
    m.training.trainLoss = 0.125;
    m.training.validationLoss = 0.2;
    m.training.seed = 9;
    m.training.loss = "root-curvature";
    return m;
}

} // namespace

class TestGnnModelFile : public QObject {
    Q_OBJECT

private slots:
    void roundTripIsExact()
    {
        const engine::GnnAngleModel m = model();
        const nlohmann::json j = engine::gnnAngleModelJson(m);
        QCOMPARE(j.at("format").get<std::string>(), std::string("qaoa-workbench-gnn"));
        QCOMPARE(j.at("format_version").get<int>(), engine::GNN_MODEL_FORMAT_VERSION);
        QCOMPARE(j.at("p").get<int>(), 3);
        const engine::GnnAngleModel back = engine::gnnAngleModelFromJson(nlohmann::json::parse(j.dump()));
        QCOMPARE(back.depth, m.depth);
        QVERIFY(back.network.shape() == m.network.shape());
        QVERIFY(back.network.parameters() == m.network.parameters());
        QVERIFY(back.features.nodeMean == m.features.nodeMean && back.features.nodeScale == m.features.nodeScale);
        QVERIFY(back.features.edgeMean == m.features.edgeMean && back.features.edgeScale == m.features.edgeScale);
        QVERIFY(back.targetMean == m.targetMean && back.targetScale == m.targetScale);
        QCOMPARE(back.training.dataset, m.training.dataset);
        QCOMPARE(back.training.bestEpoch, m.training.bestEpoch);
        QCOMPARE(back.training.validationLoss, m.training.validationLoss);
        QCOMPARE(back.training.loss, m.training.loss);
        // Same predictions.
        const engine::QuboModel q = engine::gnnQubo(engine::drawGnnQuboSpec(1, 0, 8, 8));
        const engine::QaoaAngles a = m.predict(q);
        const engine::QaoaAngles b = back.predict(q);
        QVERIFY(a.gammas == b.gammas && a.betas == b.betas);
    }

    void saveAndLoad()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("gnn-p3.json").toStdString();
        engine::saveGnnAngleModel(path, model());
        QVERIFY(engine::loadGnnAngleModel(path).network.parameters() == model().network.parameters());
        QCOMPARE(test_support::entriesOf(dir.path().toStdString()), std::vector<std::string>{"gnn-p3.json"});
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::loadGnnAngleModel(dir.filePath("none.json").toStdString()));
        test_support::writeRaw(path, "{\"format\": ");
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::loadGnnAngleModel(path));
    }

    void errorsNameTheField_data()
    {
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("value");
        QTest::newRow("format") << "/format" << "\"something-else\"";
        QTest::newRow("newer version") << "/format_version" << "99";
        QTest::newRow("first version (earlier features)") << "/format_version" << "1";
        QTest::newRow("parameter count") << "/parameters" << "[1, 2, 3]";
        QTest::newRow("target size") << "/target_mean" << "[0.0]";
        QTest::newRow("outputs vs p") << "/p" << "2";
        QTest::newRow("non-finite") << "/target_scale" << "[1, 1, 1, 1, 1, null]";
    }

    void errorsNameTheField()
    {
        QFETCH(QString, pointer);
        QFETCH(QString, value);
        nlohmann::json j = engine::gnnAngleModelJson(model());
        j[nlohmann::json::json_pointer(pointer.toStdString())] = nlohmann::json::parse(value.toStdString());
        try {
            engine::gnnAngleModelFromJson(j);
            QFAIL("no error");
        } catch (const engine::Error& e) {
            QCOMPARE(e.code(), engine::ErrorCode::InvalidInput);
            QVERIFY2(!e.where().empty() || !e.detail().empty(), "the error names nothing");
        }
    }
};

QTEST_GUILESS_MAIN(TestGnnModelFile)
#include "gnn_model_file.test.moc"
