// SPDX-License-Identifier: MIT
// The emulated warm-start protocol of the Phasecraft paper's Fig. 5: Q-factors of QAOA-sampled tabu starts.
#include "warmstart/warmstart_reproduction.h"

#include "core/bits.h"
#include "core/error.h"
#include "graph/graph_generators.h"
#include "graph/graph_problems.h"
#include "heuristics/tabu_search.h"
#include "qaoa/angle_rules.h"
#include "qaoa/qaoa_simulation.h"
#include "sim/state_sampler.h"
#include "solvers/brute_force.h"
#include "warmstart/qfactor_experiment.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <limits>
#include <random>
#include <sstream>

namespace engine {

namespace {

constexpr std::size_t MAX_REGULAR_DEGREE = 64;
constexpr int MAX_EMPTY_GRAPH_REDRAWS = 1000;
constexpr double CUT_TOLERANCE = 1e-6;

// SplitMix64 finaliser: decorrelates the seeds of neighbouring (family, N, graph, p) so that adding a size or a
// depth to the options leaves the other rows unchanged.
std::uint64_t mixSeed(std::uint64_t a, std::uint64_t b)
{
    std::uint64_t z = a + 0x9e3779b97f4a7c15ULL * (b + 1);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// FNV-1a: a stable hash of the family name, so a family's graphs do not depend on its place in the list.
std::uint64_t nameHash(const std::string& name)
{
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : name)
        h = (h ^ c) * 0x100000001b3ULL;
    return h;
}

std::string formatParameter(double value)
{
    std::ostringstream s;
    s << value;
    return s.str();
}

void validate(const WarmstartReproductionOptions& o)
{
    const char* where = "WarmstartReproductionOptions";
    if (o.families.empty())
        throw Error(ErrorCode::InvalidArgument, "no graph family", std::string(where) + ".families");
    if (o.sizes.empty())
        throw Error(ErrorCode::InvalidArgument, "no graph size", std::string(where) + ".sizes");
    if (o.depths.empty())
        throw Error(ErrorCode::InvalidArgument, "no depth", std::string(where) + ".depths");
    for (std::size_t i = 0; i < o.sizes.size(); ++i)
        if (o.sizes[i] < 2 || o.sizes[i] > MAX_WARMSTART_REPRODUCTION_VERTICES)
            throw Error(ErrorCode::InvalidArgument,
                        std::string("size ") + std::to_string(o.sizes[i]) + " outside 2.."
                            + std::to_string(MAX_WARMSTART_REPRODUCTION_VERTICES),
                        indexedPlace("sizes", i));
    for (std::size_t i = 0; i < o.depths.size(); ++i)
        if (o.depths[i] < 1 || o.depths[i] > 6)
            throw Error(ErrorCode::InvalidArgument,
                        std::string("depth ") + std::to_string(o.depths[i]) + " outside 1..6 (the balanced rule's tables)",
                        indexedPlace("depths", i));
    for (std::size_t f = 0; f < o.families.size(); ++f) {
        const WarmstartGraphFamily& family = o.families[f];
        // Round trip through the name checks the parameter's range once, in one place.
        warmstartGraphFamilyFromName(warmstartGraphFamilyName(family));
        if (family.kind != WarmstartGraphFamily::Kind::Regular)
            continue;
        const auto d = static_cast<std::size_t>(family.parameter);
        for (std::size_t n : o.sizes)
            if (d >= n || (n * d) % 2 != 0)
                throw Error(ErrorCode::InvalidArgument,
                            std::string("no ") + std::to_string(d) + "-regular graph on " + std::to_string(n) + " vertices",
                            indexedPlace("families", f));
    }
    if (o.graphsPerSize == 0 || o.graphsPerSize > MAX_WARMSTART_REPRODUCTION_GRAPHS)
        throw Error(ErrorCode::InvalidArgument,
                    std::string("graphs per size must be in 1..") + std::to_string(MAX_WARMSTART_REPRODUCTION_GRAPHS),
                    std::string(where) + ".graphsPerSize");
    if (o.samples == 0 || o.samples > MAX_WARMSTART_REPRODUCTION_SAMPLES)
        throw Error(ErrorCode::InvalidArgument,
                    std::string("samples must be in 1..") + std::to_string(MAX_WARMSTART_REPRODUCTION_SAMPLES),
                    std::string(where) + ".samples");
    // runsPerStartType and iterationCap are checked by runQFactorExperiment; checking here fails before any work.
    if (o.runsPerStartType == 0 || o.runsPerStartType > MAX_QFACTOR_RUNS)
        throw Error(ErrorCode::InvalidArgument, std::string("runs per start type must be in 1..") + std::to_string(MAX_QFACTOR_RUNS),
                    std::string(where) + ".runsPerStartType");
    if (o.iterationCap == 0)
        throw Error(ErrorCode::InvalidArgument, "T_total must be positive", std::string(where) + ".iterationCap");
}

// A graph of the protocol with the seed that drew it (the Erdos-Renyi redraws change it).
struct WarmstartGraph {
    WeightedGraph graph;
    std::uint64_t seed = 0;
};

WarmstartGraph drawGraph(const WarmstartGraphFamily& family, std::size_t n, std::uint64_t seed)
{
    if (family.kind == WarmstartGraphFamily::Kind::Regular)
        return {randomRegularGraph(n, static_cast<std::size_t>(family.parameter), WeightKind::Unit, seed), seed};
    // A graph without edges has no Max-Cut problem (and no balanced angles): draw again from the next seed.
    for (int attempt = 0; attempt < MAX_EMPTY_GRAPH_REDRAWS; ++attempt) {
        const std::uint64_t s = mixSeed(seed, static_cast<std::uint64_t>(attempt));
        WeightedGraph g = erdosRenyiGraph(n, family.parameter, WeightKind::Unit, s);
        if (g.numEdges() > 0)
            return {std::move(g), s};
    }
    throw Error(ErrorCode::LimitExceeded,
                std::string("no Erdos-Renyi graph with an edge in ") + std::to_string(MAX_EMPTY_GRAPH_REDRAWS) + " draws",
                warmstartGraphFamilyName(family));
}

std::uint64_t graphSeed(const std::string& familyName, std::size_t n, std::size_t graph, std::uint64_t seed)
{
    return mixSeed(mixSeed(mixSeed(seed, nameHash(familyName)), n), graph);
}

// First-success operation counts of R STS runs from random starts and R from the pool (see the header).
QFactorExperimentResult runOperationExperiment(const QuboModel& qubo, const std::vector<Bits>& pool,
                                               double targetEnergy, std::size_t runs, std::uint64_t cap,
                                               std::uint64_t seed, RunControl& control)
{
    TabuSearchOptions tabu;
    tabu.operationBudget = cap;
    tabu.targetEnergy = targetEnergy;
    tabu.recordTrace = false;
    const double infinity = std::numeric_limits<double>::infinity();
    const std::size_t n = qubo.numVariables();
    auto firstSuccess = [&](const Bits& start) {
        const HeuristicResult r = runTabuSearch(qubo, start, tabu, control);
        if (!r.reachedTarget())
            return infinity;
        const auto ops = static_cast<double>(std::max<std::uint64_t>(1, r.operations));
        return ops <= static_cast<double>(cap) ? ops : infinity;
    };
    QFactorExperimentResult result;
    std::mt19937_64 rng(seed);
    Bits start(n);
    for (std::size_t r = 0; r < runs; ++r) {
        if (control.isCancelled()) {
            result.cancelled = true;
            return result;
        }
        for (auto& x : start)
            x = static_cast<std::uint8_t>(rng() & 1U);
        result.randomFirstSuccess.push_back(firstSuccess(start));
    }
    for (std::size_t r = 0; r < runs; ++r) {
        if (control.isCancelled()) {
            result.cancelled = true;
            return result;
        }
        result.warmFirstSuccess.push_back(firstSuccess(pool[r % pool.size()]));
    }
    QFactorOptions q;
    q.cap = static_cast<double>(cap);
    result.qfactor = estimateQFactor(result.randomFirstSuccess, result.warmFirstSuccess, q);
    return result;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t m = values.size() / 2;
    return values.size() % 2 == 1 ? values[m] : 0.5 * (values[m - 1] + values[m]);
}

} // namespace

const char* warmstartCostUnitName(WarmstartCostUnit unit) noexcept
{
    return unit == WarmstartCostUnit::Operations ? "operations" : "iterations";
}

WarmstartCostUnit warmstartCostUnitFromName(const std::string& name)
{
    if (name == "iterations")
        return WarmstartCostUnit::Iterations;
    if (name == "operations")
        return WarmstartCostUnit::Operations;
    throw Error(ErrorCode::InvalidArgument, std::string("unknown unit '") + name + "' (iterations or operations)",
                "unit");
}

std::string warmstartGraphFamilyName(const WarmstartGraphFamily& family)
{
    if (family.kind == WarmstartGraphFamily::Kind::Regular)
        return std::string("regular-") + formatParameter(family.parameter);
    return std::string("er-") + formatParameter(family.parameter);
}

WarmstartGraphFamily warmstartGraphFamilyFromName(const std::string& name)
{
    const auto parse = [&](std::size_t prefix, double& value) {
        const char* begin = name.data() + prefix;
        const char* end = name.data() + name.size();
        const auto [ptr, ec] = std::from_chars(begin, end, value);
        return ec == std::errc() && ptr == end && begin != end && std::isfinite(value);
    };
    double value = 0.0;
    if (name.rfind("regular-", 0) == 0 && parse(8, value) && value >= 1.0
        && value <= static_cast<double>(MAX_REGULAR_DEGREE) && value == std::floor(value))
        return {WarmstartGraphFamily::Kind::Regular, value};
    if (name.rfind("er-", 0) == 0 && parse(3, value) && value > 0.0 && value <= 1.0)
        return {WarmstartGraphFamily::Kind::ErdosRenyi, value};
    throw Error(ErrorCode::InvalidArgument,
                std::string("unknown graph family '") + name + "' (expected regular-D with 1 <= D <= "
                    + std::to_string(MAX_REGULAR_DEGREE) + " or er-P with 0 < P <= 1)",
                "family");
}

WeightedGraph warmstartReproductionGraph(const WarmstartGraphFamily& family, std::size_t n, std::size_t graph,
                                         std::uint64_t seed)
{
    const std::string name = warmstartGraphFamilyName(family);
    warmstartGraphFamilyFromName(name);  // range check of the parameter
    return drawGraph(family, n, graphSeed(name, n, graph, seed)).graph;
}

std::vector<WarmstartReproductionRow> reproduceWarmstartEmulated(const WarmstartReproductionOptions& options,
                                                                 RunControl& control)
{
    validate(options);
    using Clock = std::chrono::steady_clock;
    const double total = static_cast<double>(options.families.size() * options.sizes.size()
                                             * options.graphsPerSize * options.depths.size());
    std::vector<WarmstartReproductionRow> rows;
    double done = 0.0;

    QFactorExperimentOptions experiment;
    experiment.runsPerStartType = options.runsPerStartType;
    experiment.iterationCap = options.iterationCap;
    experiment.bootstrapResamples = 0;  // the protocol reports medians over graphs, not per-graph intervals
    experiment.tabu.recordTrace = false;

    // The solver and the experiment report progress in their own units: they get a control that only forwards
    // the cancel request, so the caller sees one step per row.
    RunControl inner;
    inner.setCancelCallback([&control] { return control.isCancelled(); });

    for (const WarmstartGraphFamily& family : options.families) {
        const std::string familyName = warmstartGraphFamilyName(family);
        for (std::size_t n : options.sizes) {
            const std::string stage = familyName + " N=" + std::to_string(n);
            for (std::size_t g = 0; g < options.graphsPerSize; ++g) {
                if (control.isCancelled())
                    return rows;
                const WarmstartGraph drawn = drawGraph(family, n, graphSeed(familyName, n, g, options.seed));
                const WeightedGraph& graph = drawn.graph;
                const QuboModel qubo = encodeMaxCut(graph);
                const SolverResult best = solveQuboBruteForce(qubo, options.threads, inner);
                if (control.isCancelled())
                    return rows;
                const double optimumEnergy = best.objective;  // = -max cut
                const double optimumCut = -optimumEnergy;
                const QaoaSimulator<double> simulator(qubo, options.threads);

                for (std::size_t p : options.depths) {
                    const auto start = Clock::now();
                    const std::uint64_t rowSeed = mixSeed(drawn.seed, 1000 + p);
                    const QaoaAngles angles = maxCutRuleAngles(graph, p);  // balanced, alpha 0.5, EncodedQubo
                    const std::vector<std::uint64_t> shots =
                        sampleStateShots(simulator.state(angles), options.samples, mixSeed(rowSeed, 1), options.threads);
                    std::vector<Bits> pool;
                    pool.reserve(shots.size());
                    double cutSum = 0.0;
                    std::size_t optimal = 0;
                    for (std::uint64_t index : shots) {
                        pool.push_back(bitsFromIndex(index, n));
                        const double cut = cutValue(graph, pool.back());
                        cutSum += cut;
                        if (cut >= optimumCut - CUT_TOLERANCE)
                            ++optimal;
                    }
                    experiment.seed = mixSeed(rowSeed, 2);
                    const QFactorExperimentResult result =
                        options.unit == WarmstartCostUnit::Iterations
                            ? runQFactorExperiment(qubo, pool, optimumEnergy, experiment, inner)
                            : runOperationExperiment(qubo, pool, optimumEnergy, options.runsPerStartType,
                                                     options.iterationCap, experiment.seed, inner);
                    if (result.cancelled || !result.qfactor)
                        return rows;
                    const QFactorResult& q = *result.qfactor;

                    WarmstartReproductionRow row;
                    row.family = familyName;
                    row.n = n;
                    row.graph = g;
                    row.edges = graph.numEdges();
                    row.depth = p;
                    row.optimum = optimumCut;
                    row.rminRandom = q.random.value;
                    row.rminWarm = q.warm.value;
                    row.qFactor = q.q;
                    row.qKind = qFactorKindName(q.kind);
                    row.randomSuccesses = q.random.successes;
                    row.warmSuccesses = q.warm.successes;
                    row.poolSize = pool.size();
                    row.poolOptimalFraction = static_cast<double>(optimal) / static_cast<double>(pool.size());
                    row.meanSampledCut = cutSum / static_cast<double>(pool.size());
                    row.seconds = std::chrono::duration<double>(Clock::now() - start).count();
                    rows.push_back(std::move(row));
                    done += 1.0;
                    control.reportProgress(done, total, stage);
                }
            }
        }
    }
    return rows;
}

std::vector<WarmstartSummaryRow> summarizeWarmstartReproduction(const std::vector<WarmstartReproductionRow>& rows)
{
    std::vector<WarmstartSummaryRow> summary;
    std::vector<std::vector<double>> values;
    for (const WarmstartReproductionRow& r : rows) {
        auto it = std::find_if(summary.begin(), summary.end(), [&](const WarmstartSummaryRow& s) {
            return s.family == r.family && s.n == r.n && s.depth == r.depth;
        });
        if (it == summary.end()) {
            WarmstartSummaryRow s;
            s.family = r.family;
            s.n = r.n;
            s.depth = r.depth;
            summary.push_back(std::move(s));
            values.emplace_back();
            it = summary.end() - 1;
        }
        std::vector<double>& v = values[static_cast<std::size_t>(it - summary.begin())];
        if (r.qKind == qFactorKindName(QFactorKind::Undefined) || std::isnan(r.qFactor)) {
            ++it->undefined;
            continue;
        }
        if (r.qKind == qFactorKindName(QFactorKind::LowerBound))
            ++it->lowerBounds;
        else if (r.qKind == qFactorKindName(QFactorKind::WarmFailed))
            ++it->warmFailed;
        v.push_back(r.qFactor);
    }
    for (std::size_t i = 0; i < summary.size(); ++i) {
        WarmstartSummaryRow& s = summary[i];
        s.graphs = values[i].size();
        if (values[i].empty()) {
            s.medianQ = s.minQ = s.maxQ = std::numeric_limits<double>::quiet_NaN();
            continue;
        }
        s.medianQ = median(values[i]);
        s.minQ = *std::min_element(values[i].begin(), values[i].end());
        s.maxQ = *std::max_element(values[i].begin(), values[i].end());
    }
    return summary;
}

namespace {

void writeNumber(std::ostream& out, double value)
{
    if (!std::isnan(value))
        out << value;
}

} // namespace

std::string warmstartReproductionCsv(const std::vector<WarmstartReproductionRow>& rows)
{
    std::ostringstream csv;
    csv.precision(10);
    csv << "family,n,graph,edges,p,optimum,rmin_random,rmin_warm,q_factor,q_kind,random_successes,warm_successes,"
           "pool_size,pool_optimal_fraction,mean_sampled_cut,seconds\n";
    for (const WarmstartReproductionRow& r : rows) {
        csv << r.family << ',' << r.n << ',' << r.graph << ',' << r.edges << ',' << r.depth << ',' << r.optimum << ','
            << r.rminRandom << ',' << r.rminWarm << ',';
        writeNumber(csv, r.qFactor);
        csv << ',' << r.qKind << ',' << r.randomSuccesses << ',' << r.warmSuccesses << ',' << r.poolSize << ','
            << r.poolOptimalFraction << ',' << r.meanSampledCut << ',' << r.seconds << '\n';
    }
    return csv.str();
}

std::string warmstartSummaryCsv(const std::vector<WarmstartSummaryRow>& summary)
{
    std::ostringstream csv;
    csv.precision(10);
    csv << "family,n,p,graphs,median_q,min_q,max_q,lower_bounds,warm_failed,undefined\n";
    for (const WarmstartSummaryRow& s : summary) {
        csv << s.family << ',' << s.n << ',' << s.depth << ',' << s.graphs << ',';
        writeNumber(csv, s.medianQ);
        csv << ',';
        writeNumber(csv, s.minQ);
        csv << ',';
        writeNumber(csv, s.maxQ);
        csv << ',' << s.lowerBounds << ',' << s.warmFailed << ',' << s.undefined << '\n';
    }
    return csv.str();
}

} // namespace engine
