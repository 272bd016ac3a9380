// SPDX-License-Identifier: MIT
// Merge ids of undo commands: consecutive commands with the same id (and target) fold into one undo step.
#pragma once

namespace workbench {

/// QUndoCommand::id() values. -1 (Qt's default) means "never merge"; table edits use it, because each
/// committed cell edit is a deliberate step. Spin boxes emit a value per click or key, so they merge.
enum UndoId : int {
    NoMergeId = -1,
    PenaltyAssignmentId = 1,
    PenaltyQualityId,
    PenaltyBudgetId,
    PenaltyLatencyId,
    PenaltyContextId,
    BudgetUsdId,
    BudgetSlackBitsId,
    ObjectiveId,
    SolverChoiceId,
    SeedId,
    AnnealingStepsId,
    AnnealingRestartsId,
    ExactBudgetModeId,
    ExactPairConstraintsId,
    ExactTimeLimitId,
};

} // namespace workbench
