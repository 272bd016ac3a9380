// SPDX-License-Identifier: MIT
// Reads IBM backend configuration and calibration documents into a DeviceModel and answers calibration queries.
#include "transpile/device_model.h"

#include "core/error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>

namespace engine {

namespace {

using nlohmann::json;

// Appends one reference token to a JSON pointer, escaping '~' and '/' as RFC 6901 asks.
std::string pointerTo(const std::string& base, const std::string& key)
{
    return base + "/" + jsonPointerToken(key);
}

std::string pointerTo(const std::string& base, std::size_t index)
{
    return base + "/" + std::to_string(index);
}

// One JSON document being read: every error names "<where>:<pointer>".
class DocumentReader {
public:
    explicit DocumentReader(std::string where) : m_where(std::move(where)) {}

    [[noreturn]] void fail(const std::string& pointer, const std::string& detail,
                           ErrorCode code = ErrorCode::InvalidInput) const
    {
        throw Error(code, detail, pointer.empty() ? m_where : m_where + ":" + pointer);
    }

    const json& required(const json& object, const char* key, const std::string& pointer) const
    {
        const auto it = object.find(key);
        if (it == object.end())
            fail(pointerTo(pointer, key), std::string("required field \"") + key + "\" is missing");
        return *it;
    }

    const json* optional(const json& object, const char* key) const
    {
        const auto it = object.find(key);
        return it == object.end() || it->is_null() ? nullptr : &*it;
    }

    void expectObject(const json& value, const std::string& pointer, const char* what) const
    {
        if (!value.is_object())
            fail(pointer, std::string(what) + " must be a JSON object, got " + value.type_name());
    }

    void expectArray(const json& value, const std::string& pointer, const char* what) const
    {
        if (!value.is_array())
            fail(pointer, std::string(what) + " must be an array, got " + value.type_name());
    }

    std::string string(const json& value, const std::string& pointer, const char* what) const
    {
        if (!value.is_string())
            fail(pointer, std::string(what) + " must be a string, got " + value.type_name());
        return value.get<std::string>();
    }

    double number(const json& value, const std::string& pointer, const char* what) const
    {
        if (!value.is_number())
            fail(pointer, std::string(what) + " must be a number, got " + value.type_name());
        return value.get<double>();
    }

    // A non-negative integer (nlohmann stores those as unsigned; a negative one arrives as signed).
    std::uint64_t count(const json& value, const std::string& pointer, const char* what) const
    {
        if (value.is_number_unsigned())
            return value.get<std::uint64_t>();
        if (value.is_number_integer())
            fail(pointer, std::string(what) + " must not be negative, got " + value.dump());
        fail(pointer, std::string(what) + " must be a whole number, got " +
                          (value.is_number() ? value.dump() : std::string(value.type_name())));
    }

    unsigned qubit(const json& value, const std::string& pointer, unsigned numQubits) const
    {
        const std::uint64_t q = count(value, pointer, "a qubit index");
        if (q >= numQubits)
            fail(pointer, std::string("qubit ") + std::to_string(q) + " is outside 0.." +
                              std::to_string(numQubits - 1) + " (n_qubits = " + std::to_string(numQubits) + ")");
        return static_cast<unsigned>(q);
    }

    double probability(const json& value, const std::string& pointer, const char* what) const
    {
        const double p = number(value, pointer, what);
        if (!(p >= 0.0 && p <= 1.0))
            fail(pointer, std::string(what) + " must lie in [0, 1], got " + value.dump());
        return p;
    }

    // A duration converted to `targetSeconds` units; an empty or absent unit means the value is already in them.
    double duration(const json& entry, const std::string& pointer, const char* what, double targetSeconds) const
    {
        const double value = number(required(entry, "value", pointer), pointerTo(pointer, "value"), what);
        if (value < 0.0)
            fail(pointerTo(pointer, "value"),
                 std::string(what) + " must not be negative, got " + std::to_string(value));
        const json* unitField = optional(entry, "unit");
        if (!unitField)
            return value;
        const std::string unitPointer = pointerTo(pointer, "unit");
        const std::string unit = string(*unitField, unitPointer, "a unit");
        if (unit.empty())
            return value;
        double seconds = 0.0;
        // Both the micro sign (U+00B5) and the Greek mu (U+03BC) occur in practice for microseconds.
        if (unit == "s")
            seconds = 1.0;
        else if (unit == "ms")
            seconds = 1e-3;
        else if (unit == "us" || unit == "\xc2\xb5s" || unit == "\xce\xbcs")
            seconds = 1e-6;
        else if (unit == "ns")
            seconds = 1e-9;
        else if (unit == "ps")
            seconds = 1e-12;
        else
            fail(unitPointer,
                 std::string("unknown time unit \"") + unit + "\" (expected s, ms, us, \xc2\xb5s, ns or ps)");
        return seconds == targetSeconds ? value : value * (seconds / targetSeconds);
    }

    // IBM writes operational markers as booleans or as 0/1.
    bool flag(const json& value, const std::string& pointer, const char* what) const
    {
        if (value.is_boolean())
            return value.get<bool>();
        if (value.is_number())
            return value.get<double>() != 0.0;
        fail(pointer, std::string(what) + " must be a boolean or a number, got " + value.type_name());
    }

private:
    std::string m_where;
};

constexpr double MICROSECOND = 1e-6;
constexpr double NANOSECOND = 1e-9;

// "2" (Heron files) or 3 (Eagle files); anything without leading digits counts as unknown (0).
int readRevision(const DocumentReader& reader, const json& value, const std::string& pointer)
{
    if (value.is_number_integer())
        return static_cast<int>(std::clamp<std::int64_t>(value.get<std::int64_t>(), 0, 1000000));
    const std::string text = reader.string(value, pointer, "processor_type.revision");
    int revision = 0;
    for (char c : text) {
        if (c < '0' || c > '9' || revision > 100000)
            break;
        revision = revision * 10 + (c - '0');
    }
    return revision;
}

void readConfiguration(const json& conf, const DocumentReader& reader, DeviceModel& device)
{
    reader.expectObject(conf, "", "the backend configuration");

    const std::uint64_t n = reader.count(reader.required(conf, "n_qubits", ""), "/n_qubits", "n_qubits");
    if (n == 0)
        reader.fail("/n_qubits", "n_qubits must be at least 1");
    if (n > MAX_DEVICE_QUBITS)
        reader.fail("/n_qubits",
                    std::string("n_qubits = ") + std::to_string(n) + " is above the limit of " +
                        std::to_string(MAX_DEVICE_QUBITS),
                    ErrorCode::LimitExceeded);
    device.numQubits = static_cast<unsigned>(n);

    const json& basis = reader.required(conf, "basis_gates", "");
    reader.expectArray(basis, "/basis_gates", "basis_gates");
    for (std::size_t i = 0; i < basis.size(); ++i)
        device.basisGates.push_back(reader.string(basis[i], pointerTo("/basis_gates", i), "a basis gate"));

    const json& map = reader.required(conf, "coupling_map", "");
    reader.expectArray(map, "/coupling_map", "coupling_map");
    device.couplingMap.reserve(map.size());
    for (std::size_t i = 0; i < map.size(); ++i) {
        const std::string pointer = pointerTo("/coupling_map", i);
        const json& pair = map[i];
        if (!pair.is_array() || pair.size() != 2)
            reader.fail(pointer,
                        std::string("a coupling_map entry must be a pair [control, target], got ") +
                            (pair.is_array() ? std::string("an array of ") + std::to_string(pair.size()) + " entries"
                                             : std::string("a ") + pair.type_name()));
        const unsigned a = reader.qubit(pair[0], pointerTo(pointer, 0), device.numQubits);
        const unsigned b = reader.qubit(pair[1], pointerTo(pointer, 1), device.numQubits);
        if (a == b)
            reader.fail(pointer, std::string("a coupler must join two different qubits, got [") + std::to_string(a) +
                                     ", " + std::to_string(b) + "]");
        device.couplingMap.emplace_back(a, b);
    }

    if (const json* name = reader.optional(conf, "backend_name"))
        device.name = reader.string(*name, "/backend_name", "backend_name");
    if (const json* processor = reader.optional(conf, "processor_type")) {
        reader.expectObject(*processor, "/processor_type", "processor_type");
        if (const json* family = reader.optional(*processor, "family"))
            device.family = reader.string(*family, "/processor_type/family", "processor_type.family");
        if (const json* revision = reader.optional(*processor, "revision"))
            device.revision = readRevision(reader, *revision, "/processor_type/revision");
    }
    if (const json* dt = reader.optional(conf, "dt")) {
        device.dtNs = reader.number(*dt, "/dt", "dt");
        if (device.dtNs < 0.0)
            reader.fail("/dt", "dt must not be negative");
    }

    const auto hasBasis = [&](const char* gate) {
        return std::find(device.basisGates.begin(), device.basisGates.end(), gate) != device.basisGates.end();
    };
    device.twoQubitGate = hasBasis("ecr") ? "ecr" : hasBasis("cz") ? "cz" : "cx";
    device.directedTwoQubitGate = device.twoQubitGate == "ecr";
}

void readQubitEntry(const json& entry, const std::string& pointer, const DocumentReader& reader,
                    QubitCalibration& qubit)
{
    reader.expectObject(entry, pointer, "a qubit property");
    const std::string name = reader.string(reader.required(entry, "name", pointer), pointerTo(pointer, "name"),
                                           "a property name");
    const std::string valuePointer = pointerTo(pointer, "value");
    // Frequencies, anharmonicities and anything newer are not needed by the engine.
    if (name == "T1")
        qubit.t1Us = reader.duration(entry, pointer, "T1", MICROSECOND);
    else if (name == "T2")
        qubit.t2Us = reader.duration(entry, pointer, "T2", MICROSECOND);
    else if (name == "readout_length")
        qubit.readoutLengthNs = reader.duration(entry, pointer, "readout_length", NANOSECOND);
    else if (name == "readout_error")
        qubit.readoutError =
            reader.probability(reader.required(entry, "value", pointer), valuePointer, "readout_error");
    else if (name == "prob_meas0_prep1")
        qubit.probMeas0Prep1 =
            reader.probability(reader.required(entry, "value", pointer), valuePointer, "prob_meas0_prep1");
    else if (name == "prob_meas1_prep0")
        qubit.probMeas1Prep0 =
            reader.probability(reader.required(entry, "value", pointer), valuePointer, "prob_meas1_prep0");
    else if (name == "operational")
        qubit.operational = reader.flag(reader.required(entry, "value", pointer), valuePointer, "operational");
}

void readGate(const json& gate, const std::string& pointer, const DocumentReader& reader, unsigned numQubits,
              GateCalibration& out)
{
    reader.expectObject(gate, pointer, "a gate entry");
    out.name = reader.string(reader.required(gate, "gate", pointer), pointerTo(pointer, "gate"), "the gate name");
    const std::string qubitsPointer = pointerTo(pointer, "qubits");
    const json& qubits = reader.required(gate, "qubits", pointer);
    reader.expectArray(qubits, qubitsPointer, "the gate's qubits");
    if (qubits.empty() || qubits.size() > numQubits)
        reader.fail(qubitsPointer, std::string("a gate acts on 1..") + std::to_string(numQubits) + " qubits, got " +
                                       std::to_string(qubits.size()));
    for (std::size_t k = 0; k < qubits.size(); ++k) {
        const unsigned q = reader.qubit(qubits[k], pointerTo(qubitsPointer, k), numQubits);
        if (std::find(out.qubits.begin(), out.qubits.end(), q) != out.qubits.end())
            reader.fail(pointerTo(qubitsPointer, k), std::string("qubit ") + std::to_string(q) + " is listed twice");
        out.qubits.push_back(q);
    }

    bool operational = true;
    if (const json* parameters = reader.optional(gate, "parameters")) {
        const std::string parametersPointer = pointerTo(pointer, "parameters");
        reader.expectArray(*parameters, parametersPointer, "the gate's parameters");
        for (std::size_t k = 0; k < parameters->size(); ++k) {
            const std::string entryPointer = pointerTo(parametersPointer, k);
            const json& entry = (*parameters)[k];
            reader.expectObject(entry, entryPointer, "a gate parameter");
            const std::string name = reader.string(reader.required(entry, "name", entryPointer),
                                                   pointerTo(entryPointer, "name"), "a parameter name");
            if (name == "gate_error")
                out.error = reader.probability(reader.required(entry, "value", entryPointer),
                                               pointerTo(entryPointer, "value"), "gate_error");
            else if (name == "gate_length")
                out.lengthNs = reader.duration(entry, entryPointer, "gate_length", NANOSECOND);
            else if (name == "operational")
                operational = reader.flag(reader.required(entry, "value", entryPointer),
                                          pointerTo(entryPointer, "value"), "operational");
        }
    }
    // The model has no per-gate flag; error 1 is how IBM itself marks a gate that must not be used.
    if (!operational)
        out.error = 1.0;
}

void readProperties(const json& props, const DocumentReader& reader, DeviceModel& device)
{
    reader.expectObject(props, "", "the backend properties");

    if (const json* qubits = reader.optional(props, "qubits")) {
        reader.expectArray(*qubits, "/qubits", "qubits");
        if (qubits->size() != device.numQubits)
            reader.fail("/qubits", std::string("the properties describe ") + std::to_string(qubits->size()) +
                                       " qubits, the configuration " + std::to_string(device.numQubits));
        for (std::size_t q = 0; q < qubits->size(); ++q) {
            const std::string pointer = pointerTo("/qubits", q);
            const json& entries = (*qubits)[q];
            reader.expectArray(entries, pointer, "a qubit's properties");
            for (std::size_t k = 0; k < entries.size(); ++k)
                readQubitEntry(entries[k], pointerTo(pointer, k), reader, device.qubits[q]);
        }
    }

    if (const json* gates = reader.optional(props, "gates")) {
        reader.expectArray(*gates, "/gates", "gates");
        device.gates.reserve(gates->size());
        for (std::size_t i = 0; i < gates->size(); ++i) {
            GateCalibration gate;
            readGate((*gates)[i], pointerTo("/gates", i), reader, device.numQubits, gate);
            if (gate.name == "rzz")
                device.supportsFractionalRzz = true;
            device.gates.push_back(std::move(gate));
        }
    }

    if (const json* date = reader.optional(props, "last_update_date"))
        device.calibrationDate = reader.string(*date, "/last_update_date", "last_update_date");
}

// Gates whose two qubits can be swapped without changing the operation.
bool isSymmetricTwoQubitGate(const std::string& name)
{
    return name == "cz" || name == "rzz" || name == "swap" || name == "iswap" || name == "rxx" || name == "ryy";
}

const GateCalibration* findGate(const std::vector<GateCalibration>& gates, const std::string& name,
                                const std::vector<unsigned>& qubits)
{
    const auto exact = [&](const std::vector<unsigned>& wanted) -> const GateCalibration* {
        for (const GateCalibration& g : gates) {
            if (g.qubits == wanted && g.name == name)
                return &g;
        }
        return nullptr;
    };
    if (const GateCalibration* g = exact(qubits))
        return g;
    if (qubits.size() == 2 && isSymmetricTwoQubitGate(name))
        return exact({qubits[1], qubits[0]});
    return nullptr;
}

void checkUnitInterval(double value, const std::string& where)
{
    if (!std::isnan(value) && !(value >= 0.0 && value <= 1.0))
        throw Error(ErrorCode::InvalidInput,
                    std::string("a probability must lie in [0, 1], got ") + std::to_string(value), where);
}

void checkNonNegative(double value, const std::string& where)
{
    if (!std::isnan(value) && !(value >= 0.0))
        throw Error(ErrorCode::InvalidInput,
                    std::string("a duration must not be negative, got ") + std::to_string(value), where);
}

} // namespace

CouplingGraph DeviceModel::couplingGraph(bool usableOnly) const
{
    if (!usableOnly)
        return CouplingGraph(numQubits, couplingMap);

    // Per undirected coupler: how many native two-qubit entries are listed, and how many of them are usable. A
    // coupler without any entry (generated devices) is usable.
    struct Listing {
        unsigned listed = 0;
        unsigned usable = 0;
    };
    std::unordered_map<std::uint64_t, Listing> listings;
    const auto key = [](unsigned a, unsigned b) {
        return (std::uint64_t{std::min(a, b)} << 32) | std::max(a, b);
    };
    for (const GateCalibration& g : gates) {
        if (g.qubits.size() != 2 || g.name != twoQubitGate)
            continue;
        Listing& listing = listings[key(g.qubits[0], g.qubits[1])];
        ++listing.listed;
        if (!(g.error >= 1.0))
            ++listing.usable;
    }
    const auto operational = [&](unsigned q) { return q >= qubits.size() || qubits[q].operational; };

    std::vector<std::pair<unsigned, unsigned>> kept;
    kept.reserve(couplingMap.size());
    for (const auto& [a, b] : couplingMap) {
        if (!operational(a) || !operational(b))
            continue;
        const auto it = listings.find(key(a, b));
        if (it != listings.end() && it->second.usable == 0)
            continue;
        kept.emplace_back(a, b);
    }
    return CouplingGraph(numQubits, kept);
}

std::optional<double> DeviceModel::gateError(const std::string& gateName, const std::vector<unsigned>& on) const
{
    const GateCalibration* g = findGate(gates, gateName, on);
    if (!g || std::isnan(g->error))
        return std::nullopt;
    return g->error;
}

std::optional<double> DeviceModel::gateLengthNs(const std::string& gateName, const std::vector<unsigned>& on) const
{
    const GateCalibration* g = findGate(gates, gateName, on);
    if (!g || std::isnan(g->lengthNs))
        return std::nullopt;
    return g->lengthNs;
}

std::optional<double> DeviceModel::twoQubitError(unsigned a, unsigned b) const
{
    // Directed gates (ECR) are calibrated in one direction only; the reverse costs extra single-qubit gates, which
    // callers add themselves, so either listed direction answers.
    if (std::optional<double> forward = gateError(twoQubitGate, {a, b}))
        return forward;
    return gateError(twoQubitGate, {b, a});
}

void DeviceModel::validate() const
{
    const auto fail = [](const std::string& detail, const std::string& where) {
        throw Error(ErrorCode::InvalidInput, detail, where);
    };
    if (numQubits > MAX_DEVICE_QUBITS)
        fail(std::string("a device has at most ") + std::to_string(MAX_DEVICE_QUBITS) + " qubits, got " +
                 std::to_string(numQubits),
             "numQubits");
    if (qubits.size() != numQubits)
        fail(std::string("one calibration entry per qubit expected: ") + std::to_string(qubits.size()) + " for " +
                 std::to_string(numQubits) + " qubits",
             "qubits");
    if (!positions.empty() && positions.size() != numQubits)
        fail(std::string("one position per qubit expected: ") + std::to_string(positions.size()) + " for " +
                 std::to_string(numQubits) + " qubits",
             "positions");
    if (twoQubitGate.empty())
        fail("the device names no two-qubit gate", "twoQubitGate");

    const auto qubitOutside = [&](unsigned q) { return q >= numQubits; };
    for (std::size_t i = 0; i < couplingMap.size(); ++i) {
        const auto [a, b] = couplingMap[i];
        if (qubitOutside(a) || qubitOutside(b) || a == b)
            fail(std::string("coupler (") + std::to_string(a) + ", " + std::to_string(b) +
                     ") is a self-loop or names a qubit outside the device",
                 indexedPlace("couplingMap", i));
    }
    for (std::size_t q = 0; q < qubits.size(); ++q) {
        const QubitCalibration& c = qubits[q];
        const std::string place = indexedPlace("qubits", q);
        checkUnitInterval(c.readoutError, place + ".readoutError");
        checkUnitInterval(c.probMeas0Prep1, place + ".probMeas0Prep1");
        checkUnitInterval(c.probMeas1Prep0, place + ".probMeas1Prep0");
        checkNonNegative(c.t1Us, place + ".t1Us");
        checkNonNegative(c.t2Us, place + ".t2Us");
        checkNonNegative(c.readoutLengthNs, place + ".readoutLengthNs");
    }
    for (std::size_t i = 0; i < gates.size(); ++i) {
        const GateCalibration& g = gates[i];
        const std::string place = indexedPlace("gates", i);
        if (g.qubits.empty() || std::any_of(g.qubits.begin(), g.qubits.end(), qubitOutside))
            fail(std::string("gate \"") + g.name + "\" acts on no qubit or on one outside the device",
                 place + ".qubits");
        checkUnitInterval(g.error, place + ".error");
        checkNonNegative(g.lengthNs, place + ".lengthNs");
    }

    if (snakePath.empty())
        return;
    std::vector<char> seen(numQubits, 0);
    std::vector<std::uint64_t> coupled;
    coupled.reserve(couplingMap.size());
    for (const auto& [a, b] : couplingMap)
        coupled.push_back((std::uint64_t{std::min(a, b)} << 32) | std::max(a, b));
    std::sort(coupled.begin(), coupled.end());
    for (std::size_t i = 0; i < snakePath.size(); ++i) {
        const unsigned q = snakePath[i];
        const std::string place = indexedPlace("snakePath", i);
        if (qubitOutside(q) || seen[q])
            fail(std::string("the snake path must visit qubits of the device at most once, got ") +
                     std::to_string(q),
                 place);
        seen[q] = 1;
        if (i > 0) {
            const unsigned p = snakePath[i - 1];
            const std::uint64_t k = (std::uint64_t{std::min(p, q)} << 32) | std::max(p, q);
            if (!std::binary_search(coupled.begin(), coupled.end(), k))
                fail(std::string("consecutive snake-path qubits ") + std::to_string(p) + " and " + std::to_string(q) +
                         " are not coupled",
                     place);
        }
    }
}

DeviceModel deviceFromIbmJson(const nlohmann::json& configuration, const nlohmann::json& properties,
                              const std::string& configurationWhere, const std::string& propertiesWhere)
{
    DeviceModel device;
    readConfiguration(configuration, DocumentReader(configurationWhere), device);
    device.qubits.assign(device.numQubits, QubitCalibration{});
    if (!properties.is_null())
        readProperties(properties, DocumentReader(propertiesWhere), device);
    device.validate();
    return device;
}

DeviceModel deviceFromIbmJson(const nlohmann::json& configuration, const nlohmann::json& properties,
                              const std::string& where)
{
    return deviceFromIbmJson(configuration, properties, where, where + "/properties");
}

} // namespace engine
