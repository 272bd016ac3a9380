// SPDX-License-Identifier: MIT
// Bitstrings over problem variables and their text forms.
#include "core/bits.h"

#include "core/error.h"

#include <algorithm>

namespace engine {

std::string bitsToString(const Bits& bits)
{
    std::string text(bits.size(), '0');
    for (std::size_t i = 0; i < bits.size(); ++i)
        text[i] = bits[i] ? '1' : '0';
    return text;
}

Bits bitsFromString(std::string_view text, long long expectedLength)
{
    if (expectedLength >= 0 && static_cast<long long>(text.size()) != expectedLength)
        throw Error(ErrorCode::InvalidInput,
                    "bitstring has " + std::to_string(text.size()) + " characters, expected "
                        + std::to_string(expectedLength));
    Bits bits(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '0' && text[i] != '1')
            throw Error(ErrorCode::InvalidInput,
                        "bitstring character " + std::to_string(i) + " is '" + std::string(1, text[i])
                            + "', expected '0' or '1'");
        bits[i] = text[i] == '1' ? 1 : 0;
    }
    return bits;
}

Bits bitsFromQiskitString(std::string_view text, long long expectedLength)
{
    std::string reversed(text.rbegin(), text.rend());
    return bitsFromString(reversed, expectedLength);
}

std::string bitsToQiskitString(const Bits& bits)
{
    std::string text = bitsToString(bits);
    std::reverse(text.begin(), text.end());
    return text;
}

Bits bitsFromIndex(std::uint64_t index, std::size_t n)
{
    Bits bits(n);
    for (std::size_t i = 0; i < n && i < 64; ++i)
        bits[i] = static_cast<std::uint8_t>((index >> i) & 1U);
    return bits;
}

std::uint64_t bitsToIndex(const Bits& bits)
{
    if (bits.size() > 64)
        throw Error(ErrorCode::LimitExceeded, "bitstring of " + std::to_string(bits.size())
                                                  + " variables does not fit a 64-bit index");
    std::uint64_t index = 0;
    for (std::size_t i = 0; i < bits.size(); ++i)
        if (bits[i])
            index |= std::uint64_t{1} << i;
    return index;
}

} // namespace engine
