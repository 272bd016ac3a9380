// SPDX-License-Identifier: MIT
// Tests of QAOA simulation: states against a dense Eigen reference, XY feasibility, warm-start limits, gradients.
#include "qaoa/qaoa_simulation.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "graph/graph_problems.h"
#include "lcrp/lcrp_encoder.h"
#include "lcrp_test_instances.h"
#include "qubo/ising_model.h"
#include "qubo/qubo_generator.h"
#include "sim/reference_simulator.h"

#include <Eigen/Dense>

#include <cmath>
#include <complex>
#include <numbers>
#include <random>

using namespace engine;

Q_DECLARE_METATYPE(engine::MixerKind)
Q_DECLARE_METATYPE(std::vector<std::vector<unsigned>>)

namespace {

using Cd = std::complex<double>;

QuboModel makeQubo(std::size_t n, std::uint64_t seed)
{
    RandomQuboOptions options;
    options.numVariables = n;
    options.density = 0.6;
    options.low = -1.0;
    options.high = 1.0;
    options.seed = seed;
    return randomQubo(options);
}

QaoaAngles randomAngles(std::size_t p, std::mt19937_64& rng)
{
    std::uniform_real_distribution<double> angle(-1.5, 1.5);
    QaoaAngles a;
    for (std::size_t k = 0; k < p; ++k) {
        a.gammas.push_back(angle(rng));
        a.betas.push_back(angle(rng));
    }
    return a;
}

Eigen::VectorXcd randomState(unsigned n, std::mt19937_64& rng)
{
    std::normal_distribution<double> normal;
    Eigen::VectorXcd v(Eigen::Index(1) << n);
    for (Eigen::Index z = 0; z < v.size(); ++z)
        v(z) = Cd(normal(rng), normal(rng));
    return v / v.norm();
}

template <typename Real>
StateVector<Real> toStateVector(const Eigen::VectorXcd& v, unsigned n)
{
    StateVector<Real> s(n);
    for (Eigen::Index z = 0; z < v.size(); ++z)
        s.amplitudes()[z] = std::complex<Real>(v(z));
    return s;
}

template <typename Real>
double maxDifference(const StateVector<Real>& s, const Eigen::VectorXcd& v)
{
    double worst = 0.0;
    for (Eigen::Index z = 0; z < v.size(); ++z)
        worst = std::max(worst, std::abs(Cd(s.amplitudes()[z]) - v(z)));
    return worst;
}

Eigen::MatrixXcd zeroMatrix(unsigned n)
{
    const Eigen::Index dim = Eigen::Index(1) << n;
    return Eigen::MatrixXcd::Zero(dim, dim);
}

Eigen::MatrixXcd pairXY(unsigned n, unsigned a, unsigned b)
{
    return referencePauli(n, a, 'X') * referencePauli(n, b, 'X')
        + referencePauli(n, a, 'Y') * referencePauli(n, b, 'Y');
}

// The dense mixer unitary, written from the definitions of qaoa_ansatz.h (independently of the simulator).
Eigen::MatrixXcd denseMixer(const QaoaAnsatz& a, double beta)
{
    const auto n = static_cast<unsigned>(a.numQubits);
    Eigen::MatrixXcd ungroupedX = zeroMatrix(n);
    for (unsigned q : a.ungroupedQubits())
        ungroupedX += referencePauli(n, q, 'X');
    switch (a.mixer) {
    case MixerKind::X:
        return referenceExpI(ungroupedX, beta);
    case MixerKind::WarmStart: {
        Eigen::MatrixXcd g = zeroMatrix(n);
        for (unsigned q = 0; q < n; ++q)
            g += std::sin(a.warmThetas[q]) * referencePauli(n, q, 'X')
                + std::cos(a.warmThetas[q]) * referencePauli(n, q, 'Z');
        return referenceExpI(g, beta);
    }
    case MixerKind::XYRing: {
        Eigen::MatrixXcd g = ungroupedX;
        for (const auto& group : a.groups) {
            const std::size_t k = group.size();
            if (k == 2)
                g += pairXY(n, group[0], group[1]);
            else if (k >= 3)
                for (std::size_t t = 0; t < k; ++t)
                    g += pairXY(n, group[t], group[(t + 1) % k]);
        }
        return referenceExpI(g, beta);
    }
    case MixerKind::XYComplete:
    case MixerKind::XYParityRing: {
        Eigen::MatrixXcd u = Eigen::MatrixXcd::Identity(Eigen::Index(1) << n, Eigen::Index(1) << n);
        for (const auto& group : a.groups)
            for (const XYRound& round : xyMixerRounds(group, a.mixer))
                for (const QubitPair& pair : round)
                    u = referenceExpI(pairXY(n, pair.a, pair.b), beta) * u;
        return referenceExpI(ungroupedX, beta) * u;
    }
    }
    return {};
}

// The dense initial state from the definitions.
Eigen::VectorXcd denseInitial(const QaoaAnsatz& a)
{
    const auto n = static_cast<unsigned>(a.numQubits);
    const Eigen::Index dim = Eigen::Index(1) << n;
    Eigen::VectorXcd v(dim);
    const auto ungrouped = a.ungroupedQubits();
    for (Eigen::Index z = 0; z < dim; ++z) {
        const Bits x = bitsFromIndex(std::uint64_t(z), n);
        double amp = 1.0;
        if (a.initialState == InitialStateKind::WarmStart) {
            for (unsigned q = 0; q < n; ++q)
                amp *= x[q] ? std::sin(a.warmThetas[q] / 2) : std::cos(a.warmThetas[q] / 2);
        } else {
            for (std::size_t u = 0; u < ungrouped.size(); ++u)
                amp *= std::sqrt(0.5);
            for (const auto& group : a.groups) {
                int ones = 0;
                bool equal = true;
                for (unsigned q : group) {
                    ones += x[q];
                    if (a.initialState == InitialStateKind::BasisState && x[q] != a.basisBits[q])
                        equal = false;
                }
                if (a.initialState == InitialStateKind::WState)
                    amp *= ones == 1 ? 1.0 / std::sqrt(double(group.size())) : 0.0;
                else
                    amp *= equal ? 1.0 : 0.0;
            }
        }
        v(z) = amp;
    }
    return v;
}

// The dense QAOA state.
Eigen::VectorXcd denseState(const QuboModel& qubo, const QaoaAnsatz& a, const QaoaAngles& angles)
{
    const auto n = static_cast<unsigned>(qubo.numVariables());
    Eigen::VectorXcd psi = denseInitial(a);
    for (std::size_t k = 0; k < angles.depth(); ++k) {
        for (Eigen::Index z = 0; z < psi.size(); ++z)
            psi(z) *= std::polar(1.0, -angles.gammas[k] * qubo.energy(bitsFromIndex(std::uint64_t(z), n)));
        psi = denseMixer(a, angles.betas[k]) * psi;
    }
    return psi;
}

// An ansatz of each mixer kind on 6 qubits: groups {4,0,2} and {1,5} (not contiguous, not sorted), qubit 3 free.
QaoaAnsatz sixQubitAnsatz(MixerKind mixer, bool basis)
{
    if (mixer == MixerKind::X)
        return makeXAnsatz(6);
    if (mixer == MixerKind::WarmStart)
        return makeWarmStartAnsatz(std::vector<double>{0.1, 0.8, 0.5, 1.0, 0.0, 0.35}, 0.2);
    Bits bits;
    if (basis)
        bits = {0, 0, 1, 1, 0, 1};
    return makeXYAnsatz(6, {{4, 0, 2}, {1, 5}}, mixer, bits);
}

// Probability of the states that are one-hot on every group.
double feasibleProbability(const std::vector<double>& probabilities, const std::vector<std::vector<unsigned>>& groups)
{
    double total = 0.0;
    for (std::size_t z = 0; z < probabilities.size(); ++z) {
        bool ok = true;
        for (const auto& group : groups) {
            int ones = 0;
            for (unsigned q : group)
                ones += int((z >> q) & 1U);
            ok = ok && ones == 1;
        }
        if (ok)
            total += probabilities[z];
    }
    return total;
}

template <typename F>
bool throwsError(F&& call, ErrorCode code)
{
    try {
        call();
    } catch (const Error& e) {
        return e.code() == code;
    }
    return false;
}

void addMixerRows()
{
    QTest::addColumn<MixerKind>("mixer");
    QTest::addColumn<bool>("basis");
    QTest::newRow("x") << MixerKind::X << false;
    QTest::newRow("warm-start") << MixerKind::WarmStart << false;
    QTest::newRow("xy-ring-w") << MixerKind::XYRing << false;
    QTest::newRow("xy-ring-basis") << MixerKind::XYRing << true;
    QTest::newRow("xy-complete-w") << MixerKind::XYComplete << false;
    QTest::newRow("xy-complete-basis") << MixerKind::XYComplete << true;
    QTest::newRow("xy-parity-w") << MixerKind::XYParityRing << false;
    QTest::newRow("xy-parity-basis") << MixerKind::XYParityRing << true;
}

} // namespace

class TstQaoaSimulation : public QObject {
    Q_OBJECT

private slots:
    void xMixerStateEqualsDenseReference()
    {
        // Random QUBOs n = 1..6, p = 1..3, random angles in [-1.5, 1.5]: every amplitude within 1e-10.
        std::mt19937_64 rng(11);
        for (std::size_t n = 1; n <= 6; ++n)
            for (std::size_t p = 1; p <= 3; ++p) {
                const QuboModel qubo = makeQubo(n, 100 * n + p);
                const QaoaSimulator<double> sim(qubo);
                const QaoaAngles angles = randomAngles(p, rng);
                const Eigen::VectorXcd expected = denseState(qubo, makeXAnsatz(n), angles);
                const double diff = maxDifference(sim.state(angles), expected);
                QVERIFY2(diff < 1e-10, qPrintable(QStringLiteral("n=%1 p=%2 diff=%3").arg(n).arg(p).arg(diff)));
            }
    }

    void everyAnsatzStateEqualsDenseReference_data() { addMixerRows(); }
    void everyAnsatzStateEqualsDenseReference()
    {
        QFETCH(MixerKind, mixer);
        QFETCH(bool, basis);
        const QaoaAnsatz ansatz = sixQubitAnsatz(mixer, basis);
        std::mt19937_64 rng(23);
        for (std::size_t p = 0; p <= 3; ++p) {
            const QuboModel qubo = makeQubo(6, 40 + p);
            const QaoaSimulator<double> sim(qubo, ansatz);
            const QaoaAngles angles = randomAngles(p, rng);
            const double diff = maxDifference(sim.state(angles), denseState(qubo, ansatz, angles));
            QVERIFY2(diff < 1e-10, qPrintable(QStringLiteral("p=%1 diff=%2").arg(p).arg(diff)));
        }
    }

    void mixerEqualsDenseExponentials_data() { addMixerRows(); }
    void mixerEqualsDenseExponentials()
    {
        // XY products equal the products of dense exp(-i beta (XX + YY)) pair unitaries in round order; the exact
        // ring equals one dense exponential of the summed ring Hamiltonian; checked on random states.
        QFETCH(MixerKind, mixer);
        QFETCH(bool, basis);
        const QaoaAnsatz ansatz = sixQubitAnsatz(mixer, basis);
        const QaoaSimulator<double> sim(makeQubo(6, 5), ansatz);
        std::mt19937_64 rng(3);
        for (double beta : {0.0, 0.37, -1.1, 2.9}) {
            const Eigen::VectorXcd v = randomState(6, rng);
            StateVector<double> s = toStateVector<double>(v, 6);
            sim.applyMixer(s, beta);
            const double diff = maxDifference(s, denseMixer(ansatz, beta) * v);
            QVERIFY2(diff < 1e-12, qPrintable(QStringLiteral("beta=%1 diff=%2").arg(beta).arg(diff)));
        }
    }

    void exactRingOnLargerGroups_data()
    {
        QTest::addColumn<std::vector<std::vector<unsigned>>>("groups");
        QTest::newRow("five and one free") << std::vector<std::vector<unsigned>>{{5, 0, 3, 1, 4}};
        QTest::newRow("four and two") << std::vector<std::vector<unsigned>>{{2, 4, 0, 5}, {3, 1}};
    }

    void exactRingOnLargerGroups()
    {
        // Groups of 4 and 5 qubits in scrambled ring order: every weight sector 0..k is non-trivial.
        QFETCH(std::vector<std::vector<unsigned>>, groups);
        const QaoaAnsatz ansatz = makeXYAnsatz(6, groups, MixerKind::XYRing);
        const QaoaSimulator<double> sim(makeQubo(6, 2), ansatz);
        std::mt19937_64 rng(8);
        for (double beta : {0.61, -2.2}) {
            const Eigen::VectorXcd v = randomState(6, rng);
            StateVector<double> s = toStateVector<double>(v, 6);
            sim.applyMixer(s, beta);
            QVERIFY(maxDifference(s, denseMixer(ansatz, beta) * v) < 1e-12);
        }
    }

    void initialStates_data() { addMixerRows(); }
    void initialStates()
    {
        QFETCH(MixerKind, mixer);
        QFETCH(bool, basis);
        const QaoaAnsatz ansatz = sixQubitAnsatz(mixer, basis);
        const QaoaSimulator<double> sim(makeQubo(6, 1), ansatz);
        const StateVector<double> s = sim.initialState();
        QVERIFY(maxDifference(s, denseInitial(ansatz)) < 1e-15);
        QAOA_COMPARE_NEAR(s.normSquared(), 1.0, 1e-14);
        if (mixer != MixerKind::X && mixer != MixerKind::WarmStart) {
            // W: 3 x 2 one-hot patterns times 2 values of the free qubit 3, each amplitude 1/sqrt(3*2*2).
            std::size_t nonzero = 0;
            for (std::uint64_t z = 0; z < s.size(); ++z)
                if (std::abs(s.amplitudes()[z]) > 0.0) {
                    ++nonzero;
                    QAOA_COMPARE_NEAR(std::abs(s.amplitudes()[z]), basis ? std::sqrt(0.5) : 1.0 / std::sqrt(12.0),
                                      1e-15);
                }
            QCOMPARE(nonzero, basis ? std::size_t{2} : std::size_t{12});
        }
    }

    void xyMixersStayOneHotOnLcrp_data()
    {
        QTest::addColumn<int>("tasks");
        QTest::addColumn<int>("slackBits");
        QTest::addColumn<MixerKind>("mixer");
        QTest::addColumn<bool>("basis");
        for (MixerKind mixer : {MixerKind::XYRing, MixerKind::XYComplete, MixerKind::XYParityRing})
            for (bool basis : {false, true})
                for (auto [tasks, slack] : {std::pair{2, 0}, std::pair{3, 0}, std::pair{2, 2}}) {
                    const QString name = QStringLiteral("%1x3+%2 %3 %4")
                                             .arg(tasks)
                                             .arg(slack)
                                             .arg(QString::fromLatin1(mixerKindName(mixer)))
                                             .arg(basis ? QStringLiteral("basis") : QStringLiteral("w"));
                    QTest::newRow(qPrintable(name)) << tasks << slack << mixer << basis;
                }
    }

    void xyMixersStayOneHotOnLcrp()
    {
        // LCRP-sized registers (2x3, 3x3, 2x3 plus two budget slack bits): from W states or from a basis state,
        // p = 1..3 with random angles, the probability outside the one-hot subspace stays below 1e-12.
        QFETCH(int, tasks);
        QFETCH(int, slackBits);
        QFETCH(MixerKind, mixer);
        QFETCH(bool, basis);
        const LcrpInstance instance = test_support::referenceLcrpInstance(std::size_t(tasks), 3, 5.0 * tasks);
        LcrpEncoderOptions options;
        options.budgetSlackBits = slackBits;
        const LcrpEncoding encoding = encodeLcrp(instance, options);
        std::vector<int> assignment;
        if (basis)
            for (int i = 0; i < tasks; ++i)
                assignment.push_back((i + 1) % 3);
        const QaoaAnsatz ansatz = makeLcrpXYAnsatz(encoding, mixer, assignment);
        const QaoaSimulator<double> sim(encoding.qubo, ansatz);
        std::mt19937_64 rng(std::uint64_t(tasks * 10 + slackBits));
        for (std::size_t p = 1; p <= 3; ++p) {
            // LCRP energies are large (penalties ~ 50..400), so small gammas keep the phases varied.
            QaoaAngles angles = randomAngles(p, rng);
            for (double& g : angles.gammas)
                g *= 0.05;
            const std::vector<double> probabilities = sim.probabilities(angles);
            const double feasible = feasibleProbability(probabilities, lcrpOneHotGroups(encoding));
            QVERIFY2(std::abs(1.0 - feasible) < 1e-12,
                     qPrintable(QStringLiteral("p=%1 leak=%2").arg(p).arg(1.0 - feasible)));
        }
    }

    void maxCutReferenceValues()
    {
        // algorithms.md 2.1 in the cut convention; the Max-Cut QUBO's energy is -cut, and exp(-i gamma_cut C)
        // = exp(-i (-gamma_cut) f), so gamma = -gamma_cut, beta = beta_cut and <f> = -<C>.
        WeightedGraph triangle(3);
        triangle.addEdge(0, 1);
        triangle.addEdge(1, 2);
        triangle.addEdge(0, 2);
        const QaoaSimulator<double> k3(encodeMaxCut(triangle));
        QAOA_COMPARE_NEAR(k3.expectation({{-0.7}, {0.3}}), -1.9903842436, 1e-10);

        WeightedGraph paw(4);
        paw.addEdge(0, 1);
        paw.addEdge(1, 2);
        paw.addEdge(0, 2);
        paw.addEdge(2, 3);
        const QaoaSimulator<double> pawSim(encodeMaxCut(paw));
        QAOA_COMPARE_NEAR(pawSim.expectation({{-0.9}, {0.35}}), -2.6109027249, 1e-10);
        // The wrong relative sign must give something else (a cheap convention check).
        QVERIFY(std::abs(pawSim.expectation({{0.9}, {0.35}}) + 2.6109027249) > 1e-3);
    }

    void isingWithFieldsReferenceValue()
    {
        // algorithms.md 2.1: H = 0.5 Z0 - 0.3 Z1 + 1.0 Z0Z1 - 0.7 Z1Z2 + 0.2 Z0Z2, gamma 0.4, beta 0.25.
        IsingModel ising;
        ising.h = {0.5, -0.3, 0.0};
        ising.J = {{0, 1, 1.0}, {0, 2, 0.2}, {1, 2, -0.7}};
        const QaoaSimulator<double> sim(toQubo(ising));
        QAOA_COMPARE_NEAR(sim.expectation({{0.4}, {0.25}}), 0.8182966961, 1e-10);
        // Conjugation symmetry (gamma, beta) -> (-gamma, -beta).
        QAOA_COMPARE_NEAR(sim.expectation({{-0.4}, {-0.25}}), 0.8182966961, 1e-10);
    }

    void warmStartWithHalfEqualsXMixer()
    {
        // c = 1/2 gives theta = pi/2 and H_ws = sum X: the same states as the standard ansatz, amplitude by
        // amplitude (no convention flip in our sign choice).
        const QuboModel qubo = makeQubo(5, 77);
        const QaoaSimulator<double> warm(qubo, makeWarmStartAnsatz(std::vector<double>(5, 0.5), 0.25));
        const QaoaSimulator<double> standard(qubo);
        std::mt19937_64 rng(5);
        for (std::size_t p = 1; p <= 3; ++p) {
            const QaoaAngles angles = randomAngles(p, rng);
            const StateVector<double> a = warm.state(angles);
            const StateVector<double> b = standard.state(angles);
            for (std::uint64_t z = 0; z < a.size(); ++z)
                QVERIFY(std::abs(a.amplitudes()[z] - b.amplitudes()[z]) < 1e-12);
        }
    }

    void warmStartLimits()
    {
        const QuboModel qubo = makeQubo(5, 78);
        const Bits solution{1, 0, 0, 1, 1};
        const QaoaAnsatz ansatz = makeWarmStartAnsatz(solution, 0.15);
        const QaoaSimulator<double> sim(qubo, ansatz);
        const StateVector<double> initial = sim.initialState();
        // The initial state samples x_j = 1 with probability c*_j.
        const std::vector<double> p0 = initial.probabilities();
        QAOA_COMPARE_NEAR(p0[bitsToIndex(solution)], std::pow(0.85, 5), 1e-14);

        // beta = 0: only cost phases act, so every probability stays that of the initial state.
        const std::vector<double> pBeta0 = sim.probabilities({{0.8, -0.3}, {0.0, 0.0}});
        for (std::size_t z = 0; z < p0.size(); ++z)
            QAOA_COMPARE_NEAR(pBeta0[z], p0[z], 1e-14);

        // gamma = 0: the initial state is the +1 eigenstate of every mixer term, so each layer only multiplies
        // it by exp(-i beta n).
        const QaoaAngles angles{{0.0, 0.0}, {0.4, -1.3}};
        const StateVector<double> s = sim.state(angles);
        const Cd phase = std::polar(1.0, -5.0 * (0.4 - 1.3));
        for (std::uint64_t z = 0; z < s.size(); ++z)
            QVERIFY(std::abs(s.amplitudes()[z] - phase * initial.amplitudes()[z]) < 1e-13);
        QAOA_COMPARE_NEAR(sim.expectation(angles), sim.expectation({{}, {}}), 1e-12);
    }

    void gradientEqualsCentralDifferences_data() { addMixerRows(); }
    void gradientEqualsCentralDifferences()
    {
        // dE/dtheta against (E(theta + h) - E(theta - h)) / 2h with h = 1e-5 (truncation ~1e-10); relative 1e-6.
        QFETCH(MixerKind, mixer);
        QFETCH(bool, basis);
        const QaoaAnsatz ansatz = sixQubitAnsatz(mixer, basis);
        std::mt19937_64 rng(99);
        for (std::size_t p = 1; p <= 3; ++p) {
            const QuboModel qubo = makeQubo(6, 300 + p);
            const QaoaSimulator<double> sim(qubo, ansatz);
            const QaoaAngles angles = randomAngles(p, rng);
            std::vector<double> gradient;
            const double energy = sim.expectationAndGradient(angles, gradient);
            QAOA_COMPARE_NEAR(energy, sim.expectation(angles), 1e-12);
            QCOMPARE(gradient.size(), 2 * p);
            const std::vector<double> x = angles.flatten();
            const double h = 1e-5;
            bool nonzero = false;
            for (std::size_t i = 0; i < x.size(); ++i) {
                std::vector<double> plus = x;
                std::vector<double> minus = x;
                plus[i] += h;
                minus[i] -= h;
                const double fd = (sim.expectation(QaoaAngles::unflatten(plus))
                                   - sim.expectation(QaoaAngles::unflatten(minus)))
                    / (2 * h);
                const QString message = QStringLiteral("p=%1 i=%2 adjoint %3 fd %4")
                                            .arg(p)
                                            .arg(i)
                                            .arg(gradient[i], 0, 'g', 12)
                                            .arg(fd, 0, 'g', 12);
                QVERIFY2(test_support::near(gradient[i], fd, 1e-6), qPrintable(message));
                nonzero = nonzero || std::abs(gradient[i]) > 1e-3;
            }
            QVERIFY(nonzero);  // the check is not vacuous
        }
    }

    void gradientOnLcrpWithSlack()
    {
        // The XY gradient with ungrouped slack qubits on a real encoding (2x3 + 2 slack bits), scaled angles.
        const LcrpInstance instance = test_support::referenceLcrpInstance(2, 3, 10.0);
        LcrpEncoderOptions options;
        options.budgetSlackBits = 2;
        const LcrpEncoding encoding = encodeLcrp(instance, options);
        const QaoaSimulator<double> sim(encoding.qubo, makeLcrpXYAnsatz(encoding, MixerKind::XYParityRing));
        const QaoaAngles angles{{0.011, -0.007}, {0.4, 0.9}};
        std::vector<double> gradient;
        sim.expectationAndGradient(angles, gradient);
        const std::vector<double> x = angles.flatten();
        for (std::size_t i = 0; i < x.size(); ++i) {
            const double h = i < 2 ? 1e-7 : 1e-5;  // the gammas multiply energies of size ~100
            std::vector<double> plus = x;
            std::vector<double> minus = x;
            plus[i] += h;
            minus[i] -= h;
            const double fd = (sim.expectation(QaoaAngles::unflatten(plus))
                               - sim.expectation(QaoaAngles::unflatten(minus)))
                / (2 * h);
            QVERIFY2(test_support::near(gradient[i], fd, 1e-6),
                     qPrintable(QStringLiteral("i=%1 adjoint %2 fd %3").arg(i).arg(gradient[i]).arg(fd)));
        }
    }

    void probabilitiesAndExpectationAgree()
    {
        const QuboModel qubo = makeQubo(7, 4);
        const QaoaSimulator<double> sim(qubo);
        const QaoaAngles angles{{0.3, -0.2}, {0.5, 0.1}};
        const std::vector<double> p = sim.probabilities(angles);
        double total = 0.0;
        double energy = 0.0;
        for (std::size_t z = 0; z < p.size(); ++z) {
            total += p[z];
            energy += p[z] * qubo.energy(bitsFromIndex(z, 7));
            QAOA_COMPARE_NEAR(sim.diagonal()[z], qubo.energy(bitsFromIndex(z, 7)), 1e-12);
        }
        QAOA_COMPARE_NEAR(total, 1.0, 1e-13);
        QAOA_COMPARE_NEAR(sim.expectation(angles), energy, 1e-12);
        // Depth 0: the uniform state, whose expectation is the mean energy; empty gradient.
        std::vector<double> gradient{1.0};
        double mean = 0.0;
        for (double e : sim.diagonal())
            mean += e / double(sim.diagonal().size());
        QAOA_COMPARE_NEAR(sim.expectationAndGradient({{}, {}}, gradient), mean, 1e-12);
        QVERIFY(gradient.empty());
    }

    void singlePrecisionTracksDouble()
    {
        const QuboModel qubo = makeQubo(8, 9);
        for (MixerKind mixer : {MixerKind::X, MixerKind::XYRing, MixerKind::XYComplete}) {
            const QaoaAnsatz ansatz =
                mixer == MixerKind::X ? makeXAnsatz(8) : makeXYAnsatz(8, {{0, 1, 2, 3}, {4, 5, 6}}, mixer);
            const QaoaSimulator<double> d(qubo, ansatz, 1);
            const QaoaSimulator<float> f(qubo, ansatz, 1);
            const QaoaAngles angles{{0.2, 0.5}, {0.7, -0.4}};
            std::vector<double> gd;
            std::vector<double> gf;
            QAOA_COMPARE_NEAR(f.expectationAndGradient(angles, gf), d.expectationAndGradient(angles, gd), 1e-5);
            for (std::size_t i = 0; i < gd.size(); ++i)
                QAOA_COMPARE_NEAR(gf[i], gd[i], 1e-4);
        }
    }

    void threadCountDoesNotChangeResults()
    {
        const QuboModel qubo = makeQubo(10, 12);
        const QaoaAnsatz ansatz = makeXYAnsatz(10, {{0, 1, 2}, {3, 4, 5}, {6, 7, 8}}, MixerKind::XYRing);
        const QaoaSimulator<double> one(qubo, ansatz, 1);
        const QaoaSimulator<double> two(qubo, ansatz, 2);
        const QaoaAngles angles{{0.3}, {0.8}};
        std::vector<double> g1;
        std::vector<double> g2;
        QAOA_COMPARE_NEAR(one.expectationAndGradient(angles, g1), two.expectationAndGradient(angles, g2), 1e-13);
        QAOA_COMPARE_NEAR(g1[0], g2[0], 1e-12);
        QAOA_COMPARE_NEAR(g1[1], g2[1], 1e-12);
    }

    void rejectsBadArguments()
    {
        const QuboModel qubo = makeQubo(4, 1);
        QVERIFY(throwsError([&] { (void)QaoaSimulator<double>(qubo, makeXAnsatz(5)); }, ErrorCode::InvalidArgument));
        QVERIFY(throwsError([] { (void)QaoaSimulator<double>(QuboModel{}); }, ErrorCode::InvalidArgument));
        QaoaAnsatz broken = makeXYAnsatz(4, {{0, 1}}, MixerKind::XYRing);
        broken.groups.push_back({1, 2});
        QVERIFY(throwsError([&] { (void)QaoaSimulator<double>(qubo, broken); }, ErrorCode::InvalidArgument));

        const QaoaSimulator<double> sim(qubo);
        QVERIFY(throwsError([&] { sim.expectation({{0.1, 0.2}, {0.3}}); }, ErrorCode::InvalidArgument));
        QVERIFY(throwsError([&] { sim.expectation({{std::nan("")}, {0.3}}); }, ErrorCode::InvalidArgument));
        QVERIFY(throwsError([&] { sim.expectation({{0.1}, {INFINITY}}); }, ErrorCode::InvalidArgument));
        StateVector<double> wrong(3);
        QVERIFY(throwsError([&] { sim.applyMixer(wrong, 0.1); }, ErrorCode::InvalidArgument));
        QVERIFY(throwsError([&] { sim.applyCost(wrong, 0.1); }, ErrorCode::InvalidArgument));
    }
};

QTEST_APPLESS_MAIN(TstQaoaSimulation)
#include "qaoa_simulation.test.moc"
