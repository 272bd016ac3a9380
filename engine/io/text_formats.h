// SPDX-License-Identifier: MIT
// Plain-text benchmark formats: Gset/rudy edge lists, MQLib QUBOs and OR-Library bqp collections.
#pragma once

#include "graph/weighted_graph.h"
#include "io/instance_file.h"
#include "qubo/qubo_model.h"

#include <string>
#include <string_view>

namespace engine {

/// Parses a Gset/rudy edge list: a line "n m", then m lines "i j w" with 1-based distinct endpoints, each
/// pair at most once. Blank lines and lines starting with '#' or '%' are skipped. Edges keep file order.
/// Throws Error(InvalidInput) with where() "<source>:<line>" naming the rule broken (a count in a header
/// above MAX_FILE_VARIABLES included). O(size of content + m log m).
WeightedGraph readGset(std::string_view content, const std::string& source);
/// Writes `graph` as a Gset/rudy edge list (1-based, weights in shortest round-trip form). O(n + m).
std::string writeGset(const WeightedGraph& graph);

/// Parses an MQLib QUBO: "n nnz", then nnz lines "i j q" (1-based; an entry and its transpose count as the
/// same entry, given once), the objective MAXIMISE sum_i q_ii x_i + 2 sum_{i<j} q_ij x_i x_j. Returns its
/// negation as a minimisation QUBO: a_i = -q_ii, b_ij = -2 q_ij. Errors as for readGset.
QuboModel readMqlib(std::string_view content, const std::string& source);
/// Writes `qubo` in MQLib form (q_ii = -a_i, q_ij = -b_ij / 2; zero entries left out). Exact for every
/// finite model. Throws Error(InvalidArgument) when the offset is not 0, which the format cannot hold.
std::string writeMqlib(const QuboModel& qubo);

/// Parses instance `index` (1-based) of an OR-Library bqp file: a line with the instance count, then one
/// MQLib-style block per instance (same objective and sign convention as readMqlib). Throws
/// Error(InvalidArgument) when `index` is 0 or beyond the count; other errors as for readGset.
QuboModel readOrLibrary(std::string_view content, const std::string& source, std::size_t index);
/// Writes `qubo` as an OR-Library file holding one instance. Same offset rule as writeMqlib.
std::string writeOrLibrary(const QuboModel& qubo);

/// Guesses the format of a text file from its content: Json when the first non-blank character is '{',
/// OrLibrary when the first data line holds one number, Mqlib when an "n m" list has a diagonal entry
/// "i i q" among its entries, else Gset. Never throws; the reader reports what is wrong.
FileFormat detectTextFormat(std::string_view content);

} // namespace engine
