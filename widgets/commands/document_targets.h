// SPDX-License-Identifier: MIT
// Targets for ChangeValue: one field of a task, a model, the penalties, the budget or the settings.
#pragma once

#include "document/project_document.h"

#include <cstddef>
#include <type_traits>

namespace workbench {

namespace detail {
template <typename Owner, auto Member>
using MemberType = std::remove_cvref_t<decltype(std::declval<Owner&>().*Member)>;
} // namespace detail

/// Field `Member` of the task in row `row`, for example TaskField<&engine::LcrpTask::tokens>{2}.
template <auto Member>
struct TaskField {
    using Value = detail::MemberType<engine::LcrpTask, Member>;
    int row = 0;

    Value get(const ProjectDocument& document) const
    {
        return document.instance().tasks.at(static_cast<std::size_t>(row)).*Member;
    }
    void set(ProjectDocument& document, const Value& value) const
    {
        engine::LcrpTask task = document.instance().tasks.at(static_cast<std::size_t>(row));
        task.*Member = value;
        document.setTask(row, task);
    }
    bool operator==(const TaskField&) const = default;
};

/// Field `Member` of the model in row `row`.
template <auto Member>
struct ModelField {
    using Value = detail::MemberType<engine::LcrpModel, Member>;
    int row = 0;

    Value get(const ProjectDocument& document) const
    {
        return document.instance().models.at(static_cast<std::size_t>(row)).*Member;
    }
    void set(ProjectDocument& document, const Value& value) const
    {
        engine::LcrpModel model = document.instance().models.at(static_cast<std::size_t>(row));
        model.*Member = value;
        document.setModel(row, model);
    }
    bool operator==(const ModelField&) const = default;
};

/// One penalty weight, for example PenaltyField<&engine::LcrpPenalties::quality>.
template <auto Member>
struct PenaltyField {
    using Value = detail::MemberType<engine::LcrpPenalties, Member>;

    Value get(const ProjectDocument& document) const { return document.instance().penalties.*Member; }
    void set(ProjectDocument& document, const Value& value) const
    {
        engine::LcrpPenalties penalties = document.instance().penalties;
        penalties.*Member = value;
        document.setPenalties(penalties);
    }
    bool operator==(const PenaltyField&) const = default;
};

/// The budget B in USD.
struct BudgetField {
    using Value = double;

    Value get(const ProjectDocument& document) const { return document.instance().budgetUsd; }
    void set(ProjectDocument& document, const Value& value) const { document.setBudgetUsd(value); }
    bool operator==(const BudgetField&) const = default;
};

/// One workbench setting, for example SettingsField<&WorkbenchSettings::seed>.
template <auto Member>
struct SettingsField {
    using Value = detail::MemberType<WorkbenchSettings, Member>;

    Value get(const ProjectDocument& document) const { return document.settings().*Member; }
    void set(ProjectDocument& document, const Value& value) const
    {
        WorkbenchSettings settings = document.settings();
        settings.*Member = value;
        document.setSettings(settings);
    }
    bool operator==(const SettingsField&) const = default;
};

} // namespace workbench
