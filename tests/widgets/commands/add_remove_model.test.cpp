// SPDX-License-Identifier: MIT
// Tests of AddModel / RemoveModel: redo, undo, redo, and free model names.
#include "commands/add_remove_model.h"

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
    options.numTasks = 3;
    options.numModels = 4;
    options.seed = 11;
    document.reset(ProjectData{engine::generateLcrp(options), WorkbenchSettings{}}, QString());
}

nlohmann::json snapshot(const ProjectDocument& document)
{
    return engine::instanceToJson(engine::Instance{document.instance()});
}

} // namespace

class TstAddRemoveModel : public QObject {
    Q_OBJECT

private slots:
    void addModel();
    void removeModel();
    void freeModelNameSkipsUsedNames();
};

void TstAddRemoveModel::addModel()
{
    ProjectDocument document;
    fill(document);
    const nlohmann::json before = snapshot(document);
    const engine::LcrpModel model{freeModelName(document.instance()), 2.0, 0.7, 300.0, 32000.0};
    document.undoStack()->push(new AddModel(&document, 4, model));
    QCOMPARE(document.instance().numModels(), std::size_t{5});
    QCOMPARE(document.instance().models[4].name, model.name);
    QCOMPARE(document.instance().models[4].contextTokens, 32000.0);
    QCOMPARE(document.undoStack()->text(0), QStringLiteral("Add Model"));
    document.undoStack()->undo();
    QCOMPARE(snapshot(document), before);
    document.undoStack()->redo();
    QCOMPARE(document.instance().numModels(), std::size_t{5});
    QCOMPARE(document.instance().models[4].quality, 0.7);
}

void TstAddRemoveModel::removeModel()
{
    ProjectDocument document;
    fill(document);
    const nlohmann::json before = snapshot(document);
    const std::string removed = document.instance().models[0].name;
    document.undoStack()->push(new RemoveModel(&document, 0));
    QCOMPARE(document.instance().numModels(), std::size_t{3});
    QVERIFY(document.instance().models[0].name != removed);
    document.undoStack()->undo();
    QCOMPARE(snapshot(document), before);
    document.undoStack()->redo();
    QCOMPARE(document.instance().numModels(), std::size_t{3});
}

void TstAddRemoveModel::freeModelNameSkipsUsedNames()
{
    engine::LcrpInstance instance;
    QCOMPARE(freeModelName(instance), std::string("model-1"));
    instance.models.push_back(engine::LcrpModel{"model-1", 0, 0, 0, 1});
    instance.models.push_back(engine::LcrpModel{"model-2", 0, 0, 0, 1});
    QCOMPARE(freeModelName(instance), std::string("model-3"));
}

QTEST_MAIN(TstAddRemoveModel)
#include "add_remove_model.test.moc"
