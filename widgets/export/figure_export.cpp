// SPDX-License-Identifier: MIT
// Figure export shared by every plot and viewer: writing with options, the dialog flow, menus, the focused figure.
#include "export/figure_export.h"

#include "export/csv_export.h"
#include "export/exportable_figure.h"
#include "export/figure_export_dialog.h"

#include <QAction>
#include <QApplication>
#include <QCoreApplication>
#include <QCursor>
#include <QDir>
#include <QFileInfo>
#include <QMarginsF>
#include <QMenu>
#include <QMessageBox>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

namespace workbench {

namespace {

const QString LAST_DIRECTORY_KEY = QStringLiteral("figureExport/lastDirectory");

QString lastDirectory()
{
    const QString stored = QSettings().value(LAST_DIRECTORY_KEY).toString();
    if (!stored.isEmpty() && QFileInfo(stored).isDir())
        return stored;
    const QString pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    return pictures.isEmpty() ? QDir::homePath() : pictures;
}

} // namespace

bool exportFigureTo(const ExportableFigure& figure, const QString& path, const FigureOptions& options, QString* error)
{
    if (!figure.writeFigure(path, options)) {
        if (error)
            *error = QCoreApplication::translate("FigureExport", "Cannot write the figure to %1.")
                         .arg(QDir::toNativeSeparators(path));
        return false;
    }
    if (!options.writeCsv)
        return true;
    const QFileInfo info(path);
    const QString csvPath = info.dir().filePath(info.completeBaseName() + QStringLiteral(".csv"));
    return writeCsvFile(csvPath, figure.csvData(), error);
}

bool exportFigureWithDialog(QWidget* parent, const ExportableFigure& figure)
{
    FigureOptions options = loadFigureOptions();
    const QString path = QDir(lastDirectory())
                             .filePath(figureFileStem(figure.figureTitle()) + QLatin1Char('.')
                                       + figureFormatSuffix(options.format));
    FigureExportDialog dialog(figure.figureTitle(), options, path, figure.naturalFigureSize(),
                              figure.usesFigureFont(), parent);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    options = dialog.options();
    saveFigureOptions(options);
    QSettings().setValue(LAST_DIRECTORY_KEY, QFileInfo(dialog.path()).absolutePath());
    QString error;
    if (!exportFigureTo(figure, dialog.path(), options, &error)) {
        QMessageBox::warning(parent, dialog.windowTitle(), error);
        return false;
    }
    return true;
}

bool exportFigureDataWithDialog(QWidget* parent, const ExportableFigure& figure)
{
    return saveCsvWithDialog(parent, figure.csvData(),
                             QDir(lastDirectory()).filePath(figureFileStem(figure.figureTitle())));
}

void installFigureExportMenu(QWidget* menuWidget, ExportableFigure* figure, QWidget* dialogParent)
{
    if (menuWidget->focusPolicy() == Qt::NoFocus)
        menuWidget->setFocusPolicy(Qt::ClickFocus);
    menuWidget->setContextMenuPolicy(Qt::CustomContextMenu);
    const auto showMenu = [menuWidget, figure, dialogParent](const QPoint& where) {
        QMenu menu(menuWidget);
        QAction* picture = menu.addAction(QCoreApplication::translate("FigureExport", "Export figure…"));
        picture->setShortcut(figureExportShortcut());
        picture->setToolTip(QCoreApplication::translate("FigureExport", "Save the figure as PNG, SVG or PDF"));
        QAction* data = menu.addAction(QCoreApplication::translate("FigureExport", "Export data as CSV…"));
        data->setToolTip(QCoreApplication::translate("FigureExport", "Save the plotted data as a CSV table"));
        const QPoint at = menuWidget->rect().contains(where) ? menuWidget->mapToGlobal(where) : QCursor::pos();
        QAction* chosen = menu.exec(at);
        if (chosen == picture)
            exportFigureWithDialog(dialogParent, *figure);
        else if (chosen == data)
            exportFigureDataWithDialog(dialogParent, *figure);
    };
    QObject::connect(menuWidget, &QWidget::customContextMenuRequested, dialogParent, showMenu);
}

ExportableFigure* exportableFigureAt(QWidget* widget)
{
    for (QWidget* w = widget; w; w = w->parentWidget())
        if (auto* figure = dynamic_cast<ExportableFigure*>(w))
            return figure;
    return nullptr;
}

bool exportFocusedFigure(QWidget* window)
{
    const auto inside = [window](QWidget* w) { return w && (!window || w == window || window->isAncestorOf(w)); };
    ExportableFigure* figure = nullptr;
    if (QWidget* focus = QApplication::focusWidget(); inside(focus))
        figure = exportableFigureAt(focus);
    if (!figure)
        if (QWidget* hovered = QApplication::widgetAt(QCursor::pos()); inside(hovered))
            figure = exportableFigureAt(hovered);
    if (!figure)
        return false;
    exportFigureWithDialog(window, *figure);
    return true;
}

QString figureFileStem(const QString& title)
{
    static const QRegularExpression OTHER(QStringLiteral("[^\\w\\-]+"), QRegularExpression::UseUnicodePropertiesOption);
    QString stem = title.trimmed();
    stem.replace(OTHER, QStringLiteral("-"));
    while (stem.startsWith(QLatin1Char('-')))
        stem.remove(0, 1);
    while (stem.endsWith(QLatin1Char('-')))
        stem.chop(1);
    return stem.isEmpty() ? QStringLiteral("figure") : stem.toLower();
}

void setUpFigurePdf(QPdfWriter& writer, const QString& title, const QSizeF& pagePoints)
{
    writer.setResolution(72);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("QAOA Workbench"));
    writer.setPageSize(QPageSize(pagePoints, QPageSize::Point, QString(), QPageSize::ExactMatch));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Point);
}

} // namespace workbench
