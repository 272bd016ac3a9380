// SPDX-License-Identifier: MIT
// CSV text of plotted data: RFC 4180 quoting, CRLF rows, '.' as the decimal point whatever the locale.
#pragma once

#include <QString>
#include <QStringList>

#include <initializer_list>

class QAbstractItemModel;
class QWidget;

namespace workbench {

/// Builds one CSV document row by row (RFC 4180: fields with a comma, quote, CR or LF are quoted and quotes
/// doubled; rows end in CRLF). Numbers are written in the C locale with the shortest text that reads back as
/// the same double ("0.1", "1e-12", "nan", "inf"), so files read the same in every language.
///
/// Column names are fixed identifiers (not translated), so a script reads the files of every language alike.
class CsvWriter {
public:
    /// Appends a row of text fields.
    void addRow(const QStringList& fields);
    /// The text written so far.
    const QString& text() const { return m_text; }

    /// One field, quoted when it must be.
    static QString field(const QString& value);
    /// A number as described above.
    static QString number(double value);
    /// An integer.
    static QString number(long long value);

private:
    QString m_text;
};

/// The display text of every row and column of `model` (top level), with its horizontal header as the first row.
QString tableModelCsv(const QAbstractItemModel& model);

/// Writes `csv` as UTF-8 (no byte-order mark) to `path` atomically. Returns false and sets `error` (translated,
/// naming the file) when it cannot.
bool writeCsvFile(const QString& path, const QString& csv, QString* error = nullptr);

/// Asks for a file name (suggested `suggestedName`.csv) and writes `csv`; a failure is reported in a warning box.
/// Returns whether a file was written.
bool saveCsvWithDialog(QWidget* parent, const QString& csv, const QString& suggestedName);

} // namespace workbench
