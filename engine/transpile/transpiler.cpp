// SPDX-License-Identifier: MIT
// The whole transpilation: logical circuit or QAOA instance to a routed, native, verified ISA circuit.
#include "transpile/transpiler.h"

#include "circuit/qaoa_circuit.h"
#include "core/error.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>

namespace engine {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

/// Qubits a layout may use: all, minus those the calibration marks faulty.
unsigned usableQubits(const DeviceModel& device)
{
    if (device.qubits.empty())
        return device.numQubits;
    return static_cast<unsigned>(std::count_if(device.qubits.begin(), device.qubits.end(),
                                               [](const QubitCalibration& q) { return q.operational; }));
}

void checkValues(std::size_t numParameters, const TranspileOptions& options)
{
    if (!options.parameterValues.empty() && options.parameterValues.size() != numParameters)
        throw Error(ErrorCode::InvalidArgument,
                    std::to_string(options.parameterValues.size()) + " parameter values given for "
                        + std::to_string(numParameters) + " parameters",
                    "parameterValues");
}

void checkFits(unsigned numLogical, const DeviceModel& device)
{
    const unsigned usable = usableQubits(device);
    if (numLogical > usable)
        throw Error(ErrorCode::LimitExceeded,
                    "the circuit needs " + std::to_string(numLogical) + " qubits but " + device.name + " has only "
                        + std::to_string(usable) + " usable qubits",
                    "qubits");
}

/// Replays swaps on a logical -> physical layout and its inverse.
class LayoutTracker {
public:
    LayoutTracker(const QubitLayout& layout, unsigned numPhysical) : m_layout(layout), m_logical(numPhysical, -1)
    {
        for (std::size_t i = 0; i < layout.size(); ++i) {
            if (layout[i] >= numPhysical || m_logical[layout[i]] >= 0)
                throw std::logic_error("transpiler: the router returned a layout that is not injective on the device");
            m_logical[layout[i]] = static_cast<int>(i);
        }
    }
    unsigned physical(unsigned logical) const { return m_layout[logical]; }
    int logicalAt(unsigned physical) const { return m_logical[physical]; }
    const QubitLayout& layout() const { return m_layout; }
    void swap(unsigned a, unsigned b)
    {
        std::swap(m_logical[a], m_logical[b]);
        if (m_logical[a] >= 0)
            m_layout[static_cast<std::size_t>(m_logical[a])] = a;
        if (m_logical[b] >= 0)
            m_layout[static_cast<std::size_t>(m_logical[b])] = b;
    }
    /// True when logical u and v sit on physical a and b (either way round).
    bool holds(unsigned a, unsigned b, unsigned u, unsigned v) const
    {
        return (m_layout[u] == a && m_layout[v] == b) || (m_layout[u] == b && m_layout[v] == a);
    }

private:
    QubitLayout m_layout;
    std::vector<int> m_logical;
};

/// The simple path for the Fiedler layout: the device's snake path when every step of it is a usable coupler.
std::vector<unsigned> usableSnakePath(const DeviceModel& device, const CouplingGraph& graph)
{
    const std::vector<unsigned>& path = device.snakePath;
    for (std::size_t k = 0; k < path.size(); ++k) {
        if (path[k] >= graph.numQubits() || (k > 0 && !graph.areCoupled(path[k - 1], path[k])))
            return {};
    }
    return path;
}

QubitLayout initialLayout(const InteractionGraph& graph, const DeviceModel& device, const CouplingGraph& coupling,
                          const TranspileOptions& options, RunControl& control)
{
    switch (options.layout) {
    case LayoutMethod::Trivial:
        return trivialLayout(graph.numLogical, coupling);
    case LayoutMethod::Fiedler:
        return fiedlerLayout(graph, coupling, usableSnakePath(device, coupling));
    case LayoutMethod::Qap:
        return qapLayout(graph, coupling, options.qap, control);
    case LayoutMethod::Noise:
        return noiseAwareLayout(graph, device);
    }
    throw std::logic_error("transpiler: unknown layout method");
}

/// Fills the figures of `result` from its ISA circuit.
void finish(TranspileResult& result, const DeviceModel& device, const TranspileOptions& options,
            Clock::time_point start)
{
    result.isa = options.parameterValues.empty()
                     ? translateToBasis(result.routed, device, options.basis)
                     : translateToBasis(result.routed.bound(options.parameterValues), device, options.basis);
    const CircuitStats stats = result.isa.stats();
    result.twoQubitGates = stats.twoQubitGates;
    result.depth = stats.depth;
    result.twoQubitDepth = stats.twoQubitDepth;
    result.estimatedFidelity = estimateFidelity(result.isa, device);
    result.seconds = secondsSince(start);
}

std::size_t parameterOf(const Circuit& circuit, const std::string& name)
{
    const std::size_t index = circuit.parameterIndex(name);
    if (index == static_cast<std::size_t>(-1) || index >= circuit.parameters().size())
        throw std::logic_error("transpiler: the QAOA circuit lacks parameter " + name);
    return index;
}

/// The routed QAOA circuit of algorithms.md 1.3/1.4 on physical qubits, from the routed cost layers.
Circuit routedQaoaCircuit(const IsingModel& ising, const InteractionGraph& graph,
                          const std::vector<double>& couplings, const RoutedQaoa& routed, const DeviceModel& device,
                          const Circuit& logical, bool measure)
{
    const auto n = static_cast<unsigned>(ising.numSpins());
    Circuit out(device.numQubits, true);
    for (const std::string& name : logical.parameters())
        out.addParameter(name);
    LayoutTracker tracker(routed.initialLayout, device.numQubits);
    for (unsigned i = 0; i < n; ++i)
        out.gate(GateId::H, {tracker.physical(i)});
    for (std::size_t k = 0; k < routed.layers.size(); ++k) {
        const RoutedLayer& layer = routed.layers[k];
        if (layer.initialLayout != tracker.layout())
            throw std::logic_error("transpiler: routed layer " + std::to_string(k)
                                   + " does not start where the previous one ended");
        const std::size_t gamma = parameterOf(logical, "gamma_" + std::to_string(k));
        const std::size_t beta = parameterOf(logical, "beta_" + std::to_string(k));
        // Fields first: they commute with the whole cost layer, and every logical qubit is still where the layer
        // starts.
        for (unsigned i = 0; i < n; ++i)
            if (ising.h[i] != 0.0)
                out.gate(GateId::RZ, {tracker.physical(i)}, {ParameterExpression::parameter(gamma, 2.0 * ising.h[i])});
        std::vector<char> executed(graph.terms.size(), 0);
        for (const RoutingStep& step : layer.steps) {
            if (step.kind == RoutingStep::Kind::Swap) {
                out.gate(GateId::SWAP, {step.physA, step.physB});
                tracker.swap(step.physA, step.physB);
                continue;
            }
            if (step.term < 0 || static_cast<std::size_t>(step.term) >= graph.terms.size())
                throw std::logic_error("transpiler: routing step names term " + std::to_string(step.term));
            const auto t = static_cast<std::size_t>(step.term);
            if (executed[t])
                throw std::logic_error("transpiler: routed layer " + std::to_string(k) + " executes term "
                                       + std::to_string(t) + " twice");
            executed[t] = 1;
            const auto [u, v] = graph.terms[t];
            if (!tracker.holds(step.physA, step.physB, u, v))
                throw std::logic_error("transpiler: term " + std::to_string(t) + " is executed on qubits "
                                       + std::to_string(step.physA) + ", " + std::to_string(step.physB)
                                       + " that do not hold its endpoints");
            const ParameterExpression theta = ParameterExpression::parameter(gamma, 2.0 * couplings[t]);
            if (step.kind == RoutingStep::Kind::Term) {
                out.gate(GateId::RZZ, {step.physA, step.physB}, {theta});
            } else {
                // SWAP . RZZ(theta) = CNOT(a->b) . CNOT(b->a) . (I x RZ(theta)) . CNOT(a->b) (algorithms.md 1.4)
                const unsigned a = step.physA;
                const unsigned b = step.physB;
                out.gate(GateId::CX, {a, b});
                out.gate(GateId::RZ, {b}, {theta});
                out.gate(GateId::CX, {b, a});
                out.gate(GateId::CX, {a, b});
                tracker.swap(a, b);
            }
        }
        if (std::find(executed.begin(), executed.end(), 0) != executed.end())
            throw std::logic_error("transpiler: routed layer " + std::to_string(k) + " leaves terms out");
        if (layer.finalLayout != tracker.layout())
            throw std::logic_error("transpiler: routed layer " + std::to_string(k)
                                   + " does not end in its stated final layout");
        for (unsigned i = 0; i < n; ++i)
            out.gate(GateId::RX, {tracker.physical(i)}, {ParameterExpression::parameter(beta, 2.0)});
    }
    if (tracker.layout() != routed.finalLayout)
        throw std::logic_error("transpiler: the routed QAOA circuit does not end in the stated final layout");
    if (measure) {
        const unsigned reg = out.addRegister("meas", n);
        for (unsigned i = 0; i < n; ++i)
            out.measure(tracker.physical(i), reg, i);
    }
    return out;
}

/// The routed form of a general circuit: the routed two-qubit gates in the router's order, each preceded by the
/// not yet emitted one-qubit operations of its two logical qubits (program order per qubit), the rest at the end.
Circuit routedGeneralCircuit(const Circuit& logical, const std::vector<std::size_t>& twoQubitOps,
                             const RoutedLayer& layer, const DeviceModel& device)
{
    const unsigned n = logical.numQubits();
    const auto& ops = logical.operations();
    Circuit out(device.numQubits, true);
    for (const std::string& name : logical.parameters())
        out.addParameter(name);
    for (const ClassicalRegister& reg : logical.registers())
        out.addRegister(reg.name, reg.size);

    // Program order per logical qubit (barriers carry no state and are not kept across routing).
    std::vector<std::vector<std::size_t>> perQubit(n);
    for (std::size_t k = 0; k < ops.size(); ++k)
        if (ops[k].kind != OperationKind::Barrier)
            for (unsigned q : ops[k].qubits)
                perQubit[q].push_back(k);
    std::vector<std::size_t> cursor(n, 0);
    LayoutTracker tracker(layer.initialLayout, device.numQubits);

    auto emitMapped = [&](const Operation& op) {
        Operation mapped = op;
        for (unsigned& q : mapped.qubits)
            q = tracker.physical(q);
        out.append(std::move(mapped));
    };
    // Emits qubit q's pending operations up to (not including) operation `until`.
    auto advance = [&](unsigned q, std::size_t until) {
        while (cursor[q] < perQubit[q].size() && perQubit[q][cursor[q]] != until) {
            const Operation& op = ops[perQubit[q][cursor[q]]];
            if (op.qubits.size() != 1)
                throw std::logic_error("transpiler: the router reordered two-qubit gates sharing a qubit");
            emitMapped(op);
            ++cursor[q];
        }
    };

    std::vector<char> done(twoQubitOps.size(), 0);
    for (const RoutingStep& step : layer.steps) {
        if (step.kind != RoutingStep::Kind::Swap) {
            if (step.term < 0 || static_cast<std::size_t>(step.term) >= twoQubitOps.size()
                || done[static_cast<std::size_t>(step.term)])
                throw std::logic_error("transpiler: routing step names gate " + std::to_string(step.term));
            const auto t = static_cast<std::size_t>(step.term);
            done[t] = 1;
            const std::size_t k = twoQubitOps[t];
            const Operation& op = ops[k];
            const unsigned u = op.qubits[0];
            const unsigned v = op.qubits[1];
            if (!tracker.holds(step.physA, step.physB, u, v))
                throw std::logic_error("transpiler: gate " + std::to_string(k) + " is executed on qubits that do "
                                       "not hold its operands");
            advance(u, k);
            advance(v, k);
            if (cursor[u] >= perQubit[u].size() || cursor[v] >= perQubit[v].size())
                throw std::logic_error("transpiler: the router executed a gate twice");
            ++cursor[u];
            ++cursor[v];
            emitMapped(op);
        }
        if (step.kind != RoutingStep::Kind::Term) {
            // A plain swap, or the swap half of a merged step (the gate above ran first).
            out.gate(GateId::SWAP, {step.physA, step.physB});
            tracker.swap(step.physA, step.physB);
        }
    }
    if (std::find(done.begin(), done.end(), 0) != done.end())
        throw std::logic_error("transpiler: the router left two-qubit gates out");
    for (unsigned q = 0; q < n; ++q)
        advance(q, static_cast<std::size_t>(-1));
    if (tracker.layout() != layer.finalLayout)
        throw std::logic_error("transpiler: the routed circuit does not end in the stated final layout");
    return out;
}

} // namespace

TranspileResult transpileQaoa(const IsingModel& ising, std::size_t p, const DeviceModel& device,
                              const TranspileOptions& options, RunControl& control)
{
    const Clock::time_point start = Clock::now();
    if (p == 0)
        throw Error(ErrorCode::InvalidArgument, "QAOA needs p >= 1", "p");
    if (ising.numSpins() == 0)
        throw Error(ErrorCode::InvalidArgument, "the problem has no variables", "problem");
    if (ising.numSpins() > MAX_CIRCUIT_QUBITS)
        throw Error(ErrorCode::LimitExceeded,
                    "the problem has " + std::to_string(ising.numSpins()) + " variables; circuits hold at most "
                        + std::to_string(MAX_CIRCUIT_QUBITS) + " qubits",
                    "qubits");
    checkFits(static_cast<unsigned>(ising.numSpins()), device);
    checkValues(2 * p, options);

    TranspileResult result;
    QaoaCircuitOptions circuitOptions;
    circuitOptions.measure = options.measure;
    result.logical = buildQaoaCircuit(ising, p, circuitOptions);

    // The terms buildQaoaCircuit emits (it leaves out exact zeros), in its order.
    InteractionGraph graph;
    graph.numLogical = static_cast<unsigned>(ising.numSpins());
    std::vector<double> couplings;
    for (const QuadraticTerm& term : ising.J) {
        if (term.value == 0.0)
            continue;
        graph.terms.emplace_back(term.i, term.j);
        couplings.push_back(term.value);
    }

    QaoaRoutingOptions routing;
    routing.layout = options.layout;
    routing.router = options.router;
    routing.iterations = options.iterations;
    routing.routing = options.routing;
    routing.qap = options.qap;
    const RoutedQaoa routed = routeQaoa(device, graph, p, routing, control);
    if (routed.layers.size() != p)
        throw std::logic_error("transpiler: routeQaoa returned " + std::to_string(routed.layers.size())
                               + " layers for p = " + std::to_string(p));

    result.routed = routedQaoaCircuit(ising, graph, couplings, routed, device, result.logical, options.measure);
    result.layout = routed.initialLayout;
    result.finalPermutation = routed.finalLayout;
    result.layers = routed.layers;
    result.swaps = routed.swaps;
    finish(result, device, options, start);
    return result;
}

TranspileResult transpileCircuit(const Circuit& logical, const DeviceModel& device, const TranspileOptions& options,
                                 RunControl& control)
{
    const Clock::time_point start = Clock::now();
    if (logical.numQubits() == 0)
        throw Error(ErrorCode::InvalidArgument, "the circuit has no qubits", "circuit");
    checkFits(logical.numQubits(), device);
    checkValues(logical.parameters().size(), options);

    const auto& ops = logical.operations();
    InteractionGraph graph;
    graph.numLogical = logical.numQubits();
    std::vector<std::size_t> twoQubitOps;
    std::map<std::pair<unsigned, unsigned>, unsigned> clbitWriter;
    for (std::size_t k = 0; k < ops.size(); ++k) {
        const Operation& op = ops[k];
        if (op.kind == OperationKind::Gate && op.qubits.size() == 2) {
            graph.terms.emplace_back(op.qubits[0], op.qubits[1]);
            twoQubitOps.push_back(k);
        } else if (op.kind == OperationKind::Measure) {
            // Operations are regrouped per qubit, which keeps every qubit's order but not the order of two
            // measurements of different qubits into the same bit.
            const auto [it, inserted] = clbitWriter.emplace(std::make_pair(op.creg, op.clbit), op.qubits[0]);
            if (!inserted && it->second != op.qubits[0])
                throw Error(ErrorCode::InvalidArgument,
                            "classical bit " + logical.registers()[op.creg].name + "[" + std::to_string(op.clbit)
                                + "] is measured from two different qubits; the transpiler cannot keep their order",
                            indexedPlace("operations", k));
        }
    }

    const CouplingGraph coupling = device.couplingGraph(true);
    TranspileResult result;
    result.logical = logical;
    QubitLayout layout = initialLayout(graph, device, coupling, options, control);
    RoutedLayer best = routeSabre(coupling, graph.terms, layout, options.routing, control);
    // Further iterations refine the start as SABRE does: route the reversed gate list from the final layout and
    // start again where that ends; keep the forward routing with the fewest swaps (ties: lower depth).
    if (options.iterations > 1) {
        const std::vector<std::pair<unsigned, unsigned>> reversed(graph.terms.rbegin(), graph.terms.rend());
        QubitLayout start = best.finalLayout;
        for (unsigned it = 1; it < options.iterations && !control.isCancelled(); ++it) {
            const RoutedLayer back = routeSabre(coupling, reversed, start, options.routing, control);
            RoutedLayer forward = routeSabre(coupling, graph.terms, back.finalLayout, options.routing, control);
            start = forward.finalLayout;
            if (forward.swaps < best.swaps || (forward.swaps == best.swaps && forward.depth < best.depth))
                best = std::move(forward);
            control.reportProgress(it + 1, options.iterations, "routing iterations");
        }
    }
    result.routed = routedGeneralCircuit(logical, twoQubitOps, best, device);
    result.layout = best.initialLayout;
    result.finalPermutation = best.finalLayout;
    result.swaps = best.swaps;
    result.layers = {std::move(best)};
    finish(result, device, options, start);
    return result;
}

} // namespace engine
