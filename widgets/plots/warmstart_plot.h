// SPDX-License-Identifier: MIT
// WarmstartPlot: the shared frame of the warm-start panel's plots (QCustomPlot, legend, export).
#pragma once

#include "export/exportable_figure.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <utility>

class QCustomPlot;

namespace workbench {

/// The shared frame of the warm-start plots: a QCustomPlot filling the widget with the workbench's screen and
/// legend style, and export as PNG, SVG or PDF with the figure options (the plot's context menu, or `exportTo`).
/// Subclasses name the figure and give its data as CSV.
class WarmstartPlot : public QWidget, public ExportableFigure {
    Q_OBJECT

public:
    explicit WarmstartPlot(QWidget* parent = nullptr);
    ~WarmstartPlot() override;

    QCustomPlot* customPlot() const { return m_plot; }
    /// Names of the legend's entries, top to bottom.
    QStringList legendNames() const;
    /// The key (x) and value (y) axis ranges.
    std::pair<double, double> keyRange() const;
    std::pair<double, double> valueRange() const;
    QString keyLabel() const;
    QString valueLabel() const;
    bool isKeyLogarithmic() const;
    bool isValueLogarithmic() const;

    /// Writes the plot in the light style at its current size (at least 600 x 400 px) and 96 DPI, in the format
    /// the suffix of `path` names.
    bool exportTo(const QString& path) const;
    /// Shows the export dialog and exports.
    void exportWithDialog();

    bool writeFigure(const QString& path, const FigureOptions& options) const override;

protected:
    /// Redraws (queued).
    void queueReplot();

    QCustomPlot* m_plot = nullptr;
};

} // namespace workbench
