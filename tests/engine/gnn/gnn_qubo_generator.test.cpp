// SPDX-License-Identifier: MIT
// Tests of the random Erdos-Renyi QUBOs of the GNN data: determinism, ranges, families, errors.
#include "gnn/gnn_qubo_generator.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "qubo/ising_model.h"

#include <set>

using engine::GnnQuboFamily;

class TestGnnQuboGenerator : public QObject {
    Q_OBJECT

private slots:
    void specsAreDeterministicAndInRange()
    {
        std::set<std::string> families;
        for (std::uint64_t k = 0; k < 200; ++k) {
            const engine::GnnQuboSpec a = engine::drawGnnQuboSpec(3, k, 10, 14);
            const engine::GnnQuboSpec b = engine::drawGnnQuboSpec(3, k, 10, 14);
            QCOMPARE(a.numNodes, b.numNodes);
            QCOMPARE(a.edgeProbability, b.edgeProbability);
            QCOMPARE(a.seed, b.seed);
            QVERIFY(a.numNodes >= 10 && a.numNodes <= 14);
            QVERIFY(a.edgeProbability >= 0.1 && a.edgeProbability <= 0.9);
            families.insert(engine::gnnQuboFamilyName(a.family));
        }
        QCOMPARE(families.size(), std::size_t(5));  // all five families drawn in 200 specs
        QVERIFY(engine::drawGnnQuboSpec(3, 0, 10, 14).seed != engine::drawGnnQuboSpec(4, 0, 10, 14).seed);
    }

    void quboFollowsItsFamily_data()
    {
        QTest::addColumn<int>("family");
        for (GnnQuboFamily f : {GnnQuboFamily::Uniform, GnnQuboFamily::FixedNode, GnnQuboFamily::FixedEdge,
                                GnnQuboFamily::MaxCut, GnnQuboFamily::Mis})
            QTest::newRow(engine::gnnQuboFamilyName(f)) << int(f);
    }

    void quboFollowsItsFamily()
    {
        QFETCH(int, family);
        engine::GnnQuboSpec spec;
        spec.numNodes = 12;
        spec.edgeProbability = 0.5;
        spec.family = static_cast<GnnQuboFamily>(family);
        spec.seed = 11;
        const engine::QuboModel q = engine::gnnQubo(spec);
        QVERIFY(q == engine::gnnQubo(spec));
        QCOMPARE(q.numVariables(), std::size_t(12));
        QVERIFY(q.numQuadraticTerms() > 0);
        QVERIFY(q.maxAbsCoefficient() <= 1.0 + 1e-12);
        const std::vector<engine::QuadraticTerm> terms = q.quadraticTerms();
        if (spec.family == GnnQuboFamily::FixedEdge)
            for (const engine::QuadraticTerm& t : terms)
                QCOMPARE(t.value, terms.front().value);
        if (spec.family == GnnQuboFamily::FixedNode)
            for (std::size_t i = 0; i < 12; ++i)
                QCOMPARE(q.linear(i), q.linear(0));
        if (spec.family == GnnQuboFamily::MaxCut) {
            const engine::IsingModel ising = engine::toIsing(q);
            for (double h : ising.h)
                QVERIFY(std::abs(h) < 1e-12);  // Max-Cut has no fields
        }
        QCOMPARE(engine::gnnQuboFamilyFromName(engine::gnnQuboFamilyName(spec.family)), spec.family);
    }

    void sparseGraphsStillHaveACoupling()
    {
        for (std::uint64_t seed = 1; seed <= 20; ++seed) {
            engine::GnnQuboSpec spec;
            spec.numNodes = 3;
            spec.edgeProbability = 0.1;
            spec.seed = seed;
            QVERIFY(engine::gnnQubo(spec).numQuadraticTerms() >= 1);
        }
    }

    void errors()
    {
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::drawGnnQuboSpec(1, 0, 1, 5));
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::drawGnnQuboSpec(1, 0, 8, 6));
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::gnnQuboFamilyFromName("random"));
    }
};

QTEST_GUILESS_MAIN(TestGnnQuboGenerator)
#include "gnn_qubo_generator.test.moc"
