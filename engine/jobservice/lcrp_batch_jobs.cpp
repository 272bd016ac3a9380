// SPDX-License-Identifier: MIT
// The job side of an LCRP batch: one sampling job per task group, and the groups' samples from finished jobs.
#include "jobservice/lcrp_batch_jobs.h"

#include "core/error.h"
#include "io/instance_file.h"
#include "jobservice/job_analysis.h"

namespace engine {

std::vector<JobSubmission> lcrpBatchSubmissions(const LcrpBatchPlan& plan, const LcrpBatchOptions& options,
                                                const std::string& backend, const std::string& sessionId)
{
    if (options.angles != AngleMethod::Predicted)
        throw Error(ErrorCode::InvalidArgument,
                    "jobs run predicted angles; optimised angles need the local statevector", "angles");
    std::vector<JobSubmission> submissions;
    submissions.reserve(plan.groupInstances.size());
    for (std::size_t g = 0; g < plan.groupInstances.size(); ++g) {
        JobSubmission s;
        s.instance = plan.groupInstances[g];
        s.instanceName = plan.groupInstances[g].name;
        s.backend = backend;
        s.p = options.depth;
        s.shots = options.shots;
        s.seed = options.seed + g;
        s.lcrpEncoding = plan.encoding;
        s.tags = {"lcrp-batch"};
        s.sessionId = sessionId;
        submissions.push_back(std::move(s));
    }
    return submissions;
}

SampleSet lcrpBatchGroupSamples(const LcrpBatchPlan& plan, std::size_t group, const JobRecord& record)
{
    if (group >= plan.groupInstances.size())
        throw Error(ErrorCode::InvalidArgument,
                    std::string("the plan has ") + std::to_string(plan.groupInstances.size()) + " groups", "group");
    const std::string where = std::string("job ") + std::to_string(record.localId);
    if (record.status != JobState::Completed)
        throw Error(ErrorCode::Io,
                    std::string("group ") + std::to_string(group + 1) + " is " + jobStateName(record.status)
                        + (record.errorText.empty() ? std::string() : std::string(": ") + record.errorText),
                    where);
    const std::size_t n = instanceQubo(plan.groupInstances[group], plan.encoding).numVariables();
    return measuredSamples(record.results, n, where);
}

std::vector<std::optional<JobRecord>> matchLcrpBatchJobs(const LcrpBatchPlan& plan,
                                                         const std::vector<JobRecord>& records)
{
    std::vector<std::optional<JobRecord>> matched(plan.groupInstances.size());
    for (std::size_t g = 0; g < plan.groupInstances.size(); ++g) {
        const nlohmann::json wanted = instanceToJson(plan.groupInstances[g]);
        for (const JobRecord& record : records)
            if (record.instance == wanted && (!matched[g] || record.localId > matched[g]->localId))
                matched[g] = record;
    }
    return matched;
}

} // namespace engine
