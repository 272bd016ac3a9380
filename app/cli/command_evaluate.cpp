// SPDX-License-Identifier: MIT
// `qaoa-cli evaluate FILE`: decode and score one bitstring or assignment.
#include "cli_app.h"
#include "cli_output.h"

#include "core/error.h"
#include "io/instance_file.h"
#include "lcrp/lcrp_evaluator.h"

#include <ostream>

namespace cli {

namespace {

using engine::Error;
using engine::ErrorCode;

engine::Bits bitsArg(const ParsedArgs& args, std::size_t minLength, std::size_t maxLength)
{
    const std::string text = args.requiredText("--bitstring");
    try {
        engine::Bits bits = args.flag("--qiskit-order") ? engine::bitsFromQiskitString(text)
                                                        : engine::bitsFromString(text);
        if (bits.size() != minLength && bits.size() != maxLength) {
            const std::string expected = minLength == maxLength
                                             ? std::to_string(minLength)
                                             : std::to_string(minLength) + " or " + std::to_string(maxLength);
            throw Error(ErrorCode::InvalidInput, "bitstring has " + std::to_string(bits.size())
                                                     + " bits, the instance needs " + expected);
        }
        return bits;
    } catch (const Error& e) {
        throw Error(e.code(), e.detail(), "--bitstring");
    }
}

void runEvaluate(const ParsedArgs& args, std::ostream& out)
{
    if (args.has("--bitstring") == args.has("--assignment"))
        throw Error(ErrorCode::InvalidArgument, "give exactly one of --bitstring BITS or --assignment LIST",
                    "--bitstring");
    const engine::Instance instance = loadInstanceArg(args);
    const engine::LcrpEncoderOptions encoderOptions = lcrpEncodingFromArgs(args);
    const bool json = args.flag("--json");

    if (const auto* lcrp = std::get_if<engine::LcrpInstance>(&instance)) {
        const engine::LcrpEncoding encoding = engine::encodeLcrp(*lcrp, encoderOptions);
        engine::LcrpEvaluation evaluation;
        if (args.has("--assignment")) {
            std::vector<int> assignment;
            try {
                assignment = engine::parseAssignment(*lcrp, args.text("--assignment"));
            } catch (const Error& e) {
                throw Error(e.code(), e.detail(), "--assignment");
            }
            evaluation = engine::evaluateAssignment(*lcrp, encoding, assignment);
        } else {
            const std::size_t n = encoding.numAssignmentVariables();
            const engine::Bits bits = bitsArg(args, n, n + encoding.numSlackVariables);
            evaluation = engine::evaluateBits(*lcrp, encoding, bits);
            if (!evaluation.valid && args.flag("--project")) {
                const std::vector<int> projected = engine::projectToValid(*lcrp, bits, nullptr, encoderOptions.objective);
                evaluation = engine::evaluateAssignment(*lcrp, encoding, projected);
            }
        }
        if (json)
            printJson(out, lcrpEvaluationJson(*lcrp, evaluation));
        else
            printLcrpEvaluationText(out, *lcrp, evaluation);
        return;
    }

    if (args.has("--assignment"))
        throw Error(ErrorCode::InvalidArgument, "--assignment applies to LCRP instances; use --bitstring",
                    "--assignment");
    const engine::QuboModel qubo = engine::instanceQubo(instance, encoderOptions);
    const engine::Bits bits = bitsArg(args, qubo.numVariables(), qubo.numVariables());
    const nlohmann::json result = bitsEvaluationJson(instance, qubo, bits);
    if (json) {
        printJson(out, result);
        return;
    }
    printBitsEvaluationText(out, result);
}

} // namespace

Command makeEvaluateCommand()
{
    Command c;
    c.name = "evaluate";
    c.summary = "decode and score one bitstring or assignment";
    c.usage = "Usage: qaoa-cli evaluate FILE (--bitstring BITS | --assignment M1,M2,...) [--qiskit-order]\n"
              "                             [--project] [--json]\n\n"
              "BITS lists variable 0 FIRST (x_ij at i*M+j for LCRP, optionally followed by the budget slack bits);\n"
              "--qiskit-order reads it with qubit 0 LAST, as Qiskit prints counts. --assignment names one model\n"
              "(or 0-based model index) per task. --project applies feasibility-first decoding to an invalid LCRP\n"
              "bitstring (keeps one model per task) before scoring.";
    c.options = instanceCommandOptions({
        {"--bitstring", "BITS", "0/1 string, variable 0 first"},
        {"--assignment", "LIST", "LCRP: comma-separated model names or indices, one per task"},
        {"--qiskit-order", "", "read BITS with qubit 0 as the rightmost character"},
        {"--project", "", "LCRP: project an invalid bitstring to the nearest valid assignment"},
        {"--json", "", "print one JSON object"},
    });
    c.run = runEvaluate;
    return c;
}

} // namespace cli
