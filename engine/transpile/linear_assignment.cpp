// SPDX-License-Identifier: MIT
// Solves the dense linear assignment problem by shortest augmenting paths with dual potentials.
#include "transpile/linear_assignment.h"

#include "core/error.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace engine {

std::vector<unsigned> solveLinearAssignment(const std::vector<double>& cost, unsigned n)
{
    if (cost.size() != std::size_t{n} * n)
        throw Error(ErrorCode::InvalidArgument,
                    "cost matrix has " + std::to_string(cost.size()) + " entries, expected " + std::to_string(n) +
                        " x " + std::to_string(n),
                    "cost");
    if (n == 0)
        return {};
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    for (std::size_t k = 0; k < cost.size(); ++k) {
        if (!std::isfinite(cost[k]))
            throw Error(ErrorCode::InvalidArgument, "cost entry is not finite", indexedPlace("cost", k));
        lo = std::min(lo, cost[k]);
        hi = std::max(hi, cost[k]);
    }
    // The potentials accumulate sums of up to 2n entries; shifting to [0, range] and scaling a huge range down
    // keeps them finite. Neither changes the optimal assignment.
    const double range = hi - lo;
    const double scale = (std::isfinite(range) && range <= 1e100) ? 1.0 : 1e-200;
    const double shift = lo;
    auto at = [&](unsigned row, unsigned col) {
        return (cost[std::size_t{row} * n + col] * scale - shift * scale);
    };

    // Rows and columns are 1-based below; column 0 is the virtual start of each augmenting path.
    constexpr double INF = std::numeric_limits<double>::infinity();
    std::vector<double> u(n + 1, 0.0);
    std::vector<double> v(n + 1, 0.0);
    std::vector<unsigned> rowOfColumn(n + 1, 0);
    std::vector<unsigned> way(n + 1, 0);
    std::vector<double> minSlack(n + 1);
    std::vector<char> used(n + 1);
    for (unsigned row = 1; row <= n; ++row) {
        rowOfColumn[0] = row;
        unsigned col0 = 0;
        std::fill(minSlack.begin(), minSlack.end(), INF);
        std::fill(used.begin(), used.end(), 0);
        do {
            used[col0] = 1;
            const unsigned row0 = rowOfColumn[col0];
            double delta = INF;
            unsigned col1 = 0;
            for (unsigned col = 1; col <= n; ++col) {
                if (used[col])
                    continue;
                const double slack = at(row0 - 1, col - 1) - u[row0] - v[col];
                if (slack < minSlack[col]) {
                    minSlack[col] = slack;
                    way[col] = col0;
                }
                if (minSlack[col] < delta || col1 == 0) {
                    delta = minSlack[col];
                    col1 = col;
                }
            }
            for (unsigned col = 0; col <= n; ++col) {
                if (used[col]) {
                    u[rowOfColumn[col]] += delta;
                    v[col] -= delta;
                } else {
                    minSlack[col] -= delta;
                }
            }
            col0 = col1;
        } while (rowOfColumn[col0] != 0);
        do {
            const unsigned col1 = way[col0];
            rowOfColumn[col0] = rowOfColumn[col1];
            col0 = col1;
        } while (col0 != 0);
    }
    std::vector<unsigned> assignment(n);
    for (unsigned col = 1; col <= n; ++col)
        assignment[rowOfColumn[col] - 1] = col - 1;
    return assignment;
}

} // namespace engine
