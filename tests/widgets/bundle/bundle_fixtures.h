// SPDX-License-Identifier: MIT
// Small bundles of every kind made with the engine, and byte-level edits of bundle files, for the bundle GUI tests.
#pragma once

#include "bundle/bundle_file.h"
#include "bundle/bundle_kinds.h"
#include "bundle/ustar.h"
#include "graph/graph_generators.h"
#include "lcrp_test_instances.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <random>
#include <string>
#include <vector>

namespace bundle_fixtures {

/// A 3-regular Max-Cut graph with uniform weights (seeded).
inline engine::Instance maxCutInstance(std::size_t n, std::uint64_t seed)
{
    std::string name = "g";
    name += std::to_string(n);
    return engine::GraphInstance{name,
                                 engine::randomRegularGraph(n, 3, engine::WeightKind::Uniform, seed),
                                 engine::GraphProblem::MaxCut, 2.0};
}

/// An LCRP instance of 2 tasks x 2 models (seeded), encoded with 3 slack bits by qaoaOptions(…, true).
inline engine::Instance lcrpInstance()
{
    std::mt19937_64 rng(4);
    return test_support::randomLcrpInstance(rng, test_support::lcrpSizes(2, 2, 2, 2));
}

/// Depth-p QAOA options with a small optimiser budget (restarts x evaluations), one kernel thread.
inline engine::QaoaRunOptions qaoaOptions(std::size_t depth, int restarts, int evaluations,
                                          engine::AngleMethod angles = engine::AngleMethod::Optimize)
{
    engine::QaoaRunOptions o;
    o.depth = depth;
    o.angles = angles;
    o.optimizer.restarts = restarts;
    o.optimizer.evaluationsPerRestart = evaluations;
    o.optimizer.seed = 11;
    o.shots = 400;
    o.seed = 12;
    o.threads = 1;
    o.lcrpEncoding.budgetSlackBits = 3;
    return o;
}

inline engine::Bundle qaoaBundle(const engine::Instance& instance, const engine::QaoaRunOptions& options)
{
    return engine::makeQaoaRunBundle(instance, options, engine::runQaoa(instance, options));
}

/// A warm-start pipeline bundle on a 10-vertex graph: p = 1, 300 shots, energy filter, 8 runs of each type.
inline engine::Bundle warmstartBundle()
{
    const engine::Instance instance = maxCutInstance(10, 3);
    engine::WarmstartPipelineOptions o;
    o.depth = 1;
    o.shots = 300;
    o.runs = 8;
    o.iterationCap = 60;
    o.bootstrapResamples = 50;
    o.filter = engine::SampleFilterKind::Energy;
    o.seed = 5;
    o.threads = 1;
    return engine::makeWarmstartBundle(instance, o, engine::runWarmstartPipeline(instance, o));
}

/// Sampler results of one PUB whose "meas" register holds `samples` (hex strings) of `bits` bits.
inline nlohmann::json samplerResults(const std::vector<std::string>& samples, unsigned bits)
{
    nlohmann::json data;
    data["meas"] = {{"samples", samples}, {"num_bits", bits}};
    return {{"results", nlohmann::json::array({{{"data", data}, {"metadata", nlohmann::json::object()}}})},
            {"metadata", nlohmann::json::object()}};
}

/// A completed local job on a 6-vertex graph with six shots of four distinct outcomes.
inline engine::Bundle jobBundle()
{
    engine::JobRecord record;
    record.localId = 3;
    record.remoteId = "local:abc";
    record.provider = engine::JobProvider::Local;
    record.backend = "local:ideal";
    record.status = engine::JobState::Completed;
    record.instance = engine::instanceToJson(maxCutInstance(6, 1));
    record.parameters = {{"p", 1}, {"shots", 6}};
    record.qasm = {"OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[6] q;\n"};
    record.results = samplerResults({"0x15", "0x2a", "0x15", "0x3", "0x0", "0x2a"}, 6);
    return engine::makeJobBundle(record);
}

/// Decodes bundle bytes down to the archive members (manifest first), applies `edit`, and packs them again
/// without touching the manifest: the result has the manifest's hashes but edited content.
inline std::string editMembers(const std::string& bytes,
                               const std::function<void(std::vector<engine::UstarMember>&)>& edit)
{
    std::vector<engine::UstarMember> members =
        engine::readUstar(engine::gzipDecompress(bytes, std::size_t{1} << 30, "t"), "t");
    edit(members);
    return engine::gzipCompress(engine::writeUstar(members));
}

} // namespace bundle_fixtures
