// SPDX-License-Identifier: MIT
// Tests of P1LandscapePlot: the colour map holds p1GridSearch's grid cell by cell, markers sit where asked.
#include "plots/p1_landscape_plot.h"

#include <QtTest>

#include "test_support.h"

#include <cmath>
#include <limits>

using namespace workbench;

namespace {

/// A small frustrated Ising model with fields (a triangle plus a pendant spin).
engine::IsingModel triangle()
{
    engine::IsingModel model;
    model.h = {0.3, -0.2, 0.1, 0.5};
    model.J = {{0, 1, 1.0}, {0, 2, 0.7}, {1, 2, -0.4}, {2, 3, 0.9}};
    model.offset = 0.25;
    return model;
}

} // namespace

class TstP1LandscapePlot : public QObject {
    Q_OBJECT

private slots:
    void mapHoldsTheGrid();
    void cancelledRowsStayBlank();
};

void TstP1LandscapePlot::mapHoldsTheGrid()
{
    engine::P1GridOptions options;
    options.gammaSteps = 17;
    options.betaSteps = 11;
    const engine::IsingModel model = triangle();
    const engine::P1GridResult grid = engine::p1GridSearch(model, options);

    P1LandscapePlot plot;
    QCOMPARE(plot.keySize(), 0);
    plot.setLandscape(grid, std::make_pair(0.4, -0.3));
    QCOMPARE(plot.keySize(), 17);
    QCOMPARE(plot.valueSize(), 11);
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    for (int i = 0; i < 17; ++i) {
        for (int j = 0; j < 11; ++j) {
            // Slow reference: the formula at the grid point, one call each.
            const double expected = engine::p1Expectation(model, grid.gammas[std::size_t(i)], grid.betas[std::size_t(j)]);
            QAOA_COMPARE_NEAR(plot.cell(i, j), expected, 1e-10);
            low = std::min(low, expected);
            high = std::max(high, expected);
        }
    }
    const auto [mapLow, mapHigh] = plot.cellRange();
    QAOA_COMPARE_NEAR(mapLow, grid.bestValue, 1e-12);
    QAOA_COMPARE_NEAR(mapLow, low, 1e-10);
    QAOA_COMPARE_NEAR(mapHigh, high, 1e-10);
    QAOA_COMPARE_NEAR(plot.colourRange().first, grid.bestValue, 1e-12);
    QAOA_COMPARE_NEAR(plot.colourRange().second, high, 1e-10);
    // Cell (i, j) sits at (gamma_i, beta_j) in plot coordinates.
    QAOA_COMPARE_NEAR(plot.cellPosition(16, 10).x(), grid.gammas.back(), 1e-12);
    QAOA_COMPARE_NEAR(plot.cellPosition(16, 10).y(), grid.betas.back(), 1e-12);
    QAOA_COMPARE_NEAR(plot.cellPosition(3, 2).x(), grid.gammas[3], 1e-12);
    QAOA_COMPARE_NEAR(plot.cellPosition(3, 2).y(), grid.betas[2], 1e-12);

    QVERIFY(plot.pointMarker().has_value());
    QCOMPARE(plot.pointMarker()->x(), 0.4);
    QCOMPARE(plot.pointMarker()->y(), -0.3);
    QCOMPARE(plot.minimumMarker()->x(), grid.bestGamma);
    QCOMPARE(plot.minimumMarker()->y(), grid.bestBeta);
    QVERIFY(plot.isVisible(0.4, -0.3));

    plot.setLandscape(grid, std::nullopt);
    QVERIFY(!plot.pointMarker().has_value());
    plot.clear();
    QCOMPARE(plot.keySize(), 0);
}

void TstP1LandscapePlot::cancelledRowsStayBlank()
{
    engine::P1GridOptions options;
    options.gammaSteps = 4;
    options.betaSteps = 3;
    engine::P1GridResult grid = engine::p1GridSearch(triangle(), options);
    for (std::size_t j = 0; j < 3; ++j)
        grid.values[3 * 3 + j] = std::numeric_limits<double>::quiet_NaN();  // the last gamma row was not computed
    P1LandscapePlot plot;
    plot.setLandscape(grid, std::nullopt);
    QVERIFY(std::isnan(plot.cell(3, 0)));
    const auto [low, high] = plot.cellRange();
    QVERIFY(std::isfinite(low) && std::isfinite(high));
    QVERIFY(std::isfinite(plot.colourRange().second));
}

QTEST_MAIN(TstP1LandscapePlot)
#include "p1_landscape_plot.test.moc"
