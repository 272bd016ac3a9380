// SPDX-License-Identifier: MIT
// SolvePanel: solver choice and options, Run/Cancel with progress, and the evaluated result of the last run.
#pragma once

#include "solvers/solver_result.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace workbench {

class ProjectDocument;
class SolveJob;
struct ChangeEvent;

/// Solver settings are document settings (undoable, saved with the project). Run copies the document into a
/// SolveJob; the result is not an undo step. It is shown as an assignment matrix (tasks x models; the chosen
/// cell marked, green when the pair is allowed and red when it violates quality, latency or context) and as
/// figures from engine::evaluateAssignment with the encoded QUBO: cost, quality satisfaction, validity and
/// feasibility with per-constraint violations, objective and QUBO energy, plus the instance's uniform-random
/// valid rate. Later edits re-evaluate the same assignment; a change of shape clears it.
class SolvePanel final : public QWidget {
    Q_OBJECT

public:
    explicit SolvePanel(ProjectDocument* document, QWidget* parent = nullptr);
    ~SolvePanel() override;

    /// Starts the chosen solver (no effect while one runs).
    void run();
    /// Cancels the running solver.
    void cancel();
    /// Cancels a running job and waits for it (window close).
    void shutdown();

    SolveJob* job() const { return m_job; }
    QTableWidget* assignmentTable() const { return m_matrix; }
    QPushButton* runButton() const { return m_run; }
    QPushButton* cancelButton() const { return m_cancel; }
    QComboBox* solverCombo() const { return m_solver; }
    /// The last run's result, if any is shown.
    const std::optional<engine::SolverResult>& result() const { return m_result; }
    /// Text of the result figure named `key`: "status", "cost", "quality", "validity", "objective", "energy".
    QString figureText(const QString& key) const;

signals:
    /// A one-line translated summary for the status bar when a run ends.
    void statusMessage(const QString& message);

private:
    void onDocumentChanged(const ChangeEvent& event);
    void onJobFinished();
    void refreshSettings();
    void updateEnabled();
    void showResult();
    void clearResult(const QString& note);

    ProjectDocument* m_document;
    SolveJob* m_job;
    QComboBox* m_solver = nullptr;
    QSpinBox* m_seed = nullptr;
    QSpinBox* m_steps = nullptr;
    QSpinBox* m_restarts = nullptr;
    QComboBox* m_budgetMode = nullptr;
    QCheckBox* m_hardPairs = nullptr;
    QDoubleSpinBox* m_timeLimit = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QTableWidget* m_matrix = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_cost = nullptr;
    QLabel* m_quality = nullptr;
    QLabel* m_validity = nullptr;
    QLabel* m_objective = nullptr;
    QLabel* m_energy = nullptr;
    QLabel* m_note = nullptr;
    std::optional<engine::SolverResult> m_result;
    bool m_editedSinceRun = false;
    int m_generation = 0;     // bumped when the document is replaced
    int m_runGeneration = 0;  // m_generation when the running job started
};

} // namespace workbench
