// SPDX-License-Identifier: MIT
// The warm-start plots: shared frame and export, histogram bars, success steps, live Q band, sweep lines.
#include "plots/warmstart_plots.h"

#include "plots/plot_style.h"

#include "export/figure_export.h"

#include <qcustomplot.h>

#include <QFileInfo>
#include <QMenu>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <tuple>

namespace workbench {

namespace {

/// The workbench's line colours (the same blue, orange, green and red as the other plots, then more).
const QColor PALETTE[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e), QColor(0x2c, 0xa0, 0x2c),
                          QColor(0xd6, 0x27, 0x28), QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
                          QColor(0xe3, 0x77, 0xc2), QColor(0x7f, 0x7f, 0x7f), QColor(0xbc, 0xbd, 0x22),
                          QColor(0x17, 0xbe, 0xcf)};
constexpr std::size_t PALETTE_SIZE = sizeof(PALETTE) / sizeof(PALETTE[0]);

/// Smallest export size, so a plot in a narrow dock still exports legibly.
constexpr int MIN_EXPORT_WIDTH = 600;
constexpr int MIN_EXPORT_HEIGHT = 400;

QCPItemStraightLine* straightLine(QCustomPlot* plot, const QPen& pen)
{
    auto* line = new QCPItemStraightLine(plot);
    line->setPen(pen);
    line->setClipToAxisRect(true);
    return line;
}

void setVertical(QCPItemStraightLine* line, double x)
{
    line->point1->setCoords(x, 0.0);
    line->point2->setCoords(x, 1.0);
}

void useLogAxis(QCPAxis* axis)
{
    axis->setScaleType(QCPAxis::stLogarithmic);
    QSharedPointer<QCPAxisTickerLog> ticker(new QCPAxisTickerLog);
    axis->setTicker(ticker);
}

} // namespace

// --- frame and export -----------------------------------------------------------------------------------------------

WarmstartPlot::WarmstartPlot(QWidget* parent)
    : QWidget(parent)
{
    m_plot = new QCustomPlot(this);
    m_plot->setMinimumSize(200, 140);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    styleInsetLegend(m_plot, font());
    m_plot->yAxis->ticker()->setTickCount(4);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);

    m_plot->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_plot, &QWidget::customContextMenuRequested, this, [this](const QPoint& where) {
        QMenu menu(this);
        QAction* exportAction = menu.addAction(tr("Export…"));
        exportAction->setToolTip(tr("Save the plot as PNG, SVG or PDF"));
        if (menu.exec(m_plot->mapToGlobal(where)) == exportAction)
            exportWithDialog();
    });
    m_plot->setToolTip(tr("Drag to pan, wheel to zoom; right-click to export"));
}

WarmstartPlot::~WarmstartPlot() = default;

QStringList WarmstartPlot::legendNames() const
{
    QStringList names;
    for (int k = 0; k < m_plot->legend->itemCount(); ++k)
        if (auto* item = qobject_cast<QCPPlottableLegendItem*>(m_plot->legend->item(k)))
            names << item->plottable()->name();
    return names;
}

std::pair<double, double> WarmstartPlot::keyRange() const
{
    return {m_plot->xAxis->range().lower, m_plot->xAxis->range().upper};
}

std::pair<double, double> WarmstartPlot::valueRange() const
{
    return {m_plot->yAxis->range().lower, m_plot->yAxis->range().upper};
}

QString WarmstartPlot::keyLabel() const
{
    return m_plot->xAxis->label();
}

QString WarmstartPlot::valueLabel() const
{
    return m_plot->yAxis->label();
}

bool WarmstartPlot::isKeyLogarithmic() const
{
    return m_plot->xAxis->scaleType() == QCPAxis::stLogarithmic;
}

bool WarmstartPlot::isValueLogarithmic() const
{
    return m_plot->yAxis->scaleType() == QCPAxis::stLogarithmic;
}

void WarmstartPlot::queueReplot()
{
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

bool WarmstartPlot::exportPng(const QString& path) const
{
    return m_plot->savePng(path, std::max(m_plot->width(), MIN_EXPORT_WIDTH),
                           std::max(m_plot->height(), MIN_EXPORT_HEIGHT));
}

bool WarmstartPlot::exportSvg(const QString& path) const
{
    const int width = std::max(m_plot->width(), MIN_EXPORT_WIDTH);
    const int height = std::max(m_plot->height(), MIN_EXPORT_HEIGHT);
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(QSize(width, height));
    generator.setViewBox(QRect(0, 0, width, height));
    QCPPainter painter;
    if (!painter.begin(&generator))
        return false;
    m_plot->toPainter(&painter, width, height);
    return painter.end() && QFileInfo(path).size() > 0;
}

bool WarmstartPlot::exportPdf(const QString& path) const
{
    return m_plot->savePdf(path, std::max(m_plot->width(), MIN_EXPORT_WIDTH),
                           std::max(m_plot->height(), MIN_EXPORT_HEIGHT));
}

namespace {

FigureWriters writersOf(const WarmstartPlot& plot, bool (WarmstartPlot::*png)(const QString&) const,
                        bool (WarmstartPlot::*svg)(const QString&) const,
                        bool (WarmstartPlot::*pdf)(const QString&) const)
{
    return {[&plot, png](const QString& p) { return (plot.*png)(p); },
            [&plot, svg](const QString& p) { return (plot.*svg)(p); },
            [&plot, pdf](const QString& p) { return (plot.*pdf)(p); }};
}

} // namespace

bool WarmstartPlot::exportTo(const QString& path) const
{
    return writeFigure(path, writersOf(*this, &WarmstartPlot::exportPng, &WarmstartPlot::exportSvg,
                                       &WarmstartPlot::exportPdf));
}

void WarmstartPlot::exportWithDialog()
{
    exportFigureWithDialog(this, tr("Export Plot"), tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"),
                           tr("Cannot write %1."),
                           writersOf(*this, &WarmstartPlot::exportPng, &WarmstartPlot::exportSvg,
                                     &WarmstartPlot::exportPdf));
}

// --- (a) energy histogram -------------------------------------------------------------------------------------------

EnergyHistogramPlot::EnergyHistogramPlot(QWidget* parent)
    : WarmstartPlot(parent)
{
    m_plot->xAxis->setLabel(tr("QUBO energy"));
    m_plot->yAxis->setLabel(tr("fraction of samples"));
    m_plot->xAxis->grid()->setVisible(false);
    m_group = new QCPBarsGroup(m_plot);
    m_group->setSpacingType(QCPBarsGroup::stAbsolute);
    m_group->setSpacing(0);
    const QString names[] = {tr("raw"), tr("mitigated"), tr("filtered pool")};
    for (std::size_t s = 0; s < EnergyHistogramData::SERIES; ++s) {
        auto* bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        bars->setName(names[s]);
        QColor fill = PALETTE[s];
        fill.setAlpha(200);
        bars->setBrush(fill);
        bars->setPen(QPen(PALETTE[s].darker(130)));
        m_bars[s] = bars;
    }
    m_optimum = straightLine(m_plot, QPen(QColor(0xd6, 0x27, 0x28), 1.5, Qt::DashLine));
    m_optimum->setVisible(false);
    clear();
}

EnergyHistogramPlot::~EnergyHistogramPlot() = default;

int EnergyHistogramPlot::seriesCount() const
{
    return static_cast<int>(std::count_if(m_data.fractions.begin(), m_data.fractions.end(),
                                          [](const std::vector<double>& f) { return !f.empty(); }));
}

int EnergyHistogramPlot::barCount(EnergyHistogramData::Series series) const
{
    return m_bars[series]->dataCount();
}

QPointF EnergyHistogramPlot::barAt(EnergyHistogramData::Series series, int k) const
{
    const auto it = m_bars[series]->data()->at(k);
    return {it->key, it->value};
}

bool EnergyHistogramPlot::isOptimumShown() const
{
    return m_optimum->visible();
}

void EnergyHistogramPlot::clear()
{
    setHistogram(EnergyHistogramData{}, std::nullopt);
}

void EnergyHistogramPlot::setHistogram(const EnergyHistogramData& data, std::optional<double> optimum)
{
    m_data = data;
    const int shown = seriesCount();
    double highest = 0.0;
    for (std::size_t s = 0; s < EnergyHistogramData::SERIES; ++s) {
        QCPBars* bars = m_bars[s];
        bars->data()->clear();
        const std::vector<double>& fractions = m_data.fractions[s];
        const bool present = !fractions.empty() && fractions.size() == m_data.centres.size();
        if (present) {
            bars->addToLegend();
            bars->setWidth(m_data.width * 0.85 / std::max(shown, 1));
            QVector<double> keys(m_data.centres.begin(), m_data.centres.end());
            QVector<double> values(fractions.begin(), fractions.end());
            bars->setData(keys, values, true);
            highest = std::max(highest, *std::max_element(fractions.begin(), fractions.end()));
        } else {
            bars->removeFromLegend();
        }
    }
    // Absent sets leave the group, so the others share each bin without gaps.
    m_group->clear();
    for (std::size_t s = 0; s < EnergyHistogramData::SERIES; ++s)
        if (!m_data.fractions[s].empty())
            m_group->append(m_bars[s]);

    m_optimum->setVisible(optimum.has_value());
    if (optimum)
        setVertical(m_optimum, *optimum);
    if (m_data.centres.empty()) {
        m_plot->xAxis->setRange(0, 1);
        m_plot->yAxis->setRange(0, 1);
    } else {
        double left = m_data.centres.front() - m_data.width;
        double right = m_data.centres.back() + m_data.width;
        if (optimum) {
            left = std::min(left, *optimum - m_data.width);
            right = std::max(right, *optimum + m_data.width);
        }
        m_plot->xAxis->setRange(left, right);
        // Head room for the legend at the top right.
        m_plot->yAxis->setRange(0.0, std::max(highest, 1e-9) * 1.3);
    }
    queueReplot();
}

// --- (b) success curves ---------------------------------------------------------------------------------------------

SuccessCurvePlot::SuccessCurvePlot(QWidget* parent)
    : WarmstartPlot(parent)
{
    m_plot->xAxis->setLabel(tr("iterations T"));
    m_plot->yAxis->setLabel(tr("F_opt(T), fraction of runs at the optimum"));
    useLogAxis(m_plot->xAxis);
    m_random = m_plot->addGraph();
    m_random->setName(tr("random starts"));
    m_random->setPen(QPen(QColor(0x7f, 0x7f, 0x7f), 2));
    m_random->setLineStyle(QCPGraph::lsStepLeft);
    m_warm = m_plot->addGraph();
    m_warm->setName(tr("warm starts"));
    m_warm->setPen(QPen(PALETTE[0], 2));
    m_warm->setLineStyle(QCPGraph::lsStepLeft);
    m_cap = straightLine(m_plot, QPen(QColor(0x55, 0x55, 0x55), 1, Qt::DotLine));
    m_cap->setVisible(false);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    clear();
}

SuccessCurvePlot::~SuccessCurvePlot() = default;

int SuccessCurvePlot::pointCount(bool warm) const
{
    return curve(warm)->dataCount();
}

QPointF SuccessCurvePlot::pointAt(bool warm, int k) const
{
    const auto it = curve(warm)->data()->at(k);
    return {it->key, it->value};
}

void SuccessCurvePlot::clear()
{
    m_random->data()->clear();
    m_warm->data()->clear();
    m_cap->setVisible(false);
    m_plot->xAxis->setRange(1, 1000);
    m_plot->yAxis->setRange(0, 1.05);
    queueReplot();
}

void SuccessCurvePlot::setCurves(const std::vector<double>& randomFirstSuccess,
                                 const std::vector<double>& warmFirstSuccess, double cap, bool timeBased)
{
    m_random->data()->clear();
    m_warm->data()->clear();
    m_plot->xAxis->setLabel(timeBased ? tr("seconds T") : tr("iterations T"));
    if (!(cap > 0.0) || !std::isfinite(cap)) {
        m_cap->setVisible(false);
        queueReplot();
        return;
    }
    double smallest = cap;
    for (const std::vector<double>* list : {&randomFirstSuccess, &warmFirstSuccess})
        for (double t : *list)
            if (std::isfinite(t) && t > 0.0)
                smallest = std::min(smallest, t);
    // The log axis cannot reach 0: the curves start at 0 a factor 2 left of the first success.
    const double left = smallest / 2.0;
    for (bool warm : {false, true}) {
        const std::vector<double>& list = warm ? warmFirstSuccess : randomFirstSuccess;
        QCPGraph* graph = curve(warm);
        if (list.empty())
            continue;
        std::vector<double> finite;
        for (double t : list)
            if (std::isfinite(t) && t > 0.0 && t <= cap)
                finite.push_back(t);
        std::sort(finite.begin(), finite.end());
        const auto runs = static_cast<double>(list.size());
        graph->addData(left, 0.0);
        std::size_t k = 0;
        while (k < finite.size()) {
            std::size_t next = k;
            while (next < finite.size() && finite[next] == finite[k])
                ++next;
            graph->addData(finite[k], static_cast<double>(next) / runs);
            k = next;
        }
        if (finite.empty() || finite.back() < cap)
            graph->addData(cap, static_cast<double>(finite.size()) / runs);
    }
    setVertical(m_cap, cap);
    m_cap->setVisible(true);
    m_plot->xAxis->setRange(left / 1.2, cap * 1.5);
    m_plot->yAxis->setRange(0.0, 1.05);
    queueReplot();
}

// --- (c) live Q-factor ----------------------------------------------------------------------------------------------

LiveQFactorPlot::LiveQFactorPlot(QWidget* parent)
    : WarmstartPlot(parent)
{
    m_plot->xAxis->setLabel(tr("finished runs (random + warm)"));
    m_plot->yAxis->setLabel(tr("Q-factor R_min(random) / R_min(warm)"));
    const QColor colour = PALETTE[0];
    QColor band = colour;
    band.setAlpha(50);
    m_lower = m_plot->addGraph();
    m_lower->setPen(Qt::NoPen);
    m_lower->removeFromLegend();
    m_upper = m_plot->addGraph();
    m_upper->setPen(Qt::NoPen);
    m_upper->setBrush(band);
    m_upper->setChannelFillGraph(m_lower);
    m_upper->setName(tr("bootstrap interval"));
    m_q = m_plot->addGraph();
    m_q->setName(tr("Q so far"));
    m_q->setPen(QPen(colour, 2));
    m_q->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 4));
    // The band needs two points to show; the bars show each interval from the first point on.
    m_errors = new QCPErrorBars(m_plot->xAxis, m_plot->yAxis);
    m_errors->removeFromLegend();
    m_errors->setDataPlottable(m_q);
    QColor whisker = colour;
    whisker.setAlpha(140);
    m_errors->setPen(QPen(whisker, 1));
    m_one = straightLine(m_plot, QPen(QColor(0x55, 0x55, 0x55), 1.5, Qt::DashLine));
    setHorizontalLine(m_one, 1.0);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);

    m_timer.setSingleShot(true);
    m_timer.setInterval(RECOMPUTE_INTERVAL_MS);
    connect(&m_timer, &QTimer::timeout, this, &LiveQFactorPlot::recomputeNow);
    clear();
}

LiveQFactorPlot::~LiveQFactorPlot() = default;

void LiveQFactorPlot::setOptions(const engine::QFactorOptions& options)
{
    m_options = options;
    clear();
}

void LiveQFactorPlot::clear()
{
    m_timer.stop();
    m_random.clear();
    m_warm.clear();
    m_current.reset();
    m_dirty = false;
    m_q->data()->clear();
    m_errors->data()->clear();
    m_lower->data()->clear();
    m_upper->data()->clear();
    m_plot->xAxis->setRange(0, 10);
    m_plot->yAxis->setRange(0, 2);
    queueReplot();
}

void LiveQFactorPlot::addRuns(const std::vector<WarmstartRunPoint>& points)
{
    if (points.empty())
        return;
    for (const WarmstartRunPoint& point : points)
        (point.warm ? m_warm : m_random).push_back(point.t);
    m_dirty = true;
    if (!m_timer.isActive())
        m_timer.start();
}

int LiveQFactorPlot::pointCount() const
{
    return m_q->dataCount();
}

QPointF LiveQFactorPlot::pointAt(int k) const
{
    const auto it = m_q->data()->at(k);
    return {it->key, it->value};
}

std::pair<double, double> LiveQFactorPlot::bandAt(int k) const
{
    return {m_lower->data()->at(k)->value, m_upper->data()->at(k)->value};
}

void LiveQFactorPlot::recomputeNow()
{
    m_timer.stop();
    if (!m_dirty)
        return;
    m_dirty = false;
    if (m_random.empty() || m_warm.empty())
        return;
    engine::QFactorOptions options = m_options;
    const std::size_t runs = m_random.size() + m_warm.size();
    if (options.bootstrapResamples * runs > LIVE_BOOTSTRAP_WORK)
        options.bootstrapResamples = LIVE_BOOTSTRAP_WORK / runs;
    try {
        m_current = engine::estimateQFactor(m_random, m_warm, options);
    } catch (const engine::Error&) {
        // Options the estimator rejects (no cap yet) or a run beyond the cap: nothing to draw.
        m_current.reset();
        return;
    }
    const engine::QFactorResult& r = *m_current;
    if (!std::isfinite(r.q))
        return;  // undefined: neither start type has succeeded yet
    const auto x = static_cast<double>(runs);
    const double lower = r.interval ? r.interval->lower : r.q;
    const double upper = r.interval ? r.interval->upper : r.q;
    m_q->addData(x, r.q);
    m_errors->addData(std::max(r.q - lower, 0.0), std::max(upper - r.q, 0.0));
    m_lower->addData(x, lower);
    m_upper->addData(x, upper);

    bool found = false;
    const QCPRange keys = m_q->getKeyRange(found);
    if (found)
        m_plot->xAxis->setRange(0.0, std::max(keys.upper * 1.05, 10.0));
    QCPRange values = m_upper->getValueRange(found);
    double top = found ? values.upper : r.q;
    top = std::max({top, r.q, 1.0});
    if (!std::isfinite(top))
        top = std::max(r.q, 1.0);
    m_plot->yAxis->setRange(0.0, top * 1.25);
    queueReplot();
}

// --- (d), (e) sweep -------------------------------------------------------------------------------------------------

QFactorSweepPlot::QFactorSweepPlot(Axis axis, QWidget* parent)
    : WarmstartPlot(parent)
    , m_axis(axis)
{
    m_plot->xAxis->setLabel(axis == Axis::Depth ? tr("QAOA depth p") : tr("vertices N"));
    m_plot->yAxis->setLabel(tr("median Q-factor (min–max over graphs)"));
    useLogAxis(m_plot->yAxis);
    m_plot->yAxis->setNumberFormat(QStringLiteral("gb"));
    QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
    ticker->setTickStep(1.0);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setSubTicks(false);
    m_one = straightLine(m_plot, QPen(QColor(0x55, 0x55, 0x55), 1.5, Qt::DashLine));
    setHorizontalLine(m_one, 1.0);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    clear();
}

QFactorSweepPlot::~QFactorSweepPlot() = default;

void QFactorSweepPlot::clear()
{
    for (const Line& line : m_lines) {
        m_plot->removePlottable(line.errors);
        m_plot->removeGraph(line.graph);
    }
    m_lines.clear();
    m_plot->xAxis->setRange(0.5, 6.5);
    m_plot->yAxis->setRange(0.1, 10.0);
    queueReplot();
}

QString QFactorSweepPlot::lineName(int line) const
{
    return m_lines[static_cast<std::size_t>(line)].graph->name();
}

int QFactorSweepPlot::pointCount(int line) const
{
    return m_lines[static_cast<std::size_t>(line)].graph->dataCount();
}

QPointF QFactorSweepPlot::pointAt(int line, int k) const
{
    const auto it = m_lines[static_cast<std::size_t>(line)].graph->data()->at(k);
    return {it->key, it->value};
}

std::pair<double, double> QFactorSweepPlot::rangeAt(int line, int k) const
{
    const Line& l = m_lines[static_cast<std::size_t>(line)];
    const double median = l.graph->data()->at(k)->value;
    const QCPErrorBarsData& e = l.errors->data()->at(k);
    return {median - e.errorMinus, median + e.errorPlus};
}

void QFactorSweepPlot::setSummary(const std::vector<engine::WarmstartSummaryRow>& summary)
{
    clear();
    bool manyFamilies = false;
    for (const engine::WarmstartSummaryRow& row : summary)
        manyFamilies = manyFamilies || row.family != summary.front().family;
    // One line per (family, the other parameter), ordered by family's first appearance, then by the parameter.
    std::vector<std::string> families;
    std::map<std::tuple<std::size_t, std::size_t>, std::vector<const engine::WarmstartSummaryRow*>> groups;
    for (const engine::WarmstartSummaryRow& row : summary) {
        auto it = std::find(families.begin(), families.end(), row.family);
        if (it == families.end())
            it = families.insert(families.end(), row.family);
        const auto family = static_cast<std::size_t>(it - families.begin());
        const std::size_t other = m_axis == Axis::Depth ? row.n : row.depth;
        groups[{family, other}].push_back(&row);
    }
    double lowest = 1.0;
    double highest = 1.0;
    double left = std::numeric_limits<double>::infinity();
    double right = -std::numeric_limits<double>::infinity();
    std::size_t colour = 0;
    for (auto& [key, rows] : groups) {
        const auto& [family, other] = key;
        std::sort(rows.begin(), rows.end(), [this](const auto* a, const auto* b) {
            return m_axis == Axis::Depth ? a->depth < b->depth : a->n < b->n;
        });
        Line line;
        line.graph = m_plot->addGraph();
        QString name = m_axis == Axis::Depth ? tr("N = %1").arg(other) : tr("p = %1").arg(other);
        if (manyFamilies)
            name = QString::fromStdString(families[family]) + QStringLiteral(", ") + name;
        line.graph->setName(name);
        const QColor c = PALETTE[colour++ % PALETTE_SIZE];
        line.graph->setPen(QPen(c, 1.5));
        line.graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 5));
        line.errors = new QCPErrorBars(m_plot->xAxis, m_plot->yAxis);
        line.errors->removeFromLegend();
        line.errors->setDataPlottable(line.graph);
        line.errors->setPen(QPen(c, 1));
        for (const engine::WarmstartSummaryRow* row : rows) {
            if (row->graphs == 0 || !(row->medianQ > 0.0) || !std::isfinite(row->medianQ))
                continue;
            const double x = static_cast<double>(m_axis == Axis::Depth ? row->depth : row->n);
            // A graph whose warm starts all failed has Q = 0, which the log axis shows at its floor.
            const double floor = row->medianQ / 1000.0;
            const double low = std::max(row->minQ, floor);
            const double high = std::max(row->maxQ, row->medianQ);
            line.graph->addData(x, row->medianQ);
            line.errors->addData(row->medianQ - low, high - row->medianQ);
            lowest = std::min(lowest, low);
            highest = std::max(highest, high);
            left = std::min(left, x);
            right = std::max(right, x);
        }
        m_lines.push_back(line);
    }
    if (std::isfinite(left)) {
        m_plot->xAxis->setRange(left - 0.5, right + 0.5);
        m_plot->yAxis->setRange(lowest / 2.0, highest * 3.0);
    }
    queueReplot();
}

} // namespace workbench
