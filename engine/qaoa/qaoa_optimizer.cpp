// SPDX-License-Identifier: MIT
// Restarted NLopt runs over QAOA angles with an evaluation trace, progress, budget and cancellation.
#include "qaoa/qaoa_optimizer.h"

#include "core/error.h"

#include <nlopt.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <exception>
#include <memory>
#include <random>
#include <type_traits>

namespace engine {

namespace {

// Everything the C callback needs for one local run.
struct RunContext {
    const QaoaObjective* objective = nullptr;
    const QaoaOptimizerOptions* options = nullptr;
    RunControl* control = nullptr;
    QaoaOptimizationResult* result = nullptr;
    nlopt_opt opt = nullptr;
    int restart = 0;
    std::uint64_t runEvaluations = 0;
    std::uint64_t totalBudget = 0;
    double lastValue = HUGE_VAL;  // returned to NLopt when a run is stopped without evaluating
    double runBest = std::numeric_limits<double>::infinity();
    std::vector<double> gradient;
    std::exception_ptr error;
};

double nloptObjective(unsigned n, const double* x, double* grad, void* data)
{
    auto& run = *static_cast<RunContext*>(data);
    // NOTE: nothing may propagate through NLopt's C frames, so every exception is parked and rethrown later.
    try {
        if (run.runEvaluations >= static_cast<std::uint64_t>(run.options->evaluationsPerRestart)) {
            nlopt_force_stop(run.opt);
            return run.lastValue;
        }
        if (run.control->isCancelled()) {
            run.result->cancelled = true;
            nlopt_force_stop(run.opt);
            return run.lastValue;
        }
        const QaoaAngles angles = QaoaAngles::unflatten(std::vector<double>(x, x + n));
        const double value = (*run.objective)(angles, grad ? &run.gradient : nullptr);
        if (std::isnan(value))
            throw Error(ErrorCode::SolverFailure, "the objective returned NaN", "objective");
        if (grad) {
            if (run.gradient.size() != n)
                throw Error(ErrorCode::SolverFailure,
                            "the objective returned " + std::to_string(run.gradient.size())
                                + " partial derivatives, expected " + std::to_string(n),
                            "objective");
            std::copy(run.gradient.begin(), run.gradient.end(), grad);
        }

        QaoaOptimizationResult& result = *run.result;
        ++run.runEvaluations;
        ++result.evaluations;
        result.trace.push_back(value);
        if (value < result.bestExpectation) {
            result.bestExpectation = value;
            result.bestAngles = angles;
        }
        run.runBest = std::min(run.runBest, value);
        run.lastValue = value;
        run.control->reportProgress(double(result.evaluations), double(run.totalBudget), "optimise");
        if (run.options->onEvaluation)
            run.options->onEvaluation(result.evaluations, run.restart, value, angles);
        return value;
    } catch (...) {
        run.error = std::current_exception();
        nlopt_force_stop(run.opt);
        return run.lastValue;
    }
}

nlopt_algorithm algorithmOf(QaoaOptimizerMethod method)
{
    switch (method) {
    case QaoaOptimizerMethod::Cobyla:
        return NLOPT_LN_COBYLA;
    case QaoaOptimizerMethod::Bobyqa:
        return NLOPT_LN_BOBYQA;
    case QaoaOptimizerMethod::Lbfgs:
        return NLOPT_LD_LBFGS;
    }
    return NLOPT_LN_COBYLA;
}

void checkOptions(const QaoaOptimizerOptions& options)
{
    auto fail = [](const char* field, const std::string& detail) {
        throw Error(ErrorCode::InvalidArgument, detail, std::string("options.") + field);
    };
    if (options.restarts < 1)
        fail("restarts", "at least one restart is needed");
    if (options.evaluationsPerRestart < 1)
        fail("evaluationsPerRestart", "at least one evaluation per restart is needed");
    if (!(std::isfinite(options.initialStep) && options.initialStep > 0.0))
        fail("initialStep", "the initial step must be a positive number");
    if (!std::isfinite(options.startLow) || !std::isfinite(options.startHigh) || options.startLow > options.startHigh)
        fail("startLow", "the random start range must be finite with startLow <= startHigh");
    if (!(options.xTolerance >= 0.0) || !std::isfinite(options.xTolerance))
        fail("xTolerance", "the angle tolerance must be a finite number >= 0");
    if (!(options.fTolerance >= 0.0) || !std::isfinite(options.fTolerance))
        fail("fTolerance", "the objective tolerance must be a finite number >= 0");
    if (options.start) {
        const QaoaAngles& start = *options.start;
        if (start.gammas.size() != start.betas.size() || start.gammas.empty())
            fail("start", "the start needs equally many gammas and betas, at least one of each");
        for (double v : start.flatten())
            if (!std::isfinite(v))
                fail("start", "the start angles must be finite");
    } else if (options.depth == 0) {
        fail("depth", "the depth p must be at least 1");
    }
    const std::size_t depth = options.start ? options.start->depth() : options.depth;
    if (depth > MAX_QAOA_OPTIMIZER_DEPTH)
        throw Error(ErrorCode::LimitExceeded,
                    "depth " + std::to_string(depth) + " exceeds the limit of "
                        + std::to_string(MAX_QAOA_OPTIMIZER_DEPTH),
                    "options.depth");
    const auto budget = std::uint64_t(options.restarts) * std::uint64_t(options.evaluationsPerRestart);
    if (budget > MAX_QAOA_OPTIMIZER_EVALUATIONS)
        throw Error(ErrorCode::LimitExceeded,
                    "restarts x evaluations = " + std::to_string(budget) + " exceeds the limit of "
                        + std::to_string(MAX_QAOA_OPTIMIZER_EVALUATIONS),
                    "options.evaluationsPerRestart");
}

struct NloptDeleter {
    void operator()(nlopt_opt opt) const noexcept { nlopt_destroy(opt); }
};

template <typename Real>
QaoaOptimizationResult optimizeSimulator(const QaoaSimulator<Real>& simulator, const QaoaOptimizerOptions& options,
                                         RunControl& control)
{
    const QaoaObjective objective = [&simulator](const QaoaAngles& angles, std::vector<double>* gradient) {
        return gradient ? simulator.expectationAndGradient(angles, *gradient) : simulator.expectation(angles);
    };
    return optimizeQaoaAngles(objective, options, control);
}

} // namespace

const char* qaoaOptimizerMethodName(QaoaOptimizerMethod method) noexcept
{
    switch (method) {
    case QaoaOptimizerMethod::Cobyla:
        return "cobyla";
    case QaoaOptimizerMethod::Bobyqa:
        return "bobyqa";
    case QaoaOptimizerMethod::Lbfgs:
        return "lbfgs";
    }
    return "cobyla";
}

QaoaOptimizerMethod qaoaOptimizerMethodFromName(const std::string& name)
{
    for (QaoaOptimizerMethod method : {QaoaOptimizerMethod::Cobyla, QaoaOptimizerMethod::Bobyqa,
                                       QaoaOptimizerMethod::Lbfgs})
        if (name == qaoaOptimizerMethodName(method))
            return method;
    throw Error(ErrorCode::InvalidArgument, "unknown optimiser '" + name + "' (expected cobyla, bobyqa or lbfgs)",
                "method");
}

QaoaOptimizationResult optimizeQaoaAngles(const QaoaObjective& objective, const QaoaOptimizerOptions& options,
                                          RunControl& control)
{
    const auto started = std::chrono::steady_clock::now();
    if (!objective)
        throw Error(ErrorCode::InvalidArgument, "no objective function", "objective");
    checkOptions(options);

    const std::size_t depth = options.start ? options.start->depth() : options.depth;
    const auto numParameters = static_cast<unsigned>(2 * depth);
    const auto budget = std::uint64_t(options.restarts) * std::uint64_t(options.evaluationsPerRestart);

    QaoaOptimizationResult result;
    result.method = qaoaOptimizerMethodName(options.method);
    result.trace.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(budget, std::uint64_t{1} << 16)));

    std::mt19937_64 rng(options.seed);
    for (int restart = 0; restart < options.restarts; ++restart) {
        // Always draw, so restart r starts at the same point whether or not restart 0 uses the caller's start.
        std::vector<double> x(numParameters);
        for (double& v : x) {
            const double u = double(rng() >> 11) * 0x1.0p-53;
            v = options.startLow + (options.startHigh - options.startLow) * u;
        }
        if (restart == 0 && options.start)
            x = options.start->flatten();
        if (control.isCancelled()) {
            result.cancelled = true;
            break;
        }

        using OptPointer = std::unique_ptr<std::remove_pointer_t<nlopt_opt>, NloptDeleter>;
        const OptPointer opt(nlopt_create(algorithmOf(options.method), numParameters));
        if (!opt)
            throw Error(ErrorCode::SolverFailure, "NLopt could not create the optimiser", "method");
        RunContext run;
        run.objective = &objective;
        run.options = &options;
        run.control = &control;
        run.result = &result;
        run.opt = opt.get();
        run.restart = restart;
        run.totalBudget = budget;

        nlopt_set_min_objective(opt.get(), nloptObjective, &run);
        nlopt_set_maxeval(opt.get(), options.evaluationsPerRestart);
        nlopt_set_xtol_abs1(opt.get(), options.xTolerance);
        nlopt_set_ftol_rel(opt.get(), options.fTolerance);
        if (options.method != QaoaOptimizerMethod::Lbfgs)
            nlopt_set_initial_step1(opt.get(), options.initialStep);

        result.restartStarts.push_back(result.trace.size());
        result.restartStartAngles.push_back(QaoaAngles::unflatten(x));
        double minimum = HUGE_VAL;
        const nlopt_result code = nlopt_optimize(opt.get(), x.data(), &minimum);
        if (run.error)
            std::rethrow_exception(run.error);
        if (code == NLOPT_INVALID_ARGS || code == NLOPT_OUT_OF_MEMORY)
            throw Error(ErrorCode::SolverFailure, std::string("NLopt failed: ") + nlopt_result_to_string(code),
                        "method");
        result.message = nlopt_result_to_string(code);
        result.restartBest.push_back(run.runBest);
        if (result.cancelled)
            break;
    }
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

QaoaOptimizationResult optimizeQaoa(const QaoaSimulator<double>& simulator, const QaoaOptimizerOptions& options,
                                    RunControl& control)
{
    return optimizeSimulator(simulator, options, control);
}

QaoaOptimizationResult optimizeQaoa(const QaoaSimulator<float>& simulator, const QaoaOptimizerOptions& options,
                                    RunControl& control)
{
    return optimizeSimulator(simulator, options, control);
}

} // namespace engine
