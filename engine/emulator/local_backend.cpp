// SPDX-License-Identifier: MIT
// Maps local backend names onto bundled device snapshots and their calibration noise.
#include "emulator/local_backend.h"

#include "core/error.h"
#include "transpile/device_catalog.h"

#include <algorithm>

namespace engine {

namespace {

constexpr const char* PREFIX = "local:";
constexpr const char* IDEAL = "local:ideal";

} // namespace

const std::vector<std::string>& localBackendNames()
{
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const std::string& device : bundledDeviceNames())
            out.push_back(std::string(PREFIX) + device);
        out.emplace_back(IDEAL);
        return out;
    }();
    return names;
}

LocalBackend localBackend(const std::string& name)
{
    const auto& names = localBackendNames();
    if (std::find(names.begin(), names.end(), name) == names.end()) {
        std::string accepted;
        for (const std::string& n : names)
            accepted += (accepted.empty() ? "" : ", ") + n;
        throw Error(ErrorCode::InvalidArgument,
                    "unknown local backend '" + name + "'; accepted: " + accepted, "backend");
    }
    LocalBackend backend;
    backend.name = name;
    if (name == IDEAL) {
        // An unconstrained emulator needs some topology for transpilation; the largest generated one serves.
        backend.device = deviceFromSpec("heavy-hex:heron-r2");
        return backend;
    }
    backend.device = deviceFromSpec(name.substr(std::string(PREFIX).size()));
    backend.noise = NoiseModel(backend.device);
    return backend;
}

} // namespace engine
