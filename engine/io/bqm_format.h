// SPDX-License-Identifier: MIT
// Export of a QUBO as a D-Wave dimod serializable binary quadratic model (BQM JSON, schema 3.0.0).
#pragma once

#include "qubo/qubo_model.h"

#include <nlohmann/json.hpp>

namespace engine {

/// The dimod `BinaryQuadraticModel.to_serializable()` document (bqm_schema 3.0.0, use_bytes false,
/// variable_type "BINARY") of `qubo`: linear_biases a_i, quadratic_head/tail/biases the pairs i < j with
/// b_ij != 0 in (i, j) order, offset f0, so that dimod's energy equals QuboModel::energy for every x.
/// Variable labels are the model's variable names when it has them, else the indices 0..n-1. O(n + nnz).
nlohmann::json quboToBqmJson(const QuboModel& qubo);

} // namespace engine
