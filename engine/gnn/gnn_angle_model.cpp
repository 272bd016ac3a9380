// SPDX-License-Identifier: MIT
// A trained GNN for one QAOA depth.
#include "gnn/gnn_angle_model.h"

#include "core/error.h"

namespace engine {

Eigen::VectorXd GnnAngleModel::predictScaled(const GnnGraph& rawGraph) const
{
    const auto outputs = static_cast<Eigen::Index>(2 * depth);
    if (depth == 0 || network.shape().outputs != 2 * depth || targetMean.size() != outputs
        || targetScale.size() != outputs)
        throw Error(ErrorCode::InvalidArgument, "the model is incomplete: depth, outputs and target scaling differ",
                    "model");
    const Eigen::VectorXd standard = network.forward(features.apply(rawGraph));
    return (standard.array() * targetScale.array() + targetMean.array()).matrix();
}

QaoaAngles GnnAngleModel::predict(const QuboModel& qubo) const
{
    const GnnGraph graph = gnnGraphFromQubo(qubo);
    const Eigen::VectorXd y = predictScaled(graph);
    QaoaAngles angles;
    for (std::size_t k = 0; k < depth; ++k) {
        angles.gammas.push_back(y(static_cast<Eigen::Index>(k)) / graph.angleScale);
        angles.betas.push_back(y(static_cast<Eigen::Index>(depth + k)));
    }
    return angles;
}

} // namespace engine
