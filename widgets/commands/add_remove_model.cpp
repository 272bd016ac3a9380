// SPDX-License-Identifier: MIT
// AddModel / RemoveModel undo commands.
#include "commands/add_remove_model.h"

#include "document/project_document.h"

#include <QCoreApplication>

#include <set>

namespace workbench {

AddModel::AddModel(ProjectDocument* document, int row, engine::LcrpModel model, QUndoCommand* parent)
    : QUndoCommand(QCoreApplication::translate("UndoCommands", "Add Model"), parent)
    , m_document(document)
    , m_row(row)
    , m_model(std::move(model))
{
}

void AddModel::redo()
{
    m_document->insertModel(m_row, m_model);
}

void AddModel::undo()
{
    m_model = m_document->removeModel(m_row);
}

RemoveModel::RemoveModel(ProjectDocument* document, int row, QUndoCommand* parent)
    : QUndoCommand(QCoreApplication::translate("UndoCommands", "Remove Model"), parent)
    , m_document(document)
    , m_row(row)
{
}

void RemoveModel::redo()
{
    m_model = m_document->removeModel(m_row);
}

void RemoveModel::undo()
{
    m_document->insertModel(m_row, m_model);
}

std::string freeModelName(const engine::LcrpInstance& instance)
{
    std::set<std::string> used;
    for (const engine::LcrpModel& model : instance.models)
        used.insert(model.name);
    for (std::size_t n = 1;; ++n) {
        std::string name = "model-" + std::to_string(n);
        if (used.count(name) == 0)
            return name;
    }
}

} // namespace workbench
