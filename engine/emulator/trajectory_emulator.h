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
    /// Relax every used qubit while it waits, not only during its own gates: the circuit is scheduled ASAP
    /// (scheduleCircuit) and each idle window of a qubit gets the amplitude damping and dephasing of
    /// NoiseModel::relaxation over its length, including the wait from the qubit's last gate to the common start
    /// of the measurements. A qubit does not relax before its first gate (it is |0> there, which damping keeps,
    /// and the device resets it just before). false: only gate operands relax, as before this option existed.
    bool idleRelaxation = true;
};

/// A span of time in which one qubit waits between two of its gates, or after its last gate for the measurements.
struct IdleWindow {
    unsigned qubit = 0;    ///< circuit qubit
    double startNs = 0.0;  ///< end of the qubit's previous gate
    double endNs = 0.0;    ///< start of its next gate, or the start of the measurements
};

/// When each operation of a circuit runs on a device, as the emulator assumes.
struct CircuitSchedule {
    /// Per operation, in circuit order: start time in ns. A gate starts as soon as all its qubits are free
    /// (ASAP); a barrier aligns its qubits (all qubits when it names none) to the latest of them and starts then;
    /// a reset takes no time at its qubit's free time; every measurement starts at makespanNs.
    std::vector<double> startNs;
    /// Per operation: duration in ns (GateNoise::durationNs for gates, so rz and uncalibrated gates take 0 ns;
    /// 0 for barriers, resets and measurements, whose readout window is not modelled).
    std::vector<double> durationNs;
    /// Idle windows of positive length of every qubit after its first gate, ordered by qubit, then time.
    std::vector<IdleWindow> idle;
    double makespanNs = 0.0;  ///< end of the last gate: when the measurements start
};

/// Schedules `circuit` ASAP with the gate durations of `noise` (see CircuitSchedule). Assumes measurements are
/// terminal (emulateCircuit checks that); a reset makes its qubit fresh again, so it has no idle window until its
/// next gate. Throws Error(InvalidArgument) for qubits the noise model lacks. O(operations * log + qubits).
/// Thread-safe.
CircuitSchedule scheduleCircuit(const Circuit& circuit, const NoiseModel& noise);

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
/// damping (jump chosen with the probability of its branch, gamma1 * P(1)) and a dephasing Z flip, over the
/// gate's duration plus, with options.idleRelaxation, the qubit's idle time up to its next gate (channels on one
/// qubit commute with everything that acts on others in between, so one channel covers gate and wait; rz and other
/// noiseless diagonal one-qubit gates commute with them too and do not split a wait). Damping and dephasing from a
/// qubit's last gate to the measurement are applied exactly as what they are before a Z measurement: a classical
/// 1 -> 0 flip of the sampled bit with the damping probability (dephasing has no effect there); unmeasured qubits
/// skip them. Channel probabilities below 1e-12 are dropped. Each trajectory samples its share of shots from its
/// final state, then readout flips are drawn per bit from the measured physical qubit's probabilities.
/// Trajectories run in parallel, each with its own RNG stream derived from (seed, trajectory index); shots are
/// shuffled with a seed-derived permutation at the end.
/// Throws Error(InvalidArgument) for parameters, mid-circuit measurements or resets, registers over 64 bits,
/// zero or too many shots, qubits the noise model lacks; Error(LimitExceeded) above MAX_SIMULATED_CIRCUIT_QUBITS
/// used qubits or when the states of the parallel trajectories do not fit in memory (checked before allocating).
/// Cost O(trajectories * (two-qubit gates + jump proposals * used) * 2^used / threads + shots * clbits), with a
/// small constant: one-qubit gates, Paulis and no-jump damping factors are folded into pending 2x2 matrices that
/// ride along with the next two-qubit gate of their qubit, consecutive two-qubit gates on one pair share a pass,
/// and a damping jump is first proposed with probability gamma1 and then accepted with the exact P(1)
/// (thinning), so P(1) is only computed for the rare proposals (about the summed gamma1 of a trajectory).
EmulationResult emulateCircuit(const Circuit& circuit, const NoiseModel& noise, const EmulatorOptions& options = {});

} // namespace engine
