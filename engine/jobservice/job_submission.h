// SPDX-License-Identifier: MIT
// What a QAOA sampling job runs: the request, and the circuit, figures and QPU estimate prepared for a device.
#pragma once

#include "circuit/circuit.h"
#include "io/instance_file.h"
#include "jobstore/job_store.h"
#include "lcrp/lcrp_encoder.h"
#include "qaoa/qaoa_angles.h"
#include "transpile/device_model.h"
#include "transpile/transpiler.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace engine {

/// Longest session id a submission accepts (IBM's are 36-character UUIDs; the margin allows other formats).
constexpr std::size_t MAX_SESSION_ID_CHARS = 128;

/// The backend a submission goes to when none is named: the emulated ibm_fez (noisy, no account needed).
constexpr const char* DEFAULT_JOB_BACKEND = "local:fez";
/// Most shots one job may ask for (IBM's per-PUB system limit).
constexpr std::uint64_t MAX_JOB_SHOTS = 10'000'000;
/// Deepest QAOA a job may run (the predicted-angle tables and routing stay sensible far below it).
constexpr std::size_t MAX_JOB_DEPTH = 64;

/// How the QAOA angles of a job are chosen.
enum class JobAngles {
    Predicted,  ///< predictAngles(): no variational loop, nothing runs before the job
    Fixed,      ///< JobSubmission::angles as given (canonical convention)
};
const char* jobAnglesName(JobAngles angles) noexcept;   ///< "predicted" / "fixed"
JobAngles jobAnglesFromName(const std::string& name);   ///< throws Error(InvalidArgument, "params")

/// Everything a user decides about one sampling job of a QAOA circuit.
struct JobSubmission {
    Instance instance;                        ///< the problem (LCRP, graph or QUBO)
    std::string backend = DEFAULT_JOB_BACKEND;///< "local:fez", ..., "local:ideal", or an IBM backend ("ibm_fez")
    std::size_t p = 1;                        ///< QAOA depth, 1..MAX_JOB_DEPTH (Fixed: must equal angles.depth())
    std::uint64_t shots = 4000;               ///< 1..MAX_JOB_SHOTS
    JobAngles angleMethod = JobAngles::Predicted;
    QaoaAngles angles;                        ///< JobAngles::Fixed only
    std::uint64_t seed = 1;                   ///< seeds layout restarts and, for local backends, the emulation
    LcrpEncoderOptions lcrpEncoding;          ///< how an LCRP instance becomes a QUBO
    std::string dynamicalDecoupling;          ///< IBM: "" (off), "XX", "XpXm" or "XY4"
    bool twirling = false;                    ///< IBM: Pauli twirling of gates and measurements
    std::optional<int> maxExecutionSeconds;   ///< IBM: the job's `cost` limit, 1..10800 s
    std::vector<std::string> tags;            ///< IBM: user tags (at most 7, each at most 86 characters)
    std::string instanceName;                 ///< shown in listings (file name); may be empty
    /// IBM: the session or batch the job joins (JobService::openSession); empty: none. Local backends refuse one.
    std::string sessionId;
};

/// Throws Error(InvalidArgument) naming the field ("p", "shots", "gammas", "dynamicalDecoupling", "tags[i]",
/// "maxExecutionSeconds", "backend", "sessionId") when the submission cannot be run; a session id on a local:*
/// backend is refused ("sessions exist only on IBM backends"). O(tags + angles).
void validateSubmission(const JobSubmission& submission);

/// The transpiled circuit's figures, as the submit dialog and `qaoa-cli submit` show them.
struct CircuitFigures {
    std::size_t logicalQubits = 0;    ///< QUBO variables (= measured bits)
    std::size_t physicalQubits = 0;   ///< device qubits the circuit touches (ancillas of routing included)
    std::size_t twoQubitGates = 0;
    std::size_t depth = 0;
    std::size_t twoQubitDepth = 0;
    std::size_t swaps = 0;
    double estimatedFidelity = 1.0;   ///< product of the calibrated gate and readout fidelities (transpiler)
};

/// The Open Plan budget at preparation time (IBM backends only).
struct PlanBudget {
    double usedSeconds = 0.0;       ///< this month's IBM usage in the store (provisional charges in full)
    double remainingSeconds = 0.0;  ///< openPlanRemaining(usedSeconds)
    bool exceeded = false;          ///< the job's estimate is larger than what remains
};

/// A submission made ready for one backend: the bound ISA circuit, its OpenQASM 3 text and what it will cost.
/// A plain value; nothing has been recorded or sent.
struct PreparedJob {
    JobSubmission submission;
    JobProvider provider = JobProvider::Local;
    std::string backend;                ///< the backend name as submitted ("local:fez", "ibm_fez")
    DeviceModel device;                 ///< the device transpiled for
    QaoaAngles angles;                  ///< the angles bound into the circuit
    Circuit isa;                        ///< bound, native, measured: meas[i] = logical variable i
    std::string qasm;                   ///< exportQasm3(isa), exactly what is submitted and stored
    QubitLayout layout;                 ///< logical -> physical at the start
    QubitLayout finalPermutation;       ///< logical -> physical at measurement
    CircuitFigures figures;
    double estimatedQpuSeconds = 0.0;   ///< estimateQpuSeconds with the device's median timings
    std::optional<PlanBudget> budget;   ///< IBM only; set by JobService::prepare
    std::vector<std::string> warnings;  ///< English lines for the user (budget, deep circuits, ...)

    /// The parameters document stored with the job (p, angles, shots, seed, options, encoding, figures,
    /// estimate): enough to analyse the results and to submit the same circuit again.
    nlohmann::json parametersJson() const;
};

/// Builds the QUBO (instanceQubo), the angles (given or predicted), and transpiles the bound QAOA circuit for
/// `device` (QAP layout and A* routing seeded with submission.seed; cz/ecr basis, no fractional gates so that
/// twirling stays possible), exports it and estimates its QPU time. `budget` is left empty. Throws
/// Error(InvalidArgument) for a bad submission and Error(LimitExceeded) when the problem does not fit the device.
/// Cost: one transpilation (seconds for hundreds of qubits, milliseconds for small problems).
PreparedJob prepareJob(const JobSubmission& submission, const DeviceModel& device, JobProvider provider,
                       RunControl& control = RunControl::none());

/// QPU seconds IBM would charge for `shots` shots of `isa` on `device`: estimateQpuSeconds with two-qubit
/// depth, one-qubit layers (depth - two-qubit depth, an upper bound), and the device's median cz/ecr, sx and
/// readout durations where calibrated (the Heron r2 defaults otherwise). O(circuit size + calibration size).
double estimateJobQpuSeconds(const Circuit& isa, const DeviceModel& device, std::uint64_t shots);

} // namespace engine
