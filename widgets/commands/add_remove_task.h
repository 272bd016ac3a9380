// SPDX-License-Identifier: MIT
// Undo commands that insert or remove one task of the LCRP instance.
#pragma once

#include "lcrp/lcrp_instance.h"

#include <QUndoCommand>

namespace workbench {

class ProjectDocument;

/// Inserts `task` at `row` (0..N). Undo removes it again.
class AddTask final : public QUndoCommand {
public:
    AddTask(ProjectDocument* document, int row, engine::LcrpTask task, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    ProjectDocument* m_document;
    int m_row;
    engine::LcrpTask m_task;
};

/// Removes the task at `row`. Undo re-inserts it, with all its fields, at the same row.
class RemoveTask final : public QUndoCommand {
public:
    RemoveTask(ProjectDocument* document, int row, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    ProjectDocument* m_document;
    int m_row;
    engine::LcrpTask m_task;  // filled by redo
};

/// A task id of the form "T-nnn" not used by any task of `instance` (the lowest free number).
std::string freeTaskId(const engine::LcrpInstance& instance);

} // namespace workbench
