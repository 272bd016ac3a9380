// SPDX-License-Identifier: MIT
// The job side of an LCRP batch: one sampling job per task group, and the groups' samples from finished jobs.
#pragma once

#include "jobservice/job_submission.h"
#include "jobstore/job_store.h"
#include "qaoa/sample_metrics.h"
#include "warmstart/lcrp_batch.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace engine {

/// One submission per group of `plan` (same order): the group instance and its encoding, depth, shots and
/// predicted angles of `options`, seed options.seed + g, tag "lcrp-batch", on `backend` (a local:* or IBM
/// backend; sessionId only for IBM). Throws Error(InvalidArgument, "angles") unless options.angles is Predicted:
/// a job runs fixed angles, and the variational loop needs the local statevector.
std::vector<JobSubmission> lcrpBatchSubmissions(const LcrpBatchPlan& plan, const LcrpBatchOptions& options,
                                                const std::string& backend, const std::string& sessionId = {});

/// Group `group`'s samples from its job: throws Error(Io, "job <id>") naming the state when the job has not
/// completed, Error(InvalidInput) when its results do not match the group's QUBO (measuredSamples), and
/// Error(InvalidArgument, "group") for a group index outside the plan.
SampleSet lcrpBatchGroupSamples(const LcrpBatchPlan& plan, std::size_t group, const JobRecord& record);

/// For every group of `plan`, the newest of `records` (with payload) whose stored instance is that group's
/// instance, or nothing. How the GUI finds the jobs of a batch it submitted in the job store. O(records * size).
std::vector<std::optional<JobRecord>> matchLcrpBatchJobs(const LcrpBatchPlan& plan,
                                                         const std::vector<JobRecord>& records);

} // namespace engine
