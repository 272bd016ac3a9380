// SPDX-License-Identifier: MIT
// The general gate path: arbitrary one- and two-qubit unitaries on a statevector.
#include "sim/gate_kernels.h"

#include "sim/thread_count.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace engine {

namespace {

// Inserts a zero bit at position `bit` of i.
inline std::uint64_t insertZero(std::uint64_t i, unsigned bit)
{
    const std::uint64_t low = (std::uint64_t{1} << bit) - 1;
    return ((i & ~low) << 1) | (i & low);
}

void checkQubit(unsigned q, unsigned n, const char* name)
{
    if (q >= n)
        throw Error(ErrorCode::InvalidArgument,
                    "qubit " + std::to_string(q) + " out of range for " + std::to_string(n) + " qubits", name);
}

void checkPair(unsigned q0, unsigned q1, unsigned n)
{
    checkQubit(q0, n, "q0");
    checkQubit(q1, n, "q1");
    if (q0 == q1)
        throw Error(ErrorCode::InvalidArgument, "a two-qubit gate needs two different qubits, got " +
                                                    std::to_string(q0) + " twice", "q1");
}

template <std::size_t N>
void checkFinite(const std::array<std::complex<double>, N>& m)
{
    for (const auto& v : m) {
        if (!std::isfinite(v.real()) || !std::isfinite(v.imag()))
            throw Error(ErrorCode::InvalidArgument, "gate matrix entries must be finite", "m");
    }
}

} // namespace

template <typename Real>
void applyMatrix1(StateVector<Real>& state, unsigned q, const Matrix2& m, int threads)
{
    checkQubit(q, state.numQubits(), "q");
    checkFinite(m);
    using C = std::complex<Real>;
    const C m00(m[0]), m01(m[1]), m10(m[2]), m11(m[3]);
    const std::uint64_t bit = std::uint64_t{1} << q;
    const std::uint64_t half = state.size() >> 1;
    C* a = state.amplitudes();
    const int nt = detail::resolveThreadCount(threads, state.size());
#pragma omp parallel for num_threads(nt) schedule(static) if (nt > 1)
    for (std::uint64_t i = 0; i < half; ++i) {
        const std::uint64_t z0 = insertZero(i, q);
        const C x0 = a[z0];
        const C x1 = a[z0 | bit];
        a[z0] = m00 * x0 + m01 * x1;
        a[z0 | bit] = m10 * x0 + m11 * x1;
    }
}

template <typename Real>
void applyMatrix2(StateVector<Real>& state, unsigned q0, unsigned q1, const Matrix4& m, int threads)
{
    checkPair(q0, q1, state.numQubits());
    checkFinite(m);
    using C = std::complex<Real>;
    C mm[16];
    for (int k = 0; k < 16; ++k)
        mm[k] = C(m[static_cast<std::size_t>(k)]);
    const unsigned lo = std::min(q0, q1);
    const unsigned hi = std::max(q0, q1);
    const std::uint64_t bit0 = std::uint64_t{1} << q0;
    const std::uint64_t bit1 = std::uint64_t{1} << q1;
    // offset[k] for basis index k = 2 * bit(q1) + bit(q0)
    const std::uint64_t offset[4] = {0, bit0, bit1, bit0 | bit1};
    const std::uint64_t quarter = state.size() >> 2;
    C* a = state.amplitudes();
    const int nt = detail::resolveThreadCount(threads, state.size());
#pragma omp parallel for num_threads(nt) schedule(static) if (nt > 1)
    for (std::uint64_t i = 0; i < quarter; ++i) {
        const std::uint64_t base = insertZero(insertZero(i, lo), hi);
        C x[4];
        for (int k = 0; k < 4; ++k)
            x[k] = a[base | offset[k]];
        for (int r = 0; r < 4; ++r) {
            C sum = 0;
            for (int k = 0; k < 4; ++k)
                sum += mm[4 * r + k] * x[k];
            a[base | offset[r]] = sum;
        }
    }
}

template <typename Real>
void applyRzz(StateVector<Real>& state, unsigned q0, unsigned q1, double theta, int threads)
{
    checkPair(q0, q1, state.numQubits());
    if (!std::isfinite(theta))
        throw Error(ErrorCode::InvalidArgument, "theta must be finite", "theta");
    using C = std::complex<Real>;
    // Z_q0 Z_q1 is +1 when the two bits agree: phase exp(-i theta/2) there, exp(+i theta/2) where they differ.
    const C same(static_cast<Real>(std::cos(theta / 2)), static_cast<Real>(-std::sin(theta / 2)));
    const C differ = std::conj(same);
    const std::uint64_t n = state.size();
    C* a = state.amplitudes();
    const int nt = detail::resolveThreadCount(threads, n);
#pragma omp parallel for num_threads(nt) schedule(static) if (nt > 1)
    for (std::uint64_t z = 0; z < n; ++z)
        a[z] *= (((z >> q0) ^ (z >> q1)) & 1) != 0 ? differ : same;
}

template void applyMatrix1<double>(StateVector<double>&, unsigned, const Matrix2&, int);
template void applyMatrix1<float>(StateVector<float>&, unsigned, const Matrix2&, int);
template void applyMatrix2<double>(StateVector<double>&, unsigned, unsigned, const Matrix4&, int);
template void applyMatrix2<float>(StateVector<float>&, unsigned, unsigned, const Matrix4&, int);
template void applyRzz<double>(StateVector<double>&, unsigned, unsigned, double, int);
template void applyRzz<float>(StateVector<float>&, unsigned, unsigned, double, int);

} // namespace engine
