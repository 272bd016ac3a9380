// SPDX-License-Identifier: MIT
// Building blocks the QAOA and transpile panels share: side tabs, spin boxes, register size, encoding.
#pragma once

#include "lcrp/lcrp_encoder.h"

#include <QString>

#include <cstddef>
#include <initializer_list>

class QLabel;
class QLayout;
class QSpinBox;
class QTabWidget;
class QWidget;

namespace workbench {

class ProjectDocument;

/// The tab widget and its options page (whose width sets the column's minimum width).
struct SideTabs {
    QTabWidget* tabs = nullptr;
    QWidget* optionsPage = nullptr;
};

/// Two scrolling tabs, created as children of `parent`: `options` on the first (titled `optionsTitle`), and
/// `figures` with `note` below it on the second (`resultsTitle`). The pages scroll vertically only and stretch
/// at the bottom so the rows stay at the top. The titles come from the caller so each panel keeps its own
/// translations.
SideTabs makeSideTabs(QWidget* parent, QLayout* options, QLayout* figures, QLabel* note, const QString& optionsTitle,
                      const QString& resultsTitle);

/// The narrow left column of a run panel, a child of `parent`: `tabs` (taking the spare height), the `buttons`
/// row, then `below` in order; wide enough for the options page without a horizontal scroll bar (at least 300 px).
QWidget* makeSideColumn(QWidget* parent, const SideTabs& tabs, QLayout* buttons, std::initializer_list<QWidget*> below);

/// A spin box over [low, high] with tool tip `tip` that reports only finished edits (no keyboard tracking), so a
/// typed number does not trigger work per digit.
QSpinBox* spinBox(int low, int high, const QString& tip, QWidget* parent);

/// The qubits of the project's QAOA register: one per assignment variable, plus the budget slack bits when the
/// exact objective carries a budget penalty.
struct RegisterSize {
    std::size_t assignment = 0;
    std::size_t slack = 0;
    std::size_t total() const { return assignment + slack; }
};

/// The register the document's instance and settings encode to. O(1).
RegisterSize registerSizeOf(const ProjectDocument& document);

/// The encoder options the document's settings choose (objective and budget slack bits; the rest default).
engine::LcrpEncoderOptions encoderOptionsOf(const ProjectDocument& document);

} // namespace workbench
