// SPDX-License-Identifier: MIT
// Serves the bundled calibration snapshots as IBM backend documents and builds the devices' noisy emulators.
#include "emulated_backends.h"

#include "core/error.h"
#include "io/resource_directory.h"

#include <fstream>
#include <sstream>

namespace ibmemu::detail {

namespace {

std::string readFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw engine::Error(engine::ErrorCode::Io, "cannot read the backend snapshot", path.string());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void appendUnique(nlohmann::json& list, const std::string& name)
{
    for (const auto& item : list)
        if (item == name)
            return;
    list.push_back(name);
}

// Fractional-capable Herons offer rx on every qubit and rzz on every cz coupler; the snapshots had them filtered
// out of the configuration (their properties still carry them).
void addFractionalGates(nlohmann::json& configuration)
{
    appendUnique(configuration["basis_gates"], "rx");
    appendUnique(configuration["basis_gates"], "rzz");
    if (configuration.contains("supported_instructions")) {
        appendUnique(configuration["supported_instructions"], "rx");
        appendUnique(configuration["supported_instructions"], "rzz");
    }
    nlohmann::json oneQubit = nlohmann::json::array();
    for (unsigned q = 0; q < configuration.at("n_qubits").get<unsigned>(); ++q)
        oneQubit.push_back({q});
    nlohmann::json& gates = configuration["gates"];
    gates.push_back({{"name", "rx"},
                     {"parameters", {"theta"}},
                     {"qasm_def", "gate rx(theta) q { U(theta, -pi/2, pi/2) q; }"},
                     {"coupling_map", oneQubit}});
    gates.push_back({{"name", "rzz"},
                     {"parameters", {"theta"}},
                     {"qasm_def", "gate rzz(theta) q0, q1 { cx q0, q1; rz(theta) q1; cx q0, q1; }"},
                     {"coupling_map", configuration.at("coupling_map")}});
}

} // namespace

BackendCatalog::BackendCatalog(const std::vector<std::string>& snapshots, bool fractionalGates)
{
    const std::filesystem::path root = engine::resourceDirectory() / "backends";
    for (const std::string& snapshot : snapshots) {
        auto backend = std::make_unique<EmulatedBackend>();
        backend->snapshot = snapshot;
        const auto dir = root / snapshot;
        backend->configuration = nlohmann::json::parse(readFile(dir / (std::string("conf_") + snapshot + ".json")));
        backend->propertiesPath = (dir / (std::string("props_") + snapshot + ".json")).string();
        const auto family = backend->configuration.value("processor_type", nlohmann::json::object()).value("family", "");
        if (fractionalGates && family == "Heron")
            addFractionalGates(backend->configuration);
        backend->name = backend->configuration.at("backend_name").get<std::string>();
        backend->target = isaTargetFromConfiguration(backend->configuration);
        m_backends.push_back(std::move(backend));
    }
    m_local.resize(m_backends.size());
}

std::vector<std::string> BackendCatalog::names() const
{
    std::vector<std::string> out;
    for (const auto& backend : m_backends)
        out.push_back(backend->name);
    return out;
}

const EmulatedBackend* BackendCatalog::find(const std::string& name) const
{
    for (const auto& backend : m_backends)
        if (backend->name == name)
            return backend.get();
    return nullptr;
}

bool BackendCatalog::setStatus(const std::string& name, const std::string& status, int queueLength)
{
    std::lock_guard lock(m_mutex);
    for (auto& backend : m_backends) {
        if (backend->name == name) {
            backend->status = status;
            backend->queueLength = queueLength < 0 ? 0 : queueLength;
            return true;
        }
    }
    return false;
}

std::pair<std::string, int> BackendCatalog::status(const std::string& name) const
{
    std::lock_guard lock(m_mutex);
    const EmulatedBackend* backend = find(name);
    return backend ? std::pair{backend->status, backend->queueLength} : std::pair{std::string("offline"), 0};
}

std::string BackendCatalog::propertiesText(const std::string& name) const
{
    const EmulatedBackend* backend = find(name);
    return backend ? readFile(backend->propertiesPath) : std::string("null");
}

std::shared_ptr<const engine::LocalBackend> BackendCatalog::localBackend(const std::string& name) const
{
    std::lock_guard lock(m_mutex);
    for (std::size_t i = 0; i < m_backends.size(); ++i) {
        if (m_backends[i]->name != name)
            continue;
        if (!m_local[i])
            m_local[i] = std::make_shared<const engine::LocalBackend>(
                engine::localBackend(std::string("local:") + m_backends[i]->snapshot));
        return m_local[i];
    }
    return nullptr;
}

nlohmann::json BackendCatalog::listEntry(const std::string& name, int queueLength) const
{
    const EmulatedBackend* backend = find(name);
    const auto [status, base] = this->status(name);
    (void)base;
    const auto& conf = backend->configuration;
    nlohmann::json entry{{"name", backend->name},
                         {"status", {{"name", status}, {"reason", nullptr}}},
                         {"is_simulator", false},
                         {"qubits", conf.at("n_qubits")},
                         {"queue_length", queueLength}};
    if (conf.contains("clops_h"))
        entry["clops"] = {{"type", "hardware"}, {"value", conf.at("clops_h")}};
    if (conf.contains("processor_type")) {
        const auto& type = conf.at("processor_type");
        nlohmann::json revision = type.value("revision", nlohmann::json());
        if (revision.is_number())
            revision = std::to_string(revision.get<long long>());
        entry["processor_type"] = {{"family", type.value("family", "")}, {"revision", revision}};
    }
    return entry;
}

nlohmann::json BackendCatalog::statusDocument(const std::string& name, int queueLength) const
{
    const EmulatedBackend* backend = find(name);
    const auto [status, base] = this->status(name);
    (void)base;
    const bool online = status == "online";
    return {{"state", online},
            {"status", online ? std::string("active") : status},
            {"message", online ? std::string("available") : status},
            {"length_queue", queueLength},
            {"backend_version", backend->configuration.value("backend_version", "")}};
}

} // namespace ibmemu::detail
