// SPDX-License-Identifier: MIT
// `qaoa-cli bench statevector`: QAOA layer time against a plain memory pass, measured in the same run.
#include "cli_app.h"
#include "cli_output.h"

#include "core/error.h"
#include "sim/sim_benchmark.h"

#include <iomanip>
#include <ostream>

namespace cli {

namespace {

void runBench(const ParsedArgs& args, std::ostream& out)
{
    const std::string what = args.positionals.empty() ? std::string() : args.positionals[0];
    if (what != "statevector")
        throw engine::Error(engine::ErrorCode::InvalidArgument,
                            what.empty() ? "missing benchmark name (statevector)"
                                         : "unknown benchmark '" + what + "' (expected statevector)",
                            "BENCHMARK");
    const auto n = static_cast<unsigned>(args.integer("--qubits", 24, 4, engine::MAX_STATE_VECTOR_QUBITS));
    const auto p = static_cast<unsigned>(args.integer("--p", 3, 1, 64));
    const int threads = static_cast<int>(args.integer("--threads", 0, 0, 1024));
    const engine::Precision precision =
        engine::precisionFromName(args.choice("--precision", "double", {"double", "single"}));
    const std::uint64_t shots = args.unsignedInteger("--shots", 0);

    const engine::SimBenchmarkResult r = engine::runSimBenchmark(n, p, threads, precision);
    nlohmann::json j{{"benchmark", "statevector"},
                     {"qubits", r.numQubits},
                     {"p", r.layers},
                     {"threads", r.threads},
                     {"precision", engine::precisionName(r.precision)},
                     {"simd", r.simdLevel},
                     {"pass_seconds", r.passSeconds},
                     {"pass_gb_per_second", r.passGigabytesPerSecond},
                     {"layer_seconds", r.layerSeconds},
                     {"layer_over_pass", r.layerOverPass},
                     {"circuit_seconds", r.layerSeconds * r.layers},
                     {"diagonal_seconds", r.diagonalSeconds}};
    if (shots > 0) {
        j["shots"] = shots;
        j["sampling_seconds"] = engine::benchmarkSampling(n, shots);
    }
    if (args.flag("--json")) {
        printJson(out, j);
        return;
    }
    out << std::setprecision(4) << "statevector, n = " << r.numQubits << ", " << engine::precisionName(r.precision)
        << ", " << r.threads << " threads, kernels " << r.simdLevel << "\n"
        << "  plain read-and-write pass: " << r.passSeconds << " s (" << r.passGigabytesPerSecond << " GB/s)\n"
        << "  QAOA layer:                " << r.layerSeconds << " s = " << r.layerOverPass << " passes\n"
        << "  p = " << r.layers << " circuit:             " << r.layerSeconds * r.layers << " s\n"
        << "  energy diagonal (once):    " << r.diagonalSeconds << " s\n";
    if (shots > 0)
        out << "  sampling " << shots << " shots:    " << j["sampling_seconds"].get<double>() << " s\n";
}

} // namespace

Command makeBenchCommand()
{
    Command c;
    c.name = "bench";
    c.summary = "benchmarks: statevector layer time against a plain memory pass";
    c.usage = "Usage: qaoa-cli bench statevector [--qubits N] [--p P] [--threads T] [--precision double|single]\n"
              "                                  [--shots S] [--json]\n\n"
              "Times one QAOA layer (cost phase from the precomputed diagonal plus the X mixer) on a random 3-regular\n"
              "Max-Cut instance and, in the same run, one plain read-and-write pass over a state of the same size,\n"
              "and prints their ratio. The diagonal build is timed separately; --shots also times sampling.";
    c.options = {
        {"--qubits", "N", "number of qubits, even, >= 4 (default 24)"},
        {"--p", "P", "layers of the timed circuit (default 3)"},
        {"--threads", "T", "threads (default: all cores)"},
        {"--precision", "P", "double (default) or single"},
        {"--shots", "S", "also time sampling S shots (double precision)"},
        {"--json", "", "print one JSON object"},
    };
    c.run = runBench;
    return c;
}

} // namespace cli
