// SPDX-License-Identifier: MIT
// Runs a submitted OpenQASM circuit on a local backend and answers in IBM's Sampler V2 plain-JSON result shape.
#pragma once

#include "emulator/local_backend.h"
#include "emulator/trajectory_emulator.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <string>

namespace engine {

/// The emulator a local job runs on (tests substitute one that inspects the job store first).
using LocalEmulatorFn = std::function<EmulationResult(const Circuit&, const NoiseModel&, const EmulatorOptions&)>;

/// How a local job runs.
struct LocalRunOptions {
    std::uint64_t shots = 4000;  ///< 1..MAX_EMULATOR_SHOTS
    std::uint64_t seed = 1;      ///< the emulation seed (same seed, same samples)
    int threads = 0;             ///< emulator threads, 0 = all
    LocalEmulatorFn emulator;    ///< empty: emulateCircuit
};

/// Encodes an emulation as the body of IBM's GET /jobs/{id}/results with support_qiskit false:
/// {"results":[{"data":{"<reg>":{"samples":["0x..",...],"num_bits":n}},"metadata":{...}}],
///  "metadata":{"backend","noise_model","trajectories","shots","version":2}}. Samples are "0x" + lower-case hex
/// without leading zeros, bit i = register bit i, so parseSamplerResult reads them like IBM's. O(shots).
nlohmann::json samplerResultJson(const EmulationResult& result, const std::string& backendName);

/// Parses `qasm` (the exact stored text of the job), which must be a bound physical circuit, runs it on
/// `backend`'s noise (the ideal model for local:ideal) and returns samplerResultJson of the run. Throws
/// Error(InvalidInput) for text that does not parse, Error(InvalidArgument) for a circuit the emulator refuses
/// (unbound parameters, qubits beyond the device), and Error(LimitExceeded) from the emulator. Cost: that of
/// emulateCircuit.
nlohmann::json runLocalSampler(const std::string& qasm, const LocalBackend& backend, const LocalRunOptions& options);

} // namespace engine
