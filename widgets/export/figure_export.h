// SPDX-License-Identifier: MIT
// Figure export shared by every plot and viewer: the export and CSV actions, the dialog flow, PDF page setup.
#pragma once

#include "export/figure_options.h"

#include <QKeySequence>
#include <QSizeF>
#include <QString>

class QPdfWriter;
class QWidget;

namespace workbench {

class ExportableFigure;

/// The shortcut the main window's "Export figure…" action should carry (shown in the plots' context menus).
inline QKeySequence figureExportShortcut()
{
    return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E);
}

/// Writes `figure` to `path` with `options` (the format is options.format) and, when options.writeCsv, its data
/// to the same name with the suffix ".csv". Returns false and sets `error` (translated, naming the file) when a
/// file cannot be written.
bool exportFigureTo(const ExportableFigure& figure, const QString& path, const FigureOptions& options,
                    QString* error = nullptr);

/// Shows the FigureExportDialog for `figure` with the options last used, writes the chosen file(s) and remembers
/// the options; a failure is reported in a warning box. Returns whether the figure was written.
bool exportFigureWithDialog(QWidget* parent, const ExportableFigure& figure);
/// Asks for a CSV file name and writes figure.csvData(). Returns whether the file was written.
bool exportFigureDataWithDialog(QWidget* parent, const ExportableFigure& figure);

/// Gives `menuWidget` a context menu with "Export figure…" and "Export data as CSV…" for `figure`, whose dialogs
/// are parented to `dialogParent`. `menuWidget` also takes the focus on a click (so exportFocusedFigure finds it).
void installFigureExportMenu(QWidget* menuWidget, ExportableFigure* figure, QWidget* dialogParent);

/// The nearest exportable view at or above `widget` (walking up the parents), or nullptr.
ExportableFigure* exportableFigureAt(QWidget* widget);
/// The main window's "File > Export figure…": finds the exportable view that has the keyboard focus, or else the
/// one under the mouse pointer, inside `window` and runs exportFigureWithDialog for it. Returns false when there
/// is none (the caller may then say so); true when the dialog was shown, whether or not the user saved.
bool exportFocusedFigure(QWidget* window);

/// A file name (without suffix) made of `title`: letters, digits, '-' and '_' kept, other runs turned into '-'.
QString figureFileStem(const QString& title);

/// Sets up `writer` for one page of exactly `pagePoints` (72 dpi, no margins) titled `title`, so one scene unit
/// is one point.
void setUpFigurePdf(QPdfWriter& writer, const QString& title, const QSizeF& pagePoints);

} // namespace workbench
