// SPDX-License-Identifier: MIT
// The LLM cascade routing problem instance.
#include "lcrp/lcrp_instance.h"

#include "core/error.h"

#include <cmath>
#include <set>

namespace engine {

const std::array<ComplexityClass, 5>& complexityClasses()
{
    static const std::array<ComplexityClass, 5> classes{{
        {1, "trivial", 0.30, 0.20, 5000.0, 100.0, 500.0},
        {2, "simple", 0.25, 0.40, 10000.0, 200.0, 1000.0},
        {3, "moderate", 0.25, 0.70, 30000.0, 500.0, 3000.0},
        {4, "complex", 0.15, 0.85, 60000.0, 1000.0, 8000.0},
        {5, "expert", 0.05, 0.92, 120000.0, 2000.0, 15000.0},
    }};
    return classes;
}

const std::vector<LcrpModel>& defaultModelTiers()
{
    static const std::vector<LcrpModel> tiers{
        {"gemma2-2b", 0.0, 0.30, 50.0, 8192.0},
        {"haiku", 0.25, 0.60, 200.0, 200000.0},
        {"sonnet", 3.0, 0.82, 500.0, 200000.0},
        {"opus", 15.0, 0.95, 1500.0, 200000.0},
        {"o1", 60.0, 0.99, 3000.0, 128000.0},
    };
    return tiers;
}

double LcrpInstance::qMin(std::size_t task) const
{
    const LcrpTask& t = tasks.at(task);
    return t.qMin ? *t.qMin : complexityClasses().at(static_cast<std::size_t>(t.complexity - 1)).qMin;
}

double LcrpInstance::latencySlaMs(std::size_t task) const
{
    const LcrpTask& t = tasks.at(task);
    return t.latencySlaMs ? *t.latencySlaMs
                          : complexityClasses().at(static_cast<std::size_t>(t.complexity - 1)).latencySlaMs;
}

double LcrpInstance::costUsd(std::size_t task, std::size_t model) const
{
    return models[model].costPer1kUsd * tasks[task].tokens / 1000.0;
}

bool LcrpInstance::meetsQuality(std::size_t task, std::size_t model) const
{
    return models[model].quality >= qMin(task);
}

bool LcrpInstance::meetsLatency(std::size_t task, std::size_t model) const
{
    return models[model].latencyMs <= latencySlaMs(task);
}

bool LcrpInstance::fitsContext(std::size_t task, std::size_t model) const
{
    return tasks[task].tokens <= models[model].contextTokens;
}

bool LcrpInstance::allowed(std::size_t task, std::size_t model) const
{
    return meetsQuality(task, model) && meetsLatency(task, model) && fitsContext(task, model);
}

namespace {

void require(bool ok, const std::string& where, const std::string& rule)
{
    if (!ok)
        throw Error(ErrorCode::InvalidInput, rule, where);
}

bool finite(double v) { return std::isfinite(v); }

} // namespace

void LcrpInstance::validate() const
{
    require(!tasks.empty(), "/tasks", "an instance needs at least one task");
    require(!models.empty(), "/models", "an instance needs at least one model");
    require(finite(budgetUsd) && budgetUsd > 0.0, "/budgetUsd", "budget must be a finite number > 0");

    const std::pair<const char*, double> weights[] = {
        {"assignment", penalties.assignment}, {"quality", penalties.quality}, {"budget", penalties.budget},
        {"latency", penalties.latency},       {"context", penalties.context},
    };
    for (const auto& [name, value] : weights)
        require(finite(value) && value >= 0.0, std::string("/penalties/") + name,
                "penalty weight must be a finite number >= 0");

    std::set<std::string> names;
    for (std::size_t j = 0; j < models.size(); ++j) {
        const LcrpModel& m = models[j];
        const std::string at = "/models/" + std::to_string(j);
        require(!m.name.empty(), at + "/name", "model name must not be empty");
        require(names.insert(m.name).second, at + "/name", "model name '" + m.name + "' is used twice");
        require(finite(m.costPer1kUsd) && m.costPer1kUsd >= 0.0, at + "/costPer1kUsd",
                "cost must be a finite number >= 0");
        require(finite(m.quality) && m.quality >= 0.0 && m.quality <= 1.0, at + "/quality",
                "quality must be in [0, 1]");
        require(finite(m.latencyMs) && m.latencyMs >= 0.0, at + "/latencyMs", "latency must be a finite number >= 0");
        require(finite(m.contextTokens) && m.contextTokens > 0.0, at + "/contextTokens",
                "context window must be a finite number > 0");
    }

    std::set<std::string> ids;
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        const LcrpTask& t = tasks[i];
        const std::string at = "/tasks/" + std::to_string(i);
        require(!t.id.empty(), at + "/id", "task id must not be empty");
        require(ids.insert(t.id).second, at + "/id", "task id '" + t.id + "' is used twice");
        require(t.complexity >= 1 && t.complexity <= 5, at + "/complexity", "complexity must be an integer 1..5");
        require(finite(t.tokens) && t.tokens > 0.0, at + "/tokens", "tokens must be a finite number > 0");
        if (t.qMin)
            require(finite(*t.qMin) && *t.qMin >= 0.0 && *t.qMin <= 1.0, at + "/qMin", "qMin must be in [0, 1]");
        if (t.latencySlaMs)
            require(finite(*t.latencySlaMs) && *t.latencySlaMs > 0.0, at + "/latencySlaMs",
                    "latency SLA must be a finite number > 0");
    }
}

} // namespace engine
