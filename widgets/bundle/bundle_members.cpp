// SPDX-License-Identifier: MIT
// BundleMemberStatus: listing the members of a decoded bundle, and a lenient inspection of a broken one.
#include "bundle/bundle_members.h"

#include "bundle/sha256.h"
#include "bundle/ustar.h"

#include <fstream>
#include <iterator>
#include <map>
#include <set>

namespace workbench {

std::vector<BundleMemberStatus> verifiedMembers(const engine::Bundle& bundle)
{
    std::vector<BundleMemberStatus> members;
    for (const engine::BundleFile& file : bundle.files) {
        const std::string hash = engine::sha256Hex(file.content);
        members.push_back({file.path, file.role, file.content.size(), hash, hash, BundleMemberState::Verified});
    }
    return members;
}

std::vector<BundleMemberStatus> inspectMembers(const std::string& path) noexcept
{
    try {
        std::ifstream in(path, std::ios::binary);
        if (!in)
            return {};
        in.seekg(0, std::ios::end);
        const std::streamoff size = in.tellg();
        if (size < 0 || static_cast<std::uint64_t>(size) > engine::MAX_BUNDLE_FILE_BYTES)
            return {};
        in.seekg(0);
        std::string bytes(static_cast<std::size_t>(size), '\0');
        if (!in.read(bytes.data(), size))
            return {};
        const engine::UstarLimits limits;
        const std::string archive = engine::gzipDecompress(bytes, limits.maxTotalBytes + limits.maxMembers * 1024,
                                                           path);
        const std::vector<engine::UstarMember> archived = engine::readUstar(archive, path, limits);
        if (archived.empty() || archived.front().path != engine::BUNDLE_MANIFEST_NAME)
            return {};
        const nlohmann::json manifest = nlohmann::json::parse(archived.front().content);
        if (!manifest.is_object() || !manifest.contains("files") || !manifest["files"].is_array())
            return {};
        std::map<std::string, const engine::UstarMember*> byName;
        for (std::size_t k = 1; k < archived.size(); ++k)
            byName[archived[k].path] = &archived[k];
        std::vector<BundleMemberStatus> members;
        std::set<std::string> listed;
        for (const nlohmann::json& entry : manifest["files"]) {
            if (!entry.is_object() || !entry.contains("path") || !entry["path"].is_string())
                continue;
            BundleMemberStatus status;
            status.path = entry["path"].get<std::string>();
            status.role = entry.contains("role") && entry["role"].is_string() ? entry["role"].get<std::string>()
                                                                               : std::string();
            status.listedSha256 = entry.contains("sha256") && entry["sha256"].is_string()
                ? entry["sha256"].get<std::string>()
                : std::string();
            const std::uint64_t listedBytes =
                entry.contains("bytes") && entry["bytes"].is_number_unsigned() ? entry["bytes"].get<std::uint64_t>() : 0;
            listed.insert(status.path);
            const auto it = byName.find(status.path);
            if (it == byName.end()) {
                status.bytes = listedBytes;
                status.state = BundleMemberState::Missing;
            } else {
                status.bytes = it->second->content.size();
                status.actualSha256 = engine::sha256Hex(it->second->content);
                status.state = status.actualSha256 == status.listedSha256 && status.bytes == listedBytes
                    ? BundleMemberState::Verified
                    : BundleMemberState::Mismatch;
            }
            members.push_back(std::move(status));
        }
        for (std::size_t k = 1; k < archived.size(); ++k)
            if (!listed.count(archived[k].path))
                members.push_back({archived[k].path, {}, archived[k].content.size(), {},
                                   engine::sha256Hex(archived[k].content), BundleMemberState::Unlisted});
        return members;
    } catch (...) {
        // Anything unreadable: the strict reader's error already says what is wrong.
        return {};
    }
}

} // namespace workbench
