// SPDX-License-Identifier: MIT
// Bundle encoding and decoding: manifest, hashes, ustar packing, gzip through zlib, schema validation.
#include "bundle/bundle_file.h"

#include "bundle/sha256.h"
#include "bundle/ustar.h"
#include "core/error.h"
#include "io/atomic_file.h"
#include "io/json_schema.h"

#include <zlib.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

namespace engine {

namespace {

constexpr std::size_t CHUNK = std::size_t{1} << 16;

const std::set<std::string> ROLES{"instance", "circuit", "calibration", "samples", "job-results"};
const std::set<std::string> KINDS{"qaoa-run", "warmstart", "job"};

// The archive holds at most the member limit plus one 512-byte header per member and the end blocks.
std::size_t maxArchiveBytes()
{
    const UstarLimits limits;
    return limits.maxTotalBytes + 512 * (limits.maxMembers + 2) + 512 * limits.maxMembers;
}

} // namespace

const BundleFile* Bundle::find(std::string_view path) const
{
    const auto it = std::find_if(files.begin(), files.end(), [&](const BundleFile& f) { return f.path == path; });
    return it == files.end() ? nullptr : &*it;
}

const BundleFile& Bundle::require(std::string_view path, const std::string& source) const
{
    if (const BundleFile* file = find(path))
        return *file;
    throw Error(ErrorCode::InvalidInput, "the bundle has no such file", source + ":" + std::string(path));
}

std::string bundleProducer() { return std::string("qaoa-workbench ") + QAOA_VERSION; }

nlohmann::json bundleManifest(const Bundle& bundle)
{
    nlohmann::json files = nlohmann::json::array();
    for (const BundleFile& f : bundle.files)
        files.push_back({{"path", f.path}, {"sha256", sha256Hex(f.content)}, {"bytes", f.content.size()},
                         {"role", f.role}});
    return {{"format", BUNDLE_FORMAT},   {"formatVersion", BUNDLE_FORMAT_VERSION},
            {"kind", bundle.kind},       {"created", bundle.created},
            {"producer", bundle.producer}, {"settings", bundle.settings},
            {"files", std::move(files)}, {"results", bundle.results}};
}

std::string gzipCompress(std::string_view data)
{
    z_stream stream{};
    // windowBits 15 + 16 selects the gzip wrapper; deflate writes a header with mtime 0 and no name.
    if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw Error(ErrorCode::Io, "zlib deflateInit2 failed", "gzip");
    std::string out;
    out.reserve(deflateBound(&stream, static_cast<uLong>(std::min<std::size_t>(data.size(), CHUNK))));
    std::size_t offset = 0;
    int status = Z_OK;
    std::string buffer(CHUNK, '\0');
    do {
        const std::size_t take = std::min(data.size() - offset, CHUNK);
        stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data() + offset));
        stream.avail_in = static_cast<uInt>(take);
        offset += take;
        const int flush = offset == data.size() ? Z_FINISH : Z_NO_FLUSH;
        do {
            stream.next_out = reinterpret_cast<Bytef*>(buffer.data());
            stream.avail_out = static_cast<uInt>(buffer.size());
            status = deflate(&stream, flush);
            if (status == Z_STREAM_ERROR) {
                deflateEnd(&stream);
                throw Error(ErrorCode::Io, "zlib deflate failed", "gzip");
            }
            out.append(buffer.data(), buffer.size() - stream.avail_out);
        } while (stream.avail_out == 0);
    } while (status != Z_STREAM_END);
    deflateEnd(&stream);
    return out;
}

std::string gzipDecompress(std::string_view data, std::size_t maxBytes, const std::string& source)
{
    if (data.size() < 2 || static_cast<unsigned char>(data[0]) != 0x1f || static_cast<unsigned char>(data[1]) != 0x8b)
        throw Error(ErrorCode::InvalidInput, "not a gzip-compressed bundle (wrong magic bytes)", source);
    z_stream stream{};
    if (inflateInit2(&stream, 15 + 16) != Z_OK)
        throw Error(ErrorCode::Io, "zlib inflateInit2 failed", source);
    std::string out;
    std::string buffer(CHUNK, '\0');
    std::size_t offset = 0;
    int status = Z_OK;
    while (status != Z_STREAM_END) {
        if (stream.avail_in == 0) {
            if (offset == data.size()) {
                inflateEnd(&stream);
                throw Error(ErrorCode::InvalidInput, "truncated gzip stream", source);
            }
            const std::size_t take = std::min(data.size() - offset, CHUNK);
            stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data() + offset));
            stream.avail_in = static_cast<uInt>(take);
            offset += take;
        }
        stream.next_out = reinterpret_cast<Bytef*>(buffer.data());
        stream.avail_out = static_cast<uInt>(buffer.size());
        status = inflate(&stream, Z_NO_FLUSH);
        if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) {
            const std::string message = stream.msg ? stream.msg : "inflate failed";
            inflateEnd(&stream);
            throw Error(ErrorCode::InvalidInput, "corrupt gzip data: " + message, source);
        }
        const std::size_t produced = buffer.size() - stream.avail_out;
        if (produced > maxBytes - out.size()) {
            inflateEnd(&stream);
            throw Error(ErrorCode::LimitExceeded,
                        "decompresses to more than " + std::to_string(maxBytes) + " bytes", source);
        }
        out.append(buffer.data(), produced);
    }
    const bool trailing = stream.avail_in > 0 || offset < data.size();
    inflateEnd(&stream);
    if (trailing)
        throw Error(ErrorCode::InvalidInput, "bytes after the end of the gzip stream", source);
    return out;
}

std::string encodeBundle(const Bundle& bundle)
{
    if (!KINDS.count(bundle.kind))
        throw Error(ErrorCode::InvalidArgument, "unknown bundle kind '" + bundle.kind + "'", "kind");
    if (!bundle.settings.is_object())
        throw Error(ErrorCode::InvalidArgument, "settings must be a JSON object", "settings");
    if (!bundle.results.is_object())
        throw Error(ErrorCode::InvalidArgument, "results must be a JSON object", "results");
    std::vector<UstarMember> members;
    members.reserve(bundle.files.size() + 1);
    const nlohmann::json manifest = bundleManifest(bundle);
    embeddedSchema("bundle-manifest").validateOrThrow(manifest, BUNDLE_MANIFEST_NAME);
    members.push_back({BUNDLE_MANIFEST_NAME, manifest.dump(2) + "\n"});
    for (const BundleFile& f : bundle.files) {
        if (f.path == BUNDLE_MANIFEST_NAME)
            throw Error(ErrorCode::InvalidArgument, "a file may not be called manifest.json", f.path);
        if (!ROLES.count(f.role))
            throw Error(ErrorCode::InvalidArgument, "unknown file role '" + f.role + "'", f.path);
        members.push_back({f.path, f.content});
    }
    return gzipCompress(writeUstar(members));
}

Bundle decodeBundle(std::string_view bytes, const std::string& source)
{
    const std::string archive = gzipDecompress(bytes, maxArchiveBytes(), source);
    std::vector<UstarMember> members = readUstar(archive, source);
    if (members.empty() || members.front().path != BUNDLE_MANIFEST_NAME)
        throw Error(ErrorCode::InvalidInput, "the first member must be manifest.json",
                    members.empty() ? source : source + ":" + members.front().path);
    const std::string manifestPlace = source + ":" + BUNDLE_MANIFEST_NAME;
    nlohmann::json manifest;
    try {
        manifest = nlohmann::json::parse(members.front().content);
    } catch (const nlohmann::json::parse_error& e) {
        throw Error(ErrorCode::InvalidInput, std::string("not valid JSON: ") + e.what(), manifestPlace);
    }
    // A newer version is refused by name before the schema, whose "const" would give a vaguer message.
    if (manifest.is_object() && manifest.contains("formatVersion") && manifest["formatVersion"].is_number_integer()
        && manifest["formatVersion"].get<long long>() > BUNDLE_FORMAT_VERSION)
        throw Error(ErrorCode::InvalidInput,
                    "formatVersion " + manifest["formatVersion"].dump() + " is newer than this program supports (" +
                        std::to_string(BUNDLE_FORMAT_VERSION) + ")",
                    manifestPlace + ":/formatVersion");
    embeddedSchema("bundle-manifest").validateOrThrow(manifest, manifestPlace);

    Bundle bundle;
    bundle.kind = manifest["kind"].get<std::string>();
    bundle.created = manifest["created"].get<std::string>();
    bundle.producer = manifest["producer"].get<std::string>();
    bundle.settings = manifest["settings"];
    bundle.results = manifest["results"];

    std::map<std::string, UstarMember*> byName;
    for (std::size_t k = 1; k < members.size(); ++k)
        byName[members[k].path] = &members[k];
    std::set<std::string> listed;
    const nlohmann::json& files = manifest["files"];
    for (std::size_t k = 0; k < files.size(); ++k) {
        const nlohmann::json& entry = files[k];
        const std::string path = entry["path"].get<std::string>();
        const std::string entryPlace = manifestPlace + ":/files/" + std::to_string(k);
        if (!listed.insert(path).second)
            throw Error(ErrorCode::InvalidInput, "'" + path + "' is listed twice", entryPlace + "/path");
        const auto it = byName.find(path);
        if (it == byName.end())
            throw Error(ErrorCode::InvalidInput, "listed in the manifest but missing from the archive",
                        source + ":" + path);
        UstarMember& member = *it->second;
        const auto bytesListed = entry["bytes"].get<std::uint64_t>();
        if (bytesListed != member.content.size())
            throw Error(ErrorCode::InvalidInput,
                        "size " + std::to_string(member.content.size()) + " bytes, the manifest says " +
                            std::to_string(bytesListed),
                        source + ":" + path);
        const std::string hash = sha256Hex(member.content);
        if (hash != entry["sha256"].get<std::string>())
            throw Error(ErrorCode::InvalidInput,
                        "SHA-256 mismatch: the file hashes to " + hash + ", the manifest says " +
                            entry["sha256"].get<std::string>() + " (the file was changed)",
                        source + ":" + path);
        bundle.files.push_back({path, entry["role"].get<std::string>(), std::move(member.content)});
    }
    for (std::size_t k = 1; k < members.size(); ++k)
        if (!listed.count(members[k].path))
            throw Error(ErrorCode::InvalidInput, "member not listed in the manifest's files",
                        source + ":" + members[k].path);
    return bundle;
}

void writeBundle(const Bundle& bundle, const std::string& path)
{
    writeFileAtomically(path, encodeBundle(bundle));
}

Bundle readBundle(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorCode::Io, "cannot open the bundle for reading", path);
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    if (size < 0)
        throw Error(ErrorCode::Io, "cannot determine the file size", path);
    if (static_cast<std::uint64_t>(size) > MAX_BUNDLE_FILE_BYTES)
        throw Error(ErrorCode::LimitExceeded,
                    "the file has " + std::to_string(size) + " bytes, more than the limit of " +
                        std::to_string(MAX_BUNDLE_FILE_BYTES),
                    path);
    in.seekg(0);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    if (!in.read(bytes.data(), size))
        throw Error(ErrorCode::Io, "read failed", path);
    return decodeBundle(bytes, path);
}

} // namespace engine
