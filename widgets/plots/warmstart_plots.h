// SPDX-License-Identifier: MIT
// Plots of the warm-start panel: sample energy histogram, success curves, live Q-factor and the sweep's Q-factors.
#pragma once

#include "jobs/warmstart_job.h"
#include "plots/warmstart_plot.h"
#include "warmstart/qfactor.h"
#include "warmstart/warmstart_reproduction.h"

#include <QFutureWatcher>
#include <QPointF>
#include <QString>
#include <QTimer>
#include <QWidget>

#include <array>
#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

class QCustomPlot;
class QCPBars;
class QCPBarsGroup;
class QCPErrorBars;
class QCPGraph;
class QCPItemStraightLine;

namespace workbench {

/// (a) Bars of the energy distribution of the raw, mitigated and filtered samples (fractions of each set), side by
/// side per bin, with the optimum as a dashed vertical line.
class EnergyHistogramPlot final : public WarmstartPlot {
    Q_OBJECT

public:
    explicit EnergyHistogramPlot(QWidget* parent = nullptr);
    ~EnergyHistogramPlot() override;

    /// Shows `data` and, when given, the optimum. Redraws (queued).
    void setHistogram(const EnergyHistogramData& data, std::optional<double> optimum);
    void clear();

    /// Bars of a set (always present; empty when the set is absent).
    QCPBars* bars(EnergyHistogramData::Series series) const { return m_bars[series]; }
    /// Bars drawn for a set, and (bin centre, fraction) of bar k.
    int barCount(EnergyHistogramData::Series series) const;
    QPointF barAt(EnergyHistogramData::Series series, int k) const;
    /// Sets drawn, and bins.
    int seriesCount() const;
    int binCount() const { return static_cast<int>(m_data.centres.size()); }
    const EnergyHistogramData& data() const { return m_data; }
    bool isOptimumShown() const;

    QString figureTitle() const override;
    /// One row per bin: bin_centre, then the fraction of each set drawn (raw, mitigated, filtered_pool), then
    /// optimum (the dashed line; empty when hidden).
    QString csvData() const override;

private:
    std::array<QCPBars*, EnergyHistogramData::SERIES> m_bars{};
    QCPBarsGroup* m_group = nullptr;
    QCPItemStraightLine* m_optimum = nullptr;
    EnergyHistogramData m_data;
};

/// (b) The success curves F_opt(T) of the random and the warm starts: the fraction of runs that reached the optimum
/// within T, as step curves over a logarithmic T axis up to the cap T_total (a dotted vertical line).
class SuccessCurvePlot final : public WarmstartPlot {
    Q_OBJECT

public:
    explicit SuccessCurvePlot(QWidget* parent = nullptr);
    ~SuccessCurvePlot() override;

    /// Shows both curves from the runs' first-success values (+infinity = never) under cap `cap` (> 0), in
    /// seconds when `timeBased`, else in iterations. Each curve starts at 0 at the axis' left end, steps up at
    /// every distinct finite t_i, and runs on to the cap. Redraws (queued).
    void setCurves(const std::vector<double>& randomFirstSuccess, const std::vector<double>& warmFirstSuccess,
                   double cap, bool timeBased);
    void clear();

    QCPGraph* curve(bool warm) const { return warm ? m_warm : m_random; }
    int pointCount(bool warm) const;
    /// (T, F(T)) of point k of a curve.
    QPointF pointAt(bool warm, int k) const;

    QString figureTitle() const override;
    /// One row per curve point: start ("random" or "warm"), T, F_opt; then the cap as start "cap".
    QString csvData() const override;

private:
    QCPGraph* m_random = nullptr;
    QCPGraph* m_warm = nullptr;
    QCPItemStraightLine* m_cap = nullptr;
};

/// (c) The Q-factor of the runs finished so far against their number, with its bootstrap interval as a band (and
/// as error bars, visible from the first point on) and a dashed line at Q = 1. `addRuns` only stores; the
/// estimate is recomputed (engine::estimateQFactor over all stored runs) at most every RECOMPUTE_INTERVAL_MS
/// while runs stream in, on a worker thread (the bootstrap can take tens of milliseconds; the GUI thread only adds
/// the point), and adds one point each time. Undefined estimates (no success yet, or no warm run yet) add no
/// point. `finish` ends the series with the experiment's own estimate, `recomputeNow` computes on the spot.
class LiveQFactorPlot final : public WarmstartPlot {
    Q_OBJECT

public:
    static constexpr int RECOMPUTE_INTERVAL_MS = 200;
    /// Bootstrap work (resamples x runs) one live recomputation may do on the GUI thread; above it the live
    /// interval uses fewer resamples (the finished experiment's own interval is unaffected).
    static constexpr std::size_t LIVE_BOOTSTRAP_WORK = 2'000'000;

    explicit LiveQFactorPlot(QWidget* parent = nullptr);
    ~LiveQFactorPlot() override;

    /// The estimator's options (cap T_total, resamples, level, seed); clears the plot.
    void setOptions(const engine::QFactorOptions& options);
    const engine::QFactorOptions& options() const { return m_options; }
    /// Removes every run and point.
    void clear();
    /// Stores finished runs and schedules a recomputation.
    void addRuns(const std::vector<WarmstartRunPoint>& points);
    /// Recomputes now, on the calling thread (when runs were added since the last time), and redraws. A
    /// background recomputation still under way is dropped.
    void recomputeNow();
    /// Ends the live series: `estimate` is the experiment's estimate over every stored run (it becomes current()
    /// and the last point, with its own interval) and nothing is recomputed; without one (a cancelled experiment),
    /// the stored runs are estimated once more in the background.
    void finish(const std::optional<engine::QFactorResult>& estimate);
    /// True while a background recomputation runs.
    bool isRecomputing() const;

    /// The stored first-success values of each start type, in arrival order.
    const std::vector<double>& randomTimes() const { return m_random; }
    const std::vector<double>& warmTimes() const { return m_warm; }
    /// The latest estimate (absent before one could be made).
    const std::optional<engine::QFactorResult>& current() const { return m_current; }
    int pointCount() const;
    /// (runs, Q) of point k, and the band (lower, upper) there.
    QPointF pointAt(int k) const;
    std::pair<double, double> bandAt(int k) const;

    QString figureTitle() const override;
    /// One row per point: runs, q, interval_lower, interval_upper.
    QString csvData() const override;

private:
    /// What one estimate gives: the runs it covers and the estimate (absent when the estimator refused).
    struct Estimate {
        std::size_t runs = 0;
        std::optional<engine::QFactorResult> result;
    };
    static Estimate estimate(const std::vector<double>& random, const std::vector<double>& warm,
                             engine::QFactorOptions options);
    void recomputeInBackground();
    void onBackgroundFinished();
    void addPoint(const Estimate& estimate);

    engine::QFactorOptions m_options;
    std::vector<double> m_random;
    std::vector<double> m_warm;
    std::optional<engine::QFactorResult> m_current;
    bool m_dirty = false;
    QTimer m_timer;
    QFutureWatcher<Estimate> m_watcher;  // the background recomputation
    int m_generation = 0;                // bumped by clear, recomputeNow and finish: drops a running estimate
    int m_watchedGeneration = 0;         // m_generation when the running estimate started
    QCPGraph* m_q = nullptr;
    QCPGraph* m_lower = nullptr;
    QCPGraph* m_upper = nullptr;
    QCPErrorBars* m_errors = nullptr;
    QCPItemStraightLine* m_one = nullptr;
};

/// (d), (e) The median Q-factor of a sweep against p (one line per family and N) or against N (one line per family
/// and p), with the range min..max of the graphs as error bars, on a logarithmic Q axis with a dashed line at
/// Q = 1. Groups whose median is not positive (no warm success, or undefined) cannot sit on the axis and are left
/// out of the lines.
class QFactorSweepPlot final : public WarmstartPlot {
    Q_OBJECT

public:
    enum class Axis { Depth, Size };

    explicit QFactorSweepPlot(Axis axis, QWidget* parent = nullptr);
    ~QFactorSweepPlot() override;

    /// Shows the summary rows. Redraws (queued).
    void setSummary(const std::vector<engine::WarmstartSummaryRow>& summary);
    void clear();

    Axis axis() const { return m_axis; }
    int lineCount() const { return static_cast<int>(m_lines.size()); }
    QString lineName(int line) const;
    int pointCount(int line) const;
    /// (p or N, median Q) of point k of a line, and its error bar (min Q, max Q).
    QPointF pointAt(int line, int k) const;
    std::pair<double, double> rangeAt(int line, int k) const;

    QString figureTitle() const override;
    /// One row per point: line (its legend name), p or N (by the axis), median_q, min_q, max_q (as drawn).
    QString csvData() const override;

private:
    struct Line {
        QCPGraph* graph = nullptr;
        QCPErrorBars* errors = nullptr;
    };
    Axis m_axis;
    std::vector<Line> m_lines;
    QCPItemStraightLine* m_one = nullptr;
};

} // namespace workbench
