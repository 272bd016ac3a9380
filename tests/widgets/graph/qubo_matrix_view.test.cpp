// SPDX-License-Identifier: MIT
// Tests of QuboMatrixView: the QUBO shown equals the engine's Max-Cut, MIS and general encodings; rebuilds debounce.
#include "graph/qubo_matrix_view.h"

#include <QtTest>

#include "graph/graph_commands.h"
#include "graph/graph_document.h"
#include "graph/graph_generators.h"
#include "graph/graph_problems.h"

#include <QUndoStack>

using namespace workbench;

namespace {

GraphData smallGraph(GraphProblemKind problem)
{
    engine::WeightedGraph g(5);
    g.addEdge(0, 1, 1.5);
    g.addEdge(1, 2, -2.0);
    g.addEdge(2, 3, 0.5);
    g.addEdge(0, 4, 3.0);
    g.addEdge(3, 4, 1.0);
    return graphDataFrom(g, problem, std::vector<QPointF>(5));
}

// Compares every cell of the view with the model: a_i on the diagonal, b_ij off it (both triangles).
void compareCells(const QuboMatrixView& view, const engine::QuboModel& expected)
{
    const auto n = static_cast<int>(expected.numVariables());
    QCOMPARE(static_cast<int>(view.qubo().numVariables()), n);
    QCOMPARE(view.image().width(), n);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
            const double want = i == j ? expected.linear(static_cast<std::size_t>(i))
                                       : expected.quadratic(static_cast<std::size_t>(i), static_cast<std::size_t>(j));
            QCOMPARE(view.cell(i, j), want);
            // Zero cells are white, others are not.
            QCOMPARE(view.image().pixel(j, i) == qRgb(255, 255, 255), want == 0.0);
        }
}

} // namespace

class TstQuboMatrixView : public QObject {
    Q_OBJECT

private slots:
    void maxCutMatchesEngine();
    void misMatchesEngine();
    void quboKindUsesLinearTermsAndOffset();
    void editsRebuildOnceAfterDelay();
};

void TstQuboMatrixView::maxCutMatchesEngine()
{
    GraphDocument document;
    document.resetData(smallGraph(GraphProblemKind::MaxCut));
    QuboMatrixView view(&document);
    const engine::QuboModel expected = engine::encodeMaxCut(document.data().graph());
    QVERIFY(view.qubo() == expected);
    compareCells(view, expected);
    QCOMPARE(view.cell(0, 1), 3.0);    // b = 2 w
    QCOMPARE(view.cell(0, 0), -4.5);   // a_0 = -(1.5 + 3)
}

void TstQuboMatrixView::misMatchesEngine()
{
    GraphDocument document;
    GraphData data = smallGraph(GraphProblemKind::Mis);
    data.misPenalty = 3.0;
    document.resetData(data);
    QuboMatrixView view(&document);
    const engine::QuboModel expected = engine::encodeMis(document.data().graph(), 3.0);
    QVERIFY(view.qubo() == expected);
    compareCells(view, expected);
    QCOMPARE(view.cell(1, 2), 3.0);  // lambda on every edge, weights ignored
    QCOMPARE(view.cell(4, 4), -1.0);
}

void TstQuboMatrixView::quboKindUsesLinearTermsAndOffset()
{
    GraphDocument document;
    GraphData data = smallGraph(GraphProblemKind::Qubo);
    data.linear = {1.0, 0.0, -2.0, 0.5, 0.0};
    data.offset = 4.0;
    document.resetData(data);
    QuboMatrixView view(&document);
    engine::QuboModel expected(5);
    expected.addLinear(0, 1.0);
    expected.addLinear(2, -2.0);
    expected.addLinear(3, 0.5);
    for (const engine::Edge& e : data.edges)
        expected.addQuadratic(e.u, e.v, e.weight);
    expected.addOffset(4.0);
    QVERIFY(view.qubo() == expected);
    compareCells(view, expected);
    QVERIFY(view.summaryText().contains(QLocale().toString(4.0, 'g', 6)));
}

void TstQuboMatrixView::editsRebuildOnceAfterDelay()
{
    GraphDocument document;
    document.resetData(smallGraph(GraphProblemKind::MaxCut));
    QuboMatrixView view(&document);
    const int before = view.rebuildCount();
    for (int k = 0; k < 5; ++k)
        document.undoStack()->push(new SetEdgeWeight(&document, 0, 10.0 + k));
    // Five edits, one pending rebuild.
    QVERIFY(view.isRebuildPending());
    QCOMPARE(view.rebuildCount(), before);
    QTRY_VERIFY(!view.isRebuildPending());
    QCOMPARE(view.rebuildCount(), before + 1);
    QCOMPARE(view.cell(0, 1), 28.0);
    // Moves do not touch the QUBO and schedule nothing.
    document.undoStack()->push(new MoveVertices(&document, {0}, {QPointF()}, {QPointF(3, 3)}));
    QVERIFY(!view.isRebuildPending());
}

QTEST_MAIN(TstQuboMatrixView)
#include "qubo_matrix_view.test.moc"
