// SPDX-License-Identifier: MIT
// A pure estimate of the QPU seconds an IBM job will be charged, and the Open Plan's monthly budget.
#pragma once

#include <cstddef>

namespace engine {

/// QPU seconds the IBM Open Plan grants per month. IBM's own wording is "600 s per 28 days"
/// (ibm-quantum-rest-api.md section 5.5); the workbench budgets per calendar month (UTC) as the job store sums.
constexpr double OPEN_PLAN_SECONDS_PER_MONTH = 600.0;

/// What one job runs, and the device timings. The timing defaults are ibm_fez's (Heron r2) calibration snapshot
/// medians: CZ 84 ns, SX 24 ns, readout 1.56 us, default repetition delay 250 us.
struct QpuEstimateInput {
    std::size_t circuits = 1;          ///< circuits executed (all PUBs, after parameter broadcasting); >= 1
    std::size_t shots = 1;             ///< shots per circuit; >= 1
    std::size_t twoQubitLayers = 0;    ///< two-qubit gate layers of the transpiled circuit (pass the whole
                                       ///< depth here when only that is known: an upper bound)
    std::size_t singleQubitLayers = 0; ///< layers of physical one-qubit pulses (sx, x; rz is virtual and free)
    double fixedSeconds = 2.0;         ///< per-job overhead (loading, compilation, readout transfer), seconds
    double repDelaySeconds = 250e-6;   ///< wait between shots (the device's rep_delay), seconds
    double twoQubitGateSeconds = 84e-9;
    double singleQubitGateSeconds = 24e-9;
    double measureSeconds = 1.56e-6;   ///< one readout (all qubits measured in parallel)
};

/// Estimated charged QPU seconds of one job:
///
///     fixedSeconds + circuits * shots * (repDelaySeconds + circuitSeconds),
///     circuitSeconds = twoQubitLayers * twoQubitGateSeconds + singleQubitLayers * singleQubitGateSeconds
///                      + measureSeconds.
///
/// Every shot costs the repetition delay (the qubits relax to the ground state) plus the circuit itself; the
/// fixed part is what IBM charges even for a one-shot job (small jobs are billed 2-3 s). With the defaults the
/// delay dominates: 4096 shots of one shallow circuit take about 2 + 4096 * 0.25 ms = 3.0 s. The estimate is
/// not rounded (IBM bills whole seconds). Throws Error(InvalidArgument) for zero circuits or shots and for
/// negative or non-finite times. O(1).
double estimateQpuSeconds(const QpuEstimateInput& input);

/// estimateQpuSeconds with the default timings.
double estimateQpuSeconds(std::size_t circuits, std::size_t shots, std::size_t twoQubitLayers,
                          std::size_t singleQubitLayers = 0);

/// Seconds left of the Open Plan's monthly OPEN_PLAN_SECONDS_PER_MONTH after `usedSeconds`, never below 0.
/// Throws Error(InvalidArgument) for a negative or non-finite `usedSeconds`.
double openPlanRemaining(double usedSeconds);

} // namespace engine
