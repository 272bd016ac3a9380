// SPDX-License-Identifier: MIT
// ExperimentPlot: a metric of an experiment against one swept axis, one series per value of the other axes, live.
#pragma once

#include "experiment/experiment_row.h"

#include <QPointF>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPGraph;

namespace workbench {

/// Owns a QCustomPlot. x is the chosen axis (its numbers; text values such as mixers are placed at 0, 1, ... in
/// order of first appearance and labelled), y the chosen metric; every distinct combination of the other axes'
/// values is one series (line with markers, a colour each), in order of first appearance in (point, sub) order.
/// When the metric is "valid_rate" and the table has "random_valid_rate", every series is drawn with its
/// uniform-random baseline: a dashed line of the same colour named "<series> (random)". Failed rows and empty
/// cells are left out. Rows may arrive in any order; the plot is rebuilt from all rows and replotted (queued).
class ExperimentPlot final : public QWidget {
    Q_OBJECT

public:
    explicit ExperimentPlot(QWidget* parent = nullptr);
    ~ExperimentPlot() override;

    /// Sets the columns, removes every row and picks defaults: the first axis as x, and "valid_rate" when the
    /// table has it, else the first metric.
    void setHeader(const engine::ExperimentHeader& header);
    /// The x axis (an axis name of the header; others are ignored).
    void setXAxis(const QString& axis);
    /// The plotted metric (a metric name of the header; others are ignored).
    void setMetric(const QString& metric);
    /// Adds rows (live) and redraws.
    void addRows(const std::vector<engine::ExperimentRow>& rows);
    /// Removes every row.
    void clear();

    QString xAxis() const { return m_xAxis; }
    QString metric() const { return m_metric; }
    const engine::ExperimentHeader& header() const { return m_header; }

    /// Series drawn (baselines not counted), and their names ("mixer=x, lambda_q=5"; "all" with one axis).
    int seriesCount() const { return static_cast<int>(m_series.size()); }
    QString seriesName(int series) const;
    int pointCount(int series) const;
    /// (x, y) of point k of a series, in x order.
    QPointF pointAt(int series, int k) const;
    /// Whether the series has its random baseline, its points and (x, baseline) of point k.
    bool hasBaseline(int series) const;
    int baselinePointCount(int series) const;
    QPointF baselinePointAt(int series, int k) const;
    /// Category labels of a text x axis (empty for a numeric one).
    QStringList categories() const { return m_categories; }

    QCustomPlot* customPlot() const { return m_plot; }

private:
    void rebuild();

    struct Series {
        QString name;
        QCPGraph* graph = nullptr;
        QCPGraph* baseline = nullptr;
    };

    QCustomPlot* m_plot = nullptr;
    engine::ExperimentHeader m_header;
    std::vector<engine::ExperimentRow> m_rows;
    std::vector<Series> m_series;
    QStringList m_categories;
    QString m_xAxis;
    QString m_metric;
};

} // namespace workbench
