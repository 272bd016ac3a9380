// SPDX-License-Identifier: MIT
// Noisy emulation of a bound ISA circuit by quantum trajectories on the statevector, with Sampler-shaped results.
#pragma once

#include "circuit/circuit.h"
#include "emulator/noise_model.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace engine {

/// Largest number of shots one emulation returns (each costs 8 bytes per register).
constexpr std::uint64_t MAX_EMULATOR_SHOTS = 100'000'000;
/// Trajectories used when EmulatorOptions::trajectories is 0 (fewer when there are fewer shots).
constexpr std::uint64_t DEFAULT_EMULATOR_TRAJECTORIES = 32;

/// How to run an emulation.
struct EmulatorOptions {
    std::uint64_t shots = 4000;      ///< 1..MAX_EMULATOR_SHOTS
    /// Quantum trajectories; shots are spread evenly over them (the first shots % trajectories get one more).
    /// 0: min(shots, DEFAULT_EMULATOR_TRAJECTORIES). Ignored (1 is used) when no gate of the circuit carries
    /// quantum noise, since then every trajectory is the same pure state.
    std::uint64_t trajectories = 0;
    std::uint64_t seed = 0;          ///< every random choice derives from it; results do not depend on `threads`
    int threads = 0;                 ///< OpenMP threads (0: all)
};

/// The shots of one classical register, as a Sampler returns them.
struct RegisterShots {
    std::string name;
    unsigned size = 0;                               ///< bits, at most 64
    std::vector<std::uint64_t> values;               ///< one per shot; bit k = register bit k
    std::map<std::uint64_t, std::uint64_t> counts;   ///< histogram of values
};

/// Result of emulateCircuit.
struct EmulationResult {
    std::vector<RegisterShots> registers;  ///< in the circuit's register order
    std::uint64_t shots = 0;
    std::uint64_t trajectories = 0;        ///< trajectories actually run
    std::string noiseModel;                ///< NoiseModel::name()
};

/// Runs `circuit` (no unbound parameters; gates, then terminal measurements; leading resets are skipped) under
/// `noise` as quantum trajectories on its used qubits (state qubit k = usedQubits()[k], as simulateCircuit).
/// After each gate: a random Pauli with the gate's depolarising probability, then on every operand amplitude
/// damping (jump chosen with the probability of its branch, gamma1 * P(1)) and a dephasing Z flip. Each trajectory
/// samples its share of shots from its final state, then readout flips are drawn per bit from the measured
/// physical qubit's probabilities. Trajectories run in parallel, each with its own RNG stream derived from
/// (seed, trajectory index); shots are shuffled with a seed-derived permutation at the end.
/// Throws Error(InvalidArgument) for parameters, mid-circuit measurements or resets, registers over 64 bits,
/// zero or too many shots, qubits the noise model lacks; Error(LimitExceeded) above MAX_SIMULATED_CIRCUIT_QUBITS
/// used qubits or when the states of the parallel trajectories do not fit in memory (checked before allocating).
/// Cost O(trajectories * operations * 2^used / threads + shots * clbits).
EmulationResult emulateCircuit(const Circuit& circuit, const NoiseModel& noise, const EmulatorOptions& options = {});

} // namespace engine
