// SPDX-License-Identifier: MIT
// BundleMemberStatus: the member files of a bundle with their listed and actual SHA-256, also for a broken bundle.
#pragma once

#include "bundle/bundle_file.h"

#include <cstdint>
#include <string>
#include <vector>

namespace workbench {

/// How a member compares with the manifest's "files" list.
enum class BundleMemberState {
    Verified,  ///< listed, and size and SHA-256 match
    Mismatch,  ///< listed, but the size or SHA-256 differs (the file was changed)
    Missing,   ///< listed, but not in the archive
    Unlisted,  ///< in the archive, but not listed
};

/// One member file of a bundle (the manifest itself is not listed).
struct BundleMemberStatus {
    std::string path;           ///< archive name
    std::string role;           ///< the manifest's role ("" when unlisted)
    std::uint64_t bytes = 0;    ///< actual size (listed size when missing)
    std::string listedSha256;   ///< the manifest's hash ("" when unlisted)
    std::string actualSha256;   ///< the member's hash ("" when missing)
    BundleMemberState state = BundleMemberState::Verified;
};

/// The members of a bundle that decoded (so every hash matched): all Verified, in archive order. O(bytes).
std::vector<BundleMemberStatus> verifiedMembers(const engine::Bundle& bundle);

/// The members of the bundle file at `path` as far as they can be read without the strict checks of
/// engine::readBundle, to show which file a hash mismatch concerns: needs the gzip stream, the archive and a
/// first member manifest.json that parses as JSON with a "files" array; entries that are not objects with a
/// string "path" are skipped. Returns an empty list when any of that fails; never throws. O(file bytes),
/// bounded by engine::MAX_BUNDLE_FILE_BYTES and the archive limits.
std::vector<BundleMemberStatus> inspectMembers(const std::string& path) noexcept;

} // namespace workbench
