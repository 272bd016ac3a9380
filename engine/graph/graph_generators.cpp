// SPDX-License-Identifier: MIT
// Random and structured graph generators; all randomness comes from one seeded std::mt19937_64.
#include "graph/graph_generators.h"

#include "core/error.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <utility>
#include <vector>

namespace engine {

namespace {

// Generators are driven by command-line arguments; these bounds keep a typo from exhausting memory.
constexpr std::size_t MAX_GENERATED_VERTICES = std::size_t{1} << 24;
constexpr std::size_t MAX_GENERATED_EDGES = std::size_t{1} << 25;
constexpr int MAX_REGULAR_TRIES = 1000;
constexpr int MAX_REGULAR_ROUNDS = 1000;

// NOTE: the std distributions are implementation-defined, so the draws are spelled out here to make a seed
// give the same graph with every standard library.
double uniform01(std::mt19937_64& rng)
{
    return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

// Unbiased integer in [0, bound) by rejection of the incomplete top range.
std::uint64_t uniformBelow(std::mt19937_64& rng, std::uint64_t bound)
{
    const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max()
                                - std::numeric_limits<std::uint64_t>::max() % bound;
    std::uint64_t value = rng();
    while (value >= limit)
        value = rng();
    return value % bound;
}

double drawWeight(WeightKind kind, std::mt19937_64& rng)
{
    switch (kind) {
    case WeightKind::Unit: return 1.0;
    case WeightKind::PlusMinusOne: return (rng() >> 63) ? 1.0 : -1.0;
    case WeightKind::Uniform: return uniform01(rng);
    }
    return 1.0;
}

void checkVertexCount(std::size_t n)
{
    if (n == 0)
        throw Error(ErrorCode::InvalidArgument, "a graph needs at least one vertex", "n");
    if (n > MAX_GENERATED_VERTICES)
        throw Error(ErrorCode::LimitExceeded,
                    "at most " + std::to_string(MAX_GENERATED_VERTICES) + " vertices can be generated", "n");
}

void checkEdgeCount(double edges)
{
    if (edges > static_cast<double>(MAX_GENERATED_EDGES))
        throw Error(ErrorCode::LimitExceeded,
                    "the graph would have about " + std::to_string(static_cast<long long>(edges))
                        + " edges; at most " + std::to_string(MAX_GENERATED_EDGES) + " can be generated");
}

// Builds the graph from (u, v) pairs with u < v, sorted so the weights are drawn in a fixed order.
WeightedGraph buildGraph(std::size_t n, std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs,
                         WeightKind weights, std::mt19937_64& rng)
{
    std::sort(pairs.begin(), pairs.end());
    WeightedGraph graph(n);
    for (const auto& [u, v] : pairs)
        graph.addEdge(u, v, drawWeight(weights, rng));
    return graph;
}

bool contains(const std::vector<std::uint32_t>& list, std::uint32_t value)
{
    return std::find(list.begin(), list.end(), value) != list.end();
}

// One attempt of the pairing model in the Steger-Wormald form: shuffle the open stubs, keep every pair that
// is neither a loop nor a repeat, and re-pair the rest until all stubs are used. Returns false when the
// leftover stubs admit no valid pair (the caller restarts from scratch).
bool tryRegular(std::size_t n, std::size_t degree, std::mt19937_64& rng,
                std::vector<std::vector<std::uint32_t>>& neighbours)
{
    neighbours.assign(n, {});
    std::vector<std::uint32_t> stubs;
    stubs.reserve(n * degree);
    for (std::size_t v = 0; v < n; ++v)
        for (std::size_t k = 0; k < degree; ++k)
            stubs.push_back(static_cast<std::uint32_t>(v));

    for (int round = 0; round < MAX_REGULAR_ROUNDS && !stubs.empty(); ++round) {
        for (std::size_t i = stubs.size(); i > 1; --i)
            std::swap(stubs[i - 1], stubs[uniformBelow(rng, i)]);
        std::vector<std::uint32_t> leftover;
        for (std::size_t i = 0; i + 1 < stubs.size(); i += 2) {
            const std::uint32_t a = stubs[i];
            const std::uint32_t b = stubs[i + 1];
            if (a != b && !contains(neighbours[a], b)) {
                neighbours[a].push_back(b);
                neighbours[b].push_back(a);
            } else {
                leftover.push_back(a);
                leftover.push_back(b);
            }
        }
        if (leftover.empty())
            return true;
        // Is any valid pair left among the distinct leftover vertices?
        std::vector<std::uint32_t> distinct = leftover;
        std::sort(distinct.begin(), distinct.end());
        distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
        bool possible = false;
        for (std::size_t i = 0; i < distinct.size() && !possible; ++i)
            for (std::size_t j = i + 1; j < distinct.size() && !possible; ++j)
                possible = !contains(neighbours[distinct[i]], distinct[j]);
        if (!possible)
            return false;
        stubs = std::move(leftover);
    }
    return stubs.empty();
}

} // namespace

const char* weightKindName(WeightKind kind) noexcept
{
    switch (kind) {
    case WeightKind::Unit: return "unit";
    case WeightKind::PlusMinusOne: return "pm1";
    case WeightKind::Uniform: return "uniform";
    }
    return "unit";
}

WeightKind weightKindFromName(const std::string& name)
{
    for (WeightKind kind : {WeightKind::Unit, WeightKind::PlusMinusOne, WeightKind::Uniform})
        if (name == weightKindName(kind))
            return kind;
    throw Error(ErrorCode::InvalidArgument,
                "unknown weight kind '" + name + "' (expected unit, pm1 or uniform)", "weights");
}

WeightedGraph erdosRenyiGraph(std::size_t n, double edgeProbability, WeightKind weights, std::uint64_t seed)
{
    checkVertexCount(n);
    if (!(edgeProbability >= 0.0 && edgeProbability <= 1.0))
        throw Error(ErrorCode::InvalidArgument, "edge probability must be in [0, 1]", "edgeProbability");
    const double pairs = 0.5 * static_cast<double>(n) * static_cast<double>(n - 1);
    checkEdgeCount(edgeProbability * pairs);

    std::mt19937_64 rng(seed);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    if (edgeProbability == 1.0) {
        for (std::size_t u = 0; u < n; ++u)
            for (std::size_t v = u + 1; v < n; ++v)
                edges.emplace_back(static_cast<std::uint32_t>(u), static_cast<std::uint32_t>(v));
    } else if (edgeProbability > 0.0) {
        // Batagelj-Brandes: jump over the pairs that fail their coin flip with one geometric draw, so the
        // cost is O(n + m) instead of one flip per pair. Pairs (w, v) with w < v are visited in order.
        const double logQ = std::log1p(-edgeProbability);
        long long v = 1;
        long long w = -1;
        const auto count = static_cast<long long>(n);
        while (v < count) {
            const double skip = std::floor(std::log1p(-uniform01(rng)) / logQ);
            if (skip >= pairs)
                break;
            w += 1 + static_cast<long long>(skip);
            while (w >= v && v < count) {
                w -= v;
                ++v;
            }
            if (v < count) {
                if (edges.size() >= MAX_GENERATED_EDGES)
                    checkEdgeCount(static_cast<double>(edges.size()) + 1.0);
                edges.emplace_back(static_cast<std::uint32_t>(w), static_cast<std::uint32_t>(v));
            }
        }
    }
    return buildGraph(n, std::move(edges), weights, rng);
}

WeightedGraph randomRegularGraph(std::size_t n, std::size_t degree, WeightKind weights, std::uint64_t seed)
{
    checkVertexCount(n);
    if (degree >= n)
        throw Error(ErrorCode::InvalidArgument,
                    "degree " + std::to_string(degree) + " must be less than the number of vertices "
                        + std::to_string(n),
                    "degree");
    if ((n * degree) % 2 != 0)
        throw Error(ErrorCode::InvalidArgument,
                    "n * degree must be even (n = " + std::to_string(n) + ", degree = " + std::to_string(degree) + ")",
                    "degree");
    checkEdgeCount(0.5 * static_cast<double>(n) * static_cast<double>(degree));

    // A dense regular graph is the complement of a sparse one (n(n - 1 - d) is even whenever n*d is), and
    // pairing succeeds far more often for small degrees; complementing is a bijection between the two sets.
    const bool complement = 2 * degree > n - 1;
    const std::size_t sparseDegree = complement ? n - 1 - degree : degree;

    std::mt19937_64 rng(seed);
    std::vector<std::vector<std::uint32_t>> neighbours;
    bool found = sparseDegree == 0;
    if (found)
        neighbours.assign(n, {});
    for (int attempt = 0; attempt < MAX_REGULAR_TRIES && !found; ++attempt)
        found = tryRegular(n, sparseDegree, rng, neighbours);
    if (!found)
        throw Error(ErrorCode::LimitExceeded,
                    "no simple " + std::to_string(degree) + "-regular graph on " + std::to_string(n)
                        + " vertices was found in " + std::to_string(MAX_REGULAR_TRIES) + " tries",
                    "degree");

    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    edges.reserve(n * degree / 2);
    std::vector<char> adjacent(n, 0);
    for (std::size_t u = 0; u < n; ++u) {
        if (complement) {
            for (std::uint32_t v : neighbours[u])
                adjacent[v] = 1;
            for (std::size_t v = u + 1; v < n; ++v)
                if (!adjacent[v])
                    edges.emplace_back(static_cast<std::uint32_t>(u), static_cast<std::uint32_t>(v));
            for (std::uint32_t v : neighbours[u])
                adjacent[v] = 0;
        } else {
            for (std::uint32_t v : neighbours[u])
                if (v > u)
                    edges.emplace_back(static_cast<std::uint32_t>(u), v);
        }
    }
    return buildGraph(n, std::move(edges), weights, rng);
}

WeightedGraph lineGraph(std::size_t n, WeightKind weights, std::uint64_t seed)
{
    checkVertexCount(n);
    std::mt19937_64 rng(seed);
    WeightedGraph graph(n);
    for (std::size_t v = 0; v + 1 < n; ++v)
        graph.addEdge(v, v + 1, drawWeight(weights, rng));
    return graph;
}

WeightedGraph completeGraph(std::size_t n, WeightKind weights, std::uint64_t seed)
{
    checkVertexCount(n);
    checkEdgeCount(0.5 * static_cast<double>(n) * static_cast<double>(n - 1));
    std::mt19937_64 rng(seed);
    WeightedGraph graph(n);
    for (std::size_t u = 0; u < n; ++u)
        for (std::size_t v = u + 1; v < n; ++v)
            graph.addEdge(u, v, drawWeight(weights, rng));
    return graph;
}

} // namespace engine
