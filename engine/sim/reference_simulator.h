// SPDX-License-Identifier: MIT
// A slow, obvious dense-matrix simulator (Eigen) used only by tests to check the fast kernels.
#pragma once

#include "sim/gate_kernels.h"

#include <Eigen/Dense>

#include <vector>

namespace engine {

/// Full 2^n x 2^n operator of a one-qubit matrix on qubit q (Kronecker products; qubit 0 = least-significant).
Eigen::MatrixXcd referenceOperator1(unsigned numQubits, unsigned q, const Matrix2& m);
/// Full operator of a two-qubit matrix on (q0, q1) with the Matrix4 index convention.
Eigen::MatrixXcd referenceOperator2(unsigned numQubits, unsigned q0, unsigned q1, const Matrix4& m);
/// exp(-i t H) for a Hermitian H via its eigen-decomposition.
Eigen::MatrixXcd referenceExpI(const Eigen::MatrixXcd& hermitian, double t);
/// Dense Pauli-string operators: X_q, Y_q, Z_q as full matrices.
Eigen::MatrixXcd referencePauli(unsigned numQubits, unsigned q, char pauli);

} // namespace engine
