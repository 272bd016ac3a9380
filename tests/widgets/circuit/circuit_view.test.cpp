// SPDX-License-Identifier: MIT
// Tests of CircuitView offscreen: ASAP columns against a slow reference, folding, highlights, tool tips, export.
#include "circuit/circuit_view.h"

#include <QtTest>

#include "test_support.h"

#include "temp_files.h"

#include <QImage>
#include <QPainter>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QToolButton>
#include <QWheelEvent>

#include <numbers>
#include <random>

using namespace workbench;
using engine::GateId;
using engine::ParameterExpression;

namespace {

/// h q0; h q1; cx q0, q2; x q1; rz(0.5) q2; measure q0; barrier; h q2; cz q1, q2.
engine::Circuit smallCircuit()
{
    engine::Circuit c(3);
    c.gate(GateId::H, {0});                 // 0: column 0
    c.gate(GateId::H, {1});                 // 1: column 0
    c.gate(GateId::CX, {0, 2});             // 2: column 1 (its line crosses q1, busy in column 0)
    c.gate(GateId::X, {1});                 // 3: column 2 (q1 is crossed in column 1)
    c.gate(GateId::RZ, {2}, {0.5});         // 4: column 2
    const unsigned reg = c.addRegister("c", 3);
    c.measure(0, reg, 0);                   // 5: column 2
    c.barrier();                            // 6: column 3
    c.gate(GateId::H, {2});                 // 7: column 4
    c.gate(GateId::CZ, {1, 2});             // 8: column 5
    return c;
}

/// Slow ASAP reference: an operation's column is one more than the latest earlier operation whose wire range
/// overlaps its own. O(n^2).
std::vector<int> referenceColumns(const engine::Circuit& circuit, const std::vector<int>& rowOf, int rows)
{
    const auto& ops = circuit.operations();
    std::vector<std::pair<int, int>> range(ops.size());
    std::vector<int> column(ops.size(), 0);
    for (std::size_t i = 0; i < ops.size(); ++i) {
        int top = rows;
        int bottom = -1;
        if (ops[i].kind == engine::OperationKind::Barrier && ops[i].qubits.empty()) {
            top = 0;
            bottom = rows - 1;
        }
        for (unsigned q : ops[i].qubits) {
            top = std::min(top, rowOf[q]);
            bottom = std::max(bottom, rowOf[q]);
        }
        range[i] = {top, bottom};
        for (std::size_t j = 0; j < i; ++j)
            if (range[j].first <= bottom && top <= range[j].second)
                column[i] = std::max(column[i], column[j] + 1);
    }
    return column;
}

/// A random circuit of one- and two-qubit gates, measurements and barriers.
engine::Circuit randomCircuit(unsigned qubits, std::size_t size, std::uint64_t seed, bool physical)
{
    std::mt19937_64 rng(seed);
    engine::Circuit c(qubits, physical);
    const unsigned reg = c.addRegister("c", qubits);
    std::uniform_int_distribution<unsigned> qubit(0, qubits - 1);
    std::uniform_int_distribution<int> kind(0, 9);
    for (std::size_t k = 0; k < size; ++k) {
        const int what = kind(rng);
        const unsigned a = qubit(rng);
        unsigned b = qubit(rng);
        while (b == a)
            b = qubit(rng);
        if (what < 4)
            c.gate(GateId::RX, {a}, {0.25 * what});
        else if (what < 7)
            c.gate(GateId::CX, {a, b});
        else if (what == 7)
            c.gate(GateId::RZZ, {a, b}, {0.3});
        else if (what == 8)
            c.measure(a, reg, a);
        else
            c.barrier({a, b});
    }
    return c;
}

bool startsWith(const std::string& text, const std::string& prefix)
{
    return text.compare(0, prefix.size(), prefix) == 0;
}

QImage render(const CircuitView& view)
{
    QImage image(view.sceneSize().toSize(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    view.renderScene(painter, QRectF(QPointF(0, 0), view.sceneSize()));
    return image;
}

} // namespace

class TstCircuitView : public QObject {
    Q_OBJECT

private slots:
    void columnsOfASmallCircuit();
    void columnsMatchTheReference_data();
    void columnsMatchTheReference();
    void physicalCircuitsShowUsedQubitsOnly();
    void foldingWrapsColumns();
    void geometryAndHitTests();
    void highlights();
    void wireLabelClickHighlightsTheQubit();
    void shortParameterTexts_data();
    void shortParameterTexts();
    void operationTextAndToolTip();
    void zoom();
    void paintsOnlyTheVisiblePart();
    void exportWritesFiles();
};

void TstCircuitView::columnsOfASmallCircuit()
{
    CircuitView view;
    view.setCircuit(smallCircuit());
    const std::vector<int> expected{0, 0, 1, 2, 2, 2, 3, 4, 5};
    for (std::size_t op = 0; op < expected.size(); ++op)
        QCOMPARE(view.columnOf(op), expected[op]);
    QCOMPARE(view.columnCount(), 6);
    QCOMPARE(view.wireCount(), 3);
    QCOMPARE(view.wireLabel(2), QStringLiteral("q2"));
    QCOMPARE(view.operationsInColumn(2), (std::vector<std::size_t>{3, 4, 5}));
    QCOMPARE(view.columnOf(99), -1);
    // Operations in one column share their centre; later columns lie further right.
    QAOA_COMPARE_NEAR(view.operationRect(3).center().x(), view.operationRect(4).center().x(), 1e-9);
    QVERIFY(view.operationRect(7).left() > view.operationRect(4).right());
    // The control-to-target line spans the middle wire.
    QVERIFY(view.operationRect(2).contains(QPointF(view.operationRect(2).center().x(), view.wireY(0, 1))));
}

void TstCircuitView::columnsMatchTheReference_data()
{
    QTest::addColumn<unsigned>("qubits");
    QTest::addColumn<int>("size");
    QTest::addColumn<bool>("physical");
    QTest::addColumn<quint64>("seed");
    QTest::newRow("logical 5x200") << 5u << 200 << false << quint64(1);
    QTest::newRow("logical 12x500") << 12u << 500 << false << quint64(2);
    QTest::newRow("physical 20x300") << 20u << 300 << true << quint64(3);
}

void TstCircuitView::columnsMatchTheReference()
{
    QFETCH(unsigned, qubits);
    QFETCH(int, size);
    QFETCH(bool, physical);
    QFETCH(quint64, seed);
    const engine::Circuit circuit = randomCircuit(qubits, static_cast<std::size_t>(size), seed, physical);
    CircuitView view;
    view.setCircuit(circuit);
    std::vector<int> rowOf(qubits, -1);
    for (unsigned q = 0; q < qubits; ++q)
        rowOf[q] = view.rowOfQubit(q);
    const std::vector<int> expected = referenceColumns(circuit, rowOf, view.wireCount());
    int columns = 0;
    for (std::size_t op = 0; op < circuit.size(); ++op) {
        QCOMPARE(view.columnOf(op), expected[op]);
        columns = std::max(columns, expected[op] + 1);
    }
    QCOMPARE(view.columnCount(), columns);
}

void TstCircuitView::physicalCircuitsShowUsedQubitsOnly()
{
    engine::Circuit c(10, true);
    c.gate(GateId::SX, {7});
    c.gate(GateId::CZ, {7, 2});
    CircuitView view;
    view.setCircuit(c);
    QCOMPARE(view.wireCount(), 2);
    QCOMPARE(view.wireQubits(), (std::vector<unsigned>{2, 7}));
    QCOMPARE(view.wireLabel(0), QStringLiteral("$2"));
    QCOMPARE(view.wireLabel(1), QStringLiteral("$7"));
    QCOMPARE(view.rowOfQubit(5), -1);
    QCOMPARE(view.columnOf(1), 1);

    view.clear();
    QCOMPARE(view.wireCount(), 0);
    QCOMPARE(view.columnCount(), 0);
}

void TstCircuitView::foldingWrapsColumns()
{
    engine::Circuit chain(2);
    for (int k = 0; k < 10; ++k)
        chain.gate(GateId::CX, {static_cast<unsigned>(k % 2), static_cast<unsigned>(1 - k % 2)});
    CircuitView view;
    view.setCircuit(chain);
    QCOMPARE(view.columnCount(), 10);
    QCOMPARE(view.foldCount(), 1);
    const QSizeF unfolded = view.sceneSize();

    QSignalSpy spy(&view, &CircuitView::foldWidthChanged);
    view.setFoldWidth(4);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(view.foldSpinBox()->value(), 4);
    QCOMPARE(view.foldCount(), 3);
    QCOMPARE(view.foldOf(3), 0);
    QCOMPARE(view.foldOf(4), 1);
    QCOMPARE(view.foldOf(9), 2);
    // A fold starts again at the left; its wires lie below the previous fold's.
    QAOA_COMPARE_NEAR(view.operationRect(4).left(), view.operationRect(0).left(), 1e-9);
    QAOA_COMPARE_NEAR(view.operationRect(5).left(), view.operationRect(1).left(), 1e-9);
    QVERIFY(view.wireY(1, 0) > view.wireY(0, 1));
    QVERIFY(view.operationRect(4).top() > view.operationRect(0).bottom());
    QVERIFY(view.sceneSize().width() < unfolded.width());
    QVERIFY(view.sceneSize().height() > 2.5 * unfolded.height() - 4 * CIRCUIT_MARGIN);
    // The columns themselves do not change.
    QCOMPARE(view.columnOf(9), 9);

    view.foldSpinBox()->setValue(0);  // the editor switches folding off
    QCOMPARE(view.foldWidth(), 0);
    QCOMPARE(view.foldCount(), 1);
    QCOMPARE(view.sceneSize(), unfolded);
}

void TstCircuitView::geometryAndHitTests()
{
    CircuitView view;
    view.setCircuit(smallCircuit());
    for (std::size_t op = 0; op < view.circuit().size(); ++op) {
        const QRectF rect = view.operationRect(op);
        QVERIFY(!rect.isEmpty());
        QVERIFY(QRectF(QPointF(0, 0), view.sceneSize()).contains(rect));
        QCOMPARE(view.operationAt(QPointF(rect.center().x(), rect.top() + 2.0)), std::optional<std::size_t>(op));
    }
    QCOMPARE(view.operationAt(QPointF(1.0, 1.0)), std::nullopt);
    QCOMPARE(view.wireLabelAt(view.wireLabelRect(0, 1).center()), std::optional<int>(1));
    QCOMPARE(view.wireLabelAt(view.operationRect(0).center()), std::nullopt);
}

void TstCircuitView::highlights()
{
    CircuitView view;
    view.setCircuit(smallCircuit());
    const QImage plain = render(view);
    view.highlightOperations({4, 2, 4, 999});
    QCOMPARE(view.highlightedOperations(), (std::vector<std::size_t>{2, 4}));
    QVERIFY(view.isHighlighted(2));
    QVERIFY(view.isHighlighted(4));
    QVERIFY(!view.isHighlighted(3));
    // The highlight is drawn around the operation (just outside its box), and nowhere near the others.
    const QImage marked = render(view);
    const QRectF rect = view.operationRect(4);
    const QPoint besideBox(static_cast<int>(rect.center().x()), static_cast<int>(rect.bottom() + 2.0));
    QVERIFY(plain.pixel(besideBox) != marked.pixel(besideBox));
    const QRectF other = view.operationRect(7);
    const QPoint besideOther(static_cast<int>(other.center().x()), static_cast<int>(other.bottom() + 2.0));
    QCOMPARE(plain.pixel(besideOther), marked.pixel(besideOther));

    view.clearHighlight();
    QVERIFY(view.highlightedOperations().empty());
    QVERIFY(!view.isHighlighted(2));
    QCOMPARE(render(view), plain);
    // A new circuit forgets the highlight.
    view.highlightOperations({1});
    view.setCircuit(smallCircuit());
    QVERIFY(!view.isHighlighted(1));
}

void TstCircuitView::wireLabelClickHighlightsTheQubit()
{
    CircuitView view;
    view.resize(600, 300);
    view.setCircuit(smallCircuit());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy spy(&view, &CircuitView::qubitHighlighted);
    const QPoint label = view.mapFromScene(view.wireLabelRect(0, 1).center()).toPoint();
    QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::NoModifier, label);
    QCOMPARE(view.highlightedQubit(), std::optional<unsigned>(1));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), 1);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::NoModifier, label);
    QCOMPARE(view.highlightedQubit(), std::nullopt);
    QCOMPARE(spy.at(1).at(0).toInt(), -1);

    // Scrolled to the right, the labels stay at the viewport's left edge and still answer clicks.
    view.setCircuit(randomCircuit(3, 400, 4, false));
    view.horizontalScrollBar()->setValue(view.horizontalScrollBar()->maximum() / 2);
    QVERIFY(view.horizontalScrollBar()->value() > 0);
    QVERIFY(view.visibleSceneRect().left() > view.wireLabelRect(0, 2).right());
    const QPointF sticky = view.wireLabelRect(0, 2).center() * view.zoom();
    QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::NoModifier, sticky.toPoint());
    QCOMPARE(view.highlightedQubit(), std::optional<unsigned>(2));
    view.setCircuit(smallCircuit());

    // A click on a gate reports the operation.
    QSignalSpy clicked(&view, &CircuitView::operationClicked);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::NoModifier,
                      view.mapFromScene(view.operationRect(7).center()).toPoint());
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(clicked.at(0).at(0).value<qsizetype>(), qsizetype(7));
}

void TstCircuitView::shortParameterTexts_data()
{
    QTest::addColumn<double>("constant");
    QTest::addColumn<double>("gamma");
    QTest::addColumn<double>("beta");
    QTest::addColumn<QString>("expected");
    constexpr double pi = std::numbers::pi;
    QTest::newRow("pi/2") << pi / 2 << 0.0 << 0.0 << QStringLiteral("π/2");
    QTest::newRow("-3pi/4") << -3 * pi / 4 << 0.0 << 0.0 << QStringLiteral("−3π/4");
    QTest::newRow("2pi") << 2 * pi << 0.0 << 0.0 << QStringLiteral("2π");
    QTest::newRow("zero") << 0.0 << 0.0 << 0.0 << QStringLiteral("0");
    QTest::newRow("number") << 0.123456 << 0.0 << 0.0 << QStringLiteral("0.123");
    QTest::newRow("2 gamma") << 0.0 << 2.0 << 0.0 << QStringLiteral("2γ₀");
    QTest::newRow("gamma + pi") << pi << 1.0 << 0.0 << QStringLiteral("γ₀ + π");
    QTest::newRow("-beta") << 0.0 << 0.0 << -1.0 << QStringLiteral("−β₁");
    QTest::newRow("mixed") << -0.25 << 24.691 << 0.5 << QStringLiteral("24.7γ₀ + 0.5β₁ − 0.25");
}

void TstCircuitView::shortParameterTexts()
{
    QFETCH(double, constant);
    QFETCH(double, gamma);
    QFETCH(double, beta);
    QFETCH(QString, expected);
    const std::vector<std::string> names{"gamma_0", "beta_1"};
    ParameterExpression e(constant);
    if (gamma != 0.0)
        e += ParameterExpression::parameter(0, gamma);
    if (beta != 0.0)
        e += ParameterExpression::parameter(1, beta);
    QCOMPARE(shortParameterText(e, names), expected);
}

void TstCircuitView::operationTextAndToolTip()
{
    engine::Circuit c(3);
    const std::size_t gamma = c.addParameter("gamma_0");
    c.gate(GateId::RZ, {1}, {0.1234567890123});
    c.gate(GateId::RZZ, {0, 2}, {ParameterExpression::parameter(gamma, 3.0)});
    const unsigned reg = c.addRegister("meas", 3);
    c.measure(2, reg, 1);
    c.gate(GateId::CX, {2, 0});
    c.gate(GateId::U, {0}, {0.5, -1.0, std::numbers::pi});
    CircuitView view;
    view.setCircuit(c);

    QCOMPARE(view.operationText(0), QStringLiteral("Rz\n0.123"));
    QCOMPARE(view.operationText(1), QStringLiteral("Rzz\n3γ₀"));
    QCOMPARE(view.operationText(2), QStringLiteral("\nmeas[1]"));
    QCOMPARE(view.operationText(3), QStringLiteral("X"));
    QCOMPARE(view.operationText(4), QStringLiteral("U\n0.5, −1, π"));

    const QString rz = view.toolTipText(0);
    QVERIFY2(rz.startsWith(QStringLiteral("rz ")), qPrintable(rz));
    QVERIFY2(rz.contains(QStringLiteral("q1")), qPrintable(rz));
    QVERIFY2(rz.contains(QStringLiteral("θ = 0.1234567890123")), qPrintable(rz));  // exact, not the short form
    const QString rzz = view.toolTipText(1);
    QVERIFY2(rzz.contains(QStringLiteral("q0, q2")), qPrintable(rzz));
    QVERIFY2(rzz.contains(QStringLiteral("gamma_0")), qPrintable(rzz));
    QVERIFY2(rzz.contains(QString::fromStdString(ParameterExpression::parameter(gamma, 3.0).toQasm(c.parameters()))),
             qPrintable(rzz));
    const QString measure = view.toolTipText(2);
    QVERIFY2(measure.contains(QStringLiteral("q2")) && measure.contains(QStringLiteral("meas[1]")),
             qPrintable(measure));
    const QString u = view.toolTipText(4);
    QVERIFY2(u.contains(QStringLiteral("θ = 0.5")) && u.contains(QStringLiteral("φ = -1"))
                 && u.contains(QStringLiteral("λ = 3.141592653589793")),
             qPrintable(u));
    QVERIFY(view.toolTipText(42).isEmpty());
}

void TstCircuitView::zoom()
{
    CircuitView view;
    view.resize(500, 300);
    view.setCircuit(randomCircuit(6, 300, 9, false));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy spy(&view, &CircuitView::zoomChanged);
    view.setZoom(2.0);
    QCOMPARE(view.zoom(), 2.0);
    view.zoomInButton()->click();
    QAOA_COMPARE_NEAR(view.zoom(), 2.5, 1e-12);
    view.zoomOutButton()->click();
    QAOA_COMPARE_NEAR(view.zoom(), 2.0, 1e-12);
    QCOMPARE(spy.count(), 3);
    view.setZoom(1000.0);
    QCOMPARE(view.zoom(), CIRCUIT_MAX_ZOOM);
    view.setZoom(0.0);
    QCOMPARE(view.zoom(), CIRCUIT_MIN_ZOOM);

    // Ctrl+wheel zooms around the cursor: the scene point under it stays put (to a pixel of rounding).
    view.setZoom(1.0);
    view.horizontalScrollBar()->setValue(200);
    const QPointF cursor(150.0, 120.0);
    const QPointF before = view.mapToScene(cursor);
    QWheelEvent wheel(cursor, view.viewport()->mapToGlobal(cursor), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view.viewport(), &wheel);
    QAOA_COMPARE_NEAR(view.zoom(), 1.25, 1e-12);
    const QPointF after = view.mapToScene(cursor);
    QVERIFY(std::abs(after.x() - before.x()) < 1.0);
    QVERIFY(std::abs(after.y() - before.y()) < 1.0);
}

void TstCircuitView::paintsOnlyTheVisiblePart()
{
    // 10^4 gates: 20 wires x 500 layers of one-qubit gates (one per wire and column).
    engine::Circuit big(20);
    for (int layer = 0; layer < 500; ++layer)
        for (unsigned q = 0; q < 20; ++q)
            big.gate(GateId::RX, {q}, {0.1 * layer});
    CircuitView view;
    view.resize(640, 360);
    view.setCircuit(big);
    QCOMPARE(view.columnCount(), 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.viewport()->repaint();
    const std::size_t atStart = view.lastPaintedOperations();
    // The viewport shows a few columns of a few wires: a small fraction of the circuit, but not nothing.
    QVERIFY2(atStart > 0 && atStart < 400, qPrintable(QString::number(atStart)));
    view.horizontalScrollBar()->setValue(view.horizontalScrollBar()->maximum());
    view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum());
    view.viewport()->repaint();
    const QRectF visible = view.visibleSceneRect();
    // Slow reference: count operations whose rectangle meets the visible part.
    std::size_t expected = 0;
    for (std::size_t op = 0; op < big.size(); ++op)
        expected += view.operationRect(op).intersects(visible) ? 1 : 0;
    QVERIFY(expected > 0);
    const std::size_t painted = view.lastPaintedOperations();
    QVERIFY2(painted >= expected, qPrintable(QStringLiteral("%1 of %2").arg(painted).arg(expected)));
    QVERIFY2(painted <= 2 * expected + 40, qPrintable(QStringLiteral("%1 of %2").arg(painted).arg(expected)));
    // Zoomed far out, everything is visible and painted (without text).
    view.setZoom(CIRCUIT_MIN_ZOOM);
    view.viewport()->repaint();
    QVERIFY(view.lastPaintedOperations() > 1000);
}

void TstCircuitView::exportWritesFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    CircuitView view;
    view.setCircuit(smallCircuit());
    view.setFoldWidth(3);
    const QString png = dir.filePath(QStringLiteral("c.png"));
    const QString svg = dir.filePath(QStringLiteral("c.svg"));
    const QString pdf = dir.filePath(QStringLiteral("c.pdf"));
    QVERIFY(view.exportTo(png));
    QVERIFY(view.exportTo(svg));
    QVERIFY(view.exportTo(pdf));
    QVERIFY(startsWith(test_support::readRaw(png.toStdString()), "\x89PNG\r\n\x1a\n"));
    const std::string svgText = test_support::readRaw(svg.toStdString());
    QVERIFY(svgText.find("<svg") != std::string::npos);
    QVERIFY(svgText.find("</svg>") != std::string::npos);
    QVERIFY(startsWith(test_support::readRaw(pdf.toStdString()), "%PDF-"));
    // The PNG holds the whole scene (at twice its pixels), not just a viewport.
    const QImage image(png);
    QCOMPARE(image.width(), static_cast<int>(std::ceil(view.sceneSize().width() * 2.0)));
    QCOMPARE(image.height(), static_cast<int>(std::ceil(view.sceneSize().height() * 2.0)));
    // The drawing is not blank: a gate's box is filled.
    const QPointF box = view.operationRect(0).center() * 2.0;
    QVERIFY(image.pixel(QPoint(static_cast<int>(box.x()) - 10, static_cast<int>(box.y()) + 14)) != qRgb(255, 255, 255));
    QVERIFY(!view.exportTo(dir.filePath(QStringLiteral("missing/folder/c.png"))));
}

QTEST_MAIN(TstCircuitView)
#include "circuit_view.test.moc"
