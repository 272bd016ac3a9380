// SPDX-License-Identifier: MIT
// CircuitLayout: shapes and texts of operations, the ASAP column assignment and the measured widths.
#include "circuit/circuit_layout.h"

#include <QFontMetricsF>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <utility>

namespace workbench {

namespace {

const QString MINUS = QStringLiteral("−");

/// Three significant digits, multiples of pi/8 written with π.
QString shortNumber(double value)
{
    if (!std::isfinite(value))
        return QString::number(value);
    if (std::abs(value) < 1e-12)
        return QStringLiteral("0");
    const double eighths = value / (std::numbers::pi / 8.0);
    const double rounded = std::round(eighths);
    if (std::abs(rounded) <= 64.0 && std::abs(eighths - rounded) < 1e-9 * std::max(1.0, std::abs(eighths))) {
        int numerator = static_cast<int>(std::abs(rounded));
        int denominator = 8;
        while (denominator > 1 && numerator % 2 == 0) {
            numerator /= 2;
            denominator /= 2;
        }
        QString text = numerator == 1 ? QStringLiteral("π") : QString::number(numerator) + QStringLiteral("π");
        if (denominator > 1)
            text += QLatin1Char('/') + QString::number(denominator);
        return rounded < 0.0 ? MINUS + text : text;
    }
    QString text = QString::number(std::abs(value), 'g', 3);
    return value < 0.0 ? MINUS + text : text;
}

const char* const SUBSCRIPTS[] = {"₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"};

/// "gamma_12" -> "γ₁₂"; other names unchanged.
QString displayParameterName(const std::string& name)
{
    static const std::pair<const char*, const char*> GREEK[] = {
        {"gamma", "γ"}, {"beta", "β"}, {"theta", "θ"}, {"phi", "φ"}, {"lambda", "λ"}, {"alpha", "α"}};
    const std::size_t underscore = name.rfind('_');
    if (underscore == std::string::npos || underscore + 1 >= name.size())
        return QString::fromStdString(name);
    const std::string stem = name.substr(0, underscore);
    const std::string index = name.substr(underscore + 1);
    if (!std::all_of(index.begin(), index.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return QString::fromStdString(name);
    for (const auto& [latin, greek] : GREEK) {
        if (stem == latin) {
            QString text = QString::fromUtf8(greek);
            for (char digit : index)
                text += QString::fromUtf8(SUBSCRIPTS[digit - '0']);
            return text;
        }
    }
    return QString::fromStdString(name);
}

/// Width of operation `op` as drawn, from its shape and texts.
double measureOperation(const engine::Operation& o, const QString& param, const QFontMetricsF& nameMetrics,
                        const QFontMetricsF& paramMetrics)
{
    const double paramWidth = param.isEmpty() ? 0.0 : paramMetrics.horizontalAdvance(param);
    const auto boxWidth = [&](const QString& name) {
        return std::max(CIRCUIT_BOX_HEIGHT, std::max(nameMetrics.horizontalAdvance(name), paramWidth) + 12.0);
    };
    switch (circuitShapeOf(o)) {
    case CircuitShape::Box:
    case CircuitShape::ControlledBox:
    case CircuitShape::Spanning: return boxWidth(gateDisplayName(o.gate));
    case CircuitShape::Reset: return boxWidth(QStringLiteral("|0⟩"));
    case CircuitShape::Measure: return std::max(CIRCUIT_BOX_HEIGHT, paramWidth + 4.0);
    case CircuitShape::PhaseDots: return param.isEmpty() ? 2.0 * CIRCUIT_TARGET_RADIUS : 2.0 * (paramWidth + 8.0);
    case CircuitShape::ControlledNot: return 2.0 * CIRCUIT_TARGET_RADIUS + 2.0;
    case CircuitShape::Swap: return 2.0 * CIRCUIT_CROSS + 4.0;
    case CircuitShape::Barrier: return 16.0;
    }
    return CIRCUIT_MIN_COLUMN;
}

QString gateParameterText(const engine::Operation& op, const std::vector<std::string>& names)
{
    QString text;
    for (const engine::ParameterExpression& p : op.params) {
        if (!text.isEmpty())
            text += QStringLiteral(", ");
        text += shortParameterText(p, names);
    }
    return text;
}

} // namespace

CircuitShape circuitShapeOf(const engine::Operation& op)
{
    switch (op.kind) {
    case engine::OperationKind::Measure: return CircuitShape::Measure;
    case engine::OperationKind::Reset: return CircuitShape::Reset;
    case engine::OperationKind::Barrier: return CircuitShape::Barrier;
    case engine::OperationKind::Gate: break;
    }
    switch (op.gate) {
    case engine::GateId::CX: return CircuitShape::ControlledNot;
    case engine::GateId::CZ:
    case engine::GateId::CP: return CircuitShape::PhaseDots;
    case engine::GateId::CY:
    case engine::GateId::CH:
    case engine::GateId::CRZ: return CircuitShape::ControlledBox;
    case engine::GateId::SWAP: return CircuitShape::Swap;
    case engine::GateId::ECR:
    case engine::GateId::RZZ:
    case engine::GateId::RXX:
    case engine::GateId::RYY: return CircuitShape::Spanning;
    default: return CircuitShape::Box;
    }
}

QString gateDisplayName(engine::GateId id)
{
    switch (id) {
    case engine::GateId::I: return QStringLiteral("I");
    case engine::GateId::X: return QStringLiteral("X");
    case engine::GateId::Y: return QStringLiteral("Y");
    case engine::GateId::Z: return QStringLiteral("Z");
    case engine::GateId::H: return QStringLiteral("H");
    case engine::GateId::S: return QStringLiteral("S");
    case engine::GateId::Sdg: return QStringLiteral("S†");
    case engine::GateId::T: return QStringLiteral("T");
    case engine::GateId::Tdg: return QStringLiteral("T†");
    case engine::GateId::SX: return QStringLiteral("√X");
    case engine::GateId::SXdg: return QStringLiteral("√X†");
    case engine::GateId::RX: return QStringLiteral("Rx");
    case engine::GateId::RY: return QStringLiteral("Ry");
    case engine::GateId::RZ: return QStringLiteral("Rz");
    case engine::GateId::P: return QStringLiteral("P");
    case engine::GateId::U: return QStringLiteral("U");
    case engine::GateId::CX: return QStringLiteral("X");
    case engine::GateId::CY: return QStringLiteral("Y");
    case engine::GateId::CZ: return QStringLiteral("Z");
    case engine::GateId::CH: return QStringLiteral("H");
    case engine::GateId::SWAP: return QStringLiteral("Swap");
    case engine::GateId::ECR: return QStringLiteral("ECR");
    case engine::GateId::CRZ: return QStringLiteral("Rz");
    case engine::GateId::CP: return QStringLiteral("P");
    case engine::GateId::RZZ: return QStringLiteral("Rzz");
    case engine::GateId::RXX: return QStringLiteral("Rxx");
    case engine::GateId::RYY: return QStringLiteral("Ryy");
    }
    return {};
}

QString shortParameterText(const engine::ParameterExpression& expression, const std::vector<std::string>& names)
{
    QString text;
    const auto append = [&text](const QString& part) {
        if (text.isEmpty())
            text = part;
        else if (part.startsWith(MINUS))
            text += QStringLiteral(" − ") + part.mid(MINUS.size());
        else
            text += QStringLiteral(" + ") + part;
    };
    for (const auto& [index, coefficient] : expression.terms()) {
        const QString name = index < names.size() ? displayParameterName(names[index])
                                                  : QStringLiteral("p") + QString::number(index);
        if (std::abs(coefficient - 1.0) < 1e-12)
            append(name);
        else if (std::abs(coefficient + 1.0) < 1e-12)
            append(MINUS + name);
        else
            append(shortNumber(coefficient) + name);
    }
    if (text.isEmpty() || std::abs(expression.constant()) >= 1e-12)
        append(shortNumber(expression.constant()));
    return text;
}

CircuitFonts circuitFonts(const QFont& base)
{
    CircuitFonts fonts{base, base, base};
    fonts.name.setPixelSize(CIRCUIT_NAME_PIXELS);
    fonts.param.setPixelSize(CIRCUIT_PARAM_PIXELS);
    fonts.label.setPixelSize(CIRCUIT_LABEL_PIXELS);
    return fonts;
}

QString CircuitLayout::wireLabel(int row) const
{
    if (row < 0 || static_cast<std::size_t>(row) >= wires.size())
        return {};
    const unsigned q = wires[static_cast<std::size_t>(row)];
    return circuit && circuit->isPhysical() ? QLatin1Char('$') + QString::number(q)
                                            : QLatin1Char('q') + QString::number(q);
}

CircuitLayout layoutCircuit(std::shared_ptr<const engine::Circuit> circuit, const QString& baseFont)
{
    CircuitLayout layout;
    layout.circuit = circuit ? std::move(circuit) : std::make_shared<const engine::Circuit>();
    const engine::Circuit& c = *layout.circuit;
    const auto& ops = c.operations();
    const std::size_t n = ops.size();

    if (c.isPhysical()) {
        layout.wires = c.usedQubits();
    } else {
        layout.wires.resize(c.numQubits());
        for (unsigned q = 0; q < c.numQubits(); ++q)
            layout.wires[q] = q;
    }
    layout.rowOfQubit.assign(c.numQubits(), -1);
    for (std::size_t r = 0; r < layout.wires.size(); ++r)
        if (layout.wires[r] < layout.rowOfQubit.size())
            layout.rowOfQubit[layout.wires[r]] = static_cast<int>(r);
    const auto rowOf = [&layout](unsigned q) {
        return q < layout.rowOfQubit.size() ? layout.rowOfQubit[q] : -1;
    };

    layout.paramText.assign(n, QString());
    for (std::size_t i = 0; i < n; ++i) {
        const engine::Operation& o = ops[i];
        if (o.kind == engine::OperationKind::Gate) {
            layout.paramText[i] = gateParameterText(o, c.parameters());
        } else if (o.kind == engine::OperationKind::Measure) {
            QString bit = QString::number(o.clbit);
            if (o.creg < c.registers().size())
                bit = QString::fromStdString(c.registers()[o.creg].name) + QLatin1Char('[') + bit + QLatin1Char(']');
            layout.paramText[i] = bit;
        }
    }

    // ASAP columns: an operation's drawing covers every wire between its outermost qubits, so it waits until all
    // of them are free; nextFree[row] is the first column that wire can take.
    const int rows = static_cast<int>(layout.wires.size());
    std::vector<int> nextFree(static_cast<std::size_t>(rows), 0);
    layout.column.assign(n, -1);
    layout.span.assign(n, CircuitSpan{});
    int columns = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const engine::Operation& o = ops[i];
        CircuitSpan span;
        bool drawable = rows > 0;
        if (o.kind == engine::OperationKind::Barrier && o.qubits.empty()) {
            span = {0, rows - 1};
        } else {
            for (unsigned q : o.qubits) {
                const int row = rowOf(q);
                if (row < 0) {
                    // Only a barrier may name a qubit that is not shown; gates on hidden wires cannot happen.
                    if (o.kind != engine::OperationKind::Barrier)
                        drawable = false;
                    continue;
                }
                span.top = span.top < 0 ? row : std::min(span.top, row);
                span.bottom = std::max(span.bottom, row);
            }
            drawable = drawable && span.top >= 0;
        }
        if (!drawable)
            continue;
        int column = 0;
        for (int r = span.top; r <= span.bottom; ++r)
            column = std::max(column, nextFree[static_cast<std::size_t>(r)]);
        for (int r = span.top; r <= span.bottom; ++r)
            nextFree[static_cast<std::size_t>(r)] = column + 1;
        layout.column[i] = column;
        layout.span[i] = span;
        columns = std::max(columns, column + 1);
    }

    // Operations per column (counting sort keeps circuit order) and column widths.
    layout.columnStart.assign(static_cast<std::size_t>(columns) + 1, 0);
    for (int col : layout.column)
        if (col >= 0)
            ++layout.columnStart[static_cast<std::size_t>(col) + 1];
    for (std::size_t col = 0; col < static_cast<std::size_t>(columns); ++col)
        layout.columnStart[col + 1] += layout.columnStart[col];
    layout.columnOps.assign(layout.columnStart.back(), 0);
    std::vector<std::size_t> fill(layout.columnStart.begin(), layout.columnStart.end() - 1);
    layout.columnWidth.assign(static_cast<std::size_t>(columns), CIRCUIT_MIN_COLUMN);
    layout.width.assign(n, 0.0);
    // NOTE: fonts built from the description, never copied from the GUI thread's QFont: a QFont shares its
    // lazily filled engine data between copies, which two threads must not touch at once.
    QFont base;
    base.fromString(baseFont);
    const CircuitFonts fonts = circuitFonts(base);
    const QFontMetricsF nameMetrics(fonts.name);
    const QFontMetricsF paramMetrics(fonts.param);
    for (std::size_t i = 0; i < n; ++i) {
        if (layout.column[i] < 0)
            continue;
        layout.width[i] = measureOperation(ops[i], layout.paramText[i], nameMetrics, paramMetrics);
        const auto col = static_cast<std::size_t>(layout.column[i]);
        layout.columnOps[fill[col]++] = i;
        layout.columnWidth[col] = std::max(layout.columnWidth[col], layout.width[i]);
    }
    for (double& w : layout.columnWidth)
        w += CIRCUIT_COLUMN_GAP;

    const QFontMetricsF labelMetrics(fonts.label);
    layout.labelWidth = 0.0;
    for (int r = 0; r < rows; ++r)
        layout.labelWidth = std::max(layout.labelWidth, labelMetrics.horizontalAdvance(layout.wireLabel(r)));
    layout.labelWidth += 6.0;
    return layout;
}

} // namespace workbench
