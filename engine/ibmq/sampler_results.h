// SPDX-License-Identifier: MIT
// Decoding of Sampler V2 plain-JSON results (hex samples per classical register) into shot values and counts.
#pragma once

#include "mitigation/sample_counts.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace engine {

/// Widest classical register the decoder accepts (values are 64-bit integers).
constexpr unsigned SAMPLER_MAX_REGISTER_BITS = 64;
/// Deepest nesting of a samples array (PUB shape dimensions + the shots dimension).
constexpr std::size_t SAMPLER_MAX_SAMPLE_DIMENSIONS = 16;

/// The shots of one classical register in one PUB result.
/// `values` is row-major over `shape` followed by the shots dimension: for a PUB of shape (N,) with S shots,
/// values[n * S + s] is shot s of parameter binding n. Bit i of a value is classical bit i of the register
/// (register[0] is bit 0, the rightmost character of Qiskit's bitstring).
struct RegisterSamples {
    std::string name;                ///< register name ("meas" for Qiskit's measure_all)
    unsigned numBits = 0;            ///< register width
    std::vector<std::size_t> shape;  ///< PUB shape (empty for a scalar PUB), without the shots dimension
    std::size_t shotsPerBinding = 0; ///< length of the innermost dimension
    std::vector<std::uint64_t> values;

    /// Number of parameter bindings (product of `shape`, 1 for a scalar PUB).
    std::size_t numBindings() const;
    /// Histogram of all values, or of binding `binding` only (row-major index into `shape`). Throws
    /// Error(InvalidArgument) for a binding out of range. O(S log m).
    std::map<std::uint64_t, std::uint64_t> counts(std::optional<std::size_t> binding = std::nullopt) const;
    /// The same as an engine SampleCounts over numBits qubits (bit q = classical bit q = logical qubit q when
    /// the circuit measured qubit q into register[q]).
    SampleCounts sampleCounts(std::optional<std::size_t> binding = std::nullopt) const;
    /// Qiskit bitstring of `value` (register[0] rightmost, zero-padded to numBits).
    std::string bitstring(std::uint64_t value) const;
};

/// One PUB's result: its registers sorted by name, and its metadata as received.
struct SamplerPubResult {
    std::vector<RegisterSamples> registers;
    nlohmann::json metadata;

    /// The register called `name`, or nullptr.
    const RegisterSamples* findRegister(std::string_view name) const;
};

/// A whole Sampler V2 result: one entry per submitted PUB (results[k] answers pubs[k]) and the top-level metadata
/// (execution spans, version).
struct SamplerResult {
    std::vector<SamplerPubResult> pubs;
    nlohmann::json metadata;
};

/// Parses one hex sample ("0x5", no leading zeros required, either case) of a register `numBits` wide. Throws
/// Error(InvalidInput, where) for a missing "0x" prefix, non-hex digits, or a value with bits at or above
/// numBits; Error(LimitExceeded) when numBits > SAMPLER_MAX_REGISTER_BITS.
std::uint64_t parseHexSample(std::string_view text, unsigned numBits, const std::string& where);

/// Decodes the plain-JSON result body of GET /jobs/{id}/results (support_qiskit false):
/// {"results":[{"data":{"<reg>":{"samples":[...],"num_bits":n}},"metadata":{...}}],"metadata":{...}}.
/// `samples` may be flat (scalar PUB) or nested (broadcast PUBs, [N][shots] or deeper; must be rectangular).
/// Throws Error(InvalidInput, "<where>:/results/k/data/<reg>/...") on a malformed body, Error(LimitExceeded) for
/// registers wider than 64 bits, and Error(InvalidInput) naming support_qiskit when the body is the
/// Qiskit-serialised form ("__type__"). Linear in the number of samples.
SamplerResult parseSamplerResult(const nlohmann::json& body, const std::string& where = "results");

} // namespace engine
