// SPDX-License-Identifier: MIT
// The statevector type: 2^n complex amplitudes in double or single precision, with memory checks.
#pragma once

#include "core/error.h"

#include <complex>
#include <cstdint>
#include <memory>
#include <vector>

namespace engine {

/// Largest register the simulator accepts at all (memory is checked separately).
constexpr unsigned MAX_STATE_VECTOR_QUBITS = 34;

/// Amplitude precision.
enum class Precision { Double, Single };
const char* precisionName(Precision precision) noexcept;            ///< "double" / "single"
Precision precisionFromName(const std::string& name);               ///< throws Error(InvalidArgument)

/// Bytes of a state of n qubits in `precision` (2^n amplitudes of 16 or 8 bytes).
std::size_t stateVectorBytes(unsigned numQubits, Precision precision);
/// Bytes of memory the system can still give (MemAvailable of /proc/meminfo; a large value if unknown).
std::size_t availableMemoryBytes();
/// Throws Error(LimitExceeded) with a message saying what fits when `bytes` (state plus any extra buffers the
/// caller names) exceed 90 % of availableMemoryBytes() or n exceeds MAX_STATE_VECTOR_QUBITS.
void checkMemoryFits(unsigned numQubits, std::size_t bytes, const char* what);

/// A pure state of n qubits. Layout: amplitude `amplitudes()[z]` belongs to basis state |z>, where bit i of z
/// is qubit i: qubit 0 is the LEAST-significant bit (pinned by a test). Storage is one 64-byte-aligned
/// contiguous array. Not thread-safe for concurrent mutation; kernels parallelise internally.
template <typename Real>
class StateVector {
public:
    using Complex = std::complex<Real>;

    /// Allocates |0...0>. Throws Error(LimitExceeded) (checkMemoryFits) before allocating.
    explicit StateVector(unsigned numQubits);
    StateVector(const StateVector& other);
    StateVector& operator=(const StateVector& other);
    StateVector(StateVector&&) noexcept = default;
    StateVector& operator=(StateVector&&) noexcept = default;
    ~StateVector() = default;

    unsigned numQubits() const { return m_numQubits; }
    std::uint64_t size() const { return std::uint64_t{1} << m_numQubits; }
    Complex* amplitudes() { return m_data.get(); }
    const Complex* amplitudes() const { return m_data.get(); }

    /// |z>.
    void setBasisState(std::uint64_t z);
    /// |+>^n: every amplitude 2^{-n/2}.
    void setUniform();
    /// Sum of |amplitude|^2 (1 for a normalised state); O(2^n), parallel.
    double normSquared() const;
    /// |amplitude[z]|^2 for every z, in double precision; O(2^n) memory.
    std::vector<double> probabilities() const;

private:
    struct FreeDeleter {
        void operator()(Complex* p) const noexcept;
    };
    unsigned m_numQubits = 0;
    std::unique_ptr<Complex[], FreeDeleter> m_data;  // 2^n amplitudes, 64-byte aligned
};

extern template class StateVector<double>;
extern template class StateVector<float>;

} // namespace engine
