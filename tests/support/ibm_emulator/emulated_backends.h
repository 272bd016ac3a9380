// SPDX-License-Identifier: MIT
// The emulator's devices: configuration and properties documents from the bundled snapshots, status, ISA targets.
#pragma once

#include "emulator/local_backend.h"
#include "isa_check.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace ibmemu::detail {

/// One served device. The documents are read once; the noisy-emulation backend is built on first use.
struct EmulatedBackend {
    std::string snapshot;          ///< "fez"
    std::string name;              ///< "ibm_fez" (the configuration's backend_name)
    nlohmann::json configuration;  ///< as served (fractional rx/rzz added on Heron devices)
    std::string propertiesPath;    ///< the snapshot file, served verbatim
    IsaTarget target;
    std::string status = "online"; ///< "online", "paused", "offline"
    int queueLength = 0;           ///< set by setBackendStatus; the served length adds the emulator's queued jobs
};

/// The devices of an emulator. Thread-safe.
class BackendCatalog {
public:
    /// Loads the configuration of every snapshot in `snapshots` ("fez", ...) from the engine's resource directory.
    /// `fractionalGates`: Heron devices list rx and rzz in basis_gates, supported_instructions and gates, as
    /// fractional-capable Herons do on the live service. Throws engine::Error for a missing snapshot.
    BackendCatalog(const std::vector<std::string>& snapshots, bool fractionalGates);

    /// Served names in snapshot order.
    std::vector<std::string> names() const;
    /// The device called `name` ("ibm_fez"), or nullptr. The pointer stays valid for the catalog's life.
    const EmulatedBackend* find(const std::string& name) const;
    /// Status and base queue length of `name`; false when unknown.
    bool setStatus(const std::string& name, const std::string& status, int queueLength);
    /// Status word and base queue length, read under the lock.
    std::pair<std::string, int> status(const std::string& name) const;
    /// The properties document text (read from disk on each call; the largest snapshot is under 1 MiB).
    std::string propertiesText(const std::string& name) const;
    /// The emulator backend ("local:<snapshot>": device and noise), built once per device.
    std::shared_ptr<const engine::LocalBackend> localBackend(const std::string& name) const;

    /// The `/backends` list entry (API version >= 2025-01-01) with the served queue length.
    nlohmann::json listEntry(const std::string& name, int queueLength) const;
    /// The `/backends/{name}/status` document.
    nlohmann::json statusDocument(const std::string& name, int queueLength) const;

private:
    std::vector<std::unique_ptr<EmulatedBackend>> m_backends;
    mutable std::mutex m_mutex;
    mutable std::vector<std::shared_ptr<const engine::LocalBackend>> m_local;
};

} // namespace ibmemu::detail
