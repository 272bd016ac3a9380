// SPDX-License-Identifier: MIT
// StateHistogramPlot: decoding the top states, filling the two bar sets, bar lookup and tooltips.
#include "plots/state_histogram_plot.h"

#include "export/csv_export.h"
#include "export/figure_export.h"
#include "export/plot_export.h"
#include "plots/plot_style.h"

#include "core/bits.h"

#include <qcustomplot.h>

#include <QLocale>
#include <QStringList>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace workbench {

namespace {

/// "010 100 001 | 101100": one group per task, slack bits after the bar.
QString groupedBits(const engine::Bits& bits, std::size_t models, std::size_t assignment)
{
    QString text;
    for (std::size_t v = 0; v < bits.size(); ++v) {
        if (v > 0 && v < assignment && models > 0 && v % models == 0)
            text += QLatin1Char(' ');
        if (v == assignment && v > 0)
            text += QStringLiteral(" | ");
        text += bits[v] ? QLatin1Char('1') : QLatin1Char('0');
    }
    return text;
}

} // namespace

StateHistogramPlot::StateHistogramPlot(QWidget* parent)
    : QWidget(parent)
{
    m_plot = new QCustomPlot(this);
    m_plot->setMinimumSize(200, 140);
    installScreenStyle(m_plot);
    installFigureExportMenu(m_plot, this, this);
    m_plot->yAxis->setLabel(tr("probability"));
    m_plot->xAxis->grid()->setVisible(false);
    // Bitstrings of 20 qubits do not fit under a bar: the axis counts ranks and the tooltip spells the bits.
    m_plot->xAxis->setLabel(tr("rank (hover to decode)"));
    m_plot->xAxis->setSubTicks(false);
    m_plot->yAxis->ticker()->setTickCount(4);

    m_valid = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_valid->setName(tr("valid (every task one-hot)"));
    m_valid->setBrush(QColor(0x4c, 0xaf, 0x50));
    m_valid->setPen(QPen(QColor(0x2e, 0x7d, 0x32)));
    m_valid->setWidth(0.75);
    m_invalid = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_invalid->setName(tr("invalid"));
    m_invalid->setBrush(QColor(0xe5, 0x73, 0x73));
    m_invalid->setPen(QPen(QColor(0xc6, 0x28, 0x28)));
    m_invalid->setWidth(0.75);
    styleInsetLegend(m_plot, font());

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    connect(m_plot, &QCustomPlot::mouseMove, this, &StateHistogramPlot::onMouseMove);
    clear();
}

StateHistogramPlot::~StateHistogramPlot() = default;

void StateHistogramPlot::clear()
{
    m_bars.clear();
    m_valid->data()->clear();
    m_invalid->data()->clear();
    m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText));
    m_plot->xAxis->setRange(-0.5, 9.5);
    m_plot->yAxis->setRange(0, 1);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void StateHistogramPlot::setStates(const engine::LcrpInstance& instance, const engine::LcrpEncoding& encoding,
                                   const std::vector<std::pair<std::uint64_t, double>>& states, int maxBars)
{
    clear();
    const std::size_t n = encoding.qubo.numVariables();
    m_numAssignment = encoding.numAssignmentVariables();
    m_taskNames.clear();
    m_modelNames.clear();
    for (const auto& task : instance.tasks)
        m_taskNames.push_back(QString::fromStdString(task.id));
    for (const auto& model : instance.models)
        m_modelNames.push_back(QString::fromStdString(model.name));

    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    const std::size_t count = std::min(states.size(), static_cast<std::size_t>(std::max(0, maxBars)));
    double highest = 0.0;
    for (std::size_t k = 0; k < count; ++k) {
        Bar bar;
        bar.state = states[k].first;
        bar.probability = states[k].second;
        const engine::Bits bits = engine::bitsFromIndex(bar.state, n);
        bar.evaluation = engine::evaluateBits(instance, encoding, bits);
        bar.label = groupedBits(bits, encoding.numModels, m_numAssignment);
        const auto key = static_cast<double>(k);
        (bar.evaluation.valid ? m_valid : m_invalid)->addData(key, bar.probability);
        // Twenty numbers do not fit under narrow bars: beyond ten, label the first and every fifth.
        if (count <= 10 || k == 0 || (k + 1) % 5 == 0)
            ticker->addTick(key, QString::number(k + 1));
        highest = std::max(highest, bar.probability);
        m_bars.push_back(std::move(bar));
    }
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setRange(-0.6, std::max<double>(static_cast<double>(count), 1.0) - 0.4);
    // Head room above the tallest bar keeps the legend off the bars.
    m_plot->yAxis->setRange(0.0, highest > 0.0 ? highest * 1.6 : 1.0);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString StateHistogramPlot::barLabel(int k) const
{
    return m_bars[static_cast<std::size_t>(k)].label;
}

QString StateHistogramPlot::describeBar(int k) const
{
    const Bar& bar = m_bars[static_cast<std::size_t>(k)];
    const engine::LcrpEvaluation& e = bar.evaluation;
    const QLocale locale;
    QStringList lines;
    lines << tr("#%1: %2").arg(k + 1).arg(bar.label);
    lines << tr("probability %1 %").arg(locale.toString(bar.probability * 100.0, 'g', 4));
    for (std::size_t i = 0; i < m_taskNames.size() && i < e.assignment.size(); ++i) {
        const int j = e.assignment[i];
        const QString model = j >= 0 && static_cast<std::size_t>(j) < m_modelNames.size()
            ? m_modelNames[static_cast<std::size_t>(j)]
            : tr("(not one-hot)");
        lines << tr("%1 → %2").arg(m_taskNames[i], model);
    }
    lines << tr("cost $%1").arg(locale.toString(e.costUsd, 'f', 4));
    QStringList violations;
    if (e.violations.oneHot > 0)
        violations << tr("one-hot %1").arg(e.violations.oneHot);
    if (e.violations.quality > 0)
        violations << tr("quality %1").arg(e.violations.quality);
    if (e.violations.latency > 0)
        violations << tr("latency %1").arg(e.violations.latency);
    if (e.violations.context > 0)
        violations << tr("context %1").arg(e.violations.context);
    if (e.violations.budget > 0)
        violations << tr("budget %1").arg(e.violations.budget);
    QString status = e.valid ? tr("valid") : tr("invalid");
    status += e.feasible ? tr(", feasible") : tr(", infeasible (%1)").arg(violations.join(QStringLiteral(", ")));
    lines << status;
    lines << tr("QUBO energy %1").arg(locale.toString(e.quboEnergy, 'g', 6));
    return lines.join(QLatin1Char('\n'));
}

int StateHistogramPlot::barIndexAt(const QPointF& pixel) const
{
    for (QCPBars* bars : {m_valid, m_invalid}) {
        const double distance = bars->selectTest(pixel, false);
        if (distance < 0.0 || distance >= m_plot->selectionTolerance())
            continue;
        const double key = std::round(m_plot->xAxis->pixelToCoord(pixel.x()));
        if (key < 0.0 || key >= static_cast<double>(m_bars.size()))
            continue;
        // The bar under the cursor must belong to this plottable (the other set has no bar at that key).
        const auto it = bars->data()->findBegin(key, false);
        if (it != bars->data()->constEnd() && it->key == key)
            return static_cast<int>(key);
    }
    return -1;
}

QPointF StateHistogramPlot::barCentre(int k) const
{
    const double height = m_bars[static_cast<std::size_t>(k)].probability;
    return {m_plot->xAxis->coordToPixel(k), m_plot->yAxis->coordToPixel(height / 2.0)};
}

int StateHistogramPlot::validBarCount() const
{
    return m_valid->dataCount();
}

int StateHistogramPlot::invalidBarCount() const
{
    return m_invalid->dataCount();
}

QColor StateHistogramPlot::barColour(int k) const
{
    const double key = k;
    for (QCPBars* bars : {m_valid, m_invalid}) {
        const auto it = bars->data()->findBegin(key, false);
        if (it != bars->data()->constEnd() && it->key == key)
            return bars->brush().color();
    }
    return {};
}

QString StateHistogramPlot::figureTitle() const
{
    return tr("Most probable states");
}

bool StateHistogramPlot::writeFigure(const QString& path, const FigureOptions& options) const
{
    return writePlotFigure(m_plot, path, options, figureTitle());
}

QString StateHistogramPlot::csvData() const
{
    CsvWriter csv;
    csv.addRow({QStringLiteral("rank"), QStringLiteral("basis_state"), QStringLiteral("bitstring"),
                QStringLiteral("probability"), QStringLiteral("valid"), QStringLiteral("qubo_energy")});
    for (std::size_t k = 0; k < m_bars.size(); ++k) {
        const Bar& bar = m_bars[k];
        csv.addRow({CsvWriter::number(static_cast<long long>(k + 1)), QString::number(bar.state), bar.label,
                    CsvWriter::number(bar.probability),
                    bar.evaluation.valid ? QStringLiteral("1") : QStringLiteral("0"),
                    CsvWriter::number(bar.evaluation.quboEnergy)});
    }
    return csv.text();
}

void StateHistogramPlot::onMouseMove(QMouseEvent* event)
{
    const int k = barIndexAt(event->position());
    if (k < 0) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(event->globalPosition().toPoint(), describeBar(k), m_plot);
}

} // namespace workbench
