// SPDX-License-Identifier: MIT
// CsvWriter, the item-model table as CSV and the atomic CSV file write.
#include "export/csv_export.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QSaveFile>

namespace workbench {

void CsvWriter::addRow(const QStringList& fields)
{
    for (qsizetype k = 0; k < fields.size(); ++k) {
        if (k > 0)
            m_text += QLatin1Char(',');
        m_text += field(fields[k]);
    }
    m_text += QStringLiteral("\r\n");
}

QString CsvWriter::field(const QString& value)
{
    const bool quote = value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"'))
        || value.contains(QLatin1Char('\r')) || value.contains(QLatin1Char('\n'));
    if (!quote)
        return value;
    QString escaped = value;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString CsvWriter::number(double value)
{
    // QString::number ignores the default locale: always '.', never group separators.
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString CsvWriter::number(long long value)
{
    return QString::number(value);
}

QString tableModelCsv(const QAbstractItemModel& model)
{
    CsvWriter csv;
    const int columns = model.columnCount();
    QStringList header;
    for (int c = 0; c < columns; ++c)
        header << model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
    csv.addRow(header);
    for (int r = 0; r < model.rowCount(); ++r) {
        QStringList row;
        for (int c = 0; c < columns; ++c) {
            const QVariant value = model.data(model.index(r, c), Qt::DisplayRole);
            // Numbers keep full precision and '.'; text (already formatted for display) is taken as shown.
            if (value.typeId() == QMetaType::Double || value.typeId() == QMetaType::Float)
                row << CsvWriter::number(value.toDouble());
            else
                row << value.toString();
        }
        csv.addRow(row);
    }
    return csv.text();
}

bool writeCsvFile(const QString& path, const QString& csv, QString* error)
{
    QSaveFile file(path);
    const QByteArray bytes = csv.toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = QCoreApplication::translate("FigureExport", "Cannot write %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

bool saveCsvWithDialog(QWidget* parent, const QString& csv, const QString& suggestedName)
{
    const QString title = QCoreApplication::translate("FigureExport", "Export Data as CSV");
    QString path = QFileDialog::getSaveFileName(parent, title, suggestedName + QStringLiteral(".csv"),
                                                QCoreApplication::translate("FigureExport", "CSV table (*.csv)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".csv");
    QString error;
    if (!writeCsvFile(path, csv, &error)) {
        QMessageBox::warning(parent, title, error);
        return false;
    }
    return true;
}

} // namespace workbench
