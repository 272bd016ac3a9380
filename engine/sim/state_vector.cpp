// SPDX-License-Identifier: MIT
// The statevector type: aligned (huge-page backed) storage, basis and uniform states, norms, memory checks.
#include "sim/state_vector.h"

#include "sim/huge_pages.h"
#include "sim/simd_kernels.h"
#include "sim/thread_count.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <limits>
#include <new>
#include <sstream>
#include <string>

namespace engine {

namespace {

constexpr std::size_t ALIGNMENT = 64;
// States from a huge page on are aligned to 2 MiB and asked to live in transparent huge pages: the high-qubit
// tiles touch thousands of pages at once, more than the TLB holds with 4 KiB pages, and first-touch faults of
// 4 KiB pages are slow on virtual machines.
constexpr std::size_t HUGE_PAGE = detail::HUGE_PAGE_BYTES;
constexpr double GIB = 1024.0 * 1024.0 * 1024.0;
constexpr double USABLE_FRACTION = 0.9;  // share of MemAvailable a request may take

template <typename Real>
Precision precisionOf()
{
    return sizeof(Real) == sizeof(double) ? Precision::Double : Precision::Single;
}

std::string gib(double bytes)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", bytes / GIB);
    return text;
}

template <typename Complex>
Complex* allocateAmplitudes(std::uint64_t count)
{
    const std::size_t bytes = count * sizeof(Complex);
    const std::size_t alignment = bytes >= HUGE_PAGE ? HUGE_PAGE : ALIGNMENT;
    const std::size_t rounded = (bytes + alignment - 1) / alignment * alignment;
    void* p = std::aligned_alloc(alignment, rounded);
    if (p == nullptr)
        throw std::bad_alloc();
    detail::adviseHugePages(p, rounded);
    return static_cast<Complex*>(p);
}

// Fills in parallel so that first touch spreads the pages over the threads that will use them.
template <typename Complex>
void fillAmplitudes(Complex* data, std::uint64_t count, Complex value)
{
    const int threads = detail::resolveThreadCount(0, count);
#pragma omp parallel for num_threads(threads) schedule(static) if (threads > 1)
    for (std::uint64_t z = 0; z < count; ++z)
        data[z] = value;
}

template <typename Complex>
void copyAmplitudes(Complex* to, const Complex* from, std::uint64_t count)
{
    const int threads = detail::resolveThreadCount(0, count);
    constexpr std::uint64_t CHUNK = std::uint64_t{1} << 14;
    const std::uint64_t chunks = (count + CHUNK - 1) / CHUNK;
#pragma omp parallel for num_threads(threads) schedule(static) if (threads > 1)
    for (std::uint64_t c = 0; c < chunks; ++c) {
        const std::uint64_t begin = c * CHUNK;
        const std::uint64_t n = std::min(CHUNK, count - begin);
        std::memcpy(static_cast<void*>(to + begin), static_cast<const void*>(from + begin), n * sizeof(Complex));
    }
}

const detail::SimdKernelTable<double>& kernels(double)
{
    return detail::simdKernelsDouble();
}

const detail::SimdKernelTable<float>& kernels(float)
{
    return detail::simdKernelsFloat();
}

} // namespace

const char* precisionName(Precision precision) noexcept
{
    return precision == Precision::Double ? "double" : "single";
}

Precision precisionFromName(const std::string& name)
{
    if (name == "double")
        return Precision::Double;
    if (name == "single")
        return Precision::Single;
    throw Error(ErrorCode::InvalidArgument, "unknown precision '" + name + "' (expected double or single)",
                "precision");
}

std::size_t stateVectorBytes(unsigned numQubits, Precision precision)
{
    const std::size_t perAmplitude = precision == Precision::Double ? 16 : 8;
    if (numQubits >= std::numeric_limits<std::size_t>::digits - 4)
        return std::numeric_limits<std::size_t>::max();  // saturate instead of overflowing
    return (std::size_t{1} << numQubits) * perAmplitude;
}

std::size_t availableMemoryBytes()
{
    std::ifstream in("/proc/meminfo");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("MemAvailable:", 0) != 0)
            continue;
        std::istringstream fields(line.substr(13));
        unsigned long long kib = 0;
        std::string unit;
        if (fields >> kib >> unit && unit == "kB" && kib < std::numeric_limits<std::size_t>::max() / 1024)
            return static_cast<std::size_t>(kib) * 1024;
        break;
    }
    return std::numeric_limits<std::size_t>::max() / 2;
}

void checkMemoryFits(unsigned numQubits, std::size_t bytes, const char* what)
{
    const std::string subject = what != nullptr ? what : "state vector";
    if (numQubits > MAX_STATE_VECTOR_QUBITS)
        throw Error(ErrorCode::LimitExceeded,
                    subject + ": " + std::to_string(numQubits) + " qubits exceed the simulator limit of "
                        + std::to_string(MAX_STATE_VECTOR_QUBITS),
                    "qubits");
    const double available = static_cast<double>(availableMemoryBytes());
    const double usable = USABLE_FRACTION * available;
    const double need = static_cast<double>(bytes);
    if (need <= usable)
        return;
    // Memory grows by 2x per qubit, so the largest register that fits follows from the bytes per basis state.
    const double perState = need / std::ldexp(1.0, static_cast<int>(numQubits));
    int fits = perState > 0.0 ? static_cast<int>(std::floor(std::log2(usable / perState))) : 0;
    fits = std::clamp(fits, 0, static_cast<int>(MAX_STATE_VECTOR_QUBITS));
    throw Error(ErrorCode::LimitExceeded,
                subject + ": " + std::to_string(numQubits) + " qubits need " + gib(need) + " GiB, " + gib(available)
                    + " GiB available; at most " + std::to_string(fits) + " qubits fit",
                "qubits");
}

template <typename Real>
void StateVector<Real>::FreeDeleter::operator()(Complex* p) const noexcept
{
    std::free(p);
}

template <typename Real>
StateVector<Real>::StateVector(unsigned numQubits) : m_numQubits(numQubits)
{
    checkMemoryFits(numQubits, stateVectorBytes(numQubits, precisionOf<Real>()),
                    sizeof(Real) == sizeof(double) ? "double-precision state vector" : "single-precision state vector");
    m_data.reset(allocateAmplitudes<Complex>(size()));
    setBasisState(0);
}

template <typename Real>
StateVector<Real>::StateVector(const StateVector& other) : m_numQubits(other.m_numQubits)
{
    checkMemoryFits(m_numQubits, stateVectorBytes(m_numQubits, precisionOf<Real>()), "state vector copy");
    m_data.reset(allocateAmplitudes<Complex>(size()));
    copyAmplitudes(m_data.get(), other.m_data.get(), size());
}

template <typename Real>
StateVector<Real>& StateVector<Real>::operator=(const StateVector& other)
{
    if (this == &other)
        return *this;
    if (m_numQubits != other.m_numQubits || !m_data) {
        StateVector fresh(other);
        *this = std::move(fresh);
        return *this;
    }
    copyAmplitudes(m_data.get(), other.m_data.get(), size());
    return *this;
}

template <typename Real>
void StateVector<Real>::setBasisState(std::uint64_t z)
{
    if (z >= size())
        throw Error(ErrorCode::InvalidArgument,
                    "basis state " + std::to_string(z) + " out of range for " + std::to_string(m_numQubits)
                        + " qubits",
                    "z");
    fillAmplitudes(m_data.get(), size(), Complex(0));
    m_data[z] = Complex(1);
}

template <typename Real>
void StateVector<Real>::setUniform()
{
    const Real amplitude = static_cast<Real>(std::pow(2.0, -0.5 * static_cast<double>(m_numQubits)));
    fillAmplitudes(m_data.get(), size(), Complex(amplitude));
}

template <typename Real>
double StateVector<Real>::normSquared() const
{
    const std::uint64_t n = size();
    const auto& table = kernels(Real{});
    const std::uint64_t block = std::uint64_t{1} << table.minBlockBits;
    if (n < block) {
        double sum = 0.0;
        for (std::uint64_t z = 0; z < n; ++z)
            sum += static_cast<double>(std::norm(m_data[z]));
        return sum;
    }
    constexpr std::uint64_t CHUNK = std::uint64_t{1} << 14;
    const std::uint64_t chunk = std::min(CHUNK, n);
    const std::uint64_t chunks = n / chunk;
    const Real* data = reinterpret_cast<const Real*>(m_data.get());
    const int threads = detail::resolveThreadCount(0, n);
    double sum = 0.0;
#pragma omp parallel for num_threads(threads) schedule(static) reduction(+ : sum) if (threads > 1)
    for (std::uint64_t c = 0; c < chunks; ++c)
        sum += table.normSquared(data + 2 * c * chunk, chunk);
    return sum;
}

template <typename Real>
std::vector<double> StateVector<Real>::probabilities() const
{
    checkMemoryFits(m_numQubits, stateVectorBytes(m_numQubits, Precision::Single), "probability vector");
    const std::uint64_t n = size();
    std::vector<double> p;
    detail::resizeWithHugePages(p, n);
    const Complex* data = m_data.get();
    const int threads = detail::resolveThreadCount(0, n);
#pragma omp parallel for num_threads(threads) schedule(static) if (threads > 1)
    for (std::uint64_t z = 0; z < n; ++z)
        p[z] = static_cast<double>(data[z].real()) * data[z].real() + static_cast<double>(data[z].imag()) * data[z].imag();
    return p;
}

template class StateVector<double>;
template class StateVector<float>;

} // namespace engine
