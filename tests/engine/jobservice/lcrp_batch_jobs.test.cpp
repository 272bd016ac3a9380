// SPDX-License-Identifier: MIT
// Tests of the LCRP batch's job side: one submission per group with its seed and encoding, the newest matching job
// per group, and the samples of a group's job with every refusal naming the job.
#include "jobservice/lcrp_batch_jobs.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "io/instance_file.h"
#include "lcrp/lcrp_generator.h"

using namespace engine;

namespace {

LcrpInstance twelveByThree()
{
    LcrpGeneratorOptions g;
    g.numTasks = 12;
    g.numModels = 3;
    g.seed = 3;
    g.budgetUsd = 8.0;
    return generateLcrp(g);
}

LcrpBatchOptions nineQubits()
{
    LcrpBatchOptions o;
    o.maxQubits = 9;
    o.shots = 100;
    o.seed = 5;
    return o;
}

nlohmann::json resultsOf(const std::vector<std::string>& samples, unsigned bits)
{
    nlohmann::json data;
    data["meas"] = {{"samples", samples}, {"num_bits", bits}};
    return {{"results", nlohmann::json::array({{{"data", data}, {"metadata", nlohmann::json::object()}}})},
            {"metadata", nlohmann::json::object()}};
}

JobRecord completedJob(std::int64_t id, const LcrpInstance& instance, nlohmann::json results)
{
    JobRecord r;
    r.localId = id;
    r.status = JobState::Completed;
    r.backend = "local:fez";
    r.instance = instanceToJson(instance);
    r.results = std::move(results);
    return r;
}

} // namespace

class TstLcrpBatchJobs : public QObject {
    Q_OBJECT

private slots:
    void oneSubmissionPerGroup()
    {
        const LcrpBatchOptions o = nineQubits();
        const LcrpBatchPlan plan = planLcrpBatch(twelveByThree(), o);
        QCOMPARE(plan.groupInstances.size(), std::size_t{4});
        const std::vector<JobSubmission> s = lcrpBatchSubmissions(plan, o, "local:fez");
        QCOMPARE(s.size(), std::size_t{4});
        for (std::size_t g = 0; g < s.size(); ++g) {
            QCOMPARE(s[g].seed, o.seed + g);
            QCOMPARE(s[g].shots, o.shots);
            QCOMPARE(s[g].p, o.depth);
            QCOMPARE(s[g].backend, std::string("local:fez"));
            QCOMPARE(s[g].lcrpEncoding.budgetSlackBits, plan.encoding.budgetSlackBits);
            QCOMPARE(std::get<LcrpInstance>(s[g].instance).numTasks(), plan.groupInstances[g].numTasks());
            validateSubmission(s[g]);  // what the job service will check first
        }
        LcrpBatchOptions optimized = o;
        optimized.angles = AngleMethod::Optimize;
        QVERIFY_THROWS_EXCEPTION(Error, lcrpBatchSubmissions(plan, optimized, "local:fez"));
    }

    void newestMatchingJobPerGroup()
    {
        const LcrpBatchPlan plan = planLcrpBatch(twelveByThree(), nineQubits());
        const auto empty = resultsOf({"0x0"}, 9);
        std::vector<JobRecord> records{completedJob(1, plan.groupInstances[0], empty),
                                       completedJob(2, plan.groupInstances[2], empty),
                                       completedJob(5, plan.groupInstances[0], empty),
                                       completedJob(3, twelveByThree(), empty)};  // another problem: ignored
        const auto matched = matchLcrpBatchJobs(plan, records);
        QCOMPARE(matched.size(), std::size_t{4});
        QVERIFY(matched[0] && matched[0]->localId == 5);
        QVERIFY(!matched[1]);
        QVERIFY(matched[2] && matched[2]->localId == 2);
        QVERIFY(!matched[3]);
    }

    void groupSamplesAndRefusals()
    {
        const LcrpBatchPlan plan = planLcrpBatch(twelveByThree(), nineQubits());
        // 0x49 = 001 001 001: model 0 for all three tasks, one-hot.
        JobRecord job = completedJob(7, plan.groupInstances[1], resultsOf({"0x49", "0x49", "0x0"}, 9));
        const SampleSet s = lcrpBatchGroupSamples(plan, 1, job);
        QCOMPARE(s.states, (std::vector<std::uint64_t>{0x0, 0x49}));
        QCOMPARE(s.weights, (std::vector<double>{1.0, 2.0}));

        job.status = JobState::Running;
        try {
            lcrpBatchGroupSamples(plan, 1, job);
            QFAIL("a running job has no samples");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::Io);
            QCOMPARE(e.where(), std::string("job 7"));
            QVERIFY(e.detail().find("group 2") != std::string::npos);
        }
        job.status = JobState::Completed;
        job.results = resultsOf({"0x1"}, 12);  // not the group's 9 variables
        QVERIFY_THROWS_EXCEPTION(Error, lcrpBatchGroupSamples(plan, 1, job));
        QVERIFY_THROWS_EXCEPTION(Error, lcrpBatchGroupSamples(plan, 4, job));  // no fifth group
    }
};

QTEST_APPLESS_MAIN(TstLcrpBatchJobs)
#include "lcrp_batch_jobs.test.moc"
