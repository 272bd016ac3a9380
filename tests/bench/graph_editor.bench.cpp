// SPDX-License-Identifier: MIT
// Benchmark of the graph editor on a 1000-vertex random 3-regular graph: scene build, repaint, moves, undo.
//
// Usage: bench_graph_editor [--vertices=N] [--moves=N]
// Prints milliseconds per operation for: building the GraphScene, repainting the GraphView (rendered into a QImage),
// moving vertices one by one through MoveVertices commands, undoing those moves, deleting and restoring a vertex,
// re-encoding the live QUBO view, and the background spring layout. Goal (issue 7): every interactive step
// (everything but the spring layout, which runs off the GUI thread) well under 50 ms. Runs offscreen in ~2 s.
#include "graph/graph_commands.h"
#include "graph/graph_document.h"
#include "graph/graph_generators.h"
#include "graph/graph_layout.h"
#include "graph/graph_scene.h"
#include "graph/graph_table_model.h"
#include "graph/graph_view.h"
#include "graph/qubo_matrix_view.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QUndoStack>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>

using namespace workbench;

namespace {

constexpr double GOAL_MS = 50.0;
bool g_allFast = true;

void report(const char* what, double totalMs, int count, bool interactive = true)
{
    const double per = totalMs / count;
    const bool fast = !interactive || per < GOAL_MS;
    g_allFast = g_allFast && fast;
    std::printf("%-44s %9.3f ms/op  (%d ops, %.1f ms total)%s\n", what, per, count, totalMs,
                interactive ? (fast ? "" : "  SLOWER THAN GOAL") : "  [background]");
}

int argValue(int argc, char** argv, const char* name, int fallback)
{
    const std::size_t len = std::strlen(name);
    for (int i = 1; i < argc; ++i)
        if (std::strncmp(argv[i], name, len) == 0 && argv[i][len] == '=')
            return std::atoi(argv[i] + len + 1);
    return fallback;
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int n = argValue(argc, argv, "--vertices", 1000);
    const int moves = argValue(argc, argv, "--moves", 100);
    std::printf("graph editor benchmark: random 3-regular graph, %d vertices, %d moves (goal < %.0f ms per step)\n", n,
                moves, GOAL_MS);

    const engine::WeightedGraph graph =
        engine::randomRegularGraph(static_cast<std::size_t>(n), 3, engine::WeightKind::Uniform, 1);
    QElapsedTimer timer;
    timer.start();
    const std::vector<engine::LayoutPoint> layout = engine::springLayout(graph);
    report("spring layout (engine, off the GUI thread)", static_cast<double>(timer.nsecsElapsed()) / 1e6, 1, false);
    std::vector<QPointF> positions;
    for (const engine::LayoutPoint& p : layout)
        positions.emplace_back(p.x * LAYOUT_SCALE, p.y * LAYOUT_SCALE);

    GraphDocument document;
    document.resetData(graphDataFrom(graph, GraphProblemKind::MaxCut, positions));
    GraphTableModel model(&document);

    timer.restart();
    auto* scene = new GraphScene(&document);
    report("build scene (vertex and edge items)", static_cast<double>(timer.nsecsElapsed()) / 1e6, 1);

    GraphView view(scene);
    view.resize(1200, 900);
    view.show();
    view.fitGraph();
    QImage image(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    auto repaint = [&] {
        image.fill(Qt::white);
        QPainter painter(&image);
        view.render(&painter, QRectF(), view.viewport()->rect());
    };
    repaint();  // warms the item caches
    timer.restart();
    const int repaints = 10;
    for (int i = 0; i < repaints; ++i)
        repaint();
    report("repaint whole view (fit, into a QImage)", static_cast<double>(timer.nsecsElapsed()) / 1e6, repaints);

    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> offset(-30.0, 30.0);
    QUndoStack* stack = document.undoStack();
    timer.restart();
    for (int i = 0; i < moves; ++i) {
        const int v = static_cast<int>(rng() % static_cast<std::uint64_t>(n));
        const QPointF from = document.position(v);
        stack->push(new MoveVertices(&document, {v}, {from}, {from + QPointF(offset(rng), offset(rng))}));
    }
    report("move one vertex (MoveVertices push)", static_cast<double>(timer.nsecsElapsed()) / 1e6, moves);

    timer.restart();
    for (int i = 0; i < moves && stack->canUndo(); ++i)
        stack->undo();
    report("undo one move", static_cast<double>(timer.nsecsElapsed()) / 1e6, moves);

    timer.restart();
    for (int v = 0; v < 20; ++v)
        stack->push(new RemoveElements(&document, {v * (n / 20)}, {}));
    report("delete a vertex with its edges", static_cast<double>(timer.nsecsElapsed()) / 1e6, 20);
    timer.restart();
    for (int v = 0; v < 20; ++v)
        stack->undo();
    report("undo a vertex deletion", static_cast<double>(timer.nsecsElapsed()) / 1e6, 20);

    timer.restart();
    for (int v = 0; v < 20; ++v)
        stack->push(new SetEdgeWeight(&document, v, 2.0 + v));
    report("set an edge weight", static_cast<double>(timer.nsecsElapsed()) / 1e6, 20);

    QuboMatrixView quboView(&document);
    timer.restart();
    const int rebuilds = 5;
    for (int i = 0; i < rebuilds; ++i)
        quboView.rebuild();
    report("re-encode and redraw the live QUBO view", static_cast<double>(timer.nsecsElapsed()) / 1e6, rebuilds);

    timer.restart();
    scene->selectElements({}, {});
    QList<int> all;
    for (int v = 0; v < n; ++v)
        all.append(v);
    scene->selectElements(all, {});
    report("select every vertex", static_cast<double>(timer.nsecsElapsed()) / 1e6, 1);

    std::printf("%s\n", g_allFast ? "every interactive step is within the goal" : "SOME STEPS MISS THE GOAL");
    delete scene;
    return g_allFast ? 0 : 1;
}
