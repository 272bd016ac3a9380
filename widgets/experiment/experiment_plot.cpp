// SPDX-License-Identifier: MIT
// ExperimentPlot: grouping rows into series, text axes as categories, the random baseline of the valid rate.
#include "experiment/experiment_plot.h"

#include "experiment/experiment_table_model.h"
#include "plots/plot_style.h"

#include <qcustomplot.h>

#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <map>

namespace workbench {

namespace {

const std::string VALID_RATE = "valid_rate";
const std::string RANDOM_VALID_RATE = "random_valid_rate";

QString valueText(const engine::ExperimentValue& value)
{
    return QString::fromStdString(engine::experimentValueText(value));
}

} // namespace

ExperimentPlot::ExperimentPlot(QWidget* parent)
    : QWidget(parent)
{
    m_plot = new QCustomPlot(this);
    m_plot->setMinimumSize(240, 160);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    installScreenStyle(m_plot);
    styleInsetLegend(m_plot, font());
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
}

ExperimentPlot::~ExperimentPlot() = default;

void ExperimentPlot::setHeader(const engine::ExperimentHeader& header)
{
    m_header = header;
    m_rows.clear();
    m_xAxis = header.axes.empty() ? QString() : QString::fromStdString(header.axes.front());
    if (header.metricIndex(VALID_RATE) >= 0)
        m_metric = QString::fromStdString(VALID_RATE);
    else
        m_metric = header.metrics.empty() ? QString() : QString::fromStdString(header.metrics.front());
    rebuild();
}

void ExperimentPlot::setXAxis(const QString& axis)
{
    if (m_header.axisIndex(axis.toStdString()) < 0 || axis == m_xAxis)
        return;
    m_xAxis = axis;
    rebuild();
}

void ExperimentPlot::setMetric(const QString& metric)
{
    if (m_header.metricIndex(metric.toStdString()) < 0 || metric == m_metric)
        return;
    m_metric = metric;
    rebuild();
}

void ExperimentPlot::addRows(const std::vector<engine::ExperimentRow>& rows)
{
    m_rows.insert(m_rows.end(), rows.begin(), rows.end());
    std::sort(m_rows.begin(), m_rows.end(), engine::experimentRowBefore);
    rebuild();
}

void ExperimentPlot::clear()
{
    m_rows.clear();
    rebuild();
}

void ExperimentPlot::rebuild()
{
    m_plot->clearGraphs();
    m_series.clear();
    m_categories.clear();
    const int xIndex = m_header.axisIndex(m_xAxis.toStdString());
    const int yIndex = m_header.metricIndex(m_metric.toStdString());
    const int baseIndex = m_metric.toStdString() == VALID_RATE ? m_header.metricIndex(RANDOM_VALID_RATE) : -1;
    m_plot->xAxis->setLabel(xIndex >= 0 ? ExperimentTableModel::columnTitle(m_xAxis.toStdString()) : QString());
    m_plot->yAxis->setLabel(yIndex >= 0 ? ExperimentTableModel::columnTitle(m_metric.toStdString()) : QString());
    if (xIndex < 0 || yIndex < 0) {
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    const auto xk = static_cast<std::size_t>(xIndex);
    // A text x axis (any text value among the rows) is drawn as categories.
    bool textAxis = false;
    for (const engine::ExperimentRow& row : m_rows)
        textAxis = textAxis || (xk < row.axes.size() && std::holds_alternative<std::string>(row.axes[xk]));
    std::map<QString, int> seriesOf;
    for (const engine::ExperimentRow& row : m_rows) {
        if (row.status == engine::ExperimentRowStatus::Failed || xk >= row.axes.size())
            continue;
        const double y = engine::experimentValueNumber(row.metrics.at(static_cast<std::size_t>(yIndex)));
        if (!std::isfinite(y))
            continue;
        double x = 0.0;
        if (textAxis) {
            const QString label = valueText(row.axes[xk]);
            int at = static_cast<int>(m_categories.indexOf(label));
            if (at < 0) {
                at = static_cast<int>(m_categories.size());
                m_categories.push_back(label);
            }
            x = at;
        } else {
            x = engine::experimentValueNumber(row.axes[xk]);
            if (!std::isfinite(x))
                continue;
        }
        QStringList parts;
        for (std::size_t k = 0; k < m_header.axes.size(); ++k)
            if (k != xk && k < row.axes.size())
                parts << QStringLiteral("%1=%2").arg(QString::fromStdString(m_header.axes[k]), valueText(row.axes[k]));
        const QString name = parts.isEmpty() ? tr("all") : parts.join(QStringLiteral(", "));
        auto [it, added] = seriesOf.try_emplace(name, static_cast<int>(m_series.size()));
        if (added) {
            Series s;
            s.name = name;
            const QColor colour = plotColour(static_cast<int>(m_series.size()));
            s.graph = m_plot->addGraph();
            s.graph->setName(name);
            s.graph->setPen(QPen(colour, 2));
            s.graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 6));
            if (baseIndex >= 0) {
                s.baseline = m_plot->addGraph();
                s.baseline->setName(tr("%1 (random)").arg(name));
                s.baseline->setPen(QPen(colour, 1, Qt::DashLine));
            }
            m_series.push_back(s);
        }
        Series& s = m_series[static_cast<std::size_t>(it->second)];
        s.graph->addData(x, y);
        if (s.baseline) {
            const double b = engine::experimentValueNumber(row.metrics.at(static_cast<std::size_t>(baseIndex)));
            if (std::isfinite(b))
                s.baseline->addData(x, b);
        }
    }
    if (textAxis) {
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        for (int k = 0; k < m_categories.size(); ++k)
            ticker->addTick(k, m_categories[k]);
        m_plot->xAxis->setTicker(ticker);
    } else {
        m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    }
    m_plot->legend->setVisible(!m_series.empty());
    m_plot->rescaleAxes();
    // Some air around single points and flat lines.
    const QCPRange xr = m_plot->xAxis->range();
    const double xPad = xr.size() > 0 ? 0.05 * xr.size() : 0.5;
    m_plot->xAxis->setRange(xr.lower - xPad, xr.upper + xPad);
    const QCPRange yr = m_plot->yAxis->range();
    const double yPad = yr.size() > 0 ? 0.08 * yr.size() : std::max(0.05, 0.1 * std::abs(yr.center()));
    m_plot->yAxis->setRange(yr.lower - yPad, yr.upper + yPad);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString ExperimentPlot::seriesName(int series) const
{
    return series >= 0 && series < seriesCount() ? m_series[static_cast<std::size_t>(series)].name : QString();
}

int ExperimentPlot::pointCount(int series) const
{
    return series >= 0 && series < seriesCount() ? m_series[static_cast<std::size_t>(series)].graph->dataCount() : 0;
}

QPointF ExperimentPlot::pointAt(int series, int k) const
{
    if (k < 0 || k >= pointCount(series))
        return {};
    const auto it = m_series[static_cast<std::size_t>(series)].graph->data()->at(k);
    return {it->key, it->value};
}

bool ExperimentPlot::hasBaseline(int series) const
{
    return series >= 0 && series < seriesCount() && m_series[static_cast<std::size_t>(series)].baseline != nullptr;
}

int ExperimentPlot::baselinePointCount(int series) const
{
    return hasBaseline(series) ? m_series[static_cast<std::size_t>(series)].baseline->dataCount() : 0;
}

QPointF ExperimentPlot::baselinePointAt(int series, int k) const
{
    if (k < 0 || k >= baselinePointCount(series))
        return {};
    const auto it = m_series[static_cast<std::size_t>(series)].baseline->data()->at(k);
    return {it->key, it->value};
}

} // namespace workbench
