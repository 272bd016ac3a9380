// SPDX-License-Identifier: MIT
// Import and export of the graph editor's content in every supported graph and QUBO file format.
#pragma once

#include "graph/graph_data.h"

#include <QString>

#include <optional>

namespace workbench {

/// Up to this many vertices an imported or generated graph gets a spring layout at once (a few ms); larger ones
/// start on a circle and the editor refines them with a spring layout off the GUI thread.
constexpr std::size_t IMMEDIATE_SPRING_LIMIT = 100;

/// Positions for a graph that has none: a seeded spring layout up to IMMEDIATE_SPRING_LIMIT vertices, else a
/// circle with neighbours one layout unit apart; scaled by LAYOUT_SCALE.
std::vector<QPointF> initialPositions(const engine::WeightedGraph& graph, std::uint64_t seed = 1);

/// Reads a graph or QUBO file of any format engine::loadInstance accepts (gzip included): graph instances keep
/// their problem and MIS penalty, Gset files become Max-Cut, QUBO files (JSON, MQLib, OR-Library) the Qubo kind,
/// and an LCRP instance its encoded QUBO. Positions come from initialPositions. Returns nothing and sets `error`
/// (translated, naming the file and the place) on failure.
std::optional<GraphData> loadGraphFile(const QString& path, QString* error);

/// Writes `data` in the format its suffix names (".gz" compresses): ".json" the workbench JSON (a graph instance
/// for Max-Cut and MIS, a QUBO instance for the Qubo kind), ".bqm.json" D-Wave BQM, ".gset"/".rudy"/".mc" a Gset
/// edge list (Max-Cut and MIS only), ".qubo"/".mqlib" MQLib and names containing "bqp"/"orlib" OR-Library (both
/// of the encoded QUBO). Positions are not part of any of these formats. Returns false and sets `error`
/// (translated) when the suffix is unknown, the format cannot hold the graph or writing fails.
bool saveGraphFile(const GraphData& data, const QString& path, QString* error);

/// The file-dialog filters of loadGraphFile and saveGraphFile (translated).
QString graphImportFilter();
QString graphExportFilter();

} // namespace workbench
