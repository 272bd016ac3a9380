// SPDX-License-Identifier: MIT
// TranspileJob: transpiles the QAOA circuit of the project's encoded QUBO for a device, off the GUI thread.
#pragma once

#include "circuit/circuit_layout.h"
#include "core/error.h"
#include "lcrp/lcrp_encoder.h"
#include "lcrp/lcrp_instance.h"
#include "qubo/ising_model.h"
#include "transpile/transpiler.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace workbench {

/// Editor limits of the transpile options.
constexpr int MAX_TRANSPILE_PANEL_DEPTH = 16;
constexpr int MAX_TRANSPILE_PANEL_ITERATIONS = 100;
constexpr int MAX_TRANSPILE_GRID_SIDE = 64;

/// The transpile options the panel edits (not part of the project file).
struct TranspileSettings {
    std::string backend = "fez";                                 ///< engine::deviceFromSpec spec: a bundled name or
                                                                 ///< "grid:RxC"
    engine::LayoutMethod layout = engine::LayoutMethod::Qap;
    engine::RouterKind router = engine::RouterKind::AStar;
    unsigned iterations = 1;                                     ///< layout refinement rounds of the router
    std::size_t depth = 1;                                       ///< QAOA layers p
    std::uint64_t seed = 1;                                      ///< seeds the layout search and SABRE
    bool fractionalRzz = false;                                  ///< Heron's fractional rzz for bound angles
};

/// An immutable snapshot of what a transpilation needs, copied on the GUI thread before the job starts.
struct TranspileRequest {
    engine::LcrpInstance instance;
    engine::LcrpEncoderOptions encoding;  ///< the document's objective and slack bits
    TranspileSettings settings;
    /// When not empty, the worker also lays the three circuits out for CircuitView with this font description
    /// (CircuitView::fontDescription()), so that showing them costs the GUI thread nothing but the folds.
    QString circuitFont;
};

/// The engine options a request stands for: what the job passes to engine::transpileQaoa.
engine::TranspileOptions transpileOptions(const TranspileRequest& request);

/// The Ising model whose QAOA circuit is transpiled: the request's instance encoded as the QAOA panel encodes it,
/// in spin form. Throws engine::Error like the encoder.
engine::IsingModel requestIsing(const TranspileRequest& request);

/// For each routing step of `result.layers` (all layers' steps concatenated in order), the indices of the
/// operations of `result.routed` that carry it out. The routed circuit writes the steps in execution order; a
/// step's operations are the two-qubit gates on its coupler from its first one until the step is complete (a term:
/// one interaction gate such as rzz or two CNOT-like gates; a swap: one swap or three CNOT-like gates; a merged
/// swap and term: both, or three CNOT-like gates) plus the one-qubit gates on its two qubits in between. A step
/// whose coupler never comes up gets no operations. Within one time step the steps may appear in any order.
/// O(operations + steps).
std::vector<std::vector<std::size_t>> routedOperationsByStep(const engine::TranspileResult& result);

/// What a finished job delivers.
struct TranspileOutcome {
    bool succeeded = false;                      ///< transpileQaoa returned
    bool cancelled = false;                      ///< cancel was requested while it ran (the result may be a
                                                 ///< best-so-far one and is not shown)
    engine::TranspileResult result;              ///< valid when succeeded
    engine::DeviceModel device;                  ///< the device it was transpiled for (when it could be loaded)
    std::size_t logicalQubits = 0;               ///< variables of the encoded QUBO
    std::vector<std::vector<std::size_t>> stepOperations;  ///< routedOperationsByStep(result)
    /// Diagram layouts of result.logical, result.isa and result.routed (copies of the circuits inside), made on the
    /// worker when the request named a circuit font; null otherwise.
    std::shared_ptr<const CircuitLayout> logicalLayout;
    std::shared_ptr<const CircuitLayout> isaLayout;
    std::shared_ptr<const CircuitLayout> routedLayout;
    engine::ErrorCode errorCode = engine::ErrorCode::SolverFailure;  ///< when !succeeded
    std::string errorMessage;                    ///< engine::Error::what() (English) when !succeeded
};

/// Job state.
enum class TranspileJobStatus { Idle, Running, Finished, Cancelled, Failed };

/// One transpilation at a time on a dedicated single-thread pool: encode, load the device (deviceFromSpec),
/// engine::transpileQaoa with the request's options, then the step-to-operation map and (with a circuit font) the
/// diagram layouts, so that the GUI thread only shows finished geometry. Progress goes through the
/// RunControl bridge to `progressChanged` (0..PROGRESS_STEPS); `cancel` cancels the future, which the engine sees
/// at its next coarse check. The destructor cancels and waits, so no worker outlives the job.
class TranspileJob final : public QObject {
    Q_OBJECT

public:
    explicit TranspileJob(QObject* parent = nullptr);
    ~TranspileJob() override;

    /// Starts a transpilation; returns false (and does nothing) while one is running.
    bool start(TranspileRequest request);
    /// Requests cancellation; no effect when idle.
    void cancel();
    /// Blocks until the running job (if any) has finished; `finished` still goes through the event loop.
    void waitForFinished();

    bool isRunning() const { return m_status == TranspileJobStatus::Running; }
    TranspileJobStatus status() const { return m_status; }
    /// The last finished job's outcome.
    const TranspileOutcome& outcome() const { return m_outcome; }

signals:
    void started();
    void progressChanged(int value, int maximum);
    /// The job ended; `outcome()` and `status()` tell how.
    void finished();

private:
    void onWatcherFinished();

    QThreadPool m_pool;
    QFuture<void> m_future;
    QFutureWatcher<void> m_watcher;
    std::shared_ptr<TranspileOutcome> m_pending;  // written by the worker, read after it finished
    TranspileOutcome m_outcome;
    TranspileJobStatus m_status = TranspileJobStatus::Idle;
    bool m_cancelRequested = false;
};

} // namespace workbench
