// SPDX-License-Identifier: MIT
// Runs qaoa-cli in-process for the CLI tests and captures its exit code, standard output and error text.
#pragma once

#include "cli_app.h"

#include <nlohmann/json.hpp>

#include <QStringList>
#include <QtGlobal>

#include <sstream>
#include <string>
#include <vector>

namespace test_support {

/// What one in-process run of qaoa-cli left behind.
struct CliRun {
    int code = -1;
    std::string out;
    std::string err;
};

/// Runs cli::runCli with `args` (without the program name) and captures both streams.
inline CliRun run(const std::vector<std::string>& args)
{
    std::ostringstream out;
    std::ostringstream err;
    CliRun r;
    r.code = cli::runCli(args, out, err);
    r.out = out.str();
    r.err = err.str();
    return r;
}

/// Runs qaoa-cli with `head` followed by `tail` (a data-driven test's argument column).
inline CliRun run(std::vector<std::string> head, const QStringList& tail)
{
    for (const QString& a : tail)
        head.push_back(a.toStdString());
    return run(head);
}

/// Runs qaoa-cli and parses its standard output as JSON; a failing run is logged with its error text so that the
/// parse error that follows can be traced to its cause.
inline nlohmann::json runJson(const std::vector<std::string>& args)
{
    const CliRun r = run(args);
    if (r.code != 0)
        qWarning("exit %d: %s", r.code, r.err.c_str());
    return nlohmann::json::parse(r.out);
}

/// The non-empty lines of `text` (CSV output, printed tables).
inline std::vector<std::string> nonEmptyLines(const std::string& text)
{
    std::vector<std::string> out;
    std::istringstream stream(text);
    std::string line;
    while (std::getline(stream, line))
        if (!line.empty())
            out.push_back(line);
    return out;
}

} // namespace test_support
