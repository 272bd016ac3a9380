// SPDX-License-Identifier: MIT
// Tests of ExperimentPanel: a sweep from the editor fills the table and plot live, editor errors name the field,
// presets start and cancel, and the table saves as CSV and JSON.
#include "experiment/experiment_panel.h"

#include <QtTest>

#include "test_support.h"

#include "experiment/experiment_job.h"
#include "experiment/experiment_plot.h"
#include "experiment/experiment_table_model.h"
#include "core/error.h"
#include "io/atomic_file.h"
#include "lcrp/lcrp_generator.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace workbench;

namespace {

engine::LcrpInstance project()
{
    engine::LcrpGeneratorOptions g;
    g.numTasks = 3;
    g.numModels = 3;
    return engine::generateLcrp(g);
}

void editSmallSweep(ExperimentPanel& panel)
{
    panel.setKind(engine::SweepKind::Qaoa);
    panel.setSettingsText(QStringLiteral(R"({"params": "predicted", "shots": 200, "objective": "reference-v2"})"));
    panel.setAxis(0, QStringLiteral("p"), QStringLiteral("1:2"));
    panel.setAxis(1, QStringLiteral("mixer"), QStringLiteral("x, xy"));
    panel.setAxis(2, QString(), QString());
    panel.setThreads(2);
}

} // namespace

class TstExperimentPanel : public QObject {
    Q_OBJECT

private slots:
    void sweepFillsTableAndPlot()
    {
        ExperimentPanel panel;
        QVERIFY(!panel.runSweep());  // no instance yet
        QVERIFY(panel.statusText().contains(QStringLiteral("No instance")));
        panel.setProjectInstance(project());
        editSmallSweep(panel);
        QSignalSpy running(&panel, &ExperimentPanel::runningChanged);
        QSignalSpy finished(panel.job(), &ExperimentJob::finished);
        QVERIFY(panel.runSweep());
        QVERIFY(panel.isRunning());
        QVERIFY(!panel.runSweep());
        QVERIFY(finished.wait(20000));
        QVERIFY(!panel.isRunning());
        QCOMPARE(running.size(), 2);
        QCOMPARE(running[0].at(0).toBool(), true);
        QCOMPARE(running[1].at(0).toBool(), false);
        QCOMPARE(panel.tableModel()->rowCount(), 4);
        QCOMPARE(panel.tableModel()->header().axes, (std::vector<std::string>{"p", "mixer"}));
        QCOMPARE(panel.plot()->metric(), QStringLiteral("valid_rate"));
        QCOMPARE(panel.plot()->seriesCount(), 2);
        QVERIFY(panel.plot()->hasBaseline(0));
        QCOMPARE(panel.plot()->baselinePointAt(0, 0).y(), std::pow(3.0 / 8.0, 3));
        QVERIFY(panel.statusText().contains(QStringLiteral("Finished")));

        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("rows.csv"));
        const QString json = dir.filePath(QStringLiteral("rows.json"));
        QVERIFY(panel.saveCsv(csv));
        QVERIFY(panel.saveJson(json));
        const std::string text = engine::readWholeFile(csv.toStdString());
        QVERIFY(text.rfind("point,p,mixer,qubits,", 0) == 0);
        QCOMPARE(std::count(text.begin(), text.end(), '\n'), 5L);
        const nlohmann::json saved = nlohmann::json::parse(engine::readWholeFile(json.toStdString()));
        QCOMPARE(saved["rows"].size(), std::size_t{4});
        QString error;
        QVERIFY(!panel.saveCsv(dir.filePath(QStringLiteral("missing/rows.csv")), &error));
        QVERIFY(error.contains(QStringLiteral("missing")));
    }

    void editorErrorsNameTheField_data()
    {
        QTest::addColumn<QString>("settings");
        QTest::addColumn<QString>("values");
        QTest::addColumn<QString>("where");
        QTest::newRow("axis value") << R"({"shots": 100})" << "1,0" << "/axes/0/values/1";
        QTest::newRow("axis range") << R"({"shots": 100})" << "3:1" << "/axes/0/values";
        QTest::newRow("settings json") << R"({"shots": )" << "1" << "/settings";
        QTest::newRow("settings value") << R"({"shots": -5})" << "1" << "/settings/shots";
        QTest::newRow("settings name") << R"({"depth": 2})" << "1" << "/settings/depth";
    }
    void editorErrorsNameTheField()
    {
        QFETCH(QString, settings);
        QFETCH(QString, values);
        QFETCH(QString, where);
        ExperimentPanel panel;
        panel.setProjectInstance(project());
        panel.setSettingsText(settings);
        panel.setAxis(0, QStringLiteral("p"), values);
        QVERIFY(!panel.runSweep());
        QVERIFY(!panel.isRunning());
        QVERIFY2(panel.statusText().contains(where), qPrintable(panel.statusText()));
    }

    void warmstartKindOffersItsParameters()
    {
        ExperimentPanel panel;
        panel.setProjectInstance(project());
        panel.setKind(engine::SweepKind::Warmstart);
        panel.setAxis(0, QStringLiteral("filter"), QStringLiteral("none,energy"));
        const engine::SweepSpec spec = panel.sweepSpec();
        QCOMPARE(spec.kind, engine::SweepKind::Warmstart);
        QCOMPARE(spec.axes.size(), std::size_t{1});
        QCOMPARE(spec.axes[0].parameter, std::string("filter"));
        QVERIFY(spec.settings.contains("runs"));
        panel.setSameSeed(true);
        QCOMPARE(panel.sweepSpec().seeds, engine::SweepSeeds::Same);
        panel.setKind(engine::SweepKind::Qaoa);
        // "filter" is no QAOA parameter: the axis row falls back to none, and a sweep without axes is refused.
        try {
            panel.sweepSpec();
            QFAIL("no error");
        } catch (const engine::Error& e) {
            QCOMPARE(e.where(), std::string("/axes"));
        }
    }

    void presetStartsPausesAndCancels()
    {
        ExperimentPanel panel;
        panel.setQuick(true);
        panel.setThreads(1);
        QSignalSpy finished(panel.job(), &ExperimentJob::finished);
        QVERIFY(panel.runPreset(engine::PaperExperiment::RoutingFig7));
        QCOMPARE(panel.tableModel()->header().kind, std::string("routing-fig7"));
        QCOMPARE(panel.plot()->xAxis(), QStringLiteral("device"));
        panel.pause();
        QVERIFY(panel.job()->isPaused());
        QVERIFY(!panel.runPreset(engine::PaperExperiment::LcrpTable2));
        panel.cancel();
        QVERIFY(finished.wait(20000));
        QCOMPARE(panel.job()->status(), ExperimentJobStatus::Cancelled);
        QVERIFY(panel.statusText().contains(QStringLiteral("Cancelled")));
        QVERIFY(panel.tableModel()->rowCount() <= 2 * 3);  // at most the first point's rows
        const auto buttons = panel.findChildren<QPushButton*>();
        const auto run = std::find_if(buttons.begin(), buttons.end(),
                                      [](QPushButton* b) { return b->text() == QStringLiteral("LCRP Table 2"); });
        QVERIFY(run != buttons.end() && (*run)->isEnabled());
    }
};

QTEST_MAIN(TstExperimentPanel)
#include "experiment_panel.test.moc"
