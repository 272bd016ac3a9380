// SPDX-License-Identifier: MIT
// GNN training samples and their JSON Lines files.
#include "gnn/gnn_dataset.h"

#include "core/error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

namespace engine {

namespace {

std::vector<double> doubles(const nlohmann::json& j, const char* key)
{
    if (!j.contains(key) || !j.at(key).is_array())
        throw Error(ErrorCode::InvalidInput, "missing number list", std::string("/") + key);
    return j.at(key).get<std::vector<double>>();
}

} // namespace

nlohmann::json gnnSampleJson(const GnnSample& sample)
{
    nlohmann::json quadratic = nlohmann::json::array();
    for (const QuadraticTerm& t : sample.qubo.quadraticTerms())
        if (t.value != 0.0)
            quadratic.push_back({t.i, t.j, t.value});
    nlohmann::json labels = nlohmann::json::array();
    for (std::size_t k = 0; k < sample.levels.size(); ++k) {
        const AngleChainLevel& l = sample.levels[k];
        labels.push_back({{"p", k + 1},
                          {"gammas", l.angles.gammas},
                          {"betas", l.angles.betas},
                          {"expectation", l.expectation},
                          {"evaluations", l.evaluations}});
    }
    return {{"format_version", GNN_DATASET_FORMAT_VERSION},
            {"index", sample.index},
            {"family", sample.family},
            {"edge_probability", sample.edgeProbability},
            {"n", sample.qubo.numVariables()},
            {"linear", sample.qubo.linearTerms()},
            {"quadratic", std::move(quadratic)},
            {"offset", sample.qubo.offset()},
            {"rms", sample.rms},
            {"min_energy", sample.minEnergy},
            {"max_energy", sample.maxEnergy},
            {"labels", std::move(labels)}};
}

GnnSample gnnSampleFromJson(const nlohmann::json& j)
{
    if (!j.is_object())
        throw Error(ErrorCode::InvalidInput, "a sample must be a JSON object");
    try {
        const int version = j.at("format_version").get<int>();
        if (version < 1 || version > GNN_DATASET_FORMAT_VERSION)
            throw Error(ErrorCode::InvalidInput,
                        "unsupported format version " + std::to_string(version) + " (this program reads 1.."
                            + std::to_string(GNN_DATASET_FORMAT_VERSION) + ")",
                        "/format_version");
        GnnSample s;
        s.index = j.at("index").get<std::uint64_t>();
        s.family = j.value("family", std::string());
        s.edgeProbability = j.value("edge_probability", 0.0);
        const std::size_t n = j.at("n").get<std::size_t>();
        const std::vector<double> linear = doubles(j, "linear");
        if (linear.size() != n)
            throw Error(ErrorCode::InvalidInput, "has " + std::to_string(linear.size()) + " entries, n is "
                                                     + std::to_string(n), "/linear");
        s.qubo = QuboModel(n);
        for (std::size_t i = 0; i < n; ++i)
            if (linear[i] != 0.0)
                s.qubo.addLinear(i, linear[i]);
        for (const nlohmann::json& t : j.at("quadratic")) {
            const auto a = t.at(0).get<std::size_t>();
            const auto b = t.at(1).get<std::size_t>();
            if (a >= n || b >= n || a == b)
                throw Error(ErrorCode::InvalidInput, "a pair index is out of range or repeated", "/quadratic");
            s.qubo.addQuadratic(a, b, t.at(2).get<double>());
        }
        s.qubo.addOffset(j.value("offset", 0.0));
        s.rms = j.at("rms").get<double>();
        s.minEnergy = j.at("min_energy").get<double>();
        s.maxEnergy = j.at("max_energy").get<double>();
        for (const nlohmann::json& l : j.at("labels")) {
            AngleChainLevel level;
            level.angles.gammas = doubles(l, "gammas");
            level.angles.betas = doubles(l, "betas");
            if (level.angles.gammas.size() != s.levels.size() + 1 || level.angles.betas.size() != s.levels.size() + 1)
                throw Error(ErrorCode::InvalidInput, "label p = " + std::to_string(s.levels.size() + 1)
                                                         + " needs that many gammas and betas", "/labels");
            level.expectation = l.at("expectation").get<double>();
            level.evaluations = l.value("evaluations", std::uint64_t{0});
            s.levels.push_back(std::move(level));
        }
        return s;
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorCode::InvalidInput, std::string("malformed sample: ") + e.what());
    }
}

std::vector<GnnSample> readGnnDataset(const std::filesystem::path& path)
{
    std::ifstream in(path);
    if (!in)
        throw Error(ErrorCode::Io, "cannot read the data set", path.string());
    std::vector<GnnSample> samples;
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        const std::string where = path.string() + ":" + std::to_string(number);
        try {
            samples.push_back(gnnSampleFromJson(nlohmann::json::parse(line)));
        } catch (const nlohmann::json::exception& e) {
            throw Error(ErrorCode::InvalidInput, std::string("not JSON: ") + e.what(), where);
        } catch (const Error& e) {
            throw Error(e.code(), e.detail() + (e.where().empty() ? "" : " at " + e.where()), where);
        }
    }
    std::stable_sort(samples.begin(), samples.end(),
                     [](const GnnSample& a, const GnnSample& b) { return a.index < b.index; });
    return samples;
}

void appendGnnSample(const std::filesystem::path& path, const GnnSample& sample)
{
    std::ofstream out(path, std::ios::app);
    if (!out)
        throw Error(ErrorCode::Io, "cannot append to the data set", path.string());
    out << gnnSampleJson(sample).dump() << '\n';
    out.flush();
    if (!out)
        throw Error(ErrorCode::Io, "writing the data set failed", path.string());
}

} // namespace engine
