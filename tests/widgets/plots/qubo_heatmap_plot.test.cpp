// SPDX-License-Identifier: MIT
// Tests of QuboHeatmapPlot: the colour map holds the encoded QUBO's matrix and follows edits, coalesced.
#include "plots/qubo_heatmap_plot.h"

#include <QtTest>

#include "test_support.h"

#include "commands/change_value.h"
#include "commands/document_targets.h"
#include "core/bits.h"
#include "document/project_document.h"
#include "lcrp/lcrp_encoder.h"
#include "lcrp/lcrp_generator.h"

#include <QUndoStack>

using namespace workbench;

namespace {

void fill(ProjectDocument& document, int slackBits)
{
    engine::LcrpGeneratorOptions options;
    options.numTasks = 3;
    options.numModels = 3;
    options.seed = 42;
    WorkbenchSettings settings;
    settings.budgetSlackBits = slackBits;
    document.reset(ProjectData{engine::generateLcrp(options), settings}, QString());
}

/// Slow reference: Q_ii = f(e_i) - f(0) and Q_ij = f(e_i + e_j) - f(e_i) - f(e_j) + f(0), from energies only.
std::vector<std::vector<double>> referenceMatrix(const ProjectDocument& document)
{
    engine::LcrpEncoderOptions options;
    options.objective = document.settings().objective;
    options.budgetSlackBits = document.settings().budgetSlackBits;
    const engine::QuboModel qubo = engine::encodeLcrp(document.instance(), options).qubo;
    const std::size_t n = qubo.numVariables();
    const auto energy = [&](std::initializer_list<std::size_t> ones) {
        engine::Bits x(n, 0);
        for (std::size_t v : ones)
            x[v] = 1;
        return qubo.energy(x);
    };
    std::vector<std::vector<double>> q(n, std::vector<double>(n, 0.0));
    const double zero = energy({});
    for (std::size_t i = 0; i < n; ++i)
        q[i][i] = energy({i}) - zero;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j)
            q[i][j] = q[j][i] = energy({i, j}) - q[i][i] - q[j][j] - zero;
    return q;
}

void compareWithReference(const QuboHeatmapPlot& plot, const ProjectDocument& document)
{
    const auto q = referenceMatrix(document);
    const int n = static_cast<int>(q.size());
    QCOMPARE(plot.mapSize(), n);
    QCOMPARE(static_cast<int>(plot.numVariables()), n);
    double largest = 0.0;
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < n; ++j) {
            QAOA_COMPARE_NEAR(plot.mapCell(j, i), q[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)], 1e-9);
            largest = std::max(largest, std::abs(q[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)]));
        }
    }
    QAOA_COMPARE_NEAR(plot.mapRangeUpper(), largest, 1e-9);  // symmetric range up to the largest |Q_ij|
}

} // namespace

class TstQuboHeatmapPlot : public QObject {
    Q_OBJECT

private slots:
    void mapHoldsTheEncodedMatrix_data();
    void mapHoldsTheEncodedMatrix();
    void followsEditsOncePerBurst();
    void refusesOversizedInstances();
};

void TstQuboHeatmapPlot::mapHoldsTheEncodedMatrix_data()
{
    QTest::addColumn<int>("slackBits");
    QTest::newRow("no slack") << 0;
    QTest::newRow("4 slack bits") << 4;
}

void TstQuboHeatmapPlot::mapHoldsTheEncodedMatrix()
{
    QFETCH(int, slackBits);
    ProjectDocument document;
    fill(document, slackBits);
    QuboHeatmapPlot plot(&document);
    QTRY_VERIFY(!plot.isRebuildPending());
    QCOMPARE(static_cast<int>(plot.numVariables()), 9 + slackBits);
    compareWithReference(plot, document);
}

void TstQuboHeatmapPlot::followsEditsOncePerBurst()
{
    ProjectDocument document;
    fill(document, 3);
    QuboHeatmapPlot plot(&document);
    QTRY_VERIFY(!plot.isRebuildPending());
    const int rebuilds = plot.rebuildCount();
    const double oldQuality = plot.mapCell(0, 0);

    // A burst: five spin-box steps on lambda_Q, one new budget and one more slack bit.
    for (double weight : {41.0, 60.0, 80.0, 90.0, 100.0})
        pushChangeValue(&document, PenaltyField<&engine::LcrpPenalties::quality>{}, weight, QStringLiteral("q"),
                        PenaltyQualityId);
    pushChangeValue(&document, BudgetField{}, 2.5, QStringLiteral("b"));
    pushChangeValue(&document, SettingsField<&WorkbenchSettings::budgetSlackBits>{}, 4, QStringLiteral("k"));
    QVERIFY(plot.isRebuildPending());
    QCOMPARE(plot.rebuildCount(), rebuilds);  // nothing redrawn yet
    QTRY_VERIFY(!plot.isRebuildPending());
    QCOMPARE(plot.rebuildCount(), rebuilds + 1);
    compareWithReference(plot, document);
    QCOMPARE(plot.mapSize(), 9 + 4);

    // Undo all of it: the map follows back.
    while (document.undoStack()->canUndo())
        document.undoStack()->undo();
    QTRY_VERIFY(!plot.isRebuildPending());
    compareWithReference(plot, document);
    QCOMPARE(plot.mapCell(0, 0), oldQuality);
}

void TstQuboHeatmapPlot::refusesOversizedInstances()
{
    ProjectDocument document;
    engine::LcrpGeneratorOptions options;
    options.numTasks = MAX_HEATMAP_VARIABLES / 5 + 1;
    options.numModels = 5;
    options.seed = 1;
    document.reset(ProjectData{engine::generateLcrp(options), WorkbenchSettings{}}, QString());
    QuboHeatmapPlot plot(&document);
    QCOMPARE(plot.numVariables(), std::size_t{0});
    QCOMPARE(plot.mapSize(), 0);
    QVERIFY(!plot.summaryText().isEmpty());
}

QTEST_MAIN(TstQuboHeatmapPlot)
#include "qubo_heatmap_plot.test.moc"
