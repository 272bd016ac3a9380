// SPDX-License-Identifier: MIT
// Prepares Sampler PUBs (parameter binding, limits) and runs them on the engine's noisy emulator with hex results.
#include "sampler_run.h"

#include "emulator/trajectory_emulator.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <limits>
#include <numeric>

namespace ibmemu::detail {

namespace {

constexpr const char* BINDING_SOLUTION =
    "Give one value (or one array) for every `input float[64]` parameter of the circuit.";

[[noreturn]] void reject(int code, const std::string& reason, const std::string& solution)
{
    throw CircuitRejected{{code, reason, solution}};
}

// Saturates instead of overflowing: a huge broadcast shape must fail the limit check, not wrap around.
std::size_t product(const std::vector<std::size_t>& shape)
{
    std::size_t n = 1;
    for (std::size_t d : shape) {
        if (d != 0 && n > std::numeric_limits<std::size_t>::max() / d)
            return std::numeric_limits<std::size_t>::max();
        n *= d;
    }
    return n;
}

// A number or a rectangular nested array of numbers: its shape and row-major values.
struct Tensor {
    std::vector<std::size_t> shape;
    std::vector<double> values;
};

void flatten(const Json& value, std::size_t depth, Tensor& out, const std::string& what)
{
    if (value.is_number()) {
        if (depth != out.shape.size())
            reject(1002, what + " is not a rectangular array of numbers", BINDING_SOLUTION);
        out.values.push_back(value.get<double>());
        return;
    }
    if (!value.is_array() || depth > 32)
        reject(1002, what + " must be a number or a (nested) array of numbers", BINDING_SOLUTION);
    if (depth == out.shape.size()) {
        if (!out.values.empty())
            reject(1002, what + " is not a rectangular array of numbers", BINDING_SOLUTION);
        out.shape.push_back(value.size());
    } else if (depth > out.shape.size() || out.shape[depth] != value.size()) {
        reject(1002, what + " is not a rectangular array of numbers", BINDING_SOLUTION);
    }
    for (const Json& item : value)
        flatten(item, depth + 1, out, what);
}

Tensor tensorOf(const Json& value, const std::string& what)
{
    Tensor tensor;
    // An empty array has shape (0) and no values; the first leaf fixes the depth of every other leaf.
    flatten(value, 0, tensor, what);
    if (product(tensor.shape) != tensor.values.size())
        reject(1002, what + " is not a rectangular array of numbers", BINDING_SOLUTION);
    return tensor;
}

// numpy broadcasting: shapes aligned on the right, each dimension equal or 1.
std::vector<std::size_t> broadcastShape(const std::vector<const Tensor*>& tensors)
{
    std::size_t rank = 0;
    for (const Tensor* t : tensors)
        rank = std::max(rank, t->shape.size());
    std::vector<std::size_t> shape(rank, 1);
    for (const Tensor* t : tensors) {
        const std::size_t offset = rank - t->shape.size();
        for (std::size_t i = 0; i < t->shape.size(); ++i) {
            const std::size_t d = t->shape[i];
            std::size_t& s = shape[offset + i];
            if (d == s || d == 1)
                continue;
            if (s != 1)
                reject(1002, "parameter value arrays of shapes that do not broadcast together", BINDING_SOLUTION);
            s = d;
        }
    }
    return shape;
}

double broadcastValue(const Tensor& t, const std::vector<std::size_t>& shape, std::size_t flat)
{
    // Decompose the flat index of the broadcast shape, then map every coordinate into t (size-1 dims repeat).
    std::size_t index = 0;
    std::size_t stride = 1;
    const std::size_t offset = shape.size() - t.shape.size();
    for (std::size_t i = shape.size(); i-- > 0;) {
        const std::size_t coordinate = flat % shape[i];
        flat /= shape[i];
        if (i >= offset) {
            const std::size_t d = t.shape[i - offset];
            index += (d == 1 ? 0 : coordinate) * stride;
            stride *= d;
        }
    }
    return t.values[index];
}

void bindParameters(const Json& values, PreparedPub& pub, std::uint64_t shotsForLimit)
{
    const auto& names = pub.circuit.parameters();
    const std::size_t numParams = names.size();
    if (values.is_null()) {
        if (numParams)
            reject(1002, std::string("the circuit has ") + std::to_string(numParams) + " parameters but the PUB binds none",
                   BINDING_SOLUTION);
        pub.bindings.assign(1, {});
        return;
    }
    // Checked before the bindings are allocated: the executions limit bounds them.
    const auto checkCount = [&](std::size_t count) {
        if (count == 0)
            reject(1002, "the PUB binds no parameter set (an array dimension is 0)", BINDING_SOLUTION);
        if (count > MAX_JOB_EXECUTIONS / shotsForLimit)
            reject(1002, std::string("the PUB asks for ") + std::to_string(count) + " parameter sets of " +
                             std::to_string(shotsForLimit) + " shots, more than the system limit of " +
                             std::to_string(MAX_JOB_EXECUTIONS) + " executions",
                   "Bind fewer parameter sets or use fewer shots.");
    };
    if (values.is_object()) {
        std::vector<Tensor> tensors(numParams);
        std::vector<bool> seen(numParams, false);
        for (const auto& [key, value] : values.items()) {
            const std::size_t index = pub.circuit.parameterIndex(key);
            if (index == std::string::npos || index >= numParams)
                reject(1002, std::string("parameter '") + key + "' is not an input of the circuit", BINDING_SOLUTION);
            tensors[index] = tensorOf(value, std::string("the value of '") + key + "'");
            seen[index] = true;
        }
        for (std::size_t p = 0; p < numParams; ++p)
            if (!seen[p])
                reject(1002, std::string("no value for parameter '") + names[p] + "'", BINDING_SOLUTION);
        std::vector<const Tensor*> pointers;
        for (const Tensor& t : tensors)
            pointers.push_back(&t);
        pub.shape = broadcastShape(pointers);
        const std::size_t count = product(pub.shape);
        checkCount(count);
        pub.bindings.assign(count, std::vector<double>(numParams));
        for (std::size_t b = 0; b < count; ++b)
            for (std::size_t p = 0; p < numParams; ++p)
                pub.bindings[b][p] = broadcastValue(tensors[p], pub.shape, b);
        return;
    }
    if (!values.is_array())
        reject(1002, "parameter values must be null, an object or an array", BINDING_SOLUTION);
    const Tensor tensor = tensorOf(values, "the parameter value array");
    if (numParams == 0) {
        if (!tensor.values.empty())
            reject(1002, "the circuit has no parameters but the PUB binds values", BINDING_SOLUTION);
        pub.bindings.assign(1, {});
        return;
    }
    if (tensor.shape.empty() || tensor.shape.back() != numParams)
        reject(1002, std::string("the last dimension of the parameter value array must equal the ") +
                         std::to_string(numParams) + " circuit parameters",
               BINDING_SOLUTION);
    pub.shape.assign(tensor.shape.begin(), tensor.shape.end() - 1);
    const std::size_t count = product(pub.shape);
    checkCount(count);
    // Columns follow Qiskit's parameter order, the alphabetical order of the names.
    std::vector<std::size_t> column(numParams);
    std::iota(column.begin(), column.end(), std::size_t{0});
    std::sort(column.begin(), column.end(), [&](std::size_t a, std::size_t b) { return names[a] < names[b]; });
    pub.bindings.assign(count, std::vector<double>(numParams));
    for (std::size_t b = 0; b < count; ++b)
        for (std::size_t c = 0; c < numParams; ++c)
            pub.bindings[b][column[c]] = tensor.values[b * numParams + c];
}

std::uint64_t splitMix(std::uint64_t x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

void appendSamples(std::string& out, const std::vector<std::uint64_t>& values, std::size_t from, std::size_t count)
{
    out += '[';
    for (std::size_t i = 0; i < count; ++i) {
        if (i)
            out += ',';
        out += '"';
        out += hexSample(values[from + i]);
        out += '"';
    }
    out += ']';
}

// Nested lists over the PUB shape, innermost the shots of one binding.
void appendNested(std::string& out, const std::vector<std::uint64_t>& values, const std::vector<std::size_t>& shape,
                  std::size_t level, std::size_t binding, std::uint64_t shots)
{
    if (level == shape.size()) {
        appendSamples(out, values, binding * shots, shots);
        return;
    }
    const std::size_t inner = product(std::vector<std::size_t>(shape.begin() + long(level) + 1, shape.end()));
    out += '[';
    for (std::size_t i = 0; i < shape[level]; ++i) {
        if (i)
            out += ',';
        appendNested(out, values, shape, level + 1, binding + i * inner, shots);
    }
    out += ']';
}

} // namespace

std::string hexSample(std::uint64_t value)
{
    std::array<char, 24> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "0x%llx", static_cast<unsigned long long>(value));
    return buffer.data();
}

PreparedJob prepareSamplerJob(const Json& params, const IsaTarget& target)
{
    PreparedJob job;
    const Json options = params.value("options", Json::object());
    const bool twirlGates = options.value("twirling", Json::object()).value("enable_gates", false);
    std::uint64_t defaultShots = DEFAULT_SHOTS;
    if (options.contains("default_shots"))
        defaultShots = options.at("default_shots").get<std::uint64_t>();
    if (params.contains("shots") && !params.at("shots").is_null())
        defaultShots = params.at("shots").get<std::uint64_t>();

    const Json& pubs = params.at("pubs");
    for (std::size_t k = 0; k < pubs.size(); ++k) {
        const Json& pubJson = pubs[k];
        PreparedPub pub;
        pub.circuit = loadIsaCircuit(pubJson.at(0).get<std::string>());
        if (auto rejection = checkIsa(pub.circuit, target))
            throw CircuitRejected{*rejection};
        if (twirlGates && usesFractionalGates(pub.circuit))
            reject(1519, "Gate twirling does not support fractional gates.",
                   "Turn gate twirling off or transpile without rx/rzz.");
        pub.shots = defaultShots;
        if (pubJson.size() > 2 && !pubJson.at(2).is_null())
            pub.shots = pubJson.at(2).get<std::uint64_t>();
        if (pub.shots > MAX_PUB_SHOTS)
            reject(1002,
                   std::string("The number of shots ") + std::to_string(pub.shots) + " of PUB " + std::to_string(k) +
                       " exceeds the system limit " + std::to_string(MAX_PUB_SHOTS) + ".",
                   "Request at most 10000000 shots per circuit.");
        bindParameters(pubJson.size() > 1 ? pubJson.at(1) : Json(), pub, pub.shots);
        job.numCircuits += pub.bindings.size();
        job.executions += pub.bindings.size() * pub.shots;
        if (job.executions > MAX_JOB_EXECUTIONS)
            reject(1002,
                   std::string("The job asks for ") + std::to_string(job.executions) +
                       " executions (circuits times shots), more than the system limit " +
                       std::to_string(MAX_JOB_EXECUTIONS) + ".",
                   "Split the PUBs over several jobs.");
        for (const auto& values : pub.bindings) {
            const engine::Circuit bound = pub.circuit.parameters().empty() ? pub.circuit : pub.circuit.bound(values);
            if (auto rejection = checkFractionalAngles(bound))
                throw CircuitRejected{*rejection};
            if (pub.circuit.parameters().empty())
                break;
        }
        for (const auto& reg : pub.circuit.registers())
            job.estimatedResultBytes += pub.bindings.size() * pub.shots * (6 + (reg.size + 3) / 4) + 64;
        job.numQubits.push_back(int(pub.circuit.usedQubits().size()));
        job.depths.push_back(int(pub.circuit.stats().depth));
        job.pubs.push_back(std::move(pub));
    }
    return job;
}

PubRun runPub(const PreparedPub& pub, std::size_t index, const engine::NoiseModel& noise, std::uint64_t seed)
{
    const auto start = SystemClock::now();
    const auto& registers = pub.circuit.registers();
    std::vector<std::vector<std::uint64_t>> samples(registers.size());
    for (std::size_t b = 0; b < pub.bindings.size(); ++b) {
        engine::EmulatorOptions options;
        options.shots = pub.shots;
        options.seed = splitMix(splitMix(seed ^ (std::uint64_t(index) << 40)) ^ b);
        const engine::Circuit bound = pub.circuit.parameters().empty() ? pub.circuit : pub.circuit.bound(pub.bindings[b]);
        const engine::EmulationResult result = engine::emulateCircuit(bound, noise, options);
        for (std::size_t r = 0; r < registers.size() && r < result.registers.size(); ++r)
            samples[r].insert(samples[r].end(), result.registers[r].values.begin(), result.registers[r].values.end());
    }
    PubRun run;
    std::string& out = run.resultText;
    out = "{\"data\":{";
    for (std::size_t r = 0; r < registers.size(); ++r) {
        if (r)
            out += ',';
        out += Json(registers[r].name).dump();
        out += ":{\"samples\":";
        if (pub.shape.empty())
            appendSamples(out, samples[r], 0, pub.shots);
        else
            appendNested(out, samples[r], pub.shape, 0, 0, pub.shots);
        out += ",\"num_bits\":";
        out += std::to_string(registers[r].size);
        out += '}';
    }
    out += "},\"metadata\":{\"circuit_metadata\":{}}}";
    Json shape = Json::array();
    for (std::size_t d : pub.shape)
        shape.push_back(d);
    shape.push_back(pub.shots);
    run.span = Json::array({Json{{"date", isoUtcMicrosNoZone(start)}}, Json{{"date", isoUtcMicrosNoZone(SystemClock::now())}},
                            Json{{std::to_string(index),
                                  Json::array({shape, Json::array({0, pub.bindings.size()}),
                                               Json::array({0, pub.shots})})}}});
    return run;
}

std::string assembleResult(const std::vector<PubRun>& runs)
{
    std::string out = "{\"results\":[";
    Json spans = Json::array();
    for (std::size_t k = 0; k < runs.size(); ++k) {
        if (k)
            out += ',';
        out += runs[k].resultText;
        spans.push_back(runs[k].span);
    }
    out += "],\"metadata\":";
    out += Json{{"execution", {{"execution_spans", spans}}}, {"version", 2}}.dump();
    out += '}';
    return out;
}

} // namespace ibmemu::detail
