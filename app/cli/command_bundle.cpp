// SPDX-License-Identifier: MIT
// `qaoa-cli bundle verify|show FILE`: recompute a reproducible bundle's numbers, or summarise what it holds.
#include "cli_app.h"
#include "cli_output.h"

#include "bundle/bundle_file.h"
#include "bundle/bundle_verify.h"
#include "core/error.h"

#include <ostream>
#include <stdexcept>

namespace cli {

namespace {

using engine::Error;
using engine::ErrorCode;

std::string valueText(const nlohmann::json& value)
{
    if (value.is_string())
        return value.get<std::string>();
    const std::string text = value.dump();
    return text.size() > 60 ? text.substr(0, 57) + "..." : text;
}

void runVerify(const std::string& path, const ParsedArgs& args, std::ostream& out)
{
    engine::BundleVerifyOptions options;
    options.tolerance = args.number("--tolerance", engine::BUNDLE_DEFAULT_TOLERANCE, 0.0, 1.0);
    options.threads = static_cast<int>(args.integer("--threads", -1, -1, 1024));
    const engine::BundleVerifyReport report = engine::verifyBundleFile(path, options);
    if (args.flag("--json")) {
        printJson(out, engine::bundleVerifyReportJson(report));
    } else {
        out << "bundle " << path << " (" << report.kind << ")\n";
        for (const std::string& note : report.notes)
            out << "  " << note << "\n";
        for (const engine::BundleCheck& c : report.checks) {
            if (c.compared && c.ok && !args.flag("--all"))
                continue;
            out << (c.compared ? (c.ok ? "  ok       " : "  DIFFERS  ") : "  skipped  ") << c.quantity
                << ": stored " << valueText(c.stored);
            if (c.compared)
                out << ", recomputed " << valueText(c.recomputed);
            if (c.tolerance > 0.0)
                out << " (tol " << c.tolerance << ")";
            if (!c.note.empty())
                out << " - " << c.note;
            out << "\n";
        }
        out << (report.ok ? "OK: " : "FAILED: ") << report.comparedCount() - report.failedCount() << " of "
            << report.comparedCount() << " quantities match";
        const std::size_t skipped = report.checks.size() - report.comparedCount();
        if (skipped > 0)
            out << ", " << skipped << " not reproducible by design (not compared)";
        out << "\n";
    }
    if (!report.ok) {
        out.flush();
        throw CommandFailed("bundle verification failed: " + std::to_string(report.failedCount()) + " of " +
                                 std::to_string(report.comparedCount()) + " quantities differ");
    }
}

void runShow(const std::string& path, const ParsedArgs& args, std::ostream& out)
{
    const engine::Bundle bundle = engine::readBundle(path);
    nlohmann::json manifest = engine::bundleManifest(bundle);
    if (args.flag("--json")) {
        manifest["source"] = path;
        printJson(out, manifest);
        return;
    }
    out << "bundle " << path << "\n"
        << "  kind:     " << bundle.kind << "\n"
        << "  created:  " << bundle.created << "\n"
        << "  producer: " << bundle.producer << "\n"
        << "files (SHA-256 verified):\n";
    for (const nlohmann::json& f : manifest["files"])
        out << "  " << f["path"].get<std::string>() << "  " << f["role"].get<std::string>() << "  "
            << f["bytes"].get<std::uint64_t>() << " bytes  " << f["sha256"].get<std::string>() << "\n";
    out << "settings:\n";
    for (const auto& [key, value] : bundle.settings.items())
        out << "  " << key << " = " << valueText(value) << "\n";
    out << "results:\n";
    for (const auto& [key, value] : bundle.results.items())
        out << "  " << key << " = " << valueText(value) << "\n";
}

void runBundleCommand(const ParsedArgs& args, std::ostream& out)
{
    if (args.positionals.size() != 2)
        throw Error(ErrorCode::InvalidArgument, "expected 'verify FILE' or 'show FILE'", "bundle");
    const std::string& action = args.positionals[0];
    const std::string& path = args.positionals[1];
    if (action == "verify")
        return runVerify(path, args, out);
    if (args.has("--tolerance") || args.has("--threads") || args.has("--all"))
        throw Error(ErrorCode::InvalidArgument, "--tolerance, --threads and --all belong to 'bundle verify'", action);
    if (action == "show")
        return runShow(path, args, out);
    throw Error(ErrorCode::InvalidArgument, "unknown action '" + action + "' (expected verify or show)", "bundle");
}

} // namespace

Command makeBundleCommand()
{
    Command c;
    c.name = "bundle";
    c.summary = "verify a reproducible bundle (.qwbundle) by recomputing it, or show what it holds";
    c.usage = "Usage: qaoa-cli bundle verify FILE [--json] [--all] [--tolerance X] [--threads T]\n"
              "       qaoa-cli bundle show FILE [--json]\n\n"
              "A bundle (written by 'qaoa-cli qaoa --bundle OUT' or 'qaoa-cli qfactor --bundle OUT') is one gzip-\n"
              "compressed ustar file: manifest.json (kind, every setting and seed, SHA-256 of every file, the computed\n"
              "results), the instance, the samples, and the calibration and circuits when the run had any. 'verify'\n"
              "checks every hash, reruns the computation offline and compares each stored number with the recomputed\n"
              "one; values that depend on wall-clock time are listed as not compared. Exit status: 0 every quantity\n"
              "matches, 1 something differs, 2 bad usage or an unreadable, tampered or invalid bundle.";
    c.options = {
        {"--json", "", "print one JSON object (verify: every check; show: the manifest)"},
        {"--all", "", "verify: list matching quantities too, not only differences and skipped ones"},
        {"--tolerance", "X", "verify: relative tolerance of floating-point values (default 1e-9)"},
        {"--threads", "T", "verify: threads of the recomputation (default: as recorded; large optimised runs "
                           "may differ with another count)"},
    };
    c.maxPositionals = 2;
    c.run = runBundleCommand;
    return c;
}

} // namespace cli
