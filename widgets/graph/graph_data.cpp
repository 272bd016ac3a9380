// SPDX-License-Identifier: MIT
// GraphData: conversion to the engine's graph and QUBO, validation and equality.
#include "graph/graph_data.h"

#include "core/error.h"
#include "graph/graph_problems.h"

#include <cmath>
#include <set>
#include <utility>

namespace workbench {

engine::WeightedGraph GraphData::graph() const
{
    engine::WeightedGraph g(numVertices());
    for (const engine::Edge& e : edges)
        g.addEdge(e.u, e.v, e.weight);
    return g;
}

engine::QuboModel GraphData::qubo() const
{
    switch (problem) {
    case GraphProblemKind::MaxCut: return engine::encodeMaxCut(graph());
    case GraphProblemKind::Mis: return engine::encodeMis(graph(), misPenalty);
    case GraphProblemKind::Qubo: break;
    }
    engine::QuboModel model(numVertices());
    for (std::size_t v = 0; v < linear.size() && v < numVertices(); ++v)
        if (linear[v] != 0.0)
            model.addLinear(v, linear[v]);
    for (const engine::Edge& e : edges)
        model.addQuadratic(e.u, e.v, e.weight);
    model.addOffset(offset);
    return model;
}

void GraphData::validate() const
{
    const std::size_t n = numVertices();
    if (linear.size() != n)
        throw engine::Error(engine::ErrorCode::InvalidInput,
                            "expected " + std::to_string(n) + " linear terms, got " + std::to_string(linear.size()),
                            "linear");
    std::set<std::pair<std::uint32_t, std::uint32_t>> seen;
    for (std::size_t i = 0; i < edges.size(); ++i) {
        const engine::Edge& e = edges[i];
        const std::string where = engine::indexedPlace("edges", i);
        if (!(e.u < e.v) || e.v >= n)
            throw engine::Error(engine::ErrorCode::InvalidInput, "endpoints must satisfy u < v < " + std::to_string(n),
                                where);
        if (!std::isfinite(e.weight))
            throw engine::Error(engine::ErrorCode::InvalidInput, "the weight is not finite", where);
        if (!seen.insert({e.u, e.v}).second)
            throw engine::Error(engine::ErrorCode::InvalidInput, "the edge appears twice", where);
    }
    for (std::size_t v = 0; v < n; ++v)
        if (!std::isfinite(linear[v]) || !std::isfinite(positions[v].x()) || !std::isfinite(positions[v].y()))
            throw engine::Error(engine::ErrorCode::InvalidInput, "a value is not finite",
                                engine::indexedPlace("vertices", v));
    if (!std::isfinite(misPenalty) || misPenalty <= 0.0)
        throw engine::Error(engine::ErrorCode::InvalidInput, "the MIS penalty must be finite and positive",
                            "misPenalty");
    if (!std::isfinite(offset))
        throw engine::Error(engine::ErrorCode::InvalidInput, "the offset is not finite", "offset");
}

bool GraphData::operator==(const GraphData& other) const
{
    if (name != other.name || positions != other.positions || linear != other.linear || problem != other.problem
        || misPenalty != other.misPenalty || offset != other.offset || edges.size() != other.edges.size())
        return false;
    for (std::size_t i = 0; i < edges.size(); ++i) {
        const engine::Edge& a = edges[i];
        const engine::Edge& b = other.edges[i];
        if (a.u != b.u || a.v != b.v || a.weight != b.weight)
            return false;
    }
    return true;
}

GraphData graphDataFrom(const engine::WeightedGraph& graph, GraphProblemKind problem, std::vector<QPointF> positions)
{
    GraphData data;
    data.problem = problem;
    data.positions = std::move(positions);
    data.positions.resize(graph.numVertices());
    data.linear.assign(graph.numVertices(), 0.0);
    data.edges = graph.edges();
    return data;
}

GraphData graphDataFromQubo(const engine::QuboModel& qubo, std::vector<QPointF> positions)
{
    GraphData data;
    data.problem = GraphProblemKind::Qubo;
    data.positions = std::move(positions);
    data.positions.resize(qubo.numVariables());
    data.linear = qubo.linearTerms();
    data.offset = qubo.offset();
    for (const engine::QuadraticTerm& term : qubo.quadraticTerms())
        if (term.value != 0.0)
            data.edges.push_back(engine::Edge{term.i, term.j, term.value});
    return data;
}

const char* graphProblemKindName(GraphProblemKind kind) noexcept
{
    switch (kind) {
    case GraphProblemKind::MaxCut: return "maxcut";
    case GraphProblemKind::Mis: return "mis";
    case GraphProblemKind::Qubo: return "qubo";
    }
    return "maxcut";
}

} // namespace workbench
