// SPDX-License-Identifier: MIT
// A* routing over layers of disjoint swaps (algorithms.md 7.4) with a capped frontier and a node budget.
#include "transpile/swap_routing.h"

#include "transpile/routing_internal.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <set>
#include <unordered_map>

namespace engine {
namespace {

using detail::TermState;

// Memory the frontier's states may use at most; an unlimited (0) or larger beam is capped to fit.
constexpr std::size_t FRONTIER_MEMORY_BYTES = std::size_t{256} << 20;
// How many expansions pass between two cancel checks.
constexpr std::size_t CANCEL_CHECK_INTERVAL = 256;

// An expanded node, kept for rebuilding the path: the swaps (edge indices) of the layer that produced it.
struct Record {
    int parent = -1;
    std::size_t swapBegin = 0;
    std::size_t swapCount = 0;
};

// A search node's storage. Slots are recycled and their states copy-assigned, so the vectors keep their capacity
// and a new node costs one copy of the state, no allocation.
struct Slot {
    std::optional<TermState> state;
    std::size_t g = 0;
    int parent = -1;              // record of the expanded node it came from
    std::vector<unsigned> swaps;  // the layer (edge indices) that produced it
    double f = 0.0;
    double h = 0.0;
    std::size_t seq = 0;
};

struct Key {
    double f = 0.0;
    double h = 0.0;
    std::size_t seq = 0;
    std::size_t slot = 0;
    bool operator<(const Key& other) const
    {
        if (f != other.f)
            return f < other.f;
        if (h != other.h)
            return h < other.h;
        return seq < other.seq;
    }
};

// One relevant swap of the node being expanded.
struct Candidate {
    unsigned edge = 0;
    double gain = 0.0;  // change of h: delta D minus the terms it implements
};

std::size_t frontierCap(const detail::TermContext& context, std::size_t beamWidth)
{
    const std::size_t stateBytes =
        8 * std::size_t{context.device->numQubits()} + 8 * std::size_t{context.numLogical} + context.terms->size() + 256;
    const std::size_t cap = std::max<std::size_t>(64, FRONTIER_MEMORY_BYTES / stateBytes);
    return beamWidth == 0 ? cap : std::min(beamWidth, cap);
}

// The weight of D in f: one swap moves two qubits one hop, and each carries about `mean degree` pending terms, so
// D overestimates the swaps still needed by a factor that grows with the degree of the interaction graph.
double heuristicWeight(const detail::TermContext& context, double weight)
{
    std::size_t active = 0;
    for (const auto& list : context.termsOf)
        active += list.empty() ? 0 : 1;
    const double meanDegree = active == 0 ? 1.0 : 2.0 * static_cast<double>(context.terms->size()) / active;
    return weight * std::min(1.0, 3.0 / meanDegree);
}

class AStarSearch {
public:
    AStarSearch(const detail::TermContext& context, const RoutingOptions& options)
        : m_context(context),
          m_couplers(context.device->couplers()),
          m_beam(frontierCap(context, options.beamWidth)),
          m_w(heuristicWeight(context, options.astarHeuristicWeight))
    {
    }

    /// The layout after the steps run() returned.
    const QubitLayout& finalLayout() const { return m_finalLayout; }

    std::vector<RoutingStep> run(const QubitLayout& layout, std::size_t maxExpansions, RunControl& control)
    {
        TermState root(m_context, layout);
        std::vector<unsigned> implemented;
        root.implementAllAdjacent(implemented);
        if (root.pendingCount() == 0)
            return rebuild(layout, -1);
        offer(acquire(root), 0, -1, {});

        std::size_t expansions = 0;
        int closestRecord = -1;  // the expanded node with the smallest h, for an exhausted frontier
        double closestH = 0.0;
        while (!m_frontier.empty()) {
            if (expansions >= maxExpansions)
                break;
            if (expansions % CANCEL_CHECK_INTERVAL == 0 && control.isCancelled())
                break;
            const Key key = *m_frontier.begin();
            m_frontier.erase(m_frontier.begin());
            Slot& slot = m_slots[key.slot];
            m_openByHash.erase(slot.state->hash());
            const int record = addRecord(slot.parent, slot.swaps);
            const std::size_t g = slot.g;
            if (m_current)
                *m_current = *slot.state;
            else
                m_current.emplace(*slot.state);
            release(key.slot);
            if (m_current->pendingCount() == 0)
                return rebuild(layout, record);
            m_closed[m_current->hash()] = g;
            if (closestRecord < 0 || m_current->totalDistance() < closestH) {
                closestRecord = record;
                closestH = m_current->totalDistance();
            }
            ++expansions;
            expand(*m_current, g, record);
        }
        // Budget spent or cancelled: finish the most promising node with the greedy router. (The frontier runs dry
        // only when every successor was a state already expanded.)
        if (m_frontier.empty())
            return rebuild(layout, closestRecord);
        const Slot& slot = m_slots[m_frontier.begin()->slot];
        const int record = addRecord(slot.parent, slot.swaps);
        return rebuild(layout, record);
    }

private:
    void expand(const TermState& state, std::size_t g, int record)
    {
        m_candidates.clear();
        for (unsigned e = 0; e < m_couplers.size(); ++e) {
            const unsigned a = m_couplers[e].a;
            const unsigned b = m_couplers[e].b;
            if (state.pendingDegreeAt(a) == 0 && state.pendingDegreeAt(b) == 0)
                continue;
            const TermState::SwapEffect effect = state.swapEffect(a, b);
            if (effect.relevant)
                m_candidates.push_back({e, effect.delta - static_cast<double>(effect.newlyAdjacent)});
        }
        const double h0 = state.totalDistance();
        std::vector<unsigned> implemented;
        // (i) every single relevant swap.
        for (const Candidate& c : m_candidates) {
            const double h = h0 + c.gain;
            if (!admits(static_cast<double>(g + 1) + m_w * h, h))
                continue;
            const std::size_t index = acquire(state);
            TermState& child = *m_slots[index].state;
            const unsigned a = m_couplers[c.edge].a;
            const unsigned b = m_couplers[c.edge].b;
            child.applySwap(a, b);
            implemented.clear();
            child.implementAdjacentAt(a, b, implemented);
            m_swapBuffer.assign(1, c.edge);
            offer(index, g + 1, record, m_swapBuffer);
        }
        // (ii) a greedy maximal set of disjoint improving swaps, best first, each judged after the earlier ones.
        // Only swaps that lower f on their own (1 + w * gain < 0) join the layer: weak swaps bundled with strong
        // ones would otherwise ride along and make the layer look better than its swaps are.
        const double limit = m_w > 0.0 ? -1.0 / m_w : -std::numeric_limits<double>::infinity();
        const auto improving = std::partition(m_candidates.begin(), m_candidates.end(),
                                              [&](const Candidate& c) { return c.gain < limit; });
        std::sort(m_candidates.begin(), improving, [](const Candidate& x, const Candidate& y) {
            return x.gain != y.gain ? x.gain < y.gain : x.edge < y.edge;
        });
        if (m_layer)
            *m_layer = state;
        else
            m_layer.emplace(state);
        TermState& layer = *m_layer;
        m_swapBuffer.clear();
        m_busy.assign(m_context.device->numQubits(), 0);
        for (auto it = m_candidates.begin(); it != improving; ++it) {
            const Candidate& c = *it;
            const unsigned a = m_couplers[c.edge].a;
            const unsigned b = m_couplers[c.edge].b;
            if (m_busy[a] || m_busy[b])
                continue;
            const TermState::SwapEffect effect = layer.swapEffect(a, b);
            if (effect.delta - static_cast<double>(effect.newlyAdjacent) >= limit)
                continue;
            layer.applySwap(a, b);
            implemented.clear();
            layer.implementAdjacentAt(a, b, implemented);
            m_busy[a] = m_busy[b] = 1;
            m_swapBuffer.push_back(c.edge);
        }
        if (m_swapBuffer.size() >= 2) {
            const double h = layer.totalDistance();
            const std::size_t g2 = g + m_swapBuffer.size();
            if (admits(static_cast<double>(g2) + m_w * h, h))
                offer(acquire(layer), g2, record, m_swapBuffer);
        }
    }

    // Whether a node with this (f, h) would survive the beam.
    bool admits(double f, double h) const
    {
        if (m_frontier.size() < m_beam)
            return true;
        const Key& worst = *m_frontier.rbegin();
        return f < worst.f || (f == worst.f && h < worst.h);
    }

    // A free slot holding a copy of `from`.
    std::size_t acquire(const TermState& from)
    {
        std::size_t index = 0;
        if (!m_free.empty()) {
            index = m_free.back();
            m_free.pop_back();
        } else {
            index = m_slots.size();
            m_slots.emplace_back();
        }
        Slot& slot = m_slots[index];
        if (slot.state)
            *slot.state = from;
        else
            slot.state.emplace(from);
        return index;
    }

    void release(std::size_t index) { m_free.push_back(index); }

    // Puts the node in slot `index` on the frontier unless the same state is already there or was expanded with
    // no more swaps (different swap orders reach the same state: without this the beam fills with copies).
    void offer(std::size_t index, std::size_t g, int parent, const std::vector<unsigned>& swaps)
    {
        Slot& slot = m_slots[index];
        const std::uint64_t hash = slot.state->hash();
        if (const auto closed = m_closed.find(hash); closed != m_closed.end() && closed->second <= g) {
            release(index);
            return;
        }
        if (const auto open = m_openByHash.find(hash); open != m_openByHash.end()) {
            Slot& twin = m_slots[open->second];
            if (twin.g <= g) {
                release(index);
                return;
            }
            m_frontier.erase({twin.f, twin.h, twin.seq, open->second});
            release(open->second);
            m_openByHash.erase(open);
        }
        slot.g = g;
        slot.parent = parent;
        slot.swaps.assign(swaps.begin(), swaps.end());
        slot.h = slot.state->totalDistance();
        slot.f = static_cast<double>(g) + m_w * slot.h;
        slot.seq = m_seq++;
        m_frontier.insert({slot.f, slot.h, slot.seq, index});
        m_openByHash[hash] = index;
        while (m_frontier.size() > m_beam) {
            const auto last = std::prev(m_frontier.end());
            m_openByHash.erase(m_slots[last->slot].state->hash());
            release(last->slot);
            m_frontier.erase(last);
        }
    }

    int addRecord(int parent, const std::vector<unsigned>& swaps)
    {
        Record r;
        r.parent = parent;
        r.swapBegin = m_swapArena.size();
        r.swapCount = swaps.size();
        m_swapArena.insert(m_swapArena.end(), swaps.begin(), swaps.end());
        m_records.push_back(r);
        return static_cast<int>(m_records.size() - 1);
    }

    // Replays the layers from the root to `record` (terms implemented after each swap, as the search did), then
    // lets the greedy router finish whatever is still pending.
    std::vector<RoutingStep> rebuild(const QubitLayout& layout, int record)
    {
        std::vector<RoutingStep> steps;
        std::vector<int> chain;
        for (int r = record; r >= 0; r = m_records[static_cast<std::size_t>(r)].parent)
            chain.push_back(r);
        std::reverse(chain.begin(), chain.end());
        TermState state(m_context, layout);
        std::vector<unsigned> implemented;
        state.implementAllAdjacent(implemented);
        detail::emitTerms(steps, state, implemented);
        for (int r : chain) {
            const Record& rec = m_records[static_cast<std::size_t>(r)];
            for (std::size_t k = 0; k < rec.swapCount; ++k) {
                const Coupler& c = m_couplers[m_swapArena[rec.swapBegin + k]];
                state.applySwap(c.a, c.b);
                detail::emitSwap(steps, c.a, c.b);
                implemented.clear();
                state.implementAdjacentAt(c.a, c.b, implemented);
                detail::emitTerms(steps, state, implemented);
            }
        }
        detail::greedyComplete(state, steps);
        m_finalLayout = state.layout();
        return steps;
    }

    const detail::TermContext& m_context;
    const std::vector<Coupler>& m_couplers;
    std::size_t m_beam;
    std::set<Key> m_frontier;
    std::unordered_map<std::uint64_t, std::size_t> m_openByHash;  // state hash -> slot on the frontier
    std::unordered_map<std::uint64_t, std::size_t> m_closed;      // state hash -> g when expanded
    std::vector<Slot> m_slots;
    std::vector<std::size_t> m_free;
    std::vector<Record> m_records;
    std::vector<unsigned> m_swapArena;
    std::vector<Candidate> m_candidates;
    std::vector<unsigned> m_swapBuffer;
    std::vector<char> m_busy;
    std::optional<TermState> m_current;
    std::optional<TermState> m_layer;
    std::size_t m_seq = 0;
    QubitLayout m_finalLayout;
    double m_w;  // weight of h in f = g + w h
};

} // namespace

RoutedLayer routeAStar(const CouplingGraph& device, const std::vector<std::pair<unsigned, unsigned>>& terms,
                       const QubitLayout& layout, const RoutingOptions& options, RunControl& control)
{
    detail::validateRoutingOptions(options);
    detail::validateRoutingInput(device, terms, layout);
    const detail::TermContext context(device, terms, static_cast<unsigned>(layout.size()), options.distanceExponent);
    AStarSearch search(context, options);
    std::vector<RoutingStep> steps = search.run(layout, options.maxExpansions, control);
    return detail::finishLayer(std::move(steps), layout, search.finalLayout(), options.mergeSwapsWithTerms, true);
}

} // namespace engine
