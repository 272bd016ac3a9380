// SPDX-License-Identifier: MIT
// Turns a device calibration into per-gate depolarising, relaxation and readout probabilities.
#include "emulator/noise_model.h"

#include "core/error.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace engine {

namespace {

constexpr double INF = std::numeric_limits<double>::infinity();

double probabilityOrZero(double p)
{
    return std::isfinite(p) ? std::clamp(p, 0.0, 1.0) : 0.0;
}

} // namespace

double depolarizingPauliProbability(double gateError, unsigned numQubits)
{
    if (!std::isfinite(gateError) || gateError <= 0.0)
        return 0.0;
    const double d = numQubits == 1 ? 2.0 : 4.0;
    const double lambda = gateError * d / (d - 1.0);
    const double maxPauli = (d * d - 1.0) / (d * d);
    return std::min(lambda * maxPauli, maxPauli);
}

NoiseModel::NoiseModel(const DeviceModel& device) : m_ideal(false), m_name(device.name)
{
    m_coherence.reserve(device.qubits.size());
    m_readout.reserve(device.qubits.size());
    for (const QubitCalibration& q : device.qubits) {
        QubitCoherence c{INF, INF};
        const bool hasT1 = std::isfinite(q.t1Us) && q.t1Us > 0.0;
        const bool hasT2 = std::isfinite(q.t2Us) && q.t2Us > 0.0;
        if (hasT1)
            c.t1Us = q.t1Us;
        if (hasT2) {
            const double t2 = hasT1 ? std::min(q.t2Us, 2.0 * q.t1Us) : q.t2Us;
            const double rate = 1.0 / t2 - (hasT1 ? 0.5 / q.t1Us : 0.0);
            // At the T2 = 2 T1 limit the rate is zero up to rounding: no pure dephasing.
            c.tPhiUs = rate > 1e-15 / t2 ? 1.0 / rate : INF;
        }
        m_coherence.push_back(c);
        m_readout.push_back({probabilityOrZero(q.probMeas1Prep0), probabilityOrZero(q.probMeas0Prep1)});
    }
    for (const GateCalibration& g : device.gates)
        m_gates[{g.name, g.qubits}] = {g.error, g.lengthNs};
}

void NoiseModel::checkQubit(unsigned qubit) const
{
    if (!m_ideal && qubit >= m_coherence.size())
        throw Error(ErrorCode::InvalidArgument,
                    "qubit " + std::to_string(qubit) + " is not on device " + m_name + " (" +
                        std::to_string(m_coherence.size()) + " qubits)",
                    "qubit");
}

GateNoise NoiseModel::gateNoise(GateId id, std::span<const unsigned> qubits) const
{
    for (unsigned q : qubits)
        checkQubit(q);
    // rz is virtual on the devices modelled here: no pulse, so no error and no time, even if a calibration
    // lists an entry for it.
    if (m_ideal || id == GateId::RZ)
        return {};
    const GateSpec& spec = gateSpec(id);
    std::vector<unsigned> key(qubits.begin(), qubits.end());
    auto it = m_gates.find({std::string(spec.name), key});
    if (it == m_gates.end() && spec.symmetric && key.size() == 2) {
        std::swap(key[0], key[1]);
        it = m_gates.find({std::string(spec.name), key});
    }
    if (it == m_gates.end())
        return {};
    GateNoise noise;
    noise.pauliProbability = depolarizingPauliProbability(it->second.first, spec.numQubits);
    noise.durationNs = std::isfinite(it->second.second) && it->second.second > 0.0 ? it->second.second : 0.0;
    return noise;
}

RelaxationNoise NoiseModel::relaxation(unsigned qubit, double durationNs) const
{
    checkQubit(qubit);
    if (m_ideal || !(durationNs > 0.0))
        return {};
    const QubitCoherence& c = m_coherence[qubit];
    const double tUs = durationNs * 1e-3;
    RelaxationNoise r;
    r.gamma1 = std::isfinite(c.t1Us) ? -std::expm1(-tUs / c.t1Us) : 0.0;
    r.phaseFlip = std::isfinite(c.tPhiUs) ? -0.5 * std::expm1(-tUs / c.tPhiUs) : 0.0;
    return r;
}

ReadoutNoise NoiseModel::readout(unsigned qubit) const
{
    checkQubit(qubit);
    return m_ideal ? ReadoutNoise{} : m_readout[qubit];
}

QubitCoherence NoiseModel::coherence(unsigned qubit) const
{
    checkQubit(qubit);
    return m_ideal ? QubitCoherence{INF, INF} : m_coherence[qubit];
}

} // namespace engine
