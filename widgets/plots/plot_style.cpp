// SPDX-License-Identifier: MIT
// The look every QCustomPlot of the workbench shares: compact inset legend, horizontal reference lines.
#include "plots/plot_style.h"

#include <qcustomplot.h>

namespace workbench {

void styleInsetLegend(QCustomPlot* plot, const QFont& base, Qt::Alignment corner)
{
    QFont small = base;
    small.setPointSizeF(base.pointSizeF() * 0.8);
    plot->legend->setVisible(true);
    plot->legend->setFont(small);
    plot->legend->setBrush(QColor(255, 255, 255, 190));
    plot->legend->setIconSize(16, 8);
    plot->legend->setRowSpacing(-3);
    plot->axisRect()->insetLayout()->setInsetAlignment(0, corner);
}

void setHorizontalLine(QCPItemStraightLine* line, double y)
{
    line->point1->setCoords(0.0, y);
    line->point2->setCoords(1.0, y);
}

} // namespace workbench
