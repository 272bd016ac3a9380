// SPDX-License-Identifier: MIT
// The Q-factor estimator: success curve, expected runtime, minimal expected runtime and their ratio (algorithms.md 5).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace engine {

/// Largest bootstrap resample count accepted by estimateQFactor.
constexpr std::size_t MAX_QFACTOR_BOOTSTRAP_RESAMPLES = 1'000'000;

/// F(T) = #{i : t_i <= T} / N, the fraction of runs that reached the optimum within T (a non-decreasing step
/// function of T). `firstSuccess` holds one t_i per run: iterations (>= 1) or seconds (> 0), +infinity for a
/// run that never reached the optimum. O(N). Throws Error(InvalidArgument) for an empty list or a NaN entry.
double successFraction(const std::vector<double>& firstSuccess, double limit);

/// C(T) = T / F(T) when F(T) > 0, +infinity otherwise (expected work to a solution with restarts after T). O(N).
/// Throws as successFraction.
double expectedRuntime(const std::vector<double>& firstSuccess, double limit);

/// The minimal expected runtime of one start type.
struct MinimalRuntime {
    double value = 0.0;          ///< R_min = min over 1 <= T <= T_total of C(T); censored: T_total * N
    double argmin = 0.0;         ///< the T attaining it (the smallest on ties); censored: T_total
    std::size_t runs = 0;        ///< N
    std::size_t successes = 0;   ///< runs with a finite t_i
    bool censored = false;       ///< no run succeeded: `value` is the stand-in T_total * N, not an estimate
};

/// R_min of the runs in `firstSuccess` (algorithms.md 5, step 4). Between two jumps of F the ratio T / F(T)
/// grows with T, so only the distinct finite t_i are evaluated (F counting every tie). With no success the
/// result is censored with value T_total * N. O(N log N).
/// Throws Error(InvalidArgument) for an empty list, a non-positive or non-finite `cap`, or an entry that is NaN,
/// <= 0, or finite and above `cap` (where() names "firstSuccess[i]").
MinimalRuntime minimalExpectedRuntime(const std::vector<double>& firstSuccess, double cap);

/// How a Q-factor estimate is to be read.
enum class QFactorKind {
    Estimate,     ///< both start types succeeded at least once: Q = R_min(random) / R_min(warm)
    LowerBound,   ///< no random run succeeded: R_min(random) := T_total * N_random, so Q is roughly a lower bound
    WarmFailed,   ///< no warm run succeeded (random did): Q = 0, and `upperBound` = R_min(random) / (T_total * N_warm)
    Undefined,    ///< neither succeeded: Q = NaN
};

/// "estimate", "lower_bound", "warm_failed", "undefined".
const char* qFactorKindName(QFactorKind kind) noexcept;

/// Options of estimateQFactor.
struct QFactorOptions {
    double cap = 0.0;                  ///< T_total, the common per-run limit (iterations or seconds); > 0
    std::size_t bootstrapResamples = 0;  ///< B; 0 = no confidence interval
    double confidenceLevel = 0.95;     ///< two-sided percentile interval level, in (0, 1)
    std::uint64_t seed = 1;            ///< generator of the bootstrap resamples
};

/// A percentile bootstrap interval of Q.
struct QFactorInterval {
    double lower = 0.0;               ///< (1 - level) / 2 quantile of the resampled Q (linear interpolation)
    double upper = 0.0;               ///< (1 + level) / 2 quantile
    double level = 0.95;
    std::size_t resamples = 0;        ///< B
    std::size_t undefinedResamples = 0;  ///< resamples in which neither type succeeded (left out of the quantiles)
};

/// Result of estimateQFactor.
struct QFactorResult {
    double q = 0.0;                   ///< Q (0 for WarmFailed, NaN for Undefined)
    QFactorKind kind = QFactorKind::Estimate;
    std::optional<double> upperBound; ///< WarmFailed only: R_min(random) / (T_total * N_warm)
    MinimalRuntime random;            ///< R_min of the random starts
    MinimalRuntime warm;              ///< R_min of the warm starts
    std::optional<QFactorInterval> interval;  ///< when bootstrapResamples > 0 and some resample was defined
};

/// Q = R_min(random) / R_min(warm) from the first-success values of both start types under one cap T_total
/// (algorithms.md 5), with its edge cases reported through `kind`. The bootstrap resamples the runs with
/// replacement within each start type (B times, from a mt19937_64 seeded with `seed`), recomputes Q with the
/// same edge-case rules and takes percentiles; deterministic for a given seed. The two lists may differ in
/// length, though the method assumes equal N. Cost O((B + 1) * N log N). Pure function, thread-safe.
/// Throws Error(InvalidArgument) as minimalExpectedRuntime, for B > MAX_QFACTOR_BOOTSTRAP_RESAMPLES, or for a
/// confidence level outside (0, 1).
QFactorResult estimateQFactor(const std::vector<double>& randomFirstSuccess,
                              const std::vector<double>& warmFirstSuccess, const QFactorOptions& options);

} // namespace engine
