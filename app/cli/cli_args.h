// SPDX-License-Identifier: MIT
// Command-line option parsing for qaoa-cli subcommands, with errors that name the option.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace cli {

/// One option a subcommand accepts. `valueName` empty means a flag without a value.
struct OptionSpec {
    OptionSpec(std::string name_, std::string valueName_, std::string help_, std::string alias_ = {})
        : name(std::move(name_)), valueName(std::move(valueName_)), help(std::move(help_)), alias(std::move(alias_))
    {
    }

    std::string name;       ///< with dashes, for example "--tasks" (a short alias may follow in `alias`)
    std::string valueName;  ///< "N", "FILE", ... ; empty for flags
    std::string help;       ///< one line of help
    std::string alias;      ///< for example "-o", or empty
};

/// The parsed arguments of one subcommand. Accessors validate and convert values; every failure throws
/// engine::Error(InvalidArgument) whose where() is the option name, so main prints "--tasks: ...".
class ParsedArgs {
public:
    std::vector<std::string> positionals;  ///< non-option arguments in order

    bool has(const std::string& name) const { return m_values.count(name) != 0; }
    bool flag(const std::string& name) const { return has(name); }
    std::string text(const std::string& name, const std::string& fallback = {}) const;
    /// The comma-separated items of option `name` (empty items skipped); throws Error(InvalidArgument) naming
    /// the option when there are none.
    std::vector<std::string> list(const std::string& name) const;
    /// Requires the option; throws "option is required" otherwise.
    std::string requiredText(const std::string& name) const;
    long long integer(const std::string& name, long long fallback, long long min, long long max) const;
    std::uint64_t unsignedInteger(const std::string& name, std::uint64_t fallback) const;
    double number(const std::string& name, double fallback, double min, double max) const;
    /// Comma-separated numbers ("0.1,0.2").
    std::vector<double> numberList(const std::string& name) const;
    /// One of `choices`; throws naming the allowed values otherwise.
    std::string choice(const std::string& name, const std::string& fallback,
                       const std::vector<std::string>& choices) const;

    void set(const std::string& name, std::string value) { m_values[name] = std::move(value); }

private:
    std::map<std::string, std::string> m_values;  // option name (long form) -> raw value ("" for flags)
};

/// Parses `args` (without the program and subcommand names) against `specs`. "--name value", "--name=value"
/// and aliases are accepted; "--" ends options. Throws engine::Error(InvalidArgument) for unknown options,
/// a missing value, an option given twice, a value given to a flag, or more than `maxPositionals` positionals.
ParsedArgs parseArgs(const std::vector<std::string>& args, const std::vector<OptionSpec>& specs,
                     std::size_t maxPositionals);

/// The options block of a help text, aligned.
std::string formatOptions(const std::vector<OptionSpec>& specs);

} // namespace cli
