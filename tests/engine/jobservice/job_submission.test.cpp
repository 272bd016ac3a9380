// SPDX-License-Identifier: MIT
// Tests of job preparation: the submitted OpenQASM simulates to the logical QAOA distribution, angles, figures,
// the QPU estimate against its formula, the parameters document, and refused submissions.
#include "jobservice/job_submission.h"

#include <QtTest>

#include "test_support.h"

#include "circuit/circuit_simulation.h"
#include "circuit/qaoa_circuit.h"
#include "circuit/qasm.h"
#include "core/error.h"
#include "graph/graph_generators.h"
#include "jobservice/backend_listing.h"
#include "jobstore/qpu_estimate.h"
#include "qaoa/qaoa_run.h"
#include "qubo/ising_model.h"
#include "transpile/device_catalog.h"

#include <algorithm>
#include <cmath>

using namespace engine;

namespace {

JobSubmission graphSubmission()
{
    GraphInstance g;
    g.graph = randomRegularGraph(6, 3, WeightKind::Unit, 5);
    JobSubmission s;
    s.instance = g;
    s.p = 2;
    s.shots = 1000;
    return s;
}

} // namespace

class TstJobSubmission : public QObject {
    Q_OBJECT

private slots:
    void submittedCircuitIsTheLogicalQaoa()
    {
        const JobSubmission s = graphSubmission();
        const DeviceModel fez = deviceFromSpec("fez");
        const PreparedJob job = prepareJob(s, fez, JobProvider::Local);
        // Angles: the predicted ones.
        const QaoaAngles predicted = predictAngles(s.instance, 2);
        QCOMPARE(job.angles.gammas, predicted.gammas);
        QCOMPARE(job.angles.betas, predicted.betas);
        // The exported text, read back and simulated without noise, gives the logical circuit's distribution.
        const Circuit isa = importQasm(job.qasm);
        QVERIFY(isa.parameters().empty());
        const Circuit logical = buildQaoaCircuit(toIsing(instanceQubo(s.instance)), 2);
        const std::vector<double> a = measuredDistribution(logical, qaoaCircuitValues(job.angles.gammas, job.angles.betas));
        const std::vector<double> b = measuredDistribution(isa);
        QCOMPARE(a.size(), b.size());
        double worst = 0.0;
        for (std::size_t i = 0; i < a.size(); ++i)
            worst = std::max(worst, std::abs(a[i] - b[i]));
        QVERIFY2(worst < 1e-9, qPrintable(QString::number(worst)));
        // Figures agree with the circuit.
        const CircuitStats stats = isa.stats();
        QCOMPARE(job.figures.twoQubitGates, stats.twoQubitGates);
        QCOMPARE(job.figures.depth, stats.depth);
        QCOMPARE(job.figures.logicalQubits, std::size_t{6});
        QCOMPARE(job.figures.physicalQubits, isa.usedQubits().size());
        QVERIFY(job.figures.estimatedFidelity > 0.0 && job.figures.estimatedFidelity < 1.0);

        const nlohmann::json p = job.parametersJson();
        QCOMPARE(p["p"].get<int>(), 2);
        QCOMPARE(p["shots"].get<int>(), 1000);
        QCOMPARE(p["gammas"].get<std::vector<double>>(), job.angles.gammas);
        QCOMPARE(p["figures"]["two_qubit_gates"].get<std::size_t>(), stats.twoQubitGates);
        QCOMPARE(p["estimated_qpu_seconds"].get<double>(), job.estimatedQpuSeconds);
        QCOMPARE(p["register"].get<std::string>(), std::string("meas"));
    }

    void fixedAnglesAreBoundAsGiven()
    {
        JobSubmission s = graphSubmission();
        s.p = 1;
        s.angleMethod = JobAngles::Fixed;
        s.angles = {{0.37}, {-0.21}};
        const PreparedJob job = prepareJob(s, deviceFromSpec("line:8"), JobProvider::Local);
        QCOMPARE(job.angles.gammas, std::vector<double>{0.37});
        const Circuit logical = buildQaoaCircuit(toIsing(instanceQubo(s.instance)), 1);
        const std::vector<double> a = measuredDistribution(logical, qaoaCircuitValues({0.37}, {-0.21}));
        const std::vector<double> b = measuredDistribution(importQasm(job.qasm));
        for (std::size_t i = 0; i < a.size(); ++i)
            QAOA_COMPARE_NEAR(a[i], b[i], 1e-9);
    }

    void estimateFollowsItsFormula()
    {
        const DeviceModel fez = deviceFromSpec("fez");
        const PreparedJob job = prepareJob(graphSubmission(), fez, JobProvider::Ibm);
        const CircuitStats st = job.isa.stats();
        const DeviceErrorSummary m = deviceErrorSummary(fez);
        const double perShot = 250e-6 + static_cast<double>(st.twoQubitDepth) * *m.medianTwoQubitNs * 1e-9
                               + static_cast<double>(st.depth - st.twoQubitDepth) * *m.medianSxNs * 1e-9
                               + *m.medianReadoutNs * 1e-9;
        QAOA_COMPARE_NEAR(job.estimatedQpuSeconds, 2.0 + 1000.0 * perShot, 1e-12);
        QAOA_COMPARE_NEAR(estimateJobQpuSeconds(job.isa, fez, 1000), job.estimatedQpuSeconds, 1e-15);
        // No calibration: the Heron r2 defaults of estimateQpuSeconds.
        const DeviceModel line = deviceFromSpec("line:8");
        QCOMPARE(estimateJobQpuSeconds(job.isa, line, 10),
                 estimateQpuSeconds(1, 10, st.twoQubitDepth, st.depth - st.twoQubitDepth));
    }

    void refusedSubmissions_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("field");
        QTest::newRow("p 0") << 0 << "p";
        QTest::newRow("p 65") << 1 << "p";
        QTest::newRow("shots 0") << 2 << "shots";
        QTest::newRow("fixed, wrong count") << 3 << "gammas";
        QTest::newRow("angles without fixed") << 4 << "gammas";
        QTest::newRow("dd") << 5 << "dynamicalDecoupling";
        QTest::newRow("cost") << 6 << "maxExecutionSeconds";
        QTest::newRow("too many tags") << 7 << "tags";
        QTest::newRow("empty tag") << 8 << "tags[1]";
        QTest::newRow("no backend") << 9 << "backend";
        QTest::newRow("nan angle") << 10 << "gammas";
    }
    void refusedSubmissions()
    {
        QFETCH(int, which);
        QFETCH(QString, field);
        JobSubmission s = graphSubmission();
        switch (which) {
        case 0: s.p = 0; break;
        case 1: s.p = 65; break;
        case 2: s.shots = 0; break;
        case 3: s.angleMethod = JobAngles::Fixed; s.angles = {{0.1}, {0.2}}; break;
        case 4: s.angles = {{0.1, 0.2}, {0.2, 0.1}}; break;
        case 5: s.dynamicalDecoupling = "XYZ"; break;
        case 6: s.maxExecutionSeconds = 10801; break;
        case 7: s.tags = std::vector<std::string>(8, "t"); break;
        case 8: s.tags = {"a", ""}; break;
        case 9: s.backend.clear(); break;
        default: s.angleMethod = JobAngles::Fixed; s.angles = {{0.1, NAN}, {0.2, 0.1}}; break;
        }
        try {
            validateSubmission(s);
            QFAIL("accepted");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::InvalidArgument);
            QCOMPARE(QString::fromStdString(e.where()), field);
        }
        QVERIFY_THROWS_EXCEPTION(Error, prepareJob(s, deviceFromSpec("line:8"), JobProvider::Local));
    }

    void tooLargeForTheDevice()
    {
        QVERIFY_THROWS_EXCEPTION(Error, prepareJob(graphSubmission(), deviceFromSpec("line:4"), JobProvider::Local));
        QCOMPARE(jobAnglesFromName("fixed"), JobAngles::Fixed);
        QVERIFY_THROWS_EXCEPTION(Error, jobAnglesFromName("optimize"));
    }
};

QTEST_APPLESS_MAIN(TstJobSubmission)
#include "job_submission.test.moc"
