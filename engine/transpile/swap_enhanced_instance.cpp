// SPDX-License-Identifier: MIT
// SWAP-enhanced heavy-hex Max-Cut instances (Phasecraft App. B) and their swap-merged QAOA schedules.
#include "transpile/swap_enhanced_instance.h"

#include "core/error.h"

#include <algorithm>
#include <deque>
#include <random>
#include <set>
#include <string>

namespace engine {

namespace {

using VertexPair = std::pair<unsigned, unsigned>;

/// The induced subgraph G on the chosen qubits, in vertex numbers.
struct InducedGraph {
    std::vector<VertexPair> edges;                  // ascending (u < v)
    std::vector<std::vector<unsigned>> neighbours;  // ascending, within G
    std::set<VertexPair> edgeSet;

    bool hasEdge(unsigned u, unsigned v) const { return edgeSet.count({std::min(u, v), std::max(u, v)}) != 0; }
};

VertexPair ordered(unsigned a, unsigned b)
{
    return {std::min(a, b), std::max(a, b)};
}

/// The distance-two edges swap (i, j) adds to G (pairs already in G or in `taken` are skipped).
std::vector<VertexPair> newEdgesOfSwap(const InducedGraph& g, VertexPair swap)
{
    std::vector<VertexPair> out;
    const auto [i, j] = swap;
    auto add = [&](unsigned a, unsigned b) {
        const VertexPair e = ordered(a, b);
        if (!g.hasEdge(e.first, e.second) && std::find(out.begin(), out.end(), e) == out.end())
            out.push_back(e);
    };
    for (unsigned jn : g.neighbours[j])
        if (jn != i)
            add(i, jn);
    for (unsigned in : g.neighbours[i])
        if (in != j)
            add(in, j);
    return out;
}

/// marks[v] counts the swap endpoints in {v} and N(v); a swap (a, b) keeps App. B's condition iff both are 0.
class SwapMarks {
public:
    explicit SwapMarks(const InducedGraph& g) : m_graph(g), m_marks(g.neighbours.size(), 0) {}
    bool allowed(VertexPair e) const { return m_marks[e.first] == 0 && m_marks[e.second] == 0; }
    void change(VertexPair e, int delta)
    {
        for (unsigned x : {e.first, e.second}) {
            m_marks[x] += delta;
            for (unsigned y : m_graph.neighbours[x])
                m_marks[y] += delta;
        }
    }

private:
    const InducedGraph& m_graph;
    std::vector<int> m_marks;
};

/// Depth-first search for a swap set adding exactly `need` edges (take before skip, couplers ascending).
class ExactSwapSearch {
public:
    ExactSwapSearch(const InducedGraph& g, std::size_t need) : m_graph(g), m_need(need), m_marks(g)
    {
        for (const VertexPair& e : g.edges) {
            const std::size_t gain = newEdgesOfSwap(g, e).size();
            if (gain > 0) {
                m_candidates.push_back(e);
                m_gains.push_back(gain);
            }
        }
        m_suffix.assign(m_candidates.size() + 1, 0);
        for (std::size_t k = m_candidates.size(); k-- > 0;)
            m_suffix[k] = m_suffix[k + 1] + m_gains[k];
    }

    /// True when found; the swaps are in chosen().
    bool run()
    {
        return visit(0, 0);
    }
    const std::vector<VertexPair>& chosen() const { return m_chosen; }
    bool exhausted() const { return m_nodes > MAX_SWAP_EDGE_SEARCH_NODES; }

private:
    bool visit(std::size_t k, std::size_t current)
    {
        if (current == m_need)
            return true;
        if (++m_nodes > MAX_SWAP_EDGE_SEARCH_NODES || k == m_candidates.size() || current + m_suffix[k] < m_need)
            return false;
        const VertexPair e = m_candidates[k];
        if (current + m_gains[k] <= m_need && m_marks.allowed(e)) {
            m_marks.change(e, +1);
            m_chosen.push_back(e);
            if (visit(k + 1, current + m_gains[k]))
                return true;
            m_chosen.pop_back();
            m_marks.change(e, -1);
        }
        return visit(k + 1, current);
    }

    const InducedGraph& m_graph;
    std::size_t m_need;
    SwapMarks m_marks;
    std::vector<VertexPair> m_candidates;
    std::vector<std::size_t> m_gains;
    std::vector<std::size_t> m_suffix;  // m_suffix[k] = sum of gains from k on
    std::vector<VertexPair> m_chosen;
    std::size_t m_nodes = 0;
};

std::vector<unsigned> checkedSubset(const CouplingGraph& coupling, std::vector<unsigned> qubits)
{
    std::sort(qubits.begin(), qubits.end());
    for (std::size_t k = 0; k < qubits.size(); ++k) {
        if (qubits[k] >= coupling.numQubits())
            throw Error(ErrorCode::InvalidArgument,
                        std::string("qubit ") + std::to_string(qubits[k]) + " is not on the device ("
                            + std::to_string(coupling.numQubits()) + " qubits)",
                        "qubits");
        if (k > 0 && qubits[k] == qubits[k - 1])
            throw Error(ErrorCode::InvalidArgument,
                        std::string("qubit ") + std::to_string(qubits[k]) + " is listed twice", "qubits");
    }
    if (qubits.empty())
        throw Error(ErrorCode::InvalidArgument, "the vertex subset is empty", "qubits");
    // Connected through couplers inside the subset.
    std::vector<char> inSet(coupling.numQubits(), 0);
    for (unsigned q : qubits)
        inSet[q] = 1;
    std::vector<char> seen(coupling.numQubits(), 0);
    std::deque<unsigned> queue{qubits.front()};
    seen[qubits.front()] = 1;
    std::size_t reached = 1;
    while (!queue.empty()) {
        const unsigned q = queue.front();
        queue.pop_front();
        for (unsigned r : coupling.neighbours(q))
            if (inSet[r] && !seen[r]) {
                seen[r] = 1;
                ++reached;
                queue.push_back(r);
            }
    }
    if (reached != qubits.size())
        throw Error(ErrorCode::InvalidArgument,
                    "the vertex subset is not connected through usable couplers (qubit "
                        + std::to_string(*std::find_if(qubits.begin(), qubits.end(),
                                                       [&](unsigned q) { return !seen[q]; }))
                        + " cannot be reached from qubit " + std::to_string(qubits.front()) + ")",
                    "qubits");
    return qubits;
}

InducedGraph inducedGraph(const CouplingGraph& coupling, const std::vector<unsigned>& qubits)
{
    std::vector<int> vertexOf(coupling.numQubits(), -1);
    for (std::size_t v = 0; v < qubits.size(); ++v)
        vertexOf[qubits[v]] = static_cast<int>(v);
    InducedGraph g;
    g.neighbours.resize(qubits.size());
    for (const Coupler& c : coupling.couplers()) {
        if (vertexOf[c.a] < 0 || vertexOf[c.b] < 0)
            continue;
        const VertexPair e = ordered(static_cast<unsigned>(vertexOf[c.a]), static_cast<unsigned>(vertexOf[c.b]));
        g.edges.push_back(e);
        g.edgeSet.insert(e);
        g.neighbours[e.first].push_back(e.second);
        g.neighbours[e.second].push_back(e.first);
    }
    std::sort(g.edges.begin(), g.edges.end());
    for (auto& n : g.neighbours)
        std::sort(n.begin(), n.end());
    return g;
}

std::vector<VertexPair> explicitSwaps(const InducedGraph& g, const CouplingGraph& coupling,
                                      const std::vector<unsigned>& qubits,
                                      const std::vector<std::pair<unsigned, unsigned>>& couplers)
{
    std::vector<int> vertexOf(coupling.numQubits(), -1);
    for (std::size_t v = 0; v < qubits.size(); ++v)
        vertexOf[qubits[v]] = static_cast<int>(v);
    SwapMarks marks(g);
    std::vector<VertexPair> out;
    for (std::size_t k = 0; k < couplers.size(); ++k) {
        const auto [a, b] = couplers[k];
        const std::string where = indexedPlace("swapCouplers", k);
        const std::string pair = std::to_string(a) + "-" + std::to_string(b);
        if (a >= coupling.numQubits() || b >= coupling.numQubits() || vertexOf[a] < 0 || vertexOf[b] < 0)
            throw Error(ErrorCode::InvalidArgument,
                        std::string("swap coupler ") + pair + " has a qubit outside the vertex subset", where);
        const VertexPair e = ordered(static_cast<unsigned>(vertexOf[a]), static_cast<unsigned>(vertexOf[b]));
        if (!g.hasEdge(e.first, e.second))
            throw Error(ErrorCode::InvalidArgument,
                        std::string("swap coupler ") + pair + " is not a usable coupler of the device", where);
        if (!marks.allowed(e))
            throw Error(ErrorCode::InvalidArgument,
                        std::string("swap coupler ") + pair
                            + " touches or neighbours another swap edge (App. B needs the neighbours of swap "
                              "endpoints to stay in place)",
                        where);
        marks.change(e, +1);
        out.push_back(e);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<VertexPair> chooseSwaps(const InducedGraph& g, std::size_t targetEdges)
{
    if (targetEdges == 0) {
        SwapMarks marks(g);
        std::vector<VertexPair> out;
        for (const VertexPair& e : g.edges)
            if (marks.allowed(e) && !newEdgesOfSwap(g, e).empty()) {
                marks.change(e, +1);
                out.push_back(e);
            }
        return out;
    }
    if (targetEdges < g.edges.size())
        throw Error(ErrorCode::Infeasible,
                    std::string("the vertex subset already has ") + std::to_string(g.edges.size())
                        + " device edges, more than the " + std::to_string(targetEdges) + " requested",
                    "targetEdges");
    ExactSwapSearch search(g, targetEdges - g.edges.size());
    if (!search.run())
        throw Error(ErrorCode::Infeasible,
                    std::string(search.exhausted() ? "the search gave up before finding" : "there is no")
                        + " swap set giving exactly " + std::to_string(targetEdges) + " edges on this vertex subset ("
                        + std::to_string(g.edges.size()) + " device edges)",
                    "targetEdges");
    return search.chosen();
}

/// One two-qubit block of a cost layer, on physical qubits.
struct ScheduleStep {
    bool swap = false;        // merged ZZ+SWAP
    unsigned physA = 0;
    unsigned physB = 0;
    std::size_t edge = 0;     // index into instance.graph.edges()
};

/// Orders terms by a greedy colouring of their couplers (ascending couplers, smallest free colour), colour by
/// colour.
void colourOrder(std::vector<ScheduleStep>& steps)
{
    std::sort(steps.begin(), steps.end(), [](const ScheduleStep& x, const ScheduleStep& y) {
        return ordered(x.physA, x.physB) < ordered(y.physA, y.physB);
    });
    std::vector<std::set<unsigned>> used;  // used[c] = qubits of colour c
    std::vector<std::size_t> colour(steps.size(), 0);
    for (std::size_t k = 0; k < steps.size(); ++k) {
        std::size_t c = 0;
        while (c < used.size() && (used[c].count(steps[k].physA) || used[c].count(steps[k].physB)))
            ++c;
        if (c == used.size())
            used.emplace_back();
        used[c].insert(steps[k].physA);
        used[c].insert(steps[k].physB);
        colour[k] = c;
    }
    std::vector<std::size_t> order(steps.size());
    for (std::size_t k = 0; k < order.size(); ++k)
        order[k] = k;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return colour[x] < colour[y]; });
    std::vector<ScheduleStep> out;
    out.reserve(steps.size());
    for (std::size_t k : order)
        out.push_back(steps[k]);
    steps = std::move(out);
}

std::string placeOfEdge(std::size_t k)
{
    return indexedPlace("graph.edges", k);
}

/// The forward cost layer of App. B, checked against the device's couplers.
std::vector<ScheduleStep> forwardLayer(const SwapEnhancedInstance& instance, const CouplingGraph& coupling)
{
    const auto& edges = instance.graph.edges();
    const std::set<VertexPair> swaps(instance.swapEdges.begin(), instance.swapEdges.end());
    QubitLayout position = instance.qubits;
    auto onCoupler = [&](std::size_t k, bool swap, const char* when) {
        const unsigned a = position[edges[k].u];
        const unsigned b = position[edges[k].v];
        if (!coupling.areCoupled(a, b))
            throw Error(ErrorCode::InvalidArgument,
                        std::string("edge ") + std::to_string(edges[k].u) + "-" + std::to_string(edges[k].v)
                            + " sits on qubits " + std::to_string(a) + " and " + std::to_string(b)
                            + ", which are not coupled " + when,
                        placeOfEdge(k));
        return ScheduleStep{swap, a, b, k};
    };
    std::vector<ScheduleStep> plain;
    std::vector<ScheduleStep> merged;
    std::vector<ScheduleStep> distanceTwo;
    std::size_t swapsFound = 0;
    for (std::size_t k = 0; k < instance.numDeviceEdges; ++k) {
        const bool swap = swaps.count({edges[k].u, edges[k].v}) != 0;
        swapsFound += swap ? 1 : 0;
        (swap ? merged : plain).push_back(onCoupler(k, swap, "at the start"));
    }
    if (swapsFound != swaps.size())
        throw Error(ErrorCode::InvalidArgument, "a swap edge is not among the device edges of the instance",
                    "swapEdges");
    for (const ScheduleStep& s : merged) {
        const auto& e = edges[s.edge];
        std::swap(position[e.u], position[e.v]);
    }
    for (std::size_t k = instance.numDeviceEdges; k < edges.size(); ++k)
        distanceTwo.push_back(onCoupler(k, false, "after the swaps"));
    colourOrder(plain);
    colourOrder(distanceTwo);
    std::vector<ScheduleStep> out = std::move(plain);
    out.insert(out.end(), merged.begin(), merged.end());
    out.insert(out.end(), distanceTwo.begin(), distanceTwo.end());
    return out;
}

} // namespace

std::vector<unsigned> growConnectedSubset(const CouplingGraph& coupling, unsigned seed, unsigned size)
{
    const unsigned n = coupling.numQubits();
    if (seed >= n)
        throw Error(ErrorCode::InvalidArgument,
                    std::string("seed qubit ") + std::to_string(seed) + " is not on the device (" + std::to_string(n)
                        + " qubits)",
                    "seedQubit");
    if (size == 0)
        throw Error(ErrorCode::InvalidArgument, "the vertex count must be at least 1", "numVertices");
    std::vector<char> inSet(n, 0);
    std::vector<unsigned> inside(n, 0);  // neighbours already in the set
    std::vector<unsigned> out{seed};
    inSet[seed] = 1;
    for (unsigned r : coupling.neighbours(seed))
        ++inside[r];
    while (out.size() < size) {
        int best = -1;
        for (unsigned q = 0; q < n; ++q) {
            if (inSet[q] || inside[q] == 0)
                continue;
            if (best < 0)
                best = static_cast<int>(q);
            const auto b = static_cast<unsigned>(best);
            if (inside[q] > inside[b]
                || (inside[q] == inside[b] && coupling.distance(seed, q) < coupling.distance(seed, b)))
                best = static_cast<int>(q);
        }
        if (best < 0)
            throw Error(ErrorCode::LimitExceeded,
                        std::string("only ") + std::to_string(out.size()) + " qubits are connected to seed qubit "
                            + std::to_string(seed) + ", fewer than the " + std::to_string(size) + " requested",
                        "numVertices");
        const auto q = static_cast<unsigned>(best);
        inSet[q] = 1;
        out.push_back(q);
        for (unsigned r : coupling.neighbours(q))
            ++inside[r];
    }
    std::sort(out.begin(), out.end());
    return out;
}

SwapEnhancedInstance generateSwapEnhancedInstance(const DeviceModel& device, const SwapEnhancedOptions& options)
{
    const CouplingGraph coupling = device.couplingGraph(true);
    SwapEnhancedInstance instance;
    instance.deviceName = device.name;
    instance.weightSeed = options.weightSeed;
    instance.qubits = options.qubits.empty() ? growConnectedSubset(coupling, options.seedQubit, options.numVertices)
                                             : checkedSubset(coupling, options.qubits);
    const InducedGraph g = inducedGraph(coupling, instance.qubits);
    instance.swapEdges = options.swapCouplers.empty()
        ? chooseSwaps(g, options.targetEdges)
        : explicitSwaps(g, coupling, instance.qubits, options.swapCouplers);
    std::sort(instance.swapEdges.begin(), instance.swapEdges.end());

    std::vector<VertexPair> edges = g.edges;
    instance.numDeviceEdges = edges.size();
    for (const VertexPair& s : instance.swapEdges)
        for (const VertexPair& e : newEdgesOfSwap(g, s))
            if (std::find(edges.begin() + static_cast<std::ptrdiff_t>(instance.numDeviceEdges), edges.end(), e)
                == edges.end())
                edges.push_back(e);
    if (!options.swapCouplers.empty() && options.targetEdges != 0 && edges.size() != options.targetEdges)
        throw Error(ErrorCode::Infeasible,
                    std::string("the given swap couplers give ") + std::to_string(edges.size()) + " edges, not the "
                        + std::to_string(options.targetEdges) + " requested",
                    "targetEdges");

    std::mt19937_64 rng(options.weightSeed);
    instance.graph = WeightedGraph(instance.qubits.size());
    for (const VertexPair& e : edges) {
        const double u = static_cast<double>(rng() >> 11) * 0x1.0p-53;
        instance.graph.addEdge(e.first, e.second, -1.0 + 2.0 * u);
    }
    instance.name = std::string("swap-enhanced ") + std::to_string(instance.qubits.size()) + "v/"
        + std::to_string(edges.size()) + "e on " + device.name + ", weights " + std::to_string(options.weightSeed);
    return instance;
}

SwapEnhancedOptions swapEnhancedPresetOptions(SwapEnhancedPreset preset, std::uint64_t instance)
{
    SwapEnhancedOptions o;
    o.seedQubit = 0;
    o.numVertices = swapEnhancedPresetVertices(preset);
    o.targetEdges = preset == SwapEnhancedPreset::Vertices24 ? 40 : 68;
    o.weightSeed = instance;
    return o;
}

SwapEnhancedInstance swapEnhancedPreset(const DeviceModel& device, SwapEnhancedPreset preset, std::uint64_t instance)
{
    SwapEnhancedInstance out = generateSwapEnhancedInstance(device, swapEnhancedPresetOptions(preset, instance));
    out.name = std::string("swap-enhanced heavy-hex preset ") + std::to_string(swapEnhancedPresetVertices(preset))
        + " on " + device.name + ", instance " + std::to_string(instance);
    return out;
}

unsigned swapEnhancedPresetVertices(SwapEnhancedPreset preset) noexcept
{
    return preset == SwapEnhancedPreset::Vertices24 ? 24 : 41;
}

SwapEnhancedPreset swapEnhancedPresetFromVertices(unsigned vertices)
{
    if (vertices == 24)
        return SwapEnhancedPreset::Vertices24;
    if (vertices == 41)
        return SwapEnhancedPreset::Vertices41;
    throw Error(ErrorCode::InvalidArgument,
                std::string("unknown preset ") + std::to_string(vertices) + " (expected 24 or 41 vertices)", "preset");
}

SwapEnhancedSchedule buildSwapEnhancedSchedule(const SwapEnhancedInstance& instance, const DeviceModel& device,
                                               std::size_t p, const SwapEnhancedScheduleOptions& options)
{
    if (p == 0 || p > MAX_SWAP_SCHEDULE_DEPTH)
        throw Error(ErrorCode::InvalidArgument,
                    std::string("the depth must lie in [1, ") + std::to_string(MAX_SWAP_SCHEDULE_DEPTH) + "]", "p");
    const auto n = static_cast<unsigned>(instance.qubits.size());
    if (n == 0 || instance.graph.numVertices() != n || instance.numDeviceEdges > instance.graph.numEdges())
        throw Error(ErrorCode::InvalidArgument, "the instance's graph does not match its qubits", "instance");
    const CouplingGraph coupling = device.couplingGraph(true);
    std::set<unsigned> distinct;
    for (unsigned q : instance.qubits)
        if (q >= coupling.numQubits() || !distinct.insert(q).second)
            throw Error(ErrorCode::InvalidArgument,
                        std::string("qubit ") + std::to_string(q) + " is repeated or not on " + device.name, "qubits");
    const std::vector<ScheduleStep> forward = forwardLayer(instance, coupling);

    SwapEnhancedSchedule out;
    out.depth = p;
    out.initialLayout = instance.qubits;
    out.circuit = Circuit(device.numQubits, true);
    Circuit& c = out.circuit;
    std::vector<std::size_t> gamma(p);
    std::vector<std::size_t> beta(p);
    for (std::size_t k = 0; k < p; ++k) {
        gamma[k] = c.addParameter(std::string("gamma_") + std::to_string(k));
        beta[k] = c.addParameter(std::string("beta_") + std::to_string(k));
    }
    std::size_t mergedPerLayer = 0;
    for (const ScheduleStep& s : forward)
        mergedPerLayer += s.swap ? 1 : 0;
    c.reserve(n * (1 + p) + p * (forward.size() + 3 * mergedPerLayer) + n + p);

    QubitLayout position = instance.qubits;  // vertex -> physical
    std::vector<int> vertexAt(device.numQubits, -1);
    for (unsigned v = 0; v < n; ++v)
        vertexAt[position[v]] = static_cast<int>(v);
    for (unsigned v = 0; v < n; ++v)
        c.gate(GateId::H, {position[v]});
    const auto& edges = instance.graph.edges();
    for (std::size_t k = 0; k < p; ++k) {
        if (options.barriers)
            c.barrier();
        for (std::size_t t = 0; t < forward.size(); ++t) {
            const ScheduleStep& s = k % 2 == 0 ? forward[t] : forward[forward.size() - 1 - t];
            // The step's qubits must hold the edge's endpoints now (the reversed layers replay the forward one).
            const Edge& e = edges[s.edge];
            const bool holds = (position[e.u] == s.physA && position[e.v] == s.physB)
                               || (position[e.u] == s.physB && position[e.v] == s.physA);
            if (!holds)
                throw Error(ErrorCode::InvalidArgument,
                            std::string("the schedule lost track of edge ") + std::to_string(s.edge),
                            placeOfEdge(s.edge));
            // exp(-i gamma J Z Z) with J = w / 2 is RZZ(2 gamma J) = RZZ(gamma w).
            const ParameterExpression theta = ParameterExpression::parameter(gamma[k], e.weight);
            if (!s.swap) {
                c.gate(GateId::RZZ, {s.physA, s.physB}, {theta});
                ++out.zzGates;
                continue;
            }
            // SWAP . RZZ(theta) = CX(a->b) . CX(b->a) . (I x RZ(theta)) . CX(a->b) (algorithms.md 1.4).
            c.gate(GateId::CX, {s.physA, s.physB});
            c.gate(GateId::RZ, {s.physB}, {theta});
            c.gate(GateId::CX, {s.physB, s.physA});
            c.gate(GateId::CX, {s.physA, s.physB});
            ++out.mergedSwaps;
            const int va = vertexAt[s.physA];
            const int vb = vertexAt[s.physB];
            std::swap(vertexAt[s.physA], vertexAt[s.physB]);
            if (va >= 0)
                position[static_cast<std::size_t>(va)] = s.physB;
            if (vb >= 0)
                position[static_cast<std::size_t>(vb)] = s.physA;
        }
        for (unsigned v = 0; v < n; ++v)
            c.gate(GateId::RX, {position[v]}, {ParameterExpression::parameter(beta[k], 2.0)});
    }
    out.finalLayout = position;
    out.twoQubitGates = 2 * out.zzGates + 3 * out.mergedSwaps;
    if (options.measure) {
        const unsigned reg = c.addRegister("meas", n);
        for (unsigned v = 0; v < n; ++v)
            c.measure(position[v], reg, v);
    }
    return out;
}

SwapEnhancedComparison compareSwapEnhancedRouting(const SwapEnhancedInstance& instance, const DeviceModel& device,
                                                  std::size_t p, const QaoaRoutingOptions& routing,
                                                  RunControl& control)
{
    SwapEnhancedComparison out;
    out.scheduleTwoQubitGates = buildSwapEnhancedSchedule(instance, device, p, {false, false}).twoQubitGates;
    InteractionGraph graph;
    graph.numLogical = static_cast<unsigned>(instance.qubits.size());
    for (const Edge& e : instance.graph.edges())
        graph.terms.emplace_back(e.u, e.v);
    const RoutedQaoa routed = routeQaoa(device, graph, p, routing, control);
    out.routedTwoQubitGates = routed.twoQubitGates;
    out.routedSwaps = routed.swaps;
    const RoutedLayer placed = routeLayerIterated(routing.router, device.couplingGraph(true), graph.terms,
                                                  instance.qubits, routing.iterations, routing.routing, control);
    out.placedTwoQubitGates = placed.twoQubitGates() * p;
    out.placedSwaps = placed.swaps * p;
    return out;
}

} // namespace engine
