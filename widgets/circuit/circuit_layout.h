// SPDX-License-Identifier: MIT
// CircuitLayout: the ASAP columns, wires, texts and widths of a circuit diagram, computable off the GUI thread.
#pragma once

#include "circuit/circuit.h"

#include <QFont>
#include <QString>

#include <cstddef>
#include <memory>
#include <vector>

namespace workbench {

/// Scene geometry of the diagram at zoom 1, in pixels.
constexpr double CIRCUIT_WIRE_SPACING = 52.0;   ///< vertical distance between two wires
constexpr double CIRCUIT_BOX_HEIGHT = 36.0;     ///< height of a one-qubit gate box
constexpr double CIRCUIT_MIN_COLUMN = 38.0;     ///< narrowest column (a dot, a cross, a one-letter box)
constexpr double CIRCUIT_COLUMN_GAP = 12.0;     ///< space between two columns
constexpr double CIRCUIT_MARGIN = 12.0;         ///< around the whole scene
constexpr double CIRCUIT_TARGET_RADIUS = 11.0;  ///< radius of a CNOT target circle
constexpr double CIRCUIT_CROSS = 7.0;           ///< half size of a swap cross

/// Pixel sizes of the diagram's fonts (they do not follow the widget's point size, so the scene is the same
/// everywhere).
constexpr int CIRCUIT_NAME_PIXELS = 14;
constexpr int CIRCUIT_PARAM_PIXELS = 11;
constexpr int CIRCUIT_LABEL_PIXELS = 14;

/// How an operation is drawn.
enum class CircuitShape { Box, ControlledBox, ControlledNot, PhaseDots, Swap, Spanning, Measure, Reset, Barrier };

/// The drawing of operation `op`: boxes for one-qubit gates, a dot and a box for cy/ch/crz, dot and target for cx,
/// two dots for cz/cp, crosses for swap, one box spanning both wires for rzz/rxx/ryy/ecr, a meter, a |0⟩ box, or a
/// dashed barrier.
CircuitShape circuitShapeOf(const engine::Operation& op);
/// The name written in a gate's box ("Rzz", "√X", "S†"); for controlled gates the name of the target's box.
QString gateDisplayName(engine::GateId id);
/// Short display text of an angle: parameters "gamma_k"/"beta_k" (and a few other Greek names) as "γₖ", "βₖ",
/// coefficients with three significant digits ("24.7γ₀", "−β₁"), multiples of π/8 as "π/2", "−3π/4".
QString shortParameterText(const engine::ParameterExpression& expression, const std::vector<std::string>& names);

/// The diagram's fonts: the widget font at fixed pixel sizes.
struct CircuitFonts {
    QFont name;   ///< gate names in boxes
    QFont param;  ///< angle texts and classical bits
    QFont label;  ///< wire labels
};
/// The diagram fonts derived from `base` (its family and style, CIRCUIT_*_PIXELS sizes).
CircuitFonts circuitFonts(const QFont& base);

/// Which wires an operation's drawing covers.
struct CircuitSpan {
    int top = -1;     ///< lowest wire index the operation's drawing covers
    int bottom = -1;  ///< highest
};

/// Everything of a circuit's diagram that does not depend on folding, zoom or highlights: the wires, the ASAP
/// columns (an operation takes the first column in which every wire between its lowest and highest qubit is free,
/// since its vertical line crosses them), the operations per column, the texts and the measured widths. Computed
/// once per circuit by layoutCircuit in O(size x span + text measuring); a plain value that a worker thread can
/// build and the GUI thread then shows without further work (CircuitView::setLayout).
struct CircuitLayout {
    std::shared_ptr<const engine::Circuit> circuit;  ///< never null (an empty circuit when nothing is shown)
    std::vector<unsigned> wires;           ///< qubit of each wire, top to bottom (logical: all; physical: used)
    std::vector<int> rowOfQubit;           ///< wire of each qubit, -1 when hidden
    std::vector<int> column;               ///< column of each operation, -1 when not drawn
    std::vector<CircuitSpan> span;         ///< wires each operation covers
    std::vector<std::size_t> columnStart;  ///< operations of column c: columnOps[columnStart[c] .. [c+1])
    std::vector<std::size_t> columnOps;    ///< operation indices, column by column, in circuit order
    std::vector<double> columnWidth;       ///< width of each column including CIRCUIT_COLUMN_GAP
    std::vector<QString> paramText;        ///< short angle text (or the classical bit) per operation
    std::vector<double> width;             ///< drawn width of each operation (0 when not drawn)
    double labelWidth = 0.0;               ///< widest wire label plus padding

    /// Number of ASAP columns.
    int columnCount() const { return static_cast<int>(columnWidth.size()); }
    /// "q3" for logical circuits, "$17" for physical ones; empty when out of range.
    QString wireLabel(int row) const;
};

/// Lays `circuit` out with the fonts described by `baseFont` (QFont::toString() of the widget font; the fonts are
/// rebuilt from the text, so no font object is shared with the GUI thread). Thread-safe: may run on any thread.
/// A null `circuit` counts as an empty one.
CircuitLayout layoutCircuit(std::shared_ptr<const engine::Circuit> circuit, const QString& baseFont);

} // namespace workbench
