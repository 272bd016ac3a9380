// SPDX-License-Identifier: MIT
// The typed change notification a ProjectDocument emits after (and, for structure, before) every mutation.
#pragma once

#include <QMetaType>

namespace workbench {

/// What changed in a ProjectDocument. Views update only from these events.
struct ChangeEvent {
    enum class Kind {
        Reset,            ///< the whole document was replaced (new, open, recovery)
        TaskChanged,      ///< fields of task `index`
        TaskInserted,     ///< a task was inserted at `index`
        TaskRemoved,      ///< the task at `index` was removed
        ModelChanged,     ///< fields of model `index`
        ModelInserted,    ///< a model was inserted at `index`
        ModelRemoved,     ///< the model at `index` was removed
        ProblemChanged,   ///< penalties, budget or instance name
        SettingsChanged,  ///< workbench settings (solver options, slack bits, objective)
    };

    Kind kind = Kind::Reset;
    int index = -1;  ///< row of the task or model concerned; -1 when the event is not about one row

    /// True when the instance's shape (number of tasks or models) changes or may have changed.
    bool isStructural() const
    {
        return kind == Kind::Reset || kind == Kind::TaskInserted || kind == Kind::TaskRemoved
            || kind == Kind::ModelInserted || kind == Kind::ModelRemoved;
    }
};

} // namespace workbench

Q_DECLARE_METATYPE(workbench::ChangeEvent)
