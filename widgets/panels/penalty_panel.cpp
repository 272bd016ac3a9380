// SPDX-License-Identifier: MIT
// PenaltyPanel: spin boxes that push merged ChangeValue commands and mirror the document.
#include "panels/penalty_panel.h"

#include "commands/change_value.h"
#include "commands/document_targets.h"
#include "document/project_document.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QSignalBlocker>
#include <QSpinBox>

namespace workbench {

namespace {

constexpr double MAX_PENALTY_WEIGHT = 1e6;
constexpr double MAX_BUDGET_USD = 1e9;

QDoubleSpinBox* makeWeightSpin(QWidget* parent, const QString& toolTip)
{
    auto* spin = new QDoubleSpinBox(parent);
    spin->setRange(0.0, MAX_PENALTY_WEIGHT);
    spin->setDecimals(2);
    spin->setSingleStep(1.0);
    spin->setAccelerated(true);
    spin->setKeyboardTracking(false);
    spin->setToolTip(toolTip);
    return spin;
}

QString undoText(const char* sourceText)
{
    return QCoreApplication::translate("UndoCommands", sourceText);
}

/// Every value a spin box emits becomes a ChangeValue with `mergeId`, so a run of steps is one undo step.
template <typename Target>
void connectWeight(QDoubleSpinBox* spin, ProjectDocument* document, Target target, const char* text, int mergeId)
{
    QObject::connect(spin, &QDoubleSpinBox::valueChanged, spin, [=](double value) {
        pushChangeValue(document, target, value, undoText(text), mergeId);
    });
}

} // namespace

PenaltyPanel::PenaltyPanel(ProjectDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
{
    m_assignment = makeWeightSpin(
        this, tr("Weight of the one-hot penalty (1 - sum_j x_ij)^2: every task takes exactly one model"));
    m_quality = makeWeightSpin(this, tr("Weight of the quality penalty P_ij = 10 when q_j < q_min(i)"));
    m_budgetWeight = makeWeightSpin(this, tr("Weight of the budget penalty max(0, cost - B)^2 / B^2"));
    m_latency = makeWeightSpin(
        this, tr("Weight of the latency penalty L_ij = 5 when the model is slower than the SLA"));
    m_context = makeWeightSpin(
        this, tr("Weight of the context penalty K_ij = 10 when the task does not fit the context window"));

    m_budget = new QDoubleSpinBox(this);
    m_budget->setRange(0.01, MAX_BUDGET_USD);
    m_budget->setDecimals(2);
    m_budget->setSingleStep(0.5);
    m_budget->setPrefix(QStringLiteral("$"));
    m_budget->setAccelerated(true);
    m_budget->setKeyboardTracking(false);
    m_budget->setToolTip(tr("Budget B in USD for the whole batch"));

    m_slackBits = new QSpinBox(this);
    m_slackBits->setRange(0, MAX_BUDGET_SLACK_BITS);
    m_slackBits->setKeyboardTracking(false);
    m_slackBits->setToolTip(tr("Binary slack variables that put the budget into the QUBO; 0 leaves it out"));

    m_objective = new QComboBox(this);
    m_objective->addItem(tr("Exact (with context and budget)"), static_cast<int>(engine::LcrpObjectiveKind::Exact));
    m_objective->addItem(tr("Reference v2 (as the paper's code)"),
                         static_cast<int>(engine::LcrpObjectiveKind::ReferenceV2));
    m_objective->setToolTip(tr("Which objective the QUBO, the solvers and the evaluation use"));

    auto* form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("One-hot λ_A:"), m_assignment);
    form->addRow(tr("Quality λ_Q:"), m_quality);
    form->addRow(tr("Budget λ_B:"), m_budgetWeight);
    form->addRow(tr("Latency λ_L:"), m_latency);
    form->addRow(tr("Context λ_C:"), m_context);
    form->addRow(tr("Budget B:"), m_budget);
    form->addRow(tr("Slack bits K:"), m_slackBits);
    form->addRow(tr("Objective:"), m_objective);

    connectWeight(m_assignment, document, PenaltyField<&engine::LcrpPenalties::assignment>{},
                  QT_TRANSLATE_NOOP("UndoCommands", "Change One-Hot Penalty"), PenaltyAssignmentId);
    connectWeight(m_quality, document, PenaltyField<&engine::LcrpPenalties::quality>{},
                  QT_TRANSLATE_NOOP("UndoCommands", "Change Quality Penalty"), PenaltyQualityId);
    connectWeight(m_budgetWeight, document, PenaltyField<&engine::LcrpPenalties::budget>{},
                  QT_TRANSLATE_NOOP("UndoCommands", "Change Budget Penalty"), PenaltyBudgetId);
    connectWeight(m_latency, document, PenaltyField<&engine::LcrpPenalties::latency>{},
                  QT_TRANSLATE_NOOP("UndoCommands", "Change Latency Penalty"), PenaltyLatencyId);
    connectWeight(m_context, document, PenaltyField<&engine::LcrpPenalties::context>{},
                  QT_TRANSLATE_NOOP("UndoCommands", "Change Context Penalty"), PenaltyContextId);
    connectWeight(m_budget, document, BudgetField{}, QT_TRANSLATE_NOOP("UndoCommands", "Change Budget"),
                  BudgetUsdId);
    connect(m_slackBits, &QSpinBox::valueChanged, this, [this](int value) {
        pushChangeValue(m_document, SettingsField<&WorkbenchSettings::budgetSlackBits>{}, value,
                        undoText(QT_TRANSLATE_NOOP("UndoCommands", "Change Slack Bits")), BudgetSlackBitsId);
    });
    connect(m_objective, &QComboBox::currentIndexChanged, this, [this](int) {
        const auto kind = static_cast<engine::LcrpObjectiveKind>(m_objective->currentData().toInt());
        pushChangeValue(m_document, SettingsField<&WorkbenchSettings::objective>{}, kind,
                        undoText(QT_TRANSLATE_NOOP("UndoCommands", "Change Objective")), ObjectiveId);
    });

    connect(document, &ProjectDocument::changed, this, [this](const ChangeEvent& event) {
        if (event.kind == ChangeEvent::Kind::Reset || event.kind == ChangeEvent::Kind::ProblemChanged
            || event.kind == ChangeEvent::Kind::SettingsChanged)
            refresh();
    });
    refresh();
}

void PenaltyPanel::refresh()
{
    const engine::LcrpInstance& instance = m_document->instance();
    const auto set = [](auto* spin, auto value) {
        const QSignalBlocker blocker(spin);
        spin->setValue(value);
    };
    set(m_assignment, instance.penalties.assignment);
    set(m_quality, instance.penalties.quality);
    set(m_budgetWeight, instance.penalties.budget);
    set(m_latency, instance.penalties.latency);
    set(m_context, instance.penalties.context);
    set(m_budget, instance.budgetUsd);
    set(m_slackBits, m_document->settings().budgetSlackBits);
    const QSignalBlocker blocker(m_objective);
    m_objective->setCurrentIndex(m_objective->findData(static_cast<int>(m_document->settings().objective)));
}

} // namespace workbench
