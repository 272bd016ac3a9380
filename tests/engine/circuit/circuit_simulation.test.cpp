// SPDX-License-Identifier: MIT
// Tests of circuit simulation against dense Kronecker products on random circuits, with used-qubit remapping.
#include "circuit/circuit_simulation.h"

#include <QtTest>

#include "test_support.h"

#include "circuit_test_helpers.h"
#include "core/error.h"

#include <functional>
#include <random>

using engine::Circuit;
using engine::GateId;
using engine::ParameterExpression;

namespace {

constexpr double TOLERANCE = 1e-12;

// The full n-qubit state of a circuit from the dense operator (all qubits, used or not).
Eigen::VectorXcd denseState(const Circuit& c, const std::vector<double>& values)
{
    Eigen::VectorXcd zero = Eigen::VectorXcd::Zero(Eigen::Index{1} << c.numQubits());
    zero(0) = 1.0;
    return circuit_test::circuitOperator(c, values) * zero;
}

// Index of the full register for index z over `used` (unused qubits are 0).
std::uint64_t scatter(std::uint64_t z, const std::vector<unsigned>& used)
{
    std::uint64_t full = 0;
    for (std::size_t k = 0; k < used.size(); ++k)
        full |= ((z >> k) & 1u) << used[k];
    return full;
}

void expectError(const std::function<void()>& f, engine::ErrorCode code, const QString& fragment)
{
    try {
        f();
    } catch (const engine::Error& e) {
        QCOMPARE(static_cast<int>(e.code()), static_cast<int>(code));
        QVERIFY2(QString::fromStdString(e.detail()).contains(fragment), e.what());
        return;
    }
    QFAIL("no error thrown");
}

} // namespace

class TstCircuitSimulation : public QObject {
    Q_OBJECT

private slots:
    void matchesDenseReferenceOnRandomCircuits()
    {
        std::mt19937_64 rng(314);
        for (int trial = 0; trial < 80; ++trial) {
            const unsigned n = 2 + trial % 5;  // 2..6
            circuit_test::RandomCircuitOptions options;
            options.parameters = trial % 2 == 1;
            options.barriers = trial % 3 == 0;
            options.resets = trial % 4 == 0;
            const Circuit c = circuit_test::randomCircuit(n, 5 + 4 * n, rng, trial % 5 == 0, options);
            const std::vector<double> values =
                options.parameters ? std::vector<double>{0.37, -1.21} : std::vector<double>{};
            const auto state = engine::simulateCircuit(c, values, trial % 2 == 0 ? 1 : 0);
            const std::vector<unsigned> used = c.usedQubits();
            QCOMPARE(state.numQubits(), static_cast<unsigned>(used.size()));
            const Eigen::VectorXcd want = denseState(c, values);
            double err = 0.0;
            double norm = 0.0;
            for (std::uint64_t z = 0; z < state.size(); ++z) {
                const std::complex<double> expected = want(static_cast<Eigen::Index>(scatter(z, used)));
                err = std::max(err, std::abs(state.amplitudes()[z] - expected));
                norm += std::norm(state.amplitudes()[z]);
            }
            QVERIFY2(err <= TOLERANCE, qPrintable(QStringLiteral("trial %1: %2").arg(trial).arg(err)));
            QAOA_COMPARE_NEAR(norm, 1.0, 1e-12);
        }
    }

    void onlyUsedQubitsAreAllocated()
    {
        // 40 declared qubits, three used: the state has 8 amplitudes, state qubit k = used qubit k.
        Circuit c(40, true);
        c.gate(GateId::X, {37});
        c.gate(GateId::H, {5});
        c.gate(GateId::CX, {5, 12});
        c.barrier();
        const auto state = engine::simulateCircuit(c);
        QCOMPARE(state.numQubits(), 3u);
        // (|000> + |011>) on (5, 12) with qubit 37 set (state bit 2): indices 0b100 and 0b111.
        QAOA_COMPARE_NEAR(std::norm(state.amplitudes()[4]), 0.5, 1e-15);
        QAOA_COMPARE_NEAR(std::norm(state.amplitudes()[7]), 0.5, 1e-15);
    }

    void measuredDistributionMarginalises()
    {
        std::mt19937_64 rng(2718);
        for (int trial = 0; trial < 20; ++trial) {
            const unsigned n = 2 + trial % 4;
            circuit_test::RandomCircuitOptions options;
            options.measurements = true;  // c[n-1-q] = q, d[0] = qubit 0
            const Circuit c = circuit_test::randomCircuit(n, 12, rng, false, options);
            const std::vector<double> dist = engine::measuredDistribution(c);
            QCOMPARE(dist.size(), std::size_t{1} << (n + 1));
            const Eigen::VectorXcd full = denseState(c, {});
            std::vector<double> want(dist.size(), 0.0);
            for (Eigen::Index z = 0; z < full.size(); ++z) {
                std::size_t index = 0;
                for (unsigned q = 0; q < n; ++q)
                    index |= ((static_cast<std::size_t>(z) >> q) & 1u) << (n - 1 - q);
                index |= (static_cast<std::size_t>(z) & 1u) << n;  // register d follows c
                want[index] += std::norm(full(z));
            }
            for (std::size_t k = 0; k < dist.size(); ++k)
                QVERIFY2(std::abs(dist[k] - want[k]) <= 1e-12,
                         qPrintable(QStringLiteral("trial %1 index %2").arg(trial).arg(k)));
        }
    }

    void unmeasuredBitsReadZeroAndLastMeasurementWins()
    {
        Circuit c(2);
        c.addRegister("c", 3);
        c.gate(GateId::X, {1});
        c.measure(0, 0, 2);
        c.measure(1, 0, 2);  // overwrites bit 2
        const std::vector<double> dist = engine::measuredDistribution(c);
        QCOMPARE(dist.size(), std::size_t{8});
        QAOA_COMPARE_NEAR(dist[4], 1.0, 1e-15);
    }

    void parameterisedCircuitUsesValues()
    {
        Circuit c(1);
        const std::size_t t = c.addParameter("theta");
        c.gate(GateId::RY, {0}, {ParameterExpression::parameter(t, 2.0)});
        c.measureAll();
        // RY(2t)|0> gives |1> with probability sin^2 t.
        const std::vector<double> dist = engine::measuredDistribution(c, {0.3});
        QAOA_COMPARE_NEAR(dist[1], std::sin(0.3) * std::sin(0.3), 1e-14);
    }

    void errors()
    {
        using engine::ErrorCode;
        Circuit midMeasure(2);
        midMeasure.measureAll();
        midMeasure.gate(GateId::X, {1});
        expectError([&] { (void)engine::simulateCircuit(midMeasure); }, ErrorCode::InvalidArgument,
                    "after its measurement");

        Circuit midReset(1);
        midReset.gate(GateId::X, {0});
        engine::Operation reset;
        reset.kind = engine::OperationKind::Reset;
        reset.qubits = {0};
        midReset.append(reset);
        expectError([&] { (void)engine::simulateCircuit(midReset); }, ErrorCode::InvalidArgument, "mid-circuit reset");

        Circuit params(1);
        params.addParameter("a");
        expectError([&] { (void)engine::simulateCircuit(params); }, ErrorCode::InvalidArgument,
                    "the circuit has 1 parameters, got 0 values");

        // 31 used qubits: refused before any allocation.
        Circuit wide(31);
        for (unsigned q = 0; q < 31; ++q)
            wide.gate(GateId::X, {q});
        expectError([&] { (void)engine::simulateCircuit(wide); }, ErrorCode::LimitExceeded, "at most 30");

        Circuit manyBits(1);
        manyBits.addRegister("c", 31);
        expectError([&] { (void)engine::measuredDistribution(manyBits); }, ErrorCode::LimitExceeded,
                    "31 classical bits");
    }
};

QTEST_APPLESS_MAIN(TstCircuitSimulation)
#include "circuit_simulation.test.moc"
