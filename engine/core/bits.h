// SPDX-License-Identifier: MIT
// Bitstrings over problem variables and their text forms.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace engine {

/// A bitstring over problem variables: `bits[i]` is x_i in {0, 1}. As an integer index, variable i is bit i
/// (variable 0 = least-significant bit), the convention of the whole engine.
using Bits = std::vector<std::uint8_t>;

/// Writes `bits` as '0'/'1' characters with variable 0 FIRST (leftmost), the order of every engine text output.
std::string bitsToString(const Bits& bits);

/// Parses a '0'/'1' string with variable 0 first. Throws Error(InvalidInput) naming the offending position
/// when a character is not '0' or '1', or (when `expectedLength` >= 0) when the length differs.
Bits bitsFromString(std::string_view text, long long expectedLength = -1);

/// Parses a Qiskit-style bitstring, where qubit 0 is the RIGHTMOST character, into variable order.
Bits bitsFromQiskitString(std::string_view text, long long expectedLength = -1);

/// Writes `bits` Qiskit-style: qubit 0 rightmost.
std::string bitsToQiskitString(const Bits& bits);

/// Bits of the integer `index` over `n` variables: bits[i] = (index >> i) & 1.
Bits bitsFromIndex(std::uint64_t index, std::size_t n);

/// The integer whose bit i is bits[i]; requires bits.size() <= 64.
std::uint64_t bitsToIndex(const Bits& bits);

} // namespace engine
