// SPDX-License-Identifier: MIT
// Benchmark of noisy emulation: a 20-qubit p = 2 QAOA circuit transpiled to local:fez, 4000 shots.
//
// Usage: bench_noisy_emulator [--qubits=N] [--shots=N] [--trajectories=N] [--threads=N] [--seed=N] [--idle=0|1]
// Default: 12 logical qubits (random 3-regular MaxCut), which the fez routing spreads over 20 physical qubits, so
// the emulated state has 20 qubits; p = 2 at fixed angles, 4000 shots, the default trajectory count, all OpenMP
// threads, idle relaxation on (--idle=0: gate operands relax only, as before issue 5). (20 logical qubits route
// onto about 28 physical ones: a 4 GiB state per trajectory.) Prints the transpiled circuit's size, its scheduled
// length, and the emulation wall time in seconds. Target (issue 5): under a minute on 2 cores.
#include "emulator/local_backend.h"
#include "emulator/trajectory_emulator.h"
#include "graph/graph_generators.h"
#include "graph/graph_problems.h"
#include "qubo/ising_model.h"
#include "transpile/transpiler.h"

#include "core/error.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace engine;

namespace {

const char* valueOf(const char* arg, const char* name)
{
    const std::size_t length = std::strlen(name);
    return std::strncmp(arg, name, length) == 0 ? arg + length : nullptr;
}

} // namespace

int main(int argc, char** argv)
{
    std::size_t qubits = 12;
    EmulatorOptions options;
    options.shots = 4000;
    options.seed = 1;
    for (int i = 1; i < argc; ++i) {
        if (const char* v = valueOf(argv[i], "--qubits="))
            qubits = std::strtoul(v, nullptr, 10);
        else if (const char* v2 = valueOf(argv[i], "--shots="))
            options.shots = std::strtoull(v2, nullptr, 10);
        else if (const char* v3 = valueOf(argv[i], "--trajectories="))
            options.trajectories = std::strtoull(v3, nullptr, 10);
        else if (const char* v4 = valueOf(argv[i], "--threads="))
            options.threads = std::atoi(v4);
        else if (const char* v5 = valueOf(argv[i], "--seed="))
            options.seed = std::strtoull(v5, nullptr, 10);
        else if (const char* v6 = valueOf(argv[i], "--idle="))
            options.idleRelaxation = std::atoi(v6) != 0;
        else {
            std::fprintf(stderr, "unknown argument %s\n", argv[i]);
            return 2;
        }
    }
    try {
        const LocalBackend backend = localBackend("local:fez");
        const IsingModel ising = toIsing(encodeMaxCut(randomRegularGraph(qubits, 3, WeightKind::Unit, 7)));
        TranspileOptions transpile;
        transpile.parameterValues = {0.4, 0.6, 0.7, 0.3};  // gamma_0, beta_0, gamma_1, beta_1
        const TranspileResult t = transpileQaoa(ising, 2, backend.device, transpile);
        std::printf("circuit: %zu operations, %zu two-qubit gates, depth %zu, %zu used qubits\n", t.isa.size(),
                    t.twoQubitGates, t.depth, t.isa.usedQubits().size());
        const CircuitSchedule schedule = scheduleCircuit(t.isa, backend.noise);
        double idleNs = 0.0;
        for (const IdleWindow& w : schedule.idle)
            idleNs += w.endNs - w.startNs;
        std::printf("schedule: %.3f us until the measurements, %.3f qubit-us idle, idle relaxation %s\n",
                    schedule.makespanNs * 1e-3, idleNs * 1e-3, options.idleRelaxation ? "on" : "off");
        std::fflush(stdout);
        const auto start = std::chrono::steady_clock::now();
        const EmulationResult r = emulateCircuit(t.isa, backend.noise, options);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::printf("emulation: %llu shots, %llu trajectories, %zu distinct outcomes, %.3f s\n",
                    static_cast<unsigned long long>(r.shots), static_cast<unsigned long long>(r.trajectories),
                    r.registers.empty() ? std::size_t{0} : r.registers[0].counts.size(), seconds);
    } catch (const Error& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
    return 0;
}
