// SPDX-License-Identifier: MIT
// RuntimeComparisonPlot: one marker per method over a log time axis, the limit line, the table and the CSV.
#include "plots/runtime_comparison_plot.h"

#include "export/csv_export.h"
#include "plots/plot_style.h"

#include <qcustomplot.h>

#include <QHeaderView>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace workbench {

namespace {

/// Height of the table under the plot: a header and up to five methods without scrolling.
constexpr int TABLE_ROWS_SHOWN = 5;
/// Marker size of a method's point, in pixels.
constexpr double MARKER_SIZE = 10.0;
/// Top of the probability axis: the band above 1 holds the legend, so no marker hides under it.
constexpr double LEGEND_HEAD_ROOM = 1.45;

/// Success probability of a method's runs (0 without runs).
double successProbability(const engine::MinimalRuntime& r)
{
    return r.runs > 0 ? static_cast<double>(r.successes) / static_cast<double>(r.runs) : 0.0;
}

/// Seconds as shown in the table: four significant digits, "∞" for no success.
QString secondsText(double value)
{
    if (!std::isfinite(value))
        return QStringLiteral("∞");
    return QLocale().toString(value, 'g', 4);
}

} // namespace

RuntimeComparisonPlot::RuntimeComparisonPlot(QWidget* parent)
    : WarmstartPlot(parent)
{
    m_plot->xAxis->setLabel(tr("expected time to the optimum R_min (s)"));
    m_plot->yAxis->setLabel(tr("success probability per run"));
    m_plot->xAxis->setScaleType(QCPAxis::stLogarithmic);
    m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    // Probabilities only up to 1: the space above is the legend's, so no tick labels there.
    QSharedPointer<QCPAxisTickerText> probabilityTicks(new QCPAxisTickerText);
    for (double p : {0.0, 0.25, 0.5, 0.75, 1.0})
        probabilityTicks->addTick(p, QLocale().toString(p));
    m_plot->yAxis->setTicker(probabilityTicks);
    m_limit = new QCPItemStraightLine(m_plot);
    m_limit->setPen(QPen(QColor(0x7f, 0x7f, 0x7f), 1.2, Qt::DotLine));
    m_limit->setClipToAxisRect(true);
    m_limit->setVisible(false);

    m_table = new QTableWidget(0, COLUMNS, this);
    m_table->setObjectName(QStringLiteral("runtimeTable"));
    m_table->setHorizontalHeaderLabels({tr("Method"), tr("R_min (s)"), tr("T* (s)"), tr("Successes"),
                                        tr("P(success)"), tr("Median (s)")});
    m_table->horizontalHeaderItem(ExpectedColumn)
        ->setToolTip(tr("Expected seconds to the optimum with restarts at the best per-run time T*; censored "
                        "(no success): the total time of all runs"));
    m_table->horizontalHeaderItem(ArgminColumn)->setToolTip(tr("The per-run time at which R_min is attained"));
    m_table->horizontalHeaderItem(MedianColumn)
        ->setToolTip(tr("Median seconds to the optimum over the runs (∞ when at most half succeeded)"));
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    const int rowHeight = m_table->verticalHeader()->defaultSectionSize();
    m_table->setMaximumHeight(m_table->horizontalHeader()->sizeHint().height() + TABLE_ROWS_SHOWN * rowHeight
                              + 2 * m_table->frameWidth());
    if (auto* box = qobject_cast<QVBoxLayout*>(layout()))
        box->addWidget(m_table);
    clear();
}

RuntimeComparisonPlot::~RuntimeComparisonPlot() = default;

QString RuntimeComparisonPlot::methodName(const std::string& method)
{
    if (method == "tabu")
        return tr("tabu, random starts");
    if (method == "tabu-warm")
        return tr("tabu, warm starts");
    if (method == "vns")
        return tr("VNS");
    if (method == "burer")
        return tr("rank-two relaxation (Burer)");
    if (method == "exact")
        return tr("exact (CBC)");
    return QString::fromStdString(method);
}

void RuntimeComparisonPlot::clear()
{
    setComparison(engine::RuntimeComparison{}, 0.0);
}

void RuntimeComparisonPlot::setComparison(const engine::RuntimeComparison& comparison, double timeLimitSeconds)
{
    m_comparison = comparison;
    for (QCPGraph* graph : m_graphs)
        m_plot->removeGraph(graph);
    m_graphs.clear();
    m_table->setRowCount(0);

    double left = std::numeric_limits<double>::infinity();
    double right = 0.0;
    const auto extend = [&](double x) {
        if (std::isfinite(x) && x > 0.0) {
            left = std::min(left, x);
            right = std::max(right, x);
        }
    };
    const int count = static_cast<int>(m_comparison.methods.size());
    m_table->setRowCount(count);
    for (int k = 0; k < count; ++k) {
        const engine::MethodRuntime& m = m_comparison.methods[static_cast<std::size_t>(k)];
        const engine::MinimalRuntime& r = m.runtime;
        const QColor colour = plotColour(k);
        QCPGraph* graph = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis);
        graph->setName(r.censored ? tr("%1 (censored)").arg(methodName(m.method)) : methodName(m.method));
        graph->setLineStyle(QCPGraph::lsNone);
        graph->setPen(QPen(colour, 2.0));
        // Censored: hollow, since the time is a stand-in (all runs' time), not an estimate.
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(colour, 2.0),
                                               r.censored ? QBrush(Qt::NoBrush) : QBrush(colour), MARKER_SIZE));
        const double probability = successProbability(r);
        if (std::isfinite(r.value) && r.value > 0.0)
            graph->addData(r.value, probability);
        extend(r.value);
        m_graphs.push_back(graph);

        const QString cells[COLUMNS] = {methodName(m.method),
                                        r.censored ? tr("> %1").arg(secondsText(r.value)) : secondsText(r.value),
                                        secondsText(r.argmin),
                                        tr("%1 of %2").arg(r.successes).arg(r.runs),
                                        QLocale().toString(probability, 'g', 3),
                                        secondsText(m.medianSeconds)};
        for (int c = 0; c < COLUMNS; ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (c != MethodColumn)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(k, c, item);
        }
    }

    const bool limit = timeLimitSeconds > 0.0 && std::isfinite(timeLimitSeconds);
    m_limit->setVisible(limit);
    if (limit) {
        m_limit->point1->setCoords(timeLimitSeconds, 0.0);
        m_limit->point2->setCoords(timeLimitSeconds, 1.0);
        extend(timeLimitSeconds);
    }
    if (right > 0.0)
        m_plot->xAxis->setRange(left / 3.0, right * 3.0);
    else
        m_plot->xAxis->setRange(1e-3, 10.0);
    m_plot->yAxis->setRange(-0.05, LEGEND_HEAD_ROOM);
    queueReplot();
}

QPointF RuntimeComparisonPlot::pointAt(int method) const
{
    const engine::MinimalRuntime& r = m_comparison.methods.at(static_cast<std::size_t>(method)).runtime;
    return {r.value, successProbability(r)};
}

bool RuntimeComparisonPlot::isLimitShown() const
{
    return m_limit->visible();
}

QString RuntimeComparisonPlot::figureTitle() const
{
    return tr("Expected runtime of Max-Cut methods");
}

QString RuntimeComparisonPlot::csvData() const
{
    CsvWriter csv;
    csv.addRow({QStringLiteral("method"), QStringLiteral("expected_seconds"), QStringLiteral("argmin_seconds"),
                QStringLiteral("successes"), QStringLiteral("runs"), QStringLiteral("success_probability"),
                QStringLiteral("median_seconds"), QStringLiteral("censored")});
    for (const engine::MethodRuntime& m : m_comparison.methods) {
        const engine::MinimalRuntime& r = m.runtime;
        csv.addRow({QString::fromStdString(m.method), CsvWriter::number(r.value), CsvWriter::number(r.argmin),
                    CsvWriter::number(static_cast<long long>(r.successes)),
                    CsvWriter::number(static_cast<long long>(r.runs)), CsvWriter::number(successProbability(r)),
                    CsvWriter::number(m.medianSeconds), CsvWriter::number(static_cast<long long>(r.censored))});
    }
    return csv.text();
}

} // namespace workbench
