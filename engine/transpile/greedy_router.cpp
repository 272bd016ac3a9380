// SPDX-License-Identifier: MIT
// The greedy swap network (algorithms.md 7.3): implement adjacent terms, else the swap that lowers D most.
#include "transpile/swap_routing.h"

#include "transpile/routing_internal.h"

#include <limits>

namespace engine {
namespace detail {

namespace {

// Numerical slack for "D strictly decreases" and for ties between swaps, when q != 1 makes D irrational.
constexpr double DELTA_EPS = 1e-9;

// The pending term with the smallest distance (ties: lowest index).
int closestPendingTerm(const TermState& state)
{
    const std::size_t numTerms = state.context().terms->size();
    int best = -1;
    unsigned bestDistance = std::numeric_limits<unsigned>::max();
    for (unsigned t = 0; t < numTerms; ++t) {
        if (!state.isPending(t))
            continue;
        const unsigned d = state.termDistance(t);
        if (d < bestDistance) {
            bestDistance = d;
            best = static_cast<int>(t);
        }
    }
    return best;
}

// The lowest-numbered neighbour of `from` on a shortest path to `to`.
unsigned nextHop(const CouplingGraph& device, unsigned from, unsigned to)
{
    const unsigned d = device.distance(from, to);
    for (unsigned v : device.neighbours(from)) {
        if (device.distance(v, to) + 1u == d)
            return v;
    }
    return from;  // unreachable for validated input: pending terms have 2 <= d < UNREACHABLE
}

} // namespace

void greedyComplete(TermState& state, std::vector<RoutingStep>& steps)
{
    const CouplingGraph& device = *state.context().device;
    const TermList& terms = *state.context().terms;
    const std::vector<Coupler>& couplers = device.couplers();
    std::vector<unsigned> implemented;
    int target = -1;  // the term a fallback step committed to, until it is implemented
    while (state.pendingCount() > 0) {
        unsigned targetDistance = 0;
        unsigned targetU = 0;
        unsigned targetV = 0;
        if (target >= 0) {
            targetU = terms[static_cast<unsigned>(target)].first;
            targetV = terms[static_cast<unsigned>(target)].second;
            targetDistance = state.termDistance(static_cast<unsigned>(target));
        }
        double bestDelta = -DELTA_EPS;
        int bestEdge = -1;
        for (std::size_t e = 0; e < couplers.size(); ++e) {
            const unsigned a = couplers[e].a;
            const unsigned b = couplers[e].b;
            if (state.pendingDegreeAt(a) == 0 && state.pendingDegreeAt(b) == 0)
                continue;
            const double delta = state.swapDelta(a, b);
            if (!(delta < bestDelta - (bestEdge >= 0 ? DELTA_EPS : 0.0)))
                continue;
            if (target >= 0) {
                // While committed, a swap may not move the target's endpoints apart.
                auto after = [&](unsigned p) { return p == a ? b : (p == b ? a : p); };
                if (device.distance(after(state.physOf(targetU)), after(state.physOf(targetV))) > targetDistance)
                    continue;
            }
            bestDelta = delta;
            bestEdge = static_cast<int>(e);
        }
        unsigned a = 0;
        unsigned b = 0;
        if (bestEdge >= 0) {
            a = couplers[static_cast<std::size_t>(bestEdge)].a;
            b = couplers[static_cast<std::size_t>(bestEdge)].b;
        } else {
            if (target < 0)
                target = closestPendingTerm(state);
            const auto [u, v] = terms[static_cast<unsigned>(target)];
            a = state.physOf(u);
            b = nextHop(device, a, state.physOf(v));
        }
        state.applySwap(a, b);
        emitSwap(steps, a, b);
        implemented.clear();
        state.implementAdjacentAt(a, b, implemented);
        emitTerms(steps, state, implemented);
        if (target >= 0 && !state.isPending(static_cast<unsigned>(target)))
            target = -1;
    }
}

} // namespace detail

RoutedLayer routeGreedy(const CouplingGraph& device, const std::vector<std::pair<unsigned, unsigned>>& terms,
                        const QubitLayout& layout, const RoutingOptions& options, RunControl& /*control*/)
{
    detail::validateRoutingOptions(options);
    detail::validateRoutingInput(device, terms, layout);
    const detail::TermContext context(device, terms, static_cast<unsigned>(layout.size()), options.distanceExponent);
    detail::TermState state(context, layout);
    std::vector<RoutingStep> steps;
    std::vector<unsigned> implemented;
    state.implementAllAdjacent(implemented);
    detail::emitTerms(steps, state, implemented);
    detail::greedyComplete(state, steps);
    return detail::finishLayer(std::move(steps), layout, state.layout(), options.mergeSwapsWithTerms, true);
}

} // namespace engine
