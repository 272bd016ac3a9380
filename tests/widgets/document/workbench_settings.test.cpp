// SPDX-License-Identifier: MIT
// Tests of the workbench settings: solver names round-trip and defaults match the paper's SA.
#include "document/workbench_settings.h"

#include <QtTest>

#include "test_support.h"

#include <set>
#include <string>

using namespace workbench;

class TstWorkbenchSettings : public QObject {
    Q_OBJECT

private slots:
    void solverNamesRoundTrip();
    void unknownNamesAreRejected();
    void defaults();
};

void TstWorkbenchSettings::solverNamesRoundTrip()
{
    std::set<std::string> names;
    for (SolverChoice choice : {SolverChoice::GreedyPaper, SolverChoice::GreedyBudgetAware, SolverChoice::Annealing,
                                SolverChoice::Exact}) {
        const char* name = solverChoiceName(choice);
        names.insert(name);
        SolverChoice parsed = choice == SolverChoice::Exact ? SolverChoice::GreedyPaper : SolverChoice::Exact;
        QVERIFY(solverChoiceFromName(name, parsed));
        QCOMPARE(parsed, choice);
    }
    QCOMPARE(names.size(), std::size_t{4});  // distinct
}

void TstWorkbenchSettings::unknownNamesAreRejected()
{
    SolverChoice choice = SolverChoice::Annealing;
    QVERIFY(!solverChoiceFromName("qaoa", choice));
    QVERIFY(!solverChoiceFromName("", choice));
    QVERIFY(!solverChoiceFromName("SA", choice));  // names are case-sensitive
    QCOMPARE(choice, SolverChoice::Annealing);     // untouched on failure
}

void TstWorkbenchSettings::defaults()
{
    const WorkbenchSettings settings;
    QCOMPARE(settings.annealingSteps, std::uint64_t{2000});  // the reference code's schedule length
    QCOMPARE(settings.annealingRestarts, 1);
    QCOMPARE(settings.budgetSlackBits, 6);
    QVERIFY(settings.annealingSteps <= MAX_ANNEALING_STEPS);
    QVERIFY(settings.seed <= MAX_SEED);
    QVERIFY(settings == WorkbenchSettings{});
    WorkbenchSettings other;
    other.exactSoftBudget = true;
    QVERIFY(!(other == settings));
}

QTEST_MAIN(TstWorkbenchSettings)
#include "workbench_settings.test.moc"
