// SPDX-License-Identifier: MIT
// Finds devices by name: the calibration snapshots shipped in resources/backends/ and the generated topologies.
#include "transpile/device_catalog.h"

#include "core/error.h"
#include "io/atomic_file.h"
#include "io/resource_directory.h"
#include "transpile/device_topologies.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>

namespace engine {

namespace {

// The largest real snapshot is under 1 MiB; this leaves room for bigger devices and still bounds the read.
constexpr std::size_t MAX_BACKEND_FILE_BYTES = std::size_t{64} << 20;

const char* const ACCEPTED_FORMS =
    "accepted: fez, marrakesh, kingston, torino, brisbane, sherbrooke (optionally with the ibm_ prefix), "
    "grid:RxC (e.g. grid:3x4), line:N (e.g. line:10), heavy-hex:heron-r2, heavy-hex:heron-r1, heavy-hex:eagle";

[[noreturn]] void rejectSpec(const std::string& spec, const std::string& reason)
{
    throw Error(ErrorCode::InvalidArgument,
                std::string("device \"") + spec + "\"" + (reason.empty() ? std::string() : std::string(" ") + reason) +
                    "; " + ACCEPTED_FORMS,
                "device");
}

std::string lowerCase(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
    return text;
}

bool startsWith(const std::string& text, const std::string& prefix)
{
    return text.compare(0, prefix.size(), prefix) == 0;
}

// Decimal digits only (no sign, no spaces), 1..MAX_DEVICE_QUBITS; nothing otherwise.
std::optional<unsigned> parseCount(std::string_view text)
{
    if (text.empty() || text.size() > 9 || !std::all_of(text.begin(), text.end(), [](char c) {
            return c >= '0' && c <= '9';
        }))
        return std::nullopt;
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value == 0 || value > MAX_DEVICE_QUBITS)
        return std::nullopt;
    return value;
}

nlohmann::json parseJsonFile(const std::filesystem::path& path)
{
    const std::string place = path.string();
    const std::string content = readWholeFile(place, MAX_BACKEND_FILE_BYTES);
    try {
        return nlohmann::json::parse(content);
    } catch (const nlohmann::json::parse_error& e) {
        // Report "path:line:column" from the byte offset; the snapshots are single-line files, so the column
        // is what points at the problem.
        const std::size_t offset = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, content.size());
        std::size_t line = 1;
        std::size_t lineStart = 0;
        for (std::size_t i = 0; i < offset; ++i) {
            if (content[i] == '\n') {
                ++line;
                lineStart = i + 1;
            }
        }
        throw Error(ErrorCode::InvalidInput, std::string("invalid JSON (") + std::string(e.what()) + ")",
                    place + ":" + std::to_string(line) + ":" + std::to_string(offset - lineStart + 1));
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorCode::InvalidInput, std::string("invalid JSON (") + std::string(e.what()) + ")", place);
    }
}

// Parsed snapshots by configuration path, so that a changed resource directory is never served stale data.
std::mutex g_cacheMutex;
std::map<std::string, std::shared_ptr<const DeviceModel>> g_cache;

DeviceModel bundledDevice(const std::string& name)
{
    const std::filesystem::path folder = resourceDirectory() / "backends" / name;
    const std::filesystem::path configuration = folder / (std::string("conf_") + name + ".json");
    const std::filesystem::path properties = folder / (std::string("props_") + name + ".json");
    const std::string key = configuration.string();
    {
        const std::lock_guard<std::mutex> lock(g_cacheMutex);
        const auto it = g_cache.find(key);
        if (it != g_cache.end())
            return *it->second;
    }
    // Parsed outside the lock so that other devices are not held up; two threads asking for the same new device
    // at once both parse it, and the first to finish fills the cache.
    auto device = std::make_shared<const DeviceModel>(loadDeviceFiles(configuration, properties));
    const std::lock_guard<std::mutex> lock(g_cacheMutex);
    return *g_cache.emplace(key, std::move(device)).first->second;
}

DeviceModel gridFromSpec(const std::string& spec, const std::string& size)
{
    const std::size_t x = size.find('x');
    const std::optional<unsigned> rows = x == std::string::npos ? std::nullopt : parseCount(size.substr(0, x));
    const std::optional<unsigned> cols = x == std::string::npos ? std::nullopt : parseCount(size.substr(x + 1));
    if (!rows || !cols)
        rejectSpec(spec, std::string("needs rows and columns as whole numbers from 1 to ") +
                             std::to_string(MAX_DEVICE_QUBITS));
    if (std::uint64_t{*rows} * *cols > MAX_DEVICE_QUBITS)
        rejectSpec(spec, std::string("has more than ") + std::to_string(MAX_DEVICE_QUBITS) + " qubits");
    return squareGrid(*rows, *cols);
}

} // namespace

const std::vector<std::string>& bundledDeviceNames()
{
    static const std::vector<std::string> names{"fez", "marrakesh", "kingston", "torino", "brisbane", "sherbrooke"};
    return names;
}

DeviceModel deviceFromSpec(const std::string& spec)
{
    const std::string key = lowerCase(spec);
    if (startsWith(key, "grid:"))
        return gridFromSpec(spec, key.substr(5));
    if (startsWith(key, "line:")) {
        const std::optional<unsigned> n = parseCount(std::string_view(key).substr(5));
        if (!n)
            rejectSpec(spec, std::string("needs a whole number of qubits from 1 to ") +
                                 std::to_string(MAX_DEVICE_QUBITS));
        return lineDevice(*n);
    }
    if (key == "heavy-hex:heron-r2")
        return heavyHexHeronR2();
    if (key == "heavy-hex:heron-r1")
        return heavyHexHeronR1();
    if (key == "heavy-hex:eagle")
        return heavyHexEagle();
    const std::string name = startsWith(key, "ibm_") ? key.substr(4) : key;
    const auto& names = bundledDeviceNames();
    if (std::find(names.begin(), names.end(), name) != names.end())
        return bundledDevice(name);
    rejectSpec(spec, "is unknown");
}

DeviceModel loadDeviceFiles(const std::filesystem::path& configuration, const std::filesystem::path& properties)
{
    const nlohmann::json conf = parseJsonFile(configuration);
    const nlohmann::json props = properties.empty() ? nlohmann::json() : parseJsonFile(properties);
    DeviceModel device = deviceFromIbmJson(conf, props, configuration.string(), properties.string());
    attachHeavyHexGeometry(device);
    return device;
}

} // namespace engine
