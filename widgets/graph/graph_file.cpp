// SPDX-License-Identifier: MIT
// loadGraphFile / saveGraphFile: GraphData to and from engine instances and their file formats.
#include "graph/graph_file.h"

#include "core/error.h"
#include "document/error_text.h"
#include "graph/graph_layout.h"
#include "io/instance_file.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <variant>

namespace workbench {

namespace {

std::vector<QPointF> scaled(const std::vector<engine::LayoutPoint>& points)
{
    std::vector<QPointF> out;
    out.reserve(points.size());
    for (const engine::LayoutPoint& p : points)
        out.emplace_back(p.x * LAYOUT_SCALE, p.y * LAYOUT_SCALE);
    return out;
}

// The file name without a trailing ".gz", lower case, for choosing a format.
QString formatName(const QString& path)
{
    QString name = QFileInfo(path).fileName().toLower();
    if (name.endsWith(QLatin1String(".gz")))
        name.chop(3);
    return name;
}

} // namespace

std::vector<QPointF> initialPositions(const engine::WeightedGraph& graph, std::uint64_t seed)
{
    if (graph.numVertices() <= IMMEDIATE_SPRING_LIMIT) {
        engine::SpringLayoutOptions options;
        options.seed = seed;
        return scaled(engine::springLayout(graph, options));
    }
    return scaled(engine::circularLayout(graph.numVertices(), engine::circularRadiusForSpacing(graph.numVertices())));
}

std::optional<GraphData> loadGraphFile(const QString& path, QString* error)
{
    try {
        const engine::Instance instance = engine::loadInstance(path.toStdString());
        GraphData data;
        if (const auto* graph = std::get_if<engine::GraphInstance>(&instance)) {
            data = graphDataFrom(graph->graph,
                                 graph->problem == engine::GraphProblem::Mis ? GraphProblemKind::Mis
                                                                             : GraphProblemKind::MaxCut,
                                 initialPositions(graph->graph));
            data.misPenalty = graph->misPenalty;
            data.name = graph->name;
        } else {
            const engine::QuboModel qubo = engine::instanceQubo(instance);
            data = graphDataFromQubo(qubo, {});
            data.positions = initialPositions(data.graph());
            if (const auto* q = std::get_if<engine::QuboInstance>(&instance))
                data.name = q->name;
            else
                data.name = std::get<engine::LcrpInstance>(instance).name;
        }
        data.validate();
        return data;
    } catch (const engine::Error& e) {
        if (error != nullptr)
            *error = errorMessage(e);
    } catch (const std::exception& e) {
        if (error != nullptr)
            *error = QCoreApplication::translate("GraphFile", "Cannot read %1: %2").arg(path, QString::fromLocal8Bit(e.what()));
    }
    return std::nullopt;
}

bool saveGraphFile(const GraphData& data, const QString& path, QString* error)
{
    const QString name = formatName(path);
    engine::FileFormat format = engine::FileFormat::Auto;
    if (name.endsWith(QLatin1String(".bqm.json")))
        format = engine::FileFormat::Bqm;
    else if (name.endsWith(QLatin1String(".json")))
        format = engine::FileFormat::Json;
    else if (name.endsWith(QLatin1String(".gset")) || name.endsWith(QLatin1String(".rudy"))
             || name.endsWith(QLatin1String(".mc")))
        format = engine::FileFormat::Gset;
    else if (name.endsWith(QLatin1String(".qubo")) || name.endsWith(QLatin1String(".mqlib")))
        format = engine::FileFormat::Mqlib;
    else if (name.contains(QLatin1String("bqp")) || name.contains(QLatin1String("orlib")))
        format = engine::FileFormat::OrLibrary;
    if (format == engine::FileFormat::Auto) {
        if (error != nullptr)
            *error = QCoreApplication::translate("GraphFile", "Cannot tell the export format of %1 from its name: use .json, .bqm.json, .gset, .rudy, "
                        ".mc, .qubo or .mqlib (optionally followed by .gz).")
                         .arg(path);
        return false;
    }
    if (format == engine::FileFormat::Gset && data.problem == GraphProblemKind::Qubo) {
        if (error != nullptr)
            *error = QCoreApplication::translate("GraphFile", "%1: a Gset edge list holds a graph, not a QUBO with linear terms; export the QUBO as .json, "
                        ".qubo or .bqm.json instead.")
                         .arg(path);
        return false;
    }
    try {
        data.validate();
        engine::Instance instance;
        if (data.problem == GraphProblemKind::Qubo) {
            instance = engine::QuboInstance{data.name, data.qubo()};
        } else {
            engine::GraphInstance graph;
            graph.name = data.name;
            graph.graph = data.graph();
            graph.problem = data.problem == GraphProblemKind::Mis ? engine::GraphProblem::Mis
                                                                  : engine::GraphProblem::MaxCut;
            graph.misPenalty = data.misPenalty;
            instance = std::move(graph);
        }
        engine::saveInstance(instance, path.toStdString(), format);
        return true;
    } catch (const engine::Error& e) {
        if (error != nullptr)
            *error = errorMessage(e);
    } catch (const std::exception& e) {
        if (error != nullptr)
            *error = QCoreApplication::translate("GraphFile", "Cannot write %1: %2").arg(path, QString::fromLocal8Bit(e.what()));
    }
    return false;
}

QString graphImportFilter()
{
    return QCoreApplication::translate("GraphFile", "Graphs and QUBOs (*.json *.gset *.rudy *.mc *.qubo *.mqlib *.txt *.gz);;All files (*)");
}

QString graphExportFilter()
{
    return QCoreApplication::translate("GraphFile", "Workbench JSON (*.json);;Gset edge list (*.gset *.rudy *.mc);;MQLib QUBO (*.qubo *.mqlib);;"
              "D-Wave BQM (*.bqm.json);;All files (*)");
}

} // namespace workbench
