// SPDX-License-Identifier: MIT
// ExperimentPanel: the sweep editor, the paper presets, run/pause/cancel, and the live table and plot of rows.
#pragma once

#include "experiment/paper_experiments.h"
#include "experiment/sweep_spec.h"
#include "io/instance_file.h"

#include <QString>
#include <QWidget>

#include <array>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;

namespace workbench {

class ExperimentJob;
class ExperimentPlot;
class ExperimentTableModel;

/// Runs sweeps and paper reproductions. The editor describes a sweep: the kind (QAOA or warm-start pipeline),
/// base settings as a JSON object, up to AXIS_ROWS axes (a parameter and values such as "1,2,3", "1:6" or
/// "x,xy"), the seed rule and the worker count; the base instance is the project's (setProjectInstance) or any
/// instance given through setInstance. A row of "Reproduce" buttons runs the paper presets (quick size when the
/// box is ticked). Rows appear live in the table and the plot (metric against a chosen axis, one series per value
/// of the other axes, the valid rate with its random baseline); Save CSV/JSON write the table.
class ExperimentPanel final : public QWidget {
    Q_OBJECT

public:
    static constexpr int AXIS_ROWS = 3;

    explicit ExperimentPanel(QWidget* parent = nullptr);
    ~ExperimentPanel() override;

    /// The base instance of sweeps: the current project (the lead calls this on every change).
    void setProjectInstance(const engine::LcrpInstance& instance);
    /// Any instance as the base of sweeps (graphs and QUBOs included).
    void setInstance(const engine::Instance& instance);
    bool isRunning() const;

    /// Editor setters (also for tests): the kind (resets the settings to that kind's defaults and the axis
    /// parameter lists), base settings JSON, axis row `row` (parameter name, "" for none, and its values text),
    /// worker threads, the seed rule and the presets' quick size.
    void setKind(engine::SweepKind kind);
    void setSettingsText(const QString& json);
    void setAxis(int row, const QString& parameter, const QString& values);
    void setThreads(int threads);
    void setSameSeed(bool same);
    void setQuick(bool quick);

    /// The sweep the editor describes. Throws engine::Error naming the field (JSON pointers of the equivalent
    /// sweep file: "/settings/shots", "/axes/0/values/2").
    engine::SweepSpec sweepSpec() const;
    /// Starts the editor's sweep on the base instance; false (with the reason in statusText()) when it is invalid,
    /// there is no instance, or a job runs.
    bool runSweep();
    /// Starts a paper preset; false while a job runs.
    bool runPreset(engine::PaperExperiment preset);
    void pause();
    void resume();
    void cancel();

    /// Writes the table as CSV or JSON; false with a translated `error` naming the file when it cannot.
    bool saveCsv(const QString& path, QString* error = nullptr) const;
    bool saveJson(const QString& path, QString* error = nullptr) const;

    QString statusText() const;
    ExperimentJob* job() const { return m_job; }
    ExperimentTableModel* tableModel() const { return m_model; }
    ExperimentPlot* plot() const { return m_plot; }

signals:
    void runningChanged(bool running);

private:
    void buildUi();
    void fillParameterCombos();
    void updateInstanceLabel();
    void updateButtons();
    void start(engine::ExperimentPlan plan);
    void onRowsReady(const std::vector<engine::ExperimentRow>& rows);
    void onFinished();
    void fillPlotCombos();
    void saveWithDialog(bool json);

    ExperimentJob* m_job = nullptr;
    ExperimentTableModel* m_model = nullptr;
    ExperimentPlot* m_plot = nullptr;
    std::optional<engine::Instance> m_instance;
    engine::SweepKind m_kind = engine::SweepKind::Qaoa;

    QComboBox* m_kindCombo = nullptr;
    QLabel* m_instanceLabel = nullptr;
    QLineEdit* m_settings = nullptr;
    std::array<QComboBox*, AXIS_ROWS> m_axisParameter{};
    std::array<QLineEdit*, AXIS_ROWS> m_axisValues{};
    QSpinBox* m_threads = nullptr;
    QCheckBox* m_sameSeed = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_pause = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QCheckBox* m_quick = nullptr;
    std::vector<QPushButton*> m_presetButtons;
    QPushButton* m_saveCsv = nullptr;
    QPushButton* m_saveJson = nullptr;
    QTableView* m_table = nullptr;
    QComboBox* m_xAxisCombo = nullptr;
    QComboBox* m_metricCombo = nullptr;
};

} // namespace workbench
