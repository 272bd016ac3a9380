// SPDX-License-Identifier: MIT
// The export plumbing the circuit and routing views share: format by file suffix, the save dialog, PDF page setup.
#pragma once

#include <QSizeF>
#include <QString>

#include <functional>

class QPdfWriter;
class QWidget;

namespace workbench {

/// One writer per picture format; each returns whether the file was written.
struct FigureWriters {
    std::function<bool(const QString&)> png;
    std::function<bool(const QString&)> svg;
    std::function<bool(const QString&)> pdf;
};

/// Writes `path` with the writer its suffix picks (case-insensitive "svg" or "pdf"; anything else is PNG).
bool writeFigure(const QString& path, const FigureWriters& writers);

/// Asks for a file name with `filter` (PNG, SVG, PDF in that order), appends the suffix of the chosen filter when
/// the name has none, and writes it with `writers`; a failed write is reported in a warning box titled `title`
/// with `failureText` ("%1" is the path). Does nothing when the dialog is cancelled.
void exportFigureWithDialog(QWidget* parent, const QString& title, const QString& filter, const QString& failureText,
                            const FigureWriters& writers);

/// Sets up `writer` for one page of exactly `pagePoints` (72 dpi, no margins) titled `title`, so one scene unit
/// is one point.
void setUpFigurePdf(QPdfWriter& writer, const QString& title, const QSizeF& pagePoints);

} // namespace workbench
