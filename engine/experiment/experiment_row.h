// SPDX-License-Identifier: MIT
// The rows of an experiment table: typed cells, the column header and one row per finished run.
#pragma once

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

namespace engine {

/// One cell: empty (a metric the run does not have, or NaN), a number, or a text (mixer, Q-factor kind).
using ExperimentValue = std::variant<std::monostate, double, std::string>;

/// The cell as text: "" when empty, numbers with 17 significant digits trimmed ("%.17g"), texts as they are.
std::string experimentValueText(const ExperimentValue& value);
/// The number in `value`, or NaN when it is empty or a text.
double experimentValueNumber(const ExperimentValue& value);
/// A number cell, empty when `v` is NaN or infinite (CSV and JSON have no such numbers).
ExperimentValue finiteValue(double v);

/// How one row's run ended.
enum class ExperimentRowStatus {
    Ok,         ///< the run finished
    Cancelled,  ///< the run was stopped by cancel; its metrics are the best so far (may be empty)
    Failed,     ///< the run threw; `error` says why and the metrics are empty
};
/// "ok", "cancelled", "failed".
const char* experimentRowStatusName(ExperimentRowStatus status) noexcept;

/// The columns of a table: the axes (what was varied, the row's coordinates) and the metrics (what was measured).
struct ExperimentHeader {
    std::string kind;                  ///< "qaoa", "warmstart", "lcrp-table2", ... (names the table)
    std::vector<std::string> axes;     ///< axis column names, for example "p", "mixer", "lambda_q"
    std::vector<std::string> metrics;  ///< metric column names, for example "valid_rate", "q_factor", "seconds"

    /// Index of `name` in axes / metrics, or -1.
    int axisIndex(const std::string& name) const;
    int metricIndex(const std::string& name) const;
};

/// One row. Rows are ordered by (point, sub): the order of the plan, whatever order they finished in.
struct ExperimentRow {
    std::size_t point = 0;                 ///< index of the plan point that produced the row
    std::size_t sub = 0;                   ///< index of the row within its point (most points give one row)
    std::vector<ExperimentValue> axes;     ///< axes[k] belongs to header.axes[k]
    std::vector<ExperimentValue> metrics;  ///< metrics[k] belongs to header.metrics[k]
    ExperimentRowStatus status = ExperimentRowStatus::Ok;
    std::string error;                     ///< English detail (engine::Error::what()) when Failed

    /// The metric named `name` of `header`, or an empty value when there is no such column.
    const ExperimentValue& metric(const ExperimentHeader& header, const std::string& name) const;
    /// The axis value named `name` of `header`, or an empty value.
    const ExperimentValue& axis(const ExperimentHeader& header, const std::string& name) const;
};

/// (point, sub) order.
bool experimentRowBefore(const ExperimentRow& a, const ExperimentRow& b) noexcept;

} // namespace engine
