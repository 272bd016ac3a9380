// SPDX-License-Identifier: MIT
// Finds devices by name: the calibration snapshots shipped in resources/backends/ and the generated topologies.
#pragma once

#include "transpile/device_model.h"

#include <filesystem>
#include <string>
#include <vector>

namespace engine {

/// The shipped snapshots: "fez", "marrakesh", "kingston", "torino", "brisbane", "sherbrooke".
const std::vector<std::string>& bundledDeviceNames();

/// The device for a user-facing spec: a bundled name with or without the "ibm_" prefix (snapshot, with heavy-hex
/// geometry attached), "grid:RxC", "line:N", "heavy-hex:heron-r2|heron-r1|eagle" (generated, no calibration).
/// Throws Error(InvalidArgument) naming the accepted forms, Error(Io)/Error(InvalidInput) when a snapshot is
/// missing or broken. Snapshots are parsed once and cached (thread-safe).
DeviceModel deviceFromSpec(const std::string& spec);

/// Loads a device from a configuration and a properties file (properties may be an empty path).
DeviceModel loadDeviceFiles(const std::filesystem::path& configuration, const std::filesystem::path& properties);

} // namespace engine
