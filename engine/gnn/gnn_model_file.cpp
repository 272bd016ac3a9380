// SPDX-License-Identifier: MIT
// GNN angle models as versioned JSON files.
#include "gnn/gnn_model_file.h"

#include "core/error.h"
#include "io/atomic_file.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace engine {

namespace {

constexpr const char* FORMAT_NAME = "qaoa-workbench-gnn";

nlohmann::json vectorJson(const Eigen::VectorXd& v)
{
    return std::vector<double>(v.data(), v.data() + v.size());
}

Eigen::VectorXd vectorFrom(const nlohmann::json& j, const char* key, Eigen::Index expected)
{
    const std::string where = std::string("/") + key;
    if (!j.contains(key) || !j.at(key).is_array())
        throw Error(ErrorCode::InvalidInput, "missing number list", where);
    const std::vector<double> values = j.at(key).get<std::vector<double>>();
    if (expected >= 0 && static_cast<Eigen::Index>(values.size()) != expected)
        throw Error(ErrorCode::InvalidInput,
                    std::string("expected ") + std::to_string(expected) + " numbers, found "
                        + std::to_string(values.size()),
                    where);
    Eigen::VectorXd v(static_cast<Eigen::Index>(values.size()));
    for (std::size_t k = 0; k < values.size(); ++k) {
        if (!std::isfinite(values[k]))
            throw Error(ErrorCode::InvalidInput, "a number is not finite", where);
        v(static_cast<Eigen::Index>(k)) = values[k];
    }
    return v;
}

} // namespace

nlohmann::json gnnTrainingInfoJson(const GnnTrainingInfo& t)
{
    return {{"dataset", t.dataset},
            {"train_samples", t.trainSamples},
            {"validation_samples", t.validationSamples},
            {"epochs", t.epochs},
            {"best_epoch", t.bestEpoch},
            {"train_loss", t.trainLoss},
            {"validation_loss", t.validationLoss},
            {"loss", t.loss},
            {"learning_rate", t.learningRate},
            {"batch_size", t.batchSize},
            {"seed", t.seed},
            {"seconds", t.seconds}};
}

nlohmann::json gnnAngleModelJson(const GnnAngleModel& model)
{
    const GnnNetworkShape& s = model.network.shape();
    return {{"format", FORMAT_NAME},
            {"format_version", GNN_MODEL_FORMAT_VERSION},
            {"p", model.depth},
            {"architecture", "gine"},
            {"shape",
             {{"node_features", s.nodeFeatures},
              {"edge_features", s.edgeFeatures},
              {"hidden", s.hidden},
              {"layers", s.layers},
              {"outputs", s.outputs}}},
            {"outputs", "gamma_k * L (k = 1..p), then beta_k (k = 1..p); canonical convention, L the local-field "
                        "scale of the Ising form"},
            {"feature_scaling",
             {{"node_mean", vectorJson(model.features.nodeMean)},
              {"node_scale", vectorJson(model.features.nodeScale)},
              {"edge_mean", vectorJson(model.features.edgeMean)},
              {"edge_scale", vectorJson(model.features.edgeScale)}}},
            {"target_mean", vectorJson(model.targetMean)},
            {"target_scale", vectorJson(model.targetScale)},
            {"training", gnnTrainingInfoJson(model.training)},
            {"parameters", vectorJson(model.network.parameters())}};
}

GnnAngleModel gnnAngleModelFromJson(const nlohmann::json& j)
{
    if (!j.is_object() || j.value("format", std::string()) != FORMAT_NAME)
        throw Error(ErrorCode::InvalidInput, std::string("not a GNN model file (\"format\" must be \"") + FORMAT_NAME
                                                 + "\")",
                    "/format");
    try {
        const int version = j.at("format_version").get<int>();
        if (version < GNN_MODEL_FORMAT_VERSION)
            throw Error(ErrorCode::InvalidInput,
                        std::string("format version ") + std::to_string(version)
                            + " has the earlier features and angle scale; retrain the model with qaoa-cli train-gnn",
                        "/format_version");
        if (version > GNN_MODEL_FORMAT_VERSION)
            throw Error(ErrorCode::InvalidInput,
                        std::string("unsupported format version ") + std::to_string(version) + " (this program reads "
                            + std::to_string(GNN_MODEL_FORMAT_VERSION) + ")",
                        "/format_version");
        if (j.value("architecture", std::string()) != "gine")
            throw Error(ErrorCode::InvalidInput, "unknown architecture (expected \"gine\")", "/architecture");
        GnnAngleModel m;
        m.depth = j.at("p").get<std::size_t>();
        if (m.depth < 1 || m.depth > 64)
            throw Error(ErrorCode::InvalidInput, "p must be in 1..64", "/p");
        const nlohmann::json& s = j.at("shape");
        GnnNetworkShape shape;
        shape.nodeFeatures = s.at("node_features").get<std::size_t>();
        shape.edgeFeatures = s.at("edge_features").get<std::size_t>();
        shape.hidden = s.at("hidden").get<std::size_t>();
        shape.layers = s.at("layers").get<std::size_t>();
        shape.outputs = s.at("outputs").get<std::size_t>();
        if (shape.nodeFeatures != GNN_NODE_FEATURES || shape.edgeFeatures != GNN_EDGE_FEATURES)
            throw Error(ErrorCode::InvalidInput, "the feature widths differ from this program's", "/shape");
        if (shape.outputs != 2 * m.depth)
            throw Error(ErrorCode::InvalidInput, "outputs must be 2p", "/shape/outputs");
        if (shape.hidden < 1 || shape.hidden > 4096 || shape.layers < 1 || shape.layers > 64)
            throw Error(ErrorCode::InvalidInput, "hidden must be in 1..4096 and layers in 1..64", "/shape");
        m.network = GnnNetwork(shape, 0);
        m.network.setParameters(vectorFrom(j, "parameters", static_cast<Eigen::Index>(m.network.numParameters())));
        const nlohmann::json& f = j.at("feature_scaling");
        m.features.nodeMean = vectorFrom(f, "node_mean", GNN_NODE_FEATURES);
        m.features.nodeScale = vectorFrom(f, "node_scale", GNN_NODE_FEATURES);
        m.features.edgeMean = vectorFrom(f, "edge_mean", GNN_EDGE_FEATURES);
        m.features.edgeScale = vectorFrom(f, "edge_scale", GNN_EDGE_FEATURES);
        if ((m.features.nodeScale.array() <= 0.0).any() || (m.features.edgeScale.array() <= 0.0).any())
            throw Error(ErrorCode::InvalidInput, "scales must be positive", "/feature_scaling");
        m.targetMean = vectorFrom(j, "target_mean", static_cast<Eigen::Index>(2 * m.depth));
        m.targetScale = vectorFrom(j, "target_scale", static_cast<Eigen::Index>(2 * m.depth));
        if ((m.targetScale.array() <= 0.0).any())
            throw Error(ErrorCode::InvalidInput, "scales must be positive", "/target_scale");
        if (j.contains("training")) {
            const nlohmann::json& t = j.at("training");
            m.training.dataset = t.value("dataset", std::string());
            m.training.trainSamples = t.value("train_samples", std::uint64_t{0});
            m.training.validationSamples = t.value("validation_samples", std::uint64_t{0});
            m.training.epochs = t.value("epochs", std::size_t{0});
            m.training.bestEpoch = t.value("best_epoch", std::size_t{0});
            m.training.trainLoss = t.value("train_loss", 0.0);
            m.training.validationLoss = t.value("validation_loss", 0.0);
            m.training.loss = t.value("loss", std::string());
            m.training.learningRate = t.value("learning_rate", 0.0);
            m.training.batchSize = t.value("batch_size", std::size_t{0});
            m.training.seed = t.value("seed", std::uint64_t{0});
            m.training.seconds = t.value("seconds", 0.0);
        }
        return m;
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorCode::InvalidInput, std::string("malformed GNN model: ") + e.what());
    }
}

void saveGnnAngleModel(const std::filesystem::path& path, const GnnAngleModel& model)
{
    writeFileAtomically(path.string(), gnnAngleModelJson(model).dump() + "\n");  // compact: ~20 bytes per weight
}

GnnAngleModel loadGnnAngleModel(const std::filesystem::path& path)
{
    const std::string text = readWholeFile(path.string());
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorCode::InvalidInput, std::string("not JSON: ") + e.what(), path.string());
    }
    try {
        return gnnAngleModelFromJson(j);
    } catch (const Error& e) {
        throw Error(e.code(), e.detail() + (e.where().empty() ? std::string() : std::string(" at ") + e.where()),
                    path.string());
    }
}

} // namespace engine
