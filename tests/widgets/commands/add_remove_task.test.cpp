// SPDX-License-Identifier: MIT
// Tests of AddTask / RemoveTask: redo, undo, redo, with every field restored, and free task ids.
#include "commands/add_remove_task.h"

#include <QtTest>

#include "test_support.h"

#include "document/project_document.h"
#include "io/instance_file.h"
#include "lcrp/lcrp_generator.h"

#include <QUndoStack>

using namespace workbench;

namespace {

void fill(ProjectDocument& document)
{
    engine::LcrpGeneratorOptions options;
    options.numTasks = 4;
    options.numModels = 3;
    options.seed = 3;
    engine::LcrpInstance instance = engine::generateLcrp(options);
    instance.tasks[2].qMin = 0.33;
    instance.tasks[2].latencySlaMs = 1500.0;
    document.reset(ProjectData{instance, WorkbenchSettings{}}, QString());
}

nlohmann::json snapshot(const ProjectDocument& document)
{
    return engine::instanceToJson(engine::Instance{document.instance()});
}

} // namespace

class TstAddRemoveTask : public QObject {
    Q_OBJECT

private slots:
    void addTask();
    void removeTaskRestoresAllFields();
    void freeTaskIdSkipsUsedIds();
};

void TstAddRemoveTask::addTask()
{
    ProjectDocument document;
    fill(document);
    const nlohmann::json before = snapshot(document);
    engine::LcrpTask task;
    task.id = freeTaskId(document.instance());
    task.complexity = 5;
    task.tokens = 9000.0;
    document.undoStack()->push(new AddTask(&document, 1, task));
    QCOMPARE(document.instance().numTasks(), std::size_t{5});
    QCOMPARE(document.instance().tasks[1].id, task.id);
    QCOMPARE(document.instance().tasks[1].complexity, 5);
    document.instance().validate();
    QCOMPARE(document.undoStack()->text(0), QStringLiteral("Add Task"));

    document.undoStack()->undo();
    QCOMPARE(snapshot(document), before);
    document.undoStack()->redo();
    QCOMPARE(document.instance().numTasks(), std::size_t{5});
    QCOMPARE(document.instance().tasks[1].tokens, 9000.0);
}

void TstAddRemoveTask::removeTaskRestoresAllFields()
{
    ProjectDocument document;
    fill(document);
    const nlohmann::json before = snapshot(document);
    const std::string removedId = document.instance().tasks[2].id;
    document.undoStack()->push(new RemoveTask(&document, 2));
    QCOMPARE(document.instance().numTasks(), std::size_t{3});
    for (const auto& task : document.instance().tasks)
        QVERIFY(task.id != removedId);

    document.undoStack()->undo();
    QCOMPARE(snapshot(document), before);  // optional qMin and SLA came back too
    document.undoStack()->redo();
    QCOMPARE(document.instance().numTasks(), std::size_t{3});
    document.undoStack()->undo();
    QCOMPARE(snapshot(document), before);
}

void TstAddRemoveTask::freeTaskIdSkipsUsedIds()
{
    engine::LcrpInstance instance;
    QCOMPARE(freeTaskId(instance), std::string("T-000"));
    for (const char* id : {"T-000", "T-001", "T-003"}) {
        engine::LcrpTask task;
        task.id = id;
        instance.tasks.push_back(task);
    }
    QCOMPARE(freeTaskId(instance), std::string("T-002"));
}

QTEST_MAIN(TstAddRemoveTask)
#include "add_remove_task.test.moc"
