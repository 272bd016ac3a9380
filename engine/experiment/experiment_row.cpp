// SPDX-License-Identifier: MIT
// Experiment cells as text and numbers, header look-ups and row order.
#include "experiment/experiment_row.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace engine {

namespace {

const ExperimentValue EMPTY_VALUE{};

int indexOf(const std::vector<std::string>& names, const std::string& name)
{
    const auto it = std::find(names.begin(), names.end(), name);
    return it == names.end() ? -1 : static_cast<int>(it - names.begin());
}

} // namespace

std::string experimentValueText(const ExperimentValue& value)
{
    if (const auto* text = std::get_if<std::string>(&value))
        return *text;
    if (const auto* number = std::get_if<double>(&value)) {
        if (!std::isfinite(*number))
            return {};
        // The shortest of %.15g and %.17g that reads back exactly: 0.1 stays "0.1", nothing is lost.
        char buffer[40];
        std::snprintf(buffer, sizeof buffer, "%.15g", *number);
        if (std::strtod(buffer, nullptr) != *number)
            std::snprintf(buffer, sizeof buffer, "%.17g", *number);
        return buffer;
    }
    return {};
}

double experimentValueNumber(const ExperimentValue& value)
{
    if (const auto* number = std::get_if<double>(&value))
        return *number;
    return std::numeric_limits<double>::quiet_NaN();
}

ExperimentValue finiteValue(double v)
{
    return std::isfinite(v) ? ExperimentValue(v) : ExperimentValue();
}

const char* experimentRowStatusName(ExperimentRowStatus status) noexcept
{
    switch (status) {
    case ExperimentRowStatus::Ok:
        return "ok";
    case ExperimentRowStatus::Cancelled:
        return "cancelled";
    case ExperimentRowStatus::Failed:
        return "failed";
    }
    return "ok";
}

int ExperimentHeader::axisIndex(const std::string& name) const
{
    return indexOf(axes, name);
}

int ExperimentHeader::metricIndex(const std::string& name) const
{
    return indexOf(metrics, name);
}

const ExperimentValue& ExperimentRow::metric(const ExperimentHeader& header, const std::string& name) const
{
    const int k = header.metricIndex(name);
    return k >= 0 && static_cast<std::size_t>(k) < metrics.size() ? metrics[static_cast<std::size_t>(k)]
                                                                  : EMPTY_VALUE;
}

const ExperimentValue& ExperimentRow::axis(const ExperimentHeader& header, const std::string& name) const
{
    const int k = header.axisIndex(name);
    return k >= 0 && static_cast<std::size_t>(k) < axes.size() ? axes[static_cast<std::size_t>(k)] : EMPTY_VALUE;
}

bool experimentRowBefore(const ExperimentRow& a, const ExperimentRow& b) noexcept
{
    return a.point != b.point ? a.point < b.point : a.sub < b.sub;
}

} // namespace engine
