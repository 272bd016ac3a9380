// SPDX-License-Identifier: MIT
// BundlePlotsView: building the kind's tabs and feeding the workbench's plots from BundlePlotData.
#include "bundle/bundle_plots_view.h"

#include "bundle/json_tree.h"
#include "bundle/outcome_histogram_plot.h"
#include "plots/p1_landscape_plot.h"
#include "plots/qaoa_trace_plots.h"
#include "plots/state_histogram_plot.h"
#include "plots/warmstart_plots.h"

#include "bundle/bundle_kinds.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QStringList>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace workbench {

namespace {

QString numberText(double value, int digits = 6)
{
    return std::isfinite(value) ? QLocale().toString(value, 'g', digits) : QStringLiteral("–");
}

/// A number of the analysis document, or "–".
QString analysisNumber(const nlohmann::json& analysis, const char* key, int digits = 6)
{
    const auto it = analysis.find(key);
    return it != analysis.end() && it->is_number() ? numberText(it->get<double>(), digits) : QStringLiteral("–");
}

QString analysisPercent(const nlohmann::json& analysis, const char* key)
{
    const auto it = analysis.find(key);
    return it != analysis.end() && it->is_number()
        ? BundlePlotsView::tr("%1 %").arg(QLocale().toString(it->get<double>() * 100.0, 'g', 4))
        : QStringLiteral("–");
}

} // namespace

BundlePlotsView::BundlePlotsView(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    layout->addWidget(m_message);
    layout->addWidget(m_tabs, 1);
    clear(tr("The plots appear when the bundle has been read."));
}

BundlePlotsView::~BundlePlotsView() = default;

void BundlePlotsView::clear(const QString& message)
{
    while (m_tabs->count() > 0) {
        QWidget* page = m_tabs->widget(0);
        m_tabs->removeTab(0);
        delete page;
    }
    m_convergence = nullptr;
    m_validRate = nullptr;
    m_states = nullptr;
    m_outcomes = nullptr;
    m_landscape = nullptr;
    m_energy = nullptr;
    m_success = nullptr;
    m_qFactor = nullptr;
    m_analysis = nullptr;
    m_analysisSummary = nullptr;
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
    m_tabs->setVisible(false);
}

QStringList BundlePlotsView::tabTitles() const
{
    QStringList titles;
    for (int k = 0; k < m_tabs->count(); ++k)
        titles << m_tabs->tabText(k);
    return titles;
}

QString BundlePlotsView::message() const
{
    return m_message->isVisibleTo(this) ? m_message->text() : QString();
}

QString BundlePlotsView::noteOf(int index) const
{
    const QWidget* page = m_tabs->widget(index);
    const auto* note = page ? page->findChild<QLabel*>(QStringLiteral("note")) : nullptr;
    return note ? note->text() : QString();
}

void BundlePlotsView::addPage(QWidget* content, const QString& title, const QString& note)
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* label = new QLabel(note, page);
    label->setObjectName(QStringLiteral("note"));
    label->setWordWrap(true);
    layout->addWidget(label);
    content->setParent(page);
    layout->addWidget(content, 1);
    m_tabs->addTab(page, title);
}

void BundlePlotsView::setPlotData(const BundlePlotData& data)
{
    clear();
    if (data.kind == engine::BUNDLE_KIND_QAOA_RUN)
        showQaoaRun(data);
    else if (data.kind == engine::BUNDLE_KIND_WARMSTART)
        showWarmstart(data);
    else if (data.kind == engine::BUNDLE_KIND_JOB)
        showJob(data);
    m_tabs->setVisible(m_tabs->count() > 0);
    if (m_tabs->count() == 0) {
        m_message->setText(tr("This kind of bundle has no plots."));
        m_message->setVisible(true);
    }
}

void BundlePlotsView::addHistogram(const BundlePlotData& data, const QString& title, const QString& note,
                                   bool frequencies)
{
    if (data.lcrpInstance && data.lcrpEncoding) {
        m_states = new StateHistogramPlot;
        std::vector<std::pair<std::uint64_t, double>> states;
        for (const OutcomeBar& bar : data.bars)
            states.emplace_back(bar.state, bar.probability);
        m_states->setStates(*data.lcrpInstance, *data.lcrpEncoding, states, static_cast<int>(states.size()));
        addPage(m_states, title, note);
        return;
    }
    m_outcomes = new OutcomeHistogramPlot;
    m_outcomes->setOutcomes(data.bars, data.numBits, frequencies ? tr("frequency") : tr("probability"));
    addPage(m_outcomes, title, note);
}

void BundlePlotsView::showQaoaRun(const BundlePlotData& data)
{
    m_convergence = new QaoaConvergencePlot;
    m_convergence->appendPoints(data.trace);
    m_convergence->setFinalExpectation(data.finalExpectation);
    m_convergence->replot();
    QString note;
    if (!data.optimised)
        note = tr("Rule-based angles: no optimiser ran, so there is no trace. The line marks the stored final ⟨H⟩.");
    else if (data.traceReplayed)
        note = tr("The optimiser's %n evaluation(s), replayed with the recorded options and seeds (the bundle stores "
                  "only the final angles). The line marks the stored final ⟨H⟩.",
                  nullptr, static_cast<int>(data.trace.size()));
    else
        note = tr("The bundle stores only the final angles and the optimiser trace was not replayed.");
    addPage(m_convergence, tr("Convergence"), note);

    if (data.uniformValidRate) {
        m_validRate = new ValidRatePlot;
        m_validRate->setBaseline(*data.uniformValidRate);
        m_validRate->setFinalRate(data.finalValidRate);
        m_validRate->appendPoints(data.trace);
        m_validRate->replot();
        addPage(m_validRate, tr("Valid rate"),
                tr("Exact valid (one-hot) rate of every evaluated state against the uniform-random rate %1; "
                   "stored final rate %2.")
                    .arg(numberText(*data.uniformValidRate, 4),
                         data.finalValidRate ? numberText(*data.finalValidRate, 4) : QStringLiteral("–")));
    }

    addHistogram(data, tr("States"),
                 tr("The %n most probable basis state(s) of the final state, as stored in the bundle.", nullptr,
                    static_cast<int>(data.bars.size())),
                 false);

    if (data.landscape) {
        m_landscape = new P1LandscapePlot;
        m_landscape->setLandscape(*data.landscape, data.landscapePoint);
        addPage(m_landscape, tr("Landscape"),
                tr("The exact p = 1 energy landscape of the instance's QUBO; the marker is the bundle's angles."));
    }
}

void BundlePlotsView::showWarmstart(const BundlePlotData& data)
{
    m_energy = new EnergyHistogramPlot;
    m_energy->setHistogram(data.energyHistogram, data.optimum);
    addPage(m_energy, tr("Energy histogram"),
            tr("QUBO energies of the raw, mitigated and filtered samples in samples.json; the dashed line is the "
               "stored optimum."));

    m_success = new SuccessCurvePlot;
    const bool runs = !data.randomFirstSuccess.empty() || !data.warmFirstSuccess.empty();
    if (runs && data.cap > 0.0)
        m_success->setCurves(data.randomFirstSuccess, data.warmFirstSuccess, data.cap, data.timeBased);
    addPage(m_success, tr("Success curves"),
            runs ? tr("Fraction of the %1 random and %2 warm runs that reached the optimum within T (%3), from the "
                      "stored first successes.")
                       .arg(data.randomFirstSuccess.size())
                       .arg(data.warmFirstSuccess.size())
                       .arg(data.timeBased ? tr("seconds") : tr("iterations"))
                 : tr("The bundle records no heuristic runs."));

    m_qFactor = new LiveQFactorPlot;
    m_qFactor->setOptions(data.qFactorOptions);
    const std::size_t longest = std::max(data.randomFirstSuccess.size(), data.warmFirstSuccess.size());
    const std::size_t step = std::max<std::size_t>(1, (longest + BUNDLE_QFACTOR_STEPS - 1) / BUNDLE_QFACTOR_STEPS);
    for (std::size_t begin = 0; begin < longest; begin += step) {
        std::vector<WarmstartRunPoint> batch;
        for (std::size_t k = begin; k < std::min(longest, begin + step); ++k) {
            if (k < data.randomFirstSuccess.size())
                batch.push_back({false, data.randomFirstSuccess[k], data.randomFirstSuccess[k]});
            if (k < data.warmFirstSuccess.size())
                batch.push_back({true, data.warmFirstSuccess[k], data.warmFirstSuccess[k]});
        }
        m_qFactor->addRuns(batch);
        m_qFactor->recomputeNow();
    }
    addPage(m_qFactor, tr("Q-factor"),
            tr("The Q-factor of the stored runs against their number, with its bootstrap band; stored Q = %1.")
                .arg(data.qFactor ? numberText(*data.qFactor, 6) : tr("undefined")));
}

void BundlePlotsView::showJob(const BundlePlotData& data)
{
    addHistogram(data, tr("Outcomes"),
                 tr("The %n most frequent outcome(s) of %1 shots, from the job's results.", nullptr,
                    static_cast<int>(data.bars.size()))
                     .arg(QLocale().toString(data.shots, 'g', 12)),
                 true);

    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_analysisSummary = new QLabel(page);
    m_analysisSummary->setWordWrap(true);
    m_analysisSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const nlohmann::json& a = data.analysis;
    QStringList lines;
    if (data.problem == "lcrp") {
        lines << tr("valid rate %1 (uniform random %2)")
                     .arg(analysisPercent(a, "valid_rate"), analysisPercent(a, "random_valid_rate"));
        lines << tr("best valid cost $%1").arg(analysisNumber(a, "best_valid_cost_usd", 6));
    }
    lines << tr("best energy %1, mean energy %2, optimum %3")
                 .arg(analysisNumber(a, "best_energy", 10), analysisNumber(a, "mean_energy", 10),
                      analysisNumber(a, "optimum_energy", 10));
    lines << tr("approximation ratio %1").arg(analysisNumber(a, "approximation_ratio", 6));
    if (data.problem == "maxcut")
        lines << tr("expected cut %1, best cut %2, optimal cut %3")
                     .arg(analysisNumber(a, "expected_cut", 8), analysisNumber(a, "best_cut", 8),
                          analysisNumber(a, "optimal_cut", 8));
    m_analysisSummary->setText(lines.join(QLatin1Char('\n')));
    m_analysis = new QTreeWidget(page);
    m_analysis->setColumnCount(2);
    m_analysis->setHeaderLabels({tr("Quantity"), tr("Value")});
    m_analysis->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    fillJsonTree(m_analysis, a);
    layout->addWidget(m_analysisSummary);
    layout->addWidget(m_analysis, 1);
    addPage(page, tr("Analysis"), tr("The stored analysis of the job's results (recomputed in the report)."));
}

} // namespace workbench
