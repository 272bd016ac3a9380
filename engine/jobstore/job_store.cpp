// SPDX-License-Identifier: MIT
// The durable job store over SQLite: schema and migrations, crash-safe transactions, queries.
#include "jobstore/job_store.h"

#include "core/error.h"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <random>
#include <system_error>
#include <utility>
#include <variant>

namespace engine {

namespace {

constexpr std::size_t MAX_REMOTE_ID_CHARS = 256;
constexpr std::size_t MAX_STATUS_TEXT_BYTES = std::size_t{1} << 20;  // detail and reason code of one change

// Version 0 -> 1: the first schema. Columns are ordered small to large so that a listing without payload
// stops before the overflow pages of the big texts.
constexpr const char* MIGRATION_1 = R"sql(
CREATE TABLE jobs (
  local_id INTEGER PRIMARY KEY AUTOINCREMENT,
  remote_id TEXT UNIQUE,
  provider TEXT NOT NULL CHECK (provider IN ('ibm', 'local')),
  backend TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  client_tag TEXT NOT NULL UNIQUE,
  session_id TEXT NOT NULL DEFAULT '',
  usage_seconds REAL,
  usage_final INTEGER,
  usage_charged_at TEXT,
  error_text TEXT NOT NULL DEFAULT '',
  parameters_json TEXT NOT NULL,
  analysis_json TEXT,
  instance_json TEXT NOT NULL,
  qasm_json TEXT NOT NULL,
  calibration_json TEXT NOT NULL,
  results_json TEXT
);
CREATE INDEX jobs_created ON jobs (created_at, local_id);
CREATE INDEX jobs_status ON jobs (status);
CREATE INDEX jobs_usage ON jobs (provider, usage_charged_at);
CREATE TABLE job_status_history (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  local_id INTEGER NOT NULL REFERENCES jobs (local_id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  at TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  reason_code TEXT NOT NULL DEFAULT ''
);
CREATE INDEX job_status_history_job ON job_status_history (local_id, seq);
)sql";

// MIGRATIONS[v] takes a file from schema version v to v + 1. Append here; never edit a released step.
constexpr const char* MIGRATIONS[] = {MIGRATION_1};
static_assert(std::size(MIGRATIONS) == JOB_STORE_SCHEMA_VERSION, "one migration per schema version");

// Columns of a listing without payload, then the payload columns; the readers below index into this order.
constexpr const char* LIGHT_COLUMNS =
    "local_id, remote_id, provider, backend, status, created_at, updated_at, client_tag, session_id, "
    "usage_seconds, usage_final, usage_charged_at, error_text, parameters_json, analysis_json";
constexpr const char* PAYLOAD_COLUMNS = ", instance_json, qasm_json, calibration_json, results_json";

constexpr const JobState ALL_STATUSES[] = {JobState::Recorded, JobState::Submitting, JobState::Queued,
                                            JobState::Running,  JobState::Completed,  JobState::Failed,
                                            JobState::Cancelled, JobState::Unknown};

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

bool hasControlCharacter(std::string_view text)
{
    return std::any_of(text.begin(), text.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
    });
}

std::string hexOf(std::int64_t value)
{
    char text[32];
    std::snprintf(text, sizeof text, "0x%08llX", static_cast<unsigned long long>(value) & 0xFFFFFFFFull);
    return text;
}

// "YYYY-MM-01T00:00:00.000Z" of a month given as an absolute month count (year * 12 + month - 1).
std::string monthStart(int absoluteMonth)
{
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02d-01T00:00:00.000Z", absoluteMonth / 12, absoluteMonth % 12 + 1);
    return text;
}

std::string makeClientTag()
{
    // NOTE: random_device, not a seeded engine: tags from different machines and runs must not collide.
    std::random_device device;
    std::string tag = "qwb-";
    static constexpr char HEX[] = "0123456789abcdef";
    for (int word = 0; word < 4; ++word) {
        std::uint32_t bits = device();
        for (int nibble = 0; nibble < 8; ++nibble, bits >>= 4)
            tag += HEX[bits & 0xF];
    }
    return tag;
}

using BindValue = std::variant<std::nullptr_t, std::int64_t, double, std::string>;

} // namespace

const char* jobStateName(JobState status) noexcept
{
    switch (status) {
    case JobState::Recorded: return "Recorded";
    case JobState::Submitting: return "Submitting";
    case JobState::Queued: return "Queued";
    case JobState::Running: return "Running";
    case JobState::Completed: return "Completed";
    case JobState::Failed: return "Failed";
    case JobState::Cancelled: return "Cancelled";
    case JobState::Unknown: return "Unknown";
    }
    return "Unknown";
}

JobState jobStateFromName(std::string_view name)
{
    for (JobState status : ALL_STATUSES)
        if (equalsIgnoringCase(name, jobStateName(status)))
            return status;
    throw Error(ErrorCode::InvalidArgument, std::string("unknown job status \"") + std::string(name) + "\"",
                "status");
}

bool isTerminalState(JobState status) noexcept
{
    return status == JobState::Completed || status == JobState::Failed || status == JobState::Cancelled;
}

bool isUnfinishedState(JobState status) noexcept
{
    return !isTerminalState(status);
}

const char* jobProviderName(JobProvider provider) noexcept
{
    return provider == JobProvider::Ibm ? "ibm" : "local";
}

JobProvider jobProviderFromName(std::string_view name)
{
    if (name == "ibm")
        return JobProvider::Ibm;
    if (name == "local")
        return JobProvider::Local;
    throw Error(ErrorCode::InvalidArgument, std::string("unknown job provider \"") + std::string(name) +
                                                "\" (expected \"ibm\" or \"local\")",
                "provider");
}

std::string formatUtcTimestamp(std::chrono::system_clock::time_point time)
{
    using namespace std::chrono;
    const auto ms = floor<milliseconds>(time);
    const auto day = floor<days>(ms);
    const year_month_day date{day};
    const hh_mm_ss<milliseconds> clock{ms - day};
    const int year = static_cast<int>(date.year());
    if (year < 1970 || year > 9999)
        throw Error(ErrorCode::InvalidArgument,
                    std::string("time outside the years 1970-9999 (year ") + std::to_string(year) + ")", "time");
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", year,
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                  static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
                  static_cast<int>(clock.seconds().count()), static_cast<int>(clock.subseconds().count()));
    return text;
}

std::string defaultJobStorePath(std::string_view xdgDataHome, std::string_view home)
{
    namespace fs = std::filesystem;
    const auto isAbsolute = [](std::string_view text) { return !text.empty() && fs::path(text).is_absolute(); };
    fs::path base;
    if (isAbsolute(xdgDataHome))
        base = fs::path(xdgDataHome);
    else if (isAbsolute(home))
        base = fs::path(home) / ".local" / "share";
    else
        throw Error(ErrorCode::InvalidArgument,
                    "neither XDG_DATA_HOME nor HOME names an absolute folder for the job store", "HOME");
    return (base / "qaoa-workbench" / "jobs.sqlite").string();
}

// ---------------------------------------------------------------------------------------------------------------

namespace detail {

// One open connection with its settings. JobStore::Impl is this type; it lives outside JobStore so that the
// file-local helpers below may name it (JobStore::Impl is private).
struct JobStoreConnection {
    std::string path;
    JobStoreOptions options;
    sqlite3* db = nullptr;

    ~JobStoreConnection()
    {
        if (db)
            sqlite3_close_v2(db);  // the last connection to close checkpoints the WAL into the main file
    }

    std::string fieldPlace(std::int64_t localId, const char* field) const
    {
        std::string place = path;
        place += ":jobs/";
        place += std::to_string(localId);
        place += '/';
        place += field;
        return place;
    }

    std::string jobPlace(std::int64_t localId) const
    {
        std::string place = path;
        place += ":jobs/";
        place += std::to_string(localId);
        return place;
    }

    // Turns a SQLite result code into the engine's error, always naming the file.
    [[noreturn]] void fail(int rc, const std::string& action) const
    {
        const char* message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        std::string detail = action;
        detail += ": ";
        detail += message ? message : sqlite3_errstr(rc);
        switch (rc & 0xFF) {
        case SQLITE_NOTADB:
            throw Error(ErrorCode::InvalidInput, std::string("not a SQLite database (") + detail + ")", path);
        case SQLITE_CORRUPT:
            throw Error(ErrorCode::InvalidInput,
                        std::string("the job store file is corrupt (") + detail +
                            "); restore a backup or move the file away",
                        path);
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            throw Error(ErrorCode::Io,
                        std::string("the job store is locked by another connection (waited up to ") +
                            std::to_string(options.busyTimeoutMs) + " ms; " + detail + ")",
                        path);
        case SQLITE_TOOBIG:
            throw Error(ErrorCode::LimitExceeded, detail, path);
        case SQLITE_CONSTRAINT:
        case SQLITE_MISMATCH:
        case SQLITE_RANGE:
            throw Error(ErrorCode::InvalidArgument, detail, path);
        default:
            throw Error(ErrorCode::Io, detail, path);
        }
    }

    void exec(const char* sql, const char* action)
    {
        char* message = nullptr;
        const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
        sqlite3_free(message);  // sqlite3_errmsg still holds the text for fail()
        if (rc != SQLITE_OK)
            fail(rc, action);
    }
};

} // namespace detail

struct JobStore::Impl : detail::JobStoreConnection {};

namespace {

using Connection = detail::JobStoreConnection;

// A prepared statement that finalises itself; every failure goes through Connection::fail.
class Statement {
public:
    Statement(const Connection& store, const std::string& sql) : m_store(store)
    {
        const int rc = sqlite3_prepare_v2(store.db, sql.c_str(), static_cast<int>(sql.size()), &m_stmt, nullptr);
        if (rc != SQLITE_OK)
            store.fail(rc, "preparing a query");
    }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement() { sqlite3_finalize(m_stmt); }

    Statement& bind(int index, const BindValue& value)
    {
        int rc = SQLITE_OK;
        if (std::holds_alternative<std::nullptr_t>(value))
            rc = sqlite3_bind_null(m_stmt, index);
        else if (const auto* i = std::get_if<std::int64_t>(&value))
            rc = sqlite3_bind_int64(m_stmt, index, *i);
        else if (const auto* d = std::get_if<double>(&value))
            rc = sqlite3_bind_double(m_stmt, index, *d);
        else {
            const auto& text = std::get<std::string>(value);
            rc = sqlite3_bind_text64(m_stmt, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
        }
        if (rc != SQLITE_OK)
            m_store.fail(rc, "binding a query value");
        return *this;
    }

    /// True while a row is available.
    bool step()
    {
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW)
            return true;
        if (rc == SQLITE_DONE)
            return false;
        m_store.fail(rc, "running a query");
    }

    void run()
    {
        while (step()) {
        }
    }

    bool isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }
    std::int64_t int64(int column) const { return sqlite3_column_int64(m_stmt, column); }
    double real(int column) const { return sqlite3_column_double(m_stmt, column); }

    // The text of a column, refusing more than `limit` bytes before copying (the file is input, too).
    std::string text(int column, std::size_t limit, const std::string& place) const
    {
        const unsigned char* data = sqlite3_column_text(m_stmt, column);
        const auto size = static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column));
        if (!data) {
            if (sqlite3_errcode(m_store.db) == SQLITE_NOMEM)
                m_store.fail(SQLITE_NOMEM, "reading a column");
            return {};
        }
        if (size > limit)
            throw Error(ErrorCode::LimitExceeded,
                        std::string("stored text of ") + std::to_string(size) + " bytes exceeds the limit of " +
                            std::to_string(limit) + " bytes",
                        place);
        return std::string(reinterpret_cast<const char*>(data), size);
    }

private:
    const Connection& m_store;
    sqlite3_stmt* m_stmt = nullptr;
};

// BEGIN IMMEDIATE takes the write lock up front (waiting up to the busy timeout): a deferred transaction that
// reads and then writes could instead fail at once with SQLITE_BUSY_SNAPSHOT when another connection wrote
// in between, which no timeout cures.
class WriteTransaction {
public:
    explicit WriteTransaction(Connection& store) : m_store(store)
    {
        m_store.exec("BEGIN IMMEDIATE", "starting a write transaction");
    }
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;
    ~WriteTransaction()
    {
        if (!m_done)
            sqlite3_exec(m_store.db, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    void commit()
    {
        m_store.exec("COMMIT", "committing a write transaction");
        m_done = true;
    }

private:
    Connection& m_store;
    bool m_done = false;
};

// One read snapshot for queries made of several statements (a job row and its history).
class ReadTransaction {
public:
    explicit ReadTransaction(Connection& store) : m_store(store)
    {
        m_store.exec("BEGIN DEFERRED", "starting a read transaction");
    }
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;
    ~ReadTransaction() { sqlite3_exec(m_store.db, "ROLLBACK", nullptr, nullptr, nullptr); }

private:
    Connection& m_store;
};

std::string dumpJson(const nlohmann::json& value, std::size_t limit, const char* field)
{
    if (value.is_discarded())
        throw Error(ErrorCode::InvalidArgument, "a discarded JSON value cannot be stored", field);
    std::string text;
    try {
        text = value.dump();
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorCode::InvalidArgument, std::string("JSON cannot be serialised: ") + e.what(), field);
    }
    if (text.size() > limit)
        throw Error(ErrorCode::LimitExceeded,
                    std::string("serialised JSON of ") + std::to_string(text.size()) +
                        " bytes exceeds the limit of " + std::to_string(limit) + " bytes",
                    field);
    return text;
}

nlohmann::json parseJson(const std::string& text, const std::string& place)
{
    nlohmann::json value = nlohmann::json::parse(text, nullptr, false);
    if (value.is_discarded())
        throw Error(ErrorCode::InvalidInput, "stored JSON is malformed", place);
    return value;
}

void checkText(std::string_view text, std::size_t limit, const char* field)
{
    if (text.size() > limit)
        throw Error(ErrorCode::LimitExceeded,
                    std::string("text of ") + std::to_string(text.size()) + " bytes exceeds the limit of " +
                        std::to_string(limit) + " bytes",
                    field);
}

// Escapes LIKE's wildcards so that the filter text matches literally (ESCAPE '\').
std::string likePattern(const std::string& text)
{
    std::string pattern = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\')
            pattern += '\\';
        pattern += c;
    }
    pattern += '%';
    return pattern;
}

} // namespace

namespace {

// Shared by the methods below; free functions over the connection keep the header free of SQLite.
std::string now(const Connection& store)
{
    return formatUtcTimestamp(store.options.clock ? store.options.clock() : std::chrono::system_clock::now());
}

// The current status of a job inside a transaction; throws InvalidArgument for an unknown id.
JobState currentStatus(const Connection& store, std::int64_t localId)
{
    Statement query(store, "SELECT status FROM jobs WHERE local_id = ?");
    query.bind(1, localId);
    if (!query.step())
        throw Error(ErrorCode::InvalidArgument, "no job with this local id", store.jobPlace(localId));
    const std::string name = query.text(0, 64, store.fieldPlace(localId, "status"));
    try {
        return jobStateFromName(name);
    } catch (const Error&) {
        throw Error(ErrorCode::InvalidInput, std::string("unknown stored status \"") + name + "\"",
                    store.fieldPlace(localId, "status"));
    }
}

void insertStatus(const Connection& store, std::int64_t localId, JobState status, const std::string& at,
                  const std::string& detail, const std::string& reasonCode)
{
    Statement history(store, "INSERT INTO job_status_history (local_id, status, at, detail, reason_code) "
                             "VALUES (?, ?, ?, ?, ?)");
    history.bind(1, localId).bind(2, std::string(jobStateName(status))).bind(3, at).bind(4, detail).bind(5, reasonCode);
    history.run();
    Statement job(store, "UPDATE jobs SET status = ?, updated_at = ? WHERE local_id = ?");
    job.bind(1, std::string(jobStateName(status))).bind(2, at).bind(3, localId);
    job.run();
}

// Sets one column of an existing job and its updated time, in a transaction of its own.
void setColumn(Connection& store, std::int64_t localId, const char* column, const BindValue& value)
{
    WriteTransaction transaction(store);
    currentStatus(store, localId);
    Statement update(store, std::string("UPDATE jobs SET ") + column + " = ?, updated_at = ? WHERE local_id = ?");
    update.bind(1, value).bind(2, now(store)).bind(3, localId);
    update.run();
    transaction.commit();
}

JobRecord readRecord(const Connection& store, const Statement& row, bool withPayload)
{
    JobRecord record;
    record.localId = row.int64(0);
    const std::int64_t id = record.localId;
    const std::size_t field = store.options.maxFieldBytes;
    if (!row.isNull(1))
        record.remoteId = row.text(1, MAX_REMOTE_ID_CHARS, store.fieldPlace(id, "remote_id"));
    try {
        record.provider = jobProviderFromName(row.text(2, 16, store.fieldPlace(id, "provider")));
        record.status = jobStateFromName(row.text(4, 64, store.fieldPlace(id, "status")));
    } catch (const Error& e) {
        if (e.code() != ErrorCode::InvalidArgument)
            throw;
        throw Error(ErrorCode::InvalidInput, e.detail(), store.jobPlace(id));
    }
    record.backend = row.text(3, field, store.fieldPlace(id, "backend"));
    record.createdAt = row.text(5, 64, store.fieldPlace(id, "created_at"));
    record.updatedAt = row.text(6, 64, store.fieldPlace(id, "updated_at"));
    record.clientTag = row.text(7, field, store.fieldPlace(id, "client_tag"));
    record.sessionId = row.text(8, field, store.fieldPlace(id, "session_id"));
    if (!row.isNull(9)) {
        JobUsage usage;
        usage.qpuSeconds = row.real(9);
        usage.final = row.int64(10) != 0;
        usage.chargedAt = row.text(11, 64, store.fieldPlace(id, "usage_charged_at"));
        record.usage = usage;
    }
    record.errorText = row.text(12, field, store.fieldPlace(id, "error_text"));
    record.parameters = parseJson(row.text(13, field, store.fieldPlace(id, "parameters_json")),
                                  store.fieldPlace(id, "parameters_json"));
    if (!row.isNull(14))
        record.analysis = parseJson(row.text(14, field, store.fieldPlace(id, "analysis_json")),
                                    store.fieldPlace(id, "analysis_json"));
    if (withPayload) {
        record.instance = parseJson(row.text(15, field, store.fieldPlace(id, "instance_json")),
                                    store.fieldPlace(id, "instance_json"));
        const std::string qasmPlace = store.fieldPlace(id, "qasm_json");
        const nlohmann::json qasm = parseJson(row.text(16, field, qasmPlace), qasmPlace);
        if (!qasm.is_array() || qasm.size() > MAX_CIRCUITS_PER_JOB)
            throw Error(ErrorCode::InvalidInput, "stored OpenQASM list is not an array of at most " +
                                                     std::to_string(MAX_CIRCUITS_PER_JOB) + " texts",
                        qasmPlace);
        record.qasm.reserve(qasm.size());
        for (const auto& text : qasm) {
            if (!text.is_string())
                throw Error(ErrorCode::InvalidInput, "stored OpenQASM entry is not a string", qasmPlace);
            record.qasm.push_back(text.get<std::string>());
        }
        record.calibration = parseJson(row.text(17, field, store.fieldPlace(id, "calibration_json")),
                                       store.fieldPlace(id, "calibration_json"));
        const std::string resultsPlace = store.fieldPlace(id, "results_json");
        if (!row.isNull(18))
            record.results = parseJson(row.text(18, store.options.maxResultsBytes, resultsPlace), resultsPlace);
    }

    Statement history(store, "SELECT status, at, detail, reason_code FROM job_status_history "
                             "WHERE local_id = ? ORDER BY seq");
    history.bind(1, id);
    const std::string historyPlace = store.fieldPlace(id, "history");
    while (history.step()) {
        JobStateChange change;
        const std::string name = history.text(0, 64, historyPlace);
        try {
            change.status = jobStateFromName(name);
        } catch (const Error&) {
            throw Error(ErrorCode::InvalidInput, std::string("unknown stored status \"") + name + "\"", historyPlace);
        }
        change.at = history.text(1, 64, historyPlace);
        change.detail = history.text(2, MAX_STATUS_TEXT_BYTES, historyPlace);
        change.reasonCode = history.text(3, MAX_STATUS_TEXT_BYTES, historyPlace);
        record.history.push_back(std::move(change));
    }
    return record;
}

std::string selectColumns(bool withPayload)
{
    std::string columns = LIGHT_COLUMNS;
    if (withPayload)
        columns += PAYLOAD_COLUMNS;
    return columns;
}

std::optional<JobRecord> findOne(Connection& store, const char* where, const BindValue& value)
{
    ReadTransaction snapshot(store);
    Statement query(store, "SELECT " + selectColumns(true) + " FROM jobs WHERE " + where);
    query.bind(1, value);
    if (!query.step())
        return std::nullopt;
    return readRecord(store, query, true);
}

// The WHERE clause of a filter (without limit and offset) and its values in order.
std::string filterClause(const JobFilter& filter, std::vector<BindValue>& values)
{
    std::string clause = " WHERE 1";
    if (filter.provider) {
        clause += " AND provider = ?";
        values.emplace_back(std::string(jobProviderName(*filter.provider)));
    }
    if (!filter.backend.empty()) {
        clause += " AND backend = ?";
        values.emplace_back(filter.backend);
    }
    if (!filter.statuses.empty()) {
        std::string set;
        for (JobState status : ALL_STATUSES) {
            if (std::find(filter.statuses.begin(), filter.statuses.end(), status) == filter.statuses.end())
                continue;
            set += set.empty() ? "?" : ", ?";
            values.emplace_back(std::string(jobStateName(status)));
        }
        clause += set.empty() ? std::string(" AND 0") : " AND status IN (" + set + ")";
    }
    if (filter.createdFrom) {
        clause += " AND created_at >= ?";
        values.emplace_back(formatUtcTimestamp(*filter.createdFrom));
    }
    if (filter.createdBefore) {
        clause += " AND created_at < ?";
        values.emplace_back(formatUtcTimestamp(*filter.createdBefore));
    }
    if (!filter.text.empty()) {
        clause += " AND (";
        const char* columns[] = {"remote_id", "backend", "client_tag", "session_id", "error_text"};
        for (std::size_t i = 0; i < std::size(columns); ++i) {
            if (i > 0)
                clause += " OR ";
            clause += columns[i];
            clause += " LIKE ? ESCAPE '\\'";
            values.emplace_back(likePattern(filter.text));
        }
        clause += ')';
    }
    return clause;
}

std::vector<JobRecord> runList(Connection& store, const JobFilter& filter, const char* order)
{
    if (filter.limit > MAX_JOB_LIST_LIMIT)
        throw Error(ErrorCode::InvalidArgument,
                    "list limit above " + std::to_string(MAX_JOB_LIST_LIMIT), "limit");
    if (filter.offset > static_cast<std::size_t>(INT64_MAX))
        throw Error(ErrorCode::InvalidArgument, "list offset out of range", "offset");
    std::vector<BindValue> values;
    std::string sql = "SELECT " + selectColumns(filter.withPayload) + " FROM jobs" + filterClause(filter, values);
    sql += " ORDER BY ";
    sql += order;
    sql += " LIMIT ? OFFSET ?";
    values.emplace_back(static_cast<std::int64_t>(filter.limit));
    values.emplace_back(static_cast<std::int64_t>(filter.offset));

    ReadTransaction snapshot(store);
    Statement query(store, sql);
    for (std::size_t i = 0; i < values.size(); ++i)
        query.bind(static_cast<int>(i + 1), values[i]);
    std::vector<JobRecord> records;
    while (query.step())
        records.push_back(readRecord(store, query, filter.withPayload));
    return records;
}

void checkRemoteId(const std::string& remoteId)
{
    if (remoteId.empty() || remoteId.size() > MAX_REMOTE_ID_CHARS || hasControlCharacter(remoteId))
        throw Error(ErrorCode::InvalidArgument,
                    "a remote id must have 1 to " + std::to_string(MAX_REMOTE_ID_CHARS) +
                        " characters and no control characters",
                    "remoteId");
}

} // namespace

// ---------------------------------------------------------------------------------------------------------------

JobStore::JobStore(std::string path, JobStoreOptions options) : m_impl(std::make_unique<Impl>())
{
    Impl& store = *m_impl;
    store.path = std::move(path);
    store.options = std::move(options);
    if (store.path.empty())
        throw Error(ErrorCode::InvalidArgument, "empty job store path", "path");
    if (store.options.busyTimeoutMs < 0)
        throw Error(ErrorCode::InvalidArgument, "negative busy timeout", "busyTimeoutMs");

    namespace fs = std::filesystem;
    std::error_code error;
    const fs::path file(store.path);
    if (store.options.create && file.has_parent_path()) {
        fs::create_directories(file.parent_path(), error);
        if (error)
            throw Error(ErrorCode::Io, "cannot create the folder of the job store: " + error.message(), store.path);
    }
    if (fs::is_directory(file, error))
        throw Error(ErrorCode::Io, "the job store path is a folder", store.path);

    const int flags = SQLITE_OPEN_READWRITE | (store.options.create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(store.path.c_str(), &store.db, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string detail = std::string("cannot open the job store: ") +
                             (store.db ? sqlite3_errmsg(store.db) : sqlite3_errstr(rc));
        throw Error(ErrorCode::Io, std::move(detail), store.path);
    }
    sqlite3_extended_result_codes(store.db, 1);
    sqlite3_busy_timeout(store.db, store.options.busyTimeoutMs);

    // Reading the schema is the first access to the file: garbage fails here with SQLITE_NOTADB.
    std::int64_t objectCount = 0;
    std::int64_t applicationId = 0;
    std::int64_t version = 0;
    const auto readHeader = [&] {
        Statement objects(store, "SELECT count(*) FROM sqlite_master");
        objects.step();
        objectCount = objects.int64(0);
        Statement id(store, "PRAGMA application_id");
        id.step();
        applicationId = id.int64(0);
        Statement userVersion(store, "PRAGMA user_version");
        userVersion.step();
        version = userVersion.int64(0);
    };
    const auto checkHeader = [&] {
        if (applicationId != 0 && applicationId != JOB_STORE_APPLICATION_ID)
            throw Error(ErrorCode::InvalidInput,
                        "a SQLite database of another program (application_id " + hexOf(applicationId) +
                            "), not a QAOA Workbench job store",
                        store.path);
        if (applicationId == 0 && (objectCount != 0 || version != 0))
            throw Error(ErrorCode::InvalidInput,
                        "a SQLite database of another program (no job store application_id), not a QAOA "
                        "Workbench job store",
                        store.path);
        if (version > JOB_STORE_SCHEMA_VERSION)
            throw Error(ErrorCode::InvalidInput,
                        "the job store has schema version " + std::to_string(version) +
                            ", newer than the newest this program knows (" +
                            std::to_string(JOB_STORE_SCHEMA_VERSION) + "); use a newer QAOA Workbench",
                        store.path);
        if (version < 0)
            throw Error(ErrorCode::InvalidInput,
                        "the job store has an invalid schema version " + std::to_string(version), store.path);
    };
    readHeader();
    checkHeader();

    // Before any write: WAL lets readers run beside one writer and makes a commit one append to the log.
    {
        Statement journal(store, "PRAGMA journal_mode = WAL");
        journal.step();
        const std::string mode = journal.text(0, 64, store.path);
        if (!equalsIgnoringCase(mode, "wal"))
            throw Error(ErrorCode::Io, "the file system does not support the WAL journal (mode " + mode + ")",
                        store.path);
    }
    store.exec("PRAGMA synchronous = FULL", "setting synchronous");
    store.exec("PRAGMA foreign_keys = ON", "enabling foreign keys");

    if (version < JOB_STORE_SCHEMA_VERSION) {
        // Another process may be creating or migrating the same file: decide again under the write lock.
        WriteTransaction transaction(store);
        readHeader();
        checkHeader();
        for (auto step = static_cast<std::size_t>(version); step < std::size(MIGRATIONS); ++step)
            store.exec(MIGRATIONS[step], "migrating the job store schema");
        store.exec(("PRAGMA application_id = " + std::to_string(JOB_STORE_APPLICATION_ID)).c_str(),
                   "setting the application id");
        store.exec(("PRAGMA user_version = " + std::to_string(JOB_STORE_SCHEMA_VERSION)).c_str(),
                   "setting the schema version");
        transaction.commit();
    }
}

JobStore::~JobStore() = default;
JobStore::JobStore(JobStore&&) noexcept = default;
JobStore& JobStore::operator=(JobStore&&) noexcept = default;

const std::string& JobStore::path() const noexcept
{
    return m_impl->path;
}

std::int64_t JobStore::recordBeforeSubmit(const JobDraft& draft)
{
    Impl& store = *m_impl;
    const std::size_t limit = store.options.maxFieldBytes;
    if (draft.backend.empty() || hasControlCharacter(draft.backend))
        throw Error(ErrorCode::InvalidArgument, "the backend name is empty or has control characters", "backend");
    checkText(draft.backend, limit, "backend");
    checkText(draft.sessionId, limit, "sessionId");
    const std::string tag = draft.clientTag.empty() ? makeClientTag() : draft.clientTag;
    if (tag.size() > MAX_CLIENT_TAG_CHARS || hasControlCharacter(tag))
        throw Error(ErrorCode::InvalidArgument,
                    "a client tag must have at most " + std::to_string(MAX_CLIENT_TAG_CHARS) +
                        " characters and no control characters",
                    "clientTag");
    if (draft.qasm.size() > MAX_CIRCUITS_PER_JOB)
        throw Error(ErrorCode::LimitExceeded,
                    std::to_string(draft.qasm.size()) + " OpenQASM texts, more than the " +
                        std::to_string(MAX_CIRCUITS_PER_JOB) + " one job may carry",
                    "qasm");
    std::size_t qasmBytes = 0;
    for (const auto& text : draft.qasm)
        qasmBytes += text.size();
    if (qasmBytes > limit)
        throw Error(ErrorCode::LimitExceeded,
                    "the OpenQASM texts together have " + std::to_string(qasmBytes) +
                        " bytes, more than the limit of " + std::to_string(limit) + " bytes",
                    "qasm");
    const std::string instance = dumpJson(draft.instance, limit, "instance");
    const std::string parameters = dumpJson(draft.parameters, limit, "parameters");
    const std::string calibration = dumpJson(draft.calibration, limit, "calibration");
    // JSON escaping can make the list longer than the texts (at most 6 bytes per byte, for control characters).
    const std::size_t qasmJsonLimit = std::max(limit, 6 * qasmBytes + 3 * draft.qasm.size() + 2);
    const std::string qasm = dumpJson(nlohmann::json(draft.qasm), qasmJsonLimit, "qasm");

    WriteTransaction transaction(store);
    {
        Statement taken(store, "SELECT local_id FROM jobs WHERE client_tag = ?");
        taken.bind(1, tag);
        if (taken.step())
            throw Error(ErrorCode::InvalidArgument,
                        "client tag \"" + tag + "\" already belongs to job " + std::to_string(taken.int64(0)),
                        "clientTag");
    }
    const std::string at = now(store);
    Statement insert(store, "INSERT INTO jobs (provider, backend, status, created_at, updated_at, client_tag, "
                            "session_id, parameters_json, instance_json, qasm_json, calibration_json) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, std::string(jobProviderName(draft.provider)))
        .bind(2, draft.backend)
        .bind(3, std::string(jobStateName(JobState::Recorded)))
        .bind(4, at)
        .bind(5, at)
        .bind(6, tag)
        .bind(7, draft.sessionId)
        .bind(8, parameters)
        .bind(9, instance)
        .bind(10, qasm)
        .bind(11, calibration);
    insert.run();
    const std::int64_t localId = sqlite3_last_insert_rowid(store.db);
    insertStatus(store, localId, JobState::Recorded, at, {}, {});
    transaction.commit();
    return localId;
}

void JobStore::markSubmitting(std::int64_t localId)
{
    Impl& store = *m_impl;
    WriteTransaction transaction(store);
    const JobState status = currentStatus(store, localId);
    if (status == JobState::Submitting)
        return;
    if (status != JobState::Recorded && status != JobState::Unknown)
        throw Error(ErrorCode::InvalidArgument,
                    std::string("job is ") + jobStateName(status) +
                        "; only a Recorded or Unknown job can be submitted",
                    store.jobPlace(localId));
    insertStatus(store, localId, JobState::Submitting, now(store), {}, {});
    transaction.commit();
}

void JobStore::attachRemoteId(std::int64_t localId, const std::string& remoteId)
{
    Impl& store = *m_impl;
    checkRemoteId(remoteId);
    WriteTransaction transaction(store);
    currentStatus(store, localId);
    {
        Statement owner(store, "SELECT local_id FROM jobs WHERE remote_id = ?");
        owner.bind(1, remoteId);
        if (owner.step()) {
            if (owner.int64(0) == localId)
                return;
            throw Error(ErrorCode::InvalidArgument,
                        "remote id \"" + remoteId + "\" already belongs to job " + std::to_string(owner.int64(0)),
                        store.jobPlace(localId));
        }
    }
    {
        Statement existing(store, "SELECT remote_id FROM jobs WHERE local_id = ?");
        existing.bind(1, localId);
        existing.step();
        if (!existing.isNull(0))
            throw Error(ErrorCode::InvalidArgument,
                        "job already has remote id \"" +
                            existing.text(0, MAX_REMOTE_ID_CHARS, store.fieldPlace(localId, "remote_id")) + "\"",
                        store.jobPlace(localId));
    }
    Statement update(store, "UPDATE jobs SET remote_id = ?, updated_at = ? WHERE local_id = ?");
    update.bind(1, remoteId).bind(2, now(store)).bind(3, localId);
    update.run();
    transaction.commit();
}

bool JobStore::appendStatus(std::int64_t localId, JobState status, const std::string& detail,
                            const std::string& reasonCode, bool correction)
{
    Impl& store = *m_impl;
    checkText(detail, MAX_STATUS_TEXT_BYTES, "detail");
    checkText(reasonCode, MAX_STATUS_TEXT_BYTES, "reasonCode");
    WriteTransaction transaction(store);
    const JobState current = currentStatus(store, localId);
    if (current == status)
        return false;
    if (isTerminalState(current) && !correction)
        throw Error(ErrorCode::InvalidArgument,
                    std::string("job is ") + jobStateName(current) + " (terminal) and cannot become " +
                        jobStateName(status) + " without the correction flag",
                    store.jobPlace(localId));
    insertStatus(store, localId, status, now(store), detail, reasonCode);
    transaction.commit();
    return true;
}

void JobStore::setUsage(std::int64_t localId, double qpuSeconds, bool final,
                        std::optional<std::chrono::system_clock::time_point> chargedAt)
{
    Impl& store = *m_impl;
    if (!std::isfinite(qpuSeconds) || qpuSeconds < 0.0)
        throw Error(ErrorCode::InvalidArgument, "QPU seconds must be finite and >= 0", "qpuSeconds");
    const std::string at = now(store);
    const std::string charged = chargedAt ? formatUtcTimestamp(*chargedAt) : at;
    WriteTransaction transaction(store);
    currentStatus(store, localId);
    {
        Statement existing(store, "SELECT usage_final FROM jobs WHERE local_id = ?");
        existing.bind(1, localId);
        existing.step();
        if (!final && !existing.isNull(0) && existing.int64(0) != 0)
            throw Error(ErrorCode::InvalidArgument, "the job's usage is final; a provisional value cannot replace it",
                        store.fieldPlace(localId, "usage"));
    }
    Statement update(store, "UPDATE jobs SET usage_seconds = ?, usage_final = ?, usage_charged_at = ?, "
                            "updated_at = ? WHERE local_id = ?");
    update.bind(1, qpuSeconds).bind(2, std::int64_t{final ? 1 : 0}).bind(3, charged).bind(4, at).bind(5, localId);
    update.run();
    transaction.commit();
}

void JobStore::storeResults(std::int64_t localId, const nlohmann::json& results)
{
    setColumn(*m_impl, localId, "results_json", dumpJson(results, m_impl->options.maxResultsBytes, "results"));
}

void JobStore::setErrorText(std::int64_t localId, const std::string& text)
{
    checkText(text, m_impl->options.maxFieldBytes, "errorText");
    setColumn(*m_impl, localId, "error_text", text);
}

void JobStore::setAnalysis(std::int64_t localId, const nlohmann::json& analysis)
{
    setColumn(*m_impl, localId, "analysis_json", dumpJson(analysis, m_impl->options.maxFieldBytes, "analysis"));
}

void JobStore::updateAnalysis(std::int64_t localId, const std::function<void(nlohmann::json&)>& change)
{
    Impl& store = *m_impl;
    WriteTransaction transaction(store);
    currentStatus(store, localId);
    nlohmann::json analysis;
    {
        Statement read(store, "SELECT analysis_json FROM jobs WHERE local_id = ?");
        read.bind(1, localId);
        read.step();
        const std::string place = store.fieldPlace(localId, "analysis_json");
        if (!read.isNull(0))
            analysis = parseJson(read.text(0, store.options.maxFieldBytes, place), place);
    }
    change(analysis);
    Statement update(store, "UPDATE jobs SET analysis_json = ?, updated_at = ? WHERE local_id = ?");
    update.bind(1, dumpJson(analysis, store.options.maxFieldBytes, "analysis")).bind(2, now(store)).bind(3, localId);
    update.run();
    transaction.commit();
}

std::optional<JobRecord> JobStore::get(std::int64_t localId) const
{
    return findOne(*m_impl, "local_id = ?", localId);
}

std::optional<JobRecord> JobStore::findByRemoteId(const std::string& remoteId) const
{
    return findOne(*m_impl, "remote_id = ?", remoteId);
}

std::optional<JobRecord> JobStore::findByTag(const std::string& clientTag) const
{
    return findOne(*m_impl, "client_tag = ?", clientTag);
}

std::vector<JobRecord> JobStore::list(const JobFilter& filter) const
{
    return runList(*m_impl, filter, "created_at DESC, local_id DESC");
}

std::size_t JobStore::count(const JobFilter& filter) const
{
    Impl& store = *m_impl;
    std::vector<BindValue> values;
    Statement query(store, "SELECT count(*) FROM jobs" + filterClause(filter, values));
    for (std::size_t i = 0; i < values.size(); ++i)
        query.bind(static_cast<int>(i + 1), values[i]);
    query.step();
    return static_cast<std::size_t>(query.int64(0));
}

std::vector<JobRecord> JobStore::unfinished() const
{
    JobFilter filter;
    for (JobState status : ALL_STATUSES)
        if (isUnfinishedState(status))
            filter.statuses.push_back(status);
    filter.limit = MAX_JOB_LIST_LIMIT;
    filter.withPayload = true;
    return runList(*m_impl, filter, "created_at ASC, local_id ASC");
}

bool JobStore::remove(std::int64_t localId)
{
    Impl& store = *m_impl;
    WriteTransaction transaction(store);
    Statement erase(store, "DELETE FROM jobs WHERE local_id = ?");  // history goes by ON DELETE CASCADE
    erase.bind(1, localId);
    erase.run();
    const bool removed = sqlite3_changes(store.db) > 0;
    transaction.commit();
    return removed;
}

UsageTotal JobStore::monthUsage(JobProvider provider, int year, int month) const
{
    Impl& store = *m_impl;
    if (year < 1970 || year > 9999)
        throw Error(ErrorCode::InvalidArgument, "year outside 1970-9999", "year");
    if (month < 1 || month > 12)
        throw Error(ErrorCode::InvalidArgument, "month outside 1-12", "month");
    const int absoluteMonth = year * 12 + (month - 1);
    Statement query(store, "SELECT usage_final, total(usage_seconds), count(*) FROM jobs WHERE provider = ? AND "
                           "usage_seconds IS NOT NULL AND usage_charged_at >= ? AND usage_charged_at < ? "
                           "GROUP BY usage_final");
    query.bind(1, std::string(jobProviderName(provider)))
        .bind(2, monthStart(absoluteMonth))
        .bind(3, monthStart(absoluteMonth + 1));
    UsageTotal total;
    while (query.step()) {
        if (query.int64(0) != 0) {
            total.finalSeconds += query.real(1);
        } else {
            total.provisionalSeconds += query.real(1);
            total.provisionalJobs += static_cast<std::size_t>(query.int64(2));
        }
    }
    return total;
}

double JobStore::monthUsageSeconds(JobProvider provider, int year, int month) const
{
    return monthUsage(provider, year, month).totalSeconds();
}

std::vector<std::string> JobStore::integrityCheck() const
{
    Impl& store = *m_impl;
    Statement check(store, "PRAGMA integrity_check");
    std::vector<std::string> problems;
    while (check.step())
        problems.push_back(check.text(0, MAX_STATUS_TEXT_BYTES, store.path));
    return problems;
}

} // namespace engine
