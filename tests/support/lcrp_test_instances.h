// SPDX-License-Identifier: MIT
// LCRP instances for tests and benchmarks: "T3"-style labels, hand-built tasks, seeded random instances.
#pragma once

#include "lcrp/lcrp_generator.h"
#include "lcrp/lcrp_instance.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace test_support {

/// "T3"-style labels. NOTE: built with += because GCC 12 reports a false -Wrestrict for "literal" + std::string.
inline std::string label(const char* prefix, std::size_t i)
{
    std::string name(prefix);
    name += std::to_string(i);
    return name;
}

/// A task with the quality floor and latency SLA of its complexity class.
inline engine::LcrpTask makeTask(std::string id, int complexity, double tokens)
{
    engine::LcrpTask t;
    t.id = std::move(id);
    t.complexity = complexity;
    t.tokens = tokens;
    return t;
}

/// `count` tasks "T0", "T1", ... of one complexity; task i has `tokens + i * tokenStep` tokens.
inline std::vector<engine::LcrpTask> numberedTasks(std::size_t count, int complexity, double tokens,
                                                   double tokenStep = 0.0)
{
    std::vector<engine::LcrpTask> tasks;
    for (std::size_t i = 0; i < count; ++i)
        tasks.push_back(makeTask(label("T", i), complexity, tokens + static_cast<double>(i) * tokenStep));
    return tasks;
}

/// What randomLcrpInstance() draws. The defaults give 1..6 tasks, 1..5 models and random penalty weights.
struct RandomLcrpShape {
    int minTasks = 1;
    int maxTasks = 6;
    int minModels = 1;
    int maxModels = 5;
    double minBudgetShare = 0.02;  ///< budget = U(minBudgetShare, 1) * tasks * 300 USD
    bool drawPenalties = true;     ///< draw the quality, budget, latency and context weights after the budget
    bool tokensFirst = false;      ///< per task, draw the token count before the complexity (*)
};
// (*) lcrp_greedy.test.cpp once drew both inside one call's arguments, whose order C++ leaves open; GCC drew the
// tokens first, and that file's seeded instances keep the order.

/// The default shape with minTasks..maxTasks tasks and minModels..maxModels models.
inline RandomLcrpShape lcrpSizes(int minTasks, int maxTasks, int minModels, int maxModels)
{
    return {.minTasks = minTasks, .maxTasks = maxTasks, .minModels = minModels, .maxModels = maxModels};
}

/// Random instance: models "m0".. (a quarter of them free) with random prices, qualities, latencies and context
/// windows, tasks "T0".. with random complexities and token counts, a random budget and, if asked, random penalty
/// weights. The draws, in this order, fix the instance a seed gives; tests rely on it, so keep the order.
inline engine::LcrpInstance randomLcrpInstance(std::mt19937_64& rng, const RandomLcrpShape& shape = {})
{
    auto uniform = [&](double lo, double hi) { return lo + (hi - lo) * std::generate_canonical<double, 53>(rng); };
    auto between = [&](int lo, int hi) {
        return lo + static_cast<int>(rng() % static_cast<std::uint64_t>(hi - lo + 1));
    };
    engine::LcrpInstance inst;
    const int models = between(shape.minModels, shape.maxModels);
    for (int j = 0; j < models; ++j)
        inst.models.push_back({label("m", std::size_t(j)), between(0, 3) == 0 ? 0.0 : uniform(0.0, 20.0),
                               uniform(0.2, 1.0), uniform(10.0, 4000.0), uniform(1000.0, 20000.0)});
    const int tasks = between(shape.minTasks, shape.maxTasks);
    for (int i = 0; i < tasks; ++i) {
        int complexity = 0;
        double tokens = 0.0;
        if (shape.tokensFirst) {
            tokens = std::floor(uniform(100.0, 15000.0));
            complexity = between(1, 5);
        } else {
            complexity = between(1, 5);
            tokens = std::floor(uniform(100.0, 15000.0));
        }
        inst.tasks.push_back(makeTask(label("T", std::size_t(i)), complexity, tokens));
    }
    inst.budgetUsd = uniform(shape.minBudgetShare, 1.0) * tasks * 20.0 * 15.0;
    if (shape.drawPenalties) {
        inst.penalties.quality = uniform(0.0, 80.0);
        inst.penalties.budget = uniform(0.0, 20.0);
        inst.penalties.latency = uniform(0.0, 10.0);
        inst.penalties.context = uniform(0.0, 80.0);
    }
    return inst;
}

/// generateLcrp() on the reference stream (the published instances): the first `numModels` tiers, budget B.
inline engine::LcrpInstance referenceLcrpInstance(std::size_t numTasks, std::size_t numModels, double budgetUsd,
                                                  std::uint32_t seed = 42)
{
    engine::LcrpGeneratorOptions options;
    options.numTasks = numTasks;
    options.numModels = numModels;
    options.seed = seed;
    options.budgetUsd = budgetUsd;
    options.referenceStream = true;
    return engine::generateLcrp(options);
}

} // namespace test_support
