// SPDX-License-Identifier: MIT
// SABRE routing of an ordered two-qubit gate sequence (front layer, look-ahead set, decay, release valve, trials).
#include "transpile/swap_routing.h"

#include "transpile/routing_internal.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

namespace engine {
namespace {

// Qiskit's SABRE resets the decay factors after this many swaps without an executed gate.
constexpr unsigned DECAY_RESET_INTERVAL = 5;
// Scores within this distance count as ties, broken by the trial's random generator.
constexpr double SCORE_TIE_EPS = 1e-10;

std::uint64_t splitMix64(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// The dependency DAG of the gate sequence: gate k waits for the previous gate on each of its two qubits.
struct GateDag {
    std::vector<unsigned> predecessorCount;
    std::vector<std::vector<unsigned>> successors;

    GateDag(const detail::TermList& gates, std::size_t numLogical)
        : predecessorCount(gates.size(), 0), successors(gates.size())
    {
        std::vector<int> last(numLogical, -1);
        for (unsigned k = 0; k < gates.size(); ++k) {
            const int p = last[gates[k].first];
            const int q = last[gates[k].second];
            if (p >= 0) {
                successors[static_cast<unsigned>(p)].push_back(k);
                ++predecessorCount[k];
            }
            if (q >= 0 && q != p) {
                successors[static_cast<unsigned>(q)].push_back(k);
                ++predecessorCount[k];
            }
            last[gates[k].first] = static_cast<int>(k);
            last[gates[k].second] = static_cast<int>(k);
        }
    }
};

class SabreTrial {
public:
    SabreTrial(const CouplingGraph& device, const detail::TermList& gates, const GateDag& dag,
               const RoutingOptions& options, std::uint64_t seed)
        : m_device(device), m_gates(gates), m_dag(dag), m_options(options), m_rng(seed)
    {
    }

    std::vector<RoutingStep> run(const QubitLayout& layout)
    {
        const unsigned n = m_device.numQubits();
        m_physOf = layout;
        m_logicalAt.assign(n, -1);
        for (unsigned logical = 0; logical < layout.size(); ++logical)
            m_logicalAt[layout[logical]] = static_cast<int>(logical);
        m_remaining = m_dag.predecessorCount;
        m_scratch.assign(m_gates.size(), 0);
        m_decay.assign(n, 1.0);
        m_front.clear();
        for (unsigned k = 0; k < m_gates.size(); ++k) {
            if (m_remaining[k] == 0)
                m_front.push_back(k);
        }
        // LightSABRE's release valve (as in Qiskit): after 10 swaps per logical qubit without a routed gate, undo
        // them and bring the closest front gate together along a shortest path.
        const std::size_t attemptLimit = 10 * std::max<std::size_t>(1, layout.size());
        unsigned searchSteps = 0;
        std::vector<RoutingStep> steps;
        executeReady(steps);
        while (!m_front.empty()) {
            const std::size_t progressMark = steps.size();
            bool routed = false;
            while (!routed && steps.size() - progressMark <= attemptLimit) {
                buildExtendedSet();
                const auto [a, b] = chooseSwap();
                swap(a, b, steps);
                routed = frontGateRoutableAt(a, b);
                if (++searchSteps >= DECAY_RESET_INTERVAL) {
                    std::fill(m_decay.begin(), m_decay.end(), 1.0);
                    searchSteps = 0;
                } else {
                    m_decay[a] += m_options.sabreDecay;
                    m_decay[b] += m_options.sabreDecay;
                }
            }
            if (!routed) {
                for (std::size_t k = steps.size(); k > progressMark; --k)
                    exchange(steps[k - 1].physA, steps[k - 1].physB);
                steps.resize(progressMark);
                forceClosest(steps);
            }
            executeReady(steps);
            std::fill(m_decay.begin(), m_decay.end(), 1.0);
        }
        return steps;
    }

    const QubitLayout& finalLayout() const { return m_physOf; }

private:
    unsigned gateDistance(unsigned k) const
    {
        return m_device.distance(m_physOf[m_gates[k].first], m_physOf[m_gates[k].second]);
    }

    // Whether a front gate touching the contents of a or b now sits on a coupler.
    bool frontGateRoutableAt(unsigned a, unsigned b) const
    {
        const int x = m_logicalAt[a];
        const int y = m_logicalAt[b];
        for (unsigned k : m_front) {
            const auto [u, v] = m_gates[k];
            const bool touches = static_cast<int>(u) == x || static_cast<int>(v) == x || static_cast<int>(u) == y ||
                                 static_cast<int>(v) == y;
            if (touches && gateDistance(k) == 1)
                return true;
        }
        return false;
    }

    void exchange(unsigned a, unsigned b)
    {
        const int x = m_logicalAt[a];
        const int y = m_logicalAt[b];
        std::swap(m_logicalAt[a], m_logicalAt[b]);
        if (x >= 0)
            m_physOf[static_cast<unsigned>(x)] = b;
        if (y >= 0)
            m_physOf[static_cast<unsigned>(y)] = a;
    }

    void swap(unsigned a, unsigned b, std::vector<RoutingStep>& steps)
    {
        exchange(a, b);
        detail::emitSwap(steps, a, b);
    }

    // Executes front gates on coupled qubits until none is left; returns whether any ran.
    bool executeReady(std::vector<RoutingStep>& steps)
    {
        bool any = false;
        bool progress = true;
        while (progress) {
            progress = false;
            std::vector<unsigned> next;
            for (unsigned k : m_front) {
                if (gateDistance(k) != 1) {
                    next.push_back(k);
                    continue;
                }
                RoutingStep step;
                step.kind = RoutingStep::Kind::Term;
                step.physA = m_physOf[m_gates[k].first];
                step.physB = m_physOf[m_gates[k].second];
                step.term = static_cast<int>(k);
                steps.push_back(step);
                for (unsigned s : m_dag.successors[k]) {
                    if (--m_remaining[s] == 0)
                        next.push_back(s);
                }
                progress = true;
                any = true;
            }
            std::sort(next.begin(), next.end());
            m_front = std::move(next);
        }
        return any;
    }

    // The next gates that become ready if the front layer ran, breadth first, up to the look-ahead size.
    void buildExtendedSet()
    {
        m_extended.clear();
        const std::size_t limit = m_options.sabreLookahead;
        if (limit == 0)
            return;
        std::vector<unsigned> visit = m_front;
        std::vector<unsigned> touched;
        for (std::size_t i = 0; i < visit.size() && m_extended.size() < limit; ++i) {
            for (unsigned s : m_dag.successors[visit[i]]) {
                if (m_scratch[s] == 0)
                    touched.push_back(s);
                if (++m_scratch[s] == m_remaining[s]) {
                    m_extended.push_back(s);
                    visit.push_back(s);
                    if (m_extended.size() >= limit)
                        break;
                }
            }
        }
        for (unsigned s : touched)
            m_scratch[s] = 0;
    }

    // Lowest decay-weighted look-ahead score over the swaps touching a qubit of the front layer; random ties.
    std::pair<unsigned, unsigned> chooseSwap()
    {
        m_candidates.clear();
        for (unsigned k : m_front) {
            for (unsigned logical : {m_gates[k].first, m_gates[k].second}) {
                const unsigned a = m_physOf[logical];
                for (unsigned b : m_device.neighbours(a))
                    m_candidates.emplace_back(std::min(a, b), std::max(a, b));
            }
        }
        std::sort(m_candidates.begin(), m_candidates.end());
        m_candidates.erase(std::unique(m_candidates.begin(), m_candidates.end()), m_candidates.end());

        double best = std::numeric_limits<double>::infinity();
        std::vector<std::size_t> ties;
        for (std::size_t i = 0; i < m_candidates.size(); ++i) {
            const auto [a, b] = m_candidates[i];
            auto after = [a = a, b = b](unsigned p) { return p == a ? b : (p == b ? a : p); };
            auto sumDistance = [&](const std::vector<unsigned>& set) {
                double sum = 0.0;
                for (unsigned k : set)
                    sum += m_device.distance(after(m_physOf[m_gates[k].first]), after(m_physOf[m_gates[k].second]));
                return sum;
            };
            // Qiskit's defaults: the front layer's summed distance unscaled (scaling it by size can stall the
            // search, Qiskit PR 14458), the extended set's mean weighted by the look-ahead weight.
            double score = sumDistance(m_front);
            if (!m_extended.empty())
                score += m_options.sabreLookaheadWeight * sumDistance(m_extended) /
                         static_cast<double>(m_extended.size());
            score *= std::max(m_decay[a], m_decay[b]);
            if (score < best - SCORE_TIE_EPS) {
                best = score;
                ties.clear();
                ties.push_back(i);
            } else if (score <= best + SCORE_TIE_EPS) {
                ties.push_back(i);
            }
        }
        const std::size_t pick = ties.size() == 1 ? ties[0] : ties[m_rng() % ties.size()];
        return m_candidates[pick];
    }

    // Brings the closest front gate together along a shortest path, moving both ends towards the middle
    // (guarantees progress).
    void forceClosest(std::vector<RoutingStep>& steps)
    {
        unsigned best = m_front.front();
        for (unsigned k : m_front) {
            if (gateDistance(k) < gateDistance(best))
                best = k;
        }
        const std::vector<unsigned> path =
            m_device.shortestPath(m_physOf[m_gates[best].first], m_physOf[m_gates[best].second]);
        const std::size_t split = path.size() / 2;
        for (std::size_t i = 0; i < split; ++i)
            swap(path[i], path[i + 1], steps);
        for (std::size_t i = 0; i + 1 < split; ++i) {
            const std::size_t end = path.size() - 1 - i;
            swap(path[end], path[end - 1], steps);
        }
    }

    const CouplingGraph& m_device;
    const detail::TermList& m_gates;
    const GateDag& m_dag;
    const RoutingOptions& m_options;
    std::mt19937_64 m_rng;
    QubitLayout m_physOf;
    std::vector<int> m_logicalAt;
    std::vector<unsigned> m_remaining;
    std::vector<unsigned> m_scratch;
    std::vector<double> m_decay;
    std::vector<unsigned> m_front;
    std::vector<unsigned> m_extended;
    std::vector<std::pair<unsigned, unsigned>> m_candidates;
};

} // namespace

RoutedLayer routeSabre(const CouplingGraph& device, const std::vector<std::pair<unsigned, unsigned>>& gates,
                       const QubitLayout& layout, const RoutingOptions& options, RunControl& control)
{
    detail::validateRoutingOptions(options);
    detail::validateRoutingInput(device, gates, layout);
    const GateDag dag(gates, layout.size());
    const unsigned trials = std::max(1u, options.sabreTrials);
    RoutedLayer best;
    bool haveBest = false;
    for (unsigned t = 0; t < trials; ++t) {
        if (haveBest && control.isCancelled())
            break;
        SabreTrial trial(device, gates, dag, options, splitMix64(options.seed + splitMix64(t)));
        std::vector<RoutingStep> steps = trial.run(layout);
        RoutedLayer layer =
            detail::finishLayer(std::move(steps), layout, trial.finalLayout(), options.mergeSwapsWithTerms, false);
        if (!haveBest || layer.swaps < best.swaps || (layer.swaps == best.swaps && layer.depth < best.depth)) {
            best = std::move(layer);
            haveBest = true;
        }
    }
    return best;
}

} // namespace engine
