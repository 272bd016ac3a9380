// SPDX-License-Identifier: MIT
// `qaoa-cli backends`: the local emulated backends and, with an IBM account, the account's devices.
#include "cli_app.h"
#include "cli_output.h"

#include "core/error.h"
#include "ibmq/ibm_client.h"
#include "jobservice/backend_listing.h"

#include <cstdio>
#include <ostream>

namespace cli {

namespace {

std::string percent(const std::optional<double>& value)
{
    if (!value)
        return "-";
    char text[32];
    std::snprintf(text, sizeof text, "%.2f%%", 100.0 * *value);
    return text;
}

void runBackends(const ParsedArgs& args, std::ostream& out)
{
    std::vector<engine::BackendEntry> entries = engine::listLocalBackends();
    std::vector<std::string> warnings;
    std::shared_ptr<engine::IbmClient> client;
    try {
        client = ibmClientFromArgs(args, args.has("--account"));
    } catch (const engine::Error& error) {
        // A broken account file must not hide the local backends; a named account that is missing must fail.
        if (args.has("--account"))
            throw;
        warnings.push_back(std::string("IBM account unusable: ") + error.what());
    }
    if (client) {
        try {
            std::vector<engine::BackendEntry> ibm = engine::listIbmBackends(*client);
            entries.insert(entries.end(), ibm.begin(), ibm.end());
        } catch (const engine::Error& error) {
            warnings.push_back(std::string("IBM backends unavailable: ") + error.what());
        }
    }
    if (args.flag("--json")) {
        nlohmann::json list = nlohmann::json::array();
        for (const engine::BackendEntry& e : entries)
            list.push_back(engine::backendEntryJson(e));
        printJson(out, {{"backends", std::move(list)},
                        {"ibm_account", client ? nlohmann::json(client->account().name) : nlohmann::json(nullptr)},
                        {"warnings", warnings}});
        return;
    }
    char line[256];
    std::snprintf(line, sizeof line, "%-18s %-8s %-9s %6s %6s %10s %10s  %s\n", "backend", "provider", "status",
                  "qubits", "queue", "median 2q", "readout", "processor");
    out << line;
    for (const engine::BackendEntry& e : entries) {
        std::snprintf(line, sizeof line, "%-18s %-8s %-9s %6d %6s %10s %10s  %s\n", e.name.c_str(),
                      e.provider.c_str(), e.status.c_str(), e.numQubits,
                      e.queueLength >= 0 ? std::to_string(e.queueLength).c_str() : "-",
                      percent(e.errors.medianTwoQubitError).c_str(), percent(e.errors.medianReadoutError).c_str(),
                      e.processor.c_str());
        out << line;
    }
    if (!client && warnings.empty())
        out << "(no IBM account: set QISKIT_IBM_TOKEN and QISKIT_IBM_INSTANCE or save one with Qiskit)\n";
    for (const std::string& w : warnings)
        out << "warning: " << w << "\n";
}

} // namespace

Command makeBackendsCommand()
{
    Command c;
    c.name = "backends";
    c.summary = "list the local emulated backends and the IBM account's devices";
    c.usage = "Usage: qaoa-cli backends [--ibm-url URL] [--iam-url URL] [--account NAME] [--json]\n\n"
              "local:* backends (the noisy emulator with a bundled calibration snapshot; local:ideal without noise)\n"
              "are always listed. With an IBM Quantum account (QISKIT_IBM_TOKEN and QISKIT_IBM_INSTANCE, or\n"
              "~/.qiskit/qiskit-ibm.json) the account's devices follow with status, queue length and median errors\n"
              "from their live calibration; when IBM cannot be reached a warning says why. QAOA_IBM_URL and\n"
              "QAOA_IAM_URL (or the options) point the client elsewhere.";
    c.options = ibmAccountOptions();
    c.options.push_back({"--json", "", "print one JSON object"});
    c.maxPositionals = 0;
    c.run = runBackends;
    return c;
}

} // namespace cli
