// SPDX-License-Identifier: MIT
// Budget-constrained local search for LCRP assignments (one-hot kept): repair over-budget starts, then improve.
#include "lcrp/lcrp_local_search.h"

#include "core/error.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace engine {

namespace {

/// Objective changes smaller than this are not improvements (guards against cycling on rounding noise).
constexpr double IMPROVEMENT_EPS = 1e-12;

class Search {
public:
    Search(const LcrpObjectiveTable& table, std::vector<int> start) : m_t(table), m_a(std::move(start))
    {
        if (m_a.size() != m_t.numTasks)
            throw Error(ErrorCode::InvalidArgument,
                        std::string("the start assignment has ") + std::to_string(m_a.size()) + " tasks, the instance "
                            + std::to_string(m_t.numTasks),
                        "start");
        for (std::size_t i = 0; i < m_a.size(); ++i) {
            if (m_a[i] < 0 || static_cast<std::size_t>(m_a[i]) >= m_t.numModels)
                throw Error(ErrorCode::InvalidArgument, "model index out of range", indexedPlace("start", i));
            m_cost += c(i, m_a[i]);
        }
        m_slackTolerance = 1e-9 * std::max(1.0, std::abs(m_t.budgetUsd));
    }

    double u(std::size_t i, int j) const { return m_t.unary[i * m_t.numModels + static_cast<std::size_t>(j)]; }
    double c(std::size_t i, int j) const { return m_t.costUsd[i * m_t.numModels + static_cast<std::size_t>(j)]; }
    double cost() const { return m_cost; }
    std::vector<int>& assignment() { return m_a; }
    bool overBudget() const { return m_cost > m_t.budgetUsd + m_slackTolerance; }

    void move(std::size_t i, int j)
    {
        m_cost += c(i, j) - c(i, m_a[i]);
        m_a[i] = j;
    }

    /// Performs the single move (i, j) with the smallest score(i, j) below `threshold` (a score of +infinity rules
    /// a move out); false when there is none.
    template <class Score>
    bool bestSingleMove(double threshold, const Score& score)
    {
        double best = threshold;
        std::size_t bestI = 0;
        int bestJ = -1;
        for (std::size_t i = 0; i < m_a.size(); ++i)
            for (int j = 0; j < static_cast<int>(m_t.numModels); ++j) {
                const double value = score(i, j);
                if (value < best) {
                    best = value;
                    bestI = i;
                    bestJ = j;
                }
            }
        if (bestJ < 0)
            return false;
        move(bestI, bestJ);
        return true;
    }

    /// The cost-saving move with the least objective increase per USD saved; false when nothing saves cost.
    bool repairStep()
    {
        return bestSingleMove(std::numeric_limits<double>::infinity(), [this](std::size_t i, int j) {
            const double saved = c(i, m_a[i]) - c(i, j);
            return saved > 0.0 ? (u(i, j) - u(i, m_a[i])) / saved : std::numeric_limits<double>::infinity();
        });
    }

    /// The best improving single move within `cap`; false when there is none.
    bool singleStep(double cap)
    {
        return bestSingleMove(-IMPROVEMENT_EPS, [this, cap](std::size_t i, int j) {
            if (j == m_a[i] || m_cost + c(i, j) - c(i, m_a[i]) > cap + m_slackTolerance)
                return std::numeric_limits<double>::infinity();
            return u(i, j) - u(i, m_a[i]);
        });
    }

    /// The best improving move of two tasks together within `cap`; false when there is none.
    bool pairStep(double cap)
    {
        const int m = static_cast<int>(m_t.numModels);
        double best = -IMPROVEMENT_EPS;
        std::size_t bestI = 0, bestK = 0;
        int bestJ = -1, bestL = -1;
        for (std::size_t i = 0; i < m_a.size(); ++i)
            for (int j = 0; j < m; ++j) {
                if (j == m_a[i])
                    continue;
                const double dui = u(i, j) - u(i, m_a[i]);
                const double dci = c(i, j) - c(i, m_a[i]);
                for (std::size_t k = i + 1; k < m_a.size(); ++k)
                    for (int l = 0; l < m; ++l) {
                        if (l == m_a[k])
                            continue;
                        const double du = dui + u(k, l) - u(k, m_a[k]);
                        if (du < best && m_cost + dci + c(k, l) - c(k, m_a[k]) <= cap + m_slackTolerance) {
                            best = du;
                            bestI = i;
                            bestJ = j;
                            bestK = k;
                            bestL = l;
                        }
                    }
            }
        if (bestJ < 0)
            return false;
        move(bestI, bestJ);
        move(bestK, bestL);
        return true;
    }

private:
    const LcrpObjectiveTable& m_t;
    std::vector<int> m_a;
    double m_cost = 0.0;
    double m_slackTolerance = 0.0;
};

} // namespace

LcrpLocalSearchResult refineLcrpAssignment(const LcrpObjectiveTable& table, std::vector<int> start,
                                           const LcrpLocalSearchOptions& options, RunControl& control)
{
    Search search(table, std::move(start));
    LcrpLocalSearchResult result;
    while (search.overBudget() && result.repairMoves < options.maxMoves && search.repairStep())
        ++result.repairMoves;
    const double cap = std::max(table.budgetUsd, search.cost());
    while (result.moves < options.maxMoves) {
        if (control.isCancelled()) {
            result.cancelled = true;
            break;
        }
        if (search.singleStep(cap) || (options.pairMoves && search.pairStep(cap)))
            ++result.moves;
        else
            break;
        control.reportProgress(static_cast<double>(result.moves), 0.0, "refine");
    }
    result.assignment = search.assignment();
    result.costUsd = search.cost();
    for (std::size_t i = 0; i < result.assignment.size(); ++i)
        result.unaryObjective += search.u(i, result.assignment[i]);
    result.objective = table.ofAssignment(result.assignment);
    result.withinBudget = !search.overBudget();
    return result;
}

} // namespace engine
