// SPDX-License-Identifier: MIT
// Conversions of edit values (from editors, paste or tests) to numbers, shared by the table models.
#pragma once

#include <QLocale>
#include <QVariant>

#include <cmath>

namespace workbench {

/// Reads a finite number from a numeric QVariant or from text in the C or the current locale.
inline bool editValueToNumber(const QVariant& value, double& out)
{
    bool ok = false;
    if (value.typeId() == QMetaType::QString) {
        const QString text = value.toString().trimmed();
        out = text.toDouble(&ok);
        if (!ok)
            out = QLocale().toDouble(text, &ok);
    } else {
        out = value.toDouble(&ok);
    }
    return ok && std::isfinite(out);
}

/// True for the "no explicit value" of an optional field: an invalid or null QVariant or blank text.
inline bool editValueIsUnset(const QVariant& value)
{
    return !value.isValid() || value.isNull()
        || (value.typeId() == QMetaType::QString && value.toString().trimmed().isEmpty());
}

} // namespace workbench
