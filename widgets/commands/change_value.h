// SPDX-License-Identifier: MIT
// ChangeValue<Target>: the one generic undo command for scalar edits, merging repeated edits by id.
#pragma once

#include "commands/undo_ids.h"
#include "document/project_document.h"

#include <QUndoCommand>
#include <QUndoStack>

#include <utility>

namespace workbench {

/// Sets one value of a ProjectDocument. `Target` names the value by stable coordinates (a row and a field,
/// never a pointer, because remove and undo re-create rows) and provides:
///   using Value = ...;                                   // regular, equality-comparable
///   Value get(const ProjectDocument&) const;
///   void set(ProjectDocument&, const Value&) const;      // through a document mutator
///   bool operator==(const Target&) const;
/// Redo and undo swap the stored value with the document's. Consecutive commands with the same id() and
/// the same target merge (the later value wins); a command whose net change is nil becomes obsolete, so the
/// stack drops it (a no-op edit never appears as an undo step).
template <typename Target>
class ChangeValue final : public QUndoCommand {
public:
    using Value = typename Target::Value;

    ChangeValue(ProjectDocument* document, Target target, Value value, const QString& text,
                int mergeId = NoMergeId, QUndoCommand* parent = nullptr)
        : QUndoCommand(text, parent)
        , m_document(document)
        , m_target(std::move(target))
        , m_oldValue(m_target.get(*document))
        , m_newValue(std::move(value))
        , m_mergeId(mergeId)
    {
    }

    void redo() override
    {
        if (m_newValue == m_oldValue) {
            setObsolete(true);
            return;
        }
        m_target.set(*m_document, m_newValue);
    }

    void undo() override
    {
        if (!(m_newValue == m_oldValue))
            m_target.set(*m_document, m_oldValue);
    }

    int id() const override { return m_mergeId; }

    bool mergeWith(const QUndoCommand* other) override
    {
        const auto* next = dynamic_cast<const ChangeValue*>(other);
        if (next == nullptr || next->m_document != m_document || !(next->m_target == m_target))
            return false;
        m_newValue = next->m_newValue;
        // Merged back to where it started: QUndoStack removes the command.
        setObsolete(m_newValue == m_oldValue);
        return true;
    }

    const Target& target() const { return m_target; }
    const Value& oldValue() const { return m_oldValue; }
    const Value& newValue() const { return m_newValue; }

private:
    ProjectDocument* m_document;
    Target m_target;
    Value m_oldValue;
    Value m_newValue;
    int m_mergeId;
};

/// Pushes a ChangeValue unless `value` already is the current value, so a no-op edit neither appears on the
/// stack nor discards the redo history (QUndoStack::push truncates it even for commands it then drops).
/// Returns whether a command was pushed.
template <typename Target>
bool pushChangeValue(ProjectDocument* document, Target target, typename Target::Value value, const QString& text,
                     int mergeId = NoMergeId)
{
    if (target.get(*document) == value)
        return false;
    document->undoStack()->push(new ChangeValue<Target>(document, std::move(target), std::move(value), text, mergeId));
    return true;
}

} // namespace workbench
