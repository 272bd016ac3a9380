// SPDX-License-Identifier: MIT
// Benchmark of the statevector fast path: plain pass, QAOA layer, layer/pass ratio, diagonal build, sampling.
//
// Usage: bench_statevector [n ...] [--threads=T] [--layers=P]   (default n = 20 22 24 26, all threads, p = 3)
// Instance: random 3-regular Max-Cut (unit weights). Output unit: seconds; "x qsim" is qsim's time per layer
// (0.76 s / 3 at n = 24 and 3.2 s / 3 at n = 26, p = 3, 2 threads, single precision) over ours.
// Targets (issue "QAOA engine"): layer <= 2.5 passes at n >= 24; >= 4x qsim in double, >= 8x in single;
// 10^6 shots from a 26-qubit state in under a second. Expected cost: about 30 s at n = 26 on 2 cores.
#include "sim/sim_benchmark.h"

#include "sim/simd_kernels.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

using namespace engine;

namespace {

double qsimLayerSeconds(unsigned n)
{
    if (n == 24)
        return 0.76 / 3.0;
    if (n == 26)
        return 3.2 / 3.0;
    return 0.0;
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<unsigned> sizes;
    int threads = 0;
    unsigned layers = 3;
    for (int i = 1; i < argc; ++i) {
        if (std::strncmp(argv[i], "--threads=", 10) == 0)
            threads = std::atoi(argv[i] + 10);
        else if (std::strncmp(argv[i], "--layers=", 9) == 0)
            layers = static_cast<unsigned>(std::atoi(argv[i] + 9));
        else
            sizes.push_back(static_cast<unsigned>(std::atoi(argv[i])));
    }
    if (sizes.empty())
        sizes = {20, 22, 24, 26};

    try {
        std::printf("statevector benchmark: random 3-regular Max-Cut, p = %u, kernels %s\n", layers,
                    detail::simdLevelName(detail::activeSimdLevel()));
        std::printf("%3s %-7s %7s %10s %8s %10s %8s %10s %8s\n", "n", "prec", "threads", "pass [s]", "GB/s",
                    "layer [s]", "layer/pass", "diag [s]", "x qsim");
        for (unsigned n : sizes) {
            for (Precision precision : {Precision::Double, Precision::Single}) {
                const SimBenchmarkResult r = runSimBenchmark(n, layers, threads, precision);
                const double qsim = qsimLayerSeconds(n);
                std::printf("%3u %-7s %7d %10.4f %8.1f %10.4f %8.2f %10.4f", r.numQubits, precisionName(precision),
                            r.threads, r.passSeconds, r.passGigabytesPerSecond, r.layerSeconds, r.layerOverPass,
                            r.diagonalSeconds);
                if (qsim > 0.0)
                    std::printf(" %8.1f\n", qsim / r.layerSeconds);
                else
                    std::printf(" %8s\n", "-");
                std::fflush(stdout);
            }
        }
        unsigned largest = 0;
        for (unsigned n : sizes)
            largest = n > largest ? n : largest;
        const std::uint64_t shots = 1000000;
        std::printf("sampling %llu shots from n = %u (double), sampleStateShots: %.3f s\n",
                    static_cast<unsigned long long>(shots), largest, benchmarkSampling(largest, shots));
        std::printf("sampling %llu shots from n = %u (double), probabilities + alias table: %.3f s\n",
                    static_cast<unsigned long long>(shots), largest, benchmarkSampling(largest, shots, true));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
    return 0;
}
