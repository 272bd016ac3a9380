// SPDX-License-Identifier: MIT
// Tests of the job service: local:fez and IBM (protocol emulator) jobs through the store, record-before-submit,
// analysis against a direct count of the stored samples, cancel, failure codes, crash recovery by tag, faults,
// sessions and batches.
#include "jobservice/job_service.h"

#include <QtTest>

#include "test_support.h"

#include "ibm_protocol_emulator.h"

#include "graph/graph_generators.h"
#include "ibmq/ibm_errors.h"
#include "lcrp/lcrp_evaluator.h"
#include "lcrp/lcrp_generator.h"
#include "jobservice/job_analysis.h"
#include "jobstore/qpu_estimate.h"
#include "solvers/brute_force.h"

#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>
#include <map>
#include <memory>
#include <mutex>

using namespace engine;

namespace {

/// Reference decoder written independently of the engine's: "0x.." hex to an integer.
std::uint64_t hexValue(const std::string& text)
{
    std::uint64_t v = 0;
    for (std::size_t i = 2; i < text.size(); ++i) {
        const char c = text[i];
        v = v * 16 + static_cast<std::uint64_t>(c <= '9' ? c - '0' : c - 'a' + 10);
    }
    return v;
}

std::vector<std::uint64_t> storedSamples(const JobRecord& record)
{
    std::vector<std::uint64_t> out;
    for (const auto& s : record.results["results"][0]["data"]["meas"]["samples"])
        out.push_back(hexValue(s.get<std::string>()));
    return out;
}

GraphInstance smallMaxCut()
{
    GraphInstance g;
    g.name = "ring6";
    g.graph = randomRegularGraph(6, 3, WeightKind::Unit, 3);
    g.problem = GraphProblem::MaxCut;
    return g;
}

LcrpInstance smallLcrp()
{
    LcrpGeneratorOptions o;
    o.numTasks = 3;
    o.numModels = 2;
    o.seed = 7;
    o.budgetUsd = 2.0;
    return generateLcrp(o);
}

/// A transport that forwards to libcurl, but first lets the test look at each request.
class InspectingTransport : public HttpTransport {
public:
    std::function<void(const HttpRequest&)> inspect;
    HttpResponse send(const HttpRequest& request, RunControl& control) override
    {
        if (inspect)
            inspect(request);
        return m_curl.send(request, control);
    }

private:
    CurlTransport m_curl;
};

struct IbmFixture {
    ibmemu::IbmProtocolEmulator emu;
    std::shared_ptr<InspectingTransport> transport = std::make_shared<InspectingTransport>();
    std::vector<double> sleeps;
    std::mutex sleepMutex;
    std::shared_ptr<IbmClient> client;

    explicit IbmFixture(int maxAttempts = 6) : emu(options())
    {
        emu.start();
        client = std::make_shared<IbmClient>(account(), transport, clientOptions(maxAttempts));
    }

    static ibmemu::EmulatorOptions options()
    {
        ibmemu::EmulatorOptions o;
        o.queuedSeconds = 0.05;
        o.runningSeconds = 0.05;
        o.jobCreationsPerMinute = 0;
        o.backends = {"fez"};
        return o;
    }

    IbmAccount account() const
    {
        IbmAccount a;
        a.apiKey = emu.options().apiKey;
        a.instanceCrn = emu.options().instanceCrn;
        a.apiUrl = emu.apiBaseUrl();
        a.iamUrl = emu.iamUrl();
        a.name = "explicit";
        return a;
    }

    IbmClientOptions clientOptions(int maxAttempts)
    {
        IbmClientOptions o;
        o.retry.seed = 5;
        o.retry.maxAttempts = maxAttempts;
        // Waits are recorded, not slept: Retry-After and backoff show up here.
        o.sleep = [this](double seconds, RunControl&) {
            std::lock_guard lock(sleepMutex);
            sleeps.push_back(seconds);
        };
        o.requestTimeoutSeconds = 20.0;
        return o;
    }
};

WaitOptions quickWait()
{
    WaitOptions w;
    w.timeoutSeconds = 30.0;
    w.firstPollSeconds = 0.05;
    w.maxPollSeconds = 0.2;
    return w;
}

JobSubmission maxCutSubmission(const std::string& backend, std::uint64_t shots = 400)
{
    JobSubmission s;
    s.instance = smallMaxCut();
    s.backend = backend;
    s.p = 1;
    s.shots = shots;
    s.seed = 11;
    return s;
}

std::vector<JobState> historyStates(const JobRecord& r)
{
    std::vector<JobState> out;
    for (const JobStateChange& c : r.history)
        out.push_back(c.status);
    return out;
}

} // namespace

class TstJobService : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    std::string storePath() { return m_dir.filePath(QString("jobs%1.sqlite").arg(++m_files)).toStdString(); }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void localMaxCutIsRecordedFirstAndAnalysedFromItsSamples()
    {
        const std::string path = storePath();
        bool inspected = false;
        JobServiceOptions options;
        options.emulatorThreads = 1;
        options.localEmulator = [&](const Circuit& c, const NoiseModel& noise, const EmulatorOptions& o) {
            // A second connection, as another process would see the file, before the backend runs anything.
            JobStore other(path);
            const auto jobs = other.list({});
            if (jobs.size() == 1) {
                const JobRecord r = *other.get(jobs[0].localId);
                inspected = r.history.front().status == JobState::Recorded && r.results.is_null()
                            && r.status == JobState::Running && r.qasm.size() == 1 && !r.calibration.is_null()
                            && !r.instance.is_null();
            }
            return emulateCircuit(c, noise, o);
        };
        JobService service(JobStore(path), options);
        const PreparedJob prepared = service.prepare(maxCutSubmission("local:fez"));
        QVERIFY(!prepared.budget);  // local jobs cost no Open Plan time
        QVERIFY(prepared.estimatedQpuSeconds > 2.0);
        QVERIFY(prepared.figures.twoQubitGates > 0);
        QCOMPARE(prepared.figures.logicalQubits, std::size_t{6});
        const JobRecord r = service.submit(prepared);
        QVERIFY(inspected);
        QCOMPARE(r.status, JobState::Completed);
        QCOMPARE(historyStates(r), (std::vector<JobState>{JobState::Recorded, JobState::Submitting, JobState::Queued,
                                                          JobState::Running, JobState::Completed}));
        QCOMPARE(r.remoteId, "local:" + std::to_string(r.localId));
        QCOMPARE(r.qasm.front(), prepared.qasm);
        QVERIFY(!r.usage);

        // Direct computation from the stored hex samples.
        const std::vector<std::uint64_t> shots = storedSamples(r);
        QCOMPARE(shots.size(), std::size_t{400});
        const GraphInstance g = smallMaxCut();
        double sumCut = 0.0, bestCut = 0.0;
        for (std::uint64_t z : shots) {
            double cut = 0.0;
            for (const auto& e : g.graph.edges())
                if (((z >> e.u) & 1U) != ((z >> e.v) & 1U))
                    cut += e.weight;
            sumCut += cut;
            bestCut = std::max(bestCut, cut);
        }
        double optimal = 0.0;
        for (std::uint64_t z = 0; z < 64; ++z) {
            double cut = 0.0;
            for (const auto& e : g.graph.edges())
                if (((z >> e.u) & 1U) != ((z >> e.v) & 1U))
                    cut += e.weight;
            optimal = std::max(optimal, cut);
        }
        const nlohmann::json& a = r.analysis;
        QCOMPARE(a["problem"].get<std::string>(), std::string("maxcut"));
        QCOMPARE(a["shots"].get<std::size_t>(), std::size_t{400});
        QAOA_COMPARE_NEAR(a["expected_cut"].get<double>(), sumCut / 400.0, 1e-12);
        QAOA_COMPARE_NEAR(a["best_cut"].get<double>(), bestCut, 1e-12);
        QAOA_COMPARE_NEAR(a["optimal_cut"].get<double>(), optimal, 1e-12);
        QAOA_COMPARE_NEAR(a["approximation_ratio"].get<double>(), sumCut / 400.0 / optimal, 1e-12);
        QAOA_COMPARE_NEAR(a["best_energy"].get<double>(), -bestCut, 1e-12);
        QAOA_COMPARE_NEAR(a["mean_energy"].get<double>(), -sumCut / 400.0, 1e-12);
        std::uint64_t listed = 0;
        for (const auto& c : a["counts"])
            listed += c["count"].get<std::uint64_t>();
        QCOMPARE(listed, std::uint64_t{400});  // 64 outcomes at most, all listed

        // Re-analysis, offline, from a fresh service with no client: the same document.
        JobService offline{JobStore(path)};
        QCOMPARE(offline.analyze(r.localId), a);
        QCOMPARE(offline.get(r.localId).analysis, a);
        QCOMPARE(offline.find(std::to_string(r.localId))->localId, r.localId);
        QCOMPARE(offline.find(r.remoteId)->localId, r.localId);
        QVERIFY(!offline.find("nope"));
    }

    void localLcrpValidRateMatchesACountOfTheSamples()
    {
        JobServiceOptions options;
        options.emulatorThreads = 1;
        JobService service(JobStore(storePath()), options);
        JobSubmission s;
        const LcrpInstance lcrp = smallLcrp();
        s.instance = lcrp;
        s.backend = "local:fez";
        s.shots = 1000;
        s.lcrpEncoding.budgetSlackBits = 2;
        const JobRecord r = service.submit(service.prepare(s));
        QCOMPARE(r.status, JobState::Completed);
        QCOMPARE(r.parameters["lcrp_encoding"]["slack_bits"].get<int>(), 2);
        const std::vector<std::uint64_t> shots = storedSamples(r);
        const std::size_t n = 3, m = 2;
        const LcrpEncoding encoding = encodeLcrp(lcrp, s.lcrpEncoding);
        std::size_t valid = 0, feasible = 0;
        std::optional<std::pair<double, double>> best;  // (objective, cost) of the best valid sample
        for (std::uint64_t z : shots) {
            bool ok = true;
            for (std::size_t i = 0; i < n; ++i) {
                int ones = 0;
                for (std::size_t j = 0; j < m; ++j)
                    ones += static_cast<int>((z >> (i * m + j)) & 1U);
                ok = ok && ones == 1;
            }
            if (!ok)
                continue;
            ++valid;
            Bits bits(n * m);
            for (std::size_t v = 0; v < n * m; ++v)
                bits[v] = static_cast<std::uint8_t>((z >> v) & 1U);
            const LcrpEvaluation e = evaluateBits(lcrp, encoding, bits);
            feasible += e.feasible ? 1 : 0;
            if (!best || e.objective < best->first - 1e-12
                || (std::abs(e.objective - best->first) <= 1e-12 && e.costUsd < best->second))
                best = std::make_pair(e.objective, e.costUsd);
        }
        const nlohmann::json& a = r.analysis;
        QCOMPARE(a["problem"].get<std::string>(), std::string("lcrp"));
        QAOA_COMPARE_NEAR(a["valid_rate"].get<double>(), static_cast<double>(valid) / 1000.0, 1e-12);
        QAOA_COMPARE_NEAR(a["feasible_rate"].get<double>(), static_cast<double>(feasible) / 1000.0, 1e-12);
        QAOA_COMPARE_NEAR(a["random_valid_rate"].get<double>(), std::pow(2.0 / 4.0, 3.0), 1e-12);
        QVERIFY(valid > 0);  // 3 tasks x 2 models: 1/8 of random bits are valid, the noisy circuit no fewer
        QAOA_COMPARE_NEAR(a["best_valid_cost_usd"].get<double>(), best->second, 1e-12);
        QCOMPARE(a["best_valid_assignment"].size(), std::size_t{3});
        // QUBO of 6 + 2 variables: brute force gives the optimum.
        QVERIFY(a["optimum_energy"].is_number());
        QVERIFY(a["best_energy"].get<double>() >= a["optimum_energy"].get<double>() - 1e-9);
    }

    void badSubmissionsAreRefusedBeforeAnythingIsRecorded()
    {
        JobService service{JobStore(storePath())};
        JobSubmission s = maxCutSubmission("local:nowhere");
        QVERIFY_THROWS_EXCEPTION(Error, service.prepare(s));
        s.backend = "ibm_fez";  // no client
        QVERIFY_THROWS_EXCEPTION(Error, service.prepare(s));
        s.backend = "local:fez";
        s.shots = 0;
        QVERIFY_THROWS_EXCEPTION(Error, service.prepare(s));
        s.shots = 10;
        s.angleMethod = JobAngles::Fixed;
        s.angles = {{0.1, 0.2}, {0.3}};
        QVERIFY_THROWS_EXCEPTION(Error, service.prepare(s));
        s.angles = {{0.1}, {0.3}};
        s.dynamicalDecoupling = "XZ";
        QVERIFY_THROWS_EXCEPTION(Error, service.prepare(s));
        QCOMPARE(service.store().count({}), std::size_t{0});
        QVERIFY_THROWS_EXCEPTION(Error, service.get(1));
        QVERIFY(!service.remove(1));
    }

    void ibmJobIsRecordedBeforeThePostAndCompletes()
    {
        IbmFixture f;
        const std::string path = storePath();
        std::atomic<int> posts{0};
        std::atomic<bool> recordedFirst{false};
        f.transport->inspect = [&](const HttpRequest& request) {
            if (request.method != "POST" || request.url.find("/api/v1/jobs") == std::string::npos)
                return;
            ++posts;
            JobStore other(path);
            const auto jobs = other.list({});
            const nlohmann::json body = nlohmann::json::parse(request.body);
            recordedFirst = jobs.size() == 1 && jobs[0].status == JobState::Submitting
                            && jobs[0].history.front().status == JobState::Recorded
                            && other.get(jobs[0].localId)->qasm.front()
                                   == body["params"]["pubs"][0][0].get<std::string>();
        };
        JobServiceOptions options;
        options.ibm = f.client;
        JobService service(JobStore(path), options);

        const PreparedJob prepared = service.prepare(maxCutSubmission("ibm_fez", 300));
        QVERIFY(prepared.budget);
        QCOMPARE(prepared.budget->usedSeconds, 0.0);
        QCOMPARE(prepared.budget->remainingSeconds, OPEN_PLAN_SECONDS_PER_MONTH);
        QVERIFY(!prepared.budget->exceeded);
        QCOMPARE(prepared.device.name, std::string("ibm_fez"));
        JobRecord r = service.submit(prepared);
        QCOMPARE(posts.load(), 1);
        QVERIFY(recordedFirst.load());
        QCOMPARE(r.status, JobState::Queued);
        QVERIFY(!r.remoteId.empty());
        QVERIFY(r.usage && !r.usage->final);
        QAOA_COMPARE_NEAR(r.usage->qpuSeconds, prepared.estimatedQpuSeconds, 1e-12);
        // The provisional charge counts against the month at once.
        const PreparedJob second = service.prepare(maxCutSubmission("ibm_fez", 300));
        QAOA_COMPARE_NEAR(second.budget->usedSeconds, prepared.estimatedQpuSeconds, 1e-9);

        std::vector<JobState> seen;
        WaitOptions w = quickWait();
        w.progress = [&](const JobRecord& rec) { seen.push_back(rec.status); };
        r = service.wait(r.localId, w);
        QCOMPARE(r.status, JobState::Completed);
        QVERIFY(!seen.empty());
        QCOMPARE(seen.back(), JobState::Completed);
        QVERIFY(r.usage && r.usage->final);
        QCOMPARE(storedSamples(r).size(), std::size_t{300});
        QCOMPARE(r.analysis["problem"].get<std::string>(), std::string("maxcut"));
        QCOMPARE(r.analysis["shots"].get<int>(), 300);
        QCOMPARE(analyzeJobRecord(r), r.analysis);
        QCOMPARE(f.emu.jobsCreated(), std::size_t{1});
        // A refresh of a finished job asks nothing new of IBM that changes it.
        QCOMPARE(service.refresh(r.localId).status, JobState::Completed);

        // Removing with the remote copy.
        QVERIFY(service.remove(r.localId, true));
        QVERIFY(!service.store().get(r.localId));
    }

    void cancelAJobHeldInTheQueue()
    {
        IbmFixture f;
        JobServiceOptions options;
        options.ibm = f.client;
        JobService service(JobStore(storePath()), options);
        f.emu.holdJobsQueued(true);
        const JobRecord r = service.submit(service.prepare(maxCutSubmission("ibm_fez", 100)));
        QCOMPARE(r.status, JobState::Queued);
        WaitOptions w = quickWait();
        w.timeoutSeconds = 0.3;
        QCOMPARE(service.wait(r.localId, w).status, JobState::Queued);  // timed out, still queued
        // IBM refuses to delete an unfinished job, and so does the service, before asking.
        QVERIFY_THROWS_EXCEPTION(Error, service.remove(r.localId, true));
        const JobRecord c = service.cancel(r.localId);
        f.emu.holdJobsQueued(false);
        QCOMPARE(c.status, JobState::Cancelled);
        QVERIFY(c.results.is_null());
        QCOMPARE(service.cancel(r.localId).status, JobState::Cancelled);  // terminal: unchanged
    }

    void failedJobKeepsItsReasonCode()
    {
        IbmFixture f;
        JobServiceOptions options;
        options.ibm = f.client;
        JobService service(JobStore(storePath()), options);
        ibmemu::JobFailure failure;
        failure.reasonCode = 1517;
        f.emu.failNextJobs(failure);
        const JobRecord r0 = service.submit(service.prepare(maxCutSubmission("ibm_fez", 100)));
        const JobRecord r = service.wait(r0.localId, quickWait());
        QCOMPARE(r.status, JobState::Failed);
        QCOMPARE(r.history.back().reasonCode, std::string("1517"));
        QVERIFY(r.history.back().detail.find("not supported") != std::string::npos);
        QVERIFY(r.errorText.find("not supported") != std::string::npos);
        QVERIFY(r.results.is_null());
        QVERIFY_THROWS_EXCEPTION(Error, service.analyze(r.localId));
    }

    void resumeFindsALostSubmissionByItsTag()
    {
        const std::string path = storePath();
        IbmFixture f(1);  // no retries: the lost answer is not resolved inside the client
        JobServiceOptions options;
        options.ibm = f.client;
        std::int64_t lostId = 0;
        {
            JobService service(JobStore(path), options);
            ibmemu::FaultRule drop;
            drop.method = "POST";
            drop.pathPrefix = "/api/v1/jobs";
            drop.kind = ibmemu::FaultKind::DropConnection;
            drop.afterEffect = true;  // the job IS created, only the answer is lost
            f.emu.addFault(drop);
            ibmemu::FaultRule lookups;
            lookups.method = "GET";
            lookups.pathPrefix = "/api/v1/jobs";
            lookups.kind = ibmemu::FaultKind::Status;
            lookups.status = 503;
            lookups.count = -1;
            f.emu.addFault(lookups);
            const JobRecord r = service.submit(service.prepare(maxCutSubmission("ibm_fez", 100)));
            QCOMPARE(r.status, JobState::Unknown);
            QVERIFY(r.remoteId.empty());
            QVERIFY(!r.errorText.empty());
            lostId = r.localId;
            QCOMPARE(f.emu.jobsCreated(), std::size_t{1});
            f.emu.clearFaults();
        }
        // Also: one job recorded but never sent, and a local job interrupted mid-run.
        std::int64_t neverSent = 0, local = 0;
        {
            JobStore store(path);
            JobDraft d;
            d.backend = "ibm_fez";
            d.clientTag = newJobClientTag();
            const JobRecord lost = *store.get(lostId);
            d.qasm = lost.qasm;
            d.parameters = lost.parameters;
            d.instance = lost.instance;
            neverSent = store.recordBeforeSubmit(d);
            JobDraft l = d;
            l.provider = JobProvider::Local;
            l.backend = "local:fez";
            l.clientTag = newJobClientTag();
            local = store.recordBeforeSubmit(l);
            store.markSubmitting(local);
            store.appendStatus(local, JobState::Running);
        }
        // The restart: a new service on the same file.
        JobService service(JobStore(path), options);
        // Resubmission is opt-in: without it a job IBM does not have becomes Failed "not submitted".
        std::vector<ResumeOutcome> outcomes = service.resumeUnfinished();
        std::map<std::int64_t, ResumeOutcome> byId;
        for (const auto& o : outcomes)
            byId[o.localId] = o;
        QCOMPARE(byId.size(), std::size_t{3});
        QCOMPARE(byId[lostId].action, std::string("found by tag"));
        QCOMPARE(byId[neverSent].action, std::string("not submitted"));
        QCOMPARE(byId[neverSent].after, JobState::Failed);
        QCOMPARE(byId[local].action, std::string("interrupted"));
        QCOMPARE(byId[local].after, JobState::Failed);
        QCOMPARE(f.emu.jobsCreated(), std::size_t{1});  // found, not posted again
        const JobRecord found = service.wait(lostId, quickWait());
        QCOMPARE(found.status, JobState::Completed);
        QVERIFY(!found.analysis.is_null());

        // With resubmission asked for, a recorded job that IBM does not have is sent (once).
        JobDraft d;
        d.backend = "ibm_fez";
        d.clientTag = newJobClientTag();
        d.qasm = found.qasm;
        d.parameters = found.parameters;
        d.instance = found.instance;
        const std::int64_t again = service.store().recordBeforeSubmit(d);
        ResumeOptions resume;
        resume.resubmitMissing = true;
        outcomes = service.resumeUnfinished(resume);
        QCOMPARE(outcomes.size(), std::size_t{1});
        QCOMPARE(outcomes[0].localId, again);
        QCOMPARE(outcomes[0].action, std::string("resubmitted"));
        QCOMPARE(f.emu.jobsCreated(), std::size_t{2});
        QCOMPARE(service.wait(again, quickWait()).status, JobState::Completed);
    }

    void expiredTokenMidwayAndRateLimitAreSurvived()
    {
        IbmFixture f;
        JobServiceOptions options;
        options.ibm = f.client;
        JobService service(JobStore(storePath()), options);
        ibmemu::FaultRule limit;
        limit.method = "POST";
        limit.pathPrefix = "/api/v1/jobs";
        limit.kind = ibmemu::FaultKind::Status;
        limit.status = 429;
        limit.errorCode = 1202;
        limit.retryAfterSeconds = 7;
        f.emu.addFault(limit);
        const JobRecord r = service.submit(service.prepare(maxCutSubmission("ibm_fez", 100)));
        QCOMPARE(r.status, JobState::Queued);
        {
            std::lock_guard lock(f.sleepMutex);
            QVERIFY(std::find(f.sleeps.begin(), f.sleeps.end(), 7.0) != f.sleeps.end());  // Retry-After honoured
        }
        const std::size_t tokens = f.emu.tokensIssued();
        f.emu.expireAllTokens();
        const JobRecord done = service.wait(r.localId, quickWait());
        QCOMPARE(done.status, JobState::Completed);
        QVERIFY(f.emu.tokensIssued() > tokens);  // one fresh token after the 401
        QCOMPARE(f.emu.jobsCreated(), std::size_t{1});
    }

    void refusalOverBudgetAndDefiniteRejection()
    {
        IbmFixture f;
        JobServiceOptions options;
        options.ibm = f.client;
        const std::string path = storePath();
        {
            // A month already spent: 599 s charged (final) this month.
            JobStore store(path);
            JobDraft d;
            d.backend = "ibm_fez";
            const std::int64_t id = store.recordBeforeSubmit(d);
            store.setUsage(id, 599.0, true);
            store.appendStatus(id, JobState::Completed);
        }
        JobService service(JobStore(path), options);
        const PreparedJob p = service.prepare(maxCutSubmission("ibm_fez", 8000));
        QVERIFY(p.budget && p.budget->exceeded);
        QAOA_COMPARE_NEAR(p.budget->remainingSeconds, 1.0, 1e-9);
        QVERIFY(!p.warnings.empty());
        const std::size_t before = service.store().count({});
        QVERIFY_THROWS_EXCEPTION(Error, service.submit(p, true));
        QCOMPARE(service.store().count({}), before);  // nothing recorded

        // An error answer IBM gives to the POST itself (409 here) leaves a Failed record and no job.
        ibmemu::FaultRule conflict;
        conflict.method = "POST";
        conflict.pathPrefix = "/api/v1/jobs";
        conflict.kind = ibmemu::FaultKind::Status;
        conflict.status = 409;
        f.emu.addFault(conflict);
        const JobRecord r = service.submit(p);
        QCOMPARE(r.status, JobState::Failed);
        QVERIFY(r.errorText.find("409") != std::string::npos);
        QCOMPARE(f.emu.jobsCreated(), std::size_t{0});
    }

    void batchSessionRunsItsJobsAndRefusesOnceClosed()
    {
        IbmFixture f;
        JobServiceOptions options;
        options.ibm = f.client;
        JobService service(JobStore(storePath()), options);
        const SessionInfo opened = service.openSession("ibm_fez", SessionMode::Batch, 600);
        QVERIFY(!opened.id.empty());
        QCOMPARE(opened.mode, std::string("batch"));
        QCOMPARE(opened.backend, std::string("ibm_fez"));
        QVERIFY(opened.acceptingJobs);
        QCOMPARE(opened.maxTtl.value_or(0), std::int64_t{600});

        JobSubmission s = maxCutSubmission("ibm_fez", 50);
        s.sessionId = opened.id;
        const PreparedJob inSession = service.prepare(s);
        const JobRecord a = service.submit(inSession);
        const JobRecord b = service.submit(inSession);
        QCOMPARE(a.status, JobState::Queued);
        QCOMPARE(b.status, JobState::Queued);
        for (const JobRecord& r : {service.wait(a.localId, quickWait()), service.wait(b.localId, quickWait())}) {
            QCOMPARE(r.status, JobState::Completed);
            QCOMPARE(r.sessionId, opened.id);
            QCOMPARE(jobRecordJson(r)["session_id"].get<std::string>(), opened.id);
            // IBM holds the job in the session too, not only the store.
            QCOMPARE(f.client->getJob(r.remoteId).sessionId, opened.id);
        }
        // A job outside the session is not listed with it.
        PreparedJob plain = inSession;
        plain.submission.sessionId.clear();
        const JobRecord outside = service.submit(plain);
        QVERIFY(outside.sessionId.empty());
        QVERIFY(jobRecordJson(outside)["session_id"].is_null());
        std::vector<std::int64_t> listed;
        for (const JobRecord& r : service.sessionJobs(opened.id))
            listed.push_back(r.localId);
        QCOMPARE(listed, (std::vector<std::int64_t>{a.localId, b.localId}));

        QVERIFY(service.sessionInfo(opened.id).acceptingJobs);
        const SessionInfo closed = service.closeSession(opened.id);
        QVERIFY(!closed.acceptingJobs);
        QCOMPARE(closed.state, std::string("closed"));  // nothing left to run: it closes at once
        const std::size_t created = f.emu.jobsCreated();

        // The closed batch refuses a third job: recorded, Failed with IBM's reason, nothing created.
        const JobRecord c = service.submit(inSession);
        QCOMPARE(c.status, JobState::Failed);
        QCOMPARE(c.sessionId, opened.id);
        QVERIFY2(c.errorText.find("closed") != std::string::npos, c.errorText.c_str());
        QVERIFY(c.errorText.find("4001") != std::string::npos);
        QVERIFY(c.remoteId.empty());
        QCOMPARE(f.emu.jobsCreated(), created);
    }

    void cancellingASessionCancelsItsQueuedJobs()
    {
        IbmFixture f;
        JobServiceOptions options;
        options.ibm = f.client;
        JobService service(JobStore(storePath()), options);
        const SessionInfo opened = service.openSession("ibm_fez");
        f.emu.holdJobsQueued(true);
        JobSubmission s = maxCutSubmission("ibm_fez", 50);
        s.sessionId = opened.id;
        const JobRecord r = service.submit(service.prepare(s));
        QCOMPARE(r.status, JobState::Queued);
        const SessionInfo cancelled = service.cancelSession(opened.id);
        f.emu.holdJobsQueued(false);
        QVERIFY(!cancelled.acceptingJobs);
        QCOMPARE(cancelled.state, std::string("closed"));
        // The service refreshed the store's job of the session: no poll needed to see it ended.
        QCOMPARE(service.get(r.localId).status, JobState::Cancelled);
    }

    void dedicatedSessionIsRefusedOnTheOpenPlan()
    {
        IbmFixture f;
        JobServiceOptions options;
        options.ibm = f.client;
        JobService service(JobStore(storePath()), options);
        try {
            service.openSession("ibm_fez", SessionMode::Dedicated);
            QFAIL("a dedicated session was opened on the Open plan");
        } catch (const IbmApiError& e) {
            QCOMPARE(e.httpStatus(), 403);
            QCOMPARE(e.ibmCode(), std::string("1352"));
            QVERIFY(std::string(e.what()).find("open plan") != std::string::npos);
        }
        QCOMPARE(service.store().count({}), std::size_t{0});
    }

    void sessionsExistOnlyOnIbmBackends()
    {
        IbmFixture f;
        JobServiceOptions options;
        options.ibm = f.client;
        JobService service(JobStore(storePath()), options);
        const auto expectError = [](const std::function<void()>& call, const std::string& where) {
            try {
                call();
                QFAIL("no error");
            } catch (const Error& e) {
                QCOMPARE(e.code(), ErrorCode::InvalidArgument);
                QCOMPARE(e.where(), where);
                QVERIFY2(std::string(e.what()).find("sessions exist only on IBM backends") != std::string::npos
                             || where == "maxTtlSeconds",
                         e.what());
            }
        };
        expectError([&] { service.openSession("local:fez"); }, "backend");
        expectError([&] { service.openSession("ibm_fez", SessionMode::Batch, 0); }, "maxTtlSeconds");
        expectError([&] { service.openSession("ibm_fez", SessionMode::Batch, IBM_MAX_SESSION_TTL_SECONDS + 1); },
                    "maxTtlSeconds");
        JobSubmission s = maxCutSubmission("local:fez", 50);
        s.sessionId = "0f0e0d0c-0000-4000-8000-000000000000";
        expectError([&] { service.prepare(s); }, "sessionId");
        // A prepared local job given a session afterwards is refused by submit() as well.
        s.sessionId.clear();
        PreparedJob prepared = service.prepare(s);
        prepared.submission.sessionId = "0f0e0d0c-0000-4000-8000-000000000000";
        expectError([&] { service.submit(prepared); }, "sessionId");
        QCOMPARE(service.store().count({}), std::size_t{0});
        QCOMPARE(sessionModeFromName("batch"), SessionMode::Batch);
        QCOMPARE(std::string(sessionModeName(SessionMode::Dedicated)), std::string("dedicated"));
        QVERIFY_THROWS_EXCEPTION(Error, sessionModeFromName("shared"));
        // Without a client an IBM session cannot be opened.
        JobService local{JobStore(storePath())};
        QVERIFY_THROWS_EXCEPTION(Error, local.openSession("ibm_fez"));
    }

    void backendListingWithAndWithoutAccount()
    {
        JobService local{JobStore(storePath())};
        std::vector<std::string> warnings;
        const auto entries = local.backends(&warnings);
        QCOMPARE(entries.size(), localBackendNames().size());
        QVERIFY(warnings.empty());

        IbmFixture f;
        f.emu.setBackendStatus("ibm_fez", "paused", 12);
        JobServiceOptions options;
        options.ibm = f.client;
        JobService both(JobStore(storePath()), options);
        const auto all = both.backends(&warnings);
        QCOMPARE(all.size(), localBackendNames().size() + 1);
        QCOMPARE(all.back().name, std::string("ibm_fez"));
        QCOMPARE(all.back().status, std::string("paused"));
        QCOMPARE(all.back().queueLength, 12);
        QVERIFY(all.back().errors.medianTwoQubitError.has_value());

        f.emu.stop();  // IBM unreachable: a warning, local still listed
        IbmClientOptions quick = f.clientOptions(1);
        options.ibm = std::make_shared<IbmClient>(f.account(), std::make_shared<CurlTransport>(), quick);
        JobService down(JobStore(storePath()), options);
        const auto onlyLocal = down.backends(&warnings);
        QCOMPARE(onlyLocal.size(), localBackendNames().size());
        QCOMPARE(warnings.size(), std::size_t{1});
    }

    void accountLookup()
    {
        IbmAccountSources none;
        none.homeDirectory = m_dir.path().toStdString();
        QVERIFY(!findIbmAccount(none));
        IbmAccountSources env = none;
        env.environment = {{"QISKIT_IBM_TOKEN", "token-1234567890"},
                           {"QISKIT_IBM_INSTANCE", ibmemu::EmulatorOptions{}.instanceCrn},
                           {"QAOA_IBM_URL", "http://127.0.0.1:1/api/v1"}};
        const auto account = findIbmAccount(env);
        QVERIFY(account);
        QCOMPARE(account->apiUrl, std::string("http://127.0.0.1:1/api/v1"));
        IbmAccountSources named = none;
        named.accountName = "missing";
        QVERIFY_THROWS_EXCEPTION(Error, findIbmAccount(named));  // asked for explicitly: an error
    }
};

QTEST_APPLESS_MAIN(TstJobService)
#include "job_service.test.moc"
