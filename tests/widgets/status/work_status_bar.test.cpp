// SPDX-License-Identifier: MIT
// Tests of WorkStatusBar: entries show while work runs, the job counts, and clicks report the work.
#include "status/work_status_bar.h"

#include <QtTest>

#include <QToolButton>

using namespace workbench;

class TstWorkStatusBar : public QObject {
    Q_OBJECT

private slots:
    void entriesFollowRunningWork();
    void jobCounts();
    void clicksReportTheWork();
};

void TstWorkStatusBar::entriesFollowRunningWork()
{
    WorkStatusBar bar;
    bar.show();
    for (auto work : {WorkStatusBar::Work::Solver, WorkStatusBar::Work::Qaoa, WorkStatusBar::Work::Transpile,
                      WorkStatusBar::Work::Warmstart})
        QVERIFY(bar.button(work)->isHidden());
    QVERIFY(!bar.button(WorkStatusBar::Work::Jobs)->isHidden());
    QCOMPARE(bar.runningWorkCount(), 0);

    bar.setRunning(WorkStatusBar::Work::Qaoa, true);
    bar.setRunning(WorkStatusBar::Work::Transpile, true);
    QVERIFY(bar.isRunning(WorkStatusBar::Work::Qaoa));
    QVERIFY(bar.button(WorkStatusBar::Work::Qaoa)->isVisible());
    QVERIFY(bar.button(WorkStatusBar::Work::Solver)->isHidden());
    QCOMPARE(bar.runningWorkCount(), 2);
    bar.setRunning(WorkStatusBar::Work::Qaoa, false);
    QVERIFY(bar.button(WorkStatusBar::Work::Qaoa)->isHidden());
    QCOMPARE(bar.runningWorkCount(), 1);
    bar.setRunning(WorkStatusBar::Work::Jobs, true);  // not a local run: ignored
    QCOMPARE(bar.runningWorkCount(), 1);
}

void TstWorkStatusBar::jobCounts()
{
    WorkStatusBar bar;
    QCOMPARE(bar.button(WorkStatusBar::Work::Jobs)->text(), QStringLiteral("Jobs: 0 running, 0 queued"));
    bar.setJobCounts(2, 5);
    QCOMPARE(bar.button(WorkStatusBar::Work::Jobs)->text(), QStringLiteral("Jobs: 2 running, 5 queued"));
    QVERIFY(!bar.button(WorkStatusBar::Work::Jobs)->toolTip().isEmpty());
}

void TstWorkStatusBar::clicksReportTheWork()
{
    WorkStatusBar bar;
    bar.show();
    bar.setRunning(WorkStatusBar::Work::Solver, true);
    QSignalSpy activated(&bar, &WorkStatusBar::activated);
    QTest::mouseClick(bar.button(WorkStatusBar::Work::Solver), Qt::LeftButton);
    QTest::mouseClick(bar.button(WorkStatusBar::Work::Jobs), Qt::LeftButton);
    QCOMPARE(activated.count(), 2);
    QCOMPARE(activated.at(0).at(0).value<WorkStatusBar::Work>(), WorkStatusBar::Work::Solver);
    QCOMPARE(activated.at(1).at(0).value<WorkStatusBar::Work>(), WorkStatusBar::Work::Jobs);
}

QTEST_MAIN(TstWorkStatusBar)
#include "work_status_bar.test.moc"
