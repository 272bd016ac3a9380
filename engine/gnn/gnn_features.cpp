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

GnnGraph gnnGraphFromQubo(const QuboModel& qubo)
{
    const std::size_t n = qubo.numVariables();
    if (n == 0)
        throw Error(ErrorCode::InvalidArgument, "the QUBO has no variables", "qubo");
    const IsingModel ising = toIsing(qubo);
    const double rms = isingRmsCoefficient(ising);
    if (!(rms > 0.0) || !std::isfinite(rms))
        throw Error(ErrorCode::InvalidArgument, "the QUBO has no non-zero finite coefficient", "qubo");
    GnnGraph g;
    g.numNodes = n;
    g.rms = rms;
    std::vector<double> degree(n, 0.0);
    std::vector<double> sumJ(n, 0.0);
    std::vector<double> sumAbsJ(n, 0.0);
    std::vector<const QuadraticTerm*> couplings;
    for (const QuadraticTerm& t : ising.J) {
        if (t.value == 0.0)
            continue;
        couplings.push_back(&t);
        for (std::uint32_t u : {t.i, t.j}) {
            degree[u] += 1.0;
            sumJ[u] += t.value / rms;
            sumAbsJ[u] += std::abs(t.value) / rms;
        }
    }
    g.nodeFeatures.resize(static_cast<Eigen::Index>(n), GNN_NODE_FEATURES);
    for (std::size_t u = 0; u < n; ++u) {
        const auto r = static_cast<Eigen::Index>(u);
        const double h = ising.h[u] / rms;
        g.nodeFeatures(r, 0) = h;
        g.nodeFeatures(r, 1) = std::abs(h);
        g.nodeFeatures(r, 2) = degree[u] / 10.0;
        g.nodeFeatures(r, 3) = sumJ[u] / 10.0;
        g.nodeFeatures(r, 4) = sumAbsJ[u] / 10.0;
    }
    g.edgeFeatures.resize(static_cast<Eigen::Index>(2 * couplings.size()), GNN_EDGE_FEATURES);
    Eigen::Index e = 0;
    for (const QuadraticTerm* t : couplings) {
        const double j = t->value / rms;
        for (int dir = 0; dir < 2; ++dir, ++e) {
            g.edgeSource.push_back(dir == 0 ? t->i : t->j);
            g.edgeTarget.push_back(dir == 0 ? t->j : t->i);
            g.edgeFeatures(e, 0) = j;
            g.edgeFeatures(e, 1) = std::abs(j);
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
