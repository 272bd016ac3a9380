// SPDX-License-Identifier: MIT
// Reproducible bundles on disk: a gzip-compressed ustar archive whose first member is a manifest with hashes.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace engine {

/// The manifest's "format" value and the version this build reads and writes.
constexpr const char* BUNDLE_FORMAT = "qaoa-workbench/bundle";
constexpr int BUNDLE_FORMAT_VERSION = 1;
/// File-name extension and MIME type of bundles (declared in resources/desktop/qaoa-workbench-mime.xml).
constexpr const char* BUNDLE_EXTENSION = ".qwbundle";
constexpr const char* BUNDLE_MIME_TYPE = "application/x-qaoa-workbench-bundle";
/// Name of the first archive member.
constexpr const char* BUNDLE_MANIFEST_NAME = "manifest.json";

/// Largest bundle file read (compressed bytes) and largest archive after decompression. The member limits are
/// UstarLimits' defaults: 256 MiB per member, 1 GiB in all, 10000 members.
constexpr std::size_t MAX_BUNDLE_FILE_BYTES = std::size_t{1} << 30;

/// One file of a bundle besides the manifest.
struct BundleFile {
    std::string path;     ///< archive name, e.g. "instance.json", "circuits/pub0.qasm" (isValidUstarName)
    std::string role;     ///< "instance", "circuit", "calibration", "samples" or "job-results"
    std::string content;  ///< the bytes
};

/// A bundle in memory. The manifest's "files" list (path, sha256, bytes, role) is derived from `files` when
/// writing and checked against the members when reading.
struct Bundle {
    std::string kind;              ///< "qaoa-run", "warmstart" or "job"
    std::string created;           ///< UTC ISO 8601 with milliseconds
    std::string producer;          ///< "qaoa-workbench <version>"
    nlohmann::json settings;       ///< every option and seed of the run (an object; layout per kind)
    nlohmann::json results;        ///< the computed numbers (an object; layout per kind)
    std::vector<BundleFile> files; ///< in archive order

    /// The file with `path`, or null.
    const BundleFile* find(std::string_view path) const;
    /// The file with `path`; throws Error(InvalidInput, "...missing", "<source>:<path>") when absent.
    const BundleFile& require(std::string_view path, const std::string& source) const;
};

/// "qaoa-workbench <version of this build>".
std::string bundleProducer();

/// The manifest document of `bundle` (format, formatVersion, kind, created, producer, settings, files with
/// SHA-256 and sizes, results). O(bytes of the files).
nlohmann::json bundleManifest(const Bundle& bundle);

/// gzip (RFC 1952) of `data` at the default level with a zero modification time, so equal input gives equal
/// bytes. Throws Error(Io) when zlib fails. O(bytes).
std::string gzipCompress(std::string_view data);
/// Decompresses one gzip stream. Throws Error(InvalidInput, ..., source) for data that is not gzip, is corrupt
/// or truncated, or has bytes after the stream, and Error(LimitExceeded) when the output would exceed `maxBytes`
/// (checked while inflating, so nothing larger is ever allocated). O(output bytes).
std::string gzipDecompress(std::string_view data, std::size_t maxBytes, const std::string& source);

/// The bytes of a bundle file: manifest.json then the files, as ustar, gzip-compressed. Validates the manifest
/// against the "bundle-manifest" schema first; throws Error(InvalidArgument) for an invalid bundle (bad kind,
/// file names, a file called manifest.json, settings or results that are not objects).
std::string encodeBundle(const Bundle& bundle);
/// Parses bundle bytes; `source` names the bundle in errors. Checks, in order: gzip, the archive (ustar.h rules
/// and limits), manifest.json first, JSON syntax, the "bundle-manifest" schema, a formatVersion this build reads,
/// that "files" lists every other member exactly once, and each file's size and SHA-256. Errors:
/// Error(InvalidInput) with where() "<source>:<member>" for a member ("bundle.qwbundle:instance.json") or
/// "<source>:manifest.json:/json/pointer" for a manifest field; Error(LimitExceeded) above the limits.
Bundle decodeBundle(std::string_view bytes, const std::string& source);

/// encodeBundle, then an atomic write (temporary file, fsync, rename). Throws Error(Io) naming the path.
void writeBundle(const Bundle& bundle, const std::string& path);
/// Reads at most MAX_BUNDLE_FILE_BYTES from `path` and decodes it (decodeBundle, source = path).
Bundle readBundle(const std::string& path);

} // namespace engine
