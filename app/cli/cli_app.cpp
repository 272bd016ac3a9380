// SPDX-License-Identifier: MIT
// The qaoa-cli dispatcher.
#include "cli_app.h"

#include "core/error.h"
#include "gnn/gnn_predictor.h"

#include <algorithm>
#include <exception>
#include <new>
#include <ostream>

namespace cli {

namespace {

void printOverview(std::ostream& out)
{
    out << "qaoa-cli " << QAOA_VERSION << ": the headless QAOA Workbench.\n\n"
        << "Usage: qaoa-cli <command> [options]\n"
        << "       qaoa-cli <command> --help\n\n"
        << "Commands:\n";
    for (const Command& c : commands())
        out << "  " << c.name << std::string(12 - std::min<std::size_t>(11, c.name.size()), ' ') << c.summary
            << "\n";
    out << "\nInstance files: workbench JSON (.json, .qwproj), Gset/rudy edge lists, MQLib and OR-Library QUBO\n"
        << "files, each optionally gzip-compressed (.gz). Exit status: 0 success, 2 bad usage or input.\n";
}

void printHelp(const Command& c, std::ostream& out)
{
    out << c.usage << "\n\nOptions:\n" << formatOptions(c.options) << "  -h, --help" << "  show this help\n";
}

} // namespace

const std::vector<Command>& commands()
{
    static const std::vector<Command> table{makeGenerateCommand(), makeEncodeCommand(), makeSolveCommand(),
                                            makeEvaluateCommand(),  makeQaoaCommand(),  makeReproduceCommand(),
                                            makeSweepCommand(),       makeLcrpBatchCommand(), makeTrainGnnCommand(),
                                            makeQFactorCommand(),   makeTranspileCommand(), makeBackendsCommand(),
                                            makeSubmitCommand(),    makeJobsCommand(),  makeSessionCommand(),
                                            makeBundleCommand(),
                                            makeBenchCommand(),     makeSchemaCommand()};
    return table;
}

int runCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    static const bool gnnInstalled = (engine::installGnnAnglePredictor(), true);  // AngleMethod::Gnn
    (void)gnnInstalled;
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        if (args.size() >= 2) {
            for (const Command& c : commands())
                if (c.name == args[1]) {
                    printHelp(c, out);
                    return EXIT_OK;
                }
        }
        printOverview(args.empty() ? err : out);
        return args.empty() ? EXIT_USAGE : EXIT_OK;
    }
    if (args[0] == "--version") {
        out << "qaoa-cli " << QAOA_VERSION << "\n";
        return EXIT_OK;
    }
    const auto it = std::find_if(commands().begin(), commands().end(),
                                 [&](const Command& c) { return c.name == args[0]; });
    if (it == commands().end()) {
        err << "qaoa-cli: error: unknown command '" << args[0] << "' (see 'qaoa-cli --help')\n";
        return EXIT_USAGE;
    }
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (std::find(rest.begin(), rest.end(), "--help") != rest.end()
        || std::find(rest.begin(), rest.end(), "-h") != rest.end()) {
        printHelp(*it, out);
        return EXIT_OK;
    }
    try {
        const ParsedArgs parsed = parseArgs(rest, it->options, it->maxPositionals);
        it->run(parsed, out);
        out.flush();
        return EXIT_OK;
    } catch (const engine::Error& e) {
        err << "qaoa-cli " << it->name << ": error: " << e.what() << "\n";
        if (e.code() == engine::ErrorCode::InvalidArgument)
            err << "(see 'qaoa-cli " << it->name << " --help')\n";
        return EXIT_USAGE;
    } catch (const CommandFailed& e) {
        out.flush();
        err << "qaoa-cli " << it->name << ": error: " << e.what() << "\n";
        return EXIT_INTERNAL;
    } catch (const std::bad_alloc&) {
        err << "qaoa-cli " << it->name << ": error: out of memory\n";
        return EXIT_USAGE;
    } catch (const std::exception& e) {
        err << "qaoa-cli " << it->name << ": internal error: " << e.what() << "\n";
        return EXIT_INTERNAL;
    }
}

} // namespace cli
