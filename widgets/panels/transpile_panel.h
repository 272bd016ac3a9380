// SPDX-License-Identifier: MIT
// TranspilePanel: transpiles the project's QAOA circuit for a device and shows the circuits, figures and routing.
#pragma once

#include "jobs/transpile_job.h"

#include <QString>
#include <QWidget>

#include <cstddef>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace workbench {

class CircuitView;
class ProjectDocument;
class RoutingView;
struct ChangeEvent;

/// Options (backend, layout, router, iterations, p, seed, fractional rzz), Run/Cancel with a progress bar, and
/// the result of engine::transpileQaoa on the document's encoded QUBO (encoded as the QAOA panel encodes it): the
/// figures (swaps, two-qubit gates, depths, estimated fidelity, time) and three tabs — the logical circuit, the
/// transpiled ISA circuit, and the routing (the device with the step-through, over the routed circuit; moving
/// the step highlights that time step's gates in the routed circuit). "Save OpenQASM 3…" writes the ISA circuit.
/// The options belong to the panel (they are not saved with the project); the result stays that of the instance
/// as transpiled until the next run.
class TranspilePanel final : public QWidget {
    Q_OBJECT

public:
    /// The backend combo's entry for a generated square grid.
    static constexpr const char* GRID_ENTRY = "grid";

    explicit TranspilePanel(ProjectDocument* document, QWidget* parent = nullptr);
    ~TranspilePanel() override;

    /// Starts a transpilation with the current options (no effect while one runs).
    void run();
    /// Cancels the running job.
    void cancel();
    /// Cancels a running job and waits for it (window close).
    void shutdown();

    /// The options as the editors show them.
    TranspileSettings settings() const;
    /// Sets the editors (an unknown backend selects the grid entry when it reads "grid:RxC", else the first one).
    void setSettings(const TranspileSettings& settings);
    /// The request `run` would start now.
    TranspileRequest request() const;

    /// Writes the last result's ISA circuit as OpenQASM 3 to `path` atomically. Returns false (and says why in
    /// the note) when there is no result or the file cannot be written.
    bool saveQasm3(const QString& path);
    /// Asks for a file name and calls saveQasm3 (the button and the menu action).
    void saveQasm3WithDialog();
    /// True when a finished result is shown (what Save needs).
    bool hasResult() const { return m_hasResult; }

    /// Operations of the routed circuit that carry out the routing view's time step at `position`.
    std::vector<std::size_t> routedOperationsAt(int position) const;

    TranspileJob* job() const { return m_job; }
    QPushButton* runButton() const { return m_run; }
    QPushButton* cancelButton() const { return m_cancel; }
    QPushButton* saveButton() const { return m_save; }
    QProgressBar* progressBar() const { return m_progress; }
    QTabWidget* tabs() const { return m_tabs; }
    CircuitView* logicalView() const { return m_logical; }
    CircuitView* isaView() const { return m_isa; }
    CircuitView* routedView() const { return m_routed; }
    RoutingView* routingView() const { return m_routing; }
    /// Text of the figure named `key`: "status", "qubits", "device", "swaps", "twoQubitGates", "depth",
    /// "twoQubitDepth", "fidelity", "time", "layout".
    QString figureText(const QString& key) const;

signals:
    /// A run started (the main window raises the dock).
    void runStarted();
    /// A one-line translated summary for the status bar when a run ends.
    void statusMessage(const QString& message);
    /// hasResult() changed.
    void resultAvailable(bool available);

private:
    void onDocumentChanged(const ChangeEvent& event);
    void onJobFinished();
    void onStepChanged(int position);
    void updateEnabled();
    void updateQubits();
    void clearResults(const QString& note);
    void showResults();

    ProjectDocument* m_document;
    TranspileJob* m_job;
    QComboBox* m_backend = nullptr;
    QSpinBox* m_gridRows = nullptr;
    QSpinBox* m_gridCols = nullptr;
    QComboBox* m_layout = nullptr;
    QComboBox* m_router = nullptr;
    QSpinBox* m_iterations = nullptr;
    QSpinBox* m_depth = nullptr;
    QSpinBox* m_seed = nullptr;
    QCheckBox* m_fractional = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_save = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_qubits = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_deviceText = nullptr;
    QLabel* m_swaps = nullptr;
    QLabel* m_twoQubitGates = nullptr;
    QLabel* m_depthText = nullptr;
    QLabel* m_twoQubitDepth = nullptr;
    QLabel* m_fidelity = nullptr;
    QLabel* m_time = nullptr;
    QLabel* m_layoutText = nullptr;
    QLabel* m_note = nullptr;
    QTabWidget* m_sideTabs = nullptr;
    QTabWidget* m_tabs = nullptr;
    CircuitView* m_logical = nullptr;
    CircuitView* m_isa = nullptr;
    CircuitView* m_routed = nullptr;
    RoutingView* m_routing = nullptr;
    std::size_t m_registerSize = 0;
    bool m_hasResult = false;
    int m_generation = 0;     // bumped when the document is replaced
    int m_runGeneration = 0;  // m_generation when the running job started
};

} // namespace workbench
