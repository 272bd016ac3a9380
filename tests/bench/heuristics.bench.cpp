// SPDX-License-Identifier: MIT
// Benchmark of the tabu search: MQLib-style MST1 (one thread, full scan) against the production MST1 (indexed
// move selection, 2 threads) on G-set and OR-Library instances, counting seeds that reach the best-known value
// within the time limit and the median time to it; optionally FESTA2002VNSPR on the G-set graphs.
//
// Usage: bench_heuristics [--seeds N] [--scale X] [--threads T] [--only NAME] [--vns] [--shared DIR]
//   --scale multiplies every time limit; --shared points at the folder holding benchmarks/ (default: ../shared
//   beside the source tree). Expected cost: up to seeds x (sum of limits) x methods, about 7 minutes by default.
// Output: one table row per instance and method: seeds reaching the best-known value, median seconds to it over
// all seeds (unreached = beyond the limit, so "-" when half or more fail), best value found (median and max),
// tabu iterations (VNS: outer iterations) per second, summed over threads.
#include "heuristics/tabu_search.h"
#include "heuristics/vns.h"

#include "io/instance_file.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <string>
#include <thread>
#include <vector>

using namespace engine;

namespace {

struct BenchCase {
    const char* name;
    const char* file;
    std::size_t orLibraryIndex;  // 0 for graphs
    double bestKnown;            // maximised value: cut or x^T Q x
    double seconds;              // time limit per seed
};

// Best-known values from ../shared/benchmarks/README.md.
const BenchCase CASES[] = {
    {"G1", "gset_G1.txt.gz", 0, 11624, 1.0},       {"G11", "gset_G11.txt.gz", 0, 564, 10.0},
    {"G14", "gset_G14.txt.gz", 0, 3064, 10.0},     {"G22", "gset_G22.txt.gz", 0, 13359, 10.0},
    {"G43", "gset_G43.txt.gz", 0, 6660, 10.0},     {"bqp50-1", "orlib_bqp50.txt.gz", 1, 2098, 1.0},
    {"bqp100-1", "orlib_bqp100.txt.gz", 1, 7970, 1.0}, {"bqp250-1", "orlib_bqp250.txt.gz", 1, 45607, 1.0},
};

struct SeedOutcome {
    bool reached = false;
    double seconds = 0.0;  // to the target, or the whole run
    double best = 0.0;     // maximised value found
    double rate = 0.0;     // iterations per second
};

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : 0.5 * (v[m - 1] + v[m]);
}

void printRow(const char* instance, const char* method, double limit, const std::vector<SeedOutcome>& outcomes)
{
    std::vector<double> times;
    std::vector<double> bests;
    std::vector<double> rates;
    int reached = 0;
    for (const SeedOutcome& o : outcomes) {
        reached += o.reached;
        times.push_back(o.reached ? o.seconds : std::numeric_limits<double>::infinity());
        bests.push_back(o.best);
        rates.push_back(o.rate);
    }
    const double t = median(times);
    char timeText[32];
    if (std::isfinite(t))
        std::snprintf(timeText, sizeof timeText, "%.3g", t);
    else
        std::snprintf(timeText, sizeof timeText, "-");
    std::printf("%-9s %-22s %6.1f %4d/%-3zu %10s %12.0f %12.0f %10.3g\n", instance, method, limit, reached,
                outcomes.size(), timeText, median(bests), *std::max_element(bests.begin(), bests.end()),
                median(rates));
    std::fflush(stdout);
}

SeedOutcome tabuSeed(const QuboModel& qubo, const BenchCase& c, double limit, int threads,
                     TabuMoveSelection selection, std::uint64_t seed)
{
    MultistartTabuOptions options;
    options.threads = threads;
    options.search.selection = selection;
    options.search.seed = seed;
    options.search.timeLimitSeconds = limit;
    options.search.targetEnergy = -c.bestKnown;
    options.search.recordTrace = false;
    const StartSource starts(qubo.numVariables());
    const HeuristicResult r = runMultistartTabu(qubo, starts, options);
    SeedOutcome o;
    o.reached = r.reachedTarget();
    o.seconds = o.reached ? *r.targetSeconds : r.seconds;
    o.best = -r.energy;
    o.rate = static_cast<double>(r.iterations) / std::max(r.seconds, 1e-9);
    return o;
}

SeedOutcome vnsSeed(const WeightedGraph& graph, const BenchCase& c, double limit, std::uint64_t seed)
{
    VnsOptions options;
    options.seed = seed;
    options.timeLimitSeconds = limit;
    options.targetCut = c.bestKnown;
    options.recordTrace = false;
    const StartSource starts(graph.numVertices());
    const HeuristicResult r = runVnsPathRelinking(graph, starts, options);
    SeedOutcome o;
    o.reached = r.reachedTarget();
    o.seconds = o.reached ? *r.targetSeconds : r.seconds;
    o.best = -r.energy;
    o.rate = static_cast<double>(r.iterations) / std::max(r.seconds, 1e-9);
    return o;
}

} // namespace

int main(int argc, char** argv)
{
    int seeds = 5;
    double scale = 1.0;
    int threads = 2;
    bool withVns = false;
    std::string only;
    std::filesystem::path shared = std::filesystem::path(__FILE__).parent_path() / "../../../shared";
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool hasValue = i + 1 < argc;
        if (a == "--seeds" && hasValue)
            seeds = std::max(1, std::atoi(argv[++i]));
        else if (a == "--scale" && hasValue)
            scale = std::max(1e-3, std::atof(argv[++i]));
        else if (a == "--threads" && hasValue)
            threads = std::max(1, std::atoi(argv[++i]));
        else if (a == "--only" && hasValue)
            only = argv[++i];
        else if (a == "--shared" && hasValue)
            shared = argv[++i];
        else if (a == "--vns")
            withVns = true;
        else {
            std::fprintf(stderr, "usage: %s [--seeds N] [--scale X] [--threads T] [--only NAME] [--vns] [--shared DIR]\n",
                         argv[0]);
            return 2;
        }
    }

    std::printf("Tabu search (MST1) on G-set / OR-Library, %d seeds; target = best-known value; hardware threads %u\n",
                seeds, std::thread::hardware_concurrency());
    std::printf("%-9s %-22s %6s %8s %10s %12s %12s %10s\n", "instance", "method", "limit", "reached", "median_t",
                "median_best", "max_best", "iter/s");
    for (const BenchCase& c : CASES) {
        if (!only.empty() && only != c.name)
            continue;
        const std::string path = (shared / "benchmarks" / c.file).string();
        if (!std::filesystem::exists(path)) {
            std::printf("%-9s missing %s\n", c.name, path.c_str());
            continue;
        }
        LoadOptions load;
        load.orLibraryIndex = std::max<std::size_t>(1, c.orLibraryIndex);
        const Instance instance = loadInstance(path, load);
        const QuboModel qubo = instanceQubo(instance);
        const double limit = c.seconds * scale;

        std::vector<SeedOutcome> reference;
        std::vector<SeedOutcome> production;
        for (int s = 1; s <= seeds; ++s)
            reference.push_back(tabuSeed(qubo, c, limit, 1, TabuMoveSelection::FullScan, static_cast<std::uint64_t>(s)));
        printRow(c.name, "(a) MQLib-style, 1 thr", limit, reference);
        for (int s = 1; s <= seeds; ++s)
            production.push_back(
                tabuSeed(qubo, c, limit, threads, TabuMoveSelection::Indexed, static_cast<std::uint64_t>(s)));
        const std::string label = "(b) indexed, " + std::to_string(threads) + " thr";
        printRow(c.name, label.c_str(), limit, production);
        if (withVns) {
            if (const auto* graph = std::get_if<GraphInstance>(&instance)) {
                std::vector<SeedOutcome> vns;
                for (int s = 1; s <= seeds; ++s)
                    vns.push_back(vnsSeed(graph->graph, c, limit, static_cast<std::uint64_t>(s)));
                printRow(c.name, "(c) VNS-PR, 1 thr", limit, vns);
            }
        }
    }
    return 0;
}
