// SPDX-License-Identifier: MIT
// Affine parameter expressions: arithmetic, evaluation and OpenQASM text that reads back to the same doubles.
#include "circuit/parameter_expression.h"

#include "core/error.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numbers>

namespace engine {

namespace {

// Largest |k| printed as k*pi/8; beyond it a plain number is shorter anyway.
constexpr double MAX_SYMBOLIC_EIGHTHS = 1024.0;

// Shortest decimal text that parses back to exactly `value`. An exponent always follows a '.', because
// OpenQASM 2 reals need one ("1.0e-05", not "1e-05").
void appendNumber(std::string& out, double value)
{
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
    std::string_view text(buffer, static_cast<std::size_t>(result.ptr - buffer));
    const auto e = text.find('e');
    if (e != std::string_view::npos && text.find('.') == std::string_view::npos) {
        out.append(text.substr(0, e));
        out.append(".0");
        out.append(text.substr(e));
    } else {
        out.append(text);
    }
}

// `value` as "k*pi/d" when that text evaluates (left to right, as the importer does) to exactly `value`.
bool appendPiMultiple(std::string& out, double value)
{
    const double eighths = std::nearbyint(value * 8.0 / std::numbers::pi);
    if (eighths == 0.0 || std::abs(eighths) > MAX_SYMBOLIC_EIGHTHS)
        return false;
    auto numerator = static_cast<long long>(eighths);
    long long denominator = 8;
    while (denominator > 1 && numerator % 2 == 0) {
        numerator /= 2;
        denominator /= 2;
    }
    const double readBack =
        (numerator == 1 ? std::numbers::pi
                        : (numerator == -1 ? -std::numbers::pi : static_cast<double>(numerator) * std::numbers::pi)) /
        static_cast<double>(denominator);
    if (readBack != value)
        return false;
    if (numerator == -1)
        out += '-';
    else if (numerator != 1)
        out.append(std::to_string(numerator)).append("*");
    out.append("pi");
    if (denominator > 1)
        out.append("/").append(std::to_string(denominator));
    return true;
}

void appendConstant(std::string& out, double value)
{
    if (!appendPiMultiple(out, value))
        appendNumber(out, value);
}

void checkFinite(double value, const char* what)
{
    if (!std::isfinite(value))
        throw Error(ErrorCode::InvalidArgument, std::string("cannot write a non-finite ") + what + " as OpenQASM",
                    "ParameterExpression");
}

} // namespace

ParameterExpression::ParameterExpression(double constant) : m_constant(constant) {}

ParameterExpression ParameterExpression::parameter(std::size_t index, double coefficient)
{
    ParameterExpression e;
    if (coefficient != 0.0)
        e.m_terms.emplace_back(index, coefficient);
    return e;
}

double ParameterExpression::evaluate(const std::vector<double>& values) const
{
    double value = m_constant;
    for (const auto& [index, coefficient] : m_terms) {
        if (index >= values.size())
            throw Error(ErrorCode::InvalidArgument,
                        "parameter " + std::to_string(index) + " has no value (" + std::to_string(values.size()) +
                            " given)",
                        "values");
        value += coefficient * values[index];
    }
    return value;
}

ParameterExpression ParameterExpression::remapped(const std::vector<std::size_t>& newIndex) const
{
    ParameterExpression e(m_constant);
    for (const auto& [index, coefficient] : m_terms) {
        if (index >= newIndex.size())
            throw Error(ErrorCode::InvalidArgument,
                        "parameter " + std::to_string(index) + " has no new index (" +
                            std::to_string(newIndex.size()) + " given)",
                        "newIndex");
        e += parameter(newIndex[index], coefficient);
    }
    return e;
}

ParameterExpression ParameterExpression::operator-() const
{
    ParameterExpression e(*this);
    e.m_constant = -e.m_constant;
    for (auto& term : e.m_terms)
        term.second = -term.second;
    return e;
}

ParameterExpression& ParameterExpression::operator+=(const ParameterExpression& other)
{
    m_constant += other.m_constant;
    if (other.m_terms.empty())
        return *this;
    // Merge of two index-sorted lists; exact cancellations drop out so that terms() never holds a zero.
    std::vector<std::pair<std::size_t, double>> merged;
    merged.reserve(m_terms.size() + other.m_terms.size());
    auto a = m_terms.begin();
    auto b = other.m_terms.begin();
    while (a != m_terms.end() || b != other.m_terms.end()) {
        if (b == other.m_terms.end() || (a != m_terms.end() && a->first < b->first)) {
            merged.push_back(*a++);
        } else if (a == m_terms.end() || b->first < a->first) {
            merged.push_back(*b++);
        } else {
            const double sum = a->second + b->second;
            if (sum != 0.0)
                merged.emplace_back(a->first, sum);
            ++a;
            ++b;
        }
    }
    m_terms = std::move(merged);
    return *this;
}

ParameterExpression& ParameterExpression::operator-=(const ParameterExpression& other)
{
    return *this += -other;
}

ParameterExpression& ParameterExpression::operator*=(double factor)
{
    m_constant *= factor;
    for (auto& term : m_terms)
        term.second *= factor;
    std::erase_if(m_terms, [](const auto& term) { return term.second == 0.0; });
    return *this;
}

bool ParameterExpression::approxEquals(const ParameterExpression& other, double tolerance) const
{
    if (!(std::abs(m_constant - other.m_constant) <= tolerance))
        return false;
    auto a = m_terms.begin();
    auto b = other.m_terms.begin();
    while (a != m_terms.end() || b != other.m_terms.end()) {
        double difference = 0.0;
        if (b == other.m_terms.end() || (a != m_terms.end() && a->first < b->first))
            difference = (a++)->second;
        else if (a == m_terms.end() || b->first < a->first)
            difference = (b++)->second;
        else
            difference = (a++)->second - (b++)->second;
        if (!(std::abs(difference) <= tolerance))
            return false;
    }
    return true;
}

std::string ParameterExpression::toQasm(const std::vector<std::string>& names) const
{
    checkFinite(m_constant, "constant");
    std::string out;
    bool first = true;
    for (const auto& [index, coefficient] : m_terms) {
        checkFinite(coefficient, "coefficient");
        if (index >= names.size())
            throw Error(ErrorCode::InvalidArgument,
                        "parameter " + std::to_string(index) + " has no name (" + std::to_string(names.size()) +
                            " given)",
                        "names");
        const double magnitude = std::abs(coefficient);
        if (first)
            out.append(coefficient < 0 ? "-" : "");
        else
            out.append(coefficient < 0 ? " - " : " + ");
        if (magnitude != 1.0) {
            appendConstant(out, magnitude);
            out += '*';
        }
        out.append(names[index]);
        first = false;
    }
    if (first) {
        // Reading "-0" back gives +0; both compare equal, so the constant 0 is always written "0".
        if (m_constant == 0.0)
            out += '0';
        else
            appendConstant(out, m_constant);
    } else if (m_constant != 0.0) {
        out.append(m_constant < 0 ? " - " : " + ");
        appendConstant(out, std::abs(m_constant));
    }
    return out;
}

} // namespace engine
