// SPDX-License-Identifier: MIT
// Tests of the Adam optimiser: the first step by hand, convergence on a quadratic, errors.
#include "gnn/adam_optimizer.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"

class TestAdamOptimizer : public QObject {
    Q_OBJECT

private slots:
    void firstStepIsLearningRateTimesSign()
    {
        // After bias correction the first step is lr * g / (|g| + eps) per coordinate.
        engine::AdamOptimizer adam(3, 0.1);
        Eigen::VectorXd x = Eigen::VectorXd::Zero(3);
        Eigen::VectorXd g(3);
        g << 2.0, -0.5, 0.0;
        adam.step(x, g);
        QVERIFY(test_support::near(x(0), -0.1, 1e-7));
        QVERIFY(test_support::near(x(1), 0.1, 1e-7));
        QCOMPARE(x(2), 0.0);
        QCOMPARE(adam.steps(), std::uint64_t(1));
    }

    void minimisesAnIllConditionedQuadratic()
    {
        // f(x) = sum_k c_k (x_k - t_k)^2 with curvatures over three decades.
        Eigen::VectorXd c(3);
        c << 1.0, 10.0, 1000.0;
        Eigen::VectorXd t(3);
        t << 1.0, -2.0, 0.5;
        engine::AdamOptimizer adam(3, 0.05);
        Eigen::VectorXd x = Eigen::VectorXd::Zero(3);
        for (int k = 0; k < 3000; ++k) {
            if (k == 2000)
                adam.setLearningRate(0.005);
            adam.step(x, (2.0 * c.array() * (x - t).array()).matrix());
        }
        QVERIFY2((x - t).norm() < 1e-3, qPrintable(QString("distance %1").arg((x - t).norm())));
    }

    void errors()
    {
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::AdamOptimizer(2, 0.0));
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::AdamOptimizer(2, 0.1, 1.0));
        engine::AdamOptimizer adam(2, 0.1);
        QVERIFY_THROWS_EXCEPTION(engine::Error, adam.setLearningRate(-1.0));
        Eigen::VectorXd x = Eigen::VectorXd::Zero(2);
        QVERIFY_THROWS_EXCEPTION(engine::Error, adam.step(x, Eigen::VectorXd::Zero(3)));
    }
};

QTEST_GUILESS_MAIN(TestAdamOptimizer)
#include "adam_optimizer.test.moc"
