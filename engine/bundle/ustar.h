// SPDX-License-Identifier: MIT
// A minimal POSIX ustar writer and a strict reader: regular files with short relative names only.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace engine {

/// One regular file of an archive.
struct UstarMember {
    std::string path;     ///< relative name, '/'-separated, at most USTAR_MAX_NAME_CHARS characters
    std::string content;  ///< bytes (any, binary included)
};

/// Longest member name: the ustar name field holds 100 bytes and we keep a terminating NUL (no prefix field).
constexpr std::size_t USTAR_MAX_NAME_CHARS = 99;

/// Bounds the reader enforces before it copies anything, so a hostile archive cannot make it allocate at will.
struct UstarLimits {
    std::size_t maxMemberBytes = std::size_t{256} << 20;  ///< largest member, 256 MiB
    std::size_t maxTotalBytes = std::size_t{1} << 30;     ///< all members together, 1 GiB
    std::size_t maxMembers = 10000;                       ///< most members
};

/// Whether `path` is a name this format accepts: 1..USTAR_MAX_NAME_CHARS characters of [A-Za-z0-9._-] and '/',
/// relative (no leading '/'), no empty, "." or ".." component, no trailing '/'. On failure `why` (if not null)
/// receives an English reason.
bool isValidUstarName(std::string_view path, std::string* why = nullptr);

/// The archive of `members` in order: one 512-byte header per member (mode 0644, uid/gid 0, mtime 0, so equal
/// input gives equal bytes), the content padded to 512 bytes, and two zero blocks. Throws
/// Error(InvalidArgument, ..., "<member path>") for an invalid or repeated name. O(total bytes).
std::string writeUstar(const std::vector<UstarMember>& members);

/// Reads an archive written by writeUstar (or any ustar archive holding only regular files with short names).
/// Rejects with Error(InvalidInput, detail, "<source>:<member>") (or "<source>" before the first member): a
/// header checksum mismatch, a magic other than "ustar\0" "00", any type but a regular file (links, folders,
/// devices), a name isValidUstarName refuses or that repeats, a name in the prefix field, a size field that is
/// not octal; with Error(LimitExceeded) a member, the total or the member count above `limits`; and a
/// truncated archive (content cut short or no end-of-archive blocks) with Error(InvalidInput). Bytes after the
/// end blocks must be zero. O(archive bytes); thread-safe.
std::vector<UstarMember> readUstar(std::string_view archive, const std::string& source, const UstarLimits& limits = {});

} // namespace engine
