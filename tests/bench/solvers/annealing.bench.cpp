// SPDX-License-Identifier: MIT
// Benchmark of simulated annealing: LCRP steps per second (paper schedule) and QUBO flip attempts per second.
//
// Expected cost: about 5 s in Release. Output units: million steps (LCRP) or flip attempts (QUBO) per second.
#include "solvers/lcrp_annealer.h"
#include "solvers/qubo_annealer.h"

#include "graph/graph_generators.h"
#include "graph/graph_problems.h"
#include "solvers/lcrp_greedy.h"

#include "lcrp_test_instances.h"
#include "solver_rates.h"

#include <cstdio>

using namespace engine;

int main()
{
    std::printf("LCRP SA, paper schedule (2000 steps, T 50 -> 0.1), random start; restarts make the run long enough\n");
    std::printf("%6s %7s %9s %12s %10s %12s %12s %12s\n", "tasks", "models", "restarts", "steps", "seconds",
                "Msteps/s", "best", "greedy");
    for (auto [tasks, models] : {std::pair<std::size_t, std::size_t>{4, 3}, {80, 5}, {1000, 5}}) {
        const LcrpInstance inst = test_support::referenceLcrpInstance(tasks, models, 5.0 * static_cast<double>(tasks));
        LcrpAnnealingOptions options;
        options.restarts = 500;
        options.seed = 7;
        const SolverResult r = solveLcrpAnnealing(inst, options);
        const double greedy = solveLcrpGreedy(inst, GreedyVariant::Paper).objective;
        std::printf("%6zu %7zu %9d %12llu %10.3f %12.2f %12.4f %12.4f\n", tasks, models, options.restarts,
                    static_cast<unsigned long long>(r.iterations), r.seconds,
                    test_support::millionsPerSecond(r), r.objective, greedy);
    }

    std::printf("\nQUBO SA on Max-Cut of a random 3-regular graph, uniform weights, n = 1000\n");
    std::printf("%8s %9s %14s %10s %14s %14s\n", "sweeps", "restarts", "flips", "seconds", "Mflips/s", "best energy");
    const WeightedGraph graph = randomRegularGraph(1000, 3, WeightKind::Uniform, 42);
    const QuboModel q = encodeMaxCut(graph);
    for (std::uint64_t sweeps : {1000, 10000}) {
        QuboAnnealingOptions options;
        options.sweeps = sweeps;
        options.seed = 3;
        const SolverResult r = solveQuboAnnealing(q, options);
        std::printf("%8llu %9d %14llu %10.3f %14.1f %14.4f\n", static_cast<unsigned long long>(sweeps),
                    options.restarts, static_cast<unsigned long long>(r.iterations), r.seconds,
                    test_support::millionsPerSecond(r), r.objective);
    }
    return 0;
}
