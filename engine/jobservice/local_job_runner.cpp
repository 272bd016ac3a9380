// SPDX-License-Identifier: MIT
// Local sampling jobs: the stored circuit on the trajectory emulator, with results shaped like IBM's.
#include "jobservice/local_job_runner.h"

#include "circuit/qasm.h"
#include "core/error.h"

namespace engine {

namespace {

std::string hexSample(std::uint64_t value)
{
    static constexpr char DIGITS[] = "0123456789abcdef";
    std::string digits;
    do {
        digits.push_back(DIGITS[value & 0xF]);
        value >>= 4;
    } while (value != 0);
    return std::string("0x") + std::string(digits.rbegin(), digits.rend());
}

} // namespace

nlohmann::json samplerResultJson(const EmulationResult& result, const std::string& backendName)
{
    nlohmann::json data = nlohmann::json::object();
    for (const RegisterShots& reg : result.registers) {
        nlohmann::json samples = nlohmann::json::array();
        for (std::uint64_t v : reg.values)
            samples.push_back(hexSample(v));
        data[reg.name] = {{"samples", std::move(samples)}, {"num_bits", reg.size}};
    }
    nlohmann::json pub{{"data", std::move(data)}, {"metadata", {{"circuit_metadata", nlohmann::json::object()}}}};
    return {{"results", nlohmann::json::array({std::move(pub)})},
            {"metadata",
             {{"backend", backendName},
              {"noise_model", result.noiseModel},
              {"trajectories", result.trajectories},
              {"shots", result.shots},
              {"version", 2}}}};
}

nlohmann::json runLocalSampler(const std::string& qasm, const LocalBackend& backend, const LocalRunOptions& options)
{
    const Circuit circuit = importQasm(qasm, "job circuit");
    if (!circuit.parameters().empty())
        throw Error(ErrorCode::InvalidArgument, "the circuit still has unbound parameters", "qasm");
    EmulatorOptions emulator;
    emulator.shots = options.shots;
    emulator.seed = options.seed;
    emulator.threads = options.threads;
    const EmulationResult result = options.emulator ? options.emulator(circuit, backend.noise, emulator)
                                                    : emulateCircuit(circuit, backend.noise, emulator);
    return samplerResultJson(result, backend.name);
}

} // namespace engine
