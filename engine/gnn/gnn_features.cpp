// SPDX-License-Identifier: MIT
// The graph a GNN sees for a QUBO: scale-free node and edge features of its Ising form.
#include "gnn/gnn_features.h"

#include "core/error.h"

#include <cmath>

namespace engine {

double isingRmsCoefficient(const IsingModel& model)
{
    double sum = 0.0;
    std::size_t count = 0;
    for (double h : model.h)
        if (h != 0.0) {
            sum += h * h;
            ++count;
        }
    for (const QuadraticTerm& t : model.J)
        if (t.value != 0.0) {
            sum += t.value * t.value;
            ++count;
        }
    return count == 0 ? 0.0 : std::sqrt(sum / static_cast<double>(count));
}

double isingLocalFieldScale(const IsingModel& model)
{
    const std::size_t n = model.h.size();
    if (n == 0)
        return 0.0;
    double sum = 0.0;
    for (double h : model.h)
        sum += h * h;
    for (const QuadraticTerm& t : model.J)
        sum += 2.0 * t.value * t.value;  // J_uv^2 enters the local fields of u and of v
    return std::sqrt(sum / static_cast<double>(n));
}

GnnGraph gnnGraphFromQubo(const QuboModel& qubo)
{
    const std::size_t n = qubo.numVariables();
    if (n == 0)
        throw Error(ErrorCode::InvalidArgument, "the QUBO has no variables", "qubo");
    const IsingModel ising = toIsing(qubo);
    const double rms = isingRmsCoefficient(ising);
    const double scale = isingLocalFieldScale(ising);
    if (!(rms > 0.0) || !std::isfinite(rms) || !(scale > 0.0) || !std::isfinite(scale))
        throw Error(ErrorCode::InvalidArgument, "the QUBO has no non-zero finite coefficient", "qubo");
    GnnGraph g;
    g.numNodes = n;
    g.rms = rms;
    g.angleScale = scale;
    std::vector<double> degree(n, 0.0);
    std::vector<double> sumJ(n, 0.0);
    std::vector<double> sumAbsJ(n, 0.0);
    std::vector<double> sumSqJ(n, 0.0);
    std::vector<const QuadraticTerm*> couplings;
    for (const QuadraticTerm& t : ising.J) {
        if (t.value == 0.0)
            continue;
        couplings.push_back(&t);
        for (std::uint32_t u : {t.i, t.j}) {
            degree[u] += 1.0;
            sumJ[u] += t.value;
            sumAbsJ[u] += std::abs(t.value);
            sumSqJ[u] += t.value * t.value;
        }
    }
    const double meanDegree = 2.0 * static_cast<double>(couplings.size()) / static_cast<double>(n);
    g.nodeFeatures.resize(static_cast<Eigen::Index>(n), GNN_NODE_FEATURES);
    for (std::size_t u = 0; u < n; ++u) {
        const auto r = static_cast<Eigen::Index>(u);
        const double h = ising.h[u];
        g.nodeFeatures(r, 0) = h / scale;
        g.nodeFeatures(r, 1) = std::abs(h) / scale;
        g.nodeFeatures(r, 2) = std::sqrt(h * h + sumSqJ[u]) / scale;
        g.nodeFeatures(r, 3) = meanDegree > 0.0 ? degree[u] / meanDegree : 0.0;
        g.nodeFeatures(r, 4) = 1.0 / std::sqrt(1.0 + degree[u]);
        g.nodeFeatures(r, 5) = sumAbsJ[u] > 0.0 ? sumJ[u] / sumAbsJ[u] : 0.0;
        g.nodeFeatures(r, 6) = h / rms;
    }
    g.edgeFeatures.resize(static_cast<Eigen::Index>(2 * couplings.size()), GNN_EDGE_FEATURES);
    Eigen::Index e = 0;
    for (const QuadraticTerm* t : couplings) {
        for (int dir = 0; dir < 2; ++dir, ++e) {
            g.edgeSource.push_back(dir == 0 ? t->i : t->j);
            g.edgeTarget.push_back(dir == 0 ? t->j : t->i);
            g.edgeFeatures(e, 0) = t->value / rms;
            g.edgeFeatures(e, 1) = std::abs(t->value) / rms;
            g.edgeFeatures(e, 2) = t->value / scale;
        }
    }
    return g;
}

GnnFeatureScaling GnnFeatureScaling::fit(const std::vector<GnnGraph>& graphs)
{
    if (graphs.empty())
        throw Error(ErrorCode::InvalidArgument, "no graphs to fit the feature scaling on", "graphs");
    GnnFeatureScaling s;
    auto fitBlock = [](const std::vector<const Eigen::MatrixXd*>& blocks, std::size_t width, Eigen::VectorXd& mean,
                       Eigen::VectorXd& scale) {
        const auto w = static_cast<Eigen::Index>(width);
        Eigen::VectorXd sum = Eigen::VectorXd::Zero(w);
        Eigen::VectorXd sumSq = Eigen::VectorXd::Zero(w);
        double rows = 0.0;
        for (const Eigen::MatrixXd* b : blocks) {
            sum += b->colwise().sum().transpose();
            sumSq += b->array().square().colwise().sum().matrix().transpose();
            rows += static_cast<double>(b->rows());
        }
        mean = rows > 0.0 ? Eigen::VectorXd(sum / rows) : Eigen::VectorXd::Zero(w);
        scale = Eigen::VectorXd::Ones(w);
        for (Eigen::Index k = 0; k < w && rows > 0.0; ++k) {
            const double var = std::max(0.0, sumSq(k) / rows - mean(k) * mean(k));
            scale(k) = std::sqrt(var) < 1e-8 ? 1.0 : std::sqrt(var);
        }
    };
    std::vector<const Eigen::MatrixXd*> nodes;
    std::vector<const Eigen::MatrixXd*> edges;
    for (const GnnGraph& g : graphs) {
        nodes.push_back(&g.nodeFeatures);
        edges.push_back(&g.edgeFeatures);
    }
    fitBlock(nodes, GNN_NODE_FEATURES, s.nodeMean, s.nodeScale);
    fitBlock(edges, GNN_EDGE_FEATURES, s.edgeMean, s.edgeScale);
    return s;
}

GnnGraph GnnFeatureScaling::apply(const GnnGraph& graph) const
{
    GnnGraph out = graph;
    out.nodeFeatures = (graph.nodeFeatures.rowwise() - nodeMean.transpose()).array().rowwise()
                       / nodeScale.transpose().array();
    if (graph.numEdges() > 0)
        out.edgeFeatures = (graph.edgeFeatures.rowwise() - edgeMean.transpose()).array().rowwise()
                           / edgeScale.transpose().array();
    return out;
}

} // namespace engine
