// SPDX-License-Identifier: MIT
// The noise of a device's calibration as the trajectory emulator applies it: depolarising, relaxation, readout.
#pragma once

#include "circuit/gate_table.h"
#include "transpile/device_model.h"

#include <map>
#include <span>
#include <string>
#include <tuple>
#include <vector>

namespace engine {

/// Noise attached to one gate instance.
struct GateNoise {
    /// Probability that a uniformly chosen non-identity Pauli on the gate's qubits follows the gate (1q: X, Y, Z
    /// each pauliProbability / 3; 2q: each of the 15 two-qubit Paulis pauliProbability / 15).
    double pauliProbability = 0.0;
    double durationNs = 0.0;  ///< gate duration in ns; thermal relaxation acts over it on every operand
};

/// Relaxation of one qubit over a duration, as two independent channels applied in order.
struct RelaxationNoise {
    double gamma1 = 0.0;           ///< amplitude-damping probability 1 - exp(-t / T1)
    double phaseFlip = 0.0;        ///< pure-dephasing Z probability (1 - exp(-t / T_phi)) / 2
};

/// Classical readout bit-flip probabilities of one qubit.
struct ReadoutNoise {
    double probMeas1Prep0 = 0.0;   ///< P(read 1 | state 0)
    double probMeas0Prep1 = 0.0;   ///< P(read 0 | state 1)
};

/// Per-qubit coherence times after cleaning: infinity where the calibration has none.
struct QubitCoherence {
    double t1Us;     ///< T1 in microseconds (infinity: no amplitude damping)
    double tPhiUs;   ///< pure-dephasing time in microseconds from 1/T2 = 1/(2 T1) + 1/T_phi, T2 clamped to 2 T1
};

/// Device noise for the trajectory emulator.
///
/// Conversions (stated here because they fix every rate):
/// - gate_error is read as the average gate infidelity r of a d-dimensional depolarising channel
///   E(rho) = (1 - lambda) rho + lambda I / d, for which r = lambda (d - 1) / d. Written as a Pauli channel, the
///   probability of a non-identity Pauli is lambda (d^2 - 1) / d^2, i.e. 3 r / 2 for one qubit (d = 2) and
///   5 r / 4 for two qubits (d = 4); it is capped at (d^2 - 1) / d^2 (fully depolarising). The calibrated error is
///   used as it is (relaxation is not subtracted from it).
/// - T1 gives amplitude damping gamma1 = 1 - exp(-t / T1); T2 (clamped to at most 2 T1) gives pure dephasing with
///   1 / T_phi = 1 / T2 - 1 / (2 T1), applied as a Z flip with probability (1 - exp(-t / T_phi)) / 2, so the
///   combined coherence decays as exp(-t / T2).
/// - Any NaN calibration value switches off only the part it feeds: no depolarising for a gate without error, no
///   relaxation for a gate without length, no damping without T1 (and then T_phi = T2), no dephasing without T2,
///   no readout flip without its probability. Gates without calibration entries are noiseless; rz is virtual
///   (a frame change in the control electronics) and is always noiseless and 0 ns long, whatever the calibration
///   lists for it.
/// - The model gives the relaxation of a qubit over any duration (`relaxation`); the trajectory emulator applies
///   it over every gate on its operands and, by default, over every idle gap of a scheduled circuit
///   (EmulatorOptions::idleRelaxation).
/// Immutable after construction; all methods are const and thread-safe.
class NoiseModel {
public:
    /// The ideal model: no noise on any qubit.
    NoiseModel() = default;
    /// Reads `device`'s calibration. O(calibrated gates * log).
    explicit NoiseModel(const DeviceModel& device);

    /// True for the ideal model.
    bool isIdeal() const { return m_ideal; }
    /// Name of the device it came from ("ideal" for the ideal model).
    const std::string& name() const { return m_name; }
    /// Qubits the model describes (0 for the ideal model, which accepts any qubit).
    unsigned numQubits() const { return static_cast<unsigned>(m_coherence.size()); }

    /// Noise of gate `id` on `qubits` (calibration looked up by the gate's table name, exact operand order, and the
    /// reversed order for symmetric gates; rz: always none). Throws Error(InvalidArgument) for a qubit the device
    /// lacks. O(log).
    GateNoise gateNoise(GateId id, std::span<const unsigned> qubits) const;
    /// Relaxation of `qubit` over `durationNs`. O(1).
    RelaxationNoise relaxation(unsigned qubit, double durationNs) const;
    /// Readout flips of `qubit`. O(1).
    ReadoutNoise readout(unsigned qubit) const;
    /// Coherence times of `qubit` (infinite for the ideal model).
    QubitCoherence coherence(unsigned qubit) const;

private:
    void checkQubit(unsigned qubit) const;

    bool m_ideal = true;
    std::string m_name = "ideal";
    std::vector<QubitCoherence> m_coherence;
    std::vector<ReadoutNoise> m_readout;
    // (gate name, qubits) -> (error, length ns), as calibrated (NaN kept).
    std::map<std::pair<std::string, std::vector<unsigned>>, std::pair<double, double>> m_gates;
};

/// Probability of a non-identity Pauli for a d-dimensional depolarising channel of average infidelity
/// `gateError` (see NoiseModel); 0 for NaN or non-positive input. O(1).
double depolarizingPauliProbability(double gateError, unsigned numQubits);

} // namespace engine
