// SPDX-License-Identifier: MIT
// Published QAOA angle tables (Wurtz-Lykov fixed angles, tree-optimal angles, SK angles), each in its own convention.
#pragma once

#include <cstddef>
#include <vector>

namespace engine {

/// The convention a table's numbers are written in (algorithms.md section 2.0). Nothing in this header converts;
/// angle_rules.h turns them into the canonical convention of QaoaAngles.
enum class AngleConvention {
    /// gamma multiplies C_cut = sum_E w (1 - Z_i Z_j) / 2 in exp(-i gamma C_cut), which is MAXIMISED; the mixer
    /// is exp(-i beta sum_j X_j). Canonical angles for minimising H = sum_E w Z_i Z_j: gamma = -gamma_cut / 2,
    /// beta = beta_cut.
    Cut,
    /// Farhi et al.: gamma multiplies C_SK = n^{-1/2} sum_{j<k} J_jk Z_j Z_k in exp(-i gamma C_SK), mixer as
    /// above; the tabulated positive angles give <C_SK>/n -> +V_p. To MINIMISE C_SK use gamma = -gamma_tab,
    /// beta = beta_tab.
    FarhiSk,
};

/// One row of a table. Angles are in radians; gammas[k], betas[k] belong to layer k + 1.
struct TabulatedAngles {
    std::vector<double> gammas;       ///< gamma_1 .. gamma_p in `convention`
    std::vector<double> betas;        ///< beta_1 .. beta_p
    /// The figure of merit printed beside the row: for Cut tables the cut fraction <C_cut>/|E| that the angles
    /// guarantee on every d-regular graph of girth > 2p + 1 (the tree value); for the SK table V_p.
    double value = 0.0;
    /// The tree value re-evaluated at the rounded angles where algorithms.md gives it (Wurtz-Lykov d = 3,
    /// p >= 7, whose published AR is slightly optimistic); equal to `value` everywhere else.
    double treeValue = 0.0;
    AngleConvention convention = AngleConvention::Cut;

    std::size_t depth() const { return gammas.size(); }
};

/// Wurtz-Lykov fixed angles (arXiv:2107.00677, algorithms.md 2.3), Cut convention, 6 decimals. Available:
/// d = 3 with p = 1..11, d = 4 with p = 1..5, d = 5 with p = 1..4, d = 6..10 with p = 1..3, d = 11 with p = 1..2.
/// Throws Error(InvalidArgument) naming what is available when (degree, depth) has no entry. O(1); thread-safe.
TabulatedAngles wurtzLykovAngles(std::size_t degree, std::size_t depth);
/// Whether wurtzLykovAngles(degree, depth) has an entry. O(1); thread-safe.
bool hasWurtzLykovAngles(std::size_t degree, std::size_t depth);

/// Tree-optimal angles for the Dweight rule (algorithms.md table 2.6-T), Cut convention, 4 decimals:
/// d = 1..10 and 20, p = 1..6. The d = 1 rows are our choice for a degenerate optimum (gamma = pi/2,
/// beta = (pi/8, 0, ...)). Throws Error(InvalidArgument) naming what is available. O(1); thread-safe.
TabulatedAngles treeTableAngles(std::size_t degree, std::size_t depth);
/// Whether treeTableAngles(degree, depth) has an entry. O(1); thread-safe.
bool hasTreeTableAngles(std::size_t degree, std::size_t depth);
/// Largest p of the tree table (6).
constexpr std::size_t TREE_TABLE_MAX_DEPTH = 6;

/// Sherrington-Kirkpatrick angles of Farhi et al. / Basso et al. (algorithms.md 2.5), FarhiSk convention,
/// p = 1..11 (4 decimals; p = 1 is the exact optimum gamma = 1/2, beta = pi/8, V_1 = 1/sqrt(4e)).
/// Throws Error(InvalidArgument) naming what is available. O(1); thread-safe.
TabulatedAngles skTableAngles(std::size_t depth);
/// Largest p of the SK table (11).
constexpr std::size_t SK_TABLE_MAX_DEPTH = 11;

} // namespace engine
