// SPDX-License-Identifier: MIT
// QaoaPanel: QAOA options for the project's LCRP instance, Run/Cancel with live plots, and the run's figures.
#pragma once

#include "jobs/qaoa_job.h"

#include <QTimer>
#include <QWidget>

#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace workbench {

class P1LandscapePlot;
class ProjectDocument;
class QaoaConvergencePlot;
class StateHistogramPlot;
class ValidRatePlot;
struct ChangeEvent;

/// Runs engine::runQaoa on a copy of the document's instance (encoded with the document's objective and slack
/// bits) through a QaoaJob. While it runs, live points feed the convergence and valid-rate plots; they are
/// buffered and drawn at most every PLOT_INTERVAL_MS, so thousands of fast evaluations cost a few redraws. The
/// progress bar counts evaluations against restarts x iterations. At the end the panel shows the landscape, the
/// histogram of the most probable states and the figures of the run. The QAOA options belong to the panel (they
/// are not saved with the project); the figures stay those of the instance as run until the next run.
class QaoaPanel final : public QWidget {
    Q_OBJECT

public:
    /// Redraw interval of the live plots while points stream in.
    static constexpr int PLOT_INTERVAL_MS = 100;

    explicit QaoaPanel(ProjectDocument* document, QWidget* parent = nullptr);
    ~QaoaPanel() override;

    /// Starts a run with the current options (no effect while one runs or when the register is too large).
    void run();
    /// Cancels the running job.
    void cancel();
    /// Cancels a running job and waits for it (window close).
    void shutdown();

    /// The options as the editors show them.
    QaoaSettings settings() const;
    /// Sets the editors.
    void setSettings(const QaoaSettings& settings);
    /// The request `run` would start now.
    QaoaRequest request() const;
    /// Simulator threads of the next runs (0 = all cores); from the preferences. setSettings leaves it alone.
    void setThreadCount(int threads);
    /// Statevector precision of the next runs; from the preferences. setSettings leaves it alone.
    void setPrecision(engine::Precision precision);

    QaoaJob* job() const { return m_job; }
    QPushButton* runButton() const { return m_run; }
    QPushButton* cancelButton() const { return m_cancel; }
    QProgressBar* progressBar() const { return m_progress; }
    QaoaConvergencePlot* convergencePlot() const { return m_convergence; }
    ValidRatePlot* validRatePlot() const { return m_validRate; }
    P1LandscapePlot* landscapePlot() const { return m_landscape; }
    StateHistogramPlot* histogramPlot() const { return m_histogram; }
    /// Text of the figure named `key`: "status", "qubits", "expectation", "validity", "feasibility", "bestValid",
    /// "decoded", "arStar", "time", "angles".
    QString figureText(const QString& key) const;

signals:
    /// A run started (the main window raises the dock).
    void runStarted();
    /// A one-line translated summary for the status bar when a run ends.
    void statusMessage(const QString& message);

private:
    void onDocumentChanged(const ChangeEvent& event);
    void onPoints(const std::vector<engine::QaoaProgressPoint>& points);
    void flushPoints();
    void onJobFinished();
    void updateEnabled();
    void updateQubits();
    void clearResults(const QString& note);
    void showResults();
    QString assignmentText(const std::vector<int>& assignment) const;

    ProjectDocument* m_document;
    QaoaJob* m_job;
    QSpinBox* m_depth = nullptr;
    QComboBox* m_mixer = nullptr;
    QCheckBox* m_greedyStart = nullptr;
    QComboBox* m_angles = nullptr;
    QComboBox* m_optimizer = nullptr;
    QSpinBox* m_restarts = nullptr;
    QSpinBox* m_iterations = nullptr;
    QSpinBox* m_shots = nullptr;
    QSpinBox* m_seed = nullptr;
    QCheckBox* m_trackValid = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_qubits = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_expectation = nullptr;
    QLabel* m_validity = nullptr;
    QLabel* m_feasibility = nullptr;
    QLabel* m_bestValid = nullptr;
    QLabel* m_decoded = nullptr;
    QLabel* m_arStar = nullptr;
    QLabel* m_time = nullptr;
    QLabel* m_anglesText = nullptr;
    QLabel* m_note = nullptr;
    QTabWidget* m_tabs = nullptr;
    QaoaConvergencePlot* m_convergence = nullptr;
    ValidRatePlot* m_validRate = nullptr;
    P1LandscapePlot* m_landscape = nullptr;
    StateHistogramPlot* m_histogram = nullptr;
    QTimer m_plotTimer;
    std::vector<engine::QaoaProgressPoint> m_pendingPoints;
    std::size_t m_registerSize = 0;
    int m_generation = 0;     // bumped when the document is replaced
    int m_runGeneration = 0;  // m_generation when the running job started
    int m_threads = 0;                                        // setThreadCount
    engine::Precision m_precision = engine::Precision::Double; // setPrecision
};

} // namespace workbench
