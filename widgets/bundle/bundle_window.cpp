// SPDX-License-Identifier: MIT
// BundleWindow: layout, the job's steps shown as they arrive, the verdict banner, report export and member saving.
#include "bundle/bundle_window.h"

#include "bundle/bundle_plots_view.h"
#include "bundle/json_tree.h"
#include "document/error_text.h"

#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>

namespace workbench {

namespace {

enum CheckColumn { QuantityColumn, StoredColumn, RecomputedColumn, DifferenceColumn, ToleranceColumn, ResultColumn };
enum MemberColumn { StatusColumn, PathColumn, RoleColumn, BytesColumn, HashColumn };

QTableWidgetItem* cell(const QString& text, const QString& tip = {})
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    if (!tip.isEmpty())
        item->setToolTip(tip);
    return item;
}

/// |stored - recomputed| for two numbers, else the check's note.
QString differenceText(const engine::BundleCheck& check)
{
    if (check.compared && check.stored.is_number() && check.recomputed.is_number()) {
        const double difference = std::abs(check.stored.get<double>() - check.recomputed.get<double>());
        return QLocale().toString(difference, 'g', 3);
    }
    return QString::fromStdString(check.note);
}

bool writeBytes(const QString& file, const QByteArray& bytes, QString* error)
{
    QSaveFile out(file);
    if (out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size() && out.commit())
        return true;
    if (error)
        *error = BundleWindow::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(file), out.errorString());
    return false;
}

} // namespace

BundleWindow::BundleWindow(const QString& path, QWidget* parent)
    : QMainWindow(parent)
    , m_path(path)
    , m_job(new BundleJob(this))
{
    setWindowTitle(tr("%1 – Reproducible bundle").arg(QFileInfo(path).fileName()));
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);

    m_banner = new QLabel(central);
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setMargin(8);
    layout->addWidget(m_banner);

    auto* progressRow = new QHBoxLayout;
    m_stage = new QLabel(central);
    m_progress = new QProgressBar(central);
    m_progress->setRange(0, BundleJob::PROGRESS_MAXIMUM);
    m_cancel = new QPushButton(tr("Cancel"), central);
    progressRow->addWidget(m_stage);
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);
    layout->addLayout(progressRow);

    m_tabs = new QTabWidget(central);
    // Summary: the manifest's fields, the settings and the members.
    auto* summary = new QWidget;
    auto* summaryLayout = new QVBoxLayout(summary);
    auto* form = new QFormLayout;
    const auto field = [&](QLabel*& label, const QString& name) {
        label = new QLabel(summary);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setWordWrap(true);
        form->addRow(name, label);
    };
    field(m_file, tr("File:"));
    field(m_kind, tr("Kind:"));
    field(m_producer, tr("Producer:"));
    field(m_created, tr("Created:"));
    field(m_instance, tr("Instance:"));
    summaryLayout->addLayout(form);
    auto* split = new QSplitter(Qt::Vertical, summary);
    m_settings = new QTreeWidget(split);
    m_settings->setColumnCount(2);
    m_settings->setHeaderLabels({tr("Setting"), tr("Value")});
    m_settings->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_members = new QTableWidget(0, 5, split);
    m_members->setHorizontalHeaderLabels({tr("Status"), tr("Member"), tr("Role"), tr("Bytes"), tr("SHA-256")});
    m_members->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_members->setSelectionMode(QAbstractItemView::SingleSelection);
    m_members->verticalHeader()->setVisible(false);
    m_members->horizontalHeader()->setStretchLastSection(true);
    summaryLayout->addWidget(split, 1);
    m_tabs->addTab(summary, tr("Summary"));

    // Verification: notes and one row per check.
    auto* verification = new QWidget;
    auto* verificationLayout = new QVBoxLayout(verification);
    m_notes = new QLabel(verification);
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_onlyProblems = new QCheckBox(tr("Show only differences and values not compared"), verification);
    m_checks = new QTableWidget(0, 6, verification);
    m_checks->setHorizontalHeaderLabels(
        {tr("Quantity"), tr("Stored"), tr("Recomputed"), tr("Difference"), tr("Tolerance"), tr("Result")});
    m_checks->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_checks->verticalHeader()->setVisible(false);
    m_checks->horizontalHeader()->setSectionResizeMode(QuantityColumn, QHeaderView::ResizeToContents);
    m_checks->horizontalHeader()->setStretchLastSection(true);
    verificationLayout->addWidget(m_notes);
    verificationLayout->addWidget(m_onlyProblems);
    verificationLayout->addWidget(m_checks, 1);
    m_tabs->addTab(verification, tr("Verification"));

    m_plots = new BundlePlotsView;
    m_tabs->addTab(m_plots, tr("Plots"));
    layout->addWidget(m_tabs, 1);

    auto* buttons = new QHBoxLayout;
    m_reverify = new QPushButton(tr("Re-verify"), central);
    m_export = new QPushButton(tr("Export report…"), central);
    m_saveMember = new QPushButton(tr("Save member…"), central);
    m_saveMember->setToolTip(tr("Save the selected member file exactly as it is in the bundle"));
    auto* close = new QPushButton(tr("Close"), central);
    buttons->addWidget(m_reverify);
    buttons->addWidget(m_export);
    buttons->addWidget(m_saveMember);
    buttons->addStretch(1);
    buttons->addWidget(close);
    layout->addLayout(buttons);
    setCentralWidget(central);
    resize(960, 720);

    connect(m_reverify, &QPushButton::clicked, this, [this] { verify(); });
    connect(m_export, &QPushButton::clicked, this, &BundleWindow::exportReportWithDialog);
    connect(m_saveMember, &QPushButton::clicked, this, &BundleWindow::saveMemberWithDialog);
    connect(close, &QPushButton::clicked, this, &QWidget::close);
    connect(m_cancel, &QPushButton::clicked, this, &BundleWindow::cancel);
    connect(m_onlyProblems, &QCheckBox::toggled, this, &BundleWindow::applyCheckFilter);
    connect(m_members, &QTableWidget::itemSelectionChanged, this, &BundleWindow::updateButtons);
    connect(m_job, &BundleJob::bundleRead, this, [this] {
        showBundle();
        showMembers();
    });
    connect(m_job, &BundleJob::verified, this, &BundleWindow::showReport);
    connect(m_job, &BundleJob::plotsReady, this, &BundleWindow::showPlots);
    connect(m_job, &BundleJob::progressChanged, m_progress, &QProgressBar::setValue);
    connect(m_job, &BundleJob::stageChanged, m_stage, &QLabel::setText);
    connect(m_job, &BundleJob::finished, this, &BundleWindow::onFinished);

    m_file->setText(QDir::toNativeSeparators(path));
    clearShown();
    setBanner(Verdict::Pending, tr("Not verified yet."));
    updateButtons();
}

BundleWindow::~BundleWindow() = default;

QString BundleWindow::bannerText() const
{
    return m_banner->text();
}

QString BundleWindow::summaryText(const QString& key) const
{
    const QLabel* label = key == QLatin1String("file")       ? m_file
                          : key == QLatin1String("kind")     ? m_kind
                          : key == QLatin1String("producer") ? m_producer
                          : key == QLatin1String("created")  ? m_created
                          : key == QLatin1String("instance") ? m_instance
                                                             : nullptr;
    return label ? label->text() : QString();
}

bool BundleWindow::verify()
{
    if (m_job->isRunning())
        return false;
    clearShown();
    m_progress->setValue(0);
    m_stage->clear();
    if (!m_job->start(m_path, m_options))
        return false;
    setBanner(Verdict::Pending, tr("Verifying %1 …").arg(QFileInfo(m_path).fileName()));
    updateButtons();
    return true;
}

void BundleWindow::cancel()
{
    m_job->cancel();
}

void BundleWindow::clearShown()
{
    for (QLabel* label : {m_kind, m_producer, m_created, m_instance})
        label->setText(QStringLiteral("–"));
    m_settings->clear();
    m_members->setRowCount(0);
    m_checks->setRowCount(0);
    m_notes->clear();
    m_plots->clear(tr("The plots appear when the bundle has been read and verified."));
}

void BundleWindow::setBanner(Verdict verdict, const QString& text)
{
    m_verdict = verdict;
    m_banner->setText(text);
    QString colours;
    switch (verdict) {
    case Verdict::Pending: colours = QStringLiteral("color: #263238; background: #eceff1;"); break;
    case Verdict::Passed: colours = QStringLiteral("color: #1b5e20; background: #e8f5e9;"); break;
    case Verdict::Failed:
    case Verdict::Error: colours = QStringLiteral("color: #b71c1c; background: #ffebee;"); break;
    case Verdict::Cancelled: colours = QStringLiteral("color: #e65100; background: #fff3e0;"); break;
    }
    m_banner->setStyleSheet(colours + QStringLiteral(" font-weight: bold; border-radius: 4px;"));
}

void BundleWindow::updateButtons()
{
    const bool running = m_job->isRunning();
    m_reverify->setEnabled(!running);
    m_cancel->setVisible(running);
    m_progress->setVisible(running);
    m_stage->setVisible(running);
    m_export->setEnabled(!running && m_job->outcome().report != nullptr);
    m_saveMember->setEnabled(m_job->outcome().bundle != nullptr && !m_members->selectedItems().isEmpty());
}

void BundleWindow::showBundle()
{
    const engine::Bundle& bundle = *m_job->outcome().bundle;
    m_kind->setText(QString::fromStdString(bundle.kind));
    m_producer->setText(QString::fromStdString(bundle.producer));
    m_created->setText(QString::fromStdString(bundle.created));
    if (const auto& info = m_job->outcome().instance) {
        const QString name = info->name.empty() ? tr("(unnamed)") : QString::fromStdString(info->name);
        if (info->kind == "lcrp")
            m_instance->setText(tr("LCRP %1: %2 tasks × %3 models").arg(name).arg(info->tasks).arg(info->models));
        else if (info->kind == "graph")
            m_instance->setText(tr("%1 graph %2: %3 vertices, %4 edges")
                                    .arg(QString::fromStdString(info->problem), name)
                                    .arg(info->vertices)
                                    .arg(info->edges));
        else
            m_instance->setText(tr("QUBO %1: %2 variables").arg(name).arg(info->variables));
    } else {
        m_instance->setText(tr("instance.json could not be read (see the verification)"));
    }
    fillJsonTree(m_settings, bundle.settings, 64);
    m_settings->expandToDepth(0);
    setBanner(Verdict::Pending, tr("Every member's SHA-256 matches the manifest. Recomputing …"));
    updateButtons();
}

void BundleWindow::showMembers()
{
    const std::vector<BundleMemberStatus>& members = m_job->outcome().members;
    m_members->setRowCount(static_cast<int>(members.size()));
    QStyle* style = QApplication::style();
    for (int row = 0; row < static_cast<int>(members.size()); ++row) {
        const BundleMemberStatus& m = members[static_cast<std::size_t>(row)];
        QString state;
        QIcon icon;
        switch (m.state) {
        case BundleMemberState::Verified:
            state = tr("verified");
            icon = style->standardIcon(QStyle::SP_DialogApplyButton);
            break;
        case BundleMemberState::Mismatch:
            state = tr("changed: hash differs");
            icon = style->standardIcon(QStyle::SP_MessageBoxCritical);
            break;
        case BundleMemberState::Missing:
            state = tr("missing");
            icon = style->standardIcon(QStyle::SP_MessageBoxCritical);
            break;
        case BundleMemberState::Unlisted:
            state = tr("not listed");
            icon = style->standardIcon(QStyle::SP_MessageBoxWarning);
            break;
        }
        QTableWidgetItem* status = cell(state);
        status->setIcon(icon);
        m_members->setItem(row, StatusColumn, status);
        m_members->setItem(row, PathColumn, cell(QString::fromStdString(m.path)));
        m_members->setItem(row, RoleColumn, cell(QString::fromStdString(m.role)));
        m_members->setItem(row, BytesColumn, cell(QLocale().toString(static_cast<qulonglong>(m.bytes))));
        const QString listed = QString::fromStdString(m.listedSha256);
        const QString actual = QString::fromStdString(m.actualSha256);
        m_members->setItem(row, HashColumn,
                           cell(actual.isEmpty() ? listed : actual,
                                listed == actual ? QString() : tr("manifest: %1\nfile: %2").arg(listed, actual)));
    }
    m_members->resizeColumnsToContents();
    updateButtons();
}

void BundleWindow::showReport()
{
    const engine::BundleVerifyReport& report = *m_job->outcome().report;
    QStringList notes;
    for (const std::string& note : report.notes)
        notes << QString::fromStdString(note);
    m_notes->setText(notes.join(QLatin1Char('\n')));
    QStyle* style = QApplication::style();
    m_checks->setRowCount(static_cast<int>(report.checks.size()));
    for (int row = 0; row < static_cast<int>(report.checks.size()); ++row) {
        const engine::BundleCheck& c = report.checks[static_cast<std::size_t>(row)];
        const QString note = QString::fromStdString(c.note);
        m_checks->setItem(row, QuantityColumn, cell(QString::fromStdString(c.quantity), note));
        m_checks->setItem(row, StoredColumn, cell(jsonValueText(c.stored), jsonValueText(c.stored, 4000)));
        m_checks->setItem(row, RecomputedColumn,
                          cell(c.compared ? jsonValueText(c.recomputed) : QStringLiteral("–"),
                               jsonValueText(c.recomputed, 4000)));
        m_checks->setItem(row, DifferenceColumn, cell(differenceText(c), note));
        m_checks->setItem(row, ToleranceColumn,
                          cell(c.compared ? (c.tolerance > 0.0 ? tr("relative %1").arg(c.tolerance) : tr("exact"))
                                          : QStringLiteral("–")));
        QTableWidgetItem* result = cell(!c.compared ? tr("not compared") : c.ok ? tr("match") : tr("DIFFERS"), note);
        result->setIcon(style->standardIcon(!c.compared ? QStyle::SP_MessageBoxInformation
                                            : c.ok      ? QStyle::SP_DialogApplyButton
                                                        : QStyle::SP_MessageBoxCritical));
        if (c.compared && !c.ok)
            result->setForeground(QColor(0xb7, 0x1c, 0x1c));
        m_checks->setItem(row, ResultColumn, result);
    }
    applyCheckFilter();
    const auto compared = static_cast<int>(report.comparedCount());
    const auto failed = static_cast<int>(report.failedCount());
    const auto skipped = static_cast<int>(report.checks.size()) - compared;
    const QString notCompared =
        skipped > 0 ? tr(" %n value(s) depend on wall-clock time and were not compared.", nullptr, skipped) : QString();
    if (report.ok)
        setBanner(Verdict::Passed,
                  tr("Verified: all %n recomputed quantities match the bundle.", nullptr, compared) + notCompared);
    else if (compared == 0)
        setBanner(Verdict::Failed, tr("Not verified: nothing could be compared.") + notCompared);
    else
        setBanner(Verdict::Failed,
                  tr("Verification FAILED: %1 of %2 quantities differ from the recomputation (see Verification).")
                          .arg(failed)
                          .arg(compared)
                      + notCompared);
    if (!report.ok)
        m_tabs->setCurrentIndex(1);
}

void BundleWindow::applyCheckFilter()
{
    const engine::BundleVerifyReport* report = m_job->outcome().report.get();
    for (int row = 0; row < m_checks->rowCount(); ++row) {
        const bool problem = report && row < static_cast<int>(report->checks.size())
            && (!report->checks[static_cast<std::size_t>(row)].compared
                || !report->checks[static_cast<std::size_t>(row)].ok);
        m_checks->setRowHidden(row, m_onlyProblems->isChecked() && !problem);
    }
}

void BundleWindow::showPlots()
{
    m_plots->setPlotData(*m_job->outcome().plots);
}

void BundleWindow::onFinished()
{
    const BundleOutcome& outcome = m_job->outcome();
    if (!outcome.bundle && !outcome.members.empty())
        showMembers();  // the lenient listing of a bundle that failed to read: marks the changed member
    const QString name = QFileInfo(m_path).fileName();
    if (m_job->status() == BundleJobStatus::Cancelled) {
        setBanner(Verdict::Cancelled, tr("Verification of %1 cancelled.").arg(name));
        if (!outcome.plots)
            m_plots->clear(tr("Cancelled before the plots were rebuilt."));
    } else if (outcome.error) {
        const BundleJobError& e = *outcome.error;
        const QString detail = errorCodeText(e.code) + QLatin1Char('\n') + QString::fromStdString(e.message);
        switch (e.stage) {
        case BundleJobStage::Read:
            setBanner(Verdict::Error, tr("The bundle %1 cannot be opened.").arg(name) + QLatin1Char('\n') + detail);
            m_plots->clear(tr("No plots: the bundle could not be read."));
            break;
        case BundleJobStage::Verify:
            setBanner(Verdict::Error,
                      tr("The bundle %1 could not be recomputed.").arg(name) + QLatin1Char('\n') + detail);
            m_plots->clear(tr("No plots: the bundle could not be recomputed."));
            break;
        case BundleJobStage::Plots:
            // The verdict stands; only the figures are missing.
            m_plots->clear(tr("The plots could not be rebuilt.") + QLatin1Char('\n') + detail);
            break;
        }
    }
    updateButtons();
    emit verificationFinished();
}

bool BundleWindow::exportReport(const QString& file, QString* error) const
{
    const auto& report = m_job->outcome().report;
    if (!report) {
        if (error)
            *error = tr("There is no verification report to export yet.");
        return false;
    }
    const std::string text = engine::bundleVerifyReportJson(*report).dump(2) + "\n";
    return writeBytes(file, QByteArray::fromStdString(text), error);
}

bool BundleWindow::saveMember(const QString& member, const QString& file, QString* error) const
{
    const auto& bundle = m_job->outcome().bundle;
    const engine::BundleFile* found = bundle ? bundle->find(member.toStdString()) : nullptr;
    if (!found) {
        if (error)
            *error = bundle ? tr("The bundle has no member %1.").arg(member) : tr("The bundle has not been read.");
        return false;
    }
    return writeBytes(file, QByteArray::fromStdString(found->content), error);
}

void BundleWindow::exportReportWithDialog()
{
    const QFileInfo info(m_path);
    const QString suggested = info.dir().filePath(info.completeBaseName() + QStringLiteral("-report.json"));
    const QString file =
        QFileDialog::getSaveFileName(this, tr("Export verification report"), suggested, tr("JSON (*.json)"));
    if (file.isEmpty())
        return;
    QString error;
    if (!exportReport(file, &error))
        QMessageBox::warning(this, tr("Export report"), error);
}

void BundleWindow::saveMemberWithDialog()
{
    const QList<QTableWidgetItem*> selected = m_members->selectedItems();
    if (selected.isEmpty())
        return;
    const QTableWidgetItem* item = m_members->item(selected.front()->row(), PathColumn);
    if (!item)
        return;
    const QString member = item->text();
    const QString suggested = QFileInfo(m_path).dir().filePath(QFileInfo(member).fileName());
    const QString file = QFileDialog::getSaveFileName(this, tr("Save member %1").arg(member), suggested);
    if (file.isEmpty())
        return;
    QString error;
    if (!saveMember(member, file, &error))
        QMessageBox::warning(this, tr("Save member"), error);
}

void BundleWindow::closeEvent(QCloseEvent* event)
{
    // The job's destructor waits for the worker; cancelling first makes that wait short.
    m_job->cancel();
    QMainWindow::closeEvent(event);
}

BundleWindow* showBundleWindow(QWidget* parent, const QString& path)
{
    auto* window = new BundleWindow(path, parent);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
    window->verify();
    return window;
}

} // namespace workbench
