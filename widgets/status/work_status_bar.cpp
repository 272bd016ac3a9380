// SPDX-License-Identifier: MIT
// WorkStatusBar: one flat button per kind of work, their texts and visibility.
#include "status/work_status_bar.h"

#include <QHBoxLayout>
#include <QToolButton>

namespace workbench {

WorkStatusBar::WorkStatusBar(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("WorkStatusBar"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    const std::array<QString, WORK_KINDS> texts = {tr("Solver running …"), tr("QAOA running …"),
                                                   tr("Transpiling …"), tr("Warm start running …"), QString()};
    const std::array<QString, WORK_KINDS> tips = {
        tr("A classical solver is running; click to show the Solve panel"),
        tr("A QAOA simulation is running; click to show the QAOA panel"),
        tr("A transpilation is running; click to show the Transpile panel"),
        tr("A warm-start run or sweep is running; click to show the Warm start panel"),
        tr("Jobs of the job store that are running or waiting; click to show the Jobs panel")};
    const std::array<const char*, WORK_KINDS> names = {"solverStatus", "qaoaStatus", "transpileStatus",
                                                       "warmstartStatus", "jobsStatus"};
    for (int i = 0; i < WORK_KINDS; ++i) {
        auto* button = new QToolButton(this);
        button->setObjectName(QString::fromLatin1(names[static_cast<std::size_t>(i)]));
        button->setAutoRaise(true);
        button->setText(texts[static_cast<std::size_t>(i)]);
        button->setToolTip(tips[static_cast<std::size_t>(i)]);
        button->setVisible(static_cast<Work>(i) == Work::Jobs);
        connect(button, &QToolButton::clicked, this, [this, i] { emit activated(static_cast<Work>(i)); });
        layout->addWidget(button);
        m_buttons[static_cast<std::size_t>(i)] = button;
    }
    setJobCounts(0, 0);
}

void WorkStatusBar::setRunning(Work work, bool running)
{
    if (work == Work::Jobs)
        return;
    m_running[static_cast<std::size_t>(work)] = running;
    button(work)->setVisible(running);
}

bool WorkStatusBar::isRunning(Work work) const
{
    return m_running[static_cast<std::size_t>(work)];
}

void WorkStatusBar::setJobCounts(int running, int queued)
{
    button(Work::Jobs)->setText(tr("Jobs: %1 running, %2 queued").arg(running).arg(queued));
}

int WorkStatusBar::runningWorkCount() const
{
    int count = 0;
    for (bool running : m_running)
        count += running ? 1 : 0;
    return count;
}

} // namespace workbench
