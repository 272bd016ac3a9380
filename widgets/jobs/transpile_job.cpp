// SPDX-License-Identifier: MIT
// TranspileJob: engine options from the panel's settings, the step-to-operation map and the worker.
#include "jobs/transpile_job.h"

#include "jobs/job_support.h"
#include "jobs/run_control_bridge.h"
#include "transpile/device_catalog.h"

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <exception>
#include <optional>
#include <utility>

namespace workbench {

engine::TranspileOptions transpileOptions(const TranspileRequest& request)
{
    const TranspileSettings& s = request.settings;
    engine::TranspileOptions options;
    options.layout = s.layout;
    options.router = s.router;
    options.iterations = s.iterations;
    options.routing.seed = s.seed;
    options.qap.seed = s.seed;
    options.basis.fractionalRzz = s.fractionalRzz;
    options.measure = true;
    return options;
}

engine::IsingModel requestIsing(const TranspileRequest& request)
{
    return engine::toIsing(engine::encodeLcrp(request.instance, request.encoding).qubo);
}

namespace {

/// What a two-qubit gate of the routed circuit contributes to a routing step.
struct StepCounts {
    int cnotLike = 0;     // cx, cz, ecr, cy, ch: one third of a swap, half of a term
    int swaps = 0;        // a whole swap
    int interactions = 0; // rzz and the other parameterised two-qubit gates: a whole term
};

void count(StepCounts& counts, engine::GateId gate)
{
    switch (gate) {
    case engine::GateId::CX:
    case engine::GateId::CZ:
    case engine::GateId::ECR:
    case engine::GateId::CY:
    case engine::GateId::CH: ++counts.cnotLike; break;
    case engine::GateId::SWAP: ++counts.swaps; break;
    default: ++counts.interactions; break;
    }
}

std::pair<unsigned, unsigned> orderedPair(unsigned a, unsigned b)
{
    return a < b ? std::pair{a, b} : std::pair{b, a};
}

bool isComplete(engine::RoutingStep::Kind kind, const StepCounts& c)
{
    switch (kind) {
    case engine::RoutingStep::Kind::Term: return c.interactions >= 1 || c.cnotLike >= 2;
    case engine::RoutingStep::Kind::Swap: return c.swaps >= 1 || c.cnotLike >= 3;
    case engine::RoutingStep::Kind::SwapAndTerm:
        return (c.swaps >= 1 && (c.interactions >= 1 || c.cnotLike >= 2)) || c.cnotLike >= 3;
    }
    return true;
}

} // namespace

std::vector<std::vector<std::size_t>> routedOperationsByStep(const engine::TranspileResult& result)
{
    struct FlatStep {
        const engine::RoutingStep* step;
        std::size_t group;  // consecutive number of its (layer, time step)
        std::pair<unsigned, unsigned> pair;
    };
    std::vector<FlatStep> steps;
    std::size_t group = 0;
    for (const engine::RoutedLayer& layer : result.layers) {
        // Steps come in execution order, so a new time step value starts a new group.
        bool first = true;
        unsigned previous = 0;
        for (const engine::RoutingStep& step : layer.steps) {
            if (!first && step.timeStep != previous)
                ++group;
            first = false;
            previous = step.timeStep;
            steps.push_back({&step, group, orderedPair(step.physA, step.physB)});
        }
        ++group;
    }

    const std::size_t m = steps.size();
    std::vector<std::vector<std::size_t>> operations(m);
    std::vector<char> consumed(m, 0);
    std::size_t cursor = 0;  // first step not yet matched
    std::optional<std::size_t> open;
    StepCounts counts;
    const auto& ops = result.routed.operations();
    for (std::size_t i = 0; i < ops.size(); ++i) {
        const engine::Operation& op = ops[i];
        if (op.kind != engine::OperationKind::Gate)
            continue;
        if (op.qubits.size() == 2) {
            const std::pair<unsigned, unsigned> pair = orderedPair(op.qubits[0], op.qubits[1]);
            if (open && steps[*open].pair == pair && !isComplete(steps[*open].step->kind, counts)) {
                operations[*open].push_back(i);
                count(counts, op.gate);
                continue;
            }
            // A new step: the first unmatched one on this coupler in the current time step, or failing that in
            // the next one (a step whose gates never appeared is then given up).
            std::optional<std::size_t> found;
            if (cursor < m) {
                const std::size_t current = steps[cursor].group;
                for (std::size_t s = cursor; s < m && steps[s].group <= current + 1; ++s) {
                    if (!consumed[s] && steps[s].pair == pair) {
                        found = s;
                        break;
                    }
                }
            }
            if (!found) {
                open.reset();  // a two-qubit gate outside the routing
                continue;
            }
            for (std::size_t s = cursor; s < *found; ++s)
                if (steps[s].group < steps[*found].group)
                    consumed[s] = 1;
            consumed[*found] = 1;
            while (cursor < m && consumed[cursor])
                ++cursor;
            open = found;
            counts = StepCounts{};
            operations[*found].push_back(i);
            count(counts, op.gate);
        } else if (op.qubits.size() == 1 && open && !isComplete(steps[*open].step->kind, counts)
                   && (op.qubits[0] == steps[*open].pair.first || op.qubits[0] == steps[*open].pair.second)) {
            operations[*open].push_back(i);
        }
    }
    return operations;
}

TranspileJob::TranspileJob(QObject* parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(QStringLiteral("TranspileJobPool"));
    connect(&m_watcher, &QFutureWatcher<void>::progressValueChanged, this,
            [this](int value) { emit progressChanged(value, PROGRESS_STEPS); });
    connect(&m_watcher, &QFutureWatcher<void>::finished, this, &TranspileJob::onWatcherFinished);
}

TranspileJob::~TranspileJob()
{
    stopWorker(this, m_watcher, m_future, m_pool);
}

bool TranspileJob::start(TranspileRequest request)
{
    if (m_status == TranspileJobStatus::Running)
        return false;
    m_status = TranspileJobStatus::Running;
    m_cancelRequested = false;
    auto pending = std::make_shared<TranspileOutcome>();
    m_pending = pending;

    m_future = QtConcurrent::run(&m_pool, [request = std::move(request), pending](QPromise<void>& promise) {
        engine::RunControl control;
        bridgeRunControl(control, promise);
        TranspileOutcome outcome;
        const WorkEnd end = runRecordingErrors(outcome, [&] {
            const engine::IsingModel ising = requestIsing(request);
            outcome.logicalQubits = ising.h.size();
            outcome.device = engine::deviceFromSpec(request.settings.backend);
            if (!control.isCancelled()) {
                outcome.result = engine::transpileQaoa(ising, request.settings.depth, outcome.device,
                                                       transpileOptions(request), control);
                outcome.stepOperations = routedOperationsByStep(outcome.result);
                if (!request.circuitFont.isEmpty()) {
                    // The views' geometry (text widths of tens of thousands of gates) is the costly part of
                    // showing a result; it is made here, not on the GUI thread.
                    const auto layout = [&request](const engine::Circuit& circuit) {
                        return std::make_shared<const CircuitLayout>(
                            layoutCircuit(std::make_shared<const engine::Circuit>(circuit), request.circuitFont));
                    };
                    outcome.logicalLayout = layout(outcome.result.logical);
                    outcome.isaLayout = layout(outcome.result.isa);
                    outcome.routedLayout = layout(outcome.result.routed);
                }
                outcome.succeeded = true;
            }
        });
        // An engine error after a cancel is most likely the cancel itself; a foreign exception is not.
        if (end != WorkEnd::OtherError)
            outcome.cancelled = control.isCancelled();
        promise.setProgressValue(PROGRESS_STEPS);
        // The future's finished state (set after this returns) orders this write before the GUI thread's read.
        *pending = std::move(outcome);
    });
    m_watcher.setFuture(m_future);
    emit started();
    return true;
}

void TranspileJob::cancel()
{
    if (m_status != TranspileJobStatus::Running)
        return;
    m_cancelRequested = true;
    m_future.cancel();
}

void TranspileJob::waitForFinished()
{
    m_future.waitForFinished();
}

void TranspileJob::onWatcherFinished()
{
    if (m_status != TranspileJobStatus::Running)
        return;
    m_outcome = m_pending ? std::move(*m_pending) : TranspileOutcome{};
    m_pending.reset();
    if (m_cancelRequested || m_outcome.cancelled) {
        // Whatever came back after a cancel (nothing, a best-so-far routing, an error the cancel provoked) is
        // reported as cancelled.
        m_outcome.cancelled = true;
        m_status = TranspileJobStatus::Cancelled;
    } else if (!m_outcome.succeeded) {
        m_status = TranspileJobStatus::Failed;
    } else {
        m_status = TranspileJobStatus::Finished;
    }
    emit finished();
}

} // namespace workbench
