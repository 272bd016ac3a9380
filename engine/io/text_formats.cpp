// SPDX-License-Identifier: MIT
// Readers and writers for the Gset/rudy, MQLib and OR-Library text formats.
#include "io/text_formats.h"

#include "core/error.h"
#include "io/instance_limits.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <vector>

namespace engine {

namespace {

// The shortest data line, "1 2 3\n", bounds how many entries a file of a given size can hold, so a vector
// sized from a header count never outgrows the content that backs it.
constexpr std::size_t MIN_ENTRY_BYTES = 6;
constexpr std::size_t MAX_TOKEN_ECHO = 40;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

// Walks the data lines of a text file, skipping blank and comment lines, and builds errors that name the
// current line.
class LineReader {
public:
    LineReader(std::string_view content, std::string source)
        : m_content(content), m_source(std::move(source))
    {
    }

    /// Splits the next data line into `tokens`; false at the end of the content.
    bool next(std::vector<std::string_view>& tokens)
    {
        while (m_pos < m_content.size()) {
            std::size_t end = m_content.find('\n', m_pos);
            if (end == std::string_view::npos)
                end = m_content.size();
            const std::string_view line = m_content.substr(m_pos, end - m_pos);
            m_pos = end + 1;
            ++m_line;
            tokens.clear();
            std::size_t i = 0;
            while (i < line.size()) {
                while (i < line.size() && isSpace(line[i]))
                    ++i;
                const std::size_t start = i;
                while (i < line.size() && !isSpace(line[i]))
                    ++i;
                if (i > start)
                    tokens.push_back(line.substr(start, i - start));
            }
            if (tokens.empty() || tokens.front().front() == '#' || tokens.front().front() == '%')
                continue;
            return true;
        }
        return false;
    }

    std::size_t line() const { return m_line; }
    std::string where(std::size_t line) const { return m_source + ":" + std::to_string(line); }
    Error error(const std::string& detail) const { return Error(ErrorCode::InvalidInput, detail, where(m_line)); }
    Error errorAt(std::size_t line, const std::string& detail) const
    {
        return Error(ErrorCode::InvalidInput, detail, where(line));
    }
    const std::string& source() const { return m_source; }
    std::size_t contentSize() const { return m_content.size(); }

private:
    std::string_view m_content;
    std::string m_source;
    std::size_t m_pos = 0;
    std::size_t m_line = 0;
};

std::string echo(std::string_view token)
{
    if (token.size() <= MAX_TOKEN_ECHO)
        return "'" + std::string(token) + "'";
    return "'" + std::string(token.substr(0, MAX_TOKEN_ECHO)) + "...'";
}

std::string_view withoutPlus(std::string_view token)
{
    return token.size() > 1 && token.front() == '+' ? token.substr(1) : token;
}

std::uint64_t parseUnsigned(std::string_view token, const char* what, const LineReader& reader)
{
    const std::string_view digits = withoutPlus(token);
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec == std::errc::result_out_of_range)
        throw reader.error(std::string(what) + " " + echo(token) + " is too large");
    if (ec != std::errc() || end != digits.data() + digits.size())
        throw reader.error("expected " + std::string(what) + " (a non-negative integer), got " + echo(token));
    return value;
}

double parseNumber(std::string_view token, const char* what, const LineReader& reader)
{
    const std::string_view text = withoutPlus(token);
    double value = 0.0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc::result_out_of_range)
        throw reader.error(std::string(what) + " " + echo(token) + " is out of the range of a double");
    if (ec != std::errc() || end != text.data() + text.size())
        throw reader.error("expected " + std::string(what) + " (a number), got " + echo(token));
    if (!std::isfinite(value))
        throw reader.error(std::string(what) + " " + echo(token) + " is not finite");
    return value;
}

std::string formatNumber(double value)
{
    char buffer[64];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return ec == std::errc() ? std::string(buffer, end) : std::string("0");
}

// A 1-based index from a data line, checked against 1..n and returned 0-based.
std::uint32_t parseIndex(std::string_view token, std::uint64_t n, const char* what, const LineReader& reader)
{
    const std::uint64_t value = parseUnsigned(token, what, reader);
    if (value < 1 || value > n)
        throw reader.error(std::string(what) + " " + std::to_string(value) + " is out of range 1.." + std::to_string(n));
    return static_cast<std::uint32_t>(value - 1);
}

struct Header {
    std::uint64_t count = 0;    // vertices or variables
    std::uint64_t entries = 0;  // edges or non-zero entries
    std::size_t line = 0;
};

Header parseHeader(const std::vector<std::string_view>& tokens, const char* countName, const char* entryName,
                   const LineReader& reader)
{
    if (tokens.size() != 2)
        throw reader.error(std::string("expected a header line \"n m\" (") + countName + ", " + entryName
                           + "), got " + std::to_string(tokens.size()) + " fields");
    Header header;
    header.count = parseUnsigned(tokens[0], countName, reader);
    header.entries = parseUnsigned(tokens[1], entryName, reader);
    header.line = reader.line();
    if (header.count == 0)
        throw reader.error(std::string(countName) + " must be at least 1");
    if (header.count > MAX_FILE_VARIABLES)
        throw reader.error(std::string(countName) + " " + std::to_string(header.count) + " exceeds the limit of "
                           + std::to_string(MAX_FILE_VARIABLES));
    return header;
}

// One "i j value" line, 0-based with i <= j, remembering where it came from.
struct Entry {
    std::uint32_t i = 0;
    std::uint32_t j = 0;
    double value = 0.0;
    std::size_t line = 0;
};

// Reads exactly header.entries data lines "i j value" with 1-based indices up to header.count.
std::vector<Entry> readEntries(LineReader& reader, const Header& header, bool allowDiagonal, const char* indexName,
                               const char* valueName, const char* entryName, const char* lineShape)
{
    std::vector<Entry> entries;
    entries.reserve(static_cast<std::size_t>(
        std::min<std::uint64_t>(header.entries, reader.contentSize() / MIN_ENTRY_BYTES + 1)));
    std::vector<std::string_view> tokens;
    std::size_t lastLine = header.line;
    while (entries.size() < header.entries) {
        if (!reader.next(tokens))
            throw reader.errorAt(lastLine, "the file ends after " + std::to_string(entries.size()) + " of the "
                                               + std::to_string(header.entries) + " " + entryName
                                               + " announced on line " + std::to_string(header.line));
        lastLine = reader.line();
        if (tokens.size() != 3)
            throw reader.error("expected \"" + std::string(lineShape) + "\", got " + std::to_string(tokens.size())
                               + " fields");
        Entry e;
        e.i = parseIndex(tokens[0], header.count, indexName, reader);
        e.j = parseIndex(tokens[1], header.count, indexName, reader);
        e.value = parseNumber(tokens[2], valueName, reader);
        e.line = reader.line();
        if (e.i == e.j && !allowDiagonal)
            throw reader.error("self-loop on vertex " + std::to_string(e.i + 1));
        if (e.i > e.j)
            std::swap(e.i, e.j);
        entries.push_back(e);
    }
    return entries;
}

// Reports the first repeated (i, j) in file order, naming the line it repeats.
void rejectDuplicates(const std::vector<Entry>& entries, const LineReader& reader, const char* entryName)
{
    std::vector<std::size_t> order(entries.size());
    for (std::size_t k = 0; k < order.size(); ++k)
        order[k] = k;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const Entry& x = entries[a];
        const Entry& y = entries[b];
        return x.i != y.i ? x.i < y.i : x.j != y.j ? x.j < y.j : a < b;
    });
    const Entry* worst = nullptr;
    const Entry* first = nullptr;
    for (std::size_t k = 1; k < order.size(); ++k) {
        const Entry& prev = entries[order[k - 1]];
        const Entry& cur = entries[order[k]];
        if (prev.i == cur.i && prev.j == cur.j && (!worst || cur.line < worst->line)) {
            worst = &cur;
            first = &prev;
        }
    }
    if (worst)
        throw reader.errorAt(worst->line, std::string(entryName) + " (" + std::to_string(worst->i + 1) + ", "
                                              + std::to_string(worst->j + 1) + ") repeats line "
                                              + std::to_string(first->line));
}

void rejectTrailingData(LineReader& reader, const Header& header, const char* entryName)
{
    std::vector<std::string_view> tokens;
    if (reader.next(tokens))
        throw reader.error("unexpected data after the " + std::to_string(header.entries) + " " + entryName
                           + " announced on line " + std::to_string(header.line));
}

// Reads one MQLib-style block whose header line is in `tokens`.
QuboModel readQuboBlock(LineReader& reader, const std::vector<std::string_view>& tokens)
{
    const Header header = parseHeader(tokens, "variable count", "entry count", reader);
    const double n = static_cast<double>(header.count);
    if (static_cast<double>(header.entries) > n * (n + 1.0) / 2.0)
        throw reader.error("entry count " + std::to_string(header.entries) + " exceeds n(n+1)/2 for n = "
                           + std::to_string(header.count));
    std::vector<Entry> entries = readEntries(reader, header, true, "variable index", "coefficient", "entries", "i j q");
    rejectDuplicates(entries, reader, "entry");

    for (const Entry& e : entries)
        if (!std::isfinite(2.0 * e.value))
            throw reader.errorAt(e.line, "coefficient " + formatNumber(e.value) + " is too large to double");
    // Sorted by (i, j) so the model appends each pair in O(1).
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.i != b.i ? a.i < b.i : a.j < b.j; });
    QuboModel qubo(static_cast<std::size_t>(header.count));
    for (const Entry& e : entries) {
        if (e.i == e.j)
            qubo.addLinear(e.i, -e.value);
        else if (e.value != 0.0)
            qubo.addQuadratic(e.i, e.j, -2.0 * e.value);
    }
    return qubo;
}

std::string mqlibBody(const QuboModel& qubo, const char* formatName)
{
    if (qubo.offset() != 0.0)
        throw Error(ErrorCode::InvalidArgument,
                    std::string(formatName) + " files cannot hold the constant offset " + formatNumber(qubo.offset())
                        + "; save as JSON or BQM instead");
    std::string lines;
    std::size_t count = 0;
    for (std::size_t i = 0; i < qubo.numVariables(); ++i) {
        const std::string row = std::to_string(i + 1) + " ";
        if (qubo.linear(i) != 0.0) {
            lines += row + std::to_string(i + 1) + " " + formatNumber(-qubo.linear(i)) + "\n";
            ++count;
        }
        for (const QuboNeighbor& nb : qubo.neighbors(i)) {
            if (nb.index <= i || nb.value == 0.0)
                continue;
            lines += row + std::to_string(nb.index + 1) + " " + formatNumber(-nb.value / 2.0) + "\n";
            ++count;
        }
    }
    return std::to_string(qubo.numVariables()) + " " + std::to_string(count) + "\n" + lines;
}

} // namespace

WeightedGraph readGset(std::string_view content, const std::string& source)
{
    LineReader reader(content, source);
    std::vector<std::string_view> tokens;
    if (!reader.next(tokens))
        throw Error(ErrorCode::InvalidInput, "the file holds no data (expected a header line \"n m\")", source);
    const Header header = parseHeader(tokens, "vertex count", "edge count", reader);
    const double n = static_cast<double>(header.count);
    if (static_cast<double>(header.entries) > n * (n - 1.0) / 2.0)
        throw reader.error("edge count " + std::to_string(header.entries) + " exceeds n(n-1)/2 for n = "
                           + std::to_string(header.count) + " (a simple graph)");
    const std::vector<Entry> entries = readEntries(reader, header, false, "vertex index", "weight", "edges", "i j w");
    rejectDuplicates(entries, reader, "edge");
    rejectTrailingData(reader, header, "edges");

    WeightedGraph graph(static_cast<std::size_t>(header.count));
    for (const Entry& e : entries)
        graph.addEdge(e.i, e.j, e.value);
    return graph;
}

std::string writeGset(const WeightedGraph& graph)
{
    std::string text = std::to_string(graph.numVertices()) + " " + std::to_string(graph.numEdges()) + "\n";
    for (const Edge& e : graph.edges())
        text += std::to_string(e.u + 1) + " " + std::to_string(e.v + 1) + " " + formatNumber(e.weight) + "\n";
    return text;
}

QuboModel readMqlib(std::string_view content, const std::string& source)
{
    LineReader reader(content, source);
    std::vector<std::string_view> tokens;
    if (!reader.next(tokens))
        throw Error(ErrorCode::InvalidInput, "the file holds no data (expected a header line \"n m\")", source);
    QuboModel qubo = readQuboBlock(reader, tokens);
    std::vector<std::string_view> rest;
    if (reader.next(rest))
        throw reader.error("unexpected data after the entries announced in the header");
    return qubo;
}

std::string writeMqlib(const QuboModel& qubo)
{
    return mqlibBody(qubo, "MQLib");
}

QuboModel readOrLibrary(std::string_view content, const std::string& source, std::size_t index)
{
    LineReader reader(content, source);
    std::vector<std::string_view> tokens;
    if (!reader.next(tokens))
        throw Error(ErrorCode::InvalidInput, "the file holds no data (expected the instance count)", source);
    if (tokens.size() != 1)
        throw reader.error("expected the instance count alone on the first line, got " + std::to_string(tokens.size())
                           + " fields");
    const std::uint64_t count = parseUnsigned(tokens[0], "instance count", reader);
    if (count == 0)
        throw reader.error("the instance count must be at least 1");
    if (index == 0 || index > count)
        throw Error(ErrorCode::InvalidArgument,
                    "instance " + std::to_string(index) + " was requested; the file holds instances 1.."
                        + std::to_string(count),
                    source);
    for (std::size_t block = 1;; ++block) {
        if (!reader.next(tokens))
            throw reader.errorAt(reader.line(), "the file ends before instance " + std::to_string(block) + " of "
                                                    + std::to_string(count));
        if (block == index)
            return readQuboBlock(reader, tokens);
        // Earlier blocks are skipped, but their headers and line counts must still add up.
        const Header header = parseHeader(tokens, "variable count", "entry count", reader);
        for (std::uint64_t k = 0; k < header.entries; ++k)
            if (!reader.next(tokens))
                throw reader.errorAt(reader.line(), "the file ends inside instance " + std::to_string(block));
    }
}

std::string writeOrLibrary(const QuboModel& qubo)
{
    return "1\n" + mqlibBody(qubo, "OR-Library");
}

FileFormat detectTextFormat(std::string_view content)
{
    const std::size_t first = content.find_first_not_of(" \t\r\n\v\f");
    if (first != std::string_view::npos && content[first] == '{')
        return FileFormat::Json;
    LineReader reader(content, {});
    std::vector<std::string_view> tokens;
    if (!reader.next(tokens))
        return FileFormat::Gset;
    if (tokens.size() == 1)
        return FileFormat::OrLibrary;
    // A diagonal entry marks a QUBO; an edge list never has one.
    while (reader.next(tokens))
        if (tokens.size() == 3 && withoutPlus(tokens[0]) == withoutPlus(tokens[1]))
            return FileFormat::Mqlib;
    return FileFormat::Gset;
}

} // namespace engine
