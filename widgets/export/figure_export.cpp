// SPDX-License-Identifier: MIT
// The export plumbing the circuit and routing views share: format by file suffix, the save dialog, PDF page setup.
#include "export/figure_export.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMarginsF>
#include <QMessageBox>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>

namespace workbench {

bool writeFigure(const QString& path, const FigureWriters& writers)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("svg"))
        return writers.svg(path);
    if (suffix == QLatin1String("pdf"))
        return writers.pdf(path);
    return writers.png(path);
}

void exportFigureWithDialog(QWidget* parent, const QString& title, const QString& filter, const QString& failureText,
                            const FigureWriters& writers)
{
    QString chosenFilter;
    QString path = QFileDialog::getSaveFileName(parent, title, QString(), filter, &chosenFilter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += chosenFilter.contains(QLatin1String("*.svg"))   ? QStringLiteral(".svg")
              : chosenFilter.contains(QLatin1String("*.pdf")) ? QStringLiteral(".pdf")
                                                              : QStringLiteral(".png");
    if (!writeFigure(path, writers))
        QMessageBox::warning(parent, title, failureText.arg(path));
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
