// SPDX-License-Identifier: MIT
// The general gate path: arbitrary one- and two-qubit unitaries on a statevector.
#pragma once

#include "sim/state_vector.h"

#include <array>
#include <complex>

namespace engine {

/// A 2x2 matrix, row-major: m[2*r + c].
using Matrix2 = std::array<std::complex<double>, 4>;
/// A 4x4 matrix, row-major, over the two-qubit basis index k = 2*bit(q1) + bit(q0): m[4*r + c].
using Matrix4 = std::array<std::complex<double>, 16>;

/// Applies `m` to qubit q. O(2^n), parallel. Throws Error(InvalidArgument) for q out of range.
template <typename Real>
void applyMatrix1(StateVector<Real>& state, unsigned q, const Matrix2& m, int threads = 0);

/// Applies `m` to qubits (q0, q1) (q0 != q1) with the index convention of Matrix4. O(2^n), parallel.
template <typename Real>
void applyMatrix2(StateVector<Real>& state, unsigned q0, unsigned q1, const Matrix4& m, int threads = 0);

/// Applies a diagonal two-qubit phase exp(-i theta/2 Z_q0 Z_q1) (RZZ(theta)) without a matrix product.
template <typename Real>
void applyRzz(StateVector<Real>& state, unsigned q0, unsigned q1, double theta, int threads = 0);

} // namespace engine
