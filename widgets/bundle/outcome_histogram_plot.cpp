// SPDX-License-Identifier: MIT
// OutcomeHistogramPlot: filling the bars, rank ticks, bar lookup and the hover text.
#include "bundle/outcome_histogram_plot.h"

#include "core/bits.h"

#include <qcustomplot.h>

#include <QLocale>
#include <QStringList>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace workbench {

OutcomeHistogramPlot::OutcomeHistogramPlot(QWidget* parent)
    : QWidget(parent)
{
    m_plot = new QCustomPlot(this);
    m_plot->setMinimumSize(200, 140);
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->xAxis->setLabel(tr("rank (hover for the bitstring)"));
    m_plot->xAxis->setSubTicks(false);
    m_plot->yAxis->ticker()->setTickCount(4);
    m_bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_bars->setName(tr("outcomes"));
    m_bars->setBrush(QColor(0x42, 0x85, 0xf4));
    m_bars->setPen(QPen(QColor(0x1a, 0x56, 0xc4)));
    m_bars->setWidth(0.75);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    connect(m_plot, &QCustomPlot::mouseMove, this, &OutcomeHistogramPlot::onMouseMove);
    clear();
}

OutcomeHistogramPlot::~OutcomeHistogramPlot() = default;

void OutcomeHistogramPlot::clear()
{
    m_data.clear();
    m_bars->data()->clear();
    m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText));
    m_plot->xAxis->setRange(-0.5, 9.5);
    m_plot->yAxis->setRange(0, 1);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void OutcomeHistogramPlot::setOutcomes(const std::vector<OutcomeBar>& bars, std::size_t numBits,
                                       const QString& valueLabel)
{
    clear();
    m_data = bars;
    m_numBits = numBits;
    m_plot->yAxis->setLabel(valueLabel);
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    double highest = 0.0;
    const std::size_t count = m_data.size();
    for (std::size_t k = 0; k < count; ++k) {
        const auto key = static_cast<double>(k);
        m_bars->addData(key, m_data[k].probability);
        // Beyond ten bars, label the first and every fifth so the numbers stay legible.
        if (count <= 10 || k == 0 || (k + 1) % 5 == 0)
            ticker->addTick(key, QString::number(k + 1));
        highest = std::max(highest, m_data[k].probability);
    }
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setRange(-0.6, std::max<double>(static_cast<double>(count), 1.0) - 0.4);
    m_plot->yAxis->setRange(0.0, highest > 0.0 ? highest * 1.25 : 1.0);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

int OutcomeHistogramPlot::barCount() const
{
    return static_cast<int>(m_data.size());
}

QString OutcomeHistogramPlot::barLabel(int k) const
{
    const engine::Bits bits = engine::bitsFromIndex(m_data[static_cast<std::size_t>(k)].state, m_numBits);
    QString text;
    text.reserve(static_cast<qsizetype>(bits.size()));
    for (std::uint8_t bit : bits)
        text += bit ? QLatin1Char('1') : QLatin1Char('0');
    return text;
}

QString OutcomeHistogramPlot::describeBar(int k) const
{
    const OutcomeBar& bar = m_data[static_cast<std::size_t>(k)];
    const QLocale locale;
    QStringList lines;
    lines << tr("#%1: %2 (variable 0 first)").arg(k + 1).arg(barLabel(k));
    lines << tr("probability %1 %").arg(locale.toString(bar.probability * 100.0, 'g', 4));
    lines << tr("QUBO energy %1").arg(locale.toString(bar.energy, 'g', 8));
    return lines.join(QLatin1Char('\n'));
}

int OutcomeHistogramPlot::barIndexAt(const QPointF& pixel) const
{
    const double distance = m_bars->selectTest(pixel, false);
    if (distance < 0.0 || distance >= m_plot->selectionTolerance())
        return -1;
    const double key = std::round(m_plot->xAxis->pixelToCoord(pixel.x()));
    if (key < 0.0 || key >= static_cast<double>(m_data.size()))
        return -1;
    return static_cast<int>(key);
}

void OutcomeHistogramPlot::onMouseMove(QMouseEvent* event)
{
    const int k = barIndexAt(event->position());
    if (k < 0) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(event->globalPosition().toPoint(), describeBar(k), m_plot);
}

} // namespace workbench
