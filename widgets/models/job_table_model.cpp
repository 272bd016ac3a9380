// SPDX-License-Identifier: MIT
// JobTableModel: reading the store, diffing rows, the cell texts and the status colours.
#include "models/job_table_model.h"

#include "core/error.h"

#include <QColor>
#include <QStringList>

#include <cmath>

namespace workbench {

namespace {

QDateTime parseStamp(const std::string& text)
{
    // The store writes UTC with a 'Z', which the ISO parser turns into a UTC time.
    return QDateTime::fromString(QString::fromStdString(text), Qt::ISODateWithMs);
}

QString tagsText(const engine::JobRecord& record)
{
    QStringList tags;
    const auto it = record.parameters.find("tags");
    if (it != record.parameters.end() && it->is_array())
        for (const nlohmann::json& tag : *it)
            if (tag.is_string())
                tags.append(QString::fromStdString(tag.get<std::string>()));
    return tags.join(QStringLiteral(", "));
}

} // namespace

JobTableModel::JobTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
    m_timer.setInterval(JOB_TABLE_REFRESH_MS);
    connect(&m_timer, &QTimer::timeout, this, &JobTableModel::refresh);
}

JobTableModel::~JobTableModel() = default;

QString JobTableModel::open(const QString& path)
{
    beginResetModel();
    m_rows.clear();
    m_store.reset();
    endResetModel();
    try {
        m_store = std::make_unique<engine::JobStore>(path.toStdString());
    } catch (const engine::Error& e) {
        m_lastError = tr("Cannot open the job store: %1").arg(QString::fromStdString(e.what()));
        m_timer.stop();
        return m_lastError;
    }
    refresh();
    if (m_timer.interval() > 0)
        m_timer.start();
    return m_lastError;
}

QString JobTableModel::path() const
{
    return m_store ? QString::fromStdString(m_store->path()) : QString();
}

void JobTableModel::setRefreshInterval(int ms)
{
    m_timer.stop();
    m_timer.setInterval(ms);
    if (ms > 0 && m_store)
        m_timer.start();
}

void JobTableModel::refresh()
{
    if (!m_store)
        return;
    std::vector<engine::JobRecord> rows;
    try {
        engine::JobFilter filter;
        filter.limit = MAX_JOB_TABLE_ROWS;
        rows = m_store->list(filter);
    } catch (const engine::Error& e) {
        m_lastError = QString::fromStdString(e.what());
        emit refreshFailed(m_lastError);
        return;
    }
    m_lastError.clear();
    m_now = QDateTime::currentDateTimeUtc();
    bool sameIds = rows.size() == m_rows.size();
    for (std::size_t i = 0; sameIds && i < rows.size(); ++i)
        sameIds = rows[i].localId == m_rows[i].localId;
    if (!sameIds) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
        return;
    }
    m_rows = std::move(rows);
    // The elapsed column moves with the clock, so every row may change; one signal covers them all.
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(static_cast<int>(m_rows.size()) - 1, ColumnCount - 1));
}

int JobTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int JobTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const engine::JobRecord* JobTableModel::record(int row) const
{
    if (row < 0 || row >= static_cast<int>(m_rows.size()))
        return nullptr;
    return &m_rows[static_cast<std::size_t>(row)];
}

int JobTableModel::rowOf(std::int64_t localId) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].localId == localId)
            return static_cast<int>(i);
    return -1;
}

QVariant JobTableModel::data(const QModelIndex& index, int role) const
{
    const engine::JobRecord* r = index.isValid() ? record(index.row()) : nullptr;
    if (!r)
        return {};
    if (role == LocalIdRole)
        return QVariant::fromValue<qlonglong>(r->localId);
    if (role == StateRole)
        return static_cast<int>(r->status);
    if (role == Qt::ForegroundRole && index.column() == StatusColumn)
        return stateColor(r->status);
    if (role == Qt::TextAlignmentRole
        && (index.column() == IdColumn || index.column() == ElapsedColumn || index.column() == UsageColumn))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == StatusColumn) {
        const engine::JobStateChange& last = r->history.empty() ? engine::JobStateChange{} : r->history.back();
        QString tip = QString::fromStdString(last.detail);
        if (!last.reasonCode.empty())
            tip += tr(" (code %1)").arg(QString::fromStdString(last.reasonCode));
        if (!r->errorText.empty())
            tip += (tip.isEmpty() ? QString() : QStringLiteral("\n")) + QString::fromStdString(r->errorText);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (static_cast<Column>(index.column())) {
    case IdColumn: return QVariant::fromValue<qlonglong>(r->localId);
    case RemoteIdColumn: return QString::fromStdString(r->remoteId);
    case BackendColumn: return QString::fromStdString(r->backend);
    case StatusColumn: return stateText(r->status);
    case CreatedColumn: {
        const QDateTime created = parseStamp(r->createdAt);
        return created.isValid() ? created.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                                 : QString::fromStdString(r->createdAt);
    }
    case ElapsedColumn: {
        const std::optional<double> seconds = elapsedSeconds(*r, m_now);
        return seconds ? durationText(*seconds) : QString();
    }
    case UsageColumn:
        if (!r->usage)
            return QString();
        return r->usage->final ? tr("%1 s").arg(r->usage->qpuSeconds, 0, 'f', 1)
                               : tr("~%1 s").arg(r->usage->qpuSeconds, 0, 'f', 1);
    case TagsColumn: return tagsText(*r);
    case ColumnCount: break;
    }
    return {};
}

QVariant JobTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (static_cast<Column>(section)) {
    case IdColumn: return tr("Id");
    case RemoteIdColumn: return tr("Remote id");
    case BackendColumn: return tr("Backend");
    case StatusColumn: return tr("Status");
    case CreatedColumn: return tr("Created");
    case ElapsedColumn: return tr("Elapsed");
    case UsageColumn: return tr("QPU usage");
    case TagsColumn: return tr("Tags");
    case ColumnCount: break;
    }
    return {};
}

QString JobTableModel::stateText(engine::JobState state)
{
    switch (state) {
    case engine::JobState::Recorded: return tr("Recorded");
    case engine::JobState::Submitting: return tr("Submitting");
    case engine::JobState::Queued: return tr("Queued");
    case engine::JobState::Running: return tr("Running");
    case engine::JobState::Completed: return tr("Completed");
    case engine::JobState::Failed: return tr("Failed");
    case engine::JobState::Cancelled: return tr("Cancelled");
    case engine::JobState::Unknown: return tr("Unknown");
    }
    return {};
}

QColor JobTableModel::stateColor(engine::JobState state)
{
    switch (state) {
    case engine::JobState::Recorded:
    case engine::JobState::Submitting: return QColor(0x6b, 0x72, 0x80);
    case engine::JobState::Queued: return QColor(0x1d, 0x4e, 0xd8);
    case engine::JobState::Running: return QColor(0xb4, 0x53, 0x09);
    case engine::JobState::Completed: return QColor(0x15, 0x80, 0x3d);
    case engine::JobState::Failed: return QColor(0xb9, 0x1c, 0x1c);
    case engine::JobState::Cancelled: return QColor(0x7c, 0x3a, 0xed);
    case engine::JobState::Unknown: return QColor(0xa1, 0x62, 0x07);
    }
    return {};
}

std::optional<double> JobTableModel::elapsedSeconds(const engine::JobRecord& record, const QDateTime& now)
{
    const QDateTime created = parseStamp(record.createdAt);
    if (!created.isValid())
        return std::nullopt;
    QDateTime end = now;
    if (engine::isTerminalState(record.status)) {
        // The first terminal entry: a later correction must not stretch the job's run time.
        for (const engine::JobStateChange& change : record.history)
            if (engine::isTerminalState(change.status)) {
                end = parseStamp(change.at);
                break;
            }
        if (!end.isValid())
            end = parseStamp(record.updatedAt);
        if (!end.isValid())
            return std::nullopt;
    }
    return std::max<qint64>(0, created.msecsTo(end)) / 1000.0;
}

QString JobTableModel::durationText(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0.0)
        return QString();
    const auto total = static_cast<qint64>(std::floor(seconds));
    if (total < 60)
        return tr("%1 s").arg(seconds, 0, 'f', total < 10 ? 1 : 0);
    if (total < 3600)
        return tr("%1 min %2 s").arg(total / 60).arg(total % 60);
    return tr("%1 h %2 min").arg(total / 3600).arg((total % 3600) / 60);
}

} // namespace workbench
