// SPDX-License-Identifier: MIT
// WorkStatusBar: the status bar's permanent entries for running local work and the Jobs dock's job counts.
#pragma once

#include <QWidget>

#include <array>

class QToolButton;

namespace workbench {

/// One entry per kind of work. Local runs (solver, QAOA, transpile, warm start) show only while they run; the
/// jobs entry always shows how many jobs are running and queued. Every entry is a flat button: clicking it
/// emits `activated`, and the main window raises the panel that does that work.
class WorkStatusBar final : public QWidget {
    Q_OBJECT

public:
    /// What an entry stands for (also the index into `button`).
    enum class Work { Solver = 0, Qaoa = 1, Transpile = 2, Warmstart = 3, Jobs = 4 };
    static constexpr int WORK_KINDS = 5;

    explicit WorkStatusBar(QWidget* parent = nullptr);

    /// Shows or hides the entry of a local run (no effect for Work::Jobs).
    void setRunning(Work work, bool running);
    bool isRunning(Work work) const;
    /// Sets the jobs entry: `running` jobs running and `queued` waiting.
    void setJobCounts(int running, int queued);
    /// The local runs going on now.
    int runningWorkCount() const;

    QToolButton* button(Work work) const { return m_buttons[static_cast<std::size_t>(work)]; }

signals:
    /// The entry of `work` was clicked.
    void activated(workbench::WorkStatusBar::Work work);

private:
    std::array<QToolButton*, WORK_KINDS> m_buttons{};
    std::array<bool, WORK_KINDS> m_running{};
};

} // namespace workbench
