// SPDX-License-Identifier: MIT
// A small RFC 4180 reader for the export tests: quoted fields, doubled quotes, CRLF rows.
#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace test_support {

/// The rows of `text` (CRLF-terminated, RFC 4180 quoting). Returns an empty list and sets `ok` false on a
/// malformed document (a bare LF, an unterminated quote, text after a closing quote).
inline std::vector<QStringList> readCsv(const QString& text, bool* ok = nullptr)
{
    std::vector<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    bool afterQuote = false;
    bool good = true;
    for (qsizetype i = 0; i < text.size() && good; ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                    afterQuote = true;
                }
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"') && field.isEmpty() && !afterQuote) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
            afterQuote = false;
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text[i + 1] == QLatin1Char('\n')) {
            row << field;
            rows.push_back(row);
            row.clear();
            field.clear();
            afterQuote = false;
            ++i;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r') || afterQuote) {
            good = false;
        } else {
            field += c;
        }
    }
    if (quoted || !field.isEmpty() || !row.isEmpty())
        good = false;
    if (ok)
        *ok = good;
    return good ? rows : std::vector<QStringList>{};
}

} // namespace test_support
