// SPDX-License-Identifier: MIT
// CircuitView: ASAP column layout, folding, culled painting of gates, zoom and pan, highlights, tool tips, export.
#include "circuit/circuit_view.h"

#include "export/csv_export.h"
#include "export/figure_export.h"
#include "export/painted_figure.h"

#include <QApplication>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QImage>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QScrollBar>
#include <QSpinBox>
#include <QStringList>
#include <QSvgGenerator>
#include <QToolButton>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace workbench {

namespace {

const QColor WIRE_COLOUR(64, 64, 64);
const QColor BORDER_COLOUR(50, 50, 50);
const QColor PAULI_FILL(143, 184, 238);      // x y z sx sxdg id, controlled boxes
const QColor CLIFFORD_FILL(240, 166, 166);   // h s sdg t tdg
const QColor ROTATION_FILL(201, 179, 238);   // rx ry rz p u
const QColor TWO_QUBIT_FILL(154, 211, 197);  // rzz rxx ryy ecr
const QColor MEASURE_FILL(214, 214, 214);
const QColor BARRIER_FILL(0, 0, 0, 22);
const QColor HIGHLIGHT_FILL(255, 170, 0, 120);
const QColor QUBIT_HIGHLIGHT(21, 101, 192);
constexpr double LABEL_GAP = 14.0;        // between the labels and the first column
constexpr double FOLD_GAP_FACTOR = 0.6;   // extra space between folds, in wire spacings
constexpr double CONTINUATION = 18.0;     // room for the fold continuation mark at the end of a wire
constexpr double DOT_RADIUS = 5.0;
constexpr double TARGET_RADIUS = CIRCUIT_TARGET_RADIUS;
constexpr double CROSS = CIRCUIT_CROSS;
constexpr double BIT_TEXT_HEIGHT = 14.0;  // classical bit text under a measurement
constexpr double TEXT_DETAIL_PIXELS = 5.0;  // below this on-screen font size, boxes are drawn without text
constexpr double ZOOM_STEP = 1.25;

QColor boxFill(const engine::Operation& op)
{
    if (op.kind == engine::OperationKind::Measure || op.kind == engine::OperationKind::Reset)
        return MEASURE_FILL;
    switch (op.gate) {
    case engine::GateId::H:
    case engine::GateId::S:
    case engine::GateId::Sdg:
    case engine::GateId::T:
    case engine::GateId::Tdg: return CLIFFORD_FILL;
    case engine::GateId::RX:
    case engine::GateId::RY:
    case engine::GateId::RZ:
    case engine::GateId::P:
    case engine::GateId::U:
    case engine::GateId::CRZ: return ROTATION_FILL;
    case engine::GateId::ECR:
    case engine::GateId::RZZ:
    case engine::GateId::RXX:
    case engine::GateId::RYY: return TWO_QUBIT_FILL;
    default: return PAULI_FILL;
    }
}

/// Shortest text that reads back as exactly `value`.
QString exactNumber(double value)
{
    char buffer[64];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    if (ec != std::errc())
        return QString::number(value, 'g', 17);
    return QString::fromLatin1(buffer, static_cast<qsizetype>(end - buffer));
}

/// The parameter symbols of a gate's angles, in order.
QString angleSymbol(engine::GateId id, std::size_t k)
{
    if (id == engine::GateId::U) {
        static const QString SYMBOLS[] = {QStringLiteral("θ"), QStringLiteral("φ"), QStringLiteral("λ")};
        return SYMBOLS[std::min<std::size_t>(k, 2)];
    }
    if (id == engine::GateId::P || id == engine::GateId::CP)
        return QStringLiteral("λ");
    return QStringLiteral("θ");
}

} // namespace

CircuitView::CircuitView(QWidget* parent)
    : QAbstractScrollArea(parent)
{
    const CircuitFonts fonts = circuitFonts(font());
    m_nameFont = fonts.name;
    m_paramFont = fonts.param;
    m_labelFont = fonts.label;

    m_toolbar = new QWidget(this);
    auto* bar = new QHBoxLayout(m_toolbar);
    bar->setContentsMargins(2, 2, 2, 2);
    bar->setSpacing(4);
    const auto button = [this](const QString& text, const QString& tip) {
        auto* b = new QToolButton(m_toolbar);
        b->setText(text);
        b->setToolTip(tip);
        b->setAutoRaise(true);
        return b;
    };
    m_zoomOut = button(QStringLiteral("−"), tr("Zoom out (Ctrl+wheel)"));
    m_zoomIn = button(QStringLiteral("+"), tr("Zoom in (Ctrl+wheel)"));
    m_fit = button(tr("Fit"), tr("Zoom so that the wires fit the height of the view"));
    m_zoomLabel = new QLabel(m_toolbar);
    m_zoomLabel->setMinimumWidth(m_zoomLabel->fontMetrics().horizontalAdvance(QStringLiteral("0000 %")));
    m_fold = new QSpinBox(m_toolbar);
    m_fold->setRange(0, CIRCUIT_MAX_FOLD);
    m_fold->setSpecialValueText(tr("off"));
    m_fold->setSingleStep(10);
    m_fold->setKeyboardTracking(false);
    m_fold->setToolTip(tr("Wrap the diagram into several rows of wires after this many columns (0: off)"));
    auto* foldLabel = new QLabel(tr("Fold:"), m_toolbar);
    m_export = button(tr("Export…"), tr("Save the whole diagram as PNG, SVG or PDF, or its gate list as CSV"));
    m_summary = new QLabel(m_toolbar);
    // The summary gives way to the controls in a narrow view (it is clipped, never pushes them out).
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_summary->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    bar->addWidget(m_zoomOut);
    bar->addWidget(m_zoomIn);
    bar->addWidget(m_fit);
    bar->addWidget(m_zoomLabel);
    bar->addSpacing(8);
    bar->addWidget(foldLabel);
    bar->addWidget(m_fold);
    bar->addSpacing(8);
    bar->addWidget(m_export);
    bar->addWidget(m_summary, 1);

    connect(m_zoomIn, &QToolButton::clicked, this, &CircuitView::zoomIn);
    connect(m_zoomOut, &QToolButton::clicked, this, &CircuitView::zoomOut);
    connect(m_fit, &QToolButton::clicked, this, &CircuitView::zoomToFit);
    connect(m_export, &QToolButton::clicked, this, &CircuitView::exportWithDialog);
    connect(m_fold, &QSpinBox::valueChanged, this, &CircuitView::setFoldWidth);

    viewport()->setMouseTracking(false);
    viewport()->setAutoFillBackground(false);
    setFocusPolicy(Qt::StrongFocus);
    horizontalScrollBar()->setSingleStep(20);
    verticalScrollBar()->setSingleStep(20);
    setViewportMargins(0, toolbarHeight(), 0, 0);
    // NOTE: the scroll area handles its viewport's context-menu events itself, so the menu goes on the area.
    installFigureExportMenu(this, this, this);
    m_zoomLabel->setText(QStringLiteral("100 %"));
    setCircuit(engine::Circuit());
}

CircuitView::~CircuitView() = default;

int CircuitView::toolbarHeight() const
{
    return m_toolbar->sizeHint().height();
}

void CircuitView::setCircuit(engine::Circuit circuit)
{
    setLayout(std::make_shared<const CircuitLayout>(
        layoutCircuit(std::make_shared<const engine::Circuit>(std::move(circuit)), fontDescription())));
}

void CircuitView::setLayout(std::shared_ptr<const CircuitLayout> layout)
{
    if (!layout)
        layout = std::make_shared<const CircuitLayout>(layoutCircuit(nullptr, fontDescription()));
    m_layout = std::move(layout);
    m_highlighted.clear();
    m_highlightedQubit.reset();
    applyLayout();
}

void CircuitView::clear()
{
    setCircuit(engine::Circuit());
}

int CircuitView::columnOf(std::size_t op) const
{
    return op < m_layout->column.size() ? m_layout->column[op] : -1;
}

std::vector<std::size_t> CircuitView::operationsInColumn(int column) const
{
    if (column < 0 || column >= columnCount())
        return {};
    const auto c = static_cast<std::size_t>(column);
    return {m_layout->columnOps.begin() + static_cast<std::ptrdiff_t>(m_layout->columnStart[c]),
            m_layout->columnOps.begin() + static_cast<std::ptrdiff_t>(m_layout->columnStart[c + 1])};
}

int CircuitView::rowOfQubit(unsigned qubit) const
{
    return qubit < m_layout->rowOfQubit.size() ? m_layout->rowOfQubit[qubit] : -1;
}

QString CircuitView::wireLabel(int row) const
{
    return m_layout->wireLabel(row);
}

int CircuitView::foldOf(std::size_t op) const
{
    const int column = columnOf(op);
    if (column < 0)
        return -1;
    return m_foldWidth > 0 ? column / m_foldWidth : 0;
}

double CircuitView::wireY(int fold, int row) const
{
    return CIRCUIT_MARGIN + fold * m_foldHeight + row * CIRCUIT_WIRE_SPACING + CIRCUIT_WIRE_SPACING / 2.0;
}

QRectF CircuitView::wireLabelRect(int fold, int row) const
{
    return {CIRCUIT_MARGIN, wireY(fold, row) - CIRCUIT_WIRE_SPACING / 2.0, m_layout->labelWidth, CIRCUIT_WIRE_SPACING};
}

QString CircuitView::operationText(std::size_t op) const
{
    if (op >= circuit().size())
        return {};
    const engine::Operation& o = circuit().operations()[op];
    QString name;
    switch (o.kind) {
    case engine::OperationKind::Gate: name = gateDisplayName(o.gate); break;
    case engine::OperationKind::Reset: name = QStringLiteral("|0⟩"); break;
    case engine::OperationKind::Measure:
    case engine::OperationKind::Barrier: break;
    }
    return m_layout->paramText[op].isEmpty() ? name : name + QLatin1Char('\n') + m_layout->paramText[op];
}

QString CircuitView::toolTipText(std::size_t op) const
{
    if (op >= circuit().size())
        return {};
    const engine::Operation& o = circuit().operations()[op];
    QStringList qubits;
    for (unsigned q : o.qubits)
        qubits << (circuit().isPhysical() ? QLatin1Char('$') : QLatin1Char('q')) + QString::number(q);
    const QString place = tr("operation %1, column %2").arg(op).arg(columnOf(op) + 1);
    QStringList lines;
    switch (o.kind) {
    case engine::OperationKind::Gate: {
        const engine::GateSpec& spec = engine::gateSpec(o.gate);
        const QString name = QString::fromLatin1(spec.name.data(), static_cast<qsizetype>(spec.name.size()));
        lines << QStringLiteral("%1 (%2)").arg(name, place);
        lines << tr("Qubits: %1").arg(qubits.join(QStringLiteral(", ")));
        for (std::size_t k = 0; k < o.params.size(); ++k) {
            const engine::ParameterExpression& p = o.params[k];
            const QString value = p.isConstant() ? exactNumber(p.constant())
                                                 : QString::fromStdString(p.toQasm(circuit().parameters()));
            lines << QStringLiteral("%1 = %2").arg(angleSymbol(o.gate, k), value);
        }
        break;
    }
    case engine::OperationKind::Measure: {
        lines << QStringLiteral("measure (%1)").arg(place);
        lines << tr("Qubit %1 → bit %2").arg(qubits.value(0), m_layout->paramText[op]);
        break;
    }
    case engine::OperationKind::Reset:
        lines << QStringLiteral("reset (%1)").arg(place);
        lines << tr("Qubits: %1").arg(qubits.join(QStringLiteral(", ")));
        break;
    case engine::OperationKind::Barrier:
        lines << QStringLiteral("barrier (%1)").arg(place);
        lines << (qubits.isEmpty() ? tr("All qubits") : tr("Qubits: %1").arg(qubits.join(QStringLiteral(", "))));
        break;
    }
    return lines.join(QLatin1Char('\n'));
}

void CircuitView::applyLayout()
{
    m_highlightMask.assign(m_layout->circuit->size(), 0);
    computeFolds();
    updateSummary();
}

void CircuitView::computeFolds()
{
    const int columns = columnCount();
    const int perFold = m_foldWidth > 0 ? m_foldWidth : std::max(1, columns);
    m_foldCount = std::max(1, (columns + perFold - 1) / perFold);
    m_columnX.assign(static_cast<std::size_t>(columns), 0.0);
    m_foldExtent.assign(static_cast<std::size_t>(m_foldCount), 0.0);
    for (int c = 0; c < columns; ++c) {
        const auto fold = static_cast<std::size_t>(c / perFold);
        m_columnX[static_cast<std::size_t>(c)] = m_foldExtent[fold];
        m_foldExtent[fold] += m_layout->columnWidth[static_cast<std::size_t>(c)];
    }
    const double wires = wireCount() * CIRCUIT_WIRE_SPACING;
    m_foldHeight = wires + (m_foldCount > 1 ? FOLD_GAP_FACTOR * CIRCUIT_WIRE_SPACING : 0.0);
    const double widest = *std::max_element(m_foldExtent.begin(), m_foldExtent.end());
    const double gateLeft = CIRCUIT_MARGIN + m_layout->labelWidth + LABEL_GAP;
    m_sceneSize = QSizeF(gateLeft + widest + CONTINUATION + CIRCUIT_MARGIN,
                         2.0 * CIRCUIT_MARGIN + m_foldCount * m_foldHeight
                             - (m_foldCount > 1 ? FOLD_GAP_FACTOR * CIRCUIT_WIRE_SPACING : 0.0));
    updateScrollBars();
    viewport()->update();
}

void CircuitView::updateSummary()
{
    m_summary->setText(tr("%1 wires · %2 operations · %3 columns")
                           .arg(wireCount())
                           .arg(circuit().size())
                           .arg(columnCount()));
    m_summary->setToolTip(m_summary->text());
}

void CircuitView::setFoldWidth(int columns)
{
    columns = std::clamp(columns, 0, CIRCUIT_MAX_FOLD);
    if (columns == m_foldWidth)
        return;
    m_foldWidth = columns;
    if (m_fold->value() != columns) {
        const QSignalBlocker block(m_fold);
        m_fold->setValue(columns);
    }
    computeFolds();
    emit foldWidthChanged(columns);
}

QRectF CircuitView::operationRect(std::size_t op) const
{
    const int column = columnOf(op);
    if (column < 0)
        return {};
    const int fold = foldOf(op);
    const auto c = static_cast<std::size_t>(column);
    const double gateLeft = CIRCUIT_MARGIN + m_layout->labelWidth + LABEL_GAP;
    const double centre = gateLeft + m_columnX[c] + (m_layout->columnWidth[c] - CIRCUIT_COLUMN_GAP) / 2.0;
    const double width = operationWidth(op);
    const CircuitSpan span = m_layout->span[op];
    const double top = wireY(fold, span.top) - CIRCUIT_BOX_HEIGHT / 2.0;
    double bottom = wireY(fold, span.bottom) + CIRCUIT_BOX_HEIGHT / 2.0;
    if (circuit().operations()[op].kind == engine::OperationKind::Measure)
        bottom += BIT_TEXT_HEIGHT;
    return {centre - width / 2.0, top, width, bottom - top};
}

std::optional<std::size_t> CircuitView::operationAt(const QPointF& scenePos) const
{
    if (wireCount() == 0 || m_foldHeight <= 0.0)
        return std::nullopt;
    const int fold = static_cast<int>(std::floor((scenePos.y() - CIRCUIT_MARGIN) / m_foldHeight));
    if (fold < 0 || fold >= m_foldCount)
        return std::nullopt;
    const int perFold = m_foldWidth > 0 ? m_foldWidth : std::max(1, columnCount());
    const int first = fold * perFold;
    const int last = std::min(columnCount(), first + perFold);
    const double x = scenePos.x() - (CIRCUIT_MARGIN + m_layout->labelWidth + LABEL_GAP);
    // Columns of one fold are laid out left to right, so the column under x is found by bisection.
    const auto begin = m_columnX.begin() + first;
    const auto end = m_columnX.begin() + last;
    auto it = std::upper_bound(begin, end, x);
    if (it == begin)
        return std::nullopt;
    const int column = static_cast<int>(std::distance(m_columnX.begin(), it)) - 1;
    std::optional<std::size_t> best;
    for (std::size_t op : operationsInColumn(column)) {
        const QRectF rect = operationRect(op);
        if (rect.contains(scenePos) && (!best || rect.height() < operationRect(*best).height()))
            best = op;
    }
    return best;
}

std::optional<int> CircuitView::wireLabelAt(const QPointF& scenePos) const
{
    if (wireCount() == 0 || m_foldHeight <= 0.0)
        return std::nullopt;
    if (scenePos.x() < CIRCUIT_MARGIN || scenePos.x() > CIRCUIT_MARGIN + m_layout->labelWidth + LABEL_GAP / 2.0)
        return std::nullopt;
    const int fold = static_cast<int>(std::floor((scenePos.y() - CIRCUIT_MARGIN) / m_foldHeight));
    if (fold < 0 || fold >= m_foldCount)
        return std::nullopt;
    const double inFold = scenePos.y() - CIRCUIT_MARGIN - fold * m_foldHeight;
    const int row = static_cast<int>(std::floor(inFold / CIRCUIT_WIRE_SPACING));
    if (row < 0 || row >= wireCount())
        return std::nullopt;
    return row;
}

// --- zoom and scrolling -----------------------------------------------------------------------------------------

QPointF CircuitView::mapToScene(const QPointF& viewportPos) const
{
    return (viewportPos + QPointF(horizontalScrollBar()->value(), verticalScrollBar()->value())) / m_zoom;
}

QPointF CircuitView::mapFromScene(const QPointF& scenePos) const
{
    return scenePos * m_zoom - QPointF(horizontalScrollBar()->value(), verticalScrollBar()->value());
}

QRectF CircuitView::visibleSceneRect() const
{
    const QSize size = viewport()->size();
    return {mapToScene(QPointF(0, 0)), mapToScene(QPointF(size.width(), size.height()))};
}

void CircuitView::updateScrollBars()
{
    const QSize view = viewport()->size();
    const int width = static_cast<int>(std::ceil(m_sceneSize.width() * m_zoom));
    const int height = static_cast<int>(std::ceil(m_sceneSize.height() * m_zoom));
    horizontalScrollBar()->setPageStep(view.width());
    verticalScrollBar()->setPageStep(view.height());
    horizontalScrollBar()->setRange(0, std::max(0, width - view.width()));
    verticalScrollBar()->setRange(0, std::max(0, height - view.height()));
}

void CircuitView::setZoomAround(double zoom, const QPointF& anchor)
{
    zoom = std::clamp(zoom, CIRCUIT_MIN_ZOOM, CIRCUIT_MAX_ZOOM);
    if (std::abs(zoom - m_zoom) < 1e-12)
        return;
    const QPointF scenePoint = mapToScene(anchor);
    m_zoom = zoom;
    updateScrollBars();
    horizontalScrollBar()->setValue(static_cast<int>(std::lround(scenePoint.x() * m_zoom - anchor.x())));
    verticalScrollBar()->setValue(static_cast<int>(std::lround(scenePoint.y() * m_zoom - anchor.y())));
    m_zoomLabel->setText(QStringLiteral("%1 %").arg(std::lround(m_zoom * 100.0)));
    viewport()->update();
    emit zoomChanged(m_zoom);
}

void CircuitView::setZoom(double zoom)
{
    setZoomAround(zoom, QPointF(viewport()->width() / 2.0, viewport()->height() / 2.0));
}

void CircuitView::zoomIn()
{
    setZoom(m_zoom * ZOOM_STEP);
}

void CircuitView::zoomOut()
{
    setZoom(m_zoom / ZOOM_STEP);
}

void CircuitView::zoomToFit()
{
    const double height = std::min(m_foldHeight + 2.0 * CIRCUIT_MARGIN, m_sceneSize.height());
    if (height <= 0.0 || viewport()->height() <= 0)
        return;
    setZoomAround(viewport()->height() / height, QPointF(0.0, 0.0));
}

void CircuitView::ensureSceneRectVisible(const QRectF& sceneRect)
{
    if (sceneRect.isEmpty())
        return;
    const QRectF visible = visibleSceneRect();
    if (visible.contains(sceneRect))
        return;
    const QPointF centre = sceneRect.center() * m_zoom;
    // Centre the rectangle, but keep its left edge in view when it is wider than the viewport.
    double x = centre.x() - viewport()->width() / 2.0;
    x = std::min(x, sceneRect.left() * m_zoom - 8.0);
    if (!(sceneRect.left() >= visible.left() && sceneRect.right() <= visible.right()))
        horizontalScrollBar()->setValue(static_cast<int>(std::lround(x)));
    if (!(sceneRect.top() >= visible.top() && sceneRect.bottom() <= visible.bottom())) {
        const double y = std::min(centre.y() - viewport()->height() / 2.0, sceneRect.top() * m_zoom - 8.0);
        verticalScrollBar()->setValue(static_cast<int>(std::lround(y)));
    }
}

// --- highlights ------------------------------------------------------------------------------------------------

void CircuitView::highlightOperations(std::vector<std::size_t> operations, bool reveal)
{
    for (std::size_t op : m_highlighted)
        m_highlightMask[op] = 0;
    std::sort(operations.begin(), operations.end());
    operations.erase(std::unique(operations.begin(), operations.end()), operations.end());
    operations.erase(std::remove_if(operations.begin(), operations.end(),
                                    [this](std::size_t op) { return op >= circuit().size(); }),
                     operations.end());
    m_highlighted = std::move(operations);
    for (std::size_t op : m_highlighted)
        m_highlightMask[op] = 1;
    if (reveal && !m_highlighted.empty()) {
        // Reveal the highlighted gates of the first fold that holds any.
        const int fold = foldOf(m_highlighted.front());
        QRectF area;
        for (std::size_t op : m_highlighted)
            if (foldOf(op) == fold)
                area = area.united(operationRect(op));
        ensureSceneRectVisible(area.adjusted(-8, -8, 8, 8));
    }
    viewport()->update();
}

void CircuitView::clearHighlight()
{
    highlightOperations({}, false);
}

bool CircuitView::isHighlighted(std::size_t op) const
{
    return op < m_highlightMask.size() && m_highlightMask[op] != 0;
}

void CircuitView::setHighlightedQubit(std::optional<unsigned> qubit)
{
    if (qubit && rowOfQubit(*qubit) < 0)
        qubit.reset();
    if (qubit == m_highlightedQubit)
        return;
    m_highlightedQubit = qubit;
    viewport()->update();
    emit qubitHighlighted(qubit ? static_cast<int>(*qubit) : -1);
}

// --- painting ----------------------------------------------------------------------------------------------------

namespace {

void drawBox(QPainter& p, const QRectF& rect, const QColor& fill, const QString& name, const QString& param,
             const QFont& nameFont, const QFont& paramFont, bool text)
{
    p.setPen(QPen(BORDER_COLOUR, 1.2));
    p.setBrush(fill);
    p.drawRoundedRect(rect, 3.0, 3.0);
    if (!text)
        return;
    p.setPen(Qt::black);
    if (param.isEmpty()) {
        p.setFont(nameFont);
        p.drawText(rect, Qt::AlignCenter, name);
        return;
    }
    const QPointF c = rect.center();
    p.setFont(nameFont);
    p.drawText(QRectF(rect.left(), c.y() - 17.0, rect.width(), 18.0), Qt::AlignHCenter | Qt::AlignBottom, name);
    p.setFont(paramFont);
    p.drawText(QRectF(rect.left() - 40.0, c.y() + 1.0, rect.width() + 80.0, 14.0), Qt::AlignHCenter | Qt::AlignTop,
               param);
}

void drawDot(QPainter& p, const QPointF& centre)
{
    p.setPen(Qt::NoPen);
    p.setBrush(BORDER_COLOUR);
    p.drawEllipse(centre, DOT_RADIUS, DOT_RADIUS);
}

void drawCross(QPainter& p, const QPointF& c)
{
    p.setPen(QPen(BORDER_COLOUR, 1.8));
    p.drawLine(QPointF(c.x() - CROSS, c.y() - CROSS), QPointF(c.x() + CROSS, c.y() + CROSS));
    p.drawLine(QPointF(c.x() - CROSS, c.y() + CROSS), QPointF(c.x() + CROSS, c.y() - CROSS));
}

} // namespace

void CircuitView::paintOperation(QPainter& p, std::size_t index, const QRectF& column, int fold, bool text) const
{
    const engine::Operation& op = circuit().operations()[index];
    const double cx = column.center().x();
    const auto y = [&](unsigned q) { return wireY(fold, rowOfQubit(q)); };
    if (m_highlightMask[index]) {
        p.setPen(QPen(QColor(230, 120, 0), 1.5));
        p.setBrush(HIGHLIGHT_FILL);
        p.drawRoundedRect(operationRect(index).adjusted(-5, -5, 5, 5), 5.0, 5.0);
    }
    const double width = operationWidth(index);
    const QString& param = m_layout->paramText[index];
    const auto boxAt = [&](double centreY) {
        return QRectF(cx - width / 2.0, centreY - CIRCUIT_BOX_HEIGHT / 2.0, width, CIRCUIT_BOX_HEIGHT);
    };
    const auto line = [&](double y0, double y1) {
        p.setPen(QPen(BORDER_COLOUR, 1.5));
        p.drawLine(QPointF(cx, y0), QPointF(cx, y1));
    };

    switch (circuitShapeOf(op)) {
    case CircuitShape::Box:
        drawBox(p, boxAt(y(op.qubits[0])), boxFill(op), gateDisplayName(op.gate), param, m_nameFont, m_paramFont,
                text);
        break;
    case CircuitShape::ControlledBox:
        line(y(op.qubits[0]), y(op.qubits[1]));
        drawDot(p, QPointF(cx, y(op.qubits[0])));
        drawBox(p, boxAt(y(op.qubits[1])), boxFill(op), gateDisplayName(op.gate), param, m_nameFont, m_paramFont,
                text);
        break;
    case CircuitShape::ControlledNot: {
        const double yt = y(op.qubits[1]);
        line(y(op.qubits[0]), yt);
        drawDot(p, QPointF(cx, y(op.qubits[0])));
        p.setPen(QPen(BORDER_COLOUR, 1.5));
        p.setBrush(PAULI_FILL);
        p.drawEllipse(QPointF(cx, yt), TARGET_RADIUS, TARGET_RADIUS);
        p.drawLine(QPointF(cx - TARGET_RADIUS, yt), QPointF(cx + TARGET_RADIUS, yt));
        p.drawLine(QPointF(cx, yt - TARGET_RADIUS), QPointF(cx, yt + TARGET_RADIUS));
        break;
    }
    case CircuitShape::PhaseDots: {
        const double y0 = y(op.qubits[0]);
        const double y1 = y(op.qubits[1]);
        line(y0, y1);
        drawDot(p, QPointF(cx, y0));
        drawDot(p, QPointF(cx, y1));
        if (text && !param.isEmpty()) {
            p.setPen(Qt::black);
            p.setFont(m_paramFont);
            const double mid = (y0 + y1) / 2.0;
            p.drawText(QRectF(cx + 5.0, mid - 8.0, width / 2.0, 16.0), Qt::AlignLeft | Qt::AlignVCenter, param);
        }
        break;
    }
    case CircuitShape::Swap:
        line(y(op.qubits[0]), y(op.qubits[1]));
        drawCross(p, QPointF(cx, y(op.qubits[0])));
        drawCross(p, QPointF(cx, y(op.qubits[1])));
        break;
    case CircuitShape::Spanning: {
        const double y0 = y(op.qubits[0]);
        const double y1 = y(op.qubits[1]);
        const double top = std::min(y0, y1) - CIRCUIT_BOX_HEIGHT / 2.0;
        const double bottom = std::max(y0, y1) + CIRCUIT_BOX_HEIGHT / 2.0;
        const QRectF rect(cx - width / 2.0, top, width, bottom - top);
        drawBox(p, rect, boxFill(op), gateDisplayName(op.gate), param, m_nameFont, m_paramFont, text);
        if (text && op.gate == engine::GateId::ECR) {
            // ECR is directed: mark which wire is the first operand.
            p.setFont(m_paramFont);
            p.setPen(Qt::black);
            p.drawText(QRectF(rect.left() + 2.0, y0 - 7.0, 10.0, 14.0), Qt::AlignCenter, QStringLiteral("0"));
            p.drawText(QRectF(rect.left() + 2.0, y1 - 7.0, 10.0, 14.0), Qt::AlignCenter, QStringLiteral("1"));
        }
        break;
    }
    case CircuitShape::Measure: {
        const QRectF rect = boxAt(y(op.qubits[0]));
        drawBox(p, rect, boxFill(op), QString(), QString(), m_nameFont, m_paramFont, false);
        // The meter: a half dial and its needle.
        const QPointF c = rect.center();
        p.setPen(QPen(BORDER_COLOUR, 1.4));
        p.setBrush(Qt::NoBrush);
        p.drawArc(QRectF(c.x() - 11.0, c.y() - 5.0, 22.0, 20.0), 20 * 16, 140 * 16);
        p.drawLine(QPointF(c.x(), c.y() + 8.0), QPointF(c.x() + 8.0, c.y() - 9.0));
        if (text) {
            p.setPen(Qt::black);
            p.setFont(m_paramFont);
            p.drawText(QRectF(cx - width / 2.0 - 30.0, rect.bottom() + 1.0, width + 60.0, BIT_TEXT_HEIGHT),
                       Qt::AlignHCenter | Qt::AlignTop, param);
        }
        break;
    }
    case CircuitShape::Reset:
        drawBox(p, boxAt(y(op.qubits[0])), boxFill(op), QStringLiteral("|0⟩"), QString(), m_nameFont, m_paramFont,
                text);
        break;
    case CircuitShape::Barrier: {
        const auto segment = [&](int row) {
            const double yc = wireY(fold, row);
            const QRectF band(cx - 5.0, yc - CIRCUIT_WIRE_SPACING / 2.0, 10.0, CIRCUIT_WIRE_SPACING);
            p.fillRect(band, BARRIER_FILL);
            QPen pen(QColor(90, 90, 90), 1.4, Qt::DashLine);
            p.setPen(pen);
            p.drawLine(QPointF(cx, band.top()), QPointF(cx, band.bottom()));
        };
        if (op.qubits.empty()) {
            for (int row = 0; row < wireCount(); ++row)
                segment(row);
        } else {
            for (unsigned q : op.qubits)
                if (rowOfQubit(q) >= 0)
                    segment(rowOfQubit(q));
        }
        break;
    }
    }
}

void CircuitView::paintScene(QPainter& p, const QRectF& rect, bool text, std::size_t* painted) const
{
    std::size_t count = 0;
    const int rows = wireCount();
    if (rows == 0 || m_foldHeight <= 0.0) {
        if (painted)
            *painted = 0;
        return;
    }
    const double gateLeft = CIRCUIT_MARGIN + m_layout->labelWidth + LABEL_GAP;
    const int perFold = m_foldWidth > 0 ? m_foldWidth : std::max(1, columnCount());
    const int firstFold = std::clamp(static_cast<int>(std::floor((rect.top() - CIRCUIT_MARGIN) / m_foldHeight)), 0,
                                     m_foldCount - 1);
    const int lastFold = std::clamp(static_cast<int>(std::floor((rect.bottom() - CIRCUIT_MARGIN) / m_foldHeight)), 0,
                                    m_foldCount - 1);
    const QPen wirePen(WIRE_COLOUR, 1.0);
    const QPen highlightedWirePen(QUBIT_HIGHLIGHT, 3.0);
    const int highlightedRow = m_highlightedQubit ? rowOfQubit(*m_highlightedQubit) : -1;

    for (int fold = firstFold; fold <= lastFold; ++fold) {
        const double foldTop = CIRCUIT_MARGIN + fold * m_foldHeight;
        // Rows whose wire band (one spacing high) meets the rectangle; tall gates are found through their span.
        const int firstRow = std::clamp(static_cast<int>(std::floor((rect.top() - foldTop) / CIRCUIT_WIRE_SPACING)), 0,
                                        rows - 1);
        const int lastRow = std::clamp(static_cast<int>(std::floor((rect.bottom() - foldTop) / CIRCUIT_WIRE_SPACING)),
                                       0, rows - 1);
        if (rect.bottom() < foldTop || rect.top() > foldTop + rows * CIRCUIT_WIRE_SPACING)
            continue;
        const double wireEnd = gateLeft + m_foldExtent[static_cast<std::size_t>(fold)];
        const double x0 = std::max(gateLeft - LABEL_GAP / 2.0, rect.left() - 2.0);
        const double x1 = std::min(wireEnd, rect.right() + 2.0);
        for (int row = firstRow; row <= lastRow; ++row) {
            const double y = wireY(fold, row);
            if (x1 > x0) {
                p.setPen(row == highlightedRow ? highlightedWirePen : wirePen);
                p.drawLine(QPointF(x0, y), QPointF(x1, y));
            }
            if (text && rect.left() <= CIRCUIT_MARGIN + m_layout->labelWidth) {
                QFont font = m_labelFont;
                font.setBold(row == highlightedRow);
                p.setFont(font);
                p.setPen(row == highlightedRow ? QUBIT_HIGHLIGHT : QColor(Qt::black));
                p.drawText(wireLabelRect(fold, row), Qt::AlignRight | Qt::AlignVCenter, wireLabel(row));
            }
            if (text && fold + 1 < m_foldCount && rect.right() >= wireEnd) {
                p.setPen(WIRE_COLOUR);
                p.setFont(m_labelFont);
                p.drawText(QRectF(wireEnd + 2.0, y - 10.0, CONTINUATION, 20.0), Qt::AlignLeft | Qt::AlignVCenter,
                           QStringLiteral("»"));
            }
        }

        const int first = fold * perFold;
        const int last = std::min(columnCount(), first + perFold);
        if (first >= last)
            continue;
        // Columns overlapping [rect.left, rect.right]: bisection on their left edges within the fold.
        const double left = rect.left() - gateLeft;
        const double right = rect.right() - gateLeft;
        auto begin = m_columnX.begin() + first;
        auto end = m_columnX.begin() + last;
        auto from = std::upper_bound(begin, end, left);
        if (from != begin)
            --from;
        const auto to = std::upper_bound(from, end, right);
        for (auto it = from; it != to; ++it) {
            const auto c = static_cast<std::size_t>(std::distance(m_columnX.begin(), it));
            const QRectF column(gateLeft + m_columnX[c], foldTop, m_layout->columnWidth[c] - CIRCUIT_COLUMN_GAP, m_foldHeight);
            for (std::size_t k = m_layout->columnStart[c]; k < m_layout->columnStart[c + 1]; ++k) {
                const std::size_t op = m_layout->columnOps[k];
                const CircuitSpan span = m_layout->span[op];
                if (span.bottom < firstRow - 1 || span.top > lastRow + 1)
                    continue;
                paintOperation(p, op, column, fold, text);
                ++count;
            }
        }
    }
    if (painted)
        *painted = count;
}

void CircuitView::renderScene(QPainter& painter, const QRectF& sceneRect) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    paintScene(painter, sceneRect, true, nullptr);
    painter.restore();
}

void CircuitView::paintEvent(QPaintEvent* event)
{
    QPainter p(viewport());
    p.fillRect(event->rect(), Qt::white);
    if (wireCount() == 0) {
        p.setPen(Qt::darkGray);
        p.drawText(viewport()->rect(), Qt::AlignCenter, tr("No circuit"));
        m_lastPainted = 0;
        return;
    }
    const QRect exposed = event->rect();
    const QRectF scene(mapToScene(QPointF(exposed.topLeft())),
                       mapToScene(QPointF(exposed.bottomRight() + QPoint(1, 1))));
    p.translate(-horizontalScrollBar()->value(), -verticalScrollBar()->value());
    p.scale(m_zoom, m_zoom);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    const bool text = m_zoom * m_paramFont.pixelSize() >= TEXT_DETAIL_PIXELS;
    paintScene(p, scene, text, &m_lastPainted);
    if (text && horizontalScrollBar()->value() > 0)
        paintStickyLabels(p, visibleSceneRect());
}

void CircuitView::paintStickyLabels(QPainter& p, const QRectF& visible) const
{
    // Once the label column has scrolled out of view, the labels are drawn over the left edge of the viewport,
    // so a wire can still be named (and clicked) anywhere along a long circuit.
    const double width = CIRCUIT_MARGIN + m_layout->labelWidth + LABEL_GAP / 2.0;
    const QRectF column(visible.left(), visible.top(), width, visible.height());
    p.fillRect(column, Qt::white);
    p.setPen(QPen(QColor(200, 200, 200), 1.0 / m_zoom));
    p.drawLine(column.topRight(), column.bottomRight());
    const int highlightedRow = m_highlightedQubit ? rowOfQubit(*m_highlightedQubit) : -1;
    const int firstFold = std::clamp(static_cast<int>(std::floor((visible.top() - CIRCUIT_MARGIN) / m_foldHeight)), 0,
                                     m_foldCount - 1);
    const int lastFold = std::clamp(static_cast<int>(std::floor((visible.bottom() - CIRCUIT_MARGIN) / m_foldHeight)),
                                    0, m_foldCount - 1);
    for (int fold = firstFold; fold <= lastFold; ++fold) {
        for (int row = 0; row < wireCount(); ++row) {
            const QRectF rect = wireLabelRect(fold, row).translated(visible.left(), 0.0);
            if (!rect.intersects(visible))
                continue;
            QFont font = m_labelFont;
            font.setBold(row == highlightedRow);
            p.setFont(font);
            p.setPen(row == highlightedRow ? QUBIT_HIGHLIGHT : QColor(Qt::black));
            p.drawText(rect, Qt::AlignRight | Qt::AlignVCenter, wireLabel(row));
        }
    }
}

std::optional<int> CircuitView::labelUnder(const QPointF& viewportPos) const
{
    QPointF scene = mapToScene(viewportPos);
    if (horizontalScrollBar()->value() > 0)
        scene.setX(scene.x() - visibleSceneRect().left());
    return wireLabelAt(scene);
}

void CircuitView::resizeEvent(QResizeEvent* event)
{
    QAbstractScrollArea::resizeEvent(event);
    const int frame = frameWidth();
    const int height = toolbarHeight();
    setViewportMargins(0, height, 0, 0);
    m_toolbar->setGeometry(frame, frame, width() - 2 * frame, height);
    updateScrollBars();
}

void CircuitView::scrollContentsBy(int, int)
{
    viewport()->update();
}

void CircuitView::wheelEvent(QWheelEvent* event)
{
    const QPoint delta = event->angleDelta();
    if (event->modifiers() & Qt::ControlModifier) {
        if (delta.y() != 0)
            setZoomAround(m_zoom * std::pow(ZOOM_STEP, delta.y() / 120.0), event->position());
        event->accept();
        return;
    }
    if (event->modifiers() & Qt::ShiftModifier) {
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void CircuitView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    m_pressed = true;
    m_dragging = false;
    m_pressPos = event->position().toPoint();
    m_lastDragPos = m_pressPos;
    event->accept();
}

void CircuitView::mouseMoveEvent(QMouseEvent* event)
{
    if (!m_pressed) {
        QAbstractScrollArea::mouseMoveEvent(event);
        return;
    }
    const QPoint pos = event->position().toPoint();
    if (!m_dragging && (pos - m_pressPos).manhattanLength() >= QApplication::startDragDistance()) {
        m_dragging = true;
        viewport()->setCursor(Qt::ClosedHandCursor);
    }
    if (m_dragging) {
        const QPoint delta = pos - m_lastDragPos;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        m_lastDragPos = pos;
    }
    event->accept();
}

void CircuitView::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || !m_pressed) {
        QAbstractScrollArea::mouseReleaseEvent(event);
        return;
    }
    m_pressed = false;
    if (m_dragging) {
        m_dragging = false;
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    const QPointF scene = mapToScene(event->position());
    if (const std::optional<int> row = labelUnder(event->position())) {
        const unsigned qubit = m_layout->wires[static_cast<std::size_t>(*row)];
        setHighlightedQubit(m_highlightedQubit == qubit ? std::nullopt : std::optional<unsigned>(qubit));
    } else if (const std::optional<std::size_t> op = operationAt(scene)) {
        emit operationClicked(static_cast<qsizetype>(*op));
    }
    event->accept();
}

void CircuitView::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        event->accept();
        return;
    case Qt::Key_Minus:
        zoomOut();
        event->accept();
        return;
    default: QAbstractScrollArea::keyPressEvent(event);
    }
}

bool CircuitView::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        const QPointF scene = mapToScene(QPointF(help->pos()));
        if (const std::optional<int> row = labelUnder(QPointF(help->pos()))) {
            QToolTip::showText(help->globalPos(), tr("Click to highlight the wire of %1").arg(wireLabel(*row)),
                               viewport());
        } else if (const std::optional<std::size_t> op = operationAt(scene)) {
            QToolTip::showText(help->globalPos(), toolTipText(*op), viewport());
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

// --- export -------------------------------------------------------------------------------------------------------

bool CircuitView::exportPng(const QString& path) const
{
    const double w = std::max(1.0, m_sceneSize.width());
    const double h = std::max(1.0, m_sceneSize.height());
    // Twice the scene's pixels for a crisp print, less when that would exceed the side or area limits.
    constexpr double MAX_AREA = 64.0e6;
    const double scale = std::min({2.0, MAX_EXPORT_PIXELS / w, MAX_EXPORT_PIXELS / h, std::sqrt(MAX_AREA / (w * h))});
    const int width = std::max(1, static_cast<int>(std::ceil(w * scale)));
    const int height = std::max(1, static_cast<int>(std::ceil(h * scale)));
    QImage image(width, height, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return false;
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.scale(scale, scale);
        renderScene(painter, QRectF(QPointF(0, 0), m_sceneSize));
    }
    return image.save(path, "PNG");
}

bool CircuitView::exportSvg(const QString& path) const
{
    const QSizeF size(std::max(1.0, m_sceneSize.width()), std::max(1.0, m_sceneSize.height()));
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(size.toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), size));
    generator.setTitle(tr("Circuit diagram"));
    QPainter painter;
    if (!painter.begin(&generator))
        return false;
    painter.fillRect(QRectF(QPointF(0, 0), size), Qt::white);
    renderScene(painter, QRectF(QPointF(0, 0), size));
    return painter.end() && QFileInfo(path).size() > 0;
}

bool CircuitView::exportPdf(const QString& path) const
{
    // PDF viewers refuse pages above 200 inches (14400 pt) per side, so larger diagrams are scaled down to fit.
    constexpr double MAX_PAGE_POINTS = 14400.0;
    const double w = std::max(1.0, m_sceneSize.width());
    const double h = std::max(1.0, m_sceneSize.height());
    const double scale = std::min({1.0, MAX_PAGE_POINTS / w, MAX_PAGE_POINTS / h});
    QPdfWriter writer(path);
    setUpFigurePdf(writer, tr("Circuit diagram"), QSizeF(w * scale, h * scale));
    QPainter painter;
    if (!painter.begin(&writer))
        return false;
    painter.scale(scale, scale);
    painter.fillRect(QRectF(QPointF(0, 0), m_sceneSize), Qt::white);
    renderScene(painter, QRectF(QPointF(0, 0), QSizeF(w, h)));
    return painter.end() && QFileInfo(path).size() > 0;
}

bool CircuitView::exportTo(const QString& path) const
{
    switch (figureFormatForPath(path)) {
    case FigureFormat::Svg: return exportSvg(path);
    case FigureFormat::Pdf: return exportPdf(path);
    case FigureFormat::Png: break;
    }
    return exportPng(path);
}

void CircuitView::exportWithDialog()
{
    exportFigureWithDialog(this, *this);
}

QString CircuitView::figureTitle() const
{
    return tr("Circuit diagram");
}

bool CircuitView::writeFigure(const QString& path, const FigureOptions& options) const
{
    const QSizeF scene(std::max(1.0, m_sceneSize.width()), std::max(1.0, m_sceneSize.height()));
    const auto paint = [this, scene](QPainter& painter, const QRectF& canvas) {
        double scale = 1.0;
        const QRectF target = fittedRect(scene, canvas, &scale);
        painter.translate(target.topLeft());
        painter.scale(scale, scale);
        renderScene(painter, QRectF(QPointF(0, 0), scene));
    };
    return writePaintedFigure(path, options, figureTitle(), Qt::white, paint);
}

QString CircuitView::csvData() const
{
    CsvWriter csv;
    csv.addRow({QStringLiteral("index"), QStringLiteral("column"), QStringLiteral("kind"), QStringLiteral("name"),
                QStringLiteral("qubits"), QStringLiteral("parameters"), QStringLiteral("bit")});
    const QChar prefix = circuit().isPhysical() ? QLatin1Char('$') : QLatin1Char('q');
    for (std::size_t op = 0; op < circuit().size(); ++op) {
        const engine::Operation& o = circuit().operations()[op];
        QStringList qubits;
        for (unsigned q : o.qubits)
            qubits << prefix + QString::number(q);
        QString kind;
        QString name;
        QStringList parameters;
        QString bit;
        switch (o.kind) {
        case engine::OperationKind::Gate: {
            kind = QStringLiteral("gate");
            const engine::GateSpec& spec = engine::gateSpec(o.gate);
            name = QString::fromLatin1(spec.name.data(), static_cast<qsizetype>(spec.name.size()));
            for (const engine::ParameterExpression& p : o.params)
                parameters << (p.isConstant() ? exactNumber(p.constant())
                                              : QString::fromStdString(p.toQasm(circuit().parameters())));
            break;
        }
        case engine::OperationKind::Measure:
            kind = name = QStringLiteral("measure");
            bit = m_layout->paramText[op];
            break;
        case engine::OperationKind::Reset: kind = name = QStringLiteral("reset"); break;
        case engine::OperationKind::Barrier: kind = name = QStringLiteral("barrier"); break;
        }
        const int column = columnOf(op);
        csv.addRow({CsvWriter::number(static_cast<long long>(op)),
                    column >= 0 ? QString::number(column + 1) : QString(), kind, name, qubits.join(QLatin1Char(' ')),
                    parameters.join(QLatin1Char(';')), bit});
    }
    return csv.text();
}

} // namespace workbench
