// SPDX-License-Identifier: MIT
// Named local backends ("local:fez", ..., "local:ideal"): a device model and its noise model for the emulator.
#pragma once

#include "emulator/noise_model.h"
#include "transpile/device_model.h"

#include <string>
#include <vector>

namespace engine {

/// A local backend: the device to transpile for and the noise to emulate with.
struct LocalBackend {
    std::string name;      ///< "local:fez", ..., "local:ideal"
    DeviceModel device;    ///< for local:ideal, the Heron r2 heavy-hex topology without calibration
    NoiseModel noise;      ///< the ideal model for local:ideal
};

/// Every accepted name: "local:" + each bundled device, then "local:ideal".
const std::vector<std::string>& localBackendNames();

/// The backend called `name` (exact, lower case). Throws Error(InvalidArgument) listing the accepted names, and
/// what deviceFromSpec throws when a snapshot is missing or broken. Thread-safe.
LocalBackend localBackend(const std::string& name);

} // namespace engine
