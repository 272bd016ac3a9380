// SPDX-License-Identifier: MIT
// `qaoa-cli schema [NAME]`: the JSON Schemas of the workbench's file formats.
#include "cli_app.h"

#include "io/json_schema.h"

#include <ostream>

namespace cli {

Command makeSchemaCommand()
{
    Command c;
    c.name = "schema";
    c.summary = "print the JSON Schema of a file format";
    c.usage = "Usage: qaoa-cli schema [NAME]\n\n"
              "Without NAME lists the schemas; with NAME prints it (lcrp-instance, graph-instance, qubo-instance,\n"
              "project, bundle-manifest).";
    c.run = [](const ParsedArgs& args, std::ostream& out) {
        if (args.positionals.empty()) {
            for (const std::string& name : engine::embeddedSchemaNames())
                out << name << "\n";
            return;
        }
        out << engine::embeddedSchemaText(args.positionals[0]);
    };
    return c;
}

} // namespace cli
