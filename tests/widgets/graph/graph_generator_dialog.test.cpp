// SPDX-License-Identifier: MIT
// Tests of the graph generator dialog: every family through generateGraph, settings round trip, rejected input.
#include "graph/graph_generator_dialog.h"

#include <QtTest>

#include "core/error.h"
#include "transpile/device_catalog.h"
#include "transpile/swap_enhanced_instance.h"

#include <QComboBox>
#include <QSpinBox>

using namespace workbench;

class TstGraphGeneratorDialog : public QObject {
    Q_OBJECT

private slots:
    void familiesMatchEngineGenerators();
    void settingsRoundTrip();
    void acceptRejectsBadParameters();
    void limits();
    void swapHeavyHexPresets();
    void swapHeavyHexCustomAndErrors();
};

void TstGraphGeneratorDialog::familiesMatchEngineGenerators()
{
    GraphGeneratorSettings s;
    s.vertices = 12;
    s.seed = 9;
    s.weights = engine::WeightKind::PlusMinusOne;
    s.family = GraphFamily::ErdosRenyi;
    s.edgeProbability = 0.5;
    QCOMPARE(generateGraph(s).edges().size(),
             engine::erdosRenyiGraph(12, 0.5, engine::WeightKind::PlusMinusOne, 9).edges().size());
    s.family = GraphFamily::RandomRegular;
    s.degree = 4;
    QCOMPARE(generateGraph(s).numEdges(), std::size_t{24});
    s.family = GraphFamily::Line;
    QCOMPARE(generateGraph(s).numEdges(), std::size_t{11});
    s.family = GraphFamily::Complete;
    const engine::WeightedGraph sk = generateGraph(s);
    QCOMPARE(sk.numEdges(), std::size_t{66});
    const engine::WeightedGraph reference = engine::completeGraph(12, engine::WeightKind::PlusMinusOne, 9);
    for (std::size_t i = 0; i < sk.numEdges(); ++i)
        QCOMPARE(sk.edges()[i].weight, reference.edges()[i].weight);
}

void TstGraphGeneratorDialog::settingsRoundTrip()
{
    GraphGeneratorDialog dialog;
    GraphGeneratorSettings s;
    s.family = GraphFamily::ErdosRenyi;
    s.vertices = 33;
    s.edgeProbability = 0.125;
    s.degree = 5;
    s.weights = engine::WeightKind::Uniform;
    s.seed = 12345;
    s.problem = GraphProblemKind::Mis;
    dialog.setSettings(s);
    const GraphGeneratorSettings back = dialog.settings();
    QCOMPARE(back.family, s.family);
    QCOMPARE(back.vertices, 33);
    QCOMPARE(back.edgeProbability, 0.125);
    QCOMPARE(back.degree, 5);
    QCOMPARE(back.weights, engine::WeightKind::Uniform);
    QCOMPARE(back.seed, std::uint64_t{12345});
    QCOMPARE(back.problem, GraphProblemKind::Mis);
}

void TstGraphGeneratorDialog::acceptRejectsBadParameters()
{
    GraphGeneratorDialog dialog;
    GraphGeneratorSettings s;
    s.family = GraphFamily::RandomRegular;
    s.vertices = 7;
    s.degree = 3;  // n d odd
    dialog.setSettings(s);
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!dialog.errorText().isEmpty());
    s.vertices = 8;
    dialog.setSettings(s);
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.graph().numEdges(), std::size_t{12});
    QVERIFY(dialog.errorText().isEmpty());
}

void TstGraphGeneratorDialog::limits()
{
    GraphGeneratorSettings s;
    s.family = GraphFamily::Complete;
    s.vertices = 1000;  // 499500 edges
    QVERIFY_THROWS_EXCEPTION(engine::Error, generateGraph(s));
    s.vertices = MAX_GENERATED_VERTICES + 1;
    s.family = GraphFamily::Line;
    QVERIFY_THROWS_EXCEPTION(engine::Error, generateGraph(s));
}

void TstGraphGeneratorDialog::swapHeavyHexPresets()
{
    GraphGeneratorSettings s;
    s.family = GraphFamily::SwapHeavyHex;
    s.device = QStringLiteral("torino");
    s.swapPreset = 41;
    s.seed = 7;
    const engine::WeightedGraph g = generateGraph(s);
    QCOMPARE(g.numVertices(), std::size_t{41});
    QCOMPARE(g.numEdges(), std::size_t{68});
    const engine::WeightedGraph reference =
        engine::swapEnhancedPreset(engine::deviceFromSpec("torino"), engine::SwapEnhancedPreset::Vertices41, 7).graph;
    for (std::size_t k = 0; k < g.numEdges(); ++k)
        QCOMPARE(g.edges()[k].weight, reference.edges()[k].weight);

    // Through the dialog: the preset fixes the size, so vertices and weights are disabled; custom enables them.
    GraphGeneratorDialog dialog;
    s.swapPreset = 24;
    s.seed = 3;
    dialog.setSettings(s);
    const GraphGeneratorSettings back = dialog.settings();
    QCOMPARE(back.family, GraphFamily::SwapHeavyHex);
    QCOMPARE(back.device, QStringLiteral("torino"));
    QCOMPARE(back.swapPreset, 24);
    const auto* vertices = dialog.findChild<QSpinBox*>(QStringLiteral("vertices"));
    QVERIFY(vertices != nullptr);
    QVERIFY(!vertices->isEnabled());
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.graph().numVertices(), std::size_t{24});
    QCOMPARE(dialog.graph().numEdges(), std::size_t{40});
    s.swapPreset = 0;
    dialog.setSettings(s);
    QVERIFY(vertices->isEnabled());
}

void TstGraphGeneratorDialog::swapHeavyHexCustomAndErrors()
{
    GraphGeneratorSettings s;
    s.family = GraphFamily::SwapHeavyHex;
    s.device = QStringLiteral("heavy-hex:heron-r2");
    s.swapPreset = 0;
    s.vertices = 12;
    s.seedQubit = 40;
    s.targetEdges = 0;
    s.seed = 2;
    s.problem = GraphProblemKind::Mis;
    GraphGeneratorDialog dialog;
    dialog.setSettings(s);
    const GraphGeneratorSettings back = dialog.settings();
    QCOMPARE(back.seedQubit, 40);
    QCOMPARE(back.vertices, 12);
    QCOMPARE(back.problem, GraphProblemKind::Mis);
    engine::SwapEnhancedOptions o;
    o.numVertices = 12;
    o.seedQubit = 40;
    o.weightSeed = 2;
    const engine::WeightedGraph reference =
        engine::generateSwapEnhancedInstance(engine::deviceFromSpec("heavy-hex:heron-r2"), o).graph;
    QCOMPARE(generateGraph(back).numEdges(), reference.numEdges());
    QVERIFY(reference.numEdges() > 12);

    s.device = QStringLiteral("nowhere");
    dialog.setSettings(s);
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!dialog.errorText().isEmpty());
    s.device = QStringLiteral("heavy-hex:heron-r2");
    s.targetEdges = 100;  // far more than 12 qubits can reach
    QVERIFY_THROWS_EXCEPTION(engine::Error, generateGraph(s));
}

QTEST_MAIN(TstGraphGeneratorDialog)
#include "graph_generator_dialog.test.moc"
