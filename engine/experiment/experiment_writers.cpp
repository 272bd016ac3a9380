// SPDX-License-Identifier: MIT
// CSV and JSON renderings of experiment rows.
#include "experiment/experiment_writers.h"

#include <cmath>

namespace engine {

namespace {

std::string csvField(const std::string& text)
{
    if (text.find_first_of(",\"\r\n") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

nlohmann::json jsonValue(const ExperimentValue& value)
{
    if (const auto* text = std::get_if<std::string>(&value))
        return *text;
    if (const auto* number = std::get_if<double>(&value))
        return std::isfinite(*number) ? nlohmann::json(*number) : nlohmann::json(nullptr);
    return nullptr;
}

const ExperimentValue& cell(const std::vector<ExperimentValue>& values, std::size_t k)
{
    static const ExperimentValue EMPTY{};
    return k < values.size() ? values[k] : EMPTY;
}

} // namespace

std::string experimentCsv(const ExperimentHeader& header, const std::vector<ExperimentRow>& rows)
{
    std::string csv = "point";
    for (const std::string& name : header.axes)
        csv.append(",").append(csvField(name));
    for (const std::string& name : header.metrics)
        csv.append(",").append(csvField(name));
    csv += ",status,error\n";
    for (const ExperimentRow& row : rows) {
        csv += std::to_string(row.point);
        for (std::size_t k = 0; k < header.axes.size(); ++k)
            csv.append(",").append(csvField(experimentValueText(cell(row.axes, k))));
        for (std::size_t k = 0; k < header.metrics.size(); ++k)
            csv.append(",").append(csvField(experimentValueText(cell(row.metrics, k))));
        csv += std::string(",") + experimentRowStatusName(row.status) + "," + csvField(row.error) + "\n";
    }
    return csv;
}

nlohmann::json experimentJson(const ExperimentHeader& header, const std::vector<ExperimentRow>& rows)
{
    nlohmann::json table = nlohmann::json::array();
    for (const ExperimentRow& row : rows) {
        nlohmann::json j{{"point", row.point}, {"sub", row.sub}, {"status", experimentRowStatusName(row.status)}};
        for (std::size_t k = 0; k < header.axes.size(); ++k)
            j[header.axes[k]] = jsonValue(cell(row.axes, k));
        for (std::size_t k = 0; k < header.metrics.size(); ++k)
            j[header.metrics[k]] = jsonValue(cell(row.metrics, k));
        if (row.status == ExperimentRowStatus::Failed)
            j["error"] = row.error;
        table.push_back(std::move(j));
    }
    return {{"kind", header.kind}, {"axes", header.axes}, {"metrics", header.metrics}, {"rows", table}};
}

} // namespace engine
