// SPDX-License-Identifier: MIT
// The warm-start plots: histogram bars, success steps, live Q band, sweep lines, and their data as CSV.
#include "plots/warmstart_plots.h"

#include "plots/plot_style.h"

#include "export/csv_export.h"

#include <qcustomplot.h>

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <tuple>

namespace workbench {

namespace {

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
        QColor fill = plotColour(static_cast<int>(s));
        fill.setAlpha(200);
        bars->setBrush(fill);
        bars->setPen(QPen(plotColour(static_cast<int>(s)).darker(130)));
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

QString EnergyHistogramPlot::figureTitle() const
{
    return tr("Sample energy histogram");
}

QString EnergyHistogramPlot::csvData() const
{
    static const char* const NAMES[] = {"raw", "mitigated", "filtered_pool"};
    std::vector<std::size_t> shown;
    QStringList header{QStringLiteral("bin_centre")};
    for (std::size_t s = 0; s < EnergyHistogramData::SERIES; ++s) {
        if (m_data.fractions[s].empty() || m_data.fractions[s].size() != m_data.centres.size())
            continue;
        shown.push_back(s);
        header << QString::fromLatin1(NAMES[s]);
    }
    header << QStringLiteral("optimum");
    CsvWriter csv;
    csv.addRow(header);
    const QString optimum = m_optimum->visible() ? CsvWriter::number(m_optimum->point1->coords().x()) : QString();
    for (std::size_t b = 0; b < m_data.centres.size(); ++b) {
        QStringList row{CsvWriter::number(m_data.centres[b])};
        for (std::size_t s : shown)
            row << CsvWriter::number(m_data.fractions[s][b]);
        row << optimum;
        csv.addRow(row);
    }
    return csv.text();
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
    m_warm->setPen(QPen(plotColour(0), 2));
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

QString SuccessCurvePlot::figureTitle() const
{
    return tr("Success curves F_opt(T)");
}

QString SuccessCurvePlot::csvData() const
{
    CsvWriter csv;
    csv.addRow({QStringLiteral("start"), QStringLiteral("T"), QStringLiteral("F_opt")});
    for (bool warm : {false, true}) {
        const QString start = warm ? QStringLiteral("warm") : QStringLiteral("random");
        for (int k = 0; k < pointCount(warm); ++k) {
            const QPointF point = pointAt(warm, k);
            csv.addRow({start, CsvWriter::number(point.x()), CsvWriter::number(point.y())});
        }
    }
    if (m_cap->visible())
        csv.addRow({QStringLiteral("cap"), CsvWriter::number(m_cap->point1->coords().x()), QString()});
    return csv.text();
}

// --- (c) live Q-factor ----------------------------------------------------------------------------------------------

LiveQFactorPlot::LiveQFactorPlot(QWidget* parent)
    : WarmstartPlot(parent)
{
    m_plot->xAxis->setLabel(tr("finished runs (random + warm)"));
    m_plot->yAxis->setLabel(tr("Q-factor R_min(random) / R_min(warm)"));
    const QColor colour = plotColour(0);
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
    connect(&m_timer, &QTimer::timeout, this, &LiveQFactorPlot::recomputeInBackground);
    connect(&m_watcher, &QFutureWatcher<Estimate>::finished, this, &LiveQFactorPlot::onBackgroundFinished);
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
    ++m_generation;
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

LiveQFactorPlot::Estimate LiveQFactorPlot::estimate(const std::vector<double>& random,
                                                    const std::vector<double>& warm, engine::QFactorOptions options)
{
    Estimate out;
    out.runs = random.size() + warm.size();
    if (options.bootstrapResamples * out.runs > LIVE_BOOTSTRAP_WORK)
        options.bootstrapResamples = LIVE_BOOTSTRAP_WORK / out.runs;
    try {
        out.result = engine::estimateQFactor(random, warm, options);
    } catch (const engine::Error&) {
        // Options the estimator rejects (no cap yet) or a run beyond the cap: nothing to draw.
        out.result.reset();
    }
    return out;
}

bool LiveQFactorPlot::isRecomputing() const
{
    return m_watcher.isRunning();
}

void LiveQFactorPlot::recomputeNow()
{
    m_timer.stop();
    ++m_generation;
    if (!m_dirty)
        return;
    m_dirty = false;
    if (m_random.empty() || m_warm.empty())
        return;
    addPoint(estimate(m_random, m_warm, m_options));
}

void LiveQFactorPlot::recomputeInBackground()
{
    if (!m_dirty)
        return;
    if (m_watcher.isRunning())
        return;  // latest wins: onBackgroundFinished starts the next one with every run stored by then
    m_dirty = false;
    if (m_random.empty() || m_warm.empty())
        return;
    m_watchedGeneration = m_generation;
    // The worker gets copies: the stored runs keep growing on the GUI thread meanwhile.
    m_watcher.setFuture(QtConcurrent::run(&LiveQFactorPlot::estimate, m_random, m_warm, m_options));
}

void LiveQFactorPlot::onBackgroundFinished()
{
    if (m_watchedGeneration == m_generation && m_watcher.future().resultCount() > 0)
        addPoint(m_watcher.result());
    if (m_dirty && !m_timer.isActive())
        m_timer.start();
}

void LiveQFactorPlot::finish(const std::optional<engine::QFactorResult>& estimate)
{
    m_timer.stop();
    if (!estimate) {
        recomputeInBackground();
        if (m_dirty && !m_timer.isActive())
            m_timer.start();  // one is still running; the runs it lacks follow
        return;
    }
    ++m_generation;
    m_dirty = false;
    addPoint({m_random.size() + m_warm.size(), estimate});
}

void LiveQFactorPlot::addPoint(const Estimate& estimate)
{
    m_current = estimate.result;
    if (!m_current)
        return;
    const engine::QFactorResult& r = *m_current;
    if (!std::isfinite(r.q))
        return;  // undefined: neither start type has succeeded yet
    const auto x = static_cast<double>(estimate.runs);
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

QString LiveQFactorPlot::figureTitle() const
{
    return tr("Live Q-factor");
}

QString LiveQFactorPlot::csvData() const
{
    CsvWriter csv;
    csv.addRow({QStringLiteral("runs"), QStringLiteral("q"), QStringLiteral("interval_lower"),
                QStringLiteral("interval_upper")});
    for (int k = 0; k < pointCount(); ++k) {
        const QPointF point = pointAt(k);
        const auto [lower, upper] = bandAt(k);
        csv.addRow({CsvWriter::number(point.x()), CsvWriter::number(point.y()), CsvWriter::number(lower),
                    CsvWriter::number(upper)});
    }
    return csv.text();
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
        const QColor c = plotColour(static_cast<int>(colour++));
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

QString QFactorSweepPlot::figureTitle() const
{
    return m_axis == Axis::Depth ? tr("Q-factor against depth") : tr("Q-factor against size");
}

QString QFactorSweepPlot::csvData() const
{
    CsvWriter csv;
    csv.addRow({QStringLiteral("line"), m_axis == Axis::Depth ? QStringLiteral("p") : QStringLiteral("N"),
                QStringLiteral("median_q"), QStringLiteral("min_q"), QStringLiteral("max_q")});
    for (int line = 0; line < lineCount(); ++line) {
        for (int k = 0; k < pointCount(line); ++k) {
            const QPointF point = pointAt(line, k);
            const auto [low, high] = rangeAt(line, k);
            csv.addRow({lineName(line), CsvWriter::number(point.x()), CsvWriter::number(point.y()),
                        CsvWriter::number(low), CsvWriter::number(high)});
        }
    }
    return csv.text();
}

} // namespace workbench
