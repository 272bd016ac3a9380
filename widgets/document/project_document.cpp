// SPDX-License-Identifier: MIT
// ProjectDocument: data, mutators with change events, load/save and the undo stack's clean state.
#include "document/project_document.h"

#include <QFileInfo>
#include <QUndoStack>

namespace workbench {

ProjectDocument::ProjectDocument(QObject* parent)
    : QObject(parent)
    , m_data(newProjectData())
    , m_undoStack(new QUndoStack(this))
{
    connect(m_undoStack, &QUndoStack::cleanChanged, this, [this](bool clean) { emit modifiedChanged(!clean); });
}

ProjectDocument::~ProjectDocument() = default;

ProjectData ProjectDocument::newProjectData()
{
    ProjectData data;
    data.instance.name = "untitled";
    const auto& tiers = engine::defaultModelTiers();
    data.instance.models.assign(tiers.begin(), tiers.begin() + 3);
    engine::LcrpTask task;
    task.id = "T-000";
    task.complexity = 1;
    task.tokens = 300.0;
    data.instance.tasks.push_back(task);
    data.instance.budgetUsd = 5.0;
    return data;
}

QString ProjectDocument::displayName() const
{
    if (!m_filePath.isEmpty())
        return QFileInfo(m_filePath).fileName();
    return m_untitledName.isEmpty() ? tr("Untitled") : m_untitledName;
}

bool ProjectDocument::isModified() const
{
    return !m_undoStack->isClean();
}

void ProjectDocument::reset(ProjectData data, const QString& filePath, const QString& untitledName)
{
    emit aboutToChange(ChangeEvent{ChangeEvent::Kind::Reset, -1});
    m_data = std::move(data);
    m_filePath = filePath;
    m_untitledName = untitledName;
    // clear() makes the stack clean and emits cleanChanged (hence modifiedChanged) only if it was not.
    m_undoStack->clear();
    emit changed(ChangeEvent{ChangeEvent::Kind::Reset, -1});
    emit fileChanged();
}

void ProjectDocument::load(const QString& path)
{
    reset(readProjectFile(path), QFileInfo(path).absoluteFilePath());
}

void ProjectDocument::loadAsUntitled(const QString& path, const QString& untitledName)
{
    reset(readProjectFile(path), QString(), untitledName);
}

void ProjectDocument::save(const QString& path)
{
    writeProjectFile(path, m_data);
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const bool renamed = absolute != m_filePath;
    m_filePath = absolute;
    m_undoStack->setClean();
    if (renamed)
        emit fileChanged();
}

void ProjectDocument::markModified()
{
    m_undoStack->resetClean();
}

void ProjectDocument::emitChange(ChangeEvent::Kind kind, int index)
{
    emit changed(ChangeEvent{kind, index});
}

void ProjectDocument::setTask(int row, const engine::LcrpTask& task)
{
    m_data.instance.tasks.at(static_cast<std::size_t>(row)) = task;
    emitChange(ChangeEvent::Kind::TaskChanged, row);
}

void ProjectDocument::insertTask(int row, const engine::LcrpTask& task)
{
    Q_ASSERT(row >= 0 && static_cast<std::size_t>(row) <= m_data.instance.tasks.size());
    emit aboutToChange(ChangeEvent{ChangeEvent::Kind::TaskInserted, row});
    m_data.instance.tasks.insert(m_data.instance.tasks.begin() + row, task);
    emitChange(ChangeEvent::Kind::TaskInserted, row);
}

engine::LcrpTask ProjectDocument::removeTask(int row)
{
    Q_ASSERT(row >= 0 && static_cast<std::size_t>(row) < m_data.instance.tasks.size());
    emit aboutToChange(ChangeEvent{ChangeEvent::Kind::TaskRemoved, row});
    engine::LcrpTask task = std::move(m_data.instance.tasks[static_cast<std::size_t>(row)]);
    m_data.instance.tasks.erase(m_data.instance.tasks.begin() + row);
    emitChange(ChangeEvent::Kind::TaskRemoved, row);
    return task;
}

void ProjectDocument::setModel(int row, const engine::LcrpModel& model)
{
    m_data.instance.models.at(static_cast<std::size_t>(row)) = model;
    emitChange(ChangeEvent::Kind::ModelChanged, row);
}

void ProjectDocument::insertModel(int row, const engine::LcrpModel& model)
{
    Q_ASSERT(row >= 0 && static_cast<std::size_t>(row) <= m_data.instance.models.size());
    emit aboutToChange(ChangeEvent{ChangeEvent::Kind::ModelInserted, row});
    m_data.instance.models.insert(m_data.instance.models.begin() + row, model);
    emitChange(ChangeEvent::Kind::ModelInserted, row);
}

engine::LcrpModel ProjectDocument::removeModel(int row)
{
    Q_ASSERT(row >= 0 && static_cast<std::size_t>(row) < m_data.instance.models.size());
    emit aboutToChange(ChangeEvent{ChangeEvent::Kind::ModelRemoved, row});
    engine::LcrpModel model = std::move(m_data.instance.models[static_cast<std::size_t>(row)]);
    m_data.instance.models.erase(m_data.instance.models.begin() + row);
    emitChange(ChangeEvent::Kind::ModelRemoved, row);
    return model;
}

void ProjectDocument::setPenalties(const engine::LcrpPenalties& penalties)
{
    m_data.instance.penalties = penalties;
    emitChange(ChangeEvent::Kind::ProblemChanged);
}

void ProjectDocument::setBudgetUsd(double budgetUsd)
{
    m_data.instance.budgetUsd = budgetUsd;
    emitChange(ChangeEvent::Kind::ProblemChanged);
}

void ProjectDocument::setSettings(const WorkbenchSettings& settings)
{
    m_data.settings = settings;
    emitChange(ChangeEvent::Kind::SettingsChanged);
}

} // namespace workbench
