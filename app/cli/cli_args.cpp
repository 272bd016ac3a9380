// SPDX-License-Identifier: MIT
// Command-line option parsing for qaoa-cli subcommands.
#include "cli_args.h"

#include "core/error.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>

namespace cli {

using engine::Error;
using engine::ErrorCode;

namespace {

[[noreturn]] void fail(const std::string& option, const std::string& detail)
{
    throw Error(ErrorCode::InvalidArgument, detail, option);
}

const OptionSpec* findSpec(const std::vector<OptionSpec>& specs, const std::string& name)
{
    for (const OptionSpec& s : specs)
        if (s.name == name || (!s.alias.empty() && s.alias == name))
            return &s;
    return nullptr;
}

double parseDouble(const std::string& option, const std::string& text)
{
    double value = 0.0;
    const char* begin = text.data();
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(begin, end, value);
    if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(value))
        fail(option, "'" + text + "' is not a finite number");
    return value;
}

} // namespace

std::string ParsedArgs::text(const std::string& name, const std::string& fallback) const
{
    auto it = m_values.find(name);
    return it == m_values.end() ? fallback : it->second;
}

std::vector<std::string> ParsedArgs::list(const std::string& name) const
{
    std::vector<std::string> items;
    std::string item;
    std::istringstream stream(text(name));
    while (std::getline(stream, item, ','))
        if (!item.empty())
            items.push_back(item);
    if (items.empty())
        throw engine::Error(engine::ErrorCode::InvalidArgument, "expected a comma-separated list", name);
    return items;
}

std::string ParsedArgs::requiredText(const std::string& name) const
{
    auto it = m_values.find(name);
    if (it == m_values.end())
        fail(name, "option is required");
    return it->second;
}

long long ParsedArgs::integer(const std::string& name, long long fallback, long long min, long long max) const
{
    auto it = m_values.find(name);
    if (it == m_values.end())
        return fallback;
    const std::string& t = it->second;
    long long value = 0;
    auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
    if (t.empty() || ec != std::errc() || ptr != t.data() + t.size())
        fail(name, "'" + t + "' is not an integer");
    if (value < min || value > max)
        fail(name, std::to_string(value) + " is out of range [" + std::to_string(min) + ", " + std::to_string(max)
                       + "]");
    return value;
}

std::uint64_t ParsedArgs::unsignedInteger(const std::string& name, std::uint64_t fallback) const
{
    auto it = m_values.find(name);
    if (it == m_values.end())
        return fallback;
    const std::string& t = it->second;
    std::uint64_t value = 0;
    auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
    if (t.empty() || ec != std::errc() || ptr != t.data() + t.size())
        fail(name, "'" + t + "' is not a non-negative integer");
    return value;
}

double ParsedArgs::number(const std::string& name, double fallback, double min, double max) const
{
    auto it = m_values.find(name);
    if (it == m_values.end())
        return fallback;
    const double value = parseDouble(name, it->second);
    if (value < min || value > max) {
        std::ostringstream range;
        range << value << " is out of range [" << min << ", " << max << "]";
        fail(name, range.str());
    }
    return value;
}

std::vector<double> ParsedArgs::numberList(const std::string& name) const
{
    std::vector<double> values;
    std::string item;
    std::istringstream stream(requiredText(name));
    while (std::getline(stream, item, ','))
        values.push_back(parseDouble(name, item));
    if (values.empty())
        fail(name, "expected a comma-separated list of numbers");
    return values;
}

std::string ParsedArgs::choice(const std::string& name, const std::string& fallback,
                               const std::vector<std::string>& choices) const
{
    const std::string value = text(name, fallback);
    if (std::find(choices.begin(), choices.end(), value) != choices.end())
        return value;
    std::string allowed;
    for (const std::string& c : choices)
        allowed += (allowed.empty() ? "" : ", ") + c;
    fail(name, "'" + value + "' is not one of: " + allowed);
}

ParsedArgs parseArgs(const std::vector<std::string>& args, const std::vector<OptionSpec>& specs,
                     std::size_t maxPositionals)
{
    ParsedArgs parsed;
    bool optionsEnded = false;
    for (std::size_t k = 0; k < args.size(); ++k) {
        const std::string& arg = args[k];
        if (optionsEnded || arg.size() < 2 || arg[0] != '-' || (arg[1] != '-' && !std::isalpha(arg[1]))) {
            parsed.positionals.push_back(arg);
            continue;
        }
        if (arg == "--") {
            optionsEnded = true;
            continue;
        }
        std::string name = arg;
        std::string value;
        bool inlineValue = false;
        if (const auto eq = arg.find('='); eq != std::string::npos && arg.rfind("--", 0) == 0) {
            name = arg.substr(0, eq);
            value = arg.substr(eq + 1);
            inlineValue = true;
        }
        const OptionSpec* spec = findSpec(specs, name);
        if (!spec)
            fail(name, "unknown option");
        if (parsed.has(spec->name))
            fail(spec->name, "option given twice");
        if (spec->valueName.empty()) {
            if (inlineValue)
                fail(spec->name, "this option takes no value");
            parsed.set(spec->name, "");
            continue;
        }
        if (!inlineValue) {
            if (k + 1 >= args.size())
                fail(spec->name, "missing value " + spec->valueName);
            value = args[++k];
        }
        parsed.set(spec->name, value);
    }
    if (parsed.positionals.size() > maxPositionals)
        fail(parsed.positionals[maxPositionals], "unexpected argument");
    return parsed;
}

std::string formatOptions(const std::vector<OptionSpec>& specs)
{
    std::vector<std::string> left;
    std::size_t width = 0;
    for (const OptionSpec& s : specs) {
        std::string l = s.alias.empty() ? s.name : s.alias + ", " + s.name;
        if (!s.valueName.empty())
            l += " " + s.valueName;
        width = std::max(width, l.size());
        left.push_back(l);
    }
    std::string text;
    for (std::size_t i = 0; i < specs.size(); ++i)
        text += "  " + left[i] + std::string(width - left[i].size() + 2, ' ') + specs[i].help + "\n";
    return text;
}

} // namespace cli
