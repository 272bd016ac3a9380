// SPDX-License-Identifier: MIT
// The look every QCustomPlot of the workbench shares: compact inset legend, horizontal reference lines.
#pragma once

#include <Qt>

class QCPItemStraightLine;
class QCustomPlot;
class QFont;

namespace workbench {

/// A visible legend inside the axis rect at `corner`, in 80 % of `base`'s size on a translucent white box with
/// small icons and tight rows, so it covers little of the data.
void styleInsetLegend(QCustomPlot* plot, const QFont& base, Qt::Alignment corner = Qt::AlignTop | Qt::AlignRight);

/// Places `line` horizontally at data value `y` (its two points at x = 0 and 1 of the axis rect's line).
void setHorizontalLine(QCPItemStraightLine* line, double y);

} // namespace workbench
