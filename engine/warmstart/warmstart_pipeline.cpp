// SPDX-License-Identifier: MIT
// The warm-start pipeline: predicted angles, sampling (exact, emulated or given), mitigation, filter, Q-factor.
#include "warmstart/warmstart_pipeline.h"

#include "circuit/qaoa_circuit.h"
#include "core/error.h"
#include "emulator/local_backend.h"
#include "emulator/trajectory_emulator.h"
#include "graph/graph_problems.h"
#include "heuristics/start_source.h"
#include "heuristics/tabu_search.h"
#include "mitigation/least_norm_filter.h"
#include "mitigation/readout_calibration.h"
#include "mitigation/sample_filters.h"
#include "qaoa/qaoa_ansatz.h"
#include "qaoa/qaoa_run.h"
#include "qaoa/qaoa_simulation.h"
#include "qubo/ising_model.h"
#include "sim/state_sampler.h"
#include "solvers/brute_force.h"
#include "solvers/lcrp_exact_solver.h"
#include "transpile/transpiler.h"
#include "warmstart/decomposition.h"
#include "warmstart/feasible_decoding.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace engine {

namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* IDEAL_BACKEND = "local:ideal";
/// Automatic part sizes: the exact state of 24 qubits is 256 MiB; a noisy backend's transpiled circuit of 12
/// variables already uses more physical qubits, and every trajectory is a state of those.
constexpr std::size_t AUTO_PART_SIZE_IDEAL = 24;
constexpr std::size_t AUTO_PART_SIZE_DEVICE = 12;
/// Largest instance whose optimum is found by exhaustive search (2^26 states take well under a second).
constexpr std::size_t BRUTE_FORCE_OPTIMUM_VARIABLES = 26;
/// CBC's limit when the LCRP optimum is proven through the MIP.
constexpr double LCRP_EXACT_TIME_LIMIT_SECONDS = 30.0;
/// The best-found optimum: at least this long, and at least this many STS runs.
constexpr double BEST_FOUND_MIN_SECONDS = 1.0;
constexpr std::uint64_t BEST_FOUND_MIN_RUNS = 20;
/// Largest warm-start pool (strings with multiplicity): given job samples may carry any total, and every pool
/// member is a Bits vector of its own.
constexpr std::uint64_t MAX_WARM_POOL_STRINGS = 2'000'000;
/// Largest depth the pipeline accepts (predictAngles' rules go no further; Max-Cut stops at 6 by its table).
constexpr std::size_t MAX_PIPELINE_DEPTH = 64;

// Seed streams: each random step draws from its own stream so that changing one step leaves the others alone.
enum SeedStream : std::uint64_t {
    SAMPLING_STREAM = 1,
    RECOMBINATION_STREAM = 2,
    CALIBRATION_STREAM = 3,
    RESAMPLE_STREAM = 4,
    OPTIMUM_STREAM = 5,
    EXPERIMENT_STREAM = 6,
    RUNTIME_STREAM = 7,
};

// splitmix64 of (seed, stream, index): neighbouring parts and streams get uncorrelated generators.
std::uint64_t deriveSeed(std::uint64_t seed, std::uint64_t stream, std::uint64_t index = 0)
{
    std::uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (stream * 0x10000ULL + index + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string problemName(const Instance& instance)
{
    if (std::holds_alternative<LcrpInstance>(instance))
        return "lcrp";
    if (const auto* g = std::get_if<GraphInstance>(&instance))
        return graphProblemName(g->problem);
    return "qubo";
}

bool isMaxCut(const Instance& instance)
{
    const auto* g = std::get_if<GraphInstance>(&instance);
    return g != nullptr && g->problem == GraphProblem::MaxCut;
}

void checkFraction(double value, const char* where)
{
    if (!std::isfinite(value) || value < 0.0 || value > 1.0)
        throw Error(ErrorCode::InvalidArgument, "must lie in [0, 1], got " + std::to_string(value), where);
}

// Everything that can be checked without the instance's QUBO.
void checkOptions(const Instance& instance, const WarmstartPipelineOptions& o)
{
    if (o.depth == 0 || o.depth > MAX_PIPELINE_DEPTH)
        throw Error(ErrorCode::InvalidArgument, "p must lie in [1, 64]", "depth");
    if (o.shots == 0 || o.shots > MAX_EMULATOR_SHOTS)
        throw Error(ErrorCode::InvalidArgument,
                    std::string("shots must lie in [1, ") + std::to_string(MAX_EMULATOR_SHOTS) + "]", "shots");
    if (o.calibrationShots > MAX_EMULATOR_SHOTS)
        throw Error(ErrorCode::InvalidArgument,
                    std::string("calibration shots must lie in [0, ") + std::to_string(MAX_EMULATOR_SHOTS) + "]",
                    "calibrationShots");
    checkFraction(o.energyFraction, "energyFraction");
    checkFraction(o.frequencyThreshold, "frequencyThreshold");
    checkFraction(o.hammingLowFraction, "hammingLowFraction");
    checkFraction(o.hammingNearFraction, "hammingNearFraction");
    if (o.hammingLowFraction + o.hammingNearFraction > 1.0)
        throw Error(ErrorCode::InvalidArgument, "the Hamming filter's two fractions must sum to at most 1",
                    "hammingNearFraction");
    if (o.runs == 0 || o.runs > MAX_QFACTOR_RUNS)
        throw Error(ErrorCode::InvalidArgument,
                    std::string("runs must lie in [1, ") + std::to_string(MAX_QFACTOR_RUNS) + "]", "runs");
    if (!std::isfinite(o.timeLimitSeconds) || o.timeLimitSeconds < 0.0)
        throw Error(ErrorCode::InvalidArgument, "the time limit must be finite and >= 0 seconds", "timeLimitSeconds");
    if (o.timeLimitSeconds == 0.0 && o.iterationCap == 0)
        throw Error(ErrorCode::InvalidArgument, "the iteration cap must be at least 1", "iterationCap");
    if (o.bootstrapResamples > MAX_QFACTOR_BOOTSTRAP_RESAMPLES)
        throw Error(ErrorCode::InvalidArgument,
                    std::string("at most ") + std::to_string(MAX_QFACTOR_BOOTSTRAP_RESAMPLES) + " bootstrap resamples",
                    "bootstrapResamples");
    if (!(o.confidenceLevel > 0.0 && o.confidenceLevel < 1.0))
        throw Error(ErrorCode::InvalidArgument, "the confidence level must lie in (0, 1)", "confidenceLevel");
    if (o.threads < 0)
        throw Error(ErrorCode::InvalidArgument, "threads must be >= 0", "threads");
    if (o.solver == WarmstartSolver::Vns && !isMaxCut(instance))
        throw Error(ErrorCode::InvalidArgument, "the vns solver needs a Max-Cut instance", "solver");
    if (o.compareRuntimes) {
        if (!isMaxCut(instance))
            throw Error(ErrorCode::InvalidArgument, "the runtime comparison needs a Max-Cut instance",
                        "compareRuntimes");
        if (o.timeLimitSeconds <= 0.0)
            throw Error(ErrorCode::InvalidArgument, "the runtime comparison is time-based: give a time limit",
                        "compareRuntimes");
        if (o.solver != WarmstartSolver::Tabu)
            throw Error(ErrorCode::InvalidArgument, "the runtime comparison compares against tabu: use the tabu solver",
                        "compareRuntimes");
        if (!std::isfinite(o.exactTimeLimitSeconds) || o.exactTimeLimitSeconds <= 0.0)
            throw Error(ErrorCode::InvalidArgument, "the exact time limit must be finite and > 0",
                        "exactTimeLimitSeconds");
    }
    if (o.readout != ReadoutMitigation::None && o.backend == IDEAL_BACKEND && !o.samples)
        throw Error(ErrorCode::InvalidArgument,
                    "local:ideal measures without readout error, so there is nothing to mitigate; give job samples "
                    "or a device backend",
                    "readout");
}

LocalBackend backendOf(const std::string& name)
{
    try {
        return localBackend(name);
    } catch (const Error& e) {
        if (e.code() == ErrorCode::InvalidArgument)
            throw Error(ErrorCode::InvalidArgument, e.detail(), "backend");
        throw;
    }
}

// The "meas" register of an emulation as counts over `width` bits.
SampleCounts measuredCounts(const EmulationResult& emulation, std::size_t width)
{
    for (const RegisterShots& reg : emulation.registers)
        if (reg.name == "meas") {
            if (reg.size != width)
                throw std::logic_error("the meas register has " + std::to_string(reg.size) + " bits, expected " +
                                       std::to_string(width));
            return SampleCounts::fromShots(reg.values, width);
        }
    throw std::logic_error("the transpiled circuit has no meas register");
}

// The transpiled QAOA circuit of one (part) QUBO with the predicted angles bound.
TranspileResult transpileBound(const QuboModel& qubo, const QaoaAngles& angles, const DeviceModel& device)
{
    TranspileOptions options;
    options.parameterValues = qaoaCircuitValues(angles.gammas, angles.betas);
    return transpileQaoa(toIsing(qubo), angles.depth(), device, options);
}

void addToSummary(WarmstartTranspileSummary& summary, const TranspileResult& t, bool first)
{
    const std::size_t used = t.isa.usedQubits().size();
    if (first) {
        summary = WarmstartTranspileSummary{};
        summary.parts = 0;
    }
    summary.parts += 1;
    summary.physicalQubits = std::max(summary.physicalQubits, used);
    summary.twoQubitGates += t.twoQubitGates;
    summary.depth = std::max(summary.depth, t.depth);
    summary.swaps += t.swaps;
    summary.estimatedFidelity = std::min(summary.estimatedFidelity, t.estimatedFidelity);
}

// Readout model of the physical qubits `physical` (logical bit i read on physical[i]): the backend's calibration
// data as the emulator's noise model reads it, or (calibrationShots > 0) estimates from the two calibration
// circuits run on the emulator. An ideal backend reads without error.
ReadoutCalibration calibrationOf(const LocalBackend& backend, const std::vector<unsigned>& physical,
                                 const WarmstartPipelineOptions& options, std::uint64_t seed)
{
    const std::size_t n = physical.size();
    if (backend.noise.isIdeal())
        return ReadoutCalibration(std::vector<QubitReadoutError>(n));
    if (options.calibrationShots == 0) {
        std::vector<QubitReadoutError> errors;
        errors.reserve(n);
        for (unsigned q : physical) {
            const ReadoutNoise r = backend.noise.readout(q);
            errors.push_back({r.probMeas1Prep0, r.probMeas0Prep1});
        }
        return ReadoutCalibration(std::move(errors));
    }
    std::vector<SampleCounts> runs;
    for (int ones = 0; ones < 2; ++ones) {
        Circuit c(backend.device.numQubits, true);
        const unsigned reg = c.addRegister("meas", static_cast<unsigned>(n));
        if (ones == 1)
            for (unsigned q : physical)
                c.gate(GateId::X, {q});
        for (std::size_t i = 0; i < n; ++i)
            c.measure(physical[i], reg, static_cast<unsigned>(i));
        EmulatorOptions eo;
        eo.shots = options.calibrationShots;
        eo.seed = deriveSeed(seed, static_cast<std::uint64_t>(ones));
        eo.threads = options.threads;
        runs.push_back(measuredCounts(emulateCircuit(c, backend.noise, eo), n));
    }
    return ReadoutCalibration::fromCalibrationRuns(runs[0], runs[1]);
}

// Mitigated (non-integer) counts with the same total as `raw`.
SampleCounts mitigate(const SampleCounts& raw, const ReadoutCalibration& calibration, ReadoutMitigation kind)
{
    LeastNormFilterResult lnf = leastNormFilter(raw, calibration, 0);
    if (kind == ReadoutMitigation::Lnf)
        return std::move(lnf.counts);
    // Tensored: y is zero outside the observed strings S, so M y (M the S x S block of the tensored inverse)
    // equals the full inverse A^{-1} y on the rows of S; only the rows outside S, the mass the full inverse would
    // put on strings never seen, are dropped. Renormalising that restriction (instead of the LNF's uniform
    // shift) and projecting onto the simplex gives the tensored inverse restricted to the observed strings.
    const double sum = std::accumulate(lnf.inverted.begin(), lnf.inverted.end(), 0.0);
    std::vector<double> probabilities;
    if (std::isfinite(sum) && sum > 0.0) {
        std::vector<double> scaled(lnf.inverted);
        for (double& v : scaled)
            v /= sum;
        probabilities = sgsProject(scaled);
    } else {
        // The observed rows carry no net mass (only possible with extreme error rates): the LNF's correction
        // is the nearest well-defined answer.
        probabilities = lnf.probabilities;
    }
    const double total = raw.total();
    SampleCounts out(raw.numQubits());
    for (std::size_t i = 0; i < probabilities.size(); ++i)
        if (probabilities[i] > 0.0)
            out.add(lnf.subspace[i], total * probabilities[i]);
    return out;
}

// One part's samples: raw as measured, and mitigated when asked.
struct PartSample {
    SampleCounts raw;
    std::optional<SampleCounts> mitigated;
};

// Samples and mitigates parts; keeps the transpilation figures and the time spent mitigating.
class PartSampling {
public:
    PartSampling(const LocalBackend& backend, const QaoaAngles& angles, const WarmstartPipelineOptions& options)
        : m_backend(backend), m_angles(angles), m_options(options)
    {
    }

    PartSample sample(const QuboModel& part, std::size_t index)
    {
        const std::uint64_t seed = deriveSeed(m_options.seed, SAMPLING_STREAM, index);
        const std::size_t n = part.numVariables();
        PartSample out;
        if (m_backend.name == IDEAL_BACKEND) {
            // The exact logical state of the X ansatz: no transpilation, no noise.
            const QaoaSimulator<double> simulator(part, m_options.threads);
            out.raw = SampleCounts::fromShots(
                sampleStateShots(simulator.state(m_angles), m_options.shots, seed, m_options.threads), n);
            return out;
        }
        const TranspileResult t = transpileBound(part, m_angles, m_backend.device);
        addToSummary(m_summary, t, !m_transpiled);
        m_transpiled = true;
        EmulatorOptions eo;
        eo.shots = m_options.shots;
        eo.trajectories = 0;
        eo.seed = seed;
        eo.threads = m_options.threads;
        out.raw = measuredCounts(emulateCircuit(t.isa, m_backend.noise, eo), n);
        if (m_options.readout != ReadoutMitigation::None) {
            const Clock::time_point start = Clock::now();
            const std::vector<unsigned> physical(t.finalPermutation.begin(), t.finalPermutation.end());
            const ReadoutCalibration calibration =
                calibrationOf(m_backend, physical, m_options, deriveSeed(m_options.seed, CALIBRATION_STREAM, index));
            out.mitigated = mitigate(out.raw, calibration, m_options.readout);
            m_mitigationSeconds += secondsSince(start);
        }
        return out;
    }

    bool transpiled() const { return m_transpiled; }
    const WarmstartTranspileSummary& summary() const { return m_summary; }
    double mitigationSeconds() const { return m_mitigationSeconds; }

private:
    const LocalBackend& m_backend;
    const QaoaAngles& m_angles;
    const WarmstartPipelineOptions& m_options;
    WarmstartTranspileSummary m_summary;
    bool m_transpiled = false;
    double m_mitigationSeconds = 0.0;
};

// The pool as start strings, each outcome repeated llround(count) times.
std::vector<Bits> expandPool(const SampleCounts& filtered)
{
    std::uint64_t total = 0;
    for (const auto& [index, count] : filtered.counts()) {
        const double rounded = std::round(count);
        if (rounded > static_cast<double>(MAX_WARM_POOL_STRINGS))
            total = MAX_WARM_POOL_STRINGS + 1;
        else
            total += static_cast<std::uint64_t>(rounded);
        if (total > MAX_WARM_POOL_STRINGS)
            throw Error(ErrorCode::LimitExceeded,
                        std::string("the warm-start pool would exceed ") + std::to_string(MAX_WARM_POOL_STRINGS) +
                            " strings; filter or resample the samples",
                        "samples");
    }
    std::vector<Bits> pool;
    pool.reserve(static_cast<std::size_t>(total));
    for (const auto& [index, count] : filtered.counts()) {
        const long long copies = std::llround(count);
        if (copies <= 0)
            continue;
        const Bits bits = bitsFromIndex(index, filtered.numQubits());
        for (long long c = 0; c < copies; ++c)
            pool.push_back(bits);
    }
    return pool;
}

// The optimum the Q-factor's runs aim at, with its source.
std::pair<double, std::string> findOptimum(const Instance& instance, const QuboModel& qubo,
                                           const WarmstartPipelineOptions& options, RunControl& control,
                                           bool& cancelled)
{
    const std::size_t n = qubo.numVariables();
    if (n <= BRUTE_FORCE_OPTIMUM_VARIABLES) {
        const SolverResult r = solveQuboBruteForce(qubo, options.threads, control);
        cancelled = r.status == SolverStatus::Cancelled;
        return {r.objective, "brute_force"};
    }
    if (const auto* lcrp = std::get_if<LcrpInstance>(&instance)) {
        const LcrpEncoding encoding = encodeLcrp(*lcrp, options.lcrpEncoding);
        // CBC's soft budget is the QUBO's budget term only when the QUBO holds it (Exact with slack bits).
        if (encoding.budgetInQubo) {
            LcrpExactOptions exact;
            exact.budget = BudgetMode::Soft;
            exact.hardPairConstraints = false;  // penalised as in the QUBO, so both minimise the same F
            exact.objective = options.lcrpEncoding.objective;
            exact.timeLimitSeconds = LCRP_EXACT_TIME_LIMIT_SECONDS;
            try {
                const SolverResult r = solveLcrpExact(*lcrp, exact, control);
                if (r.status == SolverStatus::Cancelled) {
                    cancelled = true;
                    return {std::numeric_limits<double>::quiet_NaN(), "exact_solver"};
                }
                if (r.status == SolverStatus::Optimal && r.provenOptimal && !r.assignment.empty()) {
                    Bits x = lcrpAssignmentBits(encoding, r.assignment);
                    x.resize(encoding.numAssignmentVariables());
                    // The slack bits that fit this assignment best, as a QUBO solver would set them.
                    return {energyWithOptimalSlack(encoding, x), "exact_solver"};
                }
            } catch (const Error& e) {
                // CBC abandoning is not fatal: the tabu search below still gives a target.
                if (e.code() != ErrorCode::SolverFailure)
                    throw;
            }
        }
    }
    const StartSource starts(n);
    MultistartTabuOptions mo;
    mo.threads = 1;  // one thread keeps the first phase reproducible for a seed
    mo.maxRuns = BEST_FOUND_MIN_RUNS;
    mo.search.seed = deriveSeed(options.seed, OPTIMUM_STREAM, 0);
    mo.search.recordTrace = false;
    HeuristicResult best = runMultistartTabu(qubo, starts, mo, control);
    if (best.seconds < BEST_FOUND_MIN_SECONDS && !best.cancelled) {
        mo.maxRuns = 0;
        mo.search.timeLimitSeconds = BEST_FOUND_MIN_SECONDS - best.seconds;
        mo.search.seed = deriveSeed(options.seed, OPTIMUM_STREAM, 1);
        const HeuristicResult more = runMultistartTabu(qubo, starts, mo, control);
        if (more.energy < best.energy)
            best.energy = more.energy;
        best.cancelled = more.cancelled;
    }
    cancelled = best.cancelled;
    return {best.energy, "best_found"};
}

} // namespace

const char* readoutMitigationName(ReadoutMitigation m) noexcept
{
    switch (m) {
    case ReadoutMitigation::None: return "none";
    case ReadoutMitigation::Tensored: return "tensored";
    case ReadoutMitigation::Lnf: return "lnf";
    }
    return "none";
}

ReadoutMitigation readoutMitigationFromName(const std::string& name)
{
    for (ReadoutMitigation m : {ReadoutMitigation::None, ReadoutMitigation::Tensored, ReadoutMitigation::Lnf})
        if (name == readoutMitigationName(m))
            return m;
    throw Error(ErrorCode::InvalidArgument, "unknown readout mitigation '" + name + "' (none, tensored, lnf)",
                "readout");
}

const char* sampleFilterKindName(SampleFilterKind f) noexcept
{
    switch (f) {
    case SampleFilterKind::None: return "none";
    case SampleFilterKind::Energy: return "energy";
    case SampleFilterKind::Frequency: return "frequency";
    case SampleFilterKind::Hamming: return "hamming";
    }
    return "none";
}

SampleFilterKind sampleFilterKindFromName(const std::string& name)
{
    for (SampleFilterKind f :
         {SampleFilterKind::None, SampleFilterKind::Energy, SampleFilterKind::Frequency, SampleFilterKind::Hamming})
        if (name == sampleFilterKindName(f))
            return f;
    throw Error(ErrorCode::InvalidArgument,
                "unknown sample filter '" + name + "' (none, energy, frequency, hamming)", "filter");
}

const char* warmstartSolverName(WarmstartSolver s) noexcept
{
    return s == WarmstartSolver::Vns ? "vns" : "tabu";
}

WarmstartSolver warmstartSolverFromName(const std::string& name)
{
    if (name == "tabu")
        return WarmstartSolver::Tabu;
    if (name == "vns")
        return WarmstartSolver::Vns;
    throw Error(ErrorCode::InvalidArgument, "unknown solver '" + name + "' (tabu, vns)", "solver");
}

WarmstartPipelineResult runWarmstartPipeline(const Instance& instance, const WarmstartPipelineOptions& options,
                                             RunControl& control)
{
    const Clock::time_point start = Clock::now();
    checkOptions(instance, options);
    const LocalBackend backend = backendOf(options.backend);
    const bool ideal = backend.name == IDEAL_BACKEND;

    WarmstartPipelineResult result;
    result.problem = problemName(instance);
    result.backend = backend.name;
    result.qubo = instanceQubo(instance, options.lcrpEncoding);
    const QuboModel& qubo = result.qubo;
    const std::size_t n = qubo.numVariables();
    if (n == 0)
        throw Error(ErrorCode::InvalidArgument, "the instance has no variables", "instance");
    if (n > SAMPLE_COUNTS_MAX_QUBITS)
        throw Error(ErrorCode::LimitExceeded,
                    std::to_string(n) + " variables; samples are stored as 64-bit outcomes", "instance");
    if (options.samples) {
        if (options.samples->numQubits() != n)
            throw Error(ErrorCode::InvalidArgument,
                        "the samples have " + std::to_string(options.samples->numQubits()) +
                            " bits, the instance has " + std::to_string(n) + " variables",
                        "samples");
        if (!(options.samples->total() > 0.0))
            throw Error(ErrorCode::InvalidArgument, "the samples are empty", "samples");
    }
    const std::size_t maxPartSize =
        options.maxPartSize > 0 ? options.maxPartSize : (ideal ? AUTO_PART_SIZE_IDEAL : AUTO_PART_SIZE_DEVICE);

    auto finish = [&](bool cancelled) -> WarmstartPipelineResult {
        result.cancelled = cancelled;
        result.seconds = secondsSince(start);
        return std::move(result);
    };
    constexpr double STAGES = 5.0;

    // 1. Angles: one set for the whole instance, used for every part.
    control.reportProgress(0.0, STAGES, "angles");
    Clock::time_point stage = Clock::now();
    try {
        result.angles = predictAngles(instance, options.depth, options.lcrpEncoding);
    } catch (const Error& e) {
        if (e.code() == ErrorCode::InvalidArgument)
            throw Error(ErrorCode::InvalidArgument, e.detail(), "depth");
        throw;
    }
    result.stages.angles = secondsSince(stage);
    if (control.isCancelled())
        return finish(true);

    // 2. Samples: given, or drawn from the whole instance or its parts.
    control.reportProgress(1.0, STAGES, "sampling");
    stage = Clock::now();
    SampleCounts samples(n);  // what the later stages work on: integer counts totalling `shots`, or the job's
    double mitigationSeconds = 0.0;
    if (options.samples) {
        result.raw = *options.samples;
        samples = result.raw;
        if (options.readout != ReadoutMitigation::None) {
            const Clock::time_point m = Clock::now();
            // Full-width job samples come from the whole instance run as one circuit, the one built here, so
            // their bits were read on that circuit's final physical qubits.
            std::vector<unsigned> physical(n);
            std::iota(physical.begin(), physical.end(), 0U);
            if (!ideal) {
                const TranspileResult t = transpileBound(qubo, result.angles, backend.device);
                WarmstartTranspileSummary summary;
                addToSummary(summary, t, true);
                result.transpiled = summary;
                physical.assign(t.finalPermutation.begin(), t.finalPermutation.end());
            }
            const ReadoutCalibration calibration =
                calibrationOf(backend, physical, options, deriveSeed(options.seed, CALIBRATION_STREAM, 0));
            result.mitigated = mitigate(result.raw, calibration, options.readout);
            samples = result.mitigated->resample(options.shots, deriveSeed(options.seed, RESAMPLE_STREAM));
            mitigationSeconds = secondsSince(m);
        }
    } else {
        PartSampling sampling(backend, result.angles, options);
        if (n > maxPartSize) {
            std::vector<SampleCounts> rawParts;
            const PartSampler sampler = [&](const QuboModel& part, std::size_t index) {
                PartSample s = sampling.sample(part, index);
                rawParts.push_back(s.raw);
                return s.mitigated ? std::move(*s.mitigated) : std::move(s.raw);
            };
            RecombinationOptions ro;
            ro.shots = options.shots;
            ro.flipParts = true;
            ro.seed = deriveSeed(options.seed, RECOMBINATION_STREAM);
            samples = sampleByDecomposition(qubo, maxPartSize, sampler, ro, control);
            if (control.isCancelled()) {
                result.stages.sampling = secondsSince(stage);
                return finish(true);
            }
            result.parts = rawParts.size();
            if (options.readout != ReadoutMitigation::None) {
                // The mitigated parts were recombined into `shots` integer samples already; the raw full-width
                // view recombines the parts as measured with the same plan and draws.
                result.mitigated = samples;
                const DecompositionPlan plan = partitionForDevice(qubo, maxPartSize, ro.seed);
                result.raw = recombineSamples(qubo, plan, rawParts, ro);
            } else {
                result.raw = samples;
            }
        } else {
            PartSample s = sampling.sample(qubo, 0);
            result.raw = std::move(s.raw);
            if (s.mitigated) {
                const Clock::time_point m = Clock::now();
                result.mitigated = std::move(*s.mitigated);
                samples = result.mitigated->resample(options.shots, deriveSeed(options.seed, RESAMPLE_STREAM));
                mitigationSeconds += secondsSince(m);
            } else {
                samples = result.raw;
            }
        }
        if (sampling.transpiled())
            result.transpiled = sampling.summary();
        mitigationSeconds += sampling.mitigationSeconds();
    }
    result.stages.mitigation = mitigationSeconds;
    result.stages.sampling = std::max(0.0, secondsSince(stage) - mitigationSeconds);
    control.reportProgress(2.0, STAGES, "mitigation");
    if (control.isCancelled())
        return finish(true);

    // 3. Feasibility-first decoding and the filter.
    control.reportProgress(3.0, STAGES, "filtering");
    stage = Clock::now();
    if (options.feasibleFirst && hasHardConstraints(instance))
        samples = decodeFeasibleFirst(instance, options.lcrpEncoding, samples);
    const SampleEnergy energy = quboSampleEnergy(qubo);
    switch (options.filter) {
    case SampleFilterKind::None: result.filtered = samples; break;
    case SampleFilterKind::Energy: result.filtered = energyFilter(samples, energy, options.energyFraction); break;
    case SampleFilterKind::Frequency:
        result.filtered = frequencyFilter(samples, options.frequencyThreshold).kept;
        break;
    case SampleFilterKind::Hamming:
        result.filtered = hammingFilter(samples, energy, options.hammingLowFraction, options.hammingNearFraction,
                                        isMaxCut(instance));
        break;
    }
    std::vector<Bits> pool = expandPool(result.filtered);
    if (pool.empty())
        throw Error(ErrorCode::InvalidArgument, "the filter left no samples", "filter");
    result.poolSize = pool.size();
    result.stages.filtering = secondsSince(stage);
    if (control.isCancelled())
        return finish(true);

    // 4. The optimum.
    control.reportProgress(4.0, STAGES, "optimum");
    stage = Clock::now();
    bool cancelled = false;
    std::tie(result.optimum, result.optimumSource) = findOptimum(instance, qubo, options, control, cancelled);
    result.stages.optimum = secondsSince(stage);
    if (cancelled || control.isCancelled())
        return finish(true);
    control.reportProgress(STAGES, STAGES, "optimum");

    // 5. The Q-factor experiment.
    stage = Clock::now();
    QFactorExperimentOptions eo;
    eo.runsPerStartType = options.runs;
    eo.iterationCap = options.iterationCap;
    eo.poolOrder = StartOrder::Random;
    eo.seed = deriveSeed(options.seed, EXPERIMENT_STREAM);
    eo.bootstrapResamples = options.bootstrapResamples;
    eo.confidenceLevel = options.confidenceLevel;
    eo.timeLimitSeconds = options.timeLimitSeconds;
    eo.onRun = options.onRun;
    if (options.solver == WarmstartSolver::Vns) {
        // Max-Cut's QUBO energy is minus the cut, so the best cut is -optimum.
        result.experiment =
            runQFactorExperiment(std::get<GraphInstance>(instance).graph, pool, -result.optimum, eo, control);
    } else {
        result.experiment = runQFactorExperiment(qubo, pool, result.optimum, eo, control);
    }
    result.stages.runs = secondsSince(stage);
    result.timeBased = options.timeLimitSeconds > 0.0;
    if (options.compareRuntimes && !result.experiment.cancelled && result.experiment.qfactor) {
        // Tabu from both start types is the experiment's; the other methods are timed on the same target.
        RuntimeComparisonOptions ro;
        ro.runs = options.runs;
        ro.timeLimitSeconds = options.timeLimitSeconds;
        ro.tabu = false;
        ro.exactTimeLimitSeconds = options.exactTimeLimitSeconds;
        ro.seed = deriveSeed(options.seed, RUNTIME_STREAM);
        RuntimeComparison comparison =
            compareExpectedRuntimes(std::get<GraphInstance>(instance).graph, {}, -result.optimum, ro, control);
        MethodRuntime tabu{"tabu", result.experiment.qfactor->random, medianSeconds(result.experiment.randomSeconds)};
        MethodRuntime warm{"tabu-warm", result.experiment.qfactor->warm, medianSeconds(result.experiment.warmSeconds)};
        comparison.methods.insert(comparison.methods.begin(), {tabu, warm});
        comparison.optimumSource = result.optimumSource;
        result.runtimes = std::move(comparison);
        result.stages.runs = secondsSince(stage);
    }
    // The experiment reports the T_total it used; both of its possible values are known here as well.
    result.cap = result.experiment.cap > 0.0
                     ? result.experiment.cap
                     : (result.timeBased ? options.timeLimitSeconds : static_cast<double>(options.iterationCap));
    return finish(result.experiment.cancelled || control.isCancelled());
}

} // namespace engine
