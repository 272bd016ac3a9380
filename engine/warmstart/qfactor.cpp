// SPDX-License-Identifier: MIT
// The Q-factor estimator: success curve, expected runtime, minimal expected runtime and their ratio (algorithms.md 5).
#include "warmstart/qfactor.h"

#include "core/error.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

namespace engine {

namespace {

void checkNonEmptyNoNan(const std::vector<double>& t)
{
    if (t.empty())
        throw Error(ErrorCode::InvalidArgument, "no runs given", "firstSuccess");
    for (std::size_t i = 0; i < t.size(); ++i)
        if (std::isnan(t[i]))
            throw Error(ErrorCode::InvalidArgument, "first-success value is NaN", indexedPlace("firstSuccess", i));
}

void checkRuns(const std::vector<double>& t, double cap)
{
    if (!(cap > 0.0) || !std::isfinite(cap))
        throw Error(ErrorCode::InvalidArgument, "cap T_total must be positive and finite", "cap");
    checkNonEmptyNoNan(t);
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!(t[i] > 0.0))
            throw Error(ErrorCode::InvalidArgument,
                        "first-success value must be positive (an optimal start counts as iteration 1)",
                        indexedPlace("firstSuccess", i));
        if (std::isfinite(t[i]) && t[i] > cap)
            throw Error(ErrorCode::InvalidArgument, "first-success value exceeds the cap T_total",
                        indexedPlace("firstSuccess", i));
    }
}

// R_min of already validated runs whose finite values are sorted ascending in `sortedFinite`.
MinimalRuntime minimalFromSorted(const std::vector<double>& sortedFinite, std::size_t runs, double cap)
{
    MinimalRuntime r;
    r.runs = runs;
    r.successes = sortedFinite.size();
    if (sortedFinite.empty()) {
        r.censored = true;
        r.value = cap * static_cast<double>(runs);
        r.argmin = cap;
        return r;
    }
    r.value = std::numeric_limits<double>::infinity();
    const double n = static_cast<double>(runs);
    for (std::size_t k = 0; k < sortedFinite.size(); ++k) {
        // Evaluate once per distinct value, at the last of its ties, so F counts all of them.
        if (k + 1 < sortedFinite.size() && sortedFinite[k + 1] == sortedFinite[k])
            continue;
        const double c = sortedFinite[k] * n / static_cast<double>(k + 1);
        if (c < r.value) {
            r.value = c;
            r.argmin = sortedFinite[k];
        }
    }
    return r;
}

std::vector<double> sortedFiniteOf(const std::vector<double>& t)
{
    std::vector<double> finite;
    finite.reserve(t.size());
    for (double v : t)
        if (std::isfinite(v))
            finite.push_back(v);
    std::sort(finite.begin(), finite.end());
    return finite;
}

struct Ratio {
    double q = 0.0;
    QFactorKind kind = QFactorKind::Estimate;
    std::optional<double> upperBound;
};

Ratio ratioOf(const MinimalRuntime& random, const MinimalRuntime& warm, double cap)
{
    Ratio r;
    if (random.censored && warm.censored) {
        r.kind = QFactorKind::Undefined;
        r.q = std::numeric_limits<double>::quiet_NaN();
    } else if (warm.censored) {
        r.kind = QFactorKind::WarmFailed;
        r.q = 0.0;
        r.upperBound = random.value / (cap * static_cast<double>(warm.runs));
    } else {
        r.kind = random.censored ? QFactorKind::LowerBound : QFactorKind::Estimate;
        r.q = random.value / warm.value;
    }
    return r;
}

// Quantile with linear interpolation between order statistics (Hyndman-Fan type 7) of sorted values.
double quantileSorted(const std::vector<double>& sorted, double p)
{
    const double pos = p * static_cast<double>(sorted.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(pos));
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    const double frac = pos - static_cast<double>(lo);
    return sorted[lo] + frac * (sorted[hi] - sorted[lo]);
}

} // namespace

double successFraction(const std::vector<double>& firstSuccess, double limit)
{
    checkNonEmptyNoNan(firstSuccess);
    const auto hits = std::count_if(firstSuccess.begin(), firstSuccess.end(), [&](double t) { return t <= limit; });
    return static_cast<double>(hits) / static_cast<double>(firstSuccess.size());
}

double expectedRuntime(const std::vector<double>& firstSuccess, double limit)
{
    const double f = successFraction(firstSuccess, limit);
    return f > 0.0 ? limit / f : std::numeric_limits<double>::infinity();
}

MinimalRuntime minimalExpectedRuntime(const std::vector<double>& firstSuccess, double cap)
{
    checkRuns(firstSuccess, cap);
    return minimalFromSorted(sortedFiniteOf(firstSuccess), firstSuccess.size(), cap);
}

const char* qFactorKindName(QFactorKind kind) noexcept
{
    switch (kind) {
    case QFactorKind::Estimate: return "estimate";
    case QFactorKind::LowerBound: return "lower_bound";
    case QFactorKind::WarmFailed: return "warm_failed";
    case QFactorKind::Undefined: return "undefined";
    }
    return "unknown";
}

QFactorResult estimateQFactor(const std::vector<double>& randomFirstSuccess,
                              const std::vector<double>& warmFirstSuccess, const QFactorOptions& options)
{
    if (options.bootstrapResamples > MAX_QFACTOR_BOOTSTRAP_RESAMPLES)
        throw Error(ErrorCode::LimitExceeded, "too many bootstrap resamples", "bootstrapResamples");
    if (!(options.confidenceLevel > 0.0 && options.confidenceLevel < 1.0))
        throw Error(ErrorCode::InvalidArgument, "confidence level must lie in (0, 1)", "confidenceLevel");
    checkRuns(randomFirstSuccess, options.cap);
    checkRuns(warmFirstSuccess, options.cap);

    QFactorResult result;
    result.random = minimalExpectedRuntime(randomFirstSuccess, options.cap);
    result.warm = minimalExpectedRuntime(warmFirstSuccess, options.cap);
    const Ratio point = ratioOf(result.random, result.warm, options.cap);
    result.q = point.q;
    result.kind = point.kind;
    result.upperBound = point.upperBound;

    if (options.bootstrapResamples == 0)
        return result;

    std::mt19937_64 rng(options.seed);
    auto resampleMinimal = [&](const std::vector<double>& t, std::vector<double>& scratch) {
        // Only the finite draws matter for R_min; the count N stays that of the original sample.
        std::uniform_int_distribution<std::size_t> pick(0, t.size() - 1);
        scratch.clear();
        for (std::size_t i = 0; i < t.size(); ++i) {
            const double v = t[pick(rng)];
            if (std::isfinite(v))
                scratch.push_back(v);
        }
        std::sort(scratch.begin(), scratch.end());
        return minimalFromSorted(scratch, t.size(), options.cap);
    };
    std::vector<double> scratchRandom, scratchWarm, qs;
    scratchRandom.reserve(randomFirstSuccess.size());
    scratchWarm.reserve(warmFirstSuccess.size());
    qs.reserve(options.bootstrapResamples);
    std::size_t undefined = 0;
    for (std::size_t b = 0; b < options.bootstrapResamples; ++b) {
        const MinimalRuntime r = resampleMinimal(randomFirstSuccess, scratchRandom);
        const MinimalRuntime w = resampleMinimal(warmFirstSuccess, scratchWarm);
        const Ratio ratio = ratioOf(r, w, options.cap);
        if (ratio.kind == QFactorKind::Undefined)
            ++undefined;
        else
            qs.push_back(ratio.q);
    }
    if (qs.empty())
        return result;
    std::sort(qs.begin(), qs.end());
    QFactorInterval interval;
    interval.level = options.confidenceLevel;
    interval.resamples = options.bootstrapResamples;
    interval.undefinedResamples = undefined;
    interval.lower = quantileSorted(qs, (1.0 - options.confidenceLevel) / 2.0);
    interval.upper = quantileSorted(qs, (1.0 + options.confidenceLevel) / 2.0);
    result.interval = interval;
    return result;
}

} // namespace engine
