// SPDX-License-Identifier: MIT
// Tests of the AR* curvature: against second differences of the energy, the quadratic model of the AR* loss,
// scale covariance, positive semi-definiteness and errors.
#include "gnn/angle_curvature.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "gnn/angle_label_chain.h"
#include "gnn/gnn_benchmark.h"
#include "gnn/gnn_features.h"
#include "gnn/gnn_qubo_generator.h"
#include "qaoa/qaoa_simulation.h"
#include "qubo/ising_model.h"

#include <random>

using engine::QaoaAngles;

namespace {

struct Labelled {
    engine::QuboModel qubo;
    engine::AngleChainResult chain;
    double scale = 1.0;
};

/// An 8-variable random QUBO with optimised angles up to p = 3.
Labelled labelled(std::uint64_t index)
{
    Labelled l;
    l.qubo = engine::gnnQubo(engine::drawGnnQuboSpec(23, index, 8, 8));
    engine::AngleChainOptions o;
    o.maxDepth = 3;
    o.restarts = 1;
    l.chain = engine::optimizeAngleChain(l.qubo, o);
    l.scale = engine::isingLocalFieldScale(engine::toIsing(l.qubo));
    return l;
}

/// `a` moved by d in target units (gamma_k L, beta_k).
QaoaAngles moved(const QaoaAngles& a, const Eigen::VectorXd& d, double scale)
{
    QaoaAngles out = a;
    for (std::size_t k = 0; k < a.depth(); ++k) {
        out.gammas[k] += d(static_cast<Eigen::Index>(k)) / scale;
        out.betas[k] += d(static_cast<Eigen::Index>(a.depth() + k));
    }
    return out;
}

} // namespace

class TestAngleCurvature : public QObject {
    Q_OBJECT

private slots:
    // The slow reference: the Hessian of AR* from second differences of expectation() alone (no gradients),
    // h = 1e-3 in target units; agreement to 1e-4 of the largest entry where the Hessian is positive definite.
    void matchesSecondDifferencesOfTheEnergy()
    {
        const Labelled l = labelled(1);
        const QaoaAngles& a = l.chain.levels[1].angles;
        const double range = l.chain.maxEnergy - l.chain.minEnergy;
        const Eigen::MatrixXd c = engine::arStarCurvature(l.qubo, a, l.scale, range);
        const engine::QaoaSimulator<double> sim(l.qubo, 1);
        const double h = 1e-3;
        auto ar = [&](const Eigen::VectorXd& d) {
            return engine::arStar(sim.expectation(moved(a, d, l.scale)), l.chain.minEnergy, l.chain.maxEnergy);
        };
        Eigen::MatrixXd reference(4, 4);
        for (Eigen::Index i = 0; i < 4; ++i)
            for (Eigen::Index j = 0; j < 4; ++j) {
                Eigen::VectorXd ei = Eigen::VectorXd::Zero(4);
                Eigen::VectorXd ej = Eigen::VectorXd::Zero(4);
                ei(i) = h;
                ej(j) = h;
                // d^2 (-AR*) / d_i d_j / 2, the coefficient of the quadratic form.
                reference(i, j) = -(ar(ei + ej) - ar(ei - ej) - ar(ej - ei) + ar(-ei - ej)) / (4.0 * h * h) / 2.0;
            }
        QVERIFY2(Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(reference).eigenvalues().minCoeff() > 0.0,
                 "the label is not a strict local optimum; pick another instance");
        const double worst = (c - reference).cwiseAbs().maxCoeff() / reference.cwiseAbs().maxCoeff();
        QVERIFY2(worst < 1e-4, qPrintable(QString("worst relative difference %1").arg(worst)));
    }

    // The quadratic form predicts the AR* lost by small steps: within 5 % for steps of 0.01 in random directions.
    void predictsTheArStarLoss()
    {
        const Labelled l = labelled(2);
        const QaoaAngles& a = l.chain.levels[2].angles;
        const Eigen::MatrixXd c =
            engine::arStarCurvature(l.qubo, a, l.scale, l.chain.maxEnergy - l.chain.minEnergy);
        const engine::QaoaSimulator<double> sim(l.qubo, 1);
        const double base = engine::arStar(sim.expectation(a), l.chain.minEnergy, l.chain.maxEnergy);
        std::mt19937_64 rng(4);
        std::normal_distribution<double> normal;
        for (int trial = 0; trial < 5; ++trial) {
            Eigen::VectorXd d(6);
            for (Eigen::Index k = 0; k < 6; ++k)
                d(k) = normal(rng);
            d *= 0.01 / d.norm();
            const double lost = base - engine::arStar(sim.expectation(moved(a, d, l.scale)), l.chain.minEnergy,
                                                      l.chain.maxEnergy);
            const double predicted = d.dot(c * d);
            QVERIFY2(std::abs(lost - predicted) <= 0.05 * std::abs(predicted) + 1e-9,
                     qPrintable(QString("lost %1, predicted %2").arg(lost).arg(predicted)));
        }
    }

    // Symmetric, positive semi-definite; scaling the QUBO by c leaves C unchanged in target units.
    void symmetricPsdAndScaleFree()
    {
        const Labelled l = labelled(3);
        const QaoaAngles& a = l.chain.levels[1].angles;
        const double range = l.chain.maxEnergy - l.chain.minEnergy;
        const Eigen::MatrixXd c = engine::arStarCurvature(l.qubo, a, l.scale, range);
        QVERIFY((c - c.transpose()).norm() <= 1e-14 * c.norm());
        QVERIFY(Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(c).eigenvalues().minCoeff() > -1e-12 * c.norm());
        engine::QuboModel scaled(l.qubo.numVariables());
        for (std::size_t i = 0; i < l.qubo.numVariables(); ++i)
            if (l.qubo.linear(i) != 0.0)
                scaled.addLinear(i, 3.0 * l.qubo.linear(i));
        for (const engine::QuadraticTerm& t : l.qubo.quadraticTerms())
            scaled.addQuadratic(t.i, t.j, 3.0 * t.value);
        QaoaAngles a3 = a;
        for (double& g : a3.gammas)
            g /= 3.0;
        const Eigen::MatrixXd c3 = engine::arStarCurvature(scaled, a3, 3.0 * l.scale, 3.0 * range);
        QVERIFY2((c3 - c).norm() <= 1e-6 * c.norm(), qPrintable(QString::number((c3 - c).norm() / c.norm())));
    }

    void errors()
    {
        const Labelled l = labelled(1);
        const QaoaAngles& a = l.chain.levels[1].angles;
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::arStarCurvature(l.qubo, QaoaAngles{}, 1.0, 1.0));
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::arStarCurvature(l.qubo, a, 0.0, 1.0));
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::arStarCurvature(l.qubo, a, 1.0, -1.0));
    }
};

QTEST_GUILESS_MAIN(TestAngleCurvature)
#include "angle_curvature.test.moc"
