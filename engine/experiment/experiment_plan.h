// SPDX-License-Identifier: MIT
// An experiment as a list of independent points, each a function that runs and returns its table rows.
#pragma once

#include "core/run_control.h"
#include "experiment/experiment_row.h"

#include <functional>
#include <vector>

namespace engine {

/// One independent unit of work. `run` must be callable from any thread, concurrently with the other points'
/// (it shares no mutable state with them), and deterministic: everything random in it is seeded from the plan,
/// never from the thread or the order points run in. It returns its rows with `axes` and `metrics` filled
/// (point and sub are stamped by the runner); on cancel it returns what it finished, marked Cancelled.
struct ExperimentPoint {
    std::vector<ExperimentValue> axisValues;  ///< the point's coordinates, used for a Failed row when `run` throws
    std::function<std::vector<ExperimentRow>(RunControl& control)> run;
};

/// A table's header and the points that fill it, in row order.
struct ExperimentPlan {
    ExperimentHeader header;
    std::vector<ExperimentPoint> points;
};

} // namespace engine
