// SPDX-License-Identifier: MIT
// Exact QUBO (and so Max-Cut and MIS) through the standard linearisation solved by COIN-OR CBC.
#include "solvers/qubo_exact_solver.h"

#include "core/error.h"
#include "solvers/cbc_support.h"
#include "solvers/solver_support.h"

#include <chrono>
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace engine {

namespace {

constexpr double BIT_THRESHOLD = 0.5;  // a binary column counts as set above this value

void checkOptions(const QuboModel& qubo, const QuboExactOptions& options)
{
    if (!std::isfinite(options.timeLimitSeconds) || options.timeLimitSeconds <= 0.0)
        throw Error(ErrorCode::InvalidArgument, "time limit must be finite and > 0", "timeLimitSeconds");
    if (!options.incumbent)
        return;
    if (options.incumbent->size() != qubo.numVariables())
        throw Error(ErrorCode::InvalidArgument,
                    "incumbent has " + std::to_string(options.incumbent->size()) + " bits, the QUBO "
                        + std::to_string(qubo.numVariables()) + " variables",
                    "incumbent");
    for (std::size_t i = 0; i < options.incumbent->size(); ++i)
        if ((*options.incumbent)[i] > 1)
            throw Error(ErrorCode::InvalidArgument, "bits must be 0 or 1", "incumbent[" + std::to_string(i) + "]");
}

// Columns 0..n-1 are x, then one y per coupling in quadraticTerms() order.
detail::CbcModelPtr buildModel(const QuboModel& qubo, const std::vector<QuadraticTerm>& terms)
{
    detail::CbcModelPtr model(Cbc_newModel());
    if (!model)
        throw Error(ErrorCode::SolverFailure, "CBC could not create a model", "cbc");
    Cbc_Model* m = model.get();
    Cbc_setLogLevel(m, 0);
    Cbc_setParameter(m, "timeMode", "elapsed");
    Cbc_setObjSense(m, 1.0);
    const std::size_t n = qubo.numVariables();
    for (std::size_t i = 0; i < n; ++i) {
        const std::string name = std::string("x").append(std::to_string(i));
        Cbc_addCol(m, name.c_str(), 0.0, 1.0, qubo.linear(i), 1, 0, nullptr, nullptr);
    }
    for (std::size_t k = 0; k < terms.size(); ++k) {
        const std::string name = std::string("y").append(std::to_string(k));
        Cbc_addCol(m, name.c_str(), 0.0, 1.0, terms[k].value, 0, 0, nullptr, nullptr);
    }
    for (std::size_t k = 0; k < terms.size(); ++k) {
        const int y = static_cast<int>(n + k);
        const int xi = static_cast<int>(terms[k].i);
        const int xj = static_cast<int>(terms[k].j);
        if (terms[k].value > 0.0) {
            int cols[3] = {y, xi, xj};
            double coefs[3] = {1.0, -1.0, -1.0};
            Cbc_addRow(m, "", 3, cols, coefs, 'G', -1.0);
        } else {
            int first[2] = {y, xi};
            int second[2] = {y, xj};
            double coefs[2] = {1.0, -1.0};
            Cbc_addRow(m, "", 2, first, coefs, 'L', 0.0);
            Cbc_addRow(m, "", 2, second, coefs, 'L', 0.0);
        }
    }
    Cbc_setAllowableGap(m, 1e-9);
    Cbc_setAllowableFractionGap(m, 0.0);
    return model;
}

void setStart(Cbc_Model* m, const Bits& x, const std::vector<QuadraticTerm>& terms)
{
    std::vector<int> cols;
    std::vector<double> values;
    for (std::size_t i = 0; i < x.size(); ++i) {
        cols.push_back(static_cast<int>(i));
        values.push_back(x[i]);
    }
    for (std::size_t k = 0; k < terms.size(); ++k) {
        cols.push_back(static_cast<int>(x.size() + k));
        values.push_back(x[terms[k].i] && x[terms[k].j] ? 1.0 : 0.0);
    }
    Cbc_setMIPStartI(m, static_cast<int>(cols.size()), cols.data(), values.data());
}

} // namespace

SolverResult solveQuboExact(const QuboModel& qubo, const QuboExactOptions& options, RunControl& control)
{
    checkOptions(qubo, options);
    const auto start = std::chrono::steady_clock::now();
    SolverResult result;
    result.solver = "exact";
    const std::size_t n = qubo.numVariables();
    if (n == 0) {
        result.status = SolverStatus::Optimal;
        result.provenOptimal = true;
        result.objective = qubo.offset();
        return result;
    }
    if (control.isCancelled()) {
        result.status = SolverStatus::Cancelled;
        result.objective = std::numeric_limits<double>::infinity();
        if (options.incumbent) {
            result.bits = *options.incumbent;
            result.objective = qubo.energy(result.bits);
        }
        result.seconds = detail::secondsSince(start);
        return result;
    }
    control.reportProgress(0.0, 1.0, "exact (CBC)");

    const std::vector<QuadraticTerm> terms = qubo.quadraticTerms();
    detail::CbcModelPtr model = buildModel(qubo, terms);
    if (options.incumbent)
        setStart(model.get(), *options.incumbent, terms);
    Cbc_setMaximumSeconds(model.get(), options.timeLimitSeconds);
    {
        std::lock_guard<std::mutex> lock(detail::cbcMutex());
        Cbc_solve(model.get());
    }
    if (Cbc_isAbandoned(model.get()))
        throw Error(ErrorCode::SolverFailure, "CBC abandoned the search because of numerical difficulties", "cbc");
    result.iterations = static_cast<std::uint64_t>(std::max(0, Cbc_getNodeCount(model.get())));

    if (const double* solution = Cbc_bestSolution(model.get())) {
        result.bits.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            result.bits[i] = solution[i] > BIT_THRESHOLD ? 1U : 0U;
    }
    // CBC may end without reporting the given start as its solution; never return worse than the incumbent.
    if (options.incumbent
        && (result.bits.empty() || qubo.energy(*options.incumbent) < qubo.energy(result.bits)))
        result.bits = *options.incumbent;
    result.objective = result.bits.empty() ? std::numeric_limits<double>::infinity() : qubo.energy(result.bits);
    result.provenOptimal = Cbc_isProvenOptimal(model.get()) && !result.bits.empty();
    result.status = result.provenOptimal ? SolverStatus::Optimal : SolverStatus::TimeLimit;
    if (!result.provenOptimal)
        result.message = "CBC stopped at the time limit; lower bound "
                         + std::to_string(Cbc_getBestPossibleObjValue(model.get()) + qubo.offset());
    control.reportProgress(1.0, 1.0, "exact (CBC)");
    result.seconds = detail::secondsSince(start);
    return result;
}

} // namespace engine
