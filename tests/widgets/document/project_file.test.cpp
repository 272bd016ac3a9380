// SPDX-License-Identifier: MIT
// Tests of the project file mapping: save/load round trips, defaults, and rejection of bad files.
#include "document/project_file.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "io/instance_file.h"
#include "lcrp/lcrp_generator.h"

#include <QTemporaryDir>

#include <fstream>

using namespace workbench;

namespace {

ProjectData sampleProject()
{
    engine::LcrpGeneratorOptions options;
    options.numTasks = 4;
    options.numModels = 3;
    options.seed = 42;
    ProjectData project;
    project.instance = engine::generateLcrp(options);
    project.instance.name = "sample";
    project.instance.tasks[1].qMin = 0.55;           // optional fields must survive the trip
    project.instance.tasks[2].latencySlaMs = 750.0;
    project.instance.penalties.quality = 12.5;
    project.settings.solver = SolverChoice::Exact;
    project.settings.objective = engine::LcrpObjectiveKind::ReferenceV2;
    project.settings.seed = 977;
    project.settings.annealingSteps = 12345;
    project.settings.annealingRestarts = 3;
    project.settings.exactSoftBudget = true;
    project.settings.exactHardPairConstraints = false;
    project.settings.exactTimeLimitSeconds = 12.5;
    project.settings.budgetSlackBits = 4;
    return project;
}

nlohmann::json instanceJson(const engine::LcrpInstance& instance)
{
    return engine::instanceToJson(engine::Instance{instance});
}

void writeText(const QString& path, const std::string& text)
{
    std::ofstream out(path.toStdString(), std::ios::binary);
    out << text;
}

} // namespace

class TstProjectFile : public QObject {
    Q_OBJECT

private slots:
    void jsonRoundTripKeepsEverything();
    void fileRoundTripGivesEqualBytes();
    void missingSettingsTakeDefaults();
    void readsBundledExample();
    void rejectsBadDocuments_data();
    void rejectsBadDocuments();
    void rejectsSyntaxErrorsAndMissingFiles();
};

void TstProjectFile::jsonRoundTripKeepsEverything()
{
    const ProjectData project = sampleProject();
    const nlohmann::json json = projectToJson(project);
    QCOMPARE(json.at("format").get<std::string>(), std::string(PROJECT_FORMAT));
    QCOMPARE(json.at("formatVersion").get<int>(), PROJECT_FORMAT_VERSION);
    QVERIFY(json.at("workbench").is_object());

    const ProjectData back = projectFromJson(json, "memory");
    QVERIFY(back.settings == project.settings);
    QCOMPARE(instanceJson(back.instance), instanceJson(project.instance));
    QCOMPARE(back.instance.tasks[1].qMin.value_or(-1.0), 0.55);
    QCOMPARE(back.instance.tasks[2].latencySlaMs.value_or(-1.0), 750.0);
    QVERIFY(!back.instance.tasks[0].qMin.has_value());
}

void TstProjectFile::fileRoundTripGivesEqualBytes()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString first = dir.filePath(QStringLiteral("first.qwproj"));
    const QString second = dir.filePath(QStringLiteral("second.qwproj"));
    const ProjectData project = sampleProject();
    writeProjectFile(first, project);
    const ProjectData loaded = readProjectFile(first);
    writeProjectFile(second, loaded);

    QFile a(first), b(second);
    QVERIFY(a.open(QIODevice::ReadOnly));
    QVERIFY(b.open(QIODevice::ReadOnly));
    const QByteArray bytes = a.readAll();
    QCOMPARE(b.readAll(), bytes);
    QVERIFY(bytes.endsWith('\n'));
    QCOMPARE(bytes.toStdString(), projectToText(project));
}

void TstProjectFile::missingSettingsTakeDefaults()
{
    nlohmann::json json = projectToJson(sampleProject());
    json.erase("workbench");
    QVERIFY(projectFromJson(json, "memory").settings == WorkbenchSettings{});

    json["workbench"] = nlohmann::json{{"seed", 5}, {"someFutureKey", "ignored"}};
    WorkbenchSettings expected;
    expected.seed = 5;
    QVERIFY(projectFromJson(json, "memory").settings == expected);
}

void TstProjectFile::readsBundledExample()
{
    const QString path = QStringLiteral(QAOA_SOURCE_DIR "/resources/examples/paper-4x3.qwproj");
    const ProjectData example = readProjectFile(path);
    QCOMPARE(example.instance.numTasks(), std::size_t{4});
    QCOMPARE(example.instance.numModels(), std::size_t{3});
    // The example is the paper's 4 x 3 instance (seed 42, three tiers, budget 5 USD).
    engine::LcrpGeneratorOptions options;
    options.numTasks = 4;
    options.numModels = 3;
    options.seed = 42;
    const engine::LcrpInstance paper = engine::generateLcrp(options);
    for (std::size_t i = 0; i < 4; ++i) {
        QCOMPARE(example.instance.tasks[i].complexity, paper.tasks[i].complexity);
        QCOMPARE(example.instance.tasks[i].tokens, paper.tasks[i].tokens);
    }
    QCOMPARE(example.instance.budgetUsd, 5.0);
}

void TstProjectFile::rejectsBadDocuments_data()
{
    QTest::addColumn<QString>("pointer");  // the JSON pointer to change
    QTest::addColumn<QString>("value");    // the new value as JSON text; empty: remove the key
    QTest::addColumn<QString>("where");    // expected suffix of Error::where()

    QTest::newRow("format") << "/format" << "\"something/else\"" << ":/format";
    QTest::newRow("version") << "/formatVersion" << "2" << ":/formatVersion";
    QTest::newRow("no instance") << "/instance" << "" << "";
    QTest::newRow("negative tokens") << "/instance/tasks/0/tokens" << "-3" << "";
    QTest::newRow("seed negative") << "/workbench/seed" << "-1" << ":/workbench/seed";
    QTest::newRow("seed type") << "/workbench/seed" << "\"one\"" << ":/workbench/seed";
    QTest::newRow("steps zero") << "/workbench/annealingSteps" << "0" << ":/workbench/annealingSteps";
    QTest::newRow("solver") << "/workbench/solver" << "\"qaoa\"" << ":/workbench/solver";
    QTest::newRow("objective") << "/workbench/objective" << "\"v9\"" << ":/workbench/objective";
    QTest::newRow("budget mode") << "/workbench/exactBudget" << "\"maybe\"" << ":/workbench/exactBudget";
    QTest::newRow("slack bits") << "/workbench/budgetSlackBits" << "99" << ":/workbench/budgetSlackBits";
    QTest::newRow("time limit") << "/workbench/exactTimeLimitSeconds" << "0" << ":/workbench/exactTimeLimitSeconds";
    QTest::newRow("hard pairs") << "/workbench/exactHardPairConstraints" << "1"
                                << ":/workbench/exactHardPairConstraints";
    QTest::newRow("workbench type") << "/workbench" << "[]" << "";
}

void TstProjectFile::rejectsBadDocuments()
{
    QFETCH(QString, pointer);
    QFETCH(QString, value);
    QFETCH(QString, where);
    nlohmann::json json = projectToJson(sampleProject());
    const nlohmann::json::json_pointer ptr(pointer.toStdString());
    if (value.isEmpty())
        json.at(ptr.parent_pointer()).erase(ptr.back());
    else
        json[ptr] = nlohmann::json::parse(value.toStdString());
    try {
        projectFromJson(json, "bad.qwproj");
        QFAIL("no error thrown");
    } catch (const engine::Error& e) {
        QCOMPARE(e.code(), engine::ErrorCode::InvalidInput);
        const QString actual = QString::fromStdString(e.where());
        QVERIFY2(actual.startsWith(QStringLiteral("bad.qwproj")), qPrintable(actual));
        if (!where.isEmpty())
            QVERIFY2(actual.endsWith(where), qPrintable(actual));
    }
}

void TstProjectFile::rejectsSyntaxErrorsAndMissingFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString broken = dir.filePath(QStringLiteral("broken.qwproj"));
    writeText(broken, "{\"format\": \"qaoa-workbench/project\", ");
    try {
        readProjectFile(broken);
        QFAIL("no error thrown");
    } catch (const engine::Error& e) {
        QCOMPARE(e.code(), engine::ErrorCode::InvalidInput);
        QCOMPARE(QString::fromStdString(e.where()), broken);
    }
    try {
        readProjectFile(dir.filePath(QStringLiteral("absent.qwproj")));
        QFAIL("no error thrown");
    } catch (const engine::Error& e) {
        QCOMPARE(e.code(), engine::ErrorCode::Io);
    }
    try {
        writeProjectFile(dir.filePath(QStringLiteral("no/such/folder/x.qwproj")), sampleProject());
        QFAIL("no error thrown");
    } catch (const engine::Error& e) {
        QCOMPARE(e.code(), engine::ErrorCode::Io);
    }
}

QTEST_MAIN(TstProjectFile)
#include "project_file.test.moc"
