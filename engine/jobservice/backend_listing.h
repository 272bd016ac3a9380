// SPDX-License-Identifier: MIT
// The backends a job can go to (local emulated devices and an IBM account's devices) with their error figures.
#pragma once

#include "core/run_control.h"
#include "transpile/device_model.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace engine {

class IbmClient;

/// Medians of a device's calibration, as backend lists show them. Values missing from the calibration are
/// left empty.
struct DeviceErrorSummary {
    std::optional<double> medianTwoQubitError;  ///< over couplers with error < 1 (usable ones), native 2q gate
    std::optional<double> medianReadoutError;   ///< over qubits
    std::optional<double> medianTwoQubitNs;     ///< native two-qubit gate duration, ns
    std::optional<double> medianSxNs;           ///< sx duration, ns
    std::optional<double> medianReadoutNs;      ///< measurement duration, ns
    std::optional<double> medianT1Us;           ///< microseconds
    std::optional<double> medianT2Us;           ///< microseconds
};

/// Medians of `device`'s calibration. NaN entries are skipped. O(calibration size * log).
DeviceErrorSummary deviceErrorSummary(const DeviceModel& device);

/// The calibration snapshot a job is transpiled with, as compact JSON: name, family, revision, qubit count,
/// basis gates, two-qubit gate, calibration date, per qubit [t1_us, t2_us, readout_error, operational] and
/// per calibrated gate [name, qubits, error, length_ns] (NaN written as null). O(calibration size).
nlohmann::json deviceSnapshotJson(const DeviceModel& device);

/// One backend in a listing.
struct BackendEntry {
    std::string name;               ///< "local:fez" or "ibm_fez"
    std::string provider;           ///< "local" or "ibm"
    std::string status;             ///< "online" (local: always), or IBM's "online"/"paused"/"offline"/...
    std::string statusMessage;      ///< IBM's reason, may be empty
    int numQubits = 0;
    int queueLength = -1;           ///< IBM pending jobs; 0 for local backends; -1 when unknown
    std::string processor;          ///< "Heron r2", ...; may be empty
    bool simulator = false;
    DeviceErrorSummary errors;      ///< from the device's calibration (IBM: live properties)
};

/// Every local backend (localBackendNames(), local:ideal last) with its snapshot's medians. Reads the bundled
/// snapshots (cached after the first call). Throws what localBackend throws for a broken installation.
std::vector<BackendEntry> listLocalBackends();

/// The IBM account's backends: GET /backends, then per non-simulator device its status and properties (for
/// the medians). A device whose status or properties cannot be read still appears, with `statusMessage` saying
/// why. Throws what IbmClient::backends throws (no answer, bad credentials).
std::vector<BackendEntry> listIbmBackends(IbmClient& client, RunControl& control = RunControl::none());

/// A listing as JSON: {"name", "provider", "status", "status_message", "qubits", "queue_length", "processor",
/// "simulator", "median_2q_error", "median_readout_error", "median_t1_us", "median_t2_us"} (null where unknown).
nlohmann::json backendEntryJson(const BackendEntry& entry);

/// True when `name` is a local backend ("local:" prefix).
bool isLocalBackendName(const std::string& name) noexcept;

} // namespace engine
