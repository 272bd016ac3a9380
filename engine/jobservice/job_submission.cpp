// SPDX-License-Identifier: MIT
// Turns a job submission into a bound ISA circuit, its OpenQASM 3 text, figures and a QPU-time estimate.
#include "jobservice/job_submission.h"

#include "circuit/qaoa_circuit.h"
#include "circuit/qasm.h"
#include "core/error.h"
#include "ibmq/ibm_client.h"
#include "jobservice/backend_listing.h"
#include "jobstore/qpu_estimate.h"
#include "lcrp/lcrp_objective.h"
#include "qaoa/qaoa_run.h"
#include "qubo/ising_model.h"

#include <cmath>

namespace engine {

const char* jobAnglesName(JobAngles angles) noexcept
{
    return angles == JobAngles::Fixed ? "fixed" : "predicted";
}

JobAngles jobAnglesFromName(const std::string& name)
{
    if (name == "predicted")
        return JobAngles::Predicted;
    if (name == "fixed")
        return JobAngles::Fixed;
    throw Error(ErrorCode::InvalidArgument, std::string("unknown angle method '") + name + "' (expected predicted or fixed)",
                "params");
}

void validateSubmission(const JobSubmission& s)
{
    if (s.backend.empty())
        throw Error(ErrorCode::InvalidArgument, "no backend given", "backend");
    if (s.p < 1 || s.p > MAX_JOB_DEPTH)
        throw Error(ErrorCode::InvalidArgument, std::string("p must be in 1..") + std::to_string(MAX_JOB_DEPTH), "p");
    if (s.shots < 1 || s.shots > MAX_JOB_SHOTS)
        throw Error(ErrorCode::InvalidArgument, std::string("shots must be in 1..") + std::to_string(MAX_JOB_SHOTS), "shots");
    if (s.angleMethod == JobAngles::Fixed) {
        if (s.angles.gammas.size() != s.p || s.angles.betas.size() != s.p)
            throw Error(ErrorCode::InvalidArgument,
                        std::string("fixed angles need exactly p = ") + std::to_string(s.p) + " gammas and betas", "gammas");
        for (double a : s.angles.flatten())
            if (!std::isfinite(a))
                throw Error(ErrorCode::InvalidArgument, "angles must be finite numbers", "gammas");
    } else if (!s.angles.gammas.empty() || !s.angles.betas.empty()) {
        throw Error(ErrorCode::InvalidArgument, "angles are given only with the fixed angle method", "gammas");
    }
    const std::string& dd = s.dynamicalDecoupling;
    if (!dd.empty() && dd != "XX" && dd != "XpXm" && dd != "XY4")
        throw Error(ErrorCode::InvalidArgument, std::string("dynamical decoupling must be XX, XpXm or XY4, not '") + dd + "'",
                    "dynamicalDecoupling");
    if (s.maxExecutionSeconds && (*s.maxExecutionSeconds < 1 || *s.maxExecutionSeconds > IBM_MAX_EXECUTION_SECONDS))
        throw Error(ErrorCode::InvalidArgument,
                    std::string("the maximum execution time must be in 1..") + std::to_string(IBM_MAX_EXECUTION_SECONDS) + " s",
                    "maxExecutionSeconds");
    // The client adds its own creation tag to the user's, and IBM accepts 8 in all.
    if (s.tags.size() + 1 > IBM_MAX_JOB_TAGS)
        throw Error(ErrorCode::InvalidArgument, std::string("at most ") + std::to_string(IBM_MAX_JOB_TAGS - 1) + " tags", "tags");
    for (std::size_t i = 0; i < s.tags.size(); ++i)
        if (s.tags[i].empty() || s.tags[i].size() > IBM_MAX_TAG_CHARS)
            throw Error(ErrorCode::InvalidArgument,
                        std::string("a tag must have 1..") + std::to_string(IBM_MAX_TAG_CHARS) + " characters",
                        indexedPlace("tags", i));
    if (!s.sessionId.empty()) {
        if (isLocalBackendName(s.backend))
            throw Error(ErrorCode::InvalidArgument,
                        std::string("sessions exist only on IBM backends, not on '") + s.backend + "'", "sessionId");
        if (s.sessionId.size() > MAX_SESSION_ID_CHARS)
            throw Error(ErrorCode::InvalidArgument,
                        std::string("a session id has at most ") + std::to_string(MAX_SESSION_ID_CHARS) + " characters",
                        "sessionId");
        // The id travels in a JSON body and into the store's text search: printable ASCII keeps both honest.
        for (char c : s.sessionId)
            if (c <= ' ' || c > '~')
                throw Error(ErrorCode::InvalidArgument, "a session id is printable ASCII without spaces", "sessionId");
    }
}

double estimateJobQpuSeconds(const Circuit& isa, const DeviceModel& device, std::uint64_t shots)
{
    const CircuitStats stats = isa.stats();
    QpuEstimateInput input;
    input.circuits = 1;
    input.shots = static_cast<std::size_t>(shots);
    input.twoQubitLayers = stats.twoQubitDepth;
    input.singleQubitLayers = stats.depth > stats.twoQubitDepth ? stats.depth - stats.twoQubitDepth : 0;
    const DeviceErrorSummary s = deviceErrorSummary(device);
    if (s.medianTwoQubitNs)
        input.twoQubitGateSeconds = *s.medianTwoQubitNs * 1e-9;
    if (s.medianSxNs)
        input.singleQubitGateSeconds = *s.medianSxNs * 1e-9;
    if (s.medianReadoutNs)
        input.measureSeconds = *s.medianReadoutNs * 1e-9;
    return estimateQpuSeconds(input);
}

PreparedJob prepareJob(const JobSubmission& submission, const DeviceModel& device, JobProvider provider,
                       RunControl& control)
{
    validateSubmission(submission);
    PreparedJob job;
    job.submission = submission;
    job.provider = provider;
    job.backend = submission.backend;
    job.device = device;

    const QuboModel qubo = instanceQubo(submission.instance, submission.lcrpEncoding);
    const IsingModel ising = toIsing(qubo);
    job.angles = submission.angleMethod == JobAngles::Fixed
                     ? submission.angles
                     : predictAngles(submission.instance, submission.p, submission.lcrpEncoding);

    TranspileOptions options;
    options.routing.seed = submission.seed;
    options.qap.seed = submission.seed;
    options.measure = true;
    // Bound before basis translation: the submitted circuit has no inputs, so what is stored is what runs.
    options.parameterValues = qaoaCircuitValues(job.angles.gammas, job.angles.betas);
    TranspileResult t = transpileQaoa(ising, submission.p, device, options, control);

    job.isa = std::move(t.isa);
    job.qasm = exportQasm3(job.isa);
    job.layout = std::move(t.layout);
    job.finalPermutation = std::move(t.finalPermutation);
    job.figures.logicalQubits = ising.numSpins();
    job.figures.physicalQubits = job.isa.usedQubits().size();
    job.figures.twoQubitGates = t.twoQubitGates;
    job.figures.depth = t.depth;
    job.figures.twoQubitDepth = t.twoQubitDepth;
    job.figures.swaps = t.swaps;
    job.figures.estimatedFidelity = t.estimatedFidelity;
    job.estimatedQpuSeconds = estimateJobQpuSeconds(job.isa, device, submission.shots);
    if (job.figures.estimatedFidelity < 0.01)
        job.warnings.push_back("the estimated circuit fidelity is below 1 %: results will be close to noise");
    if (provider == JobProvider::Local && (!submission.dynamicalDecoupling.empty() || submission.twirling))
        job.warnings.push_back("dynamical decoupling and twirling apply to IBM backends only; the emulator ignores "
                               "them");
    return job;
}

nlohmann::json PreparedJob::parametersJson() const
{
    const JobSubmission& s = submission;
    nlohmann::json layoutJson = nlohmann::json::array();
    for (unsigned q : layout)
        layoutJson.push_back(q);
    nlohmann::json finalJson = nlohmann::json::array();
    for (unsigned q : finalPermutation)
        finalJson.push_back(q);
    nlohmann::json j{
        {"kind", "qaoa-sampler"},
        {"p", s.p},
        {"shots", s.shots},
        {"params", jobAnglesName(s.angleMethod)},
        {"gammas", angles.gammas},
        {"betas", angles.betas},
        {"seed", s.seed},
        {"register", "meas"},
        {"num_variables", figures.logicalQubits},
        {"lcrp_encoding",
         {{"objective", lcrpObjectiveName(s.lcrpEncoding.objective)}, {"slack_bits", s.lcrpEncoding.budgetSlackBits}}},
        {"dynamical_decoupling", s.dynamicalDecoupling.empty() ? nlohmann::json(nullptr)
                                                                : nlohmann::json(s.dynamicalDecoupling)},
        {"twirling", s.twirling},
        {"max_execution_seconds", s.maxExecutionSeconds ? nlohmann::json(*s.maxExecutionSeconds)
                                                         : nlohmann::json(nullptr)},
        {"tags", s.tags},
        {"instance_name", s.instanceName},
        {"device", device.name},
        {"layout", std::move(layoutJson)},
        {"final_permutation", std::move(finalJson)},
        {"figures",
         {{"logical_qubits", figures.logicalQubits},
          {"physical_qubits", figures.physicalQubits},
          {"two_qubit_gates", figures.twoQubitGates},
          {"depth", figures.depth},
          {"two_qubit_depth", figures.twoQubitDepth},
          {"swaps", figures.swaps},
          {"estimated_fidelity", figures.estimatedFidelity}}},
        {"estimated_qpu_seconds", estimatedQpuSeconds}};
    return j;
}

} // namespace engine
