// SPDX-License-Identifier: MIT
// Tests of TranspileJob: options, the step-to-operation map, the job's result against transpileQaoa, cancel, errors.
#include "jobs/transpile_job.h"

#include <QtTest>

#include "test_support.h"

#include "document/project_file.h"
#include "lcrp/lcrp_generator.h"
#include "transpile/device_catalog.h"

#include <QSignalSpy>

using namespace workbench;
using engine::GateId;
using Kind = engine::RoutingStep::Kind;

namespace {

const QString EXAMPLE = QStringLiteral(QAOA_SOURCE_DIR "/resources/examples/paper-4x3.qwproj");

engine::RoutingStep step(Kind kind, unsigned a, unsigned b, unsigned timeStep)
{
    engine::RoutingStep s;
    s.kind = kind;
    s.physA = a;
    s.physB = b;
    s.timeStep = timeStep;
    s.term = kind == Kind::Swap ? -1 : 0;
    return s;
}

TranspileRequest exampleRequest(const std::string& backend)
{
    const ProjectData project = readProjectFile(EXAMPLE);
    TranspileRequest request;
    request.instance = project.instance;
    request.encoding.objective = project.settings.objective;
    request.encoding.budgetSlackBits = project.settings.budgetSlackBits;
    request.settings.backend = backend;
    request.settings.seed = 3;
    return request;
}

TranspileRequest smallRequest()
{
    engine::LcrpGeneratorOptions generator;
    generator.numTasks = 2;
    generator.numModels = 3;
    generator.seed = 42;
    TranspileRequest request;
    request.instance = engine::generateLcrp(generator);
    request.encoding.budgetSlackBits = 2;
    request.settings.backend = "grid:3x3";
    request.settings.router = engine::RouterKind::Greedy;
    request.settings.layout = engine::LayoutMethod::Trivial;
    request.settings.depth = 2;
    return request;
}

/// Runs `job` to its end; false on a time-out.
bool runToEnd(TranspileJob& job, const TranspileRequest& request)
{
    QSignalSpy finished(&job, &TranspileJob::finished);
    return job.start(request) && finished.wait(60000);
}

} // namespace

class TstTranspileJob : public QObject {
    Q_OBJECT

private slots:
    void optionsFollowTheSettings();
    void stepMapOfAHandMadeResult();
    void stepMapOfARealTranspilation();
    void jobEqualsTranspileQaoa();
    void cancelStopsTheJob();
    void errorsAreReported_data();
    void errorsAreReported();
};

void TstTranspileJob::optionsFollowTheSettings()
{
    TranspileRequest request;
    request.settings.layout = engine::LayoutMethod::Noise;
    request.settings.router = engine::RouterKind::Sabre;
    request.settings.iterations = 4;
    request.settings.seed = 77;
    request.settings.fractionalRzz = true;
    const engine::TranspileOptions options = transpileOptions(request);
    QCOMPARE(options.layout, engine::LayoutMethod::Noise);
    QCOMPARE(options.router, engine::RouterKind::Sabre);
    QCOMPARE(options.iterations, 4u);
    QCOMPARE(options.routing.seed, std::uint64_t{77});
    QCOMPARE(options.qap.seed, std::uint64_t{77});
    QVERIFY(options.basis.fractionalRzz);
    QVERIFY(options.measure);
}

void TstTranspileJob::stepMapOfAHandMadeResult()
{
    engine::TranspileResult result;
    engine::Circuit& c = result.routed;
    c = engine::Circuit(6, true);
    const std::size_t gamma = c.addParameter("gamma_0");
    const auto angle = engine::ParameterExpression::parameter(gamma, 2.0);
    c.gate(GateId::H, {0});           // 0
    c.gate(GateId::H, {1});           // 1
    c.gate(GateId::RZ, {0}, {angle}); // 2: a field, before any step
    c.gate(GateId::RZZ, {0, 1}, {angle}); // 3: term (0, 1)
    c.gate(GateId::SWAP, {3, 2});     // 4: swap (2, 3), operands the other way round
    c.gate(GateId::CX, {1, 2});       // 5: merged swap and term on (1, 2): cx, rz, cx, cx
    c.gate(GateId::RZ, {2}, {angle}); // 6
    c.gate(GateId::CX, {2, 1});       // 7
    c.gate(GateId::CX, {1, 2});       // 8
    c.gate(GateId::RZ, {1}, {0.5});   // 9: after the block, not part of it
    c.gate(GateId::RZZ, {3, 4}, {angle}); // 10: term (3, 4), listed before the merged block in the layer
    c.gate(GateId::RX, {0}, {angle}); // 11
    c.gate(GateId::RZZ, {1, 0}, {angle}); // 12: layer 2's term
    c.gate(GateId::CX, {4, 5});       // 13: a two-qubit gate of no step
    engine::RoutedLayer first;
    first.steps = {step(Kind::Term, 0, 1, 0), step(Kind::Swap, 2, 3, 0), step(Kind::Term, 3, 4, 1),
                   step(Kind::SwapAndTerm, 1, 2, 1)};
    engine::RoutedLayer second;
    second.steps = {step(Kind::Term, 0, 1, 0)};
    result.layers = {first, second};

    const std::vector<std::vector<std::size_t>> map = routedOperationsByStep(result);
    const std::vector<std::vector<std::size_t>> expected{{3}, {4}, {10}, {5, 6, 7, 8}, {12}};
    QCOMPARE(map, expected);

    // Two steps on the same coupler one after the other: the first ends with its gate, the second takes the next.
    engine::TranspileResult twice;
    twice.routed = engine::Circuit(2, true);
    twice.routed.gate(GateId::RZZ, {0, 1}, {0.1});
    twice.routed.gate(GateId::SWAP, {0, 1});
    engine::RoutedLayer layer;
    layer.steps = {step(Kind::Term, 0, 1, 0), step(Kind::Swap, 0, 1, 1)};
    twice.layers = {layer};
    QCOMPARE(routedOperationsByStep(twice), (std::vector<std::vector<std::size_t>>{{0}, {1}}));
}

void TstTranspileJob::stepMapOfARealTranspilation()
{
    const TranspileRequest request = smallRequest();
    const engine::TranspileResult result = engine::transpileQaoa(
        requestIsing(request), request.settings.depth, engine::deviceFromSpec(request.settings.backend),
        transpileOptions(request));
    const std::vector<std::vector<std::size_t>> map = routedOperationsByStep(result);

    // Reference: the routed QAOA circuit writes each step as one rzz (term), one swap, or cx rz cx cx (merged), in
    // step order, and no other two-qubit gates; so its k-th two-qubit gate belongs to the step found by counting.
    std::vector<std::size_t> twoQubit;
    const auto& ops = result.routed.operations();
    for (std::size_t i = 0; i < ops.size(); ++i)
        if (ops[i].kind == engine::OperationKind::Gate && ops[i].qubits.size() == 2)
            twoQubit.push_back(i);
    std::size_t next = 0;
    std::size_t flat = 0;
    for (const engine::RoutedLayer& layer : result.layers) {
        for (const engine::RoutingStep& s : layer.steps) {
            QVERIFY(flat < map.size());
            std::vector<std::size_t> expected;
            if (s.kind == Kind::SwapAndTerm) {
                QVERIFY(next + 3 <= twoQubit.size());
                expected = {twoQubit[next], twoQubit[next] + 1, twoQubit[next + 1], twoQubit[next + 2]};
                QCOMPARE(twoQubit[next] + 1 + 1, twoQubit[next + 1]);  // the rz sits between the first two
                next += 3;
            } else {
                QVERIFY(next < twoQubit.size());
                expected = {twoQubit[next++]};
            }
            QCOMPARE(map[flat], expected);
            for (std::size_t op : map[flat])
                for (unsigned q : ops[op].qubits)
                    QVERIFY(q == s.physA || q == s.physB);
            ++flat;
        }
    }
    QCOMPARE(flat, map.size());
    QCOMPARE(next, twoQubit.size());
    QVERIFY2(result.swaps > 0, "the grid routing should need swaps");
}

void TstTranspileJob::jobEqualsTranspileQaoa()
{
    const TranspileRequest request = exampleRequest("fez");
    TranspileJob job;
    QSignalSpy started(&job, &TranspileJob::started);
    QVERIFY(runToEnd(job, request));
    QCOMPARE(started.count(), 1);
    QCOMPARE(job.status(), TranspileJobStatus::Finished);
    const TranspileOutcome& outcome = job.outcome();
    QVERIFY(outcome.succeeded);
    QVERIFY(!outcome.cancelled);
    QCOMPARE(outcome.device.name, engine::deviceFromSpec("fez").name);

    // The same call made directly.
    const engine::IsingModel ising = engine::toIsing(engine::encodeLcrp(request.instance, request.encoding).qubo);
    QCOMPARE(outcome.logicalQubits, ising.numSpins());
    const engine::TranspileResult direct =
        engine::transpileQaoa(ising, 1, engine::deviceFromSpec("fez"), transpileOptions(request));
    const engine::TranspileResult& r = outcome.result;
    QCOMPARE(r.swaps, direct.swaps);
    QCOMPARE(r.twoQubitGates, direct.twoQubitGates);
    QCOMPARE(r.depth, direct.depth);
    QCOMPARE(r.twoQubitDepth, direct.twoQubitDepth);
    QCOMPARE(r.layout, direct.layout);
    QCOMPARE(r.isa.size(), direct.isa.size());
    QAOA_COMPARE_NEAR(r.estimatedFidelity, direct.estimatedFidelity, 1e-12);
    std::size_t steps = 0;
    for (const engine::RoutedLayer& layer : r.layers)
        steps += layer.steps.size();
    QCOMPARE(outcome.stepOperations.size(), steps);
    QCOMPARE(outcome.stepOperations, routedOperationsByStep(r));
    // A second start while idle works; a start while running is refused.
    QVERIFY(job.start(request));
    QVERIFY(!job.start(request));
    QSignalSpy finished(&job, &TranspileJob::finished);
    QVERIFY(finished.wait(60000));
}

void TstTranspileJob::cancelStopsTheJob()
{
    TranspileJob job;
    QSignalSpy finished(&job, &TranspileJob::finished);
    TranspileRequest request = exampleRequest("fez");
    request.settings.iterations = MAX_TRANSPILE_PANEL_ITERATIONS;
    QVERIFY(job.start(request));
    QVERIFY(job.isRunning());
    job.cancel();
    QVERIFY(finished.wait(60000));
    QCOMPARE(job.status(), TranspileJobStatus::Cancelled);
    QVERIFY(job.outcome().cancelled);
    QVERIFY(!job.isRunning());
    job.cancel();  // idle: no effect
    QCOMPARE(job.status(), TranspileJobStatus::Cancelled);
}

void TstTranspileJob::errorsAreReported_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<int>("code");
    QTest::newRow("unknown backend") << QStringLiteral("nowhere") << int(engine::ErrorCode::InvalidArgument);
    QTest::newRow("grid too small") << QStringLiteral("grid:2x2") << int(engine::ErrorCode::LimitExceeded);
}

void TstTranspileJob::errorsAreReported()
{
    QFETCH(QString, backend);
    QFETCH(int, code);
    TranspileJob job;
    QVERIFY(runToEnd(job, exampleRequest(backend.toStdString())));
    QCOMPARE(job.status(), TranspileJobStatus::Failed);
    QVERIFY(!job.outcome().succeeded);
    QCOMPARE(int(job.outcome().errorCode), code);
    QVERIFY(!job.outcome().errorMessage.empty());
}

QTEST_MAIN(TstTranspileJob)
#include "transpile_job.test.moc"
