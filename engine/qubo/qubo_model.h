// SPDX-License-Identifier: MIT
// The sparse QUBO model: f(x) = offset + sum_i a_i x_i + sum_{i<j} b_ij x_i x_j, minimised.
#pragma once

#include "core/bits.h"

#include <cstdint>
#include <string>
#include <vector>

namespace engine {

/// One quadratic coefficient b_ij with i < j.
struct QuadraticTerm {
    std::uint32_t i = 0;  ///< first variable, i < j
    std::uint32_t j = 0;  ///< second variable
    double value = 0.0;   ///< coefficient b_ij of x_i x_j
};

/// One entry of a variable's adjacency list.
struct QuboNeighbor {
    std::uint32_t index = 0;  ///< the other variable
    double value = 0.0;       ///< b_ij shared with it
};

/// A sparse QUBO in upper-triangular form, to be MINIMISED:
///   f(x) = offset + sum_i a_i x_i + sum_{i<j} b_ij x_i x_j,  x in {0,1}^n.
/// Storage: a dense vector of a_i and, per variable, an adjacency list sorted by neighbour index holding
/// b_ij for both endpoints (each pair is stored twice). Building by increasing (i, j) appends in O(1);
/// other orders cost O(degree) per insertion. Suitable for tens of thousands of variables.
/// Optional variable names (for example "x[T-000,haiku]" or "slack[3]") travel with the model.
/// Thread-safety: const methods may run concurrently; mutation needs exclusive access.
class QuboModel {
public:
    QuboModel() = default;
    explicit QuboModel(std::size_t numVariables);

    std::size_t numVariables() const { return m_linear.size(); }
    /// Grows the model to `n` variables (never shrinks); new variables have zero coefficients.
    void resize(std::size_t n);

    /// Adds `value` to a_i. Throws Error(InvalidArgument) when i is out of range or value is not finite.
    void addLinear(std::size_t i, double value);
    /// Adds `value` to b_ij; i == j adds to a_i (x_i^2 = x_i); order of i and j is free.
    void addQuadratic(std::size_t i, std::size_t j, double value);
    void addOffset(double value);

    double linear(std::size_t i) const { return m_linear[i]; }
    /// b_ij (0 when absent); O(log degree).
    double quadratic(std::size_t i, std::size_t j) const;
    double offset() const { return m_offset; }
    const std::vector<double>& linearTerms() const { return m_linear; }
    /// Neighbours of variable i with their b_ij, sorted by index.
    const std::vector<QuboNeighbor>& neighbors(std::size_t i) const { return m_adjacency[i]; }
    /// Number of stored pairs i < j (including ones whose value cancelled to zero).
    std::size_t numQuadraticTerms() const { return m_numPairs; }
    /// All pairs i < j sorted by (i, j); O(nnz).
    std::vector<QuadraticTerm> quadraticTerms() const;

    /// f(x); O(n + nnz). Throws Error(InvalidArgument) when x.size() != numVariables().
    double energy(const Bits& x) const;
    /// f(x with x_i flipped) - f(x); O(degree of i). No size check (hot path).
    double flipDelta(const Bits& x, std::size_t i) const;

    /// Largest |coefficient| over a_i and b_ij (0 for an empty model).
    double maxAbsCoefficient() const;

    void setVariableName(std::size_t i, std::string name);
    /// Name of variable i, or "x<i>" when none was set.
    std::string variableName(std::size_t i) const;
    bool hasVariableNames() const { return !m_names.empty(); }

    /// Exact equality of sizes, coefficients (zero entries ignored) and offset.
    bool operator==(const QuboModel& other) const;

private:
    std::vector<double> m_linear;                         // m_linear[i] = a_i
    std::vector<std::vector<QuboNeighbor>> m_adjacency;   // m_adjacency[i]: (j, b_ij), sorted by j
    std::vector<std::string> m_names;                     // empty, or one name per variable
    std::size_t m_numPairs = 0;                           // pairs i < j stored
    double m_offset = 0.0;                                // constant f0
};

} // namespace engine
