// SPDX-License-Identifier: MIT
// PenaltyPanel: undoable spin boxes for the penalty weights, the budget and the QUBO encoding options.
#pragma once

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace workbench {

class ProjectDocument;

/// Edits lambda_A, lambda_Q, lambda_B, lambda_L, lambda_C, the budget B, the number of budget slack bits and
/// the objective kind. Every change is a ChangeValue command; consecutive changes of one field merge into one
/// undo step (UndoId). Follows the document's change events, so undo and redo show up in the spin boxes.
class PenaltyPanel final : public QWidget {
    Q_OBJECT

public:
    explicit PenaltyPanel(ProjectDocument* document, QWidget* parent = nullptr);

    QDoubleSpinBox* assignmentSpin() const { return m_assignment; }
    QDoubleSpinBox* qualitySpin() const { return m_quality; }
    QDoubleSpinBox* budgetWeightSpin() const { return m_budgetWeight; }
    QDoubleSpinBox* latencySpin() const { return m_latency; }
    QDoubleSpinBox* contextSpin() const { return m_context; }
    QDoubleSpinBox* budgetSpin() const { return m_budget; }
    QSpinBox* slackBitsSpin() const { return m_slackBits; }
    QComboBox* objectiveCombo() const { return m_objective; }

private:
    void refresh();

    ProjectDocument* m_document;
    QDoubleSpinBox* m_assignment = nullptr;
    QDoubleSpinBox* m_quality = nullptr;
    QDoubleSpinBox* m_budgetWeight = nullptr;
    QDoubleSpinBox* m_latency = nullptr;
    QDoubleSpinBox* m_context = nullptr;
    QDoubleSpinBox* m_budget = nullptr;
    QSpinBox* m_slackBits = nullptr;
    QComboBox* m_objective = nullptr;
};

} // namespace workbench
