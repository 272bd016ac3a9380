// SPDX-License-Identifier: MIT
// Benchmark of the exact CBC solver on the paper's production size (80 tasks x 5 models), hard and soft budget.
//
// Expected cost: a few seconds in Release. Output: seconds per solve (min and median of 5), status, proof.
#include "solvers/lcrp_exact_solver.h"

#include "lcrp_test_instances.h"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <vector>

using namespace engine;

namespace {

// Total cost of the per-task cheapest allowed model (what any hard-constraint solution costs at least).
double cheapestAllowedCost(const LcrpInstance& inst)
{
    double total = 0.0;
    for (std::size_t i = 0; i < inst.numTasks(); ++i) {
        double best = std::numeric_limits<double>::infinity();
        for (std::size_t j = 0; j < inst.numModels(); ++j)
            if (inst.allowed(i, j))
                best = std::min(best, inst.costUsd(i, j));
        total += best;
    }
    return total;
}

} // namespace

int main()
{
    LcrpInstance inst = test_support::referenceLcrpInstance(80, 5, 80 * 5.0);
    const double cheapest = cheapestAllowedCost(inst);
    std::printf("80 x 5, seed 42 (reference stream); cheapest allowed assignment costs %.4f USD\n", cheapest);

    struct Case {
        const char* name;
        double budget;
    };
    // The paper's 5 USD per task (below the cheapest allowed total for this instance: hard pairs + hard budget
    // are infeasible, penalised pairs trade quality against cost), a tight budget 5 % above the cheapest allowed
    // total, and an ample one (twice that total) that never binds.
    const Case cases[] = {{"paper 400 USD", 400.0}, {"tight 1.05x", 1.05 * cheapest}, {"ample 2x", 2.0 * cheapest}};
    const int repetitions = 5;

    std::printf("%-14s %-6s %-6s %10s %10s %-11s %6s %12s %8s  %s\n", "budget", "budget", "pairs", "min s",
                "median s", "status", "proven", "objective", "nodes", "message");
    for (const Case& c : cases) {
        inst.budgetUsd = c.budget;
        for (BudgetMode mode : {BudgetMode::Hard, BudgetMode::Soft}) {
            for (bool hardPairs : {true, false}) {
                LcrpExactOptions options;
                options.budget = mode;
                options.hardPairConstraints = hardPairs;
                options.timeLimitSeconds = 60.0;
                std::vector<double> seconds;
                SolverResult r;
                for (int k = 0; k < repetitions; ++k) {
                    r = solveLcrpExact(inst, options);
                    seconds.push_back(r.seconds);
                }
                std::sort(seconds.begin(), seconds.end());
                std::printf("%-14s %-6s %-6s %10.4f %10.4f %-11s %6s %12.6f %8llu  %s\n", c.name,
                            mode == BudgetMode::Hard ? "hard" : "soft", hardPairs ? "hard" : "soft", seconds.front(),
                            seconds[seconds.size() / 2], solverStatusName(r.status), r.provenOptimal ? "yes" : "no",
                            r.objective, static_cast<unsigned long long>(r.iterations), r.message.c_str());
            }
        }
    }
    return 0;
}
