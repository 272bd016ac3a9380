// SPDX-License-Identifier: MIT
// The GINE graph network in Eigen: forward pass and exact backpropagation.
#include "gnn/gnn_network.h"

#include "core/error.h"

#include <cmath>
#include <random>

namespace engine {

namespace {

using Matrix = Eigen::MatrixXd;
using ConstMap = Eigen::Map<const Eigen::MatrixXd>;
using Map = Eigen::Map<Eigen::MatrixXd>;

Eigen::Index idx(std::size_t v)
{
    return static_cast<Eigen::Index>(v);
}

Matrix relu(const Matrix& x)
{
    return x.cwiseMax(0.0);
}

/// 1 / (number of edges into v), 1 for nodes without incoming edges: the messages are averaged, not summed, so
/// embeddings keep their scale through p layers on dense graphs (a plain sum grows like degree^p at
/// initialisation; the degree itself is a node feature, so no information is lost).
std::vector<double> inverseInDegrees(const GnnGraph& graph)
{
    std::vector<double> count(graph.numNodes, 0.0);
    for (std::size_t e = 0; e < graph.edgeTarget.size(); ++e) {
        if (graph.edgeTarget[e] >= graph.numNodes || graph.edgeSource[e] >= graph.numNodes)
            throw Error(ErrorCode::InvalidArgument, "an edge names a node outside the graph", "graph");
        count[graph.edgeTarget[e]] += 1.0;
    }
    for (double& c : count)
        c = c > 0.0 ? 1.0 / c : 1.0;
    return count;
}

/// x with entries zeroed where `pre` <= 0 (the ReLU derivative applied to an upstream gradient).
Matrix reluBack(const Matrix& upstream, const Matrix& pre)
{
    return (pre.array() > 0.0).select(upstream, 0.0);
}

} // namespace

struct GnnNetwork::Cache {
    struct Layer {
        Matrix x;     // input embeddings n x d
        Matrix mpre;  // pre-activation messages m x d
        Matrix z;     // n x d
        Matrix a1;    // n x h
        Matrix r1;    // n x h
        Matrix a2;    // n x h
    };
    std::vector<Layer> layers;
    Matrix last;                          // final embeddings n x h
    Eigen::RowVectorXd pooled;            // 1 x 2h
    std::vector<Eigen::Index> argmax;     // per hidden column, the node of the maximum
    Eigen::RowVectorXd a3;                // 1 x h
};

GnnNetwork::GnnNetwork(const GnnNetworkShape& shape, std::uint64_t seed) : m_shape(shape)
{
    if (shape.nodeFeatures == 0 || shape.edgeFeatures == 0 || shape.hidden == 0 || shape.layers == 0
        || shape.outputs == 0)
        throw Error(ErrorCode::InvalidArgument, "every width and the layer count must be positive", "shape");
    std::size_t offset = 0;
    auto take = [&offset](std::size_t count) {
        const std::size_t at = offset;
        offset += count;
        return at;
    };
    const std::size_t h = shape.hidden;
    for (std::size_t l = 0; l < shape.layers; ++l) {
        LayerOffsets o;
        o.in = l == 0 ? shape.nodeFeatures : h;
        o.we = take(shape.edgeFeatures * o.in);
        o.be = take(o.in);
        o.eps = take(1);
        o.w1 = take(o.in * h);
        o.b1 = take(h);
        o.w2 = take(h * h);
        o.b2 = take(h);
        m_layers.push_back(o);
    }
    m_w3 = take(2 * h * h);
    m_b3 = take(h);
    m_w4 = take(h * shape.outputs);
    m_b4 = take(shape.outputs);
    m_parameters = Eigen::VectorXd::Zero(idx(offset));

    std::mt19937_64 rng(seed);
    auto glorot = [&](std::size_t at, std::size_t rows, std::size_t cols) {
        const double limit = std::sqrt(6.0 / static_cast<double>(rows + cols));
        for (std::size_t k = 0; k < rows * cols; ++k)
            m_parameters(idx(at + k)) = limit * (2.0 * static_cast<double>(rng() >> 11) * 0x1.0p-53 - 1.0);
    };
    for (const LayerOffsets& o : m_layers) {
        glorot(o.we, shape.edgeFeatures, o.in);
        glorot(o.w1, o.in, h);
        glorot(o.w2, h, h);
    }
    glorot(m_w3, 2 * h, h);
    glorot(m_w4, h, shape.outputs);
}

void GnnNetwork::setParameters(const Eigen::VectorXd& parameters)
{
    if (parameters.size() != m_parameters.size())
        throw Error(ErrorCode::InvalidArgument,
                    "expected " + std::to_string(m_parameters.size()) + " parameters, got "
                        + std::to_string(parameters.size()),
                    "parameters");
    if (!parameters.allFinite())
        throw Error(ErrorCode::InvalidArgument, "a parameter is not finite", "parameters");
    m_parameters = parameters;
}

Eigen::VectorXd GnnNetwork::run(const GnnGraph& graph, Cache* cache) const
{
    if (m_layers.empty())
        throw Error(ErrorCode::InvalidArgument, "the network has no layers", "network");
    const Eigen::Index n = idx(graph.numNodes);
    const Eigen::Index m = idx(graph.numEdges());
    if (n == 0 || graph.nodeFeatures.rows() != n || graph.nodeFeatures.cols() != idx(m_shape.nodeFeatures)
        || (m > 0 && (graph.edgeFeatures.rows() != m || graph.edgeFeatures.cols() != idx(m_shape.edgeFeatures)))
        || graph.edgeTarget.size() != graph.edgeSource.size())
        throw Error(ErrorCode::InvalidArgument, "the graph is empty or its feature widths do not fit the network",
                    "graph");
    const double* p = m_parameters.data();
    const Eigen::Index h = idx(m_shape.hidden);
    const std::vector<double> inverseDegree = inverseInDegrees(graph);
    Matrix x = graph.nodeFeatures;
    for (const LayerOffsets& o : m_layers) {
        const Eigen::Index d = idx(o.in);
        const ConstMap we(p + o.we, idx(m_shape.edgeFeatures), d);
        const ConstMap be(p + o.be, 1, d);
        const double eps = p[o.eps];
        const ConstMap w1(p + o.w1, d, h);
        const ConstMap b1(p + o.b1, 1, h);
        const ConstMap w2(p + o.w2, h, h);
        const ConstMap b2(p + o.b2, 1, h);
        Matrix mpre(m, d);
        if (m > 0) {
            mpre = graph.edgeFeatures * we;
            mpre.rowwise() += be.row(0);
            for (Eigen::Index e = 0; e < m; ++e)
                mpre.row(e) += x.row(graph.edgeSource[static_cast<std::size_t>(e)]);
        }
        Matrix z = (1.0 + eps) * x;
        for (Eigen::Index e = 0; e < m; ++e) {
            const std::uint32_t dst = graph.edgeTarget[static_cast<std::size_t>(e)];
            z.row(dst) += inverseDegree[dst] * mpre.row(e).cwiseMax(0.0);
        }
        Matrix a1 = z * w1;
        a1.rowwise() += b1.row(0);
        Matrix r1 = relu(a1);
        Matrix a2 = r1 * w2;
        a2.rowwise() += b2.row(0);
        Matrix next = relu(a2);
        if (cache)
            cache->layers.push_back({std::move(x), std::move(mpre), std::move(z), std::move(a1), std::move(r1),
                                     std::move(a2)});
        x = std::move(next);
    }
    Eigen::RowVectorXd pooled(2 * h);
    pooled.head(h) = x.colwise().mean();
    std::vector<Eigen::Index> argmax(static_cast<std::size_t>(h));
    for (Eigen::Index c = 0; c < h; ++c)
        pooled(h + c) = x.col(c).maxCoeff(&argmax[static_cast<std::size_t>(c)]);
    const Eigen::Index outputs = idx(m_shape.outputs);
    const ConstMap w3(p + m_w3, 2 * h, h);
    const ConstMap b3(p + m_b3, 1, h);
    const ConstMap w4(p + m_w4, h, outputs);
    const ConstMap b4(p + m_b4, 1, outputs);
    const Eigen::RowVectorXd a3 = pooled * w3 + b3;
    const Eigen::RowVectorXd out = a3.cwiseMax(0.0) * w4 + b4;
    if (cache) {
        cache->last = std::move(x);
        cache->pooled = pooled;
        cache->argmax = std::move(argmax);
        cache->a3 = a3;
    }
    return out.transpose();
}

Eigen::VectorXd GnnNetwork::forward(const GnnGraph& graph) const
{
    return run(graph, nullptr);
}

double GnnNetwork::lossAndGradient(const GnnGraph& graph, const Eigen::VectorXd& target,
                                   Eigen::VectorXd* gradient, const Eigen::MatrixXd* weight) const
{
    if (target.size() != idx(m_shape.outputs))
        throw Error(ErrorCode::InvalidArgument, "the target has the wrong number of outputs", "target");
    if (gradient && gradient->size() != m_parameters.size())
        throw Error(ErrorCode::InvalidArgument, "the gradient has the wrong size", "gradient");
    if (weight && (weight->rows() != idx(m_shape.outputs) || weight->cols() != idx(m_shape.outputs)))
        throw Error(ErrorCode::InvalidArgument, "the loss weight must be outputs x outputs", "weight");
    Cache cache;
    const Eigen::VectorXd out = run(graph, gradient ? &cache : nullptr);
    const Eigen::VectorXd diff = out - target;
    const Eigen::VectorXd weighted = weight ? Eigen::VectorXd(*weight * diff) : diff;
    const double outputs = static_cast<double>(m_shape.outputs);
    const double loss = diff.dot(weighted) / outputs;
    if (!gradient)
        return loss;

    const double* p = m_parameters.data();
    double* g = gradient->data();
    const Eigen::Index h = idx(m_shape.hidden);
    const Eigen::Index o = idx(m_shape.outputs);
    const Eigen::Index n = idx(graph.numNodes);
    const Eigen::Index m = idx(graph.numEdges());
    const std::vector<double> inverseDegree = inverseInDegrees(graph);

    // Readout.
    const Eigen::RowVectorXd dOut = (2.0 / outputs) * weighted.transpose();
    const Eigen::RowVectorXd r3 = cache.a3.cwiseMax(0.0);
    Map(g + m_w4, h, o) += r3.transpose() * dOut;
    Map(g + m_b4, 1, o) += dOut;
    const Eigen::RowVectorXd dR3 = dOut * ConstMap(p + m_w4, h, o).transpose();
    const Eigen::RowVectorXd dA3 = (cache.a3.array() > 0.0).select(dR3, 0.0);
    Map(g + m_w3, 2 * h, h) += cache.pooled.transpose() * dA3;
    Map(g + m_b3, 1, h) += dA3;
    const Eigen::RowVectorXd dPooled = dA3 * ConstMap(p + m_w3, 2 * h, h).transpose();

    // Pooling.
    Matrix dx = Matrix::Zero(n, h);
    dx.rowwise() += dPooled.head(h) / static_cast<double>(n);
    for (Eigen::Index c = 0; c < h; ++c)
        dx(cache.argmax[static_cast<std::size_t>(c)], c) += dPooled(h + c);

    // Message-passing layers, last to first.
    for (std::size_t l = m_layers.size(); l-- > 0;) {
        const LayerOffsets& lo = m_layers[l];
        const Cache::Layer& c = cache.layers[l];
        const Eigen::Index d = idx(lo.in);
        const Matrix dA2 = reluBack(dx, c.a2);
        Map(g + lo.w2, h, h) += c.r1.transpose() * dA2;
        Map(g + lo.b2, 1, h) += dA2.colwise().sum();
        const Matrix dA1 = reluBack(dA2 * ConstMap(p + lo.w2, h, h).transpose(), c.a1);
        Map(g + lo.w1, d, h) += c.z.transpose() * dA1;
        Map(g + lo.b1, 1, h) += dA1.colwise().sum();
        const Matrix dZ = dA1 * ConstMap(p + lo.w1, d, h).transpose();
        const double eps = p[lo.eps];
        g[lo.eps] += (dZ.array() * c.x.array()).sum();
        Matrix dxIn = (1.0 + eps) * dZ;
        if (m > 0) {
            Matrix dMpre(m, d);
            for (Eigen::Index e = 0; e < m; ++e) {
                const auto dst = graph.edgeTarget[static_cast<std::size_t>(e)];
                dMpre.row(e) = (c.mpre.row(e).array() > 0.0).select(inverseDegree[dst] * dZ.row(dst), 0.0);
                dxIn.row(graph.edgeSource[static_cast<std::size_t>(e)]) += dMpre.row(e);
            }
            Map(g + lo.we, idx(m_shape.edgeFeatures), d) += graph.edgeFeatures.transpose() * dMpre;
            Map(g + lo.be, 1, d) += dMpre.colwise().sum();
        }
        dx = std::move(dxIn);
    }
    return loss;
}

} // namespace engine
