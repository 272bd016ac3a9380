// SPDX-License-Identifier: MIT
// Benchmark of exhaustive search: QUBO Gray-code states per second (n = 24, 28; 1 and 2 threads), LCRP odometer.
//
// Expected cost: about 10 s in Release on a 2-core machine. Output unit: states per second (million).
#include "solvers/brute_force.h"

#include "qubo/qubo_generator.h"

#include "lcrp_test_instances.h"
#include "solver_rates.h"

#include <cstdio>

using namespace engine;

namespace {

// Solves a random QUBO (seed 42) on 1 and 2 threads and prints a row per run.
void quboRows(std::size_t n, double density)
{
    RandomQuboOptions options;
    options.numVariables = n;
    options.density = density;
    options.seed = 42;
    const QuboModel q = randomQubo(options);
    for (int threads : {1, 2}) {
        const SolverResult r = solveQuboBruteForce(q, threads);
        std::printf("%4zu %8d %14llu %10.3f %14.1f %14.6f\n", n, threads, static_cast<unsigned long long>(r.iterations),
                    r.seconds, test_support::millionsPerSecond(r), r.objective);
    }
}

} // namespace

int main()
{
    std::printf("QUBO brute force (random QUBO, density 0.5 -> mean degree (n-1)/2, uniform [-1, 1))\n");
    std::printf("%4s %8s %14s %10s %14s %14s\n", "n", "threads", "states", "seconds", "Mstates/s", "min energy");
    for (std::size_t n : {24, 28})
        quboRows(n, 0.5);

    std::printf("\nQUBO brute force, sparse (density 3/(n-1): mean degree 3), n = 28\n");
    quboRows(28, 3.0 / 27.0);

    std::printf("\nLCRP brute force (generateLcrp seed 42, reference stream, B = 5 USD per task)\n");
    std::printf("%6s %7s %14s %10s %14s %14s\n", "tasks", "models", "states", "seconds", "Mstates/s", "objective");
    for (auto [tasks, models] : {std::pair<std::size_t, std::size_t>{11, 5}, {16, 3}}) {
        const LcrpInstance inst = test_support::referenceLcrpInstance(tasks, models, 5.0 * static_cast<double>(tasks));
        const SolverResult r = solveLcrpBruteForce(inst);
        std::printf("%6zu %7zu %14llu %10.3f %14.1f %14.6f\n", tasks, models,
                    static_cast<unsigned long long>(r.iterations), r.seconds,
                    test_support::millionsPerSecond(r), r.objective);
    }
    return 0;
}
