// SPDX-License-Identifier: MIT
// The sweep parameter table: JSON values checked against each parameter's range and applied to the options.
#include "experiment/sweep_parameters.h"

#include "core/error.h"
#include "emulator/local_backend.h"
#include "lcrp/lcrp_objective.h"
#include "warmstart/qfactor.h"
#include "warmstart/qfactor_experiment.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace engine {

namespace {

constexpr double MAX_SHOTS = 100'000'000.0;

[[noreturn]] void bad(const std::string& expected, const nlohmann::json& value, const std::string& where)
{
    throw Error(ErrorCode::InvalidInput, "expected " + expected + ", got " + value.dump(), where);
}

std::uint64_t integerValue(const nlohmann::json& value, const std::string& where, double low, double high)
{
    const std::string expected = "an integer in [" + nlohmann::json(low).dump() + ", " + nlohmann::json(high).dump()
                                 + "]";
    if (!value.is_number())
        bad(expected, value, where);
    const double v = value.get<double>();
    if (!std::isfinite(v) || v != std::floor(v) || v < low || v > high)
        bad(expected, value, where);
    return static_cast<std::uint64_t>(v);
}

double numberValue(const nlohmann::json& value, const std::string& where, double low, double high,
                   bool lowOpen = false)
{
    const std::string expected = std::string("a number in ") + (lowOpen ? "(" : "[") + nlohmann::json(low).dump()
                                 + ", " + nlohmann::json(high).dump() + "]";
    if (!value.is_number())
        bad(expected, value, where);
    const double v = value.get<double>();
    if (!std::isfinite(v) || v < low || v > high || (lowOpen && v == low))
        bad(expected, value, where);
    return v;
}

std::string choiceValue(const nlohmann::json& value, const std::string& where, const std::vector<std::string>& choices)
{
    std::string expected = "one of ";
    for (std::size_t k = 0; k < choices.size(); ++k)
        expected += (k ? ", " : "") + choices[k];
    if (!value.is_string())
        bad(expected, value, where);
    const std::string text = value.get<std::string>();
    if (std::find(choices.begin(), choices.end(), text) == choices.end())
        bad(expected, value, where);
    return text;
}

bool boolValue(const nlohmann::json& value, const std::string& where)
{
    if (!value.is_boolean())
        bad("true or false", value, where);
    return value.get<bool>();
}

LcrpInstance& lcrp(SweepSettings& s)
{
    return std::get<LcrpInstance>(s.instance);
}

const std::vector<std::string> MIXERS{"x", "xy", "xy-ring", "xy-complete", "xy-parity", "warm-start"};

// NOTE: captureless lambdas so the table stays a constant array of plain function pointers.
const std::vector<SweepParameter> PARAMETERS{
    {"p", "integer 1..64", "QAOA depth", true, true, false, true,
     [](SweepSettings& s, const nlohmann::json& v, const std::string& w) {
         s.qaoa.depth = s.warmstart.depth = static_cast<std::size_t>(integerValue(v, w, 1, 64));
     }},
    {"shots", "integer 1..100000000", "samples drawn from the final state", true, true, false, true,
     [](SweepSettings& s, const nlohmann::json& v, const std::string& w) {
         s.qaoa.shots = s.warmstart.shots = integerValue(v, w, 1, MAX_SHOTS);
     }},
    {"seed", "integer >= 0", "seed of the run (base seed of per-point seeds when not an axis)", true, true, false,
     true,
     [](SweepSettings& s, const nlohmann::json& v, const std::string& w) {
         const std::uint64_t seed = integerValue(v, w, 0, 9007199254740992.0);
         s.qaoa.seed = s.qaoa.optimizer.seed = s.warmstart.seed = seed;
     }},
    {"mixer", "x|xy|xy-ring|xy-complete|xy-parity|warm-start", "QAOA mixer (xy = xy-parity; XY needs LCRP)", true,
     false, false, false,
     [](SweepSettings& s, const nlohmann::json& v, const std::string& w) {
         const std::string name = choiceValue(v, w, MIXERS);
         s.qaoa.mixer = mixerKindFromName(name == "xy" ? "xy-parity" : name);
     }},
    {"params", "optimize|predicted|ramp", "how the angles are chosen", true, false, false, false,
     [](SweepSettings& s, const nlohmann::json& v, const std::string& w) {
         s.qaoa.angles = angleMethodFromName(choiceValue(v, w, {"optimize", "predicted", "ramp"}));
     }},
    {"optimizer", "cobyla|bobyqa|lbfgs", "local optimiser of the angles", true, false, false, false,
     [](SweepSettings& s, const nlohmann::json& v, const std::string& w) {
         s.qaoa.optimizer.method = qaoaOptimizerMethodFromName(choiceValue(v, w, {"cobyla", "bobyqa", "lbfgs"}));
     }},
    {"restarts", "integer 1..10000", "optimiser restarts", true, false, false, true,
     [](SweepSettings& s, const nlohmann::json& v, const std::string& w) {
         s.qaoa.optimizer.restarts = static_cast<int>(integerValue(v, w, 1, 10000));
     }},
    {"maxiter", "integer 1..1000000", "optimiser evaluations per restart", true, false, false, true,
     [](SweepSettings& s, const nlohmann::json& v, const std::string& w) {
         s.qaoa.optimizer.evaluationsPerRestart = static_cast<int>(integerValue(v, w, 1, 1'000'000));
     }},
    {"ramp_dt", "number > 0", "linear-ramp step (params = ramp)", true, false, false, true,
     [](SweepSettings& s, const nlohmann::json& v, const std::string& w) {
         s.qaoa.rampDeltaT = numberValue(v, w, 0.0, 1e6, true);
     }},
    {"precision", "double|single", "statevector precision", true, false, false, false,
     [](SweepSettings& s, const nlohmann::json& v, const std::string& w) {
         s.qaoa.precision = precisionFromName(choiceValue(v, w, {"double", "single"}));
     }},
    {"greedy_start", "true|false", "XY mixers: start from the greedy assignment", true, false, true, false,
     [](SweepSettings& s, const nlohmann::json& v, const std::string& w) { s.qaoa.startFromGreedy = boolValue(v, w); }},
    {"backend", "local:ideal|local:<device>", "where the samples come from", false, true, false, false,
     [](SweepSettings& s, const nlohmann::json& v, const std::string& w) {
         s.warmstart.backend = choiceValue(v, w, localBackendNames());
     }},
    {"filter", "none|energy|frequency|hamming", "sample filter of the warm-start pool", false, true, false, false,
     [](SweepSettings& s, const nlohmann::json& v, const std::string& w) {
         s.warmstart.filter = sampleFilterKindFromName(choiceValue(v, w, {"none", "energy", "frequency", "hamming"}));
     }},
    {"readout", "none|tensored|lnf", "readout mitigation", false, true, false, false,
     [](SweepSettings& s, const nlohmann::json& v, const std::string& w) {
         s.warmstart.readout = readoutMitigationFromName(choiceValue(v, w, {"none", "tensored", "lnf"}));
     }},
    {"solver", "tabu|vns", "heuristic the Q-factor is measured with", false, true, false, false,
     [](SweepSettings& s, const nlohmann::json& v, const std::string& w) {
         s.warmstart.solver = warmstartSolverFromName(choiceValue(v, w, {"tabu", "vns"}));
     }},
    {"runs", "integer 1..10000000", "heuristic runs per start type", false, true, false, true,
     [](SweepSettings& s, const nlohmann::json& v, const std::string& w) {
         s.warmstart.runs = static_cast<std::size_t>(integerValue(v, w, 1, static_cast<double>(MAX_QFACTOR_RUNS)));
     }},
    {"iterations", "integer >= 1", "iteration cap T_total of every run", false, true, false, true,
     [](SweepSettings& s, const nlohmann::json& v, const std::string& w) {
         s.warmstart.iterationCap = integerValue(v, w, 1, 1e12);
     }},
    {"time_limit", "number 0..3600", "seconds per run (> 0: time-based Q-factor)", false, true, false, true,
     [](SweepSettings& s, const nlohmann::json& v, const std::string& w) {
         s.warmstart.timeLimitSeconds = numberValue(v, w, 0.0, 3600.0);
     }},
    {"bootstrap", "integer 0..1000000", "bootstrap resamples of the Q interval", false, true, false, true,
     [](SweepSettings& s, const nlohmann::json& v, const std::string& w) {
         s.warmstart.bootstrapResamples = static_cast<std::size_t>(
             integerValue(v, w, 0, static_cast<double>(MAX_QFACTOR_BOOTSTRAP_RESAMPLES)));
     }},
    {"energy_fraction", "number 0..1", "energy filter: kept fraction", false, true, false, true,
     [](SweepSettings& s, const nlohmann::json& v, const std::string& w) {
         s.warmstart.energyFraction = numberValue(v, w, 0.0, 1.0);
     }},
    {"frequency_threshold", "number 0..1", "frequency filter: threshold fraction", false, true, false, true,
     [](SweepSettings& s, const nlohmann::json& v, const std::string& w) {
         s.warmstart.frequencyThreshold = numberValue(v, w, 0.0, 1.0);
     }},
    {"hamming_low", "number 0..1", "Hamming filter: lowest-energy core", false, true, false, true,
     [](SweepSettings& s, const nlohmann::json& v, const std::string& w) {
         s.warmstart.hammingLowFraction = numberValue(v, w, 0.0, 1.0);
     }},
    {"hamming_near", "number 0..1", "Hamming filter: nearest of the rest", false, true, false, true,
     [](SweepSettings& s, const nlohmann::json& v, const std::string& w) {
         s.warmstart.hammingNearFraction = numberValue(v, w, 0.0, 1.0);
     }},
    {"feasible_first", "true|false", "decode samples to feasible ones before filtering", false, true, false, false,
     [](SweepSettings& s, const nlohmann::json& v, const std::string& w) {
         s.warmstart.feasibleFirst = boolValue(v, w);
     }},
    {"max_part_size", "integer 0..64", "largest part sampled as one circuit (0: automatic)", false, true, false,
     true,
     [](SweepSettings& s, const nlohmann::json& v, const std::string& w) {
         s.warmstart.maxPartSize = static_cast<std::size_t>(integerValue(v, w, 0, 64));
     }},
    {"calibration_shots", "integer >= 0", "readout calibration shots (0: calibration data)", false, true, false,
     true,
     [](SweepSettings& s, const nlohmann::json& v, const std::string& w) {
         s.warmstart.calibrationShots = integerValue(v, w, 0, MAX_SHOTS);
     }},
    {"objective", "exact|reference-v2", "LCRP objective (ours, or the paper's published code)", true, true, true,
     false,
     [](SweepSettings& s, const nlohmann::json& v, const std::string& w) {
         s.qaoa.lcrpEncoding.objective = s.warmstart.lcrpEncoding.objective =
             lcrpObjectiveFromName(choiceValue(v, w, {"exact", "reference-v2"}));
     }},
    {"slack_bits", "integer 0..30", "LCRP budget slack bits", true, true, true, true,
     [](SweepSettings& s, const nlohmann::json& v, const std::string& w) {
         s.qaoa.lcrpEncoding.budgetSlackBits = s.warmstart.lcrpEncoding.budgetSlackBits =
             static_cast<int>(integerValue(v, w, 0, 30));
     }},
    {"tasks", "integer 1..N", "LCRP task count: the first N tasks of the instance", true, true, true, true,
     [](SweepSettings& s, const nlohmann::json& v, const std::string& w) {
         LcrpInstance& instance = lcrp(s);
         const auto n = static_cast<std::size_t>(
             integerValue(v, w, 1, static_cast<double>(std::max<std::size_t>(1, instance.tasks.size()))));
         instance.tasks.resize(n);
     }},
    {"budget", "number > 0", "LCRP budget B in USD", true, true, true, true,
     [](SweepSettings& s, const nlohmann::json& v, const std::string& w) {
         lcrp(s).budgetUsd = numberValue(v, w, 0.0, 1e12, true);
     }},
    {"lambda_a", "number >= 0", "LCRP one-hot penalty weight", true, true, true, true,
     [](SweepSettings& s, const nlohmann::json& v, const std::string& w) {
         lcrp(s).penalties.assignment = numberValue(v, w, 0.0, 1e12);
     }},
    {"lambda_q", "number >= 0", "LCRP quality penalty weight", true, true, true, true,
     [](SweepSettings& s, const nlohmann::json& v, const std::string& w) {
         lcrp(s).penalties.quality = numberValue(v, w, 0.0, 1e12);
     }},
    {"lambda_b", "number >= 0", "LCRP budget penalty weight", true, true, true, true,
     [](SweepSettings& s, const nlohmann::json& v, const std::string& w) {
         lcrp(s).penalties.budget = numberValue(v, w, 0.0, 1e12);
     }},
    {"lambda_l", "number >= 0", "LCRP latency penalty weight", true, true, true, true,
     [](SweepSettings& s, const nlohmann::json& v, const std::string& w) {
         lcrp(s).penalties.latency = numberValue(v, w, 0.0, 1e12);
     }},
    {"lambda_c", "number >= 0", "LCRP context-window penalty weight", true, true, true, true,
     [](SweepSettings& s, const nlohmann::json& v, const std::string& w) {
         lcrp(s).penalties.context = numberValue(v, w, 0.0, 1e12);
     }},
};

} // namespace

const char* sweepKindName(SweepKind kind) noexcept
{
    return kind == SweepKind::Warmstart ? "warmstart" : "qaoa";
}

SweepKind sweepKindFromName(const std::string& name, const std::string& where)
{
    if (name == "qaoa")
        return SweepKind::Qaoa;
    if (name == "warmstart")
        return SweepKind::Warmstart;
    throw Error(ErrorCode::InvalidInput, "unknown sweep kind '" + name + "'; accepted: qaoa, warmstart", where);
}

const std::vector<SweepParameter>& sweepParameters()
{
    return PARAMETERS;
}

const SweepParameter* findSweepParameter(std::string_view name)
{
    for (const SweepParameter& p : PARAMETERS)
        if (name == p.name)
            return &p;
    return nullptr;
}

const SweepParameter& sweepParameter(std::string_view name, SweepKind kind, const std::string& where)
{
    const SweepParameter* p = findSweepParameter(name);
    if (p != nullptr && (kind == SweepKind::Qaoa ? p->qaoa : p->warmstart))
        return *p;
    std::string accepted;
    for (const SweepParameter& q : PARAMETERS)
        if (kind == SweepKind::Qaoa ? q.qaoa : q.warmstart)
            accepted += (accepted.empty() ? "" : ", ") + std::string(q.name);
    throw Error(ErrorCode::InvalidInput,
                (p == nullptr ? "unknown parameter '" : "parameter does not apply to a " + std::string(sweepKindName(kind))
                                                            + " sweep: '")
                    + std::string(name) + "'; accepted: " + accepted,
                where);
}

void applySweepParameter(const SweepParameter& parameter, SweepSettings& settings, const nlohmann::json& value,
                         const std::string& where)
{
    if (parameter.lcrpOnly && !std::holds_alternative<LcrpInstance>(settings.instance))
        throw Error(ErrorCode::InvalidInput,
                    std::string("'") + parameter.name + "' applies to LCRP instances only; the instance is a "
                        + instanceKindName(settings.instance) + " instance",
                    where);
    parameter.apply(settings, value, where);
}

} // namespace engine
