// SPDX-License-Identifier: MIT
// Tests of ProjectDocument: modified flag versus the undo stack's clean state, change events, load and save.
#include "document/project_document.h"

#include <QtTest>

#include "test_support.h"

#include "commands/change_value.h"
#include "commands/document_targets.h"
#include "core/error.h"
#include "io/instance_file.h"
#include "lcrp/lcrp_generator.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>

using namespace workbench;

namespace {

ProjectData paperProject()
{
    engine::LcrpGeneratorOptions options;
    options.numTasks = 4;
    options.numModels = 3;
    options.seed = 42;
    return ProjectData{engine::generateLcrp(options), WorkbenchSettings{}};
}

void pushTokens(ProjectDocument& document, int row, double tokens)
{
    document.undoStack()->push(new ChangeValue<TaskField<&engine::LcrpTask::tokens>>(
        &document, TaskField<&engine::LcrpTask::tokens>{row}, tokens, QStringLiteral("tokens")));
}

} // namespace

class TstProjectDocument : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { qRegisterMetaType<ChangeEvent>(); }
    void newDocumentIsValidAndClean();
    void modifiedFollowsCleanState();
    void resetReplacesAndClearsHistory();
    void structuralChangesAreAnnounced();
    void saveAndLoad();
    void failedLoadAndSaveChangeNothing();
};

void TstProjectDocument::newDocumentIsValidAndClean()
{
    ProjectDocument document;
    document.instance().validate();
    QVERIFY(!document.isModified());
    QVERIFY(document.isUntitled());
    QCOMPARE(document.displayName(), QStringLiteral("Untitled"));
}

void TstProjectDocument::modifiedFollowsCleanState()
{
    ProjectDocument document;
    document.reset(paperProject(), QString(), QStringLiteral("paper"));
    QSignalSpy modified(&document, &ProjectDocument::modifiedChanged);
    QVERIFY(!document.isModified());

    pushTokens(document, 0, 1234.0);
    QVERIFY(document.isModified());
    QCOMPARE(modified.count(), 1);
    QCOMPARE(modified.last().at(0).toBool(), true);

    document.undoStack()->undo();
    QVERIFY(!document.isModified());
    QCOMPARE(modified.last().at(0).toBool(), false);

    document.undoStack()->redo();
    QVERIFY(document.isModified());

    document.undoStack()->setClean();
    QVERIFY(!document.isModified());
    document.undoStack()->undo();  // before the clean point: modified again
    QVERIFY(document.isModified());
    document.undoStack()->redo();
    QVERIFY(!document.isModified());

    document.markModified();  // recovered autosave: modified without an undo step
    QVERIFY(document.isModified());
    QCOMPARE(modified.last().at(0).toBool(), true);
    QCOMPARE(document.undoStack()->count(), 1);
}

void TstProjectDocument::resetReplacesAndClearsHistory()
{
    ProjectDocument document;
    QSignalSpy changed(&document, &ProjectDocument::changed);
    document.reset(paperProject(), QString(), QStringLiteral("paper"));
    pushTokens(document, 1, 42.0);
    QVERIFY(document.isModified());

    QSignalSpy modified(&document, &ProjectDocument::modifiedChanged);
    document.reset(ProjectDocument::newProjectData(), QString());
    QCOMPARE(document.instance().numTasks(), std::size_t{1});
    QCOMPARE(document.undoStack()->count(), 0);
    QVERIFY(!document.isModified());
    QCOMPARE(modified.count(), 1);
    QCOMPARE(changed.last().at(0).value<ChangeEvent>().kind, ChangeEvent::Kind::Reset);
}

void TstProjectDocument::structuralChangesAreAnnounced()
{
    ProjectDocument document;
    document.reset(paperProject(), QString());
    QSignalSpy before(&document, &ProjectDocument::aboutToChange);
    QSignalSpy after(&document, &ProjectDocument::changed);
    std::size_t countSeenBefore = 0;
    connect(&document, &ProjectDocument::aboutToChange, this,
            [&] { countSeenBefore = document.instance().numTasks(); });

    engine::LcrpTask task;
    task.id = "new";
    task.tokens = 10;
    document.insertTask(2, task);
    QCOMPARE(before.count(), 1);
    QCOMPARE(after.count(), 1);
    QCOMPARE(countSeenBefore, std::size_t{4});  // announced before the data changed
    const auto event = after.last().at(0).value<ChangeEvent>();
    QCOMPARE(event.kind, ChangeEvent::Kind::TaskInserted);
    QCOMPARE(event.index, 2);
    QCOMPARE(document.instance().tasks[2].id, std::string("new"));

    const engine::LcrpTask removed = document.removeTask(2);
    QCOMPARE(removed.id, std::string("new"));
    QCOMPARE(after.last().at(0).value<ChangeEvent>().kind, ChangeEvent::Kind::TaskRemoved);

    document.setBudgetUsd(9.0);  // not structural: no announcement
    QCOMPARE(before.count(), 2);
    QCOMPARE(after.last().at(0).value<ChangeEvent>().kind, ChangeEvent::Kind::ProblemChanged);
}

void TstProjectDocument::saveAndLoad()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("p.qwproj"));

    ProjectDocument document;
    document.reset(paperProject(), QString(), QStringLiteral("paper"));
    pushTokens(document, 3, 777.0);
    QSignalSpy fileChanged(&document, &ProjectDocument::fileChanged);
    document.save(path);
    QVERIFY(!document.isModified());
    QCOMPARE(document.filePath(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(document.displayName(), QStringLiteral("p.qwproj"));
    QCOMPARE(fileChanged.count(), 1);

    ProjectDocument other;
    other.load(path);
    QCOMPARE(other.instance().tasks[3].tokens, 777.0);
    QCOMPARE(engine::instanceToJson(engine::Instance{other.instance()}),
             engine::instanceToJson(engine::Instance{document.instance()}));
    QVERIFY(other.settings() == document.settings());
    QVERIFY(!other.isModified());
}

void TstProjectDocument::failedLoadAndSaveChangeNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ProjectDocument document;
    document.reset(paperProject(), QString(), QStringLiteral("paper"));
    pushTokens(document, 0, 5.0);

    QVERIFY_THROWS_EXCEPTION(engine::Error, document.load(dir.filePath(QStringLiteral("absent.qwproj"))));
    QCOMPARE(document.instance().numTasks(), std::size_t{4});
    QCOMPARE(document.undoStack()->count(), 1);

    QVERIFY_THROWS_EXCEPTION(engine::Error, document.save(dir.filePath(QStringLiteral("missing/dir/p.qwproj"))));
    QVERIFY(document.isModified());
    QVERIFY(document.isUntitled());
}

QTEST_MAIN(TstProjectDocument)
#include "project_document.test.moc"
