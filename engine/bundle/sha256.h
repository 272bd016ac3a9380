// SPDX-License-Identifier: MIT
// SHA-256 (FIPS 180-4) for the file hashes of reproducible bundles.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace engine {

/// A 32-byte SHA-256 digest.
using Sha256Digest = std::array<std::uint8_t, 32>;

/// Incremental SHA-256 (FIPS 180-4 section 6.2). Feed bytes with update() in any number of pieces, then call
/// digest() once. O(bytes). One object must be used by one thread at a time.
class Sha256 {
public:
    Sha256();
    /// Appends `data` to the message.
    void update(std::string_view data);
    /// Pads the message and returns its digest; the object is then spent (update() afterwards throws
    /// Error(InvalidArgument)).
    Sha256Digest digest();

private:
    void compress(const std::uint8_t* block);

    std::array<std::uint32_t, 8> m_state;
    std::array<std::uint8_t, 64> m_buffer{};
    std::size_t m_buffered = 0;
    std::uint64_t m_totalBytes = 0;
    bool m_finished = false;
};

/// The digest of `data` in one call. O(bytes); thread-safe.
Sha256Digest sha256(std::string_view data);
/// The digest of `data` as 64 lower-case hexadecimal digits. O(bytes); thread-safe.
std::string sha256Hex(std::string_view data);
/// `digest` as 64 lower-case hexadecimal digits.
std::string digestHex(const Sha256Digest& digest);

} // namespace engine
