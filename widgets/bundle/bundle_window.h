// SPDX-License-Identifier: MIT
// BundleWindow: a reproducible bundle opened in the GUI — manifest, recomputation report and redrawn plots.
#pragma once

#include "bundle/bundle_job.h"

#include <QMainWindow>
#include <QString>

class QCheckBox;
class QCloseEvent;
class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QTreeWidget;

namespace workbench {

class BundlePlotsView;

/// A non-modal window titled with the bundle's file name. Top: a verdict banner and, while the job runs, its
/// progress with Cancel. Tabs: "Summary" (kind, producer, created, instance, the settings as a tree, the member
/// files with size, SHA-256 and a status icon), "Verification" (the recomputation notes and one row per check:
/// quantity, stored, recomputed, difference, tolerance, result) and "Plots" (BundlePlotsView). Buttons:
/// Re-verify, Export report (the JSON of `qaoa-cli bundle verify --json`), Save member (one member file as it
/// is in the archive) and Close. Reading, verification and the plot data run in a BundleJob; an unreadable,
/// tampered or too new bundle, and a recomputation that fails, show their error in the banner.
class BundleWindow final : public QMainWindow {
    Q_OBJECT

public:
    /// What the banner says.
    enum class Verdict {
        Pending,    ///< not verified yet (running, or never started)
        Passed,     ///< every compared quantity matches
        Failed,     ///< the recomputation differs in at least one quantity
        Error,      ///< the bundle could not be read or recomputed
        Cancelled,  ///< the user cancelled
    };

    /// Builds the window for `path`; nothing is read until verify().
    explicit BundleWindow(const QString& path, QWidget* parent = nullptr);
    ~BundleWindow() override;

    QString path() const { return m_path; }
    /// The options of the next verify() (tolerance, threads, trace replay).
    void setJobOptions(const BundleJobOptions& options) { m_options = options; }
    const BundleJobOptions& jobOptions() const { return m_options; }

    /// Reads and verifies the bundle again (clearing what is shown); false while a job runs.
    bool verify();
    /// Cancels a running verification.
    void cancel();
    /// Writes the last report as JSON (bundleVerifyReportJson) to `file`; false with `error` (translated) set
    /// when there is no report or the file cannot be written.
    bool exportReport(const QString& file, QString* error = nullptr) const;
    /// Writes member `member` (an archive path such as "instance.json") byte for byte to `file`; false with
    /// `error` set when the bundle is not read, has no such member, or the file cannot be written.
    bool saveMember(const QString& member, const QString& file, QString* error = nullptr) const;

    Verdict verdict() const { return m_verdict; }
    QString bannerText() const;
    BundleJob* job() const { return m_job; }
    QTabWidget* tabs() const { return m_tabs; }
    QTreeWidget* settingsTree() const { return m_settings; }
    QTableWidget* memberTable() const { return m_members; }
    QTableWidget* checkTable() const { return m_checks; }
    QLabel* notesLabel() const { return m_notes; }
    BundlePlotsView* plotsView() const { return m_plots; }
    QPushButton* reverifyButton() const { return m_reverify; }
    QPushButton* exportButton() const { return m_export; }
    QPushButton* saveMemberButton() const { return m_saveMember; }
    QPushButton* cancelButton() const { return m_cancel; }
    /// Text of the summary field `key`: "file", "kind", "producer", "created", "instance".
    QString summaryText(const QString& key) const;

signals:
    /// The job ended and the window shows its outcome (any verdict).
    void verificationFinished();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void clearShown();
    void showBundle();
    void showMembers();
    void showReport();
    void showPlots();
    void onFinished();
    void setBanner(Verdict verdict, const QString& text);
    void updateButtons();
    void applyCheckFilter();
    void exportReportWithDialog();
    void saveMemberWithDialog();

    QString m_path;
    BundleJobOptions m_options;
    BundleJob* m_job = nullptr;
    Verdict m_verdict = Verdict::Pending;

    QLabel* m_banner = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_stage = nullptr;
    QPushButton* m_cancel = nullptr;
    QTabWidget* m_tabs = nullptr;
    QLabel* m_file = nullptr;
    QLabel* m_kind = nullptr;
    QLabel* m_producer = nullptr;
    QLabel* m_created = nullptr;
    QLabel* m_instance = nullptr;
    QTreeWidget* m_settings = nullptr;
    QTableWidget* m_members = nullptr;
    QLabel* m_notes = nullptr;
    QCheckBox* m_onlyProblems = nullptr;
    QTableWidget* m_checks = nullptr;
    BundlePlotsView* m_plots = nullptr;
    QPushButton* m_reverify = nullptr;
    QPushButton* m_export = nullptr;
    QPushButton* m_saveMember = nullptr;
};

/// Creates a BundleWindow for `path` with `parent`, shows it, starts verification and returns it. The window
/// deletes itself when closed (a running verification is cancelled first).
BundleWindow* showBundleWindow(QWidget* parent, const QString& path);

} // namespace workbench
