// SPDX-License-Identifier: MIT
// Atomic whole-file writes and bounded whole-file reads (with transparent gzip).
#pragma once

#include <string>

namespace engine {

/// Writes `content` to `path` atomically: a temporary file beside it, fsync, rename. An existing file is
/// either fully replaced or left untouched; a symbolic link is followed (the file it names is replaced); a path
/// ending in ".gz" is not compressed here (saveInstance does that). Throws Error(Io) naming the path and the
/// system error.
void writeFileAtomically(const std::string& path, const std::string& content);

/// Reads a whole file; a name ending in ".gz" is gunzipped. Throws Error(Io) when unreadable and
/// Error(LimitExceeded) when the (decompressed) content exceeds `maxBytes` (default 1 GiB).
std::string readWholeFile(const std::string& path, std::size_t maxBytes = std::size_t{1} << 30);

} // namespace engine
