// SPDX-License-Identifier: MIT
// Problem instances of every kind, and loading and saving them in every supported file format.
#pragma once

#include "graph/weighted_graph.h"
#include "lcrp/lcrp_encoder.h"
#include "lcrp/lcrp_instance.h"
#include "qubo/qubo_model.h"

#include <nlohmann/json.hpp>

#include <string>
#include <variant>

namespace engine {

/// The optimisation problem a graph stands for.
enum class GraphProblem { MaxCut, Mis };
const char* graphProblemName(GraphProblem problem) noexcept;     ///< "maxcut" / "mis"
GraphProblem graphProblemFromName(const std::string& name);      ///< throws Error(InvalidArgument)

/// A graph with the problem it encodes.
struct GraphInstance {
    std::string name;
    WeightedGraph graph;
    GraphProblem problem = GraphProblem::MaxCut;
    double misPenalty = 2.0;   ///< lambda of the MIS encoding (> 0)
};

/// A general QUBO (minimised).
struct QuboInstance {
    std::string name;
    QuboModel qubo;
};

/// Any instance the workbench handles.
using Instance = std::variant<LcrpInstance, GraphInstance, QuboInstance>;

/// File formats.
enum class FileFormat {
    Auto,       ///< by extension, then by content
    Json,       ///< the workbench's versioned JSON (kind inside)
    Gset,       ///< rudy edge list: "n m" then m lines "i j w", 1-based
    Mqlib,      ///< MQLib QUBO: "n nnz" then "i j q" 1-based, symmetric upper entries, MAXIMISE
                ///< sum_i q_ii x_i + 2 sum_{i<j} q_ij x_i x_j; read as the minimisation of its negation
    OrLibrary,  ///< OR-Library bqp: first line the instance count, then MQLib-style blocks
    Bqm,        ///< D-Wave-style BQM JSON (export only)
};
const char* fileFormatName(FileFormat format) noexcept;     ///< "auto", "json", "gset", "mqlib", "orlib", "bqm"
FileFormat fileFormatFromName(const std::string& name);     ///< throws Error(InvalidArgument)

/// Options of `loadInstance`.
struct LoadOptions {
    FileFormat format = FileFormat::Auto;
    GraphProblem graphProblem = GraphProblem::MaxCut;  ///< problem given to a bare graph file (Gset)
    std::size_t orLibraryIndex = 1;                    ///< which instance of an OR-Library file (1-based)
};

/// Loads an instance. Files ending in ".gz" are decompressed. Auto detection: ".json" -> Json;
/// ".gset", ".rudy", ".mc" or a name containing "gset" -> Gset; ".qubo", ".mqlib" -> Mqlib; a name containing
/// "bqp" or "orlib" -> OrLibrary; else by content (JSON object; a one-number first line -> OrLibrary;
/// "n m" edge list with a diagonal entry -> Mqlib, else Gset).
/// Errors: Error(Io) when unreadable; Error(InvalidInput) with where() "path:line" for text formats or
/// "path:/json/pointer" for JSON, naming the rule broken. Never allocates more than the file justifies
/// (counts in headers are checked against limits before reserving).
Instance loadInstance(const std::string& path, const LoadOptions& options = {});

/// Parses the workbench JSON (any kind) after schema validation; `source` names it in errors.
Instance instanceFromJson(const nlohmann::json& document, const std::string& source);
/// Serialises any instance to the workbench JSON (with "format" and "formatVersion").
nlohmann::json instanceToJson(const Instance& instance);

/// Saves in `format` (Json, Gset for graphs, Mqlib and OrLibrary for QUBO and graph instances via their QUBO, Bqm
/// for any) atomically; a ".gz" path is gzip-compressed. Mqlib and OrLibrary refuse a non-zero offset and LCRP
/// instances (encode them first). Writes: a temporary file in the same folder, flushed, then renamed over `path`.
/// Throws Error(InvalidArgument) when the format cannot hold the instance, Error(Io) on write failure.
void saveInstance(const Instance& instance, const std::string& path, FileFormat format = FileFormat::Json);

/// The QUBO an instance stands for: graph -> Max-Cut or MIS encoder; LCRP -> `encodeLcrp(options)`; QUBO as is.
QuboModel instanceQubo(const Instance& instance, const LcrpEncoderOptions& lcrpOptions = {});

/// "lcrp", "graph" or "qubo".
const char* instanceKindName(const Instance& instance) noexcept;

} // namespace engine
