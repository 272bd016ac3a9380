// SPDX-License-Identifier: MIT
// Tests of local jobs: the hex result shape read back by the IBM decoder, seeded reproducibility, bad circuits.
#include "jobservice/local_job_runner.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "ibmq/sampler_results.h"

using namespace engine;

class TstLocalJobRunner : public QObject {
    Q_OBJECT

private slots:
    void resultShapeRoundTripsThroughTheSamplerDecoder()
    {
        EmulationResult r;
        r.shots = 4;
        r.trajectories = 1;
        r.noiseModel = "ideal";
        RegisterShots meas;
        meas.name = "meas";
        meas.size = 10;
        meas.values = {0, 1, 0x3ff, 0x2a0};
        r.registers.push_back(meas);
        const nlohmann::json j = samplerResultJson(r, "local:ideal");
        QCOMPARE(j["results"][0]["data"]["meas"]["samples"],
                 nlohmann::json({"0x0", "0x1", "0x3ff", "0x2a0"}));  // lower case, no leading zeros
        const SamplerResult decoded = parseSamplerResult(j);
        const RegisterSamples* reg = decoded.pubs[0].findRegister("meas");
        QVERIFY(reg);
        QCOMPARE(reg->numBits, 10u);
        QCOMPARE(reg->values, meas.values);
        QCOMPARE(j["metadata"]["backend"].get<std::string>(), std::string("local:ideal"));
    }

    void idealBellCircuitAndSeeds()
    {
        // Physical qubits 3 and 4 of the heavy-hex topology used by local:ideal are coupled.
        const std::string qasm = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nbit[2] meas;\n"
                                 "h $0;\ncx $0, $1;\nmeas[0] = measure $0;\nmeas[1] = measure $1;\n";
        LocalRunOptions o;
        o.shots = 200;
        o.seed = 9;
        o.threads = 1;
        const nlohmann::json a = runLocalSampler(qasm, localBackend("local:ideal"), o);
        const nlohmann::json b = runLocalSampler(qasm, localBackend("local:ideal"), o);
        QCOMPARE(a, b);  // same seed, same samples
        const SamplerResult decoded = parseSamplerResult(a);
        const RegisterSamples* reg = decoded.pubs[0].findRegister("meas");
        QVERIFY(reg);
        std::size_t ones = 0;
        for (std::uint64_t v : reg->values) {
            QVERIFY2(v == 0 || v == 3, qPrintable(QString::number(v)));  // a noiseless Bell pair is correlated
            ones += v == 3 ? 1 : 0;
        }
        QVERIFY(ones > 50 && ones < 150);
        o.seed = 10;
        QVERIFY(runLocalSampler(qasm, localBackend("local:ideal"), o) != a);

        // The injected emulator sees exactly the parsed circuit.
        bool called = false;
        o.emulator = [&](const Circuit& c, const NoiseModel& noise, const EmulatorOptions& e) {
            called = c.isPhysical() && noise.isIdeal() && e.shots == 200;
            return emulateCircuit(c, noise, e);
        };
        runLocalSampler(qasm, localBackend("local:ideal"), o);
        QVERIFY(called);
    }

    void refusedCircuits()
    {
        LocalRunOptions o;
        o.shots = 10;
        QVERIFY_THROWS_EXCEPTION(Error, runLocalSampler("OPENQASM 3.0;\nfoo $0;\n", localBackend("local:ideal"), o));
        const std::string unbound = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\ninput float[64] g;\nbit[1] meas;\n"
                                    "rz(g) $0;\nmeas[0] = measure $0;\n";
        QVERIFY_THROWS_EXCEPTION(Error, runLocalSampler(unbound, localBackend("local:ideal"), o));
        const std::string far = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nbit[1] meas;\nx $500;\n"
                                "meas[0] = measure $500;\n";
        QVERIFY_THROWS_EXCEPTION(Error, runLocalSampler(far, localBackend("local:fez"), o));
    }
};

QTEST_APPLESS_MAIN(TstLocalJobRunner)
#include "local_job_runner.test.moc"
