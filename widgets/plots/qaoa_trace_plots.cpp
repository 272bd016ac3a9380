// SPDX-License-Identifier: MIT
// QaoaConvergencePlot and ValidRatePlot: graphs, reference lines and rescaling.
#include "plots/qaoa_trace_plots.h"

#include "export/csv_export.h"
#include "export/figure_export.h"
#include "export/plot_export.h"
#include "plots/plot_style.h"

#include <qcustomplot.h>

#include <QLocale>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace workbench {

namespace {

/// Where a rate of exactly 0 is drawn on the log axis.
constexpr double RATE_FLOOR = 1e-12;

QCustomPlot* makePlot(QWidget* parent)
{
    auto* plot = new QCustomPlot(parent);
    plot->setMinimumSize(200, 140);
    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    installScreenStyle(plot);
    auto* layout = new QVBoxLayout(parent);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot);
    return plot;
}

QCPItemStraightLine* horizontalLine(QCustomPlot* plot, const QPen& pen)
{
    auto* line = new QCPItemStraightLine(plot);
    line->setPen(pen);
    line->setClipToAxisRect(true);
    return line;
}

QCPItemText* lineLabel(QCustomPlot* plot, const QColor& colour)
{
    auto* label = new QCPItemText(plot);
    label->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    label->position->setTypeY(QCPItemPosition::ptPlotCoords);
    label->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
    label->setColor(colour);
    label->setClipToAxisRect(true);
    return label;
}

} // namespace

QaoaConvergencePlot::QaoaConvergencePlot(QWidget* parent)
    : QWidget(parent)
{
    m_plot = makePlot(this);
    installFigureExportMenu(m_plot, this, this);
    m_plot->xAxis->setLabel(tr("evaluation"));
    m_plot->yAxis->setLabel(tr("energy ⟨H⟩"));

    m_energy = m_plot->addGraph();
    m_energy->setName(tr("this evaluation"));
    m_energy->setPen(QPen(QColor(0x90, 0x90, 0x90), 1));
    m_energy->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 3));
    m_best = m_plot->addGraph();
    m_best->setName(tr("best so far"));
    m_best->setPen(QPen(QColor(0x1f, 0x77, 0xb4), 2));
    m_best->setLineStyle(QCPGraph::lsStepLeft);

    m_final = horizontalLine(m_plot, QPen(QColor(0xd6, 0x27, 0x28), 1, Qt::DashLine));
    m_final->setVisible(false);

    styleInsetLegend(m_plot, font());
    m_plot->yAxis->ticker()->setTickCount(4);
    clear();
}

QaoaConvergencePlot::~QaoaConvergencePlot() = default;

int QaoaConvergencePlot::pointCount() const
{
    return m_energy->dataCount();
}

QPointF QaoaConvergencePlot::energyAt(int k) const
{
    const auto it = m_energy->data()->at(k);
    return {it->key, it->value};
}

QPointF QaoaConvergencePlot::bestAt(int k) const
{
    const auto it = m_best->data()->at(k);
    return {it->key, it->value};
}

std::pair<double, double> QaoaConvergencePlot::valueRange() const
{
    return {m_plot->yAxis->range().lower, m_plot->yAxis->range().upper};
}

void QaoaConvergencePlot::clear()
{
    m_energy->data()->clear();
    m_best->data()->clear();
    m_final->setVisible(false);
    m_plot->xAxis->setRange(0, 10);
    m_plot->yAxis->setRange(0, 1);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void QaoaConvergencePlot::appendPoints(const std::vector<engine::QaoaProgressPoint>& points)
{
    for (const engine::QaoaProgressPoint& point : points) {
        const auto x = static_cast<double>(point.evaluation);
        m_energy->addData(x, point.energy);
        m_best->addData(x, point.bestEnergy);
    }
}

void QaoaConvergencePlot::setFinalExpectation(std::optional<double> expectation)
{
    m_final->setVisible(expectation.has_value());
    if (expectation)
        setHorizontalLine(m_final, *expectation);
}

void QaoaConvergencePlot::replot()
{
    bool found = false;
    QCPRange keys = m_energy->getKeyRange(found);
    if (found)
        m_plot->xAxis->setRange(std::min(0.0, keys.lower), std::max(keys.upper, 10.0));
    QCPRange values = m_energy->getValueRange(found);
    if (found || m_final->visible()) {
        if (!found)
            values = QCPRange(m_final->point1->coords().y(), m_final->point1->coords().y());
        if (m_final->visible())
            values.expand(m_final->point1->coords().y());
        const double pad = std::max(values.size() * 0.05, 1e-9 * std::max(1.0, std::abs(values.center())));
        // Extra head room keeps the legend (top right) off the early, high evaluations.
        m_plot->yAxis->setRange(values.lower - pad, values.upper + pad + values.size() * 0.3);
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString QaoaConvergencePlot::figureTitle() const
{
    return tr("QAOA convergence");
}

bool QaoaConvergencePlot::writeFigure(const QString& path, const FigureOptions& options) const
{
    return writePlotFigure(m_plot, path, options, figureTitle());
}

QString QaoaConvergencePlot::csvData() const
{
    CsvWriter csv;
    csv.addRow({QStringLiteral("evaluation"), QStringLiteral("energy"), QStringLiteral("best_so_far"),
                QStringLiteral("final_expectation")});
    const QString final = m_final->visible() ? CsvWriter::number(m_final->point1->coords().y()) : QString();
    for (int k = 0; k < pointCount(); ++k) {
        const QPointF energy = energyAt(k);
        csv.addRow({CsvWriter::number(energy.x()), CsvWriter::number(energy.y()), CsvWriter::number(bestAt(k).y()),
                    final});
    }
    return csv.text();
}

ValidRatePlot::ValidRatePlot(QWidget* parent)
    : QWidget(parent)
{
    m_plot = makePlot(this);
    installFigureExportMenu(m_plot, this, this);
    m_plot->xAxis->setLabel(tr("evaluation"));
    m_plot->yAxis->setLabel(tr("valid (one-hot) rate"));
    m_plot->yAxis->setScaleType(QCPAxis::stLogarithmic);
    QSharedPointer<QCPAxisTickerLog> ticker(new QCPAxisTickerLog);
    m_plot->yAxis->setTicker(ticker);
    m_plot->yAxis->setNumberFormat(QStringLiteral("eb"));
    m_plot->yAxis->setNumberPrecision(0);

    m_rates = m_plot->addGraph();
    m_rates->setName(tr("valid rate of the evaluated state"));
    m_plot->yAxis->setTickLabelFont([this] {
        QFont small = font();
        small.setPointSizeF(font().pointSizeF() * 0.85);
        return small;
    }());
    m_rates->setPen(QPen(QColor(0x2c, 0xa0, 0x2c), 1));
    m_rates->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 3));

    const QColor baselineColour(0x55, 0x55, 0x55);
    m_baseline = horizontalLine(m_plot, QPen(baselineColour, 1.5, Qt::DashLine));
    m_baselineLabel = lineLabel(m_plot, baselineColour);
    // Below its line at the right, so it never collides with the final-state label above its line at the left.
    m_baselineLabel->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
    const QColor finalColour(0xd6, 0x27, 0x28);
    m_final = horizontalLine(m_plot, QPen(finalColour, 1, Qt::DotLine));
    m_finalLabel = lineLabel(m_plot, finalColour);
    m_final->setVisible(false);
    m_finalLabel->setVisible(false);
    m_finalLabel->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);

    setBaseline(1.0);
    clear();
}

ValidRatePlot::~ValidRatePlot() = default;

int ValidRatePlot::pointCount() const
{
    return m_rates->dataCount();
}

QPointF ValidRatePlot::rateAt(int k) const
{
    const auto it = m_rates->data()->at(k);
    return {it->key, it->value};
}

std::pair<double, double> ValidRatePlot::baselineLineY() const
{
    return {m_baseline->point1->coords().y(), m_baseline->point2->coords().y()};
}

QString ValidRatePlot::baselineText() const
{
    return m_baselineLabel->text();
}

bool ValidRatePlot::isBaselineShown() const
{
    return m_baseline->visible() && m_baselineLabel->visible()
        && m_baseline->point1->coords().x() != m_baseline->point2->coords().x()
        && m_plot->yAxis->range().contains(m_baseline->point1->coords().y())
        && m_baselineLabel->position->coords().y() == m_baseline->point1->coords().y();
}

std::pair<double, double> ValidRatePlot::valueRange() const
{
    return {m_plot->yAxis->range().lower, m_plot->yAxis->range().upper};
}

bool ValidRatePlot::isLogarithmic() const
{
    return m_plot->yAxis->scaleType() == QCPAxis::stLogarithmic;
}

void ValidRatePlot::setBaseline(double rate)
{
    m_baselineRate = std::isfinite(rate) && rate > 0.0 ? std::min(rate, 1.0) : RATE_FLOOR;
    setHorizontalLine(m_baseline, m_baselineRate);
    m_baselineLabel->position->setCoords(0.98, m_baselineRate);
    m_baselineLabel->setText(
        tr("uniform random: %1 %").arg(QLocale().toString(m_baselineRate * 100.0, 'g', 3)));
}

void ValidRatePlot::setFinalRate(std::optional<double> rate)
{
    m_finalRate = rate;
    m_final->setVisible(rate.has_value());
    m_finalLabel->setVisible(rate.has_value());
    if (!rate)
        return;
    const double y = std::max(*rate, RATE_FLOOR);
    setHorizontalLine(m_final, y);
    m_finalLabel->position->setCoords(0.02, y);
    m_finalLabel->setText(tr("final state: %1 %").arg(QLocale().toString(*rate * 100.0, 'g', 3)));
}

void ValidRatePlot::clear()
{
    m_rates->data()->clear();
    m_smallest = 1.0;
    setFinalRate(std::nullopt);
    m_plot->xAxis->setRange(0, 10);
    replot();
}

void ValidRatePlot::appendPoints(const std::vector<engine::QaoaProgressPoint>& points)
{
    for (const engine::QaoaProgressPoint& point : points) {
        if (!point.validRate)
            continue;
        const double rate = std::max(*point.validRate, RATE_FLOOR);
        m_smallest = std::min(m_smallest, rate);
        m_rates->addData(static_cast<double>(point.evaluation), rate);
    }
}

void ValidRatePlot::replot()
{
    bool found = false;
    const QCPRange keys = m_rates->getKeyRange(found);
    if (found)
        m_plot->xAxis->setRange(std::min(0.0, keys.lower), std::max(keys.upper, 10.0));
    // The baseline and the final line always lie inside: a factor 3 below the smallest shown, 1.5 above 1
    // (no rate exceeds 1), leaving room for the labels above the lines.
    double lowest = std::min(m_smallest, m_baselineRate);
    if (m_finalRate)
        lowest = std::min(lowest, std::max(*m_finalRate, RATE_FLOOR));
    m_plot->yAxis->setRange(lowest / 3.0, 1.5);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString ValidRatePlot::figureTitle() const
{
    return tr("Valid rate");
}

bool ValidRatePlot::writeFigure(const QString& path, const FigureOptions& options) const
{
    return writePlotFigure(m_plot, path, options, figureTitle());
}

QString ValidRatePlot::csvData() const
{
    CsvWriter csv;
    csv.addRow({QStringLiteral("evaluation"), QStringLiteral("valid_rate"), QStringLiteral("random_baseline"),
                QStringLiteral("final_rate")});
    const QString baseline = CsvWriter::number(m_baselineRate);
    const QString final = m_finalRate ? CsvWriter::number(*m_finalRate) : QString();
    for (int k = 0; k < pointCount(); ++k) {
        const QPointF rate = rateAt(k);
        csv.addRow({CsvWriter::number(rate.x()), CsvWriter::number(rate.y()), baseline, final});
    }
    return csv.text();
}

} // namespace workbench
