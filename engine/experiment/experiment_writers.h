// SPDX-License-Identifier: MIT
// Experiment tables as CSV and JSON.
#pragma once

#include "experiment/experiment_row.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace engine {

/// CSV with a header line: point, the axes, the metrics, status, error. Empty cells for missing values; texts
/// with a comma, quote or line break are quoted (RFC 4180). Numbers as experimentValueText. O(cells).
std::string experimentCsv(const ExperimentHeader& header, const std::vector<ExperimentRow>& rows);

/// {"kind", "axes": [names], "metrics": [names], "rows": [{"point", "sub", "status", <axis>: v, <metric>: v,
/// "error" (Failed only)}]}; missing values are null. O(cells).
nlohmann::json experimentJson(const ExperimentHeader& header, const std::vector<ExperimentRow>& rows);

} // namespace engine
