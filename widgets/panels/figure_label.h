// SPDX-License-Identifier: MIT
// The selectable, word-wrapping value label that result panels show beside each figure's name.
#pragma once

#include <QLabel>
#include <QString>

namespace workbench {

/// A QLabel showing "–" until a result arrives, selectable with the mouse, wrapping long text, and named
/// `objectName` so tests can find it.
inline QLabel* makeFigureLabel(QWidget* parent, const char* objectName)
{
    auto* label = new QLabel(QStringLiteral("–"), parent);
    label->setObjectName(QString::fromLatin1(objectName));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

} // namespace workbench
