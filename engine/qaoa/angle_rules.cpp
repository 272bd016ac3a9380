// SPDX-License-Identifier: MIT
// The angle rules: table lookups, degree extrapolation, Phasecraft's Dweight/SKatan/balanced and the conversions.
#include "qaoa/angle_rules.h"

#include "core/error.h"
#include "graph/graph_problems.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <numbers>

namespace engine {

namespace {

void checkDepth(std::size_t depth, std::size_t maxDepth, const char* what)
{
    if (depth == 0 || depth > maxDepth) {
        std::string detail = what;
        detail += " needs a depth in 1..";
        detail += std::to_string(maxDepth);
        detail += ", got ";
        detail += std::to_string(depth);
        throw Error(ErrorCode::InvalidArgument, detail, "depth");
    }
}

// Eq. 18 of the Phasecraft paper as read in algorithms.md 2.6, from a tabulated reference degree.
TabulatedAngles extrapolateDegree(std::size_t degree, std::size_t depth)
{
    const std::size_t reference = degree < 15 ? 10 : 20;
    const TabulatedAngles ref = treeTableAngles(reference, depth);
    const TabulatedAngles sk = skTableAngles(depth);
    const double d = static_cast<double>(degree);
    const double r = static_cast<double>(reference);
    TabulatedAngles out;
    out.convention = AngleConvention::Cut;
    out.value = std::numeric_limits<double>::quiet_NaN();
    out.treeValue = out.value;
    out.gammas.resize(depth);
    out.betas.resize(depth);
    const double firstRatio = std::atan(1.0 / std::sqrt(d - 1.0)) / std::atan(1.0 / std::sqrt(r - 1.0));
    for (std::size_t k = 0; k < depth; ++k) {
        out.gammas[k] = k == 0 ? ref.gammas[0] * firstRatio : ref.gammas[k] * std::sqrt((r - 1.0) / (d - 1.0));
        out.betas[k] = sk.betas[k] + (ref.betas[k] - sk.betas[k]) * r / d;
    }
    return out;
}

std::vector<std::size_t> degrees(const WeightedGraph& graph)
{
    std::vector<std::size_t> deg(graph.numVertices());
    for (std::size_t v = 0; v < deg.size(); ++v)
        deg[v] = graph.degree(v);
    return deg;
}

CutAngles dweight(const WeightedGraph& graph, std::size_t depth)
{
    std::map<std::size_t, std::size_t> verticesOfDegree;
    for (const std::size_t d : degrees(graph))
        if (d > 0)
            ++verticesOfDegree[d];
    CutAngles out{std::vector<double>(depth, 0.0), std::vector<double>(depth, 0.0)};
    const double twiceEdges = 2.0 * static_cast<double>(graph.numEdges());
    for (const auto& [d, count] : verticesOfDegree) {
        const double weight = static_cast<double>(d * count) / twiceEdges;
        const TabulatedAngles tree = treeAnglesForDegree(d, depth);
        for (std::size_t k = 0; k < depth; ++k) {
            out.gammas[k] += weight * tree.gammas[k];
            out.betas[k] += weight * tree.betas[k];
        }
    }
    return out;
}

CutAngles skatan(const WeightedGraph& graph, std::size_t depth)
{
    const TabulatedAngles sk = skTableAngles(depth);
    const double meanDegree = 2.0 * static_cast<double>(graph.numEdges()) / static_cast<double>(graph.numVertices());
    // atan(1/sqrt(<d> - 1)) tends to pi/2 as <d> -> 1; below that (a matching plus isolated vertices) keep the
    // limit.
    const double s = meanDegree <= 1.0 ? std::numbers::pi / 2.0 : std::atan(1.0 / std::sqrt(meanDegree - 1.0));
    CutAngles out{std::vector<double>(depth), sk.betas};
    for (std::size_t k = 0; k < depth; ++k)
        out.gammas[k] = 2.0 * sk.gammas[k] * s;
    return out;
}

CutAngles fixedAngle(const WeightedGraph& graph, std::size_t depth)
{
    const std::vector<std::size_t> deg = degrees(graph);
    for (std::size_t v = 1; v < deg.size(); ++v)
        if (deg[v] != deg[0])
            throw Error(ErrorCode::InvalidArgument,
                        "fixed angles need a regular graph; vertex 0 has degree " + std::to_string(deg[0])
                            + ", vertex " + std::to_string(v) + " has degree " + std::to_string(deg[v]),
                        "graph");
    const TabulatedAngles t = wurtzLykovAngles(deg[0], depth);
    return {t.gammas, t.betas};
}

} // namespace

QaoaAngles cutToCanonical(const CutAngles& angles, MaxCutHamiltonian target)
{
    if (angles.gammas.size() != angles.betas.size())
        throw Error(ErrorCode::InvalidArgument, "gamma and beta lists differ in length", "angles");
    const double scale = target == MaxCutHamiltonian::EncodedQubo ? -1.0 : -0.5;
    QaoaAngles out{angles.gammas, angles.betas};
    for (double& g : out.gammas)
        g *= scale;
    return out;
}

QaoaAngles linearRampAngles(std::size_t depth, double deltaT)
{
    checkDepth(depth, MAX_RULE_DEPTH, "the linear ramp");
    if (!std::isfinite(deltaT))
        throw Error(ErrorCode::InvalidArgument, "deltaT is not finite", "deltaT");
    QaoaAngles out{std::vector<double>(depth), std::vector<double>(depth)};
    for (std::size_t k = 0; k < depth; ++k) {
        const double s = (static_cast<double>(k) + 0.5) / static_cast<double>(depth);
        out.gammas[k] = -s * deltaT;
        out.betas[k] = (1.0 - s) * deltaT;
    }
    return out;
}

TabulatedAngles treeAnglesForDegree(std::size_t degree, std::size_t depth)
{
    if (degree == 0)
        throw Error(ErrorCode::InvalidArgument, "tree angles need a degree of at least 1", "degree");
    checkDepth(depth, TREE_TABLE_MAX_DEPTH, "tree angles");
    if (hasWurtzLykovAngles(degree, depth))
        return wurtzLykovAngles(degree, depth);
    if (hasTreeTableAngles(degree, depth))
        return treeTableAngles(degree, depth);
    return extrapolateDegree(degree, depth);
}

const char* maxCutAngleRuleName(MaxCutAngleRule rule) noexcept
{
    switch (rule) {
    case MaxCutAngleRule::FixedAngle:
        return "fixed";
    case MaxCutAngleRule::Dweight:
        return "dweight";
    case MaxCutAngleRule::SKatan:
        return "skatan";
    case MaxCutAngleRule::Balanced:
        return "balanced";
    }
    return "balanced";
}

MaxCutAngleRule maxCutAngleRuleFromName(const std::string& name)
{
    for (const MaxCutAngleRule rule : {MaxCutAngleRule::FixedAngle, MaxCutAngleRule::Dweight, MaxCutAngleRule::SKatan,
                                       MaxCutAngleRule::Balanced})
        if (name == maxCutAngleRuleName(rule))
            return rule;
    throw Error(ErrorCode::InvalidArgument,
                "unknown angle rule '" + name + "' (expected fixed, dweight, skatan or balanced)", "rule");
}

CutAngles maxCutRuleCutAngles(const WeightedGraph& graph, std::size_t depth, const MaxCutRuleOptions& options)
{
    if (graph.numEdges() == 0)
        throw Error(ErrorCode::InvalidArgument, "angle rules need a graph with at least one edge", "graph");
    if (depth == 0)
        throw Error(ErrorCode::InvalidArgument, "depth must be at least 1", "depth");

    CutAngles angles;
    switch (options.rule) {
    case MaxCutAngleRule::FixedAngle:
        angles = fixedAngle(graph, depth);
        break;
    case MaxCutAngleRule::Dweight:
        checkDepth(depth, TREE_TABLE_MAX_DEPTH, "Dweight");
        angles = dweight(graph, depth);
        break;
    case MaxCutAngleRule::SKatan:
        checkDepth(depth, SK_TABLE_MAX_DEPTH, "SKatan");
        angles = skatan(graph, depth);
        break;
    case MaxCutAngleRule::Balanced: {
        if (!(options.alpha >= 0.0 && options.alpha <= 1.0))
            throw Error(ErrorCode::InvalidArgument, "alpha must lie in [0, 1]", "alpha");
        checkDepth(depth, TREE_TABLE_MAX_DEPTH, "the balanced rule");
        const CutAngles sk = skatan(graph, depth);
        const CutAngles dw = dweight(graph, depth);
        angles = {std::vector<double>(depth), std::vector<double>(depth)};
        for (std::size_t k = 0; k < depth; ++k) {
            angles.gammas[k] = options.alpha * sk.gammas[k] + (1.0 - options.alpha) * dw.gammas[k];
            angles.betas[k] = options.alpha * sk.betas[k] + (1.0 - options.alpha) * dw.betas[k];
        }
        break;
    }
    }

    if (options.rescaleWeights) {
        double sumSquares = 0.0;
        for (const Edge& e : graph.edges())
            sumSquares += e.weight * e.weight;
        const double rms = std::sqrt(sumSquares / static_cast<double>(graph.numEdges()));
        if (rms > 0.0)
            for (double& g : angles.gammas)
                g /= rms;
    }
    return angles;
}

QaoaAngles maxCutRuleAngles(const WeightedGraph& graph, std::size_t depth, const MaxCutRuleOptions& options)
{
    return cutToCanonical(maxCutRuleCutAngles(graph, depth, options), options.target);
}

QaoaAngles skAngles(std::size_t depth, std::size_t numSpins)
{
    if (numSpins == 0)
        throw Error(ErrorCode::InvalidArgument, "SK angles need at least one spin", "numSpins");
    checkDepth(depth, SK_TABLE_MAX_DEPTH, "the SK table");
    const TabulatedAngles t = skTableAngles(depth);
    QaoaAngles out{t.gammas, t.betas};
    const double scale = -1.0 / std::sqrt(static_cast<double>(numSpins));
    for (double& g : out.gammas)
        g *= scale;
    return out;
}

QaoaAngles isingTreeAngles(const IsingModel& model, std::size_t depth)
{
    checkDepth(depth, TREE_TABLE_MAX_DEPTH, "the Ising tree rule");
    const std::size_t n = model.numSpins();
    double sumSquares = 0.0;
    std::size_t numFields = 0;
    for (std::size_t u = 0; u < n; ++u) {
        if (!std::isfinite(model.h[u]))
            throw Error(ErrorCode::InvalidArgument, "field is not finite", "h[" + std::to_string(u) + "]");
        if (model.h[u] != 0.0) {
            ++numFields;
            sumSquares += model.h[u] * model.h[u];
        }
    }
    // Repeated pairs add up (as in the Hamiltonian); the coupling graph counts each pair once.
    std::map<std::pair<std::uint32_t, std::uint32_t>, double> couplings;
    for (std::size_t k = 0; k < model.J.size(); ++k) {
        const QuadraticTerm& t = model.J[k];
        if (!std::isfinite(t.value) || t.i >= n || t.j >= n || t.i == t.j)
            throw Error(ErrorCode::InvalidArgument, "coupling is not finite or names invalid spins",
                        "J[" + std::to_string(k) + "]");
        couplings[{std::min(t.i, t.j), std::max(t.i, t.j)}] += t.value;
    }
    std::size_t numCouplings = 0;
    for (const auto& [pair, value] : couplings) {
        if (value == 0.0)
            continue;
        ++numCouplings;
        sumSquares += value * value;
    }
    if (numCouplings == 0)
        throw Error(ErrorCode::InvalidArgument, "the tree rule needs at least one non-zero coupling", "J");
    // Absent terms do not dilute the scale: for Max-Cut (no fields) this is Eq. 17's rms of the couplings.
    const double rms = std::sqrt(sumSquares / static_cast<double>(numFields + numCouplings));

    const double meanDegree = std::max(1.0, 2.0 * static_cast<double>(numCouplings) / static_cast<double>(n));
    const auto low = static_cast<std::size_t>(std::floor(meanDegree));
    const double t = meanDegree - static_cast<double>(low);
    const TabulatedAngles a = treeAnglesForDegree(low, depth);
    const TabulatedAngles b = t > 0.0 ? treeAnglesForDegree(low + 1, depth) : a;
    QaoaAngles out{std::vector<double>(depth), std::vector<double>(depth)};
    for (std::size_t k = 0; k < depth; ++k) {
        const double gammaCut = (1.0 - t) * a.gammas[k] + t * b.gammas[k];
        out.gammas[k] = -gammaCut / (2.0 * rms);
        out.betas[k] = (1.0 - t) * a.betas[k] + t * b.betas[k];
    }
    return out;
}

QaoaAngles misAngles(const WeightedGraph& graph, std::size_t depth, double penalty)
{
    if (!(std::isfinite(penalty) && penalty > 0.0))
        throw Error(ErrorCode::InvalidArgument, "penalty must be positive and finite", "penalty");
    if (graph.numEdges() == 0)
        throw Error(ErrorCode::InvalidArgument, "the MIS rule needs a graph with at least one edge", "graph");
    return isingTreeAngles(toIsing(encodeMis(graph, penalty)), depth);
}

} // namespace engine
