// SPDX-License-Identifier: MIT
// Tests of RoutingView offscreen: the time-step timeline, the layout after k steps against a replay, controls, export.
#include "routing/routing_view.h"

#include <QtTest>

#include "test_support.h"

#include "temp_files.h"

#include "graph/graph_generators.h"
#include "transpile/device_catalog.h"
#include "transpile/device_topologies.h"
#include "transpile/qaoa_routing.h"

#include <QImage>
#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QToolButton>

#include <cmath>
#include <map>
#include <set>

using namespace workbench;
using Kind = engine::RoutingStep::Kind;

namespace {

engine::RoutingStep step(Kind kind, unsigned a, unsigned b, unsigned timeStep, int term = -1)
{
    engine::RoutingStep s;
    s.kind = kind;
    s.physA = a;
    s.physB = b;
    s.timeStep = timeStep;
    s.term = term;
    return s;
}

/// Two layers on a 2 x 3 grid; layer 0 skips time step 2 (the view numbers occupied time steps only).
std::vector<engine::RoutedLayer> handMadeLayers()
{
    engine::RoutedLayer first;
    first.initialLayout = {0, 1, 2, 3, 4};
    first.steps = {step(Kind::Swap, 0, 1, 0), step(Kind::Term, 3, 4, 0, 0), step(Kind::SwapAndTerm, 1, 2, 1, 1),
                   step(Kind::Term, 0, 3, 1, 2), step(Kind::Swap, 4, 5, 3)};
    engine::RoutedLayer second;
    second.steps = {step(Kind::Swap, 4, 5, 0), step(Kind::Term, 1, 2, 1, 1)};
    return {first, second};
}

/// Slow replay: the layout (logical -> physical) after the first `k` occupied time steps, walking the layers in
/// order and each layer's time steps in increasing order, swapping the contents of every swap's qubits.
engine::QubitLayout replay(const std::vector<engine::RoutedLayer>& layers, engine::QubitLayout layout, int k)
{
    int done = 0;
    for (const engine::RoutedLayer& layer : layers) {
        std::set<unsigned> times;
        for (const engine::RoutingStep& s : layer.steps)
            times.insert(s.timeStep);
        for (unsigned t : times) {
            if (done == k)
                return layout;
            for (const engine::RoutingStep& s : layer.steps) {
                if (s.timeStep != t || (s.kind != Kind::Swap && s.kind != Kind::SwapAndTerm))
                    continue;
                for (unsigned& physical : layout) {
                    if (physical == s.physA)
                        physical = s.physB;
                    else if (physical == s.physB)
                        physical = s.physA;
                }
            }
            ++done;
        }
    }
    return layout;
}

QString layoutText(const engine::QubitLayout& layout)
{
    QStringList parts;
    for (unsigned p : layout)
        parts << QString::number(p);
    return parts.join(QLatin1Char(','));
}

bool startsWith(const std::string& text, const std::string& prefix)
{
    return text.compare(0, prefix.size(), prefix) == 0;
}

} // namespace

class TstRoutingView : public QObject {
    Q_OBJECT

private slots:
    void timelineOfHandMadeLayers();
    void layoutAfterKStepsEqualsAReplay();
    void sliderAndSignal();
    void playRunsToTheEnd();
    void geometryFollowsThePositions();
    void calibrationColours();
    void exportWritesFiles();
};

void TstRoutingView::timelineOfHandMadeLayers()
{
    RoutingView view;
    view.setDevice(engine::squareGrid(2, 3));
    QCOMPARE(view.stepCount(), 0);
    const engine::QubitLayout initial{0, 1, 2, 3, 4};
    view.setRouting(handMadeLayers(), initial);
    QCOMPARE(view.stepCount(), 5);
    QCOMPARE(view.currentStep(), 0);
    QVERIFY(view.stepsAt(0).empty());
    QCOMPARE(view.layerAndTimeStep(0), (std::pair<int, int>(-1, -1)));
    QCOMPARE(view.layerAndTimeStep(1), (std::pair<int, int>(0, 0)));
    QCOMPARE(view.layerAndTimeStep(3), (std::pair<int, int>(0, 3)));
    QCOMPARE(view.layerAndTimeStep(4), (std::pair<int, int>(1, 0)));
    QCOMPARE(view.stepIndicesAt(2), (std::vector<std::size_t>{2, 3}));
    QCOMPARE(view.stepIndicesAt(5), (std::vector<std::size_t>{6}));
    const std::vector<engine::RoutingStep> second = view.stepsAt(2);
    QCOMPARE(second.size(), std::size_t{2});
    QCOMPARE(second[0].kind, Kind::SwapAndTerm);
    QCOMPARE(second[1].physB, 3u);

    QCOMPARE(view.layoutAt(0), initial);
    QCOMPARE(view.layoutAt(1), (engine::QubitLayout{1, 0, 2, 3, 4}));
    QCOMPARE(view.layoutAt(2), (engine::QubitLayout{2, 0, 1, 3, 4}));
    QCOMPARE(view.layoutAt(3), (engine::QubitLayout{2, 0, 1, 3, 5}));
    QCOMPARE(view.layoutAt(4), (engine::QubitLayout{2, 0, 1, 3, 4}));
    QCOMPARE(view.layoutAt(5), view.layoutAt(4));
    const std::vector<int> occupancy = view.occupancyAt(3);
    QCOMPARE(occupancy, (std::vector<int>{1, 2, 0, 3, -1, 4}));

    view.setCurrentStep(2);
    QVERIFY(view.stepLabel()->text().contains(QStringLiteral("2")));
    view.clearRouting();
    QCOMPARE(view.stepCount(), 0);
    QCOMPARE(view.currentStep(), 0);
}

void TstRoutingView::layoutAfterKStepsEqualsAReplay()
{
    // A real routing with more time steps than one checkpoint interval: six QAOA layers of a 3-regular graph.
    const engine::DeviceModel device = engine::squareGrid(6, 6);
    const engine::WeightedGraph graph = engine::randomRegularGraph(30, 3, engine::WeightKind::Unit, 11);
    engine::InteractionGraph interactions;
    interactions.numLogical = 30;
    for (const engine::Edge& e : graph.edges())
        interactions.terms.emplace_back(e.u, e.v);
    engine::QaoaRoutingOptions options;
    options.layout = engine::LayoutMethod::Trivial;
    options.router = engine::RouterKind::Greedy;
    const engine::RoutedQaoa routed = engine::routeQaoa(device, interactions, 6, options);

    RoutingView view;
    view.setDevice(device);
    view.setRouting(routed.layers, routed.initialLayout);
    QVERIFY2(view.stepCount() > RoutingView::CHECKPOINT_INTERVAL, qPrintable(QString::number(view.stepCount())));
    for (int k = 0; k <= view.stepCount(); ++k)
        QCOMPARE(layoutText(view.layoutAt(k)), layoutText(replay(routed.layers, routed.initialLayout, k)));
    // The engine's own layouts: each layer ends where it says, and the last ends in the final layout.
    int end = 0;
    for (const engine::RoutedLayer& layer : routed.layers) {
        std::set<unsigned> times;
        for (const engine::RoutingStep& s : layer.steps)
            times.insert(s.timeStep);
        end += static_cast<int>(times.size());
        QCOMPARE(view.layoutAt(end), layer.finalLayout);
    }
    QCOMPARE(end, view.stepCount());
    QCOMPARE(view.layoutAt(view.stepCount()), routed.finalLayout);
    // Every step of the routing appears at exactly one position.
    std::size_t steps = 0;
    for (int k = 1; k <= view.stepCount(); ++k)
        steps += view.stepsAt(k).size();
    std::size_t total = 0;
    for (const engine::RoutedLayer& layer : routed.layers)
        total += layer.steps.size();
    QCOMPARE(steps, total);
}

void TstRoutingView::sliderAndSignal()
{
    RoutingView view;
    view.setDevice(engine::squareGrid(2, 3));
    view.setRouting(handMadeLayers(), {0, 1, 2, 3, 4});
    QSignalSpy spy(&view, &RoutingView::currentStepChanged);
    QCOMPARE(view.slider()->maximum(), 5);
    view.setCurrentStep(3);
    QCOMPARE(view.slider()->value(), 3);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), 3);
    view.slider()->setValue(4);
    QCOMPARE(view.currentStep(), 4);
    QCOMPARE(spy.count(), 2);
    view.setCurrentStep(4);  // no change, no signal
    QCOMPARE(spy.count(), 2);
    view.setCurrentStep(99);
    QCOMPARE(view.currentStep(), 5);
    view.setCurrentStep(-3);
    QCOMPARE(view.currentStep(), 0);
}

void TstRoutingView::playRunsToTheEnd()
{
    RoutingView view;
    view.setDevice(engine::squareGrid(2, 3));
    view.setRouting(handMadeLayers(), {0, 1, 2, 3, 4});
    view.setCurrentStep(4);
    QSignalSpy spy(&view, &RoutingView::currentStepChanged);
    view.playButton()->click();
    QVERIFY(view.isPlaying());
    QTRY_VERIFY_WITH_TIMEOUT(!view.isPlaying(), 5 * RoutingView::PLAY_INTERVAL_MS);
    QCOMPARE(view.currentStep(), 5);
    QCOMPARE(spy.count(), 1);
    // Play at the end starts again from the beginning; the button pauses.
    view.play();
    QCOMPARE(view.currentStep(), 0);
    view.playButton()->click();
    QVERIFY(!view.isPlaying());
}

void TstRoutingView::geometryFollowsThePositions()
{
    RoutingView view;
    view.resize(700, 600);
    const engine::DeviceModel fez = engine::deviceFromSpec("fez");
    QCOMPARE(fez.positions.size(), std::size_t{fez.numQubits});
    view.setDevice(fez);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    // Canvas positions are an increasing affine image of the lattice positions (same scale in x and y).
    const QPointF c0 = *view.qubitCentre(0);
    const QPointF c1 = *view.qubitCentre(1);
    const double scale = c1.x() - c0.x();
    QVERIFY(scale > 0.0);
    for (unsigned q = 0; q < fez.numQubits; ++q) {
        const QPointF c = *view.qubitCentre(q);
        QAOA_COMPARE_NEAR(c.x() - c0.x(), scale * (fez.positions[q].x - fez.positions[0].x), 1e-9);
        QAOA_COMPARE_NEAR(c.y() - c0.y(), scale * (fez.positions[q].y - fez.positions[0].y), 1e-9);
        QVERIFY(QRectF(view.canvas()->rect()).contains(c));
        QCOMPARE(view.qubitAt(c), std::optional<unsigned>(q));
    }
    QCOMPARE(view.qubitCentre(fez.numQubits), std::nullopt);
    // Qubits without calibration say so; calibrated ones give their readout error.
    QVERIFY(std::isfinite(fez.qubits[3].readoutError));
    QVERIFY(view.qubitToolTip(3).startsWith(QStringLiteral("Physical qubit 3\n")));
    QVERIFY(view.qubitToolTip(3).contains(QStringLiteral("Readout error")));
    view.setDevice(engine::squareGrid(3, 3));
    QVERIFY(view.qubitToolTip(4).contains(QStringLiteral("No calibration data")));
}

void TstRoutingView::calibrationColours()
{
    QCOMPARE(RoutingView::errorColour(std::nan("")), QColor(196, 196, 196));
    const QColor good = RoutingView::errorColour(ROUTING_ERROR_LOW / 10.0);
    const QColor bad = RoutingView::errorColour(1.0);
    QCOMPARE(RoutingView::errorColour(ROUTING_ERROR_LOW), good);
    QCOMPARE(RoutingView::errorColour(ROUTING_ERROR_HIGH), bad);
    QVERIFY(good.green() > good.red());
    QVERIFY(bad.red() > bad.green());

    // The drawn qubit is filled with the colour of its readout error.
    const engine::DeviceModel fez = engine::deviceFromSpec("fez");
    RoutingView view;
    view.resize(800, 700);
    view.setDevice(fez);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QImage image = view.canvas()->grab().toImage();
    const double radius = std::abs(view.qubitCentre(1)->x() - view.qubitCentre(0)->x()) * 0.3;
    int checked = 0;
    for (unsigned q = 0; q < fez.numQubits; q += 7) {
        if (!std::isfinite(fez.qubits[q].readoutError))
            continue;
        const QPointF c = *view.qubitCentre(q);
        // Below-left inside the circle, away from the centred label.
        const QColor pixel = image.pixelColor((c + QPointF(-0.55, 0.55) * radius).toPoint());
        const QColor expected = RoutingView::errorColour(fez.qubits[q].readoutError);
        QVERIFY2(std::abs(pixel.red() - expected.red()) <= 3 && std::abs(pixel.green() - expected.green()) <= 3
                     && std::abs(pixel.blue() - expected.blue()) <= 3,
                 qPrintable(QStringLiteral("qubit %1: %2 vs %3").arg(q).arg(pixel.name(), expected.name())));
        ++checked;
    }
    QVERIFY(checked > 10);
}

void TstRoutingView::exportWritesFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    RoutingView view;
    view.setDevice(engine::squareGrid(2, 3));
    view.setRouting(handMadeLayers(), {0, 1, 2, 3, 4});
    view.setCurrentStep(2);
    const QString png = dir.filePath(QStringLiteral("r.png"));
    const QString svg = dir.filePath(QStringLiteral("r.svg"));
    const QString pdf = dir.filePath(QStringLiteral("r.pdf"));
    QVERIFY(view.exportTo(png));
    QVERIFY(view.exportTo(svg));
    QVERIFY(view.exportTo(pdf));
    QVERIFY(startsWith(test_support::readRaw(png.toStdString()), "\x89PNG\r\n\x1a\n"));
    QVERIFY(test_support::readRaw(svg.toStdString()).find("<svg") != std::string::npos);
    QVERIFY(startsWith(test_support::readRaw(pdf.toStdString()), "%PDF-"));
    QCOMPARE(QImage(png).width(), RoutingView::EXPORT_WIDTH);
    QVERIFY(!view.exportTo(dir.filePath(QStringLiteral("missing/r.png"))));
}

QTEST_MAIN(TstRoutingView)
#include "routing_view.test.moc"
