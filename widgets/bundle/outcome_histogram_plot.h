// SPDX-License-Identifier: MIT
// OutcomeHistogramPlot: bars of the most probable basis states of any QUBO, with bitstring and energy on hover.
#pragma once

#include "bundle/bundle_plot_data.h"

#include <QPointF>
#include <QString>
#include <QWidget>

#include <cstddef>
#include <vector>

class QCustomPlot;
class QCPBars;
class QMouseEvent;

namespace workbench {

/// Owns a QCustomPlot with one QCPBars: bar k (key k) is the k-th entry of `setOutcomes`, its height the
/// probability. Used for bundles of Max-Cut, MIS and general QUBO problems, whose states have no one-hot
/// validity to colour (LCRP bundles use StateHistogramPlot). Hovering a bar shows its bitstring (variable 0
/// first), probability and QUBO energy.
class OutcomeHistogramPlot final : public QWidget {
    Q_OBJECT

public:
    explicit OutcomeHistogramPlot(QWidget* parent = nullptr);
    ~OutcomeHistogramPlot() override;

    /// Shows `bars` (most probable first) of a `numBits`-bit register; `valueLabel` names the value axis
    /// ("probability", "frequency"). Redraws (queued).
    void setOutcomes(const std::vector<OutcomeBar>& bars, std::size_t numBits, const QString& valueLabel);
    void clear();

    QCustomPlot* customPlot() const { return m_plot; }
    QCPBars* bars() const { return m_bars; }
    int barCount() const;
    /// Bitstring of bar k, variable 0 first.
    QString barLabel(int k) const;
    /// The hover text of bar k.
    QString describeBar(int k) const;
    /// The bar under `pixel` (customPlot() coordinates), or -1.
    int barIndexAt(const QPointF& pixel) const;

private:
    void onMouseMove(QMouseEvent* event);

    QCustomPlot* m_plot = nullptr;
    QCPBars* m_bars = nullptr;
    std::vector<OutcomeBar> m_data;
    std::size_t m_numBits = 0;
};

} // namespace workbench
