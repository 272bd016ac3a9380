// SPDX-License-Identifier: MIT
// The qaoa-cli dispatcher: a table of subcommands, help texts and the mapping of errors to exit codes.
#pragma once

#include "cli_args.h"

#include <functional>
#include <iosfwd>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace engine {
class IbmClient;
}

namespace cli {

/// Exit codes of qaoa-cli.
constexpr int EXIT_OK = 0;
constexpr int EXIT_INTERNAL = 1;  ///< an unexpected failure (a bug), or a CommandFailed: message on stderr
constexpr int EXIT_USAGE = 2;     ///< bad usage or bad input: one clear message on stderr

/// One subcommand: its options, help and implementation. `run` writes its result to `out` and throws
/// engine::Error for bad usage or input.
struct Command {
    std::string name;                                   ///< "solve"
    std::string summary;                                ///< one line for the command list
    std::string usage;                                  ///< usage lines and description (help header)
    std::vector<OptionSpec> options;                    ///< accepted options
    std::size_t maxPositionals = 1;                     ///< positional arguments accepted
    std::function<void(const ParsedArgs&, std::ostream&)> run;
};

/// All subcommands in display order.
const std::vector<Command>& commands();

/// Runs qaoa-cli with `args` (without the program name); writes results to `out` and messages to `err`.
/// Returns the exit code. Never throws.
int runCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// Command factories, one per file.
Command makeGenerateCommand();
Command makeEncodeCommand();
Command makeSolveCommand();
Command makeEvaluateCommand();
Command makeSchemaCommand();
Command makeQaoaCommand();
Command makeBenchCommand();
Command makeReproduceCommand();
Command makeTranspileCommand();
Command makeQFactorCommand();
Command makeBackendsCommand();
Command makeSubmitCommand();
Command makeJobsCommand();
Command makeSessionCommand();
Command makeBundleCommand();
Command makeSweepCommand();
Command makeTrainGnnCommand();
Command makeLcrpBatchCommand();

/// Thrown by a command that ran correctly but whose answer is "no" (e.g. `bundle verify` found a difference):
/// runCli prints "error: <what>" and exits with status 1 after the command's own report.
class CommandFailed : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Shared by `backends`, `submit`, `jobs` and `session` (defined in command_jobs.cpp).
/// --ibm-url, --iam-url, --account.
std::vector<OptionSpec> ibmAccountOptions();
/// A client for the IBM account of the environment, the Qiskit account file and those options, or null when no
/// account is configured and `required` is false (then an error naming --account).
std::shared_ptr<engine::IbmClient> ibmClientFromArgs(const ParsedArgs& args, bool required);
/// --store, or the job store's default path (XDG_DATA_HOME, HOME).
std::string jobStorePathFromArgs(const ParsedArgs& args);

} // namespace cli
