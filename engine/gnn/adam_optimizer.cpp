// SPDX-License-Identifier: MIT
// The Adam stochastic optimiser over one flat parameter vector.
#include "gnn/adam_optimizer.h"

#include "core/error.h"

#include <cmath>

namespace engine {

AdamOptimizer::AdamOptimizer(Eigen::Index size, double learningRate, double beta1, double beta2, double epsilon)
    : m_learningRate(learningRate), m_beta1(beta1), m_beta2(beta2), m_epsilon(epsilon),
      m_first(Eigen::VectorXd::Zero(size)), m_second(Eigen::VectorXd::Zero(size))
{
    if (!(learningRate > 0.0) || !(beta1 >= 0.0 && beta1 < 1.0) || !(beta2 >= 0.0 && beta2 < 1.0)
        || !(epsilon > 0.0))
        throw Error(ErrorCode::InvalidArgument, "Adam needs lr > 0, decay rates in [0, 1) and eps > 0", "adam");
}

void AdamOptimizer::setLearningRate(double learningRate)
{
    if (!(learningRate > 0.0))
        throw Error(ErrorCode::InvalidArgument, "the learning rate must be positive", "learningRate");
    m_learningRate = learningRate;
}

void AdamOptimizer::step(Eigen::VectorXd& parameters, const Eigen::VectorXd& gradient)
{
    if (parameters.size() != m_first.size() || gradient.size() != m_first.size())
        throw Error(ErrorCode::InvalidArgument, "parameter or gradient size differs from the optimiser's", "adam");
    ++m_steps;
    m_first = m_beta1 * m_first + (1.0 - m_beta1) * gradient;
    m_second = m_beta2 * m_second + (1.0 - m_beta2) * gradient.cwiseAbs2();
    const double c1 = 1.0 - std::pow(m_beta1, static_cast<double>(m_steps));
    const double c2 = 1.0 - std::pow(m_beta2, static_cast<double>(m_steps));
    parameters.array() -= m_learningRate * (m_first.array() / c1) / ((m_second.array() / c2).sqrt() + m_epsilon);
}

} // namespace engine
