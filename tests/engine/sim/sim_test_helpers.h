// SPDX-License-Identifier: MIT
// Helpers shared by the engine/sim tests: random states and QUBOs, dense comparisons, SIMD level iteration.
#pragma once

#include "sim/simd_kernels.h"
#include "sim/state_vector.h"

#include "qubo/qubo_generator.h"

#include <Eigen/Dense>
#include <QtTest>

#include <algorithm>
#include <complex>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace sim_test {

/// A normalised state with independent Gaussian real and imaginary parts (seeded).
template <typename Real>
engine::StateVector<Real> randomState(unsigned n, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> gauss;
    std::vector<std::complex<double>> v(std::size_t{1} << n);
    double norm = 0.0;
    for (auto& a : v) {
        a = {gauss(rng), gauss(rng)};
        norm += std::norm(a);
    }
    engine::StateVector<Real> state(n);
    for (std::size_t z = 0; z < v.size(); ++z)
        state.amplitudes()[z] = std::complex<Real>(v[z] / std::sqrt(norm));
    return state;
}

/// The state's amplitudes as a double-precision Eigen vector.
template <typename Real>
Eigen::VectorXcd toEigen(const engine::StateVector<Real>& state)
{
    Eigen::VectorXcd v(static_cast<Eigen::Index>(state.size()));
    for (std::uint64_t z = 0; z < state.size(); ++z)
        v(static_cast<Eigen::Index>(z)) = std::complex<double>(state.amplitudes()[z]);
    return v;
}

/// max_z |state[z] - expected[z]|.
template <typename Real>
double maxDiff(const engine::StateVector<Real>& state, const Eigen::VectorXcd& expected)
{
    double worst = 0.0;
    for (std::uint64_t z = 0; z < state.size(); ++z)
        worst = std::max(worst, std::abs(std::complex<double>(state.amplitudes()[z])
                                         - expected(static_cast<Eigen::Index>(z))));
    return worst;
}

/// max_z |a[z] - b[z]| of two states of equal size.
template <typename Real>
double maxDiff(const engine::StateVector<Real>& a, const engine::StateVector<Real>& b)
{
    double worst = 0.0;
    for (std::uint64_t z = 0; z < a.size(); ++z)
        worst = std::max(worst, static_cast<double>(std::abs(a.amplitudes()[z] - b.amplitudes()[z])));
    return worst;
}

/// Tolerance of a kernel against the double-precision reference: 1e-12 in double, 1e-5 in single.
template <typename Real>
constexpr double TOLERANCE = sizeof(Real) == sizeof(double) ? 1e-12 : 1e-5;

/// A random QUBO with coefficients in [-2, 2), the given pair density and an offset.
inline engine::QuboModel randomQubo(std::size_t n, double density, std::uint64_t seed)
{
    engine::RandomQuboOptions o;
    o.numVariables = n;
    o.density = density;
    o.low = -2.0;
    o.high = 2.0;
    o.seed = seed;
    engine::QuboModel q = engine::randomQubo(o);
    q.addOffset(0.375);
    return q;
}

/// Runs `body` once per SIMD level this CPU supports (forcing it), then restores the best level.
template <typename Body>
void forEachSimdLevel(Body&& body)
{
    const std::vector<engine::detail::SimdLevel> levels = engine::detail::supportedSimdLevels();
    for (engine::detail::SimdLevel level : levels) {
        engine::detail::forceSimdLevel(level);
        body(level);
        if (QTest::currentTestFailed())
            break;
    }
    engine::detail::forceSimdLevel(levels.back());
}

} // namespace sim_test
