// SPDX-License-Identifier: MIT
// BundlePlotsView: the plots of a bundle, one tab each, chosen by the bundle's kind and problem.
#pragma once

#include "bundle/bundle_plot_data.h"

#include <QString>
#include <QWidget>

class QLabel;
class QTabWidget;
class QTreeWidget;

namespace workbench {

class EnergyHistogramPlot;
class LiveQFactorPlot;
class OutcomeHistogramPlot;
class P1LandscapePlot;
class QaoaConvergencePlot;
class StateHistogramPlot;
class SuccessCurvePlot;
class ValidRatePlot;

/// Most Q-factor estimates replayed into the Q-factor plot (the runs are added in this many batches).
constexpr int BUNDLE_QFACTOR_STEPS = 40;

/// Shows the plots of one bundle in tabs:
/// - qaoa-run: "Convergence" (QaoaConvergencePlot of the replayed trace with the final <H>), "Valid rate"
///   (LCRP: ValidRatePlot with the uniform-random baseline), "States" (StateHistogramPlot for LCRP,
///   OutcomeHistogramPlot otherwise) and, at p = 1 with the X mixer, "Landscape" (P1LandscapePlot);
/// - warmstart: "Energy histogram", "Success curves" and "Q-factor" (the stored runs added in batches, so the
///   estimate is drawn against the number of runs);
/// - job: "Outcomes" (the sampled histogram) and "Analysis" (the stored analysis as a tree under its headline
///   figures).
/// Each tab has a note line above the plot saying what it shows or why it is empty. The plot accessors return
/// null when the current kind has no such plot.
class BundlePlotsView final : public QWidget {
    Q_OBJECT

public:
    explicit BundlePlotsView(QWidget* parent = nullptr);
    ~BundlePlotsView() override;

    /// Rebuilds the tabs for `data`.
    void setPlotData(const BundlePlotData& data);
    /// Removes every tab and shows `message` instead (e.g. why there are no plots).
    void clear(const QString& message = {});

    QTabWidget* tabs() const { return m_tabs; }
    /// Titles of the tabs, in order.
    QStringList tabTitles() const;
    /// The message shown without plots.
    QString message() const;
    /// The note line of tab `index`.
    QString noteOf(int index) const;

    QaoaConvergencePlot* convergencePlot() const { return m_convergence; }
    ValidRatePlot* validRatePlot() const { return m_validRate; }
    StateHistogramPlot* stateHistogram() const { return m_states; }
    OutcomeHistogramPlot* outcomeHistogram() const { return m_outcomes; }
    P1LandscapePlot* landscapePlot() const { return m_landscape; }
    EnergyHistogramPlot* energyHistogramPlot() const { return m_energy; }
    SuccessCurvePlot* successCurvePlot() const { return m_success; }
    LiveQFactorPlot* qFactorPlot() const { return m_qFactor; }
    QTreeWidget* analysisTree() const { return m_analysis; }
    QLabel* analysisSummary() const { return m_analysisSummary; }

private:
    /// Adds a tab holding `content` under a word-wrapped note.
    void addPage(QWidget* content, const QString& title, const QString& note);
    void showQaoaRun(const BundlePlotData& data);
    void showWarmstart(const BundlePlotData& data);
    void showJob(const BundlePlotData& data);
    /// StateHistogramPlot for LCRP, OutcomeHistogramPlot otherwise; `frequencies` labels the value axis.
    void addHistogram(const BundlePlotData& data, const QString& title, const QString& note, bool frequencies);

    QTabWidget* m_tabs = nullptr;
    QLabel* m_message = nullptr;
    QaoaConvergencePlot* m_convergence = nullptr;
    ValidRatePlot* m_validRate = nullptr;
    StateHistogramPlot* m_states = nullptr;
    OutcomeHistogramPlot* m_outcomes = nullptr;
    P1LandscapePlot* m_landscape = nullptr;
    EnergyHistogramPlot* m_energy = nullptr;
    SuccessCurvePlot* m_success = nullptr;
    LiveQFactorPlot* m_qFactor = nullptr;
    QTreeWidget* m_analysis = nullptr;
    QLabel* m_analysisSummary = nullptr;
};

} // namespace workbench
