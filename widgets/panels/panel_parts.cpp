// SPDX-License-Identifier: MIT
// Building blocks the QAOA and transpile panels share: side tabs, spin boxes, register size, encoding.
#include "panels/panel_parts.h"

#include "document/project_document.h"

#include <QFrame>
#include <QLabel>
#include <QScrollArea>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <initializer_list>
#include <utility>

namespace workbench {

SideTabs makeSideTabs(QWidget* parent, QLayout* options, QLayout* figures, QLabel* note, const QString& optionsTitle,
                      const QString& resultsTitle)
{
    auto* optionsPage = new QWidget(parent);
    auto* optionsLayout = new QVBoxLayout(optionsPage);
    optionsLayout->addLayout(options);
    optionsLayout->addStretch(1);
    auto* resultsPage = new QWidget(parent);
    auto* resultsLayout = new QVBoxLayout(resultsPage);
    resultsLayout->addLayout(figures);
    resultsLayout->addWidget(note);
    resultsLayout->addStretch(1);
    auto* tabs = new QTabWidget(parent);
    for (auto [page, title] : {std::pair{optionsPage, optionsTitle}, std::pair{resultsPage, resultsTitle}}) {
        auto* scroll = new QScrollArea(tabs);
        scroll->setWidget(page);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        tabs->addTab(scroll, title);
    }
    return {tabs, optionsPage};
}

QWidget* makeSideColumn(QWidget* parent, const SideTabs& tabs, QLayout* buttons, std::initializer_list<QWidget*> below)
{
    auto* side = new QWidget(parent);
    auto* layout = new QVBoxLayout(side);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tabs.tabs, 1);
    layout->addLayout(buttons);
    for (QWidget* w : below)
        layout->addWidget(w);
    side->setMinimumWidth(std::max(tabs.optionsPage->sizeHint().width(), 300) + 24);
    return side;
}

QSpinBox* spinBox(int low, int high, const QString& tip, QWidget* parent)
{
    auto* box = new QSpinBox(parent);
    box->setRange(low, high);
    box->setKeyboardTracking(false);
    box->setToolTip(tip);
    return box;
}

RegisterSize registerSizeOf(const ProjectDocument& document)
{
    const engine::LcrpInstance& instance = document.instance();
    const WorkbenchSettings& s = document.settings();
    const bool budget = s.objective == engine::LcrpObjectiveKind::Exact && instance.penalties.budget != 0.0;
    return {instance.numAssignmentVariables(), budget ? static_cast<std::size_t>(s.budgetSlackBits) : 0};
}

engine::LcrpEncoderOptions encoderOptionsOf(const ProjectDocument& document)
{
    engine::LcrpEncoderOptions options;
    options.objective = document.settings().objective;
    options.budgetSlackBits = document.settings().budgetSlackBits;
    return options;
}

} // namespace workbench
