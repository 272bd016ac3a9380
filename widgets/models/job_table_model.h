// SPDX-License-Identifier: MIT
// JobTableModel: the job store's jobs as a live table (ids, backend, status with colours, times, usage, tags).
#pragma once

#include "jobstore/job_store.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QTimer>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace workbench {

/// Most jobs the table lists (the newest); older ones stay in the store and in `qaoa-cli jobs list`.
constexpr std::size_t MAX_JOB_TABLE_ROWS = 1000;
/// Default period of the table's own refresh from the store (other processes, such as the CLI, write it too).
constexpr int JOB_TABLE_REFRESH_MS = 2000;

/// A read-only table over JobStore::list (newest first, without payload), on its own store connection used
/// from the GUI thread only. It re-reads the store on a timer and whenever refresh() is called (the job
/// monitor calls it on every status change); rows whose id sequence is unchanged are updated in place, so the
/// selection survives. Elapsed times of unfinished jobs advance with each refresh.
class JobTableModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        RemoteIdColumn,
        BackendColumn,
        StatusColumn,
        CreatedColumn,
        ElapsedColumn,
        UsageColumn,
        TagsColumn,
        ColumnCount
    };
    enum Role {
        LocalIdRole = Qt::UserRole + 1,  ///< qlonglong: the job's local id
        StateRole,                       ///< int: engine::JobState
    };

    explicit JobTableModel(QObject* parent = nullptr);
    ~JobTableModel() override;

    /// Opens the store at `path` (created when missing) and reads it. Returns an empty string on success,
    /// else the translated reason (the table is then empty).
    QString open(const QString& path);
    bool isOpen() const { return m_store != nullptr; }
    QString path() const;
    /// The connection (GUI thread only), or null when not open.
    engine::JobStore* store() const { return m_store.get(); }

    /// Period of the automatic refresh; 0 stops it.
    void setRefreshInterval(int ms);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The listed job at `row` (no payload), or null.
    const engine::JobRecord* record(int row) const;
    /// The row of the job `localId`, or -1.
    int rowOf(std::int64_t localId) const;
    /// The error of the last refresh (empty when it worked).
    QString lastError() const { return m_lastError; }

    /// Translated name of a state.
    static QString stateText(engine::JobState state);
    /// The colour a state is shown in (text colour; blue queued, amber running, green done, red failed, ...).
    static QColor stateColor(engine::JobState state);
    /// Seconds from `record`'s creation to its terminal change (or to `now` while unfinished); nothing when the
    /// timestamps do not parse.
    static std::optional<double> elapsedSeconds(const engine::JobRecord& record, const QDateTime& now);
    /// "12 s", "3 min 4 s", "2 h 5 min".
    static QString durationText(double seconds);

public slots:
    /// Re-reads the store now.
    void refresh();

signals:
    /// The store could not be read (the table keeps its last rows).
    void refreshFailed(const QString& message);

private:
    std::unique_ptr<engine::JobStore> m_store;
    std::vector<engine::JobRecord> m_rows;
    QTimer m_timer;
    QDateTime m_now;
    QString m_lastError;
};

} // namespace workbench
