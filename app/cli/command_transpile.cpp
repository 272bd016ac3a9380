// SPDX-License-Identifier: MIT
// `qaoa-cli transpile FILE`: a QAOA instance or an OpenQASM circuit routed and translated for a device.
#include "cli_app.h"
#include "cli_output.h"

#include "circuit/qaoa_circuit.h"
#include "circuit/qasm.h"
#include "core/error.h"
#include "io/atomic_file.h"
#include "qubo/ising_model.h"
#include "transpile/device_catalog.h"
#include "transpile/transpiler.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <ostream>

namespace cli {

namespace {

using engine::Error;
using engine::ErrorCode;

/// Largest OpenQASM file read (the importer's own limits apply after).
constexpr std::size_t MAX_QASM_BYTES = std::size_t{256} << 20;

bool isQasmPath(const std::string& path)
{
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".qasm" || ext == ".qasm2" || ext == ".qasm3";
}

engine::TranspileOptions optionsFromArgs(const ParsedArgs& args)
{
    engine::TranspileOptions o;
    o.layout = engine::layoutMethodFromName(args.choice("--layout", "qap", {"trivial", "fiedler", "qap", "noise"}));
    o.router = engine::routerKindFromName(args.choice("--router", "astar", {"greedy", "astar", "sabre"}));
    o.iterations = static_cast<unsigned>(args.integer("--iterations", 1, 1, 1000));
    const std::uint64_t seed = args.unsignedInteger("--seed", 1);
    o.routing.seed = seed;
    o.qap.seed = seed;
    o.basis.fractionalRzz = args.flag("--fractional-rzz");
    return o;
}

/// The device of --backend, with the option named in errors about the spec itself.
engine::DeviceModel deviceArg(const ParsedArgs& args)
{
    const std::string spec = args.text("--backend", "fez");
    try {
        return engine::deviceFromSpec(spec);
    } catch (const Error& e) {
        if (e.code() == ErrorCode::InvalidArgument)
            throw Error(ErrorCode::InvalidArgument, e.detail(), "--backend");
        throw;
    }
}

nlohmann::json layoutJson(const engine::QubitLayout& layout)
{
    nlohmann::json a = nlohmann::json::array();
    for (unsigned q : layout)
        a.push_back(q);
    return a;
}

void runTranspile(const ParsedArgs& args, std::ostream& out)
{
    if (args.positionals.empty())
        throw Error(ErrorCode::InvalidArgument, "missing FILE argument (an instance or an OpenQASM file)", "FILE");
    const std::string path = args.positionals[0];
    const bool qasm = isQasmPath(path);
    engine::TranspileOptions options = optionsFromArgs(args);
    const bool bindAngles = args.has("--gammas") || args.has("--betas");
    if (qasm) {
        // General circuits are always routed with SABRE; say so rather than ignore a different choice.
        if (args.has("--router") && options.router != engine::RouterKind::Sabre)
            throw Error(ErrorCode::InvalidArgument, "OpenQASM circuits are always routed with sabre", "--router");
        if (args.has("--p"))
            throw Error(ErrorCode::InvalidArgument, "--p applies to instances, not to OpenQASM circuits", "--p");
        if (bindAngles)
            throw Error(ErrorCode::InvalidArgument, "--gammas and --betas apply to QAOA instances only", "--gammas");
    }
    const std::size_t p = static_cast<std::size_t>(args.integer("--p", 1, 1, 64));
    if (bindAngles) {
        const std::vector<double> gammas = args.numberList("--gammas");
        const std::vector<double> betas = args.numberList("--betas");
        if (gammas.size() != p || betas.size() != p)
            throw Error(ErrorCode::InvalidArgument, "--gammas and --betas need exactly p = " + std::to_string(p)
                                                        + " angles each",
                        "--gammas");
        // Bound before translation, so that --fractional-rzz can apply to the ZZ angles.
        options.parameterValues = engine::qaoaCircuitValues(gammas, betas);
    }
    const bool qasm2 = args.flag("--qasm2");
    if (qasm2 && !args.has("--output"))
        throw Error(ErrorCode::InvalidArgument, "--qasm2 selects the format of -o; give -o FILE", "--qasm2");

    const engine::DeviceModel device = deviceArg(args);
    engine::TranspileResult r;
    std::size_t numLogical = 0;
    if (qasm) {
        const engine::Circuit logical = engine::importQasm(engine::readWholeFile(path, MAX_QASM_BYTES), path);
        numLogical = logical.numQubits();
        options.router = engine::RouterKind::Sabre;
        r = engine::transpileCircuit(logical, device, options);
    } else {
        const engine::Instance instance = loadInstanceArg(args);
        const engine::IsingModel ising = engine::toIsing(engine::instanceQubo(instance, lcrpEncodingFromArgs(args)));
        numLogical = ising.numSpins();
        r = engine::transpileQaoa(ising, p, device, options);
    }

    std::string written;
    if (args.has("--output")) {
        written = args.text("--output");
        if (qasm2 && !r.isa.parameters().empty())
            throw Error(ErrorCode::InvalidArgument,
                        "OpenQASM 2 cannot declare the symbolic angles; bind them with --gammas and --betas",
                        "--qasm2");
        engine::writeFileAtomically(written, qasm2 ? engine::exportQasm2(r.isa) : engine::exportQasm3(r.isa));
    }

    std::size_t merged = 0;
    for (const engine::RoutedLayer& layer : r.layers)
        merged += layer.mergedSwaps;
    const engine::CircuitStats stats = r.isa.stats();
    nlohmann::json counts = nlohmann::json::object();
    for (const auto& [name, count] : stats.countsByName)
        counts[name] = count;
    nlohmann::json j{{"input", path},
                     {"kind", qasm ? "circuit" : "qaoa"},
                     {"backend", device.name},
                     {"device_qubits", device.numQubits},
                     {"two_qubit_gate", device.twoQubitGate},
                     {"router", engine::routerKindName(options.router)},
                     {"layout_method", engine::layoutMethodName(options.layout)},
                     {"iterations", options.iterations},
                     {"p", qasm ? nlohmann::json(nullptr) : nlohmann::json(p)},
                     {"qubits", numLogical},
                     {"swaps", r.swaps},
                     {"merged_swaps", merged},
                     {"two_qubit_gates", r.twoQubitGates},
                     {"depth", r.depth},
                     {"two_qubit_depth", r.twoQubitDepth},
                     {"layout", layoutJson(r.layout)},
                     {"final_permutation", layoutJson(r.finalPermutation)},
                     {"estimated_fidelity", r.estimatedFidelity},
                     {"seconds", r.seconds},
                     {"fractional_rzz", options.basis.fractionalRzz && device.supportsFractionalRzz},
                     {"gate_counts", counts},
                     {"parameters", r.isa.parameters()}};
    if (!device.calibrationDate.empty())
        j["calibration_date"] = device.calibrationDate;
    if (!written.empty()) {
        j["output"] = written;
        j["output_format"] = qasm2 ? "openqasm2" : "openqasm3";
    }
    if (args.flag("--json")) {
        printJson(out, j);
        return;
    }
    const std::string what = qasm ? std::string("circuit") : std::string("QAOA p = ") + std::to_string(p);
    out << "transpiled " << path << " (" << what << ", " << numLogical << " qubits) for " << device.name << " in "
        << r.seconds << " s\n"
        << "  layout " << engine::layoutMethodName(options.layout) << ", router "
        << engine::routerKindName(options.router) << ", " << options.iterations << " iteration(s)\n"
        << "  swaps: " << r.swaps << " (" << merged << " merged with terms)\n"
        << "  two-qubit gates (" << device.twoQubitGate << "): " << r.twoQubitGates << ", depth " << r.depth
        << ", two-qubit depth " << r.twoQubitDepth << "\n"
        << "  gates:";
    for (const auto& [name, count] : stats.countsByName)
        out << " " << name << " " << count;
    out << "\n  estimated fidelity: " << r.estimatedFidelity << "\n"
        << "  layout (logical -> physical):";
    for (unsigned q : r.layout)
        out << " " << q;
    out << "\n  measured from (logical -> physical):";
    for (unsigned q : r.finalPermutation)
        out << " " << q;
    out << "\n";
    if (!written.empty())
        out << "  wrote " << written << " (" << (qasm2 ? "OpenQASM 2" : "OpenQASM 3") << ")\n";
}

} // namespace

Command makeTranspileCommand()
{
    Command c;
    c.name = "transpile";
    c.summary = "route and translate a QAOA instance or an OpenQASM circuit for a device";
    c.usage = "Usage: qaoa-cli transpile FILE [--p P] [--backend DEVICE] [--layout trivial|fiedler|qap|noise]\n"
              "                              [--router greedy|astar|sabre] [--iterations K] [--seed S]\n"
              "                              [--fractional-rzz] [-o OUT.qasm] [--qasm2] [--json]\n\n"
              "FILE is an instance (any format the other commands read; its QAOA circuit with p layers and symbolic\n"
              "angles gamma_k, beta_k is built) or an OpenQASM 2/3 file (.qasm, routed with SABRE). DEVICE is fez,\n"
              "marrakesh, kingston, torino, brisbane, sherbrooke (calibration snapshots), grid:RxC, line:N or\n"
              "heavy-hex:heron-r2|heron-r1|eagle. The result uses only the device's native gates on its couplers;\n"
              "meas[i] holds logical qubit i. -o writes it as OpenQASM 3 (--qasm2: OpenQASM 2, which needs bound\n"
              "angles: --gammas, --betas). Heron's fractional rzz replaces cz pairs only for bound angles.";
    c.options = instanceCommandOptions({
        {"--p", "P", "QAOA layers (default 1)"},
        {"--backend", "DEVICE", "target device (default fez)"},
        {"--layout", "METHOD", "initial layout: trivial, fiedler, qap (default) or noise"},
        {"--router", "R", "QAOA router: greedy, astar (default) or sabre"},
        {"--iterations", "K", "routing iterations, each from the last final layout (default 1)"},
        {"--seed", "S", "seed of the layout restarts and SABRE (default 1)"},
        {"--fractional-rzz", "", "use the device's fractional rzz for bound ZZ angles (Heron)"},
        {"--output", "OUT", "write the ISA circuit as OpenQASM 3", "-o"},
        {"--qasm2", "", "write -o as OpenQASM 2 instead"},
        {"--gammas", "LIST", "bind gamma_1..gamma_p before translation (needed by --qasm2 and --fractional-rzz)"},
        {"--betas", "LIST", "bind beta_1..beta_p before translation"},
        {"--json", "", "print one JSON object"},
    });
    c.run = runTranspile;
    return c;
}

} // namespace cli
