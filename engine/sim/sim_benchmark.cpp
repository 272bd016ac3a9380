// SPDX-License-Identifier: MIT
// Timings of the statevector fast path (plain memory pass, QAOA layer, diagonal build, sampling) for benchmarks.
#include "sim/sim_benchmark.h"

#include "graph/graph_generators.h"
#include "graph/graph_problems.h"
#include "sim/energy_diagonal.h"
#include "sim/qaoa_kernels.h"
#include "sim/simd_kernels.h"
#include "sim/state_sampler.h"
#include "sim/thread_count.h"

#include <algorithm>
#include <chrono>
#include <limits>
#include <string>
#include <vector>

namespace engine {

namespace {

constexpr std::uint64_t GRAPH_SEED = 7;
constexpr std::uint64_t SAMPLE_SEED = 11;
constexpr double GAMMA = 0.4;
constexpr double BETA = 0.3;
constexpr int ROUNDS = 5;
constexpr int PASSES_PER_ROUND = 2;

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t h = v.size() / 2;
    return v.size() % 2 != 0 ? v[h] : 0.5 * (v[h - 1] + v[h]);
}

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

QuboModel benchmarkQubo(unsigned n)
{
    if (n < 4 || n % 2 != 0)
        throw Error(ErrorCode::InvalidArgument,
                    "the benchmark needs an even number of qubits >= 4 (random 3-regular graph), got "
                        + std::to_string(n),
                    "n");
    if (n > MAX_STATE_VECTOR_QUBITS)
        throw Error(ErrorCode::LimitExceeded,
                    std::to_string(n) + " qubits exceed the simulator limit of "
                        + std::to_string(MAX_STATE_VECTOR_QUBITS),
                    "n");
    return encodeMaxCut(randomRegularGraph(n, 3, WeightKind::Unit, GRAPH_SEED));
}

const detail::SimdKernelTable<double>& kernels(double)
{
    return detail::simdKernelsDouble();
}

const detail::SimdKernelTable<float>& kernels(float)
{
    return detail::simdKernelsFloat();
}

// The plain pass the layer time is compared with: every amplitude read, scaled, written once.
template <typename Real>
void plainPass(StateVector<Real>& state, int threads)
{
    const auto& table = kernels(Real{});
    constexpr std::uint64_t CHUNK = std::uint64_t{1} << 14;
    const std::uint64_t chunk = std::min(CHUNK, state.size());
    const std::uint64_t chunks = state.size() / chunk;
    Real* a = reinterpret_cast<Real*>(state.amplitudes());
#pragma omp parallel for num_threads(threads) schedule(static) if (threads > 1)
    for (std::uint64_t c = 0; c < chunks; ++c)
        table.scale(a + 2 * c * chunk, chunk, Real(1));
}

template <typename Real>
SimBenchmarkResult run(unsigned n, unsigned p, int threads, Precision precision)
{
    const QuboModel qubo = benchmarkQubo(n);
    if (p == 0)
        throw Error(ErrorCode::InvalidArgument, "the benchmark needs at least one layer", "p");
    const std::uint64_t size = std::uint64_t{1} << n;
    checkMemoryFits(n, stateVectorBytes(n, precision) * 3 / 2, "benchmark state and diagonal");

    SimBenchmarkResult r;
    r.numQubits = n;
    r.layers = p;
    r.threads = detail::resolveThreadCount(threads, size);
    r.precision = precision;
    r.simdLevel = detail::simdLevelName(detail::activeSimdLevel());

    auto start = std::chrono::steady_clock::now();
    const EnergyDiagonal<Real> diagonal = buildEnergyDiagonal<Real>(qubo, threads);
    r.diagonalSeconds = secondsSince(start);

    // Memory bandwidth on a shared machine drifts by tens of percent between seconds, so each round times a plain
    // pass right before its layers, and the reported figures are medians over the rounds: the ratio is taken
    // round by round, never between a lucky pass and an unlucky layer.
    StateVector<Real> state(n);
    std::vector<double> passes;
    std::vector<double> layers;
    std::vector<double> ratios;
    for (int round = 0; round < ROUNDS; ++round) {
        state.setUniform();
        double pass = std::numeric_limits<double>::infinity();
        for (int k = 0; k < PASSES_PER_ROUND; ++k) {
            start = std::chrono::steady_clock::now();
            plainPass(state, r.threads);
            pass = std::min(pass, secondsSince(start));
        }
        state.setUniform();
        start = std::chrono::steady_clock::now();
        for (unsigned layer = 0; layer < p; ++layer)
            applyQaoaLayer(state, diagonal, GAMMA, BETA, threads);
        const double layerSeconds = secondsSince(start) / p;
        passes.push_back(pass);
        layers.push_back(layerSeconds);
        ratios.push_back(layerSeconds / pass);
    }
    r.passSeconds = median(passes);
    r.passGigabytesPerSecond = 2.0 * static_cast<double>(stateVectorBytes(n, precision)) / r.passSeconds / 1e9;
    r.layerSeconds = median(layers);
    r.layerOverPass = median(ratios);
    return r;
}

} // namespace

SimBenchmarkResult runSimBenchmark(unsigned n, unsigned p, int threads, Precision precision)
{
    if (precision == Precision::Double)
        return run<double>(n, p, threads, precision);
    return run<float>(n, p, threads, precision);
}

double benchmarkSampling(unsigned n, std::uint64_t shots, bool aliasTable)
{
    const QuboModel qubo = benchmarkQubo(n);
    StateVector<double> state(n);
    {
        const EnergyDiagonal<double> diagonal = buildEnergyDiagonal<double>(qubo);
        state.setUniform();
        applyQaoaLayer(state, diagonal, GAMMA, BETA);
    }
    const auto start = std::chrono::steady_clock::now();
    const std::vector<std::uint64_t> samples = aliasTable ? sampleShots(state.probabilities(), shots, SAMPLE_SEED)
                                                          : sampleStateShots(state, shots, SAMPLE_SEED);
    return secondsSince(start);  // before `samples` is freed
}

} // namespace engine
