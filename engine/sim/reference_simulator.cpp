// SPDX-License-Identifier: MIT
// A slow, obvious dense-matrix simulator (Eigen) used only by tests to check the fast kernels.
#include "sim/reference_simulator.h"

#include "core/error.h"

#include <string>

namespace engine {

namespace {

// Dense operators are 4^n entries; beyond this they stop being a quick test aid.
constexpr unsigned MAX_REFERENCE_QUBITS = 12;

void checkReference(unsigned numQubits, unsigned q, const char* name)
{
    if (numQubits > MAX_REFERENCE_QUBITS)
        throw Error(ErrorCode::LimitExceeded,
                    "dense reference operators are limited to " + std::to_string(MAX_REFERENCE_QUBITS) + " qubits",
                    "numQubits");
    if (q >= numQubits)
        throw Error(ErrorCode::InvalidArgument,
                    "qubit " + std::to_string(q) + " out of range for " + std::to_string(numQubits) + " qubits", name);
}

} // namespace

Eigen::MatrixXcd referenceOperator1(unsigned numQubits, unsigned q, const Matrix2& m)
{
    checkReference(numQubits, q, "q");
    // I (x) ... (x) m (x) ... (x) I with qubit 0 the least-significant (rightmost) factor, written as a Kronecker
    // product of the factors above q, m, and the factors below q.
    const Eigen::Index below = Eigen::Index{1} << q;
    const Eigen::Index above = Eigen::Index{1} << (numQubits - q - 1);
    Eigen::Matrix2cd small;
    small << m[0], m[1], m[2], m[3];
    const Eigen::Index dim = Eigen::Index{1} << numQubits;
    Eigen::MatrixXcd op = Eigen::MatrixXcd::Zero(dim, dim);
    for (Eigen::Index hi = 0; hi < above; ++hi) {
        for (Eigen::Index r = 0; r < 2; ++r) {
            for (Eigen::Index c = 0; c < 2; ++c) {
                for (Eigen::Index lo = 0; lo < below; ++lo)
                    op((hi * 2 + r) * below + lo, (hi * 2 + c) * below + lo) = small(r, c);
            }
        }
    }
    return op;
}

Eigen::MatrixXcd referenceOperator2(unsigned numQubits, unsigned q0, unsigned q1, const Matrix4& m)
{
    checkReference(numQubits, q0, "q0");
    checkReference(numQubits, q1, "q1");
    if (q0 == q1)
        throw Error(ErrorCode::InvalidArgument, "two-qubit operator needs two different qubits", "q1");
    // Entry (r, c) is m[k(r), k(c)] when r and c agree outside q0 and q1, with k(z) = 2 bit(q1) + bit(q0).
    const Eigen::Index dim = Eigen::Index{1} << numQubits;
    const Eigen::Index mask = (Eigen::Index{1} << q0) | (Eigen::Index{1} << q1);
    auto k = [&](Eigen::Index z) { return 2 * ((z >> q1) & 1) + ((z >> q0) & 1); };
    Eigen::MatrixXcd op = Eigen::MatrixXcd::Zero(dim, dim);
    for (Eigen::Index r = 0; r < dim; ++r) {
        for (Eigen::Index c = 0; c < dim; ++c) {
            if ((r & ~mask) == (c & ~mask))
                op(r, c) = m[static_cast<std::size_t>(4 * k(r) + k(c))];
        }
    }
    return op;
}

Eigen::MatrixXcd referenceExpI(const Eigen::MatrixXcd& hermitian, double t)
{
    if (hermitian.rows() != hermitian.cols())
        throw Error(ErrorCode::InvalidArgument, "exp(-i t H) needs a square matrix", "hermitian");
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXcd> eigen(hermitian);
    if (eigen.info() != Eigen::Success)
        throw Error(ErrorCode::InvalidArgument, "eigen-decomposition failed", "hermitian");
    const Eigen::VectorXd& lambda = eigen.eigenvalues();
    Eigen::VectorXcd phases(lambda.size());
    for (Eigen::Index i = 0; i < lambda.size(); ++i)
        phases(i) = std::polar(1.0, -t * lambda(i));
    const Eigen::MatrixXcd& v = eigen.eigenvectors();
    return v * phases.asDiagonal() * v.adjoint();
}

Eigen::MatrixXcd referencePauli(unsigned numQubits, unsigned q, char pauli)
{
    using C = std::complex<double>;
    const C i(0.0, 1.0);
    switch (pauli) {
    case 'I':
        return referenceOperator1(numQubits, q, Matrix2{C(1), C(0), C(0), C(1)});
    case 'X':
        return referenceOperator1(numQubits, q, Matrix2{C(0), C(1), C(1), C(0)});
    case 'Y':
        return referenceOperator1(numQubits, q, Matrix2{C(0), -i, i, C(0)});
    case 'Z':
        return referenceOperator1(numQubits, q, Matrix2{C(1), C(0), C(0), C(-1)});
    default:
        break;
    }
    throw Error(ErrorCode::InvalidArgument, std::string("unknown Pauli '") + pauli + "' (expected I, X, Y or Z)",
                "pauli");
}

} // namespace engine
