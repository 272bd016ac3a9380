// SPDX-License-Identifier: MIT
// Sampler V2 plain-JSON result decoding: hex samples, flat or nested arrays, registers, histograms.
#include "ibmq/sampler_results.h"

#include "core/error.h"

namespace engine {

namespace {

/// Finds the nesting shape of `samples` by walking the first elements, then checks every element against it.
void collectSamples(const nlohmann::json& node, const std::vector<std::size_t>& dims, std::size_t depth,
                    unsigned numBits, const std::string& where, std::vector<std::uint64_t>& out)
{
    if (!node.is_array() || node.size() != dims[depth])
        throw Error(ErrorCode::InvalidInput,
                    std::string("samples must be a rectangular array of hex strings (expected ") +
                        std::to_string(dims[depth]) + " entries here)",
                    where);
    for (std::size_t i = 0; i < node.size(); ++i) {
        const nlohmann::json& element = node[i];
        const std::string place = where + std::string("/") + std::to_string(i);
        if (depth + 1 < dims.size()) {
            collectSamples(element, dims, depth + 1, numBits, place, out);
        } else {
            if (!element.is_string())
                throw Error(ErrorCode::InvalidInput, "a sample must be a hex string such as \"0x5\"", place);
            out.push_back(parseHexSample(element.get_ref<const std::string&>(), numBits, place));
        }
    }
}

RegisterSamples parseRegister(const std::string& name, const nlohmann::json& entry, const std::string& where)
{
    if (!entry.is_object())
        throw Error(ErrorCode::InvalidInput, "a register entry must be an object with samples and num_bits", where);
    const auto bitsIt = entry.find("num_bits");
    if (bitsIt == entry.end() || !bitsIt->is_number_integer() || bitsIt->get<long long>() < 0)
        throw Error(ErrorCode::InvalidInput, "num_bits must be a non-negative integer", where + "/num_bits");
    const long long bits = bitsIt->get<long long>();
    if (bits > static_cast<long long>(SAMPLER_MAX_REGISTER_BITS))
        throw Error(ErrorCode::LimitExceeded,
                    std::string("register \"") + name + std::string("\" is ") + std::to_string(bits) +
                        std::string(" bits wide; at most ") + std::to_string(SAMPLER_MAX_REGISTER_BITS) +
                        " bits are supported",
                    where + "/num_bits");
    const auto samplesIt = entry.find("samples");
    if (samplesIt == entry.end() || !samplesIt->is_array())
        throw Error(ErrorCode::InvalidInput, "samples must be an array", where + "/samples");

    RegisterSamples reg;
    reg.name = name;
    reg.numBits = static_cast<unsigned>(bits);
    std::vector<std::size_t> dims;
    const nlohmann::json* probe = &*samplesIt;
    while (probe->is_array()) {
        if (dims.size() >= SAMPLER_MAX_SAMPLE_DIMENSIONS)
            throw Error(ErrorCode::LimitExceeded, "samples are nested too deeply", where + "/samples");
        dims.push_back(probe->size());
        if (probe->empty())
            break;
        probe = &probe->front();
    }
    std::size_t total = 1;
    for (const std::size_t d : dims)
        total *= d;
    // The JSON already holds one string per sample, so this reservation is bounded by the input size.
    reg.values.reserve(total);
    collectSamples(*samplesIt, dims, 0, reg.numBits, where + "/samples", reg.values);
    reg.shotsPerBinding = dims.back();
    reg.shape.assign(dims.begin(), dims.end() - 1);
    return reg;
}

} // namespace

std::size_t RegisterSamples::numBindings() const
{
    std::size_t n = 1;
    for (const std::size_t d : shape)
        n *= d;
    return n;
}

std::map<std::uint64_t, std::uint64_t> RegisterSamples::counts(std::optional<std::size_t> binding) const
{
    std::size_t begin = 0;
    std::size_t end = values.size();
    if (binding) {
        if (*binding >= numBindings())
            throw Error(ErrorCode::InvalidArgument,
                        std::string("binding ") + std::to_string(*binding) +
                            std::string(" out of range (the PUB has ") + std::to_string(numBindings()) + ")",
                        "binding");
        begin = *binding * shotsPerBinding;
        end = begin + shotsPerBinding;
    }
    std::map<std::uint64_t, std::uint64_t> histogram;
    for (std::size_t i = begin; i < end; ++i)
        ++histogram[values[i]];
    return histogram;
}

SampleCounts RegisterSamples::sampleCounts(std::optional<std::size_t> binding) const
{
    SampleCounts result(numBits);
    for (const auto& [value, count] : counts(binding))
        result.add(value, static_cast<double>(count));
    return result;
}

std::string RegisterSamples::bitstring(std::uint64_t value) const
{
    std::string text(numBits, '0');
    for (unsigned i = 0; i < numBits; ++i)
        if ((value >> i) & 1u)
            text[numBits - 1 - i] = '1';
    return text;
}

const RegisterSamples* SamplerPubResult::findRegister(std::string_view name) const
{
    for (const auto& reg : registers)
        if (reg.name == name)
            return &reg;
    return nullptr;
}

std::uint64_t parseHexSample(std::string_view text, unsigned numBits, const std::string& where)
{
    if (numBits > SAMPLER_MAX_REGISTER_BITS)
        throw Error(ErrorCode::LimitExceeded,
                    std::string("registers wider than ") + std::to_string(SAMPLER_MAX_REGISTER_BITS) +
                        " bits are not supported",
                    where);
    if (text.size() < 3 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X'))
        throw Error(ErrorCode::InvalidInput,
                    std::string("a sample must be a hex string starting with 0x, got \"") +
                        std::string(text.substr(0, 40)) + "\"",
                    where);
    std::string_view digits = text.substr(2);
    while (digits.size() > 1 && digits.front() == '0')
        digits.remove_prefix(1);
    if (digits.size() > 16)
        throw Error(ErrorCode::InvalidInput,
                    std::string("sample value has more bits than the register (") + std::to_string(numBits) + ")",
                    where);
    std::uint64_t value = 0;
    for (const char c : digits) {
        unsigned digit = 0;
        if (c >= '0' && c <= '9')
            digit = static_cast<unsigned>(c - '0');
        else if (c >= 'a' && c <= 'f')
            digit = static_cast<unsigned>(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            digit = static_cast<unsigned>(c - 'A' + 10);
        else
            throw Error(ErrorCode::InvalidInput,
                        std::string("a sample must be a hex string, got \"") + std::string(text.substr(0, 40)) + "\"",
                        where);
        value = (value << 4) | digit;
    }
    if (numBits < 64 && (value >> numBits) != 0)
        throw Error(ErrorCode::InvalidInput,
                    std::string("sample ") + std::string(text) + std::string(" has bits above the register width ") +
                        std::to_string(numBits),
                    where);
    return value;
}

SamplerResult parseSamplerResult(const nlohmann::json& body, const std::string& where)
{
    if (body.is_object() && body.contains("__type__"))
        throw Error(ErrorCode::InvalidInput,
                    "the result is Qiskit-serialised (the job was submitted with support_qiskit true); only plain "
                    "JSON results are supported",
                    where);
    if (!body.is_object())
        throw Error(ErrorCode::InvalidInput, "the result must be a JSON object", where);
    const auto resultsIt = body.find("results");
    if (resultsIt == body.end() || !resultsIt->is_array())
        throw Error(ErrorCode::InvalidInput, "the result has no \"results\" array", where + ":/results");

    SamplerResult result;
    if (const auto meta = body.find("metadata"); meta != body.end())
        result.metadata = *meta;
    result.pubs.reserve(resultsIt->size());
    for (std::size_t k = 0; k < resultsIt->size(); ++k) {
        const nlohmann::json& pub = (*resultsIt)[k];
        const std::string pubWhere = where + std::string(":/results/") + std::to_string(k);
        if (!pub.is_object())
            throw Error(ErrorCode::InvalidInput, "a PUB result must be an object", pubWhere);
        const auto dataIt = pub.find("data");
        if (dataIt == pub.end() || !dataIt->is_object())
            throw Error(ErrorCode::InvalidInput, "a PUB result needs a \"data\" object", pubWhere + "/data");
        SamplerPubResult pubResult;
        for (const auto& [name, entry] : dataIt->items())
            pubResult.registers.push_back(parseRegister(name, entry, pubWhere + std::string("/data/") + name));
        if (const auto meta = pub.find("metadata"); meta != pub.end())
            pubResult.metadata = *meta;
        result.pubs.push_back(std::move(pubResult));
    }
    return result;
}

} // namespace engine
