// SPDX-License-Identifier: MIT
// Tests of CircuitLayout: columns, spans and texts of a small circuit, shapes, and a worker-thread layout that
// equals the GUI thread's and shows unchanged in a CircuitView.
#include "circuit/circuit_layout.h"

#include <QtTest>

#include "circuit/circuit_view.h"

#include <QtConcurrent/QtConcurrentRun>

#include <memory>
#include <random>

using namespace workbench;
using engine::GateId;

namespace {

/// h q0; cx q0, q2; rz(0.5) q1; measure q2 -> c[2]; barrier; rzz(gamma_0) q0, q1.
engine::Circuit smallCircuit()
{
    engine::Circuit c(3);
    const std::size_t gamma = c.addParameter("gamma_0");
    c.gate(GateId::H, {0});           // 0: column 0
    c.gate(GateId::CX, {0, 2});       // 1: column 1 (spans q0..q2)
    c.gate(GateId::RZ, {1}, {0.5});   // 2: column 2 (q1 is crossed in column 1)
    const unsigned reg = c.addRegister("c", 3);
    c.measure(2, reg, 2);             // 3: column 2
    c.barrier();                      // 4: column 3
    c.gate(GateId::RZZ, {0, 1}, {engine::ParameterExpression::parameter(gamma)});  // 5: column 4
    return c;
}

/// A random physical circuit on a few of many qubits.
engine::Circuit randomPhysicalCircuit(std::size_t size, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    engine::Circuit c(40, true);
    const unsigned used[] = {3, 7, 8, 15, 22, 39};
    std::uniform_int_distribution<int> pick(0, 5);
    std::uniform_int_distribution<int> kind(0, 3);
    for (std::size_t k = 0; k < size; ++k) {
        const unsigned a = used[pick(rng)];
        unsigned b = used[pick(rng)];
        while (b == a)
            b = used[pick(rng)];
        switch (kind(rng)) {
        case 0: c.gate(GateId::SX, {a}); break;
        case 1: c.gate(GateId::RZ, {a}, {0.1 * static_cast<double>(k % 7)}); break;
        case 2: c.gate(GateId::CZ, {a, b}); break;
        default: c.gate(GateId::SWAP, {a, b}); break;
        }
    }
    return c;
}

void compareLayouts(const CircuitLayout& a, const CircuitLayout& b)
{
    QCOMPARE(a.wires, b.wires);
    QCOMPARE(a.rowOfQubit, b.rowOfQubit);
    QCOMPARE(a.column, b.column);
    QCOMPARE(a.columnStart, b.columnStart);
    QCOMPARE(a.columnOps, b.columnOps);
    QCOMPARE(a.columnWidth, b.columnWidth);
    QCOMPARE(a.paramText, b.paramText);
    QCOMPARE(a.width, b.width);
    QCOMPARE(a.labelWidth, b.labelWidth);
    QCOMPARE(a.span.size(), b.span.size());
    for (std::size_t i = 0; i < a.span.size(); ++i) {
        QCOMPARE(a.span[i].top, b.span[i].top);
        QCOMPARE(a.span[i].bottom, b.span[i].bottom);
    }
}

} // namespace

class TstCircuitLayout : public QObject {
    Q_OBJECT

private slots:
    void smallCircuitColumnsSpansAndTexts();
    void shapesOfOperations();
    void physicalCircuitsUseTheirQubitsOnly();
    void workerLayoutEqualsGuiLayout();
    void viewShowsAGivenLayout();
    void nullCircuitIsEmpty();
};

void TstCircuitLayout::smallCircuitColumnsSpansAndTexts()
{
    const CircuitLayout layout =
        layoutCircuit(std::make_shared<const engine::Circuit>(smallCircuit()), QFont().toString());
    QCOMPARE(layout.column, (std::vector<int>{0, 1, 2, 2, 3, 4}));
    QCOMPARE(layout.columnCount(), 5);
    QCOMPARE(layout.span[1].top, 0);
    QCOMPARE(layout.span[1].bottom, 2);
    QCOMPARE(layout.span[4].top, 0);  // a barrier on no qubits covers every wire
    QCOMPARE(layout.span[4].bottom, 2);
    QCOMPARE(layout.columnStart, (std::vector<std::size_t>{0, 1, 2, 4, 5, 6}));
    QCOMPARE(layout.columnOps, (std::vector<std::size_t>{0, 1, 2, 3, 4, 5}));
    QCOMPARE(layout.paramText[2], QStringLiteral("0.5"));
    QCOMPARE(layout.paramText[3], QStringLiteral("c[2]"));
    QCOMPARE(layout.paramText[5], QStringLiteral("γ₀"));
    QVERIFY(layout.paramText[0].isEmpty());
    QCOMPARE(layout.wireLabel(1), QStringLiteral("q1"));
    QVERIFY(layout.wireLabel(3).isEmpty());
    // Every column is at least the narrowest column plus the gap, and as wide as its widest operation.
    for (int c = 0; c < layout.columnCount(); ++c) {
        double widest = CIRCUIT_MIN_COLUMN;
        for (std::size_t k = layout.columnStart[c]; k < layout.columnStart[c + 1]; ++k)
            widest = std::max(widest, layout.width[layout.columnOps[k]]);
        QCOMPARE(layout.columnWidth[static_cast<std::size_t>(c)], widest + CIRCUIT_COLUMN_GAP);
    }
    QCOMPARE(layout.width[1], 2.0 * CIRCUIT_TARGET_RADIUS + 2.0);
    QVERIFY(layout.labelWidth > 6.0);
}

void TstCircuitLayout::shapesOfOperations()
{
    engine::Circuit c(2);
    c.gate(GateId::CX, {0, 1});
    c.gate(GateId::CP, {0, 1}, {0.25});
    c.gate(GateId::CRZ, {0, 1}, {0.25});
    c.gate(GateId::SWAP, {0, 1});
    c.gate(GateId::RXX, {0, 1}, {0.25});
    c.gate(GateId::SXdg, {0});
    engine::Operation reset;
    reset.kind = engine::OperationKind::Reset;
    reset.qubits = {1};
    c.append(reset);
    const auto& ops = c.operations();
    QCOMPARE(circuitShapeOf(ops[0]), CircuitShape::ControlledNot);
    QCOMPARE(circuitShapeOf(ops[1]), CircuitShape::PhaseDots);
    QCOMPARE(circuitShapeOf(ops[2]), CircuitShape::ControlledBox);
    QCOMPARE(circuitShapeOf(ops[3]), CircuitShape::Swap);
    QCOMPARE(circuitShapeOf(ops[4]), CircuitShape::Spanning);
    QCOMPARE(circuitShapeOf(ops[5]), CircuitShape::Box);
    QCOMPARE(circuitShapeOf(ops[6]), CircuitShape::Reset);
    QCOMPARE(gateDisplayName(GateId::SXdg), QStringLiteral("√X†"));
    QCOMPARE(gateDisplayName(GateId::RZZ), QStringLiteral("Rzz"));
}

void TstCircuitLayout::physicalCircuitsUseTheirQubitsOnly()
{
    const CircuitLayout layout =
        layoutCircuit(std::make_shared<const engine::Circuit>(randomPhysicalCircuit(200, 3)), QFont().toString());
    QCOMPARE(layout.wires, (std::vector<unsigned>{3, 7, 8, 15, 22, 39}));
    QCOMPARE(layout.rowOfQubit.size(), std::size_t{40});
    QCOMPARE(layout.rowOfQubit[15], 3);
    QCOMPARE(layout.rowOfQubit[0], -1);
    QCOMPARE(layout.wireLabel(5), QStringLiteral("$39"));
    for (int col : layout.column)
        QVERIFY(col >= 0);
}

void TstCircuitLayout::workerLayoutEqualsGuiLayout()
{
    // The transpile job lays circuits out on its worker with the view's font description; the result must be what
    // the GUI thread computes (the same fonts, hence the same widths).
    CircuitView view;
    const auto circuit = std::make_shared<const engine::Circuit>(randomPhysicalCircuit(3000, 11));
    const QString font = view.fontDescription();
    const CircuitLayout onWorker = QtConcurrent::run([circuit, font] { return layoutCircuit(circuit, font); }).result();
    const CircuitLayout here = layoutCircuit(circuit, font);
    compareLayouts(onWorker, here);
    view.setCircuit(*circuit);
    compareLayouts(onWorker, *view.layout());
}

void TstCircuitLayout::viewShowsAGivenLayout()
{
    CircuitView view;
    view.setFoldWidth(2);
    view.highlightOperations({0});
    auto layout = std::make_shared<const CircuitLayout>(
        layoutCircuit(std::make_shared<const engine::Circuit>(smallCircuit()), view.fontDescription()));
    view.setLayout(layout);
    QCOMPARE(view.layout(), std::shared_ptr<const CircuitLayout>(layout));  // shown as given, not recomputed
    QCOMPARE(view.circuit().size(), std::size_t{6});
    QCOMPARE(view.columnCount(), 5);
    QCOMPARE(view.foldWidth(), 2);  // kept
    QCOMPARE(view.foldCount(), 3);
    QVERIFY(view.highlightedOperations().empty());  // cleared
    QCOMPARE(view.operationsInColumn(2), (std::vector<std::size_t>{2, 3}));
    view.setLayout(nullptr);
    QCOMPARE(view.circuit().size(), std::size_t{0});
    QCOMPARE(view.columnCount(), 0);
}

void TstCircuitLayout::nullCircuitIsEmpty()
{
    const CircuitLayout layout = layoutCircuit(nullptr, QFont().toString());
    QVERIFY(layout.circuit != nullptr);
    QCOMPARE(layout.circuit->size(), std::size_t{0});
    QCOMPARE(layout.columnCount(), 0);
    QVERIFY(layout.wires.empty());
}

QTEST_MAIN(TstCircuitLayout)
#include "circuit_layout.test.moc"
