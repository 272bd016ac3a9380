// SPDX-License-Identifier: MIT
// Lists local and IBM backends and summarises device calibrations by their medians.
#include "jobservice/backend_listing.h"

#include "emulator/local_backend.h"
#include "ibmq/ibm_client.h"

#include <algorithm>
#include <cmath>

namespace engine {

namespace {

std::optional<double> median(std::vector<double> values)
{
    values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return !std::isfinite(v); }),
                 values.end());
    if (values.empty())
        return std::nullopt;
    const std::size_t mid = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid), values.end());
    const double upper = values[mid];
    if (values.size() % 2 == 1)
        return upper;
    const double lower = *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid));
    return 0.5 * (lower + upper);
}

nlohmann::json numberOrNull(double value)
{
    return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr);
}

nlohmann::json optionalJson(const std::optional<double>& value)
{
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

std::string processorText(const DeviceModel& device)
{
    if (device.family.empty())
        return {};
    return device.revision > 0 ? device.family + " r" + std::to_string(device.revision) : device.family;
}

} // namespace

DeviceErrorSummary deviceErrorSummary(const DeviceModel& device)
{
    std::vector<double> twoQubit, twoQubitNs, sxNs;
    for (const GateCalibration& gate : device.gates) {
        if (gate.name == device.twoQubitGate && gate.qubits.size() == 2) {
            // Error 1 marks a coupler IBM switched off; counting it would make the median meaningless.
            if (std::isfinite(gate.error) && gate.error < 1.0)
                twoQubit.push_back(gate.error);
            twoQubitNs.push_back(gate.lengthNs);
        } else if (gate.name == "sx" && gate.qubits.size() == 1) {
            sxNs.push_back(gate.lengthNs);
        }
    }
    std::vector<double> readout, readoutNs, t1, t2;
    for (const QubitCalibration& q : device.qubits) {
        readout.push_back(q.readoutError);
        readoutNs.push_back(q.readoutLengthNs);
        t1.push_back(q.t1Us);
        t2.push_back(q.t2Us);
    }
    DeviceErrorSummary s;
    s.medianTwoQubitError = median(std::move(twoQubit));
    s.medianReadoutError = median(std::move(readout));
    s.medianTwoQubitNs = median(std::move(twoQubitNs));
    s.medianSxNs = median(std::move(sxNs));
    s.medianReadoutNs = median(std::move(readoutNs));
    s.medianT1Us = median(std::move(t1));
    s.medianT2Us = median(std::move(t2));
    return s;
}

nlohmann::json deviceSnapshotJson(const DeviceModel& device)
{
    nlohmann::json qubits = nlohmann::json::array();
    for (const QubitCalibration& q : device.qubits)
        qubits.push_back({numberOrNull(q.t1Us), numberOrNull(q.t2Us), numberOrNull(q.readoutError), q.operational});
    nlohmann::json gates = nlohmann::json::array();
    for (const GateCalibration& g : device.gates)
        gates.push_back({g.name, g.qubits, numberOrNull(g.error), numberOrNull(g.lengthNs)});
    return {{"name", device.name},
            {"family", device.family},
            {"revision", device.revision},
            {"num_qubits", device.numQubits},
            {"basis_gates", device.basisGates},
            {"two_qubit_gate", device.twoQubitGate},
            {"calibration_date", device.calibrationDate},
            {"qubit_fields", {"t1_us", "t2_us", "readout_error", "operational"}},
            {"qubits", std::move(qubits)},
            {"gate_fields", {"name", "qubits", "error", "length_ns"}},
            {"gates", std::move(gates)}};
}

std::vector<BackendEntry> listLocalBackends()
{
    std::vector<BackendEntry> out;
    for (const std::string& name : localBackendNames()) {
        const LocalBackend backend = localBackend(name);
        BackendEntry e;
        e.name = name;
        e.provider = "local";
        e.status = "online";
        e.statusMessage = backend.noise.isIdeal() ? "noiseless emulator" : std::string("noisy emulator of ") + backend.device.name;
        e.numQubits = static_cast<int>(backend.device.numQubits);
        e.queueLength = 0;
        e.processor = processorText(backend.device);
        e.simulator = true;
        if (!backend.noise.isIdeal())
            e.errors = deviceErrorSummary(backend.device);
        out.push_back(std::move(e));
    }
    return out;
}

std::vector<BackendEntry> listIbmBackends(IbmClient& client, RunControl& control)
{
    std::vector<BackendEntry> out;
    for (const BackendSummary& summary : client.backends(control)) {
        BackendEntry e;
        e.name = summary.name;
        e.provider = "ibm";
        e.status = summary.status;
        e.statusMessage = summary.statusReason;
        e.numQubits = summary.numQubits;
        e.queueLength = summary.queueLength;
        e.simulator = summary.isSimulator;
        if (!summary.processorFamily.empty())
            e.processor = summary.processorRevision.empty() ? summary.processorFamily
                                                            : summary.processorFamily + " r" + summary.processorRevision;
        if (!e.simulator) {
            // One device failing to answer must not hide the others: say why on its line instead.
            try {
                const BackendStatus status = client.backendStatus(summary.name, control);
                if (e.status.empty())
                    e.status = status.operational ? "online" : (status.status.empty() ? "offline" : status.status);
                if (status.queueLength >= 0)
                    e.queueLength = status.queueLength;
                if (e.statusMessage.empty())
                    e.statusMessage = status.message;
                const DeviceModel device = client.backendDevice(summary.name, control);
                e.errors = deviceErrorSummary(device);
                if (e.numQubits == 0)
                    e.numQubits = static_cast<int>(device.numQubits);
                if (e.processor.empty())
                    e.processor = processorText(device);
            } catch (const Error& error) {
                if (control.isCancelled())
                    throw;
                e.statusMessage = std::string("details unavailable: ") + error.what();
            }
        }
        out.push_back(std::move(e));
    }
    return out;
}

nlohmann::json backendEntryJson(const BackendEntry& e)
{
    return {{"name", e.name},
            {"provider", e.provider},
            {"status", e.status},
            {"status_message", e.statusMessage},
            {"qubits", e.numQubits},
            {"queue_length", e.queueLength >= 0 ? nlohmann::json(e.queueLength) : nlohmann::json(nullptr)},
            {"processor", e.processor},
            {"simulator", e.simulator},
            {"median_2q_error", optionalJson(e.errors.medianTwoQubitError)},
            {"median_readout_error", optionalJson(e.errors.medianReadoutError)},
            {"median_t1_us", optionalJson(e.errors.medianT1Us)},
            {"median_t2_us", optionalJson(e.errors.medianT2Us)}};
}

bool isLocalBackendName(const std::string& name) noexcept
{
    return name.rfind("local:", 0) == 0;
}

} // namespace engine
