// SPDX-License-Identifier: MIT
// One QAOA run from an instance.
#include "qaoa/qaoa_run.h"

#include "core/error.h"
#include "graph/graph_problems.h"
#include "lcrp/lcrp_encoder.h"
#include "qaoa/angle_rules.h"
#include "qaoa/p1_analytic.h"
#include "qaoa/qaoa_simulation.h"
#include "qubo/ising_model.h"
#include "sim/state_sampler.h"
#include "solvers/lcrp_greedy.h"
#include "solvers/qubo_annealer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <mutex>
#include <numbers>
#include <type_traits>

namespace engine {

const char* angleMethodName(AngleMethod method) noexcept
{
    switch (method) {
    case AngleMethod::Optimize: return "optimize";
    case AngleMethod::Predicted: return "predicted";
    case AngleMethod::Ramp: return "ramp";
    case AngleMethod::Fixed: return "fixed";
    case AngleMethod::Gnn: return "gnn";
    }
    return "optimize";
}

AngleMethod angleMethodFromName(const std::string& name)
{
    for (AngleMethod m :
         {AngleMethod::Optimize, AngleMethod::Predicted, AngleMethod::Ramp, AngleMethod::Fixed, AngleMethod::Gnn})
        if (name == angleMethodName(m))
            return m;
    throw Error(ErrorCode::InvalidArgument,
                "unknown angle method '" + name + "' (expected optimize, predicted, ramp, fixed or gnn)");
}

namespace {

std::mutex& gnnPredictorMutex()
{
    static std::mutex mutex;
    return mutex;
}

QuboAnglePredictor& gnnPredictorSlot()
{
    static QuboAnglePredictor predictor;
    return predictor;
}

/// The angles of AngleMethod::Gnn from the installed predictor.
QaoaAngles gnnAngles(const QuboModel& qubo, std::size_t depth)
{
    QuboAnglePredictor predictor;
    {
        const std::lock_guard lock(gnnPredictorMutex());
        predictor = gnnPredictorSlot();
    }
    if (!predictor)
        throw Error(ErrorCode::InvalidArgument,
                    "no GNN predictor is installed in this program (engine::installGnnAnglePredictor)", "angles");
    QaoaAngles angles = predictor(qubo, depth);
    if (angles.depth() != depth || angles.betas.size() != depth)
        throw Error(ErrorCode::InvalidArgument, "the GNN predictor returned angles of the wrong depth", "angles");
    return angles;
}

} // namespace

void setGnnAnglePredictor(QuboAnglePredictor predictor)
{
    const std::lock_guard lock(gnnPredictorMutex());
    gnnPredictorSlot() = std::move(predictor);
}

namespace {

constexpr std::size_t TOP_STATES = 64;

/// The QUBO, problem name and (for LCRP) encoding of an instance.
struct Problem {
    std::string name;
    QuboModel qubo;
    std::optional<LcrpEncoding> encoding;
};

Problem makeProblem(const Instance& instance, const LcrpEncoderOptions& lcrpOptions)
{
    if (const auto* lcrp = std::get_if<LcrpInstance>(&instance)) {
        LcrpEncoding encoding = encodeLcrp(*lcrp, lcrpOptions);
        QuboModel qubo = encoding.qubo;
        return {"lcrp", std::move(qubo), std::move(encoding)};
    }
    if (const auto* g = std::get_if<GraphInstance>(&instance))
        return {graphProblemName(g->problem), instanceQubo(instance), std::nullopt};
    return {"qubo", instanceQubo(instance), std::nullopt};
}

/// A classical solution to start XY mixers or warm starts from: the paper greedy for LCRP, else annealing.
Bits classicalStart(const Instance& instance, const Problem& problem)
{
    if (const auto* lcrp = std::get_if<LcrpInstance>(&instance)) {
        const SolverResult greedy = solveLcrpGreedy(*lcrp, GreedyVariant::Paper);
        return lcrpAssignmentBits(*problem.encoding, greedy.assignment);
    }
    QuboAnnealingOptions sa;
    sa.sweeps = 200;
    return solveQuboAnnealing(problem.qubo, sa).bits;
}

QaoaAnsatz makeAnsatz(const Instance& instance, const Problem& problem, const QaoaRunOptions& options)
{
    switch (options.mixer) {
    case MixerKind::X:
        return makeXAnsatz(problem.qubo.numVariables());
    case MixerKind::WarmStart:
        return makeWarmStartAnsatz(classicalStart(instance, problem));
    case MixerKind::XYRing:
    case MixerKind::XYComplete:
    case MixerKind::XYParityRing:
        break;
    }
    if (!problem.encoding)
        throw Error(ErrorCode::InvalidArgument,
                    std::string("the ") + mixerKindName(options.mixer)
                        + " mixer needs one-hot groups, which only LCRP instances have; use the x mixer",
                    "mixer");
    if (!options.startFromGreedy)
        return makeLcrpXYAnsatz(*problem.encoding, options.mixer);
    const auto& lcrp = std::get<LcrpInstance>(instance);
    return makeLcrpXYAnsatz(*problem.encoding, options.mixer,
                            solveLcrpGreedy(lcrp, GreedyVariant::Paper).assignment);
}

QaoaAngles predictedAngles(const Instance& instance, const Problem& problem, std::size_t depth)
{
    if (const auto* g = std::get_if<GraphInstance>(&instance)) {
        if (g->problem == GraphProblem::MaxCut)
            return maxCutRuleAngles(g->graph, depth);
        return misAngles(g->graph, depth, g->misPenalty);
    }
    const IsingModel ising = toIsing(problem.qubo);
    if (depth > 1)
        return isingTreeAngles(ising, depth);
    // p = 1: the exact analytic landscape, searched on a grid (no simulation, no variational loop). Gamma
    // spans [0, pi] and, for small coefficients, at least one period 2 pi / rms of the terms; the step resolves
    // the fastest oscillation, 2 pi / max |h, J|, with 16 points (256 to 4096 rows). Large gammas matter: with
    // integer penalties the phases wrap, and minima there can beat the small-gamma ones.
    double sumSquares = 0.0;
    double largest = 0.0;
    std::size_t terms = 0;
    auto account = [&](double c) {
        if (c == 0.0)
            return;
        sumSquares += c * c;
        largest = std::max(largest, std::abs(c));
        ++terms;
    };
    for (double h : ising.h)
        account(h);
    for (const QuadraticTerm& t : ising.J)
        account(t.value);
    const double rms = terms > 0 ? std::sqrt(sumSquares / static_cast<double>(terms)) : 1.0;
    P1GridOptions grid;
    grid.gammaMax = std::max(std::numbers::pi, 2.0 * std::numbers::pi / rms);
    const double periods = grid.gammaMax * std::max(largest, 1e-12) / (2.0 * std::numbers::pi);
    grid.gammaSteps = static_cast<std::size_t>(std::clamp(std::ceil(16.0 * periods), 256.0, 4096.0));
    grid.betaSteps = 128;
    const P1GridResult best = p1GridSearch(ising, grid);
    return {{best.bestGamma}, {best.bestBeta}};
}

template <typename Real>
QaoaRunResult runWith(const Instance& instance, const Problem& problem, const QaoaRunOptions& options,
                      RunControl& control)
{
    const QaoaSimulator<Real> simulator(problem.qubo, makeAnsatz(instance, problem, options), options.threads);

    QaoaRunResult result;
    result.problem = problem.name;
    result.numQubits = problem.qubo.numVariables();
    switch (options.angles) {
    case AngleMethod::Optimize: {
        QaoaOptimizerOptions optimizer = options.optimizer;
        optimizer.depth = options.depth;
        if (options.onEvaluation) {
            double best = std::numeric_limits<double>::infinity();
            optimizer.onEvaluation = [&](std::uint64_t evaluation, int restart, double value, const QaoaAngles& angles) {
                best = std::min(best, value);
                QaoaProgressPoint point{evaluation, restart, value, best, std::nullopt, angles};
                if (options.trackValidRate && problem.encoding)
                    point.validRate = lcrpSampleMetrics(std::get<LcrpInstance>(instance), *problem.encoding,
                                                        simulator.probabilities(angles))
                                          .validRate;
                options.onEvaluation(point);
            };
        }
        const QaoaOptimizationResult opt = optimizeQaoa(simulator, optimizer, control);
        result.angles = opt.bestAngles;
        result.evaluations = opt.evaluations;
        result.trace = opt.trace;
        result.cancelled = opt.cancelled;
        break;
    }
    case AngleMethod::Predicted:
        result.angles = predictedAngles(instance, problem, options.depth);
        break;
    case AngleMethod::Gnn:
        result.angles = gnnAngles(problem.qubo, options.depth);
        break;
    case AngleMethod::Ramp: {
        const double scale = problem.qubo.maxAbsCoefficient();
        result.angles = linearRampAngles(options.depth, options.rampDeltaT / (scale > 0.0 ? scale : 1.0));
        break;
    }
    case AngleMethod::Fixed:
        if (options.fixedAngles.depth() == 0 || options.fixedAngles.gammas.size() != options.fixedAngles.betas.size())
            throw Error(ErrorCode::InvalidArgument, "fixed angles need as many gammas as betas, at least one",
                        "fixedAngles");
        result.angles = options.fixedAngles;
        break;
    }
    if (result.angles.depth() == 0)  // cancelled before the first evaluation
        return result;

    const std::vector<double> probabilities = simulator.probabilities(result.angles);
    const EnergyDiagonal<Real>& diagonal = simulator.diagonal();
    const auto [minIt, maxIt] = std::minmax_element(diagonal.begin(), diagonal.end());
    result.minEnergy = static_cast<double>(*minIt);
    result.maxEnergy = static_cast<double>(*maxIt);
    // Single-precision diagonals round the optimum; compare energies with a matching tolerance.
    const double tolerance = std::is_same_v<Real, float> ? 1e-5 : 1e-9;
    const EnergyBounds bounds{result.minEnergy, result.maxEnergy, tolerance};
    if constexpr (std::is_same_v<Real, double>) {
        result.exact = diagonalSampleMetrics(probabilities, diagonal, bounds);
    } else {  // the metrics take double energies: widen a float diagonal once
        const std::vector<double> energies(diagonal.begin(), diagonal.end());
        result.exact = diagonalSampleMetrics(probabilities, energies, bounds);
    }
    result.expectation = result.exact.expectation;

    std::vector<std::uint64_t> order(probabilities.size());
    for (std::uint64_t z = 0; z < order.size(); ++z)
        order[z] = z;
    const std::size_t top = std::min<std::size_t>(TOP_STATES, order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(top), order.end(),
                      [&](std::uint64_t a, std::uint64_t b) {
                          return probabilities[a] != probabilities[b] ? probabilities[a] > probabilities[b] : a < b;
                      });
    for (std::size_t k = 0; k < top; ++k)
        result.topStates.emplace_back(order[k], probabilities[order[k]]);

    if (const auto* g = std::get_if<GraphInstance>(&instance); g && g->problem == GraphProblem::MaxCut)
        result.maxCutExact = maxCutSampleMetrics(g->graph, probabilities, -result.minEnergy, tolerance);
    if (problem.encoding)
        result.lcrpExact = lcrpSampleMetrics(std::get<LcrpInstance>(instance), *problem.encoding, probabilities);

    if (options.shots > 0) {
        result.samples = sampleSetFromCounts(countShots(sampleShots(probabilities, options.shots, options.seed)),
                                             result.numQubits);
        result.sampled = quboSampleMetrics(problem.qubo, result.samples, bounds);
        if (problem.encoding)
            result.lcrpSampled = lcrpSampleMetrics(std::get<LcrpInstance>(instance), *problem.encoding, result.samples);
    }
    return result;
}

} // namespace

QaoaAngles predictAngles(const Instance& instance, std::size_t depth, const LcrpEncoderOptions& lcrpEncoding)
{
    if (depth == 0)
        throw Error(ErrorCode::InvalidArgument, "the depth p must be at least 1", "depth");
    return predictedAngles(instance, makeProblem(instance, lcrpEncoding), depth);
}

QaoaRunResult runQaoa(const Instance& instance, const QaoaRunOptions& options, RunControl& control)
{
    const auto start = std::chrono::steady_clock::now();
    if (options.angles != AngleMethod::Fixed && (options.depth == 0 || options.depth > MAX_QAOA_OPTIMIZER_DEPTH))
        throw Error(ErrorCode::InvalidArgument,
                    "depth p must be in [1, " + std::to_string(MAX_QAOA_OPTIMIZER_DEPTH) + "]", "depth");
    const Problem problem = makeProblem(instance, options.lcrpEncoding);
    if (problem.qubo.numVariables() > MAX_SAMPLE_VARIABLES)
        throw Error(ErrorCode::LimitExceeded,
                    std::to_string(problem.qubo.numVariables()) + " qubits cannot be simulated", "qubits");
    QaoaRunResult result = options.precision == Precision::Double ? runWith<double>(instance, problem, options, control)
                                                                  : runWith<float>(instance, problem, options, control);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

} // namespace engine
