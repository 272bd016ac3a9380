// SPDX-License-Identifier: MIT
// Loading and saving instances in every supported format, with format detection and name helpers.
#include "io/instance_file.h"

#include "core/error.h"
#include "graph/graph_problems.h"
#include "io/atomic_file.h"
#include "io/bqm_format.h"
#include "io/text_formats.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <limits>

namespace engine {

namespace {

constexpr std::size_t MAX_PARSE_MESSAGE = 200;

bool endsWith(const std::string& text, const std::string& suffix)
{
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The file name without its folder, lower-cased, and without a trailing ".gz".
std::string plainFileName(const std::string& path)
{
    const std::size_t slash = path.find_last_of('/');
    std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    if (endsWith(name, ".gz"))
        name.resize(name.size() - 3);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return name;
}

// Instance name for formats that carry none: the file name without ".gz" and its last extension.
std::string stemOf(const std::string& path)
{
    const std::size_t slash = path.find_last_of('/');
    std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    if (endsWith(name, ".gz"))
        name.resize(name.size() - 3);
    const std::size_t dot = name.find_last_of('.');
    if (dot != std::string::npos && dot > 0)
        name.resize(dot);
    return name;
}

FileFormat formatFromFileName(const std::string& path)
{
    const std::string name = plainFileName(path);
    if (endsWith(name, ".json"))
        return FileFormat::Json;
    if (endsWith(name, ".gset") || endsWith(name, ".rudy") || endsWith(name, ".mc")
        || name.find("gset") != std::string::npos)
        return FileFormat::Gset;
    if (endsWith(name, ".qubo") || endsWith(name, ".mqlib"))
        return FileFormat::Mqlib;
    if (name.find("bqp") != std::string::npos || name.find("orlib") != std::string::npos)
        return FileFormat::OrLibrary;
    return FileFormat::Auto;
}

nlohmann::json parseJson(const std::string& content, const std::string& path)
{
    try {
        return nlohmann::json::parse(content);
    } catch (const nlohmann::json::parse_error& e) {
        // nlohmann's message repeats the position; keep only the reason after "column N: ".
        std::string reason = e.what();
        const std::size_t column = reason.find("column ");
        const std::size_t colon = column == std::string::npos ? std::string::npos : reason.find(": ", column);
        reason = colon == std::string::npos ? reason : reason.substr(colon + 2);
        if (reason.size() > MAX_PARSE_MESSAGE)
            reason = reason.substr(0, MAX_PARSE_MESSAGE) + "...";
        const std::size_t offset = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, content.size());
        const std::size_t line = 1 + static_cast<std::size_t>(std::count(content.begin(), content.begin()
                                                                         + static_cast<std::ptrdiff_t>(offset), '\n'));
        const std::size_t lineStart = content.rfind('\n', offset == 0 ? 0 : offset - 1);
        const std::size_t column1 = lineStart == std::string::npos || offset == 0 ? offset + 1 : offset - lineStart;
        throw Error(ErrorCode::InvalidInput, "invalid JSON: " + reason,
                    path + ":" + std::to_string(line) + ":" + std::to_string(column1));
    } catch (const nlohmann::json::exception& e) {
        // For example a number too large for a double.
        throw Error(ErrorCode::InvalidInput, std::string("invalid JSON: ") + e.what(), path);
    }
}

std::string gzipCompress(const std::string& content, const std::string& path)
{
    if (content.size() > std::numeric_limits<uInt>::max() / 2)
        throw Error(ErrorCode::LimitExceeded, "content too large to compress in one piece", path);
    z_stream stream{};
    // windowBits 15 + 16 asks zlib for a gzip header and trailer rather than a raw zlib stream.
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw Error(ErrorCode::Io, "cannot initialise gzip compression", path);
    std::string out(deflateBound(&stream, static_cast<uLong>(content.size())) + 64, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(content.data()));
    stream.avail_in = static_cast<uInt>(content.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int result = deflate(&stream, Z_FINISH);
    const std::size_t produced = stream.total_out;
    deflateEnd(&stream);
    if (result != Z_STREAM_END)
        throw Error(ErrorCode::Io, "gzip compression failed", path);
    out.resize(produced);
    return out;
}

// The file content of `instance` in `format` (not Auto).
std::string serialise(const Instance& instance, FileFormat format, const std::string& path)
{
    const auto* graph = std::get_if<GraphInstance>(&instance);
    const bool isLcrp = std::holds_alternative<LcrpInstance>(instance);
    switch (format) {
    case FileFormat::Auto:
    case FileFormat::Json:
        return instanceToJson(instance).dump(2) + "\n";
    case FileFormat::Gset:
        if (!graph)
            throw Error(ErrorCode::InvalidArgument,
                        std::string("Gset files hold graphs; this is a ") + instanceKindName(instance) + " instance", path);
        return writeGset(graph->graph);
    case FileFormat::Mqlib:
    case FileFormat::OrLibrary:
        // An LCRP QUBO depends on encoder options, which this call does not take; encode it explicitly first.
        if (isLcrp)
            throw Error(ErrorCode::InvalidArgument,
                        std::string(fileFormatName(format)) + " files hold QUBOs; encode the LCRP instance first",
                        path);
        return format == FileFormat::Mqlib ? writeMqlib(instanceQubo(instance)) : writeOrLibrary(instanceQubo(instance));
    case FileFormat::Bqm:
        return quboToBqmJson(instanceQubo(instance)).dump(2) + "\n";
    }
    return {};
}

} // namespace

const char* graphProblemName(GraphProblem problem) noexcept
{
    return problem == GraphProblem::Mis ? "mis" : "maxcut";
}

GraphProblem graphProblemFromName(const std::string& name)
{
    if (name == "maxcut")
        return GraphProblem::MaxCut;
    if (name == "mis")
        return GraphProblem::Mis;
    throw Error(ErrorCode::InvalidArgument, "unknown graph problem '" + name + "' (expected maxcut or mis)", "problem");
}

const char* fileFormatName(FileFormat format) noexcept
{
    switch (format) {
    case FileFormat::Auto: return "auto";
    case FileFormat::Json: return "json";
    case FileFormat::Gset: return "gset";
    case FileFormat::Mqlib: return "mqlib";
    case FileFormat::OrLibrary: return "orlib";
    case FileFormat::Bqm: return "bqm";
    }
    return "auto";
}

FileFormat fileFormatFromName(const std::string& name)
{
    for (FileFormat f : {FileFormat::Auto, FileFormat::Json, FileFormat::Gset, FileFormat::Mqlib, FileFormat::OrLibrary,
                         FileFormat::Bqm})
        if (name == fileFormatName(f))
            return f;
    throw Error(ErrorCode::InvalidArgument,
                "unknown file format '" + name + "' (expected auto, json, gset, mqlib, orlib or bqm)", "format");
}

const char* instanceKindName(const Instance& instance) noexcept
{
    switch (instance.index()) {
    case 0: return "lcrp";
    case 1: return "graph";
    default: return "qubo";
    }
}

Instance loadInstance(const std::string& path, const LoadOptions& options)
{
    const std::string content = readWholeFile(path);
    FileFormat format = options.format;
    if (format == FileFormat::Auto)
        format = formatFromFileName(path);
    if (format == FileFormat::Auto)
        format = detectTextFormat(content);

    switch (format) {
    case FileFormat::Json:
        return instanceFromJson(parseJson(content, path), path);
    case FileFormat::Gset:
        return GraphInstance{stemOf(path), readGset(content, path), options.graphProblem, DEFAULT_MIS_PENALTY};
    case FileFormat::Mqlib:
        return QuboInstance{stemOf(path), readMqlib(content, path)};
    case FileFormat::OrLibrary:
        return QuboInstance{stemOf(path) + "-" + std::to_string(options.orLibraryIndex),
                            readOrLibrary(content, path, options.orLibraryIndex)};
    case FileFormat::Bqm:
        throw Error(ErrorCode::InvalidArgument, "BQM files can be written but not loaded", "format");
    case FileFormat::Auto:
        break;
    }
    throw Error(ErrorCode::InvalidArgument, "cannot tell the format of the file", path);
}

void saveInstance(const Instance& instance, const std::string& path, FileFormat format)
{
    if (format == FileFormat::Auto) {
        format = formatFromFileName(path);
        if (format == FileFormat::Auto)
            format = FileFormat::Json;
    }
    std::string content;
    try {
        content = serialise(instance, format, path);
    } catch (const nlohmann::json::exception& e) {
        // For example a name that is not valid UTF-8, which JSON cannot carry.
        throw Error(ErrorCode::InvalidArgument, std::string("cannot write JSON: ") + e.what(), path);
    } catch (const Error& e) {
        if (!e.where().empty())
            throw;
        throw Error(e.code(), e.detail(), path);  // the writers do not know the file name
    }
    // Compressed like the loader expects: readWholeFile gunzips every name ending in ".gz".
    if (endsWith(path, ".gz"))
        content = gzipCompress(content, path);
    writeFileAtomically(path, content);
}

QuboModel instanceQubo(const Instance& instance, const LcrpEncoderOptions& lcrpOptions)
{
    if (const auto* lcrp = std::get_if<LcrpInstance>(&instance))
        return encodeLcrp(*lcrp, lcrpOptions).qubo;
    if (const auto* graph = std::get_if<GraphInstance>(&instance))
        return graph->problem == GraphProblem::MaxCut ? encodeMaxCut(graph->graph)
                                                      : encodeMis(graph->graph, graph->misPenalty);
    return std::get<QuboInstance>(instance).qubo;
}

} // namespace engine
