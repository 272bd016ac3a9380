// SPDX-License-Identifier: MIT
// Random LCRP instances with the paper's complexity mix, including the NumPy-compatible reference stream.
#include "lcrp/lcrp_generator.h"

#include "core/error.h"
#include "core/legacy_random_state.h"

#include <array>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>

namespace engine {

namespace {

/// Upper bound on generated tasks: far beyond any routing batch, small enough that a typo cannot exhaust memory.
constexpr std::size_t MAX_GENERATED_TASKS = 1'000'000;

/// The reference code's 100-entry complexity list: level c repeated share_c * 100 times, in level order.
std::array<int, 100> complexityList()
{
    std::array<int, 100> list{};
    std::size_t at = 0;
    for (const ComplexityClass& c : complexityClasses()) {
        const auto count = static_cast<std::size_t>(std::lround(c.share * 100.0));
        for (std::size_t r = 0; r < count && at < list.size(); ++r)
            list[at++] = c.level;
    }
    return list;
}

/// Python's int(lo + (hi - lo) * u) for u in [0, 1): truncation toward zero of a positive value.
double tokensFor(const ComplexityClass& c, double u)
{
    const double tokens = std::trunc(c.tokensLow + (c.tokensHigh - c.tokensLow) * u);
    // NOTE: some standard libraries' uniform_real_distribution can round up to 1.0; keep the range half-open.
    return std::min(tokens, c.tokensHigh - 1.0);
}

std::string taskId(std::size_t i)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "T-%03zu", i);
    return buffer;
}

} // namespace

LcrpInstance generateLcrp(const LcrpGeneratorOptions& options)
{
    if (options.numTasks < 1 || options.numTasks > MAX_GENERATED_TASKS)
        throw Error(ErrorCode::InvalidArgument,
                    "number of tasks must be in [1, " + std::to_string(MAX_GENERATED_TASKS) + "], got "
                        + std::to_string(options.numTasks),
                    "--tasks");
    const std::size_t tiers = defaultModelTiers().size();
    if (options.numModels < 1 || options.numModels > tiers)
        throw Error(ErrorCode::InvalidArgument,
                    "number of models must be in [1, " + std::to_string(tiers) + "], got "
                        + std::to_string(options.numModels),
                    "--models");
    if (!(std::isfinite(options.budgetUsd) && options.budgetUsd > 0.0))
        throw Error(ErrorCode::InvalidArgument, "budget must be a finite number > 0", "--budget");

    LcrpInstance instance;
    instance.name = "lcrp " + std::to_string(options.numTasks) + " x " + std::to_string(options.numModels)
                    + " seed " + std::to_string(options.seed);
    instance.models.assign(defaultModelTiers().begin(),
                           defaultModelTiers().begin() + static_cast<std::ptrdiff_t>(options.numModels));
    instance.budgetUsd = options.budgetUsd;
    instance.tasks.resize(options.numTasks);

    const std::array<int, 100> list = complexityList();
    auto fill = [&](std::size_t i, std::size_t pick, double u) {
        LcrpTask& task = instance.tasks[i];
        task.id = taskId(i);
        task.complexity = list[pick];
        task.tokens = tokensFor(complexityClasses()[static_cast<std::size_t>(task.complexity - 1)], u);
    };

    // Per task: the complexity draw first, then the token draw (the reference code's order).
    if (options.referenceStream) {
        LegacyRandomState rng(options.seed);
        for (std::size_t i = 0; i < options.numTasks; ++i) {
            const std::uint32_t pick = rng.boundedInt(99);
            fill(i, pick, rng.randomSample());
        }
    } else {
        std::mt19937_64 rng(options.seed);
        std::uniform_int_distribution<std::size_t> pickDist(0, list.size() - 1);
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        for (std::size_t i = 0; i < options.numTasks; ++i) {
            const std::size_t pick = pickDist(rng);
            fill(i, pick, unit(rng));
        }
    }
    return instance;
}

} // namespace engine
