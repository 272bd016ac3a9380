// SPDX-License-Identifier: MIT
// SubmitDialog: a QAOA sampling job's options, and its transpiled figures and QPU cost before it is sent.
#pragma once

#include "io/instance_file.h"
#include "jobservice/job_submission.h"

#include <QDialog>
#include <QStringList>

#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace workbench {

class JobMonitor;
class ProjectDocument;

/// Most QAOA layers the dialog offers (the engine allows more; deeper circuits do not survive today's noise).
constexpr int MAX_SUBMIT_DEPTH = 16;

/// The options of one job: instance (the project's LCRP instance or an instance file), backend, p, shots,
/// angle method (predicted, or fixed gammas and betas), seed, dynamical decoupling, twirling, maximum execution
/// time and tags. "Estimate" runs JobService::prepare on the monitor's workers and shows the transpiled circuit's
/// two-qubit gate count, depth, SWAPs, estimated fidelity, the QPU-time estimate and the month's Open Plan
/// usage. Submit accepts the dialog; the panel then prepares (or reuses the estimate) and submits off the GUI
/// thread. Any change of an option discards the estimate.
class SubmitDialog final : public QDialog {
    Q_OBJECT

public:
    /// `document` may be null (no project source).
    SubmitDialog(ProjectDocument* document, JobMonitor* monitor, QWidget* parent = nullptr);

    /// The backends offered (names, local first); keeps the current choice when it is still there.
    void setBackends(const QStringList& names);
    /// Uses `instance` as the file source, shown as `name`.
    void setInstance(const engine::Instance& instance, const QString& name);
    /// Reads an instance file as the file source; false (with the reason shown) when it cannot be read.
    bool loadInstanceFile(const QString& path);

    /// The submission the options describe. Throws engine::Error for an instance that cannot be built or bad
    /// options (validateSubmission).
    engine::JobSubmission submission() const;
    /// The estimate for the current options, when one finished since the last change.
    const std::optional<engine::PreparedJob>& prepared() const { return m_prepared; }
    /// Starts the estimate; no effect while one runs. Returns false when the options are bad (reason shown).
    bool estimate();
    bool isEstimating() const { return m_estimating; }
    /// Text of the figure `key`: "instance", "twoQubitGates", "depth", "swaps", "fidelity", "qpuEstimate",
    /// "monthUsage", "warnings", "message".
    QString figureText(const QString& key) const;

    QComboBox* sourceBox() const { return m_source; }
    QComboBox* backendBox() const { return m_backend; }
    QSpinBox* depthBox() const { return m_depth; }
    QSpinBox* shotsBox() const { return m_shots; }
    QComboBox* anglesBox() const { return m_angles; }
    QLineEdit* gammasEdit() const { return m_gammas; }
    QLineEdit* betasEdit() const { return m_betas; }
    QSpinBox* seedBox() const { return m_seed; }
    QComboBox* decouplingBox() const { return m_decoupling; }
    QCheckBox* twirlingBox() const { return m_twirling; }
    QSpinBox* maxTimeBox() const { return m_maxTime; }
    QLineEdit* tagsEdit() const { return m_tags; }
    QPushButton* estimateButton() const { return m_estimateButton; }
    QPushButton* submitButton() const { return m_submitButton; }

signals:
    /// An estimate finished (successfully or not).
    void estimated(bool ok);

private:
    void optionsChanged();
    void updateEnabled();
    void clearFigures();
    std::optional<engine::Instance> currentInstance(QString* error) const;

    ProjectDocument* m_document;
    JobMonitor* m_monitor;
    std::optional<engine::Instance> m_fileInstance;
    QString m_fileName;
    std::optional<engine::PreparedJob> m_prepared;
    bool m_estimating = false;
    int m_generation = 0;  // bumped by every change, so a stale estimate is dropped

    QComboBox* m_source = nullptr;
    QPushButton* m_openFile = nullptr;
    QLabel* m_instance = nullptr;
    QComboBox* m_backend = nullptr;
    QSpinBox* m_depth = nullptr;
    QSpinBox* m_shots = nullptr;
    QComboBox* m_angles = nullptr;
    QLineEdit* m_gammas = nullptr;
    QLineEdit* m_betas = nullptr;
    QSpinBox* m_seed = nullptr;
    QComboBox* m_decoupling = nullptr;
    QCheckBox* m_twirling = nullptr;
    QSpinBox* m_maxTime = nullptr;
    QLineEdit* m_tags = nullptr;
    QLabel* m_twoQubit = nullptr;
    QLabel* m_circuitDepth = nullptr;
    QLabel* m_swaps = nullptr;
    QLabel* m_fidelity = nullptr;
    QLabel* m_qpu = nullptr;
    QLabel* m_month = nullptr;
    QLabel* m_warnings = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_estimateButton = nullptr;
    QPushButton* m_submitButton = nullptr;
};

} // namespace workbench
