// SPDX-License-Identifier: MIT
// The QPU-time estimate of a job and the Open Plan budget.
#include "jobstore/qpu_estimate.h"

#include "core/error.h"

#include <algorithm>
#include <cmath>

namespace engine {

namespace {

void checkSeconds(double seconds, const char* name)
{
    if (!std::isfinite(seconds) || seconds < 0.0)
        throw Error(ErrorCode::InvalidArgument, "a time must be finite and >= 0 seconds", name);
}

} // namespace

double estimateQpuSeconds(const QpuEstimateInput& input)
{
    if (input.circuits == 0)
        throw Error(ErrorCode::InvalidArgument, "a job runs at least one circuit", "circuits");
    if (input.shots == 0)
        throw Error(ErrorCode::InvalidArgument, "a job runs at least one shot", "shots");
    checkSeconds(input.fixedSeconds, "fixedSeconds");
    checkSeconds(input.repDelaySeconds, "repDelaySeconds");
    checkSeconds(input.twoQubitGateSeconds, "twoQubitGateSeconds");
    checkSeconds(input.singleQubitGateSeconds, "singleQubitGateSeconds");
    checkSeconds(input.measureSeconds, "measureSeconds");
    // NOTE: counts go to double before multiplying, so huge inputs give a huge estimate instead of wrapping.
    const double circuitSeconds = static_cast<double>(input.twoQubitLayers) * input.twoQubitGateSeconds +
                                  static_cast<double>(input.singleQubitLayers) * input.singleQubitGateSeconds +
                                  input.measureSeconds;
    const double executions = static_cast<double>(input.circuits) * static_cast<double>(input.shots);
    return input.fixedSeconds + executions * (input.repDelaySeconds + circuitSeconds);
}

double estimateQpuSeconds(std::size_t circuits, std::size_t shots, std::size_t twoQubitLayers,
                          std::size_t singleQubitLayers)
{
    QpuEstimateInput input;
    input.circuits = circuits;
    input.shots = shots;
    input.twoQubitLayers = twoQubitLayers;
    input.singleQubitLayers = singleQubitLayers;
    return estimateQpuSeconds(input);
}

double openPlanRemaining(double usedSeconds)
{
    checkSeconds(usedSeconds, "usedSeconds");
    return std::max(0.0, OPEN_PLAN_SECONDS_PER_MONTH - usedSeconds);
}

} // namespace engine
