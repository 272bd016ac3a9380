// SPDX-License-Identifier: MIT
// What every router shares: names, dispatch, input checks, the term state, swap merging, scheduling, checking.
#include "transpile/swap_routing.h"

#include "core/error.h"
#include "transpile/routing_internal.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace engine {

std::size_t RoutedLayer::twoQubitGates() const
{
    std::size_t cnots = 0;
    for (const RoutingStep& step : steps)
        cnots += step.kind == RoutingStep::Kind::Term ? 2 : 3;
    return cnots;
}

const char* routerKindName(RouterKind kind) noexcept
{
    switch (kind) {
    case RouterKind::Greedy: return "greedy";
    case RouterKind::AStar: return "astar";
    case RouterKind::Sabre: return "sabre";
    }
    return "greedy";
}

RouterKind routerKindFromName(const std::string& name)
{
    for (RouterKind kind : {RouterKind::Greedy, RouterKind::AStar, RouterKind::Sabre}) {
        if (name == routerKindName(kind))
            return kind;
    }
    throw Error(ErrorCode::InvalidArgument, "unknown router '" + name + "' (expected greedy, astar or sabre)",
                "router");
}

RoutedLayer routeTerms(RouterKind kind, const CouplingGraph& device,
                       const std::vector<std::pair<unsigned, unsigned>>& terms, const QubitLayout& layout,
                       const RoutingOptions& options, RunControl& control)
{
    switch (kind) {
    case RouterKind::Greedy: return routeGreedy(device, terms, layout, options, control);
    case RouterKind::AStar: return routeAStar(device, terms, layout, options, control);
    case RouterKind::Sabre: return routeSabre(device, terms, layout, options, control);
    }
    throw Error(ErrorCode::InvalidArgument, "unknown router kind", "kind");
}

void scheduleSteps(RoutedLayer& layer)
{
    unsigned numQubits = 0;
    for (const RoutingStep& step : layer.steps)
        numQubits = std::max({numQubits, step.physA + 1, step.physB + 1});
    std::vector<unsigned> freeAt(numQubits, 0);
    std::size_t depth = 0;
    for (RoutingStep& step : layer.steps) {
        const unsigned t = std::max(freeAt[step.physA], freeAt[step.physB]);
        step.timeStep = t;
        freeAt[step.physA] = freeAt[step.physB] = t + 1;
        depth = std::max<std::size_t>(depth, t + 1);
    }
    layer.depth = depth;
}

std::string checkRoutedLayer(const CouplingGraph& device, const std::vector<std::pair<unsigned, unsigned>>& terms,
                             const RoutedLayer& layer)
{
    const unsigned n = device.numQubits();
    std::vector<int> logicalAt(n, -1);
    for (std::size_t logical = 0; logical < layer.initialLayout.size(); ++logical) {
        const unsigned phys = layer.initialLayout[logical];
        if (phys >= n)
            return "initial layout puts logical " + std::to_string(logical) + " on missing qubit " +
                   std::to_string(phys);
        if (logicalAt[phys] >= 0)
            return "initial layout is not injective at physical " + std::to_string(phys);
        logicalAt[phys] = static_cast<int>(logical);
    }
    for (std::size_t t = 0; t < terms.size(); ++t) {
        if (terms[t].first >= layer.initialLayout.size() || terms[t].second >= layer.initialLayout.size())
            return "term " + std::to_string(t) + " names a logical qubit outside the layout";
    }
    std::vector<int> done(terms.size(), 0);
    std::size_t swaps = 0;
    std::size_t merged = 0;
    for (std::size_t s = 0; s < layer.steps.size(); ++s) {
        const RoutingStep& step = layer.steps[s];
        const std::string here = "step " + std::to_string(s) + ": ";
        if (step.physA >= n || step.physB >= n || !device.areCoupled(step.physA, step.physB))
            return here + "(" + std::to_string(step.physA) + ", " + std::to_string(step.physB) +
                   ") is not a coupler";
        if (step.kind == RoutingStep::Kind::Swap) {
            if (step.term != -1)
                return here + "a swap names a term";
        } else {
            if (step.term < 0 || static_cast<std::size_t>(step.term) >= terms.size())
                return here + "term index " + std::to_string(step.term) + " out of range";
            const auto [u, v] = terms[static_cast<std::size_t>(step.term)];
            const int x = logicalAt[step.physA];
            const int y = logicalAt[step.physB];
            const bool onPair = (x == static_cast<int>(u) && y == static_cast<int>(v)) ||
                                (x == static_cast<int>(v) && y == static_cast<int>(u));
            if (!onPair)
                return here + "term " + std::to_string(step.term) + " does not sit on (" +
                       std::to_string(step.physA) + ", " + std::to_string(step.physB) + ")";
            if (done[static_cast<std::size_t>(step.term)]++)
                return here + "term " + std::to_string(step.term) + " executed twice";
        }
        if (step.kind != RoutingStep::Kind::Term) {
            std::swap(logicalAt[step.physA], logicalAt[step.physB]);
            ++swaps;
            if (step.kind == RoutingStep::Kind::SwapAndTerm)
                ++merged;
        }
    }
    for (std::size_t t = 0; t < terms.size(); ++t) {
        if (!done[t])
            return "term " + std::to_string(t) + " never executed";
    }
    if (layer.finalLayout.size() != layer.initialLayout.size())
        return "final layout has the wrong size";
    for (std::size_t logical = 0; logical < layer.finalLayout.size(); ++logical) {
        const unsigned phys = layer.finalLayout[logical];
        if (phys >= n || logicalAt[phys] != static_cast<int>(logical))
            return "final layout differs from the replay at logical " + std::to_string(logical);
    }
    if (swaps != layer.swaps || merged != layer.mergedSwaps)
        return "swap counts " + std::to_string(layer.swaps) + "/" + std::to_string(layer.mergedSwaps) +
               " differ from the replay " + std::to_string(swaps) + "/" + std::to_string(merged);
    RoutedLayer rescheduled = layer;
    scheduleSteps(rescheduled);
    if (rescheduled.depth != layer.depth)
        return "depth " + std::to_string(layer.depth) + " differs from the ASAP schedule " +
               std::to_string(rescheduled.depth);
    return {};
}

namespace detail {

namespace {

std::uint64_t mixBits(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// Zobrist-style keys computed on the fly: no table of numLogical x numQubits entries.
std::uint64_t placementKey(unsigned logical, unsigned phys)
{
    return mixBits((std::uint64_t{logical} << 32) | phys);
}

std::uint64_t termKey(unsigned term)
{
    return mixBits(0x5bd1e9955bd1e995ULL ^ (std::uint64_t{term} << 1));
}

} // namespace

void validateRoutingInput(const CouplingGraph& device, const TermList& terms, const QubitLayout& layout)
{
    const unsigned n = device.numQubits();
    std::vector<char> used(n, 0);
    for (std::size_t logical = 0; logical < layout.size(); ++logical) {
        const unsigned phys = layout[logical];
        if (phys >= n)
            throw Error(ErrorCode::InvalidArgument,
                        "physical qubit " + std::to_string(phys) + " is not on the " + std::to_string(n) +
                            "-qubit device",
                        indexedPlace("layout", logical));
        if (used[phys])
            throw Error(ErrorCode::InvalidArgument,
                        "physical qubit " + std::to_string(phys) + " holds two logical qubits",
                        indexedPlace("layout", logical));
        used[phys] = 1;
    }
    for (std::size_t t = 0; t < terms.size(); ++t) {
        const auto [u, v] = terms[t];
        if (u == v || u >= layout.size() || v >= layout.size())
            throw Error(ErrorCode::InvalidArgument,
                        "term (" + std::to_string(u) + ", " + std::to_string(v) +
                            ") is a self-loop or names a logical qubit outside 0.." +
                            std::to_string(layout.empty() ? 0 : layout.size() - 1),
                        indexedPlace("terms", t));
        if (device.distance(layout[u], layout[v]) == UNREACHABLE)
            throw Error(ErrorCode::InvalidArgument,
                        "the endpoints of term (" + std::to_string(u) + ", " + std::to_string(v) +
                            ") sit in different components of the coupling graph; no swaps can join them",
                        indexedPlace("terms", t));
    }
}

void validateRoutingOptions(const RoutingOptions& options)
{
    if (!std::isfinite(options.distanceExponent) || options.distanceExponent <= 0.0)
        throw Error(ErrorCode::InvalidArgument, "the distance exponent q must be finite and positive",
                    "distanceExponent");
    if (!std::isfinite(options.astarHeuristicWeight) || options.astarHeuristicWeight < 0.0)
        throw Error(ErrorCode::InvalidArgument, "the A* heuristic weight must be finite and non-negative",
                    "astarHeuristicWeight");
    if (!std::isfinite(options.sabreLookaheadWeight) || options.sabreLookaheadWeight < 0.0)
        throw Error(ErrorCode::InvalidArgument, "the look-ahead weight must be finite and non-negative",
                    "sabreLookaheadWeight");
    if (!std::isfinite(options.sabreDecay) || options.sabreDecay < 0.0)
        throw Error(ErrorCode::InvalidArgument, "the decay increment must be finite and non-negative", "sabreDecay");
}

void mergeSwapsWithTerms(std::vector<RoutingStep>& steps, bool termsCommute)
{
    std::vector<char> removed(steps.size(), 0);
    auto touches = [](const RoutingStep& s, unsigned a, unsigned b) {
        return s.physA == a || s.physB == a || s.physA == b || s.physB == b;
    };
    auto samePair = [](const RoutingStep& s, unsigned a, unsigned b) {
        return (s.physA == a && s.physB == b) || (s.physA == b && s.physB == a);
    };
    // Returns the index of a Term on (a, b) reachable from `from` in direction `dir`, or -1.
    auto findTerm = [&](std::size_t from, int dir, unsigned a, unsigned b) -> long {
        for (long j = static_cast<long>(from) + dir; j >= 0 && j < static_cast<long>(steps.size()); j += dir) {
            const RoutingStep& s = steps[static_cast<std::size_t>(j)];
            if (removed[static_cast<std::size_t>(j)] || !touches(s, a, b))
                continue;
            if (s.kind == RoutingStep::Kind::Term && samePair(s, a, b))
                return j;
            // ZZ terms commute with each other, so a term may slide past terms that share one qubit.
            if (s.kind == RoutingStep::Kind::Term && termsCommute)
                continue;
            return -1;
        }
        return -1;
    };
    for (std::size_t i = 0; i < steps.size(); ++i) {
        RoutingStep& swap = steps[i];
        if (swap.kind != RoutingStep::Kind::Swap)
            continue;
        long j = findTerm(i, -1, swap.physA, swap.physB);
        if (j < 0)
            j = findTerm(i, +1, swap.physA, swap.physB);
        if (j < 0)
            continue;
        removed[static_cast<std::size_t>(j)] = 1;
        swap.kind = RoutingStep::Kind::SwapAndTerm;
        swap.term = steps[static_cast<std::size_t>(j)].term;
    }
    std::size_t out = 0;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (!removed[i])
            steps[out++] = steps[i];
    }
    steps.resize(out);
}

RoutedLayer finishLayer(std::vector<RoutingStep> steps, QubitLayout initialLayout, QubitLayout finalLayout, bool merge,
                        bool termsCommute)
{
    if (merge)
        mergeSwapsWithTerms(steps, termsCommute);
    RoutedLayer layer;
    layer.steps = std::move(steps);
    layer.initialLayout = std::move(initialLayout);
    layer.finalLayout = std::move(finalLayout);
    for (const RoutingStep& step : layer.steps) {
        if (step.kind != RoutingStep::Kind::Term)
            ++layer.swaps;
        if (step.kind == RoutingStep::Kind::SwapAndTerm)
            ++layer.mergedSwaps;
    }
    scheduleSteps(layer);
    return layer;
}

TermContext::TermContext(const CouplingGraph& deviceGraph, const TermList& termList, unsigned logicalCount,
                         double exponent)
    : device(&deviceGraph), terms(&termList), numLogical(logicalCount), termsOf(logicalCount)
{
    for (unsigned t = 0; t < termList.size(); ++t) {
        termsOf[termList[t].first].push_back(t);
        termsOf[termList[t].second].push_back(t);
    }
    distancePower.resize(std::max(1u, deviceGraph.numQubits()));
    for (std::size_t d = 0; d < distancePower.size(); ++d)
        distancePower[d] = exponent == 1.0 ? static_cast<double>(d) : std::pow(static_cast<double>(d), exponent);
}

TermState::TermState(const TermContext& context, const QubitLayout& layout)
    : m_context(&context),
      m_physOf(layout),
      m_logicalAt(context.device->numQubits(), -1),
      m_pending(context.terms->size(), 1),
      m_pendingDegree(context.numLogical, 0),
      m_pendingCount(context.terms->size())
{
    for (unsigned logical = 0; logical < layout.size(); ++logical) {
        m_logicalAt[layout[logical]] = static_cast<int>(logical);
        m_hash ^= placementKey(logical, layout[logical]);
    }
    for (unsigned t = 0; t < context.terms->size(); ++t) {
        m_hash ^= termKey(t);
        const auto [u, v] = (*context.terms)[t];
        ++m_pendingDegree[u];
        ++m_pendingDegree[v];
        m_total += context.power(termDistance(t));
    }
}

unsigned TermState::termDistance(unsigned term) const
{
    const auto [u, v] = (*m_context->terms)[term];
    return m_context->device->distance(m_physOf[u], m_physOf[v]);
}

namespace {

/// Calls `visit(at)` with the physical qubit `at` of every pending term partner of the logical qubit on `from`,
/// except the content of `to` (swapping `from` and `to` leaves that term's distance as it is), and stops at the
/// first call that returns true; whether one did. O(terms of that logical qubit).
template <class Visit>
bool anyPendingPartner(const TermState& state, unsigned from, unsigned to, Visit visit)
{
    if (state.pendingDegreeAt(from) == 0)
        return false;
    const TermContext& context = state.context();
    const TermList& terms = *context.terms;
    const auto who = static_cast<unsigned>(state.logicalAt(from));
    const int partner = state.logicalAt(to);
    for (unsigned t : context.termsOf[who]) {
        if (!state.isPending(t))
            continue;
        const unsigned other = terms[t].first == who ? terms[t].second : terms[t].first;
        // Between coupled a and b such a term cannot even be pending: it would have been implemented.
        if (static_cast<int>(other) == partner)
            continue;
        if (visit(state.physOf(other)))
            return true;
    }
    return false;
}

} // namespace

double TermState::swapDelta(unsigned a, unsigned b) const
{
    const CouplingGraph& device = *m_context->device;
    double delta = 0.0;
    // Moving the content of `from` to `to`; terms with the other swapped content keep their distance.
    auto moved = [&](unsigned from, unsigned to) {
        anyPendingPartner(*this, from, to, [&](unsigned at) {
            delta += m_context->power(device.distance(to, at)) - m_context->power(device.distance(from, at));
            return false;
        });
    };
    moved(a, b);
    moved(b, a);
    return delta;
}

unsigned TermState::swapNewlyAdjacent(unsigned a, unsigned b) const
{
    const CouplingGraph& device = *m_context->device;
    unsigned count = 0;
    auto moved = [&](unsigned from, unsigned to) {
        anyPendingPartner(*this, from, to, [&](unsigned at) {
            count += device.distance(to, at) == 1 ? 1 : 0;
            return false;
        });
    };
    moved(a, b);
    moved(b, a);
    return count;
}

bool TermState::swapIsRelevant(unsigned a, unsigned b) const
{
    const CouplingGraph& device = *m_context->device;
    auto closer = [&](unsigned from, unsigned to) {
        return anyPendingPartner(*this, from, to,
                                 [&](unsigned at) { return device.distance(to, at) < device.distance(from, at); });
    };
    return closer(a, b) || closer(b, a);
}

TermState::SwapEffect TermState::swapEffect(unsigned a, unsigned b) const
{
    const CouplingGraph& device = *m_context->device;
    SwapEffect effect;
    auto moved = [&](unsigned from, unsigned to) {
        anyPendingPartner(*this, from, to, [&](unsigned at) {
            const unsigned before = device.distance(from, at);
            const unsigned after = device.distance(to, at);
            effect.delta += m_context->power(after) - m_context->power(before);
            effect.relevant = effect.relevant || after < before;
            effect.newlyAdjacent += after == 1 ? 1 : 0;
            return false;
        });
    };
    moved(a, b);
    moved(b, a);
    return effect;
}

void TermState::applySwap(unsigned a, unsigned b)
{
    m_total += swapDelta(a, b);
    const int x = m_logicalAt[a];
    const int y = m_logicalAt[b];
    std::swap(m_logicalAt[a], m_logicalAt[b]);
    if (x >= 0) {
        m_physOf[static_cast<unsigned>(x)] = b;
        m_hash ^= placementKey(static_cast<unsigned>(x), a) ^ placementKey(static_cast<unsigned>(x), b);
    }
    if (y >= 0) {
        m_physOf[static_cast<unsigned>(y)] = a;
        m_hash ^= placementKey(static_cast<unsigned>(y), a) ^ placementKey(static_cast<unsigned>(y), b);
    }
}

void TermState::markImplemented(unsigned term)
{
    const auto [u, v] = (*m_context->terms)[term];
    m_pending[term] = 0;
    m_hash ^= termKey(term);
    --m_pendingDegree[u];
    --m_pendingDegree[v];
    --m_pendingCount;
    m_total -= m_context->power(1);
}

void TermState::implementAdjacentAt(unsigned a, unsigned b, std::vector<unsigned>& implemented)
{
    const std::size_t first = implemented.size();
    for (unsigned phys : {a, b}) {
        const int x = m_logicalAt[phys];
        if (x < 0 || m_pendingDegree[static_cast<unsigned>(x)] == 0)
            continue;
        for (unsigned t : m_context->termsOf[static_cast<unsigned>(x)]) {
            if (m_pending[t] && termDistance(t) == 1) {
                markImplemented(t);
                implemented.push_back(t);
            }
        }
    }
    std::sort(implemented.begin() + static_cast<long>(first), implemented.end());
}

void TermState::implementAllAdjacent(std::vector<unsigned>& implemented)
{
    for (unsigned t = 0; t < m_pending.size(); ++t) {
        if (m_pending[t] && termDistance(t) == 1) {
            markImplemented(t);
            implemented.push_back(t);
        }
    }
}

void emitSwap(std::vector<RoutingStep>& steps, unsigned a, unsigned b)
{
    RoutingStep step;
    step.kind = RoutingStep::Kind::Swap;
    step.physA = a;
    step.physB = b;
    steps.push_back(step);
}

void emitTerms(std::vector<RoutingStep>& steps, const TermState& state, const std::vector<unsigned>& implemented)
{
    const TermList& terms = *state.context().terms;
    for (unsigned t : implemented) {
        RoutingStep step;
        step.kind = RoutingStep::Kind::Term;
        step.physA = state.physOf(terms[t].first);
        step.physB = state.physOf(terms[t].second);
        step.term = static_cast<int>(t);
        steps.push_back(step);
    }
}

} // namespace detail
} // namespace engine
