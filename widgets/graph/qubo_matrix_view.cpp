// SPDX-License-Identifier: MIT
// QuboMatrixView: encoding, colouring and hover read-out of the graph editor's QUBO.
#include "graph/qubo_matrix_view.h"

#include "core/error.h"
#include "document/error_text.h"
#include "graph/graph_document.h"

#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace workbench {

namespace {

// Diverging colour for value/range in [-1, 1]: dark blue, white at zero, dark red.
QRgb divergingColor(double t)
{
    t = std::clamp(t, -1.0, 1.0);
    const QColor end = t < 0.0 ? QColor(0x08, 0x30, 0x6b) : QColor(0x99, 0x00, 0x0d);
    const double s = std::sqrt(std::abs(t));  // sqrt: small coefficients stay visible next to large ones
    const auto mix = [s](int white, int to) { return static_cast<int>(std::lround(white + (to - white) * s)); };
    return qRgb(mix(255, end.red()), mix(255, end.green()), mix(255, end.blue()));
}

} // namespace

QuboMatrixView::QuboMatrixView(GraphDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_summary(new QLabel(this))
    , m_hover(new QLabel(this))
{
    setMinimumSize(160, 200);
    setMouseTracking(true);
    m_summary->setWordWrap(true);
    m_hover->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hover->setText(tr("Point at a cell to read its coefficient."));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addStretch(1);
    layout->addWidget(m_summary);
    layout->addWidget(m_hover);

    m_timer.setSingleShot(true);
    m_timer.setInterval(REBUILD_DELAY_MS);
    connect(&m_timer, &QTimer::timeout, this, &QuboMatrixView::rebuild);
    connect(document, &GraphDocument::changed, this, [this](const GraphChange& change) {
        // Positions do not enter the QUBO.
        if (change.kind != GraphChange::Kind::Positions)
            m_timer.start();
    });
    rebuild();
}

void QuboMatrixView::rebuild()
{
    m_timer.stop();
    ++m_rebuildCount;
    try {
        m_qubo = m_document->data().qubo();
    } catch (const engine::Error& e) {
        m_qubo = engine::QuboModel();
        m_image = QImage();
        m_summary->setText(tr("Cannot encode the graph: %1").arg(errorMessage(e)));
        update();
        return;
    }
    const std::size_t n = m_qubo.numVariables();
    const QLocale locale;
    const double range = m_qubo.maxAbsCoefficient() > 0.0 ? m_qubo.maxAbsCoefficient() : 1.0;
    QString summary = tr("%1 variables, %2 couplings, largest |Q_ij| %3, offset %4")
                          .arg(n)
                          .arg(m_qubo.numQuadraticTerms())
                          .arg(locale.toString(range, 'g', 4))
                          .arg(locale.toString(m_qubo.offset(), 'g', 6));
    if (n == 0 || n > MAX_MATRIX_VIEW_VARIABLES) {
        m_image = QImage();
        if (n > MAX_MATRIX_VIEW_VARIABLES)
            summary += QLatin1Char('\n') + tr("Too many variables to draw (at most %1).").arg(MAX_MATRIX_VIEW_VARIABLES);
        m_summary->setText(summary);
        update();
        return;
    }
    const int size = static_cast<int>(n);
    m_image = QImage(size, size, QImage::Format_RGB32);
    m_image.fill(Qt::white);
    for (int i = 0; i < size; ++i)
        m_image.setPixel(i, i, divergingColor(m_qubo.linear(static_cast<std::size_t>(i)) / range));
    for (int i = 0; i < size; ++i)
        for (const engine::QuboNeighbor& nb : m_qubo.neighbors(static_cast<std::size_t>(i)))
            m_image.setPixel(static_cast<int>(nb.index), i, divergingColor(nb.value / range));
    m_summary->setText(summary);
    update();
}

double QuboMatrixView::cell(int i, int j) const
{
    const auto n = static_cast<int>(m_qubo.numVariables());
    if (i < 0 || j < 0 || i >= n || j >= n)
        return 0.0;
    return i == j ? m_qubo.linear(static_cast<std::size_t>(i))
                  : m_qubo.quadratic(static_cast<std::size_t>(i), static_cast<std::size_t>(j));
}

QString QuboMatrixView::summaryText() const
{
    return m_summary->text();
}

QString QuboMatrixView::hoverText() const
{
    return m_hover->text();
}

QRect QuboMatrixView::matrixRect() const
{
    const int top = 4;
    const int bottom = m_summary->geometry().top() - 4;
    const int side = std::max(0, std::min(width() - 8, bottom - top));
    return QRect((width() - side) / 2, top, side, side);
}

void QuboMatrixView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const QRect target = matrixRect();
    if (m_image.isNull() || target.isEmpty())
        return;
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.drawImage(target, m_image);
    painter.setPen(QColor(0x80, 0x80, 0x80));
    painter.drawRect(target.adjusted(0, 0, -1, -1));
}

void QuboMatrixView::mouseMoveEvent(QMouseEvent* event)
{
    const QRect target = matrixRect();
    const int n = m_image.isNull() ? 0 : m_image.width();
    if (n == 0 || target.isEmpty() || !target.contains(event->position().toPoint()))
        return;
    const int j = static_cast<int>((event->position().x() - target.left()) * n / target.width());
    const int i = static_cast<int>((event->position().y() - target.top()) * n / target.height());
    if (i < 0 || j < 0 || i >= n || j >= n)
        return;
    m_hover->setText(tr("Q[%1, %2] = %3").arg(i).arg(j).arg(QLocale().toString(cell(i, j), 'g', 6)));
}

} // namespace workbench
