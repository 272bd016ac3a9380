// SPDX-License-Identifier: MIT
// Export of a QUBO in dimod's serializable BQM layout (bqm_schema 3.0.0, JSON lists, no byte encoding).
#include "io/bqm_format.h"

#include <limits>
#include <set>
#include <string>

namespace engine {

namespace {

// dimod requires unique labels; names that collide (or are partly unset) fall back to the indices.
bool namesAreUsableLabels(const QuboModel& qubo)
{
    if (!qubo.hasVariableNames())
        return false;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < qubo.numVariables(); ++i)
        if (!seen.insert(qubo.variableName(i)).second)
            return false;
    return true;
}

} // namespace

nlohmann::json quboToBqmJson(const QuboModel& qubo)
{
    using nlohmann::json;
    const std::size_t n = qubo.numVariables();

    json labels = json::array();
    const bool named = namesAreUsableLabels(qubo);
    for (std::size_t i = 0; i < n; ++i) {
        if (named)
            labels.push_back(qubo.variableName(i));
        else
            labels.push_back(i);
    }

    json linear = json::array();
    for (double a : qubo.linearTerms())
        linear.push_back(a);

    json head = json::array();
    json tail = json::array();
    json biases = json::array();
    for (const QuadraticTerm& t : qubo.quadraticTerms()) {
        if (t.value == 0.0)
            continue;
        head.push_back(t.i);
        tail.push_back(t.j);
        biases.push_back(t.value);
    }

    const bool small = n <= static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max());
    json bqm = json::object();
    bqm["type"] = "BinaryQuadraticModel";
    bqm["version"] = {{"bqm_schema", "3.0.0"}};
    bqm["use_bytes"] = false;
    bqm["index_type"] = small ? "int32" : "int64";
    bqm["bias_type"] = "float64";
    bqm["num_variables"] = n;
    bqm["num_interactions"] = biases.size();
    bqm["variable_labels"] = std::move(labels);
    bqm["variable_type"] = "BINARY";
    bqm["offset"] = qubo.offset();
    bqm["info"] = json::object();
    bqm["linear_biases"] = std::move(linear);
    bqm["quadratic_biases"] = std::move(biases);
    bqm["quadratic_head"] = std::move(head);
    bqm["quadratic_tail"] = std::move(tail);
    return bqm;
}

} // namespace engine
