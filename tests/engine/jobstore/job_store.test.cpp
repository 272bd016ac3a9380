// SPDX-License-Identifier: MIT
// Tests of the SQLite job store: round trips, status rules, queries, concurrency, crash safety, bad files.
#include "jobstore/job_store.h"

#include <QtTest>

#include "temp_files.h"
#include "test_support.h"

#include "core/error.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <numeric>
#include <random>
#include <memory>
#include <regex>
#include <set>
#include <thread>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using engine::ErrorCode;
using engine::JobDraft;
using engine::JobFilter;
using engine::JobProvider;
using engine::JobRecord;
using engine::JobState;
using engine::JobStore;
using engine::JobStoreOptions;
using nlohmann::json;
using Clock = std::chrono::system_clock;
using std::chrono::milliseconds;

namespace {

// A clock that starts at `start` and moves on by `step` at every reading (timestamps are exact and distinct).
struct SteppingClock {
    std::shared_ptr<std::atomic<std::int64_t>> ms;
    std::int64_t step;
    SteppingClock(Clock::time_point start, std::int64_t stepMs)
        : ms(std::make_shared<std::atomic<std::int64_t>>(
              std::chrono::duration_cast<milliseconds>(start.time_since_epoch()).count()))
        , step(stepMs)
    {
    }
    Clock::time_point operator()() const { return Clock::time_point(milliseconds(ms->fetch_add(step))); }
    void set(Clock::time_point t) const
    {
        ms->store(std::chrono::duration_cast<milliseconds>(t.time_since_epoch()).count());
    }
};

Clock::time_point utc(int y, unsigned m, unsigned d, int hh = 0, int mm = 0, int ss = 0, int ms = 0)
{
    using namespace std::chrono;
    return sys_days(year{y} / month{m} / day{d}) + hours(hh) + minutes(mm) + seconds(ss) + milliseconds(ms);
}

JobStoreOptions withClock(const SteppingClock& clock)
{
    JobStoreOptions options;
    options.clock = clock;
    return options;
}

JobDraft simpleDraft(const std::string& backend = "ibm_fez", JobProvider provider = JobProvider::Ibm)
{
    JobDraft draft;
    draft.provider = provider;
    draft.backend = backend;
    draft.parameters = {{"p", 1}, {"shots", 1000}};
    draft.qasm = {"OPENQASM 3.0;\nqubit[2] q;\n"};
    return draft;
}

struct Caught {
    bool thrown = false;
    ErrorCode code = ErrorCode::SolverFailure;
    std::string where;
    std::string detail;
};

template <class F>
Caught catchError(F&& call)
{
    Caught caught;
    try {
        call();
    } catch (const engine::Error& e) {
        caught.thrown = true;
        caught.code = e.code();
        caught.where = e.where();
        caught.detail = e.detail();
    }
    return caught;
}

#define EXPECT_ERROR(call, expectedCode)                                                                   \
    do {                                                                                                   \
        const Caught qaoa_caught = catchError([&] { call; });                                              \
        QVERIFY2(qaoa_caught.thrown, "no engine::Error from " #call);                                      \
        QCOMPARE(static_cast<int>(qaoa_caught.code), static_cast<int>(expectedCode));                      \
    } while (false)

// A 4-byte big-endian field of the SQLite file header (user_version at 60, application_id at 68).
std::uint32_t headerField(const std::string& path, std::size_t offset)
{
    const std::string bytes = test_support::readRaw(path);
    if (bytes.size() < offset + 4)
        return 0xFFFFFFFF;
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < 4; ++i)
        value = (value << 8) | static_cast<unsigned char>(bytes[offset + i]);
    return value;
}

void patchHeaderField(const std::string& path, std::size_t offset, std::uint32_t value)
{
    std::string bytes = test_support::readRaw(path);
    for (std::size_t i = 0; i < 4; ++i)
        bytes[offset + i] = static_cast<char>((value >> (8 * (3 - i))) & 0xFF);
    test_support::writeRaw(path, bytes);
}

std::vector<std::int64_t> idsOf(const std::vector<JobRecord>& records)
{
    std::vector<std::int64_t> ids;
    for (const auto& r : records)
        ids.push_back(r.localId);
    return ids;
}

// The deterministic content the crash test's child writes for job number k.
json crashResults(int k)
{
    json counts = json::object();
    for (int i = 0; i < 2000; ++i)
        counts[std::to_string(i * 7919 + k)] = i + k;
    return {{"k", k}, {"counts", counts}};
}

// Most tests run on tmpfs when there is one: with synchronous=FULL every commit is an fsync, which on a busy
// disk would make this file slow without testing anything more (a killed process loses no page cache either).
QString fastTemplate()
{
    const QFileInfo shm(QStringLiteral("/dev/shm"));
    if (shm.isDir() && shm.isWritable())
        return QStringLiteral("/dev/shm/tst_job_store-XXXXXX");
    return QDir::tempPath() + QStringLiteral("/tst_job_store-XXXXXX");
}

std::string lower(std::string text)
{
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

} // namespace

class TstJobStore : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir{fastTemplate()};
    QTemporaryDir m_diskDir;  // the real disk, fsync included

    std::string freshPath(const char* name) const { return (fs::path(m_dir.path().toStdString()) / name).string(); }
    std::string diskPath(const char* name) const
    {
        return (fs::path(m_diskDir.path().toStdString()) / name).string();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_diskDir.isValid());
    }

    void defaultPath_data()
    {
        QTest::addColumn<QString>("xdg");
        QTest::addColumn<QString>("home");
        QTest::addColumn<QString>("expected");
        QTest::newRow("xdg") << "/data/u" << "/home/u" << "/data/u/qaoa-workbench/jobs.sqlite";
        QTest::newRow("home") << "" << "/home/u" << "/home/u/.local/share/qaoa-workbench/jobs.sqlite";
        QTest::newRow("relative xdg ignored")
            << "rel/dir" << "/home/u" << "/home/u/.local/share/qaoa-workbench/jobs.sqlite";
        QTest::newRow("xdg without home") << "/x" << "" << "/x/qaoa-workbench/jobs.sqlite";
    }
    void defaultPath()
    {
        QFETCH(QString, xdg);
        QFETCH(QString, home);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(engine::defaultJobStorePath(xdg.toStdString(), home.toStdString())), expected);
    }
    void defaultPathNeedsAFolder()
    {
        EXPECT_ERROR(engine::defaultJobStorePath("", ""), ErrorCode::InvalidArgument);
        EXPECT_ERROR(engine::defaultJobStorePath("rel", "also/rel"), ErrorCode::InvalidArgument);
    }

    void timestamps()
    {
        QCOMPARE(engine::formatUtcTimestamp(Clock::time_point{}), std::string("1970-01-01T00:00:00.000Z"));
        QCOMPARE(engine::formatUtcTimestamp(utc(2026, 9, 1, 10, 15, 30, 412)), std::string("2026-09-01T10:15:30.412Z"));
        QCOMPARE(engine::formatUtcTimestamp(utc(2024, 2, 29, 23, 59, 59, 999)),
                 std::string("2024-02-29T23:59:59.999Z"));
        // Truncated, not rounded, to the millisecond.
        QCOMPARE(engine::formatUtcTimestamp(utc(2025, 12, 31, 23, 59, 59, 999) + std::chrono::microseconds(999)),
                 std::string("2025-12-31T23:59:59.999Z"));
        EXPECT_ERROR(engine::formatUtcTimestamp(utc(1969, 12, 31, 23, 59, 59)), ErrorCode::InvalidArgument);
        EXPECT_ERROR(engine::formatUtcTimestamp(utc(10000, 1, 1)), ErrorCode::InvalidArgument);
    }

    void names()
    {
        for (JobState s : {JobState::Recorded, JobState::Submitting, JobState::Queued, JobState::Running,
                            JobState::Completed, JobState::Failed, JobState::Cancelled, JobState::Unknown}) {
            QCOMPARE(engine::jobStateFromName(engine::jobStateName(s)), s);
            QCOMPARE(engine::jobStateFromName(lower(engine::jobStateName(s))), s);
            const bool terminal = s == JobState::Completed || s == JobState::Failed || s == JobState::Cancelled;
            QCOMPARE(engine::isTerminalState(s), terminal);
            QCOMPARE(engine::isUnfinishedState(s), !terminal);
        }
        QCOMPARE(engine::jobStateFromName("QUEUED"), JobState::Queued);
        EXPECT_ERROR(engine::jobStateFromName("Done"), ErrorCode::InvalidArgument);
        QCOMPARE(engine::jobProviderFromName("ibm"), JobProvider::Ibm);
        QCOMPARE(engine::jobProviderFromName("local"), JobProvider::Local);
        QCOMPARE(std::string(engine::jobProviderName(JobProvider::Local)), std::string("local"));
        EXPECT_ERROR(engine::jobProviderFromName("aws"), ErrorCode::InvalidArgument);
    }

    void createsFileFolderAndSchema()
    {
        const std::string path = freshPath("nested/deeper/jobs.sqlite");
        {
            JobStore store(path);
            QCOMPARE(store.path(), path);
            QVERIFY(fs::exists(path));
            QCOMPARE(store.integrityCheck(), std::vector<std::string>{"ok"});
            QCOMPARE(store.count(), std::size_t{0});
        }
        // Closing the last connection checkpoints the WAL: the header is in the main file now.
        QCOMPARE(headerField(path, 60), std::uint32_t(engine::JOB_STORE_SCHEMA_VERSION));
        QCOMPARE(headerField(path, 68), std::uint32_t(engine::JOB_STORE_APPLICATION_ID));
        const std::string bytes = test_support::readRaw(path);
        QCOMPARE(bytes.substr(0, 16), std::string("SQLite format 3\0", 16));
        QCOMPARE(int(bytes[18]), 2);  // file format read/write version 2 = WAL
        QCOMPARE(int(bytes[19]), 2);
        // Reopening an up-to-date file changes nothing.
        JobStore again(path);
        QCOMPARE(again.count(), std::size_t{0});
    }

    void roundTripOfEveryField()
    {
        const SteppingClock clock(utc(2026, 3, 4, 5, 6, 7, 8), 1);
        const std::string path = freshPath("roundtrip.sqlite");
        JobDraft draft;
        draft.provider = JobProvider::Ibm;
        draft.backend = "ibm_kingston";
        draft.clientTag = "qwb-roundtrip-0001";
        draft.instance = {{"kind", "graph"}, {"name", "ring Ω 8"}, {"edges", {{0, 1, 1.5}, {1, 2, -0.25}}}};
        draft.parameters = {{"p", 2}, {"gamma", {0.1234567890123456789, -2.5e-17}}, {"beta", {0.3, 0.7}},
                            {"shots", 4096}, {"options", {{"twirling", true}, {"dd", nullptr}}}};
        draft.qasm = {"OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[3] q;\nrzz(0.5) q[0], q[1];\n",
                      std::string("OPENQASM 3.0;\n// second PUB with a NUL ").append(1, '\0').append(" byte\n"), ""};
        draft.calibration = {{"backend_name", "ibm_kingston"}, {"qubits", json::array({json::array(), json::array()})}};
        draft.sessionId = "9f1c7b7e-1111-4222-8333-444455556666";
        json results = {{"results", {{{"data", {{"c", {{"samples", json::array()}}}}}}}}};
        for (int i = 0; i < 20000; ++i)
            results["results"][0]["data"]["c"]["samples"].push_back("0x" + std::to_string(i % 8));
        const json analysis = {{"approximationRatio", 0.8125}, {"notes", "ok"}};

        std::int64_t id = 0;
        {
            JobStore store(path, withClock(clock));
            id = store.recordBeforeSubmit(draft);
            QVERIFY(id > 0);
            store.markSubmitting(id);
            store.attachRemoteId(id, "d1abcdefghijklmnopq0");
            QVERIFY(store.appendStatus(id, JobState::Queued));
            QVERIFY(store.appendStatus(id, JobState::Running, "started", ""));
            QVERIFY(store.appendStatus(id, JobState::Completed, "done", "0"));
            store.setUsage(id, 3.0, true, utc(2026, 3, 4, 5, 7, 0, 0));
            store.storeResults(id, results);
            store.setErrorText(id, "no error, just text");
            store.setAnalysis(id, analysis);
        }
        JobStore store(path);  // reopened: everything came from the file
        const auto record = store.get(id);
        QVERIFY(record.has_value());
        QCOMPARE(record->localId, id);
        QCOMPARE(record->remoteId, std::string("d1abcdefghijklmnopq0"));
        QCOMPARE(record->provider, JobProvider::Ibm);
        QCOMPARE(record->backend, draft.backend);
        QCOMPARE(record->status, JobState::Completed);
        QCOMPARE(record->clientTag, draft.clientTag);
        QVERIFY(record->instance == draft.instance);
        QVERIFY(record->parameters == draft.parameters);
        QCOMPARE(record->parameters["gamma"][0].get<double>(), 0.1234567890123456789);  // bit-exact double
        QCOMPARE(record->qasm, draft.qasm);
        QVERIFY(record->calibration == draft.calibration);
        QCOMPARE(record->sessionId, draft.sessionId);
        QVERIFY(record->usage.has_value());
        QCOMPARE(record->usage->qpuSeconds, 3.0);
        QVERIFY(record->usage->final);
        QCOMPARE(record->usage->chargedAt, std::string("2026-03-04T05:07:00.000Z"));
        QVERIFY(record->results == results);
        QCOMPARE(record->errorText, std::string("no error, just text"));
        QVERIFY(record->analysis == analysis);
        QCOMPARE(record->createdAt, std::string("2026-03-04T05:06:07.008Z"));
        QVERIFY(record->updatedAt > record->createdAt);
        QCOMPARE(record->history.size(), std::size_t{5});
        QCOMPARE(record->history[4].detail, std::string("done"));
        QCOMPARE(record->history[4].reasonCode, std::string("0"));

        const auto byRemote = store.findByRemoteId("d1abcdefghijklmnopq0");
        const auto byTag = store.findByTag("qwb-roundtrip-0001");
        QVERIFY(byRemote && byTag);
        QCOMPARE(byRemote->localId, id);
        QCOMPARE(byTag->localId, id);
        QVERIFY(byTag->results == results);
        QVERIFY(!store.get(id + 1000));
        QVERIFY(!store.findByRemoteId("nope"));
        QVERIFY(!store.findByTag("nope"));

        // A fresh job has null JSON fields, no usage, no remote id.
        const std::int64_t bare = store.recordBeforeSubmit(simpleDraft());
        const auto fresh = store.get(bare);
        QVERIFY(fresh->remoteId.empty());
        QVERIFY(!fresh->usage);
        QVERIFY(fresh->results.is_null());
        QVERIFY(fresh->analysis.is_null());
        QVERIFY(fresh->instance.is_null());
        QVERIFY(fresh->errorText.empty());
        QCOMPARE(fresh->status, JobState::Recorded);
        QCOMPARE(fresh->createdAt, fresh->updatedAt);
        // A generated client tag: unique, within IBM's 86 characters.
        const std::int64_t bare2 = store.recordBeforeSubmit(simpleDraft());
        QVERIFY(!fresh->clientTag.empty());
        QVERIFY(fresh->clientTag.size() <= engine::MAX_CLIENT_TAG_CHARS);
        QVERIFY(store.get(bare2)->clientTag != fresh->clientTag);
    }

    void statusHistoryOrderAndTimestamps()
    {
        const SteppingClock clock(utc(2026, 1, 31, 23, 59, 59, 998), 1);
        const std::string path = freshPath("history.sqlite");
        JobStore store(path, withClock(clock));
        const std::int64_t id = store.recordBeforeSubmit(simpleDraft());
        store.markSubmitting(id);
        store.markSubmitting(id);  // no-op
        QVERIFY(store.appendStatus(id, JobState::Queued, "accepted", ""));
        QVERIFY(!store.appendStatus(id, JobState::Queued, "again", ""));  // unchanged: no row
        QVERIFY(store.appendStatus(id, JobState::Running));
        QVERIFY(store.appendStatus(id, JobState::Failed, "ISA error", "1517"));
        const auto record = store.get(id);
        const std::vector<JobState> expected = {JobState::Recorded, JobState::Submitting, JobState::Queued,
                                                 JobState::Running, JobState::Failed};
        QCOMPARE(record->history.size(), expected.size());
        // Every clock reading is one ms later; each change reads the clock once.
        const std::vector<std::string> times = {"2026-01-31T23:59:59.998Z", "2026-01-31T23:59:59.999Z",
                                                "2026-02-01T00:00:00.000Z", "2026-02-01T00:00:00.001Z",
                                                "2026-02-01T00:00:00.002Z"};
        for (std::size_t i = 0; i < expected.size(); ++i) {
            QCOMPARE(record->history[i].status, expected[i]);
            QCOMPARE(record->history[i].at, times[i]);
        }
        QCOMPARE(record->history[2].detail, std::string("accepted"));
        QCOMPARE(record->history[4].detail, std::string("ISA error"));
        QCOMPARE(record->history[4].reasonCode, std::string("1517"));
        QCOMPARE(record->status, JobState::Failed);
        QCOMPARE(record->createdAt, times[0]);
        QCOMPARE(record->updatedAt, times[4]);

        // With the real clock: the format, and times inside the window of the calls, in order.
        JobStore real(path);
        const std::string before = engine::formatUtcTimestamp(Clock::now());
        const std::int64_t live = real.recordBeforeSubmit(simpleDraft());
        real.appendStatus(live, JobState::Queued);
        real.appendStatus(live, JobState::Running);
        const std::string after = engine::formatUtcTimestamp(Clock::now());
        const std::regex iso(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)");
        const auto liveRecord = real.get(live);
        for (std::size_t i = 0; i < liveRecord->history.size(); ++i) {
            const std::string& at = liveRecord->history[i].at;
            QVERIFY2(std::regex_match(at, iso), at.c_str());
            QVERIFY(at >= before && at <= after);
            if (i > 0)
                QVERIFY(at >= liveRecord->history[i - 1].at);
        }
    }

    void terminalStatusesAreImmutable_data()
    {
        QTest::addColumn<int>("terminal");
        QTest::newRow("Completed") << int(JobState::Completed);
        QTest::newRow("Failed") << int(JobState::Failed);
        QTest::newRow("Cancelled") << int(JobState::Cancelled);
    }
    void terminalStatusesAreImmutable()
    {
        QFETCH(int, terminal);
        const auto final = static_cast<JobState>(terminal);
        JobStore store(freshPath("terminal.sqlite"));
        const std::int64_t id = store.recordBeforeSubmit(simpleDraft());
        store.appendStatus(id, JobState::Queued);
        store.appendStatus(id, final);
        for (JobState other : {JobState::Recorded, JobState::Queued, JobState::Running, JobState::Completed,
                                JobState::Failed, JobState::Cancelled, JobState::Unknown}) {
            if (other == final)
                continue;
            const Caught caught = catchError([&] { store.appendStatus(id, other); });
            QVERIFY(caught.thrown);
            QCOMPARE(caught.code, ErrorCode::InvalidArgument);
            QVERIFY(caught.where.find(":jobs/" + std::to_string(id)) != std::string::npos);
        }
        EXPECT_ERROR(store.markSubmitting(id), ErrorCode::InvalidArgument);
        QCOMPARE(store.get(id)->history.size(), std::size_t{3});
        QVERIFY(!store.appendStatus(id, final));  // the same terminal status: a no-op, not an error
        // An explicit correction goes through and is recorded.
        const JobState corrected = final == JobState::Completed ? JobState::Failed : JobState::Completed;
        QVERIFY(store.appendStatus(id, corrected, "provider corrected the state", "", true));
        const auto record = store.get(id);
        QCOMPARE(record->status, corrected);
        QCOMPARE(record->history.size(), std::size_t{4});
        QCOMPARE(record->history.back().detail, std::string("provider corrected the state"));
    }

    void submissionRules()
    {
        JobStore store(freshPath("submission.sqlite"));
        const std::int64_t id = store.recordBeforeSubmit(simpleDraft());
        store.markSubmitting(id);
        store.appendStatus(id, JobState::Unknown, "timeout after send");
        store.markSubmitting(id);  // resubmission after an unknown outcome
        QCOMPARE(store.get(id)->status, JobState::Submitting);
        store.appendStatus(id, JobState::Queued);
        EXPECT_ERROR(store.markSubmitting(id), ErrorCode::InvalidArgument);
        EXPECT_ERROR(store.markSubmitting(id + 99), ErrorCode::InvalidArgument);
        EXPECT_ERROR(store.appendStatus(id + 99, JobState::Queued), ErrorCode::InvalidArgument);
        EXPECT_ERROR(store.setAnalysis(id + 99, json::object()), ErrorCode::InvalidArgument);
        EXPECT_ERROR(store.storeResults(id + 99, json::object()), ErrorCode::InvalidArgument);
        EXPECT_ERROR(store.setUsage(id + 99, 1.0, false), ErrorCode::InvalidArgument);
        EXPECT_ERROR(store.recordBeforeSubmit(simpleDraft("")), ErrorCode::InvalidArgument);
        JobDraft longTag = simpleDraft();
        longTag.clientTag = std::string(87, 't');
        EXPECT_ERROR(store.recordBeforeSubmit(longTag), ErrorCode::InvalidArgument);
        JobDraft badTag = simpleDraft();
        badTag.clientTag = "tab\there";
        EXPECT_ERROR(store.recordBeforeSubmit(badTag), ErrorCode::InvalidArgument);
    }

    void uniqueRemoteIdsAndTags()
    {
        JobStore store(freshPath("unique.sqlite"));
        const std::int64_t a = store.recordBeforeSubmit(simpleDraft());
        const std::int64_t b = store.recordBeforeSubmit(simpleDraft());
        store.attachRemoteId(a, "job-a");
        store.attachRemoteId(a, "job-a");  // the same again: no-op
        const Caught taken = catchError([&] { store.attachRemoteId(b, "job-a"); });
        QVERIFY(taken.thrown);
        QCOMPARE(taken.code, ErrorCode::InvalidArgument);
        QVERIFY(taken.detail.find("already belongs to job " + std::to_string(a)) != std::string::npos);
        EXPECT_ERROR(store.attachRemoteId(a, "job-other"), ErrorCode::InvalidArgument);
        EXPECT_ERROR(store.attachRemoteId(b, ""), ErrorCode::InvalidArgument);
        EXPECT_ERROR(store.attachRemoteId(b, "line\nbreak"), ErrorCode::InvalidArgument);
        QVERIFY(store.get(b)->remoteId.empty());
        store.attachRemoteId(b, "local:0001");
        QCOMPARE(store.findByRemoteId("local:0001")->localId, b);
        QCOMPARE(store.findByRemoteId("job-a")->localId, a);

        JobDraft tagged = simpleDraft();
        tagged.clientTag = "qwb-fixed";
        const std::int64_t c = store.recordBeforeSubmit(tagged);
        const Caught duplicate = catchError([&] { store.recordBeforeSubmit(tagged); });
        QVERIFY(duplicate.thrown);
        QCOMPARE(duplicate.code, ErrorCode::InvalidArgument);
        QVERIFY(duplicate.detail.find("job " + std::to_string(c)) != std::string::npos);
        QCOMPARE(store.count(), std::size_t{3});  // the refused insert left nothing behind
    }

    void usageRules()
    {
        JobStore store(freshPath("usage-rules.sqlite"));
        const std::int64_t id = store.recordBeforeSubmit(simpleDraft());
        EXPECT_ERROR(store.setUsage(id, -1.0, false), ErrorCode::InvalidArgument);
        EXPECT_ERROR(store.setUsage(id, std::numeric_limits<double>::infinity(), false), ErrorCode::InvalidArgument);
        store.setUsage(id, 2.5, false);  // an estimate at submission
        QCOMPARE(store.get(id)->usage->qpuSeconds, 2.5);
        QVERIFY(!store.get(id)->usage->final);
        store.setUsage(id, 3.0, true);
        EXPECT_ERROR(store.setUsage(id, 1.0, false), ErrorCode::InvalidArgument);
        QCOMPARE(store.get(id)->usage->qpuSeconds, 3.0);
        store.setUsage(id, 4.0, true);  // a corrected final value
        QCOMPARE(store.get(id)->usage->qpuSeconds, 4.0);
    }

    void resultSizeLimit()
    {
        QCOMPARE(engine::MAX_RESULTS_BYTES, std::size_t{256} << 20);
        JobStoreOptions options;
        options.maxResultsBytes = 1000;
        options.maxFieldBytes = 500;
        const std::string path = freshPath("limits.sqlite");
        JobStore store(path, options);
        const std::int64_t id = store.recordBeforeSubmit(simpleDraft());
        const json fits = std::string(998, 'x');  // 1000 bytes with the quotes
        store.storeResults(id, fits);
        const Caught tooBig = catchError([&] { store.storeResults(id, std::string(999, 'y')); });
        QVERIFY(tooBig.thrown);
        QCOMPARE(tooBig.code, ErrorCode::LimitExceeded);
        QCOMPARE(tooBig.where, std::string("results"));
        QVERIFY(tooBig.detail.find("1001") != std::string::npos);
        QVERIFY(store.get(id)->results == fits);  // the refused write changed nothing
        EXPECT_ERROR(store.setAnalysis(id, std::string(600, 'a')), ErrorCode::LimitExceeded);
        JobDraft big = simpleDraft();
        big.qasm = {std::string(300, 'q'), std::string(300, 'q')};
        EXPECT_ERROR(store.recordBeforeSubmit(big), ErrorCode::LimitExceeded);
        big = simpleDraft();
        big.calibration = std::string(600, 'c');
        EXPECT_ERROR(store.recordBeforeSubmit(big), ErrorCode::LimitExceeded);
        QCOMPARE(store.count(), std::size_t{1});

        // Reading is bounded too: a store opened with a smaller limit refuses the stored text before copying it.
        JobStoreOptions smaller;
        smaller.maxResultsBytes = 100;
        JobStore reader(path, smaller);
        const Caught readTooBig = catchError([&] { reader.get(id); });
        QVERIFY(readTooBig.thrown);
        QCOMPARE(readTooBig.code, ErrorCode::LimitExceeded);
        QCOMPARE(readTooBig.where, path + ":jobs/" + std::to_string(id) + "/results_json");
        QCOMPARE(reader.list().size(), std::size_t{1});  // a listing without payload still works

        // A few MB of results with the default limits.
        JobStore plain(freshPath("large-results.sqlite"));
        const std::int64_t large = plain.recordBeforeSubmit(simpleDraft());
        json many = json::array();
        for (int i = 0; i < 200000; ++i)
            many.push_back(i * 3);
        plain.storeResults(large, many);
        QVERIFY(plain.get(large)->results == many);
    }

    void listFiltersMatchReference()
    {
        const SteppingClock clock(utc(2026, 1, 1), 1);
        JobStore store(freshPath("list.sqlite"), withClock(clock));
        const char* backends[] = {"ibm_fez", "ibm_torino", "local:fez", "ibm_kingston"};
        const JobState statuses[] = {JobState::Recorded, JobState::Queued, JobState::Running,
                                      JobState::Completed, JobState::Failed, JobState::Unknown};
        std::mt19937 rng(20260101);
        for (int i = 0; i < 60; ++i) {
            // Creation times jump around (not in id order), some equal, to exercise the ordering.
            clock.set(utc(2026, 1 + unsigned(rng() % 3), 1 + unsigned(rng() % 28), int(rng() % 24), 0, 0,
                          int(rng() % 2)));
            const std::string backend = backends[rng() % 4];
            const bool local = backend.rfind("local:", 0) == 0;
            JobDraft draft = simpleDraft(backend, local ? JobProvider::Local : JobProvider::Ibm);
            draft.sessionId = i % 5 == 0 ? "sess_A%" : "";
            const std::int64_t id = store.recordBeforeSubmit(draft);
            const JobState status = statuses[rng() % 6];
            if (status != JobState::Recorded)
                store.appendStatus(id, status);
            if (i % 7 == 0)
                store.setErrorText(id, "Backend ibm_fez went Offline");
            if (i % 3 == 0)
                store.attachRemoteId(id, "remote_" + std::to_string(i));
        }
        std::vector<JobRecord> all;
        for (std::int64_t id = 1; id <= 60; ++id)
            all.push_back(*store.get(id));

        std::vector<JobFilter> filters(10);
        filters[1].provider = JobProvider::Local;
        filters[2].backend = "ibm_fez";
        filters[3].statuses = {JobState::Queued, JobState::Running};
        filters[4].createdFrom = utc(2026, 2, 1);
        filters[4].createdBefore = utc(2026, 3, 1);
        filters[5].text = "OFFLINE";    // case-insensitive, error text
        filters[6].text = "sess_A%";    // wildcards match literally
        filters[7].text = "_";          // only texts containing an underscore
        filters[8].limit = 7;
        filters[8].offset = 10;
        filters[9].provider = JobProvider::Ibm;
        filters[9].statuses = {JobState::Completed};
        filters[9].limit = 3;
        const auto contains = [](const std::string& haystack, const std::string& needle) {
            return lower(haystack).find(lower(needle)) != std::string::npos;
        };
        for (std::size_t f = 0; f < filters.size(); ++f) {
            const JobFilter& filter = filters[f];
            std::vector<JobRecord> expected;
            for (const auto& r : all) {
                if (filter.provider && r.provider != *filter.provider)
                    continue;
                if (!filter.backend.empty() && r.backend != filter.backend)
                    continue;
                if (!filter.statuses.empty() &&
                    std::find(filter.statuses.begin(), filter.statuses.end(), r.status) == filter.statuses.end())
                    continue;
                if (filter.createdFrom && r.createdAt < engine::formatUtcTimestamp(*filter.createdFrom))
                    continue;
                if (filter.createdBefore && r.createdAt >= engine::formatUtcTimestamp(*filter.createdBefore))
                    continue;
                if (!filter.text.empty() && !contains(r.remoteId, filter.text) && !contains(r.backend, filter.text) &&
                    !contains(r.clientTag, filter.text) && !contains(r.sessionId, filter.text) &&
                    !contains(r.errorText, filter.text))
                    continue;
                expected.push_back(r);
            }
            std::sort(expected.begin(), expected.end(), [](const JobRecord& x, const JobRecord& y) {
                return x.createdAt != y.createdAt ? x.createdAt > y.createdAt : x.localId > y.localId;
            });
            QCOMPARE(store.count(filter), expected.size());
            const std::size_t begin = std::min(filter.offset, expected.size());
            const std::size_t end = std::min(expected.size(), begin + filter.limit);
            const std::vector<JobRecord> page(expected.begin() + long(begin), expected.begin() + long(end));
            const auto listed = store.list(filter);
            QVERIFY2(idsOf(listed) == idsOf(page), qPrintable(QStringLiteral("filter %1").arg(f)));
            QVERIFY(f == 0 || f == 8 || listed.size() < all.size());  // every criterion narrows something
            for (const auto& r : listed) {
                QVERIFY(r.qasm.empty());  // no payload by default
                QVERIFY(r.results.is_null());
                QVERIFY(!r.history.empty());
                QVERIFY(r.parameters == all[std::size_t(r.localId - 1)].parameters);
            }
        }
        QVERIFY(!store.list(filters[6]).empty());
        JobFilter payload;
        payload.withPayload = true;
        payload.limit = 2;
        for (const auto& r : store.list(payload))
            QCOMPARE(r.qasm, simpleDraft().qasm);
        JobFilter tooMany;
        tooMany.limit = engine::MAX_JOB_LIST_LIMIT + 1;
        EXPECT_ERROR(store.list(tooMany), ErrorCode::InvalidArgument);
    }

    void unfinishedAfterRestart()
    {
        const SteppingClock clock(utc(2026, 5, 1), 1000);
        const std::string path = freshPath("restart.sqlite");
        std::vector<std::int64_t> expected;
        {
            JobStore store(path, withClock(clock));
            const JobState sequence[] = {JobState::Recorded,  JobState::Completed, JobState::Submitting,
                                          JobState::Queued,    JobState::Failed,    JobState::Running,
                                          JobState::Cancelled, JobState::Unknown};
            for (JobState status : sequence) {
                JobDraft draft = simpleDraft();
                draft.parameters["status"] = engine::jobStateName(status);
                const std::int64_t id = store.recordBeforeSubmit(draft);
                if (status != JobState::Recorded)
                    store.appendStatus(id, status);
                if (engine::isUnfinishedState(status))
                    expected.push_back(id);
            }
        }
        JobStore restarted(path);
        const auto pending = restarted.unfinished();
        QCOMPARE(idsOf(pending), expected);  // oldest first
        for (const auto& r : pending) {
            QVERIFY(engine::isUnfinishedState(r.status));
            QCOMPARE(r.parameters["status"].get<std::string>(), std::string(engine::jobStateName(r.status)));
            QCOMPARE(r.qasm, simpleDraft().qasm);  // with payload: enough to resubmit
        }
    }

    void removeDeletesJobAndHistory()
    {
        JobStore store(freshPath("remove.sqlite"));
        const std::int64_t a = store.recordBeforeSubmit(simpleDraft());
        const std::int64_t b = store.recordBeforeSubmit(simpleDraft());
        store.attachRemoteId(a, "gone");
        store.appendStatus(a, JobState::Queued);
        QVERIFY(store.remove(a));
        QVERIFY(!store.remove(a));
        QVERIFY(!store.get(a));
        QVERIFY(!store.findByRemoteId("gone"));
        QCOMPARE(store.count(), std::size_t{1});
        QCOMPARE(store.get(b)->history.size(), std::size_t{1});
        // The remote id is free again; local ids are never reused.
        const std::int64_t c = store.recordBeforeSubmit(simpleDraft());
        QVERIFY(c > b);
        store.attachRemoteId(c, "gone");
        QVERIFY(store.remove(b));
        QVERIFY(store.remove(c));
        QCOMPARE(store.count(), std::size_t{0});
        QVERIFY(store.recordBeforeSubmit(simpleDraft()) > c);
        QCOMPARE(store.integrityCheck(), std::vector<std::string>{"ok"});
    }

    void monthUsageSumsOnlyTheMonth()
    {
        JobStore store(freshPath("usage.sqlite"));
        struct Charge {
            Clock::time_point at;
            double seconds;
            bool final;
            JobProvider provider;
        };
        const std::vector<Charge> charges = {
            {utc(2026, 2, 28, 23, 59, 59, 999), 100.0, true, JobProvider::Ibm},  // last ms of February
            {utc(2026, 3, 1), 3.0, true, JobProvider::Ibm},                       // first ms of March
            {utc(2026, 3, 15, 12), 4.5, true, JobProvider::Ibm},
            {utc(2026, 3, 20), 2.25, false, JobProvider::Ibm},                    // pending charge
            {utc(2026, 3, 21), 7.0, true, JobProvider::Local},                    // emulator: not IBM time
            {utc(2026, 3, 31, 23, 59, 59, 999), 1.0, true, JobProvider::Ibm},
            {utc(2026, 4, 1), 50.0, true, JobProvider::Ibm},
            {utc(2025, 12, 31, 23), 8.0, true, JobProvider::Ibm},
            {utc(2026, 1, 1), 9.0, false, JobProvider::Ibm},
        };
        for (const auto& charge : charges) {
            const std::int64_t id = store.recordBeforeSubmit(
                simpleDraft(charge.provider == JobProvider::Ibm ? "ibm_fez" : "local:fez", charge.provider));
            store.setUsage(id, charge.seconds, charge.final, charge.at);
        }
        store.recordBeforeSubmit(simpleDraft());  // no usage at all: counts 0

        // Reference: decide the month from the calendar, independently of the timestamp text.
        for (const auto& [year, month] : std::vector<std::pair<int, unsigned>>{{2026, 3}, {2026, 2}, {2026, 4},
                                                                                {2025, 12}, {2026, 1}, {2026, 5}}) {
            for (JobProvider provider : {JobProvider::Ibm, JobProvider::Local}) {
                double finalSum = 0.0;
                double provisionalSum = 0.0;
                std::size_t provisionalJobs = 0;
                for (const auto& charge : charges) {
                    const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(charge.at)};
                    if (charge.provider != provider || int(ymd.year()) != year || unsigned(ymd.month()) != month)
                        continue;
                    (charge.final ? finalSum : provisionalSum) += charge.seconds;
                    provisionalJobs += charge.final ? 0 : 1;
                }
                const auto total = store.monthUsage(provider, year, int(month));
                QCOMPARE(total.finalSeconds, finalSum);
                QCOMPARE(total.provisionalSeconds, provisionalSum);
                QCOMPARE(total.provisionalJobs, provisionalJobs);
                QCOMPARE(store.monthUsageSeconds(provider, year, int(month)), finalSum + provisionalSum);
            }
        }
        QCOMPARE(store.monthUsage(JobProvider::Ibm, 2026, 3).finalSeconds, 8.5);
        QCOMPARE(store.monthUsageSeconds(JobProvider::Ibm, 2026, 3), 10.75);
        EXPECT_ERROR(store.monthUsage(JobProvider::Ibm, 2026, 13), ErrorCode::InvalidArgument);
        EXPECT_ERROR(store.monthUsage(JobProvider::Ibm, 2026, 0), ErrorCode::InvalidArgument);
        EXPECT_ERROR(store.monthUsage(JobProvider::Ibm, 1969, 5), ErrorCode::InvalidArgument);
    }

    void twoStoresOnOneFile()
    {
        const std::string path = freshPath("two.sqlite");
        JobStore gui(path);
        JobStore cli(path);
        const std::int64_t a = gui.recordBeforeSubmit(simpleDraft());
        QCOMPARE(cli.get(a)->status, JobState::Recorded);
        cli.markSubmitting(a);
        QCOMPARE(gui.get(a)->status, JobState::Submitting);
        const std::int64_t b = cli.recordBeforeSubmit(simpleDraft());
        QVERIFY(b != a);
        gui.attachRemoteId(b, "shared-remote");
        EXPECT_ERROR(cli.attachRemoteId(a, "shared-remote"), ErrorCode::InvalidArgument);
        gui.appendStatus(a, JobState::Completed);
        EXPECT_ERROR(cli.appendStatus(a, JobState::Running), ErrorCode::InvalidArgument);
        QCOMPARE(idsOf(cli.unfinished()), std::vector<std::int64_t>{b});
        QCOMPARE(gui.count(), cli.count());
    }

    void busyWriterGivesClearErrorAfterTimeout()
    {
        const std::string path = freshPath("busy.sqlite");
        JobStore holder(path);
        const std::int64_t id = holder.recordBeforeSubmit(simpleDraft());
        JobStoreOptions impatient;
        impatient.busyTimeoutMs = 50;
        JobStore other(path, impatient);
        Caught whileHeld;
        std::size_t seenWhileHeld = 0;
        // updateAnalysis keeps its write transaction open while the callback runs.
        holder.updateAnalysis(id, [&](json& analysis) {
            analysis = {{"held", true}};
            whileHeld = catchError([&] { other.recordBeforeSubmit(simpleDraft()); });
            seenWhileHeld = other.count();  // readers are not blocked by the writer (WAL)
        });
        QVERIFY(whileHeld.thrown);
        QCOMPARE(whileHeld.code, ErrorCode::Io);
        QCOMPARE(whileHeld.where, path);
        QVERIFY(whileHeld.detail.find("locked") != std::string::npos);
        QCOMPARE(seenWhileHeld, std::size_t{1});
        QVERIFY(other.get(id)->analysis == json({{"held", true}}));
        other.recordBeforeSubmit(simpleDraft());  // works once the lock is free
        // A callback that throws writes nothing.
        const Caught thrown = catchError([&] {
            holder.updateAnalysis(id, [](json& analysis) {
                analysis = "partial";
                throw engine::Error(ErrorCode::InvalidArgument, "changed my mind");
            });
        });
        QVERIFY(thrown.thrown);
        QVERIFY(holder.get(id)->analysis == json({{"held", true}}));
    }

    void concurrentWritersInThreads()
    {
        const std::string path = freshPath("threads.sqlite");
        std::int64_t counterJob = 0;
        {
            JobStore setup(path);
            counterJob = setup.recordBeforeSubmit(simpleDraft());
            setup.setAnalysis(counterJob, {{"count", 0}});
        }
        constexpr int THREADS = 2;
        constexpr int ROUNDS = 40;
        std::vector<std::string> failures(THREADS);
        std::vector<std::vector<std::int64_t>> inserted(THREADS);
        std::vector<std::thread> threads;
        for (int t = 0; t < THREADS; ++t) {
            threads.emplace_back([&, t] {
                try {
                    JobStore store(path);  // its own connection
                    for (int r = 0; r < ROUNDS; ++r) {
                        JobDraft draft = simpleDraft();
                        draft.parameters = {{"thread", t}, {"round", r}};
                        const std::int64_t id = store.recordBeforeSubmit(draft);
                        inserted[std::size_t(t)].push_back(id);
                        store.appendStatus(id, JobState::Queued);
                        store.updateAnalysis(counterJob, [&](json& a) {
                            a["count"] = a["count"].get<int>() + 1;
                            a["by" + std::to_string(t)].push_back(r);
                        });
                    }
                } catch (const std::exception& e) {
                    failures[std::size_t(t)] = e.what();
                }
            });
        }
        for (auto& thread : threads)
            thread.join();
        for (const auto& failure : failures)
            QVERIFY2(failure.empty(), failure.c_str());  // in particular no SQLITE_BUSY surfaced
        JobStore check(path);
        const json analysis = check.get(counterJob)->analysis;
        QCOMPARE(analysis["count"].get<int>(), THREADS * ROUNDS);  // no lost update
        std::set<std::int64_t> ids;
        for (int t = 0; t < THREADS; ++t) {
            std::vector<int> rounds = analysis["by" + std::to_string(t)].get<std::vector<int>>();
            std::vector<int> expectedRounds(ROUNDS);
            std::iota(expectedRounds.begin(), expectedRounds.end(), 0);
            QCOMPARE(rounds, expectedRounds);
            for (std::size_t r = 0; r < inserted[std::size_t(t)].size(); ++r) {
                const std::int64_t id = inserted[std::size_t(t)][r];
                ids.insert(id);
                const auto record = check.get(id);
                QCOMPARE(record->parameters["thread"].get<int>(), t);
                QCOMPARE(record->parameters["round"].get<int>(), int(r));
                QCOMPARE(record->status, JobState::Queued);
            }
        }
        QCOMPARE(ids.size(), std::size_t(THREADS * ROUNDS));
        QCOMPARE(check.count(), std::size_t(THREADS * ROUNDS + 1));
        QCOMPARE(check.integrityCheck(), std::vector<std::string>{"ok"});
    }

    void concurrentWritersInTwoProcesses()
    {
        const std::string path = diskPath("processes.sqlite");
        std::int64_t counterJob = 0;
        {
            JobStore setup(path);
            counterJob = setup.recordBeforeSubmit(simpleDraft());
            setup.setAnalysis(counterJob, {{"count", 0}});
        }
        constexpr int ROUNDS = 40;
        // Forked before either side opens the file: SQLite connections must not cross fork().
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        const auto work = [&](int side) {
            JobStore store(path);
            for (int r = 0; r < ROUNDS; ++r) {
                JobDraft draft = simpleDraft();
                draft.parameters = {{"side", side}, {"round", r}};
                store.recordBeforeSubmit(draft);
                store.updateAnalysis(counterJob, [](json& a) { a["count"] = a["count"].get<int>() + 1; });
            }
        };
        if (child == 0) {
            int code = 0;
            try {
                work(1);
            } catch (...) {
                code = 3;
            }
            ::_exit(code);
        }
        std::string failure;
        try {
            work(0);
        } catch (const std::exception& e) {
            failure = e.what();
        }
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY2(failure.empty(), failure.c_str());
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
        JobStore check(path);
        QCOMPARE(check.get(counterJob)->analysis["count"].get<int>(), 2 * ROUNDS);
        QCOMPARE(check.count(), std::size_t(2 * ROUNDS + 1));
        for (int side = 0; side < 2; ++side) {
            std::set<int> rounds;
            JobFilter all;
            all.limit = 1000;
            for (const auto& r : check.list(all))
                if (r.parameters.contains("side") && r.parameters["side"] == side)
                    rounds.insert(r.parameters["round"].get<int>());
            QCOMPARE(rounds.size(), std::size_t(ROUNDS));
        }
        QCOMPARE(check.integrityCheck(), std::vector<std::string>{"ok"});
    }

    void crashSafetyUnderSigkill()
    {
        const std::string path = diskPath("crash.sqlite");
        { JobStore create(path); }
        int pipeFds[2];
        QCOMPARE(::pipe(pipeFds), 0);
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            ::close(pipeFds[0]);
            try {
                JobStore store(path);
                for (int k = 0;; ++k) {  // runs until killed
                    JobDraft draft = simpleDraft();
                    draft.parameters = {{"k", k}};
                    draft.clientTag = "crash-" + std::to_string(k);
                    const std::int64_t id = store.recordBeforeSubmit(draft);
                    store.markSubmitting(id);
                    store.attachRemoteId(id, "remote-" + std::to_string(k));
                    store.appendStatus(id, JobState::Queued);
                    store.storeResults(id, crashResults(k));
                    store.appendStatus(id, JobState::Completed);
                    // Reported only after the last commit of this job returned.
                    const std::int64_t message[2] = {id, k};
                    if (::write(pipeFds[1], message, sizeof message) != sizeof message)
                        ::_exit(4);
                }
            } catch (...) {
                ::_exit(3);
            }
        }
        ::close(pipeFds[1]);
        std::map<std::int64_t, int> reported;
        while (reported.size() < 25) {
            std::int64_t message[2];
            const ssize_t got = ::read(pipeFds[0], message, sizeof message);
            if (got != sizeof message)
                break;
            reported[message[0]] = int(message[1]);
        }
        ::kill(child, SIGKILL);  // mid-way through the next job's writes
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        ::close(pipeFds[0]);
        QVERIFY2(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "the child ended before it was killed");
        QCOMPARE(reported.size(), std::size_t{25});

        JobStore reopened(path);
        QCOMPARE(reopened.integrityCheck(), std::vector<std::string>{"ok"});
        for (const auto& [id, k] : reported) {
            const auto record = reopened.get(id);
            QVERIFY(record.has_value());
            QCOMPARE(record->status, JobState::Completed);
            QCOMPARE(record->remoteId, "remote-" + std::to_string(k));
            QCOMPARE(record->history.size(), std::size_t{4});
            QVERIFY(record->results == crashResults(k));
        }
        // Jobs past the last report are whole up to some committed step, never half-written.
        JobFilter all;
        all.limit = 10000;
        all.withPayload = true;
        const auto records = reopened.list(all);
        QVERIFY(records.size() >= reported.size());
        for (const auto& record : records) {
            const int k = record.parameters["k"].get<int>();
            QCOMPARE(record.clientTag, "crash-" + std::to_string(k));
            QCOMPARE(record.status, record.history.back().status);
            QVERIFY(record.results.is_null() || record.results == crashResults(k));
        }
        // The reopened store is fully usable.
        const std::int64_t next = reopened.recordBeforeSubmit(simpleDraft());
        QVERIFY(next > reported.rbegin()->first);
    }

    void notAStoreFilesGiveClearErrors()
    {
        const std::string text = freshPath("not-sqlite.sqlite");
        test_support::writeRaw(text, std::string("this is not a database, just some text\n").append(5000, 'z'));
        const std::string before = test_support::readRaw(text);
        const Caught garbage = catchError([&] { JobStore store(text); });
        QVERIFY(garbage.thrown);
        QCOMPARE(garbage.code, ErrorCode::InvalidInput);
        QCOMPARE(garbage.where, text);
        QVERIFY(garbage.detail.find("not a SQLite database") != std::string::npos);
        QCOMPARE(test_support::readRaw(text), before);  // left untouched

        // Another program's SQLite file (a different application id).
        const std::string foreign = freshPath("foreign.sqlite");
        { JobStore store(foreign); }
        patchHeaderField(foreign, 68, 0x12345678);
        const Caught other = catchError([&] { JobStore store(foreign); });
        QVERIFY(other.thrown);
        QCOMPARE(other.code, ErrorCode::InvalidInput);
        QCOMPARE(other.where, foreign);
        QVERIFY(other.detail.find("another program") != std::string::npos);

        const Caught missing = catchError([&] {
            JobStoreOptions noCreate;
            noCreate.create = false;
            JobStore store(freshPath("missing/none.sqlite"), noCreate);
        });
        QVERIFY(missing.thrown);
        QCOMPARE(missing.code, ErrorCode::Io);
        EXPECT_ERROR(JobStore(m_dir.path().toStdString()), ErrorCode::Io);  // a folder
        EXPECT_ERROR(JobStore(""), ErrorCode::InvalidArgument);

        // An empty file is an empty database: it becomes a store.
        const std::string empty = freshPath("empty.sqlite");
        test_support::writeRaw(empty, "");
        JobStore fromEmpty(empty);
        QCOMPARE(fromEmpty.count(), std::size_t{0});
    }

    void corruptPagesGiveErrorsNotCrashes()
    {
        const std::string path = freshPath("corrupt.sqlite");
        {
            JobStore store(path);
            for (int i = 0; i < 40; ++i) {
                const std::int64_t id = store.recordBeforeSubmit(simpleDraft());
                store.storeResults(id, crashResults(i));
                store.appendStatus(id, JobState::Queued);
            }
        }
        std::string bytes = test_support::readRaw(path);
        QVERIFY(bytes.size() > 16 * 4096);
        // Scribble over everything past the first page (schema root and header stay readable).
        std::mt19937 rng(7);
        for (std::size_t i = 4096; i < bytes.size(); ++i)
            bytes[i] = static_cast<char>(rng() & 0xFF);
        test_support::writeRaw(path, bytes);

        bool detected = false;
        const Caught caught = catchError([&] {
            JobStore store(path);
            JobFilter all;
            all.limit = 1000;
            all.withPayload = true;
            store.list(all);
            for (std::int64_t id = 1; id <= 40; ++id)
                store.get(id);
            detected = store.integrityCheck() != std::vector<std::string>{"ok"};
        });
        QVERIFY(caught.thrown || detected);
        if (caught.thrown) {
            QCOMPARE(caught.code, ErrorCode::InvalidInput);
            QVERIFY(caught.where.rfind(path, 0) == 0);
        }
    }

    void newerSchemaIsRefused()
    {
        const std::string path = freshPath("newer.sqlite");
        { JobStore store(path); store.recordBeforeSubmit(simpleDraft()); }
        patchHeaderField(path, 60, engine::JOB_STORE_SCHEMA_VERSION + 1);
        const std::string before = test_support::readRaw(path);
        const Caught newer = catchError([&] { JobStore store(path); });
        QVERIFY(newer.thrown);
        QCOMPARE(newer.code, ErrorCode::InvalidInput);
        QCOMPARE(newer.where, path);
        QVERIFY(newer.detail.find("newer") != std::string::npos);
        QVERIFY(newer.detail.find(std::to_string(engine::JOB_STORE_SCHEMA_VERSION + 1)) != std::string::npos);
        QCOMPARE(test_support::readRaw(path), before);  // not migrated, not touched
        // Back at the known version it opens again with its data.
        patchHeaderField(path, 60, engine::JOB_STORE_SCHEMA_VERSION);
        QCOMPARE(JobStore(path).count(), std::size_t{1});
    }
};

QTEST_APPLESS_MAIN(TstJobStore)
#include "job_store.test.moc"
