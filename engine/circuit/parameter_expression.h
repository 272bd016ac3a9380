// SPDX-License-Identifier: MIT
// Affine expressions of a circuit's symbolic parameters, the angles of a gate before binding.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace engine {

/// value = constant + sum_k coefficient_k * parameter_{index_k}. QAOA angles are affine in (gamma, beta)
/// (RZZ(2 gamma J), RX(2 beta) and their native forms rz(2 beta + pi)), and so is everything the transpiler does
/// to them (adding rz angles, negating for inverses), so a general expression tree is not needed. Parameter
/// indices refer to the owning Circuit's parameter list.
class ParameterExpression {
public:
    ParameterExpression() = default;
    /// A number.
    ParameterExpression(double constant);  // NOLINT(google-explicit-constructor): numbers convert implicitly
    /// coefficient * parameter `index`.
    static ParameterExpression parameter(std::size_t index, double coefficient = 1.0);

    double constant() const { return m_constant; }
    /// (index, coefficient) pairs, sorted by index, no zero coefficients.
    const std::vector<std::pair<std::size_t, double>>& terms() const { return m_terms; }
    bool isConstant() const { return m_terms.empty(); }

    /// The value at `values` (values[index] for every parameter). Throws Error(InvalidArgument) when a parameter
    /// index is out of range of `values`.
    double evaluate(const std::vector<double>& values) const;
    /// The same expression with parameter indices mapped through `newIndex` (oldIndex -> newIndex).
    ParameterExpression remapped(const std::vector<std::size_t>& newIndex) const;

    ParameterExpression operator-() const;
    ParameterExpression& operator+=(const ParameterExpression& other);
    ParameterExpression& operator-=(const ParameterExpression& other);
    ParameterExpression& operator*=(double factor);
    friend ParameterExpression operator+(ParameterExpression a, const ParameterExpression& b) { return a += b; }
    friend ParameterExpression operator-(ParameterExpression a, const ParameterExpression& b) { return a -= b; }
    friend ParameterExpression operator*(ParameterExpression a, double f) { return a *= f; }
    friend ParameterExpression operator*(double f, ParameterExpression a) { return a *= f; }
    /// Same constant and terms to within `tolerance` (absolute).
    bool approxEquals(const ParameterExpression& other, double tolerance = 1e-12) const;

    /// OpenQASM text using `names` for the parameters, e.g. "2*gamma_0 + pi", "-0.5*beta_1", "0.1", "1.0e-05".
    /// Numbers are printed with enough digits to round-trip doubles exactly; exact multiples of pi/8 are printed
    /// symbolically ("pi/2", "-3*pi/4"); importQasm reads the text back to identical doubles. Throws
    /// Error(InvalidArgument) for a non-finite number or an index without a name. O(terms).
    std::string toQasm(const std::vector<std::string>& names) const;

private:
    double m_constant = 0.0;
    std::vector<std::pair<std::size_t, double>> m_terms;
};

} // namespace engine
