// SPDX-License-Identifier: MIT
// The sparse QUBO model.
#include "qubo/qubo_model.h"

#include "core/error.h"

#include <algorithm>
#include <cmath>

namespace engine {

namespace {

void checkFinite(double value, const char* what)
{
    if (!std::isfinite(value))
        throw Error(ErrorCode::InvalidArgument, std::string(what) + " coefficient is not finite");
}

// Adds value to the entry for `index` in a sorted adjacency list; returns true when a new entry was made.
bool addToList(std::vector<QuboNeighbor>& list, std::uint32_t index, double value)
{
    if (list.empty() || list.back().index < index) {
        list.push_back({index, value});
        return true;
    }
    auto it = std::lower_bound(list.begin(), list.end(), index,
                               [](const QuboNeighbor& n, std::uint32_t k) { return n.index < k; });
    if (it != list.end() && it->index == index) {
        it->value += value;
        return false;
    }
    list.insert(it, {index, value});
    return true;
}

} // namespace

QuboModel::QuboModel(std::size_t numVariables)
    : m_linear(numVariables, 0.0)
    , m_adjacency(numVariables)
{
}

void QuboModel::resize(std::size_t n)
{
    if (n <= m_linear.size())
        return;
    m_linear.resize(n, 0.0);
    m_adjacency.resize(n);
    if (!m_names.empty())
        m_names.resize(n);
}

void QuboModel::addLinear(std::size_t i, double value)
{
    if (i >= m_linear.size())
        throw Error(ErrorCode::InvalidArgument, "variable " + std::to_string(i) + " out of range (n = "
                                                    + std::to_string(m_linear.size()) + ")");
    checkFinite(value, "linear");
    m_linear[i] += value;
}

void QuboModel::addQuadratic(std::size_t i, std::size_t j, double value)
{
    if (i == j) {
        addLinear(i, value);
        return;
    }
    const std::size_t n = m_linear.size();
    if (i >= n || j >= n)
        throw Error(ErrorCode::InvalidArgument, "pair (" + std::to_string(i) + ", " + std::to_string(j)
                                                    + ") out of range (n = " + std::to_string(n) + ")");
    checkFinite(value, "quadratic");
    const bool added = addToList(m_adjacency[i], static_cast<std::uint32_t>(j), value);
    addToList(m_adjacency[j], static_cast<std::uint32_t>(i), value);
    if (added)
        ++m_numPairs;
}

void QuboModel::addOffset(double value)
{
    checkFinite(value, "offset");
    m_offset += value;
}

double QuboModel::quadratic(std::size_t i, std::size_t j) const
{
    if (i >= m_adjacency.size() || j >= m_adjacency.size() || i == j)
        return 0.0;
    const auto& list = m_adjacency[i];
    auto it = std::lower_bound(list.begin(), list.end(), static_cast<std::uint32_t>(j),
                               [](const QuboNeighbor& n, std::uint32_t k) { return n.index < k; });
    return (it != list.end() && it->index == j) ? it->value : 0.0;
}

std::vector<QuadraticTerm> QuboModel::quadraticTerms() const
{
    std::vector<QuadraticTerm> terms;
    terms.reserve(m_numPairs);
    for (std::size_t i = 0; i < m_adjacency.size(); ++i)
        for (const QuboNeighbor& n : m_adjacency[i])
            if (n.index > i)
                terms.push_back({static_cast<std::uint32_t>(i), n.index, n.value});
    return terms;
}

double QuboModel::energy(const Bits& x) const
{
    if (x.size() != m_linear.size())
        throw Error(ErrorCode::InvalidArgument, "bitstring has " + std::to_string(x.size())
                                                    + " variables, the model has "
                                                    + std::to_string(m_linear.size()));
    double e = m_offset;
    for (std::size_t i = 0; i < m_linear.size(); ++i) {
        if (!x[i])
            continue;
        e += m_linear[i];
        for (const QuboNeighbor& n : m_adjacency[i])
            if (n.index > i && x[n.index])
                e += n.value;
    }
    return e;
}

double QuboModel::flipDelta(const Bits& x, std::size_t i) const
{
    double field = m_linear[i];
    for (const QuboNeighbor& n : m_adjacency[i])
        if (x[n.index])
            field += n.value;
    return x[i] ? -field : field;
}

double QuboModel::maxAbsCoefficient() const
{
    double m = 0.0;
    for (double a : m_linear)
        m = std::max(m, std::abs(a));
    for (const auto& list : m_adjacency)
        for (const QuboNeighbor& n : list)
            m = std::max(m, std::abs(n.value));
    return m;
}

void QuboModel::setVariableName(std::size_t i, std::string name)
{
    if (i >= m_linear.size())
        throw Error(ErrorCode::InvalidArgument, "variable " + std::to_string(i) + " out of range");
    if (m_names.empty())
        m_names.resize(m_linear.size());
    m_names[i] = std::move(name);
}

std::string QuboModel::variableName(std::size_t i) const
{
    if (i < m_names.size() && !m_names[i].empty())
        return m_names[i];
    std::string name = "x";  // NOTE: not "x" + to_string(i): GCC 12 -O3 warns falsely (-Wrestrict) on that
    name += std::to_string(i);
    return name;
}

bool QuboModel::operator==(const QuboModel& other) const
{
    if (numVariables() != other.numVariables() || m_offset != other.m_offset || m_linear != other.m_linear)
        return false;
    auto nonZero = [](const QuboModel& m) {
        std::vector<QuadraticTerm> t = m.quadraticTerms();
        std::erase_if(t, [](const QuadraticTerm& q) { return q.value == 0.0; });
        return t;
    };
    const auto a = nonZero(*this);
    const auto b = nonZero(other);
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const QuadraticTerm& p, const QuadraticTerm& q) {
        return p.i == q.i && p.j == q.j && p.value == q.value;
    });
}

} // namespace engine
