// SPDX-License-Identifier: MIT
// The Adam stochastic optimiser (Kingma and Ba 2015) over one flat parameter vector.
#pragma once

#include <Eigen/Dense>

#include <cstdint>

namespace engine {

/// Adam with bias correction: m <- b1 m + (1 - b1) g, v <- b2 v + (1 - b2) g^2,
/// x <- x - lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps). O(size) per step.
class AdamOptimizer {
public:
    /// Throws Error(InvalidArgument) for a non-positive learning rate or decay rates outside [0, 1).
    AdamOptimizer(Eigen::Index size, double learningRate, double beta1 = 0.9, double beta2 = 0.999,
                  double epsilon = 1e-8);

    double learningRate() const { return m_learningRate; }
    /// Changes the step size (schedules); throws Error(InvalidArgument) when not positive.
    void setLearningRate(double learningRate);
    std::uint64_t steps() const { return m_steps; }
    /// One update of `parameters` with `gradient` (same size as the optimiser; Error(InvalidArgument) otherwise).
    void step(Eigen::VectorXd& parameters, const Eigen::VectorXd& gradient);

private:
    double m_learningRate;
    double m_beta1;
    double m_beta2;
    double m_epsilon;
    std::uint64_t m_steps = 0;
    Eigen::VectorXd m_first;
    Eigen::VectorXd m_second;
};

} // namespace engine
