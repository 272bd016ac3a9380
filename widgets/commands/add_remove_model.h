// SPDX-License-Identifier: MIT
// Undo commands that insert or remove one model tier of the LCRP instance.
#pragma once

#include "lcrp/lcrp_instance.h"

#include <QUndoCommand>

namespace workbench {

class ProjectDocument;

/// Inserts `model` at `row` (0..M). Undo removes it again.
class AddModel final : public QUndoCommand {
public:
    AddModel(ProjectDocument* document, int row, engine::LcrpModel model, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    ProjectDocument* m_document;
    int m_row;
    engine::LcrpModel m_model;
};

/// Removes the model at `row`. Undo re-inserts it, with all its fields, at the same row.
class RemoveModel final : public QUndoCommand {
public:
    RemoveModel(ProjectDocument* document, int row, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    ProjectDocument* m_document;
    int m_row;
    engine::LcrpModel m_model;  // filled by redo
};

/// A model name "model-n" not used by any model of `instance` (the lowest free n >= 1).
std::string freeModelName(const engine::LcrpInstance& instance);

} // namespace workbench
