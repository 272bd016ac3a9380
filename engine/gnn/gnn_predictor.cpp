// SPDX-License-Identifier: MIT
// The shipped GNN models as the angle predictor of AngleMethod::Gnn.
#include "gnn/gnn_predictor.h"

#include "core/error.h"
#include "gnn/gnn_model_file.h"
#include "io/resource_directory.h"
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace engine {

std::filesystem::path gnnModelPath(const std::filesystem::path& directory, std::size_t depth)
{
    return directory / (std::string("gnn-p") + std::to_string(depth) + ".json");
}

std::filesystem::path shippedGnnModelDirectory()
{
    return resourceDirectory() / "gnn";
}

const GnnAngleModel& shippedGnnAngleModel(std::size_t depth)
{
    if (depth == 1)
        throw Error(ErrorCode::InvalidArgument,
                    "the GNN models cover p = 2..6; at p = 1 use the predicted angles (--params predicted), which "
                    "search the exact p = 1 landscape",
                    "depth");
    if (depth < MIN_GNN_DEPTH || depth > MAX_GNN_DEPTH)
        throw Error(ErrorCode::InvalidArgument,
                    std::string("the GNN models cover p = 2..6, not p = ") + std::to_string(depth), "depth");
    static std::mutex mutex;
    static std::map<std::size_t, std::unique_ptr<GnnAngleModel>> models;
    const std::lock_guard lock(mutex);
    auto& slot = models[depth];
    if (!slot)
        slot = std::make_unique<GnnAngleModel>(loadGnnAngleModel(gnnModelPath(shippedGnnModelDirectory(), depth)));
    return *slot;
}

QaoaAngles predictGnnAngles(const QuboModel& qubo, std::size_t depth)
{
    return shippedGnnAngleModel(depth).predict(qubo);
}

QuboAnglePredictor gnnPredictorFromDirectories(const std::vector<std::filesystem::path>& directories,
                                               const std::vector<std::size_t>& depths)
{
    if (directories.empty() || depths.empty())
        throw Error(ErrorCode::InvalidArgument, "no model directories or depths", "directories");
    auto models = std::make_shared<std::map<std::size_t, std::vector<GnnAngleModel>>>();
    for (const std::filesystem::path& dir : directories)
        for (std::size_t p : depths)
            (*models)[p].push_back(loadGnnAngleModel(gnnModelPath(dir, p)));
    return [models](const QuboModel& qubo, std::size_t depth) {
        const auto found = models->find(depth);
        if (found == models->end())
            throw Error(ErrorCode::InvalidArgument, std::string("no GNN model for p = ") + std::to_string(depth),
                        "depth");
        const std::vector<GnnAngleModel>& set = found->second;
        QaoaAngles mean = set.front().predict(qubo);
        for (std::size_t m = 1; m < set.size(); ++m) {
            const QaoaAngles a = set[m].predict(qubo);
            for (std::size_t k = 0; k < depth; ++k) {
                mean.gammas[k] += a.gammas[k];
                mean.betas[k] += a.betas[k];
            }
        }
        for (std::size_t k = 0; k < depth; ++k) {
            mean.gammas[k] /= static_cast<double>(set.size());
            mean.betas[k] /= static_cast<double>(set.size());
        }
        return mean;
    };
}

void installGnnAnglePredictor()
{
    setGnnAnglePredictor(&predictGnnAngles);
}

} // namespace engine
