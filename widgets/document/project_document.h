// SPDX-License-Identifier: MIT
// ProjectDocument: owns the LCRP instance, the workbench settings, the undo stack and the file identity.
#pragma once

#include "document/change_event.h"
#include "document/project_file.h"

#include <QObject>
#include <QString>

class QUndoStack;

namespace workbench {

/// The one document of a main window. Every mutation goes through an undo command pushed on `undoStack()`;
/// commands call the mutators below, which change the data and emit `changed` (structural changes also emit
/// `aboutToChange` first so item models can bracket them). `isModified()` follows the stack's clean state.
/// Lives on the GUI thread; jobs get a copy of `data()`.
class ProjectDocument : public QObject {
    Q_OBJECT

public:
    /// Starts as `newProjectData()`, untitled.
    explicit ProjectDocument(QObject* parent = nullptr);
    ~ProjectDocument() override;

    /// A small valid project: the first three model tiers of the paper and one trivial task.
    static ProjectData newProjectData();

    const engine::LcrpInstance& instance() const { return m_data.instance; }
    const WorkbenchSettings& settings() const { return m_data.settings; }
    const ProjectData& data() const { return m_data; }
    QUndoStack* undoStack() const { return m_undoStack; }

    /// The file this document is saved to; empty when untitled.
    QString filePath() const { return m_filePath; }
    bool isUntitled() const { return m_filePath.isEmpty(); }
    /// The file's name without folder, or the untitled name ("Untitled" unless set by `reset`).
    QString displayName() const;
    bool isModified() const;

    /// Replaces everything, clears the undo stack and emits Reset. `untitledName` is used when `filePath` is
    /// empty (for example the example project's name).
    void reset(ProjectData data, const QString& filePath, const QString& untitledName = {});
    /// Reads `path` and, only when that succeeds, replaces the document with it. Throws engine::Error.
    void load(const QString& path);
    /// Like `load`, but the result stays untitled under `untitledName` (the bundled example, a recovery).
    void loadAsUntitled(const QString& path, const QString& untitledName);
    /// Writes the project atomically to `path`; on success the document takes that path and becomes clean.
    /// Throws engine::Error and then changes nothing.
    void save(const QString& path);
    /// Marks the document modified without an undo step (after restoring an autosave).
    void markModified();

    // Mutators: used only by undo commands. Rows must be valid (insert: 0..count).
    void setTask(int row, const engine::LcrpTask& task);
    void insertTask(int row, const engine::LcrpTask& task);
    engine::LcrpTask removeTask(int row);
    void setModel(int row, const engine::LcrpModel& model);
    void insertModel(int row, const engine::LcrpModel& model);
    engine::LcrpModel removeModel(int row);
    void setPenalties(const engine::LcrpPenalties& penalties);
    void setBudgetUsd(double budgetUsd);
    void setSettings(const WorkbenchSettings& settings);

signals:
    /// Emitted before a structural change (insert, remove, reset) with the event that will follow.
    void aboutToChange(const workbench::ChangeEvent& event);
    /// Emitted after every change of the data.
    void changed(const workbench::ChangeEvent& event);
    void modifiedChanged(bool modified);
    /// The file path or display name changed.
    void fileChanged();

private:
    void emitChange(ChangeEvent::Kind kind, int index = -1);

    ProjectData m_data;
    QUndoStack* m_undoStack = nullptr;
    QString m_filePath;
    QString m_untitledName;
};

} // namespace workbench
