// SPDX-License-Identifier: MIT
// Sampler V2 execution for the emulator: PUB loading and parameter binding, noisy runs, plain-JSON hex results.
#pragma once

#include "emulator_common.h"
#include "isa_check.h"

#include "circuit/circuit.h"
#include "emulator/noise_model.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ibmemu::detail {

/// Most shots one PUB may ask for; more fails the job after queueing ("exceeds the system limit").
inline constexpr std::uint64_t MAX_PUB_SHOTS = 10'000'000;
/// Most executions (bindings times shots, over all PUBs) one Sampler job may ask for.
inline constexpr std::uint64_t MAX_JOB_EXECUTIONS = 10'000'000;
/// Shots when neither the PUB, params.shots nor options.default_shots give any (IBM's model default).
inline constexpr std::uint64_t DEFAULT_SHOTS = 4096;

/// One PUB ready to run: a checked physical circuit, its bindings (row-major over `shape`) and shots.
struct PreparedPub {
    engine::Circuit circuit;                    ///< may still have parameters
    std::vector<std::size_t> shape;             ///< PUB shape; empty for a scalar PUB
    std::vector<std::vector<double>> bindings;  ///< per binding, values in circuit.parameters() order; >= 1
    std::uint64_t shots = DEFAULT_SHOTS;
};

/// A Sampler job ready to run.
struct PreparedJob {
    std::vector<PreparedPub> pubs;
    std::uint64_t executions = 0;           ///< sum over PUBs of bindings * shots
    std::size_t numCircuits = 0;            ///< sum over PUBs of bindings
    std::size_t estimatedResultBytes = 0;   ///< size of the plain-JSON result body, estimated before running
    std::vector<int> numQubits;             ///< per PUB: qubits the circuit touches
    std::vector<int> depths;                ///< per PUB: circuit depth
};

/// Loads, checks and binds every PUB of validated Sampler `params` (§5.2; request validation already passed)
/// for `target`: circuit acceptance of isa_check.h, gate twirling with fractional gates (1519), parameter values
/// in the object form {"name": value | nested array} (numpy broadcasting between names) or the array form (last
/// dimension = parameters in alphabetical order of their names; a flat list is one binding), shots precedence
/// PUB > params.shots > options.default_shots > 4096, the shot and execution limits, rzz angles per binding.
/// Throws CircuitRejected with the reason a Failed job reports. O(text + bindings * operations).
PreparedJob prepareSamplerJob(const Json& params, const IsaTarget& target);

/// One PUB's part of a result: the text of its `results[k]` entry and its execution span.
struct PubRun {
    std::string resultText;  ///< {"data": {...}, "metadata": {"circuit_metadata": {}}}
    Json span;               ///< [{"date": start}, {"date": stop}, {"<k>": [[shape..., shots], [0, n], [0, shots]]}]
};

/// Runs PUB `index` of a prepared job on `noise` (emulateCircuit per binding, seeds derived from `seed`, the PUB
/// index and the binding index) and encodes every classical register as hex samples (§7.1/7.2: value bit i =
/// register bit i, "0x" + lowercase hex without leading zeros): a flat list for a scalar PUB, nested lists
/// [d0][d1]...[shots] for a broadcast one. Throws engine::Error when the emulator cannot run the circuit.
PubRun runPub(const PreparedPub& pub, std::size_t index, const engine::NoiseModel& noise, std::uint64_t seed);

/// The full plain-JSON result body from the PUB runs: {"results": [...], "metadata": {"execution":
/// {"execution_spans": [...]}, "version": 2}}.
std::string assembleResult(const std::vector<PubRun>& runs);

/// "0x" + lowercase hex of `value` without leading zeros ("0x0" for zero).
std::string hexSample(std::uint64_t value);

} // namespace ibmemu::detail
