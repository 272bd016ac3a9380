// SPDX-License-Identifier: MIT
// Internal pieces shared by the routers: input checks, the commuting-term routing state, swap merging, finishing.
#pragma once

#include "core/run_control.h"
#include "transpile/swap_routing.h"

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace engine::detail {

using TermList = std::vector<std::pair<unsigned, unsigned>>;

/// Throws Error(InvalidArgument) when `layout` is not injective or leaves the device, a term is a self-loop or
/// names a logical qubit >= layout.size(), or a term's endpoints sit in different components of `device`.
void validateRoutingInput(const CouplingGraph& device, const TermList& terms, const QubitLayout& layout);

/// Throws Error(InvalidArgument) for a distance exponent that is not finite and positive, or an A* or SABRE
/// weight that is negative or not finite.
void validateRoutingOptions(const RoutingOptions& options);

/// Folds swaps into terms on the same pair (RoutingStep::Kind::SwapAndTerm). With `termsCommute` a term may be
/// moved past other terms to reach the swap (QAOA cost layers); without, only a term that is the swap's direct
/// neighbour on both qubits is merged (ordered gate sequences). O(steps * local run length).
void mergeSwapsWithTerms(std::vector<RoutingStep>& steps, bool termsCommute);

/// Builds the RoutedLayer: optional merging, swap counts, ASAP schedule.
RoutedLayer finishLayer(std::vector<RoutingStep> steps, QubitLayout initialLayout, QubitLayout finalLayout,
                        bool merge, bool termsCommute);

/// The immutable part of a commuting-term routing problem, shared by every search state.
struct TermContext {
    const CouplingGraph* device = nullptr;
    const TermList* terms = nullptr;
    unsigned numLogical = 0;
    std::vector<std::vector<unsigned>> termsOf;  ///< termsOf[logical]: indices of the terms touching it
    std::vector<double> distancePower;           ///< distancePower[d] = d^q for every finite hop count d
    double power(unsigned d) const { return distancePower[d]; }

    TermContext(const CouplingGraph& device, const TermList& terms, unsigned numLogical, double exponent);
};

/// Layout plus the set U of unimplemented terms and D = sum over U of d(T)^q, with O(degree) incremental swap
/// updates (algorithms.md 7.3). A plain value: search nodes copy it.
class TermState {
public:
    TermState(const TermContext& context, const QubitLayout& layout);

    const TermContext& context() const { return *m_context; }
    unsigned physOf(unsigned logical) const { return m_physOf[logical]; }
    int logicalAt(unsigned phys) const { return m_logicalAt[phys]; }
    bool isPending(unsigned term) const { return m_pending[term] != 0; }
    std::size_t pendingCount() const { return m_pendingCount; }
    /// Pending terms touching the logical qubit on `phys` (0 for an empty qubit).
    unsigned pendingDegreeAt(unsigned phys) const
    {
        const int x = m_logicalAt[phys];
        return x < 0 ? 0u : m_pendingDegree[static_cast<unsigned>(x)];
    }
    double totalDistance() const { return m_total; }
    /// A 64-bit hash of (layout, pending set), updated incrementally; equal states have equal hashes.
    std::uint64_t hash() const { return m_hash; }
    unsigned termDistance(unsigned term) const;
    const QubitLayout& layout() const { return m_physOf; }

    /// Change of D if the contents of coupled qubits a and b were exchanged. O(pending degree of both).
    double swapDelta(unsigned a, unsigned b) const;
    /// Number of pending terms that would sit on a coupler after exchanging a and b.
    unsigned swapNewlyAdjacent(unsigned a, unsigned b) const;
    /// True when exchanging a and b brings some pending term of either content closer.
    bool swapIsRelevant(unsigned a, unsigned b) const;
    /// swapIsRelevant, swapDelta and swapNewlyAdjacent in one pass over the pending terms of both contents.
    struct SwapEffect {
        bool relevant = false;
        double delta = 0.0;
        unsigned newlyAdjacent = 0;
    };
    SwapEffect swapEffect(unsigned a, unsigned b) const;
    /// Exchanges the contents of a and b and updates D.
    void applySwap(unsigned a, unsigned b);
    /// Marks every pending term at distance 1 touching the contents of a or b as implemented; appends their
    /// indices, ascending, to `implemented`.
    void implementAdjacentAt(unsigned a, unsigned b, std::vector<unsigned>& implemented);
    /// The same for all pending terms.
    void implementAllAdjacent(std::vector<unsigned>& implemented);

private:
    void markImplemented(unsigned term);

    const TermContext* m_context = nullptr;
    QubitLayout m_physOf;           // logical -> physical
    std::vector<int> m_logicalAt;   // physical -> logical, -1 when empty
    std::vector<char> m_pending;    // per term
    std::vector<unsigned> m_pendingDegree;  // per logical
    std::size_t m_pendingCount = 0;
    double m_total = 0.0;
    std::uint64_t m_hash = 0;
};

/// Appends a Swap step.
void emitSwap(std::vector<RoutingStep>& steps, unsigned a, unsigned b);
/// Appends one Term step per index in `implemented`, on the term's current physical qubits.
void emitTerms(std::vector<RoutingStep>& steps, const TermState& state, const std::vector<unsigned>& implemented);

/// Runs the greedy swap network (algorithms.md 7.3) from `state` until no term is pending, appending its steps.
/// Terminates: a fallback step commits to the closest term until it is implemented (D-lowering swaps that do
/// not move that term away are still preferred meanwhile), so each fallback episode implements a term.
void greedyComplete(TermState& state, std::vector<RoutingStep>& steps);

} // namespace engine::detail
