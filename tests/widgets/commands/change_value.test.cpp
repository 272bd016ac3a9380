// SPDX-License-Identifier: MIT
// Tests of the generic ChangeValue command: redo/undo/redo, merging by id and target, obsolete no-ops.
#include "commands/change_value.h"

#include <QtTest>

#include "test_support.h"

#include "commands/document_targets.h"
#include "lcrp/lcrp_generator.h"

#include <QUndoStack>

using namespace workbench;

namespace {

using Tokens = TaskField<&engine::LcrpTask::tokens>;
using QMin = TaskField<&engine::LcrpTask::qMin>;
using Quality = PenaltyField<&engine::LcrpPenalties::quality>;
using Seed = SettingsField<&WorkbenchSettings::seed>;

void fill(ProjectDocument& document)
{
    engine::LcrpGeneratorOptions options;
    options.numTasks = 3;
    options.numModels = 3;
    options.seed = 7;
    document.reset(ProjectData{engine::generateLcrp(options), WorkbenchSettings{}}, QString());
}

} // namespace

class TstChangeValue : public QObject {
    Q_OBJECT

private slots:
    void redoUndoRedo();
    void optionalAndSettingsFields();
    void mergesSameIdAndTarget();
    void mergeBackToStartIsDropped();
    void doesNotMergeOtherTargetsOrAcrossCleanState();
    void noOpIsObsolete();
    void pushChangeValueSkipsNoOps();
};

void TstChangeValue::redoUndoRedo()
{
    ProjectDocument document;
    fill(document);
    const double before = document.instance().tasks[1].tokens;
    const double neighbour = document.instance().tasks[0].tokens;
    QUndoStack* stack = document.undoStack();
    stack->push(new ChangeValue<Tokens>(&document, Tokens{1}, 2500.0, QStringLiteral("t")));
    QCOMPARE(document.instance().tasks[1].tokens, 2500.0);
    QCOMPARE(stack->count(), 1);
    QCOMPARE(stack->text(0), QStringLiteral("t"));
    stack->undo();
    QCOMPARE(document.instance().tasks[1].tokens, before);
    stack->redo();
    QCOMPARE(document.instance().tasks[1].tokens, 2500.0);
    QCOMPARE(document.instance().tasks[0].tokens, neighbour);  // other rows untouched
}

void TstChangeValue::optionalAndSettingsFields()
{
    ProjectDocument document;
    fill(document);
    QUndoStack* stack = document.undoStack();
    QVERIFY(!document.instance().tasks[0].qMin);
    stack->push(new ChangeValue<QMin>(&document, QMin{0}, std::optional<double>(0.9), QStringLiteral("q")));
    QCOMPARE(document.instance().qMin(0), 0.9);
    stack->push(new ChangeValue<QMin>(&document, QMin{0}, std::nullopt, QStringLiteral("q")));
    QVERIFY(!document.instance().tasks[0].qMin);
    stack->undo();
    QCOMPARE(document.instance().tasks[0].qMin.value_or(-1), 0.9);

    stack->push(new ChangeValue<Seed>(&document, Seed{}, std::uint64_t{99}, QStringLiteral("s"), SeedId));
    QCOMPARE(document.settings().seed, std::uint64_t{99});
    stack->undo();
    QCOMPARE(document.settings().seed, WorkbenchSettings{}.seed);
}

void TstChangeValue::mergesSameIdAndTarget()
{
    ProjectDocument document;
    fill(document);
    const double start = document.instance().penalties.quality;
    QUndoStack* stack = document.undoStack();
    for (double value : {41.0, 42.0, 43.0, 44.0})
        stack->push(new ChangeValue<Quality>(&document, Quality{}, value, QStringLiteral("q"), PenaltyQualityId));
    QCOMPARE(stack->count(), 1);  // four spin-box steps, one undo step
    QCOMPARE(document.instance().penalties.quality, 44.0);
    stack->undo();
    QCOMPARE(document.instance().penalties.quality, start);
    stack->redo();
    QCOMPARE(document.instance().penalties.quality, 44.0);
}

void TstChangeValue::mergeBackToStartIsDropped()
{
    ProjectDocument document;
    fill(document);
    const double start = document.instance().penalties.quality;
    QUndoStack* stack = document.undoStack();
    stack->push(new ChangeValue<Quality>(&document, Quality{}, start + 1.0, QStringLiteral("q"), PenaltyQualityId));
    stack->push(new ChangeValue<Quality>(&document, Quality{}, start, QStringLiteral("q"), PenaltyQualityId));
    QCOMPARE(stack->count(), 0);
    QCOMPARE(document.instance().penalties.quality, start);
    QVERIFY(!document.isModified());
}

void TstChangeValue::doesNotMergeOtherTargetsOrAcrossCleanState()
{
    ProjectDocument document;
    fill(document);
    QUndoStack* stack = document.undoStack();
    // Same id, different rows: two steps.
    stack->push(new ChangeValue<Tokens>(&document, Tokens{0}, 11.0, QStringLiteral("t"), SeedId));
    stack->push(new ChangeValue<Tokens>(&document, Tokens{1}, 12.0, QStringLiteral("t"), SeedId));
    QCOMPARE(stack->count(), 2);
    // No merge id: never merged.
    stack->push(new ChangeValue<Tokens>(&document, Tokens{1}, 13.0, QStringLiteral("t")));
    stack->push(new ChangeValue<Tokens>(&document, Tokens{1}, 14.0, QStringLiteral("t")));
    QCOMPARE(stack->count(), 4);
    // A save in between keeps the saved state reachable.
    stack->push(new ChangeValue<Quality>(&document, Quality{}, 1.0, QStringLiteral("q"), PenaltyQualityId));
    stack->setClean();
    stack->push(new ChangeValue<Quality>(&document, Quality{}, 2.0, QStringLiteral("q"), PenaltyQualityId));
    QCOMPARE(stack->count(), 6);
    stack->undo();
    QVERIFY(!document.isModified());
    QCOMPARE(document.instance().penalties.quality, 1.0);
}

void TstChangeValue::noOpIsObsolete()
{
    ProjectDocument document;
    fill(document);
    const double tokens = document.instance().tasks[2].tokens;
    auto* command = new ChangeValue<Tokens>(&document, Tokens{2}, tokens, QStringLiteral("t"));
    command->redo();
    QVERIFY(command->isObsolete());
    delete command;

    QSignalSpy changed(&document, &ProjectDocument::changed);
    document.undoStack()->push(new ChangeValue<Tokens>(&document, Tokens{2}, tokens, QStringLiteral("t")));
    QCOMPARE(document.undoStack()->count(), 0);
    QCOMPARE(changed.count(), 0);
    QVERIFY(!document.isModified());
}

void TstChangeValue::pushChangeValueSkipsNoOps()
{
    ProjectDocument document;
    fill(document);
    QUndoStack* stack = document.undoStack();
    QVERIFY(pushChangeValue(&document, Tokens{0}, 100.0, QStringLiteral("t")));
    QVERIFY(pushChangeValue(&document, Tokens{0}, 200.0, QStringLiteral("t")));
    stack->undo();
    QCOMPARE(stack->index(), 1);
    // The current value again: nothing pushed, and the redo step survives.
    QVERIFY(!pushChangeValue(&document, Tokens{0}, 100.0, QStringLiteral("t")));
    QCOMPARE(stack->count(), 2);
    QVERIFY(stack->canRedo());
}

QTEST_MAIN(TstChangeValue)
#include "change_value.test.moc"
