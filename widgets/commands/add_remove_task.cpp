// SPDX-License-Identifier: MIT
// AddTask / RemoveTask undo commands.
#include "commands/add_remove_task.h"

#include "document/project_document.h"

#include <QCoreApplication>

#include <cstdio>
#include <set>

namespace workbench {

AddTask::AddTask(ProjectDocument* document, int row, engine::LcrpTask task, QUndoCommand* parent)
    : QUndoCommand(QCoreApplication::translate("UndoCommands", "Add Task"), parent)
    , m_document(document)
    , m_row(row)
    , m_task(std::move(task))
{
}

void AddTask::redo()
{
    m_document->insertTask(m_row, m_task);
}

void AddTask::undo()
{
    m_task = m_document->removeTask(m_row);
}

RemoveTask::RemoveTask(ProjectDocument* document, int row, QUndoCommand* parent)
    : QUndoCommand(QCoreApplication::translate("UndoCommands", "Remove Task"), parent)
    , m_document(document)
    , m_row(row)
{
}

void RemoveTask::redo()
{
    m_task = m_document->removeTask(m_row);
}

void RemoveTask::undo()
{
    m_document->insertTask(m_row, m_task);
}

std::string freeTaskId(const engine::LcrpInstance& instance)
{
    std::set<std::string> used;
    for (const engine::LcrpTask& task : instance.tasks)
        used.insert(task.id);
    // At most N ids are taken, so one of the first N + 1 numbers is free.
    for (std::size_t n = 0;; ++n) {
        char id[32];
        std::snprintf(id, sizeof id, "T-%03zu", n);
        if (used.count(id) == 0)
            return id;
    }
}

} // namespace workbench
