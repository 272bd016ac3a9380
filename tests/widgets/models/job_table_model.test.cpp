// SPDX-License-Identifier: MIT
// Tests of JobTableModel: store rows and cells, in-place updates and new rows, elapsed times, colours, bad stores.
#include "models/job_table_model.h"

#include <QtTest>

#include "test_support.h"

#include <QColor>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <chrono>
#include <set>

using namespace workbench;

namespace {

using Clock = std::chrono::system_clock;

/// A fixed time of day plus `seconds`, for the store's clock.
Clock::time_point at(double seconds)
{
    return Clock::time_point(std::chrono::seconds(1'790'000'000))
        + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

engine::JobDraft draft(const std::string& backend, const std::vector<std::string>& tags)
{
    engine::JobDraft d;
    d.provider = backend.rfind("local:", 0) == 0 ? engine::JobProvider::Local : engine::JobProvider::Ibm;
    d.backend = backend;
    d.parameters = {{"shots", 100}, {"tags", tags}};
    return d;
}

QString cell(const JobTableModel& model, int row, int column)
{
    return model.data(model.index(row, column)).toString();
}

} // namespace

class TstJobTableModel : public QObject {
    Q_OBJECT

private slots:
    void showsStoreRowsNewestFirst();
    void updatesInPlaceAndOnNewJobs();
    void elapsedAndDurations();
    void statesHaveDistinctColours();
    void badStoreIsAMessage();
};

void TstJobTableModel::showsStoreRowsNewestFirst()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("jobs.sqlite"));
    double now = 0.0;
    engine::JobStoreOptions options;
    options.clock = [&now] { return at(now); };
    engine::JobStore writer(path.toStdString(), options);
    const std::int64_t a = writer.recordBeforeSubmit(draft("local:fez", {"first"}));
    now = 5.0;
    const std::int64_t b = writer.recordBeforeSubmit(draft("ibm_fez", {"x", "y"}));
    writer.markSubmitting(b);
    writer.attachRemoteId(b, "d1remote");
    writer.appendStatus(b, engine::JobState::Queued);
    writer.setUsage(b, 3.5, false, at(5.0));

    JobTableModel model;
    model.setRefreshInterval(0);
    QCOMPARE(model.open(path), QString());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(JobTableModel::ColumnCount));
    // Newest first.
    QCOMPARE(model.data(model.index(0, JobTableModel::IdColumn), JobTableModel::LocalIdRole).toLongLong(), b);
    QCOMPARE(model.rowOf(a), 1);
    QCOMPARE(cell(model, 0, JobTableModel::IdColumn), QString::number(b));
    QCOMPARE(cell(model, 0, JobTableModel::RemoteIdColumn), QStringLiteral("d1remote"));
    QCOMPARE(cell(model, 0, JobTableModel::BackendColumn), QStringLiteral("ibm_fez"));
    QCOMPARE(cell(model, 0, JobTableModel::StatusColumn), QStringLiteral("Queued"));
    QCOMPARE(model.data(model.index(0, JobTableModel::IdColumn), JobTableModel::StateRole).toInt(),
             int(engine::JobState::Queued));
    QCOMPARE(cell(model, 0, JobTableModel::UsageColumn), QStringLiteral("~3.5 s"));
    QCOMPARE(cell(model, 0, JobTableModel::TagsColumn), QStringLiteral("x, y"));
    QCOMPARE(cell(model, 1, JobTableModel::StatusColumn), QStringLiteral("Recorded"));
    QCOMPARE(cell(model, 1, JobTableModel::UsageColumn), QString());
    QCOMPARE(cell(model, 1, JobTableModel::TagsColumn), QStringLiteral("first"));
    // The created column is the store's time in local time.
    const QDateTime created = QDateTime::fromSecsSinceEpoch(1'790'000'005, Qt::UTC).toLocalTime();
    QCOMPARE(cell(model, 0, JobTableModel::CreatedColumn), created.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    QCOMPARE(model.data(model.index(0, JobTableModel::StatusColumn), Qt::ForegroundRole).value<QColor>(),
             JobTableModel::stateColor(engine::JobState::Queued));
    QCOMPARE(model.headerData(JobTableModel::StatusColumn, Qt::Horizontal).toString(), QStringLiteral("Status"));
    QVERIFY(!model.index(0, 0).parent().isValid());
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);
}

void TstJobTableModel::updatesInPlaceAndOnNewJobs()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("jobs.sqlite"));
    engine::JobStore writer(path.toStdString());
    const std::int64_t a = writer.recordBeforeSubmit(draft("local:fez", {}));
    JobTableModel model;
    model.setRefreshInterval(0);
    QCOMPARE(model.open(path), QString());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    // A status change by another connection shows after a refresh, in place.
    writer.markSubmitting(a);
    writer.appendStatus(a, engine::JobState::Running, "emulating");
    model.refresh();
    QCOMPARE(reset.count(), 0);
    QVERIFY(changed.count() >= 1);
    QCOMPARE(cell(model, 0, JobTableModel::StatusColumn), QStringLiteral("Running"));
    QCOMPARE(model.data(model.index(0, JobTableModel::StatusColumn), Qt::ToolTipRole).toString(),
             QStringLiteral("emulating"));

    // A new job resets the rows.
    const std::int64_t b = writer.recordBeforeSubmit(draft("local:ideal", {}));
    model.refresh();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOf(b), 0);

    // The timer refreshes on its own.
    writer.appendStatus(a, engine::JobState::Completed);
    model.setRefreshInterval(20);
    QTRY_COMPARE(cell(model, model.rowOf(a), JobTableModel::StatusColumn), QStringLiteral("Completed"));
    model.setRefreshInterval(0);

    // A removed job disappears.
    QVERIFY(writer.remove(a));
    model.refresh();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowOf(a), -1);
    QVERIFY(model.record(1) == nullptr);
}

void TstJobTableModel::elapsedAndDurations()
{
    engine::JobRecord r;
    r.createdAt = "2026-09-01T10:00:00.000Z";
    r.status = engine::JobState::Running;
    r.history = {{engine::JobState::Recorded, r.createdAt, {}, {}},
                 {engine::JobState::Running, "2026-09-01T10:00:10.000Z", {}, {}}};
    const QDateTime now = QDateTime::fromString(QStringLiteral("2026-09-01T10:01:05.500Z"), Qt::ISODateWithMs);
    QCOMPARE(JobTableModel::elapsedSeconds(r, now).value_or(-1.0), 65.5);
    // Terminal: up to the first terminal entry, not to now and not to a later correction.
    r.history.push_back({engine::JobState::Completed, "2026-09-01T10:00:42.250Z", {}, {}});
    r.history.push_back({engine::JobState::Failed, "2026-09-01T10:30:00.000Z", "correction", {}});
    r.status = engine::JobState::Failed;
    QCOMPARE(JobTableModel::elapsedSeconds(r, now).value_or(-1.0), 42.25);
    r.createdAt = "not a time";
    QVERIFY(!JobTableModel::elapsedSeconds(r, now));

    QCOMPARE(JobTableModel::durationText(4.34), QStringLiteral("4.3 s"));
    QCOMPARE(JobTableModel::durationText(42.0), QStringLiteral("42 s"));
    QCOMPARE(JobTableModel::durationText(185.0), QStringLiteral("3 min 5 s"));
    QCOMPARE(JobTableModel::durationText(7500.0), QStringLiteral("2 h 5 min"));
    QCOMPARE(JobTableModel::durationText(-1.0), QString());
}

void TstJobTableModel::statesHaveDistinctColours()
{
    const std::vector<engine::JobState> states{engine::JobState::Recorded, engine::JobState::Queued,
                                               engine::JobState::Running,  engine::JobState::Completed,
                                               engine::JobState::Failed,   engine::JobState::Cancelled,
                                               engine::JobState::Unknown};
    std::set<QRgb> colours;
    std::set<QString> names;
    for (engine::JobState state : states) {
        colours.insert(JobTableModel::stateColor(state).rgb());
        names.insert(JobTableModel::stateText(state));
        QCOMPARE(JobTableModel::stateText(state), QString::fromLatin1(engine::jobStateName(state)));
    }
    QCOMPARE(colours.size(), states.size());
    QCOMPARE(names.size(), states.size());
}

void TstJobTableModel::badStoreIsAMessage()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("not-a-store.sqlite"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    JobTableModel model;
    QVERIFY(!model.open(path).isEmpty());
    QVERIFY(!model.isOpen());
    QCOMPARE(model.rowCount(), 0);
    model.refresh();  // nothing to read: no crash, no rows
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TstJobTableModel)
#include "job_table_model.test.moc"
