// SPDX-License-Identifier: MIT
// Training a GNN angle model for one depth: mini-batch Adam, train/validation split, early stopping.
#include "gnn/gnn_trainer.h"

#include "core/error.h"
#include "gnn/adam_optimizer.h"
#include "gnn/angle_curvature.h"
#include "gnn/gnn_benchmark.h"
#include "gnn/task_pool.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

namespace engine {

Eigen::VectorXd gnnTrainingTarget(const GnnSample& sample, std::size_t depth)
{
    if (depth == 0 || sample.levels.size() < depth)
        throw Error(ErrorCode::InvalidArgument, std::string("the sample has no label at p = ") + std::to_string(depth),
                    "depth");
    const QaoaAngles& a = sample.levels[depth - 1].angles;
    const double scale = isingLocalFieldScale(toIsing(sample.qubo));
    Eigen::VectorXd y(static_cast<Eigen::Index>(2 * depth));
    for (std::size_t k = 0; k < depth; ++k) {
        y(static_cast<Eigen::Index>(k)) = a.gammas[k] * scale;
        y(static_cast<Eigen::Index>(depth + k)) = a.betas[k];
    }
    return y;
}

namespace {

struct Example {
    GnnGraph graph;           // standardised
    Eigen::VectorXd target;   // standardised
    Eigen::MatrixXd weight;   // loss weight in standardised coordinates; empty = identity
};

/// The per-graph loss q (rootLoss = false) or sqrt(q + ROOT_FLOOR) (true); its gradient is added to `gradient`.
constexpr double ROOT_FLOOR = 1e-10;
double lossOf(const GnnNetwork& network, const Example& e, Eigen::VectorXd* gradient, bool rootLoss)
{
    const Eigen::MatrixXd* weight = e.weight.size() > 0 ? &e.weight : nullptr;
    if (!rootLoss)
        return network.lossAndGradient(e.graph, e.target, gradient, weight);
    Eigen::VectorXd own;
    if (gradient)
        own = Eigen::VectorXd::Zero(gradient->size());
    const double root = std::sqrt(network.lossAndGradient(e.graph, e.target, gradient ? &own : nullptr, weight)
                                  + ROOT_FLOOR);
    if (gradient)
        *gradient += own / (2.0 * root);
    return root;
}

double meanLoss(const GnnNetwork& network, const std::vector<Example>& examples, bool rootLoss)
{
    double sum = 0.0;
    for (const Example& e : examples)
        sum += lossOf(network, e, nullptr, rootLoss);
    return examples.empty() ? 0.0 : sum / static_cast<double>(examples.size());
}

} // namespace

std::vector<bool> withinRobustDeviation(const std::vector<Eigen::VectorXd>& targets, double maxDeviation)
{
    std::vector<bool> keep(targets.size(), true);
    if (targets.empty())
        return keep;
    auto median = [](const std::vector<double>& v) { return summarizeDifferences(v).median; };
    for (Eigen::Index c = 0; c < targets.front().size(); ++c) {
        std::vector<double> column;
        for (const Eigen::VectorXd& t : targets)
            column.push_back(t(c));
        const double center = median(column);
        std::vector<double> deviations;
        for (double x : column)
            deviations.push_back(std::abs(x - center));
        const double sigma = std::max(1.4826 * median(deviations), 1e-12);
        for (std::size_t k = 0; k < targets.size(); ++k)
            if (std::abs(column[k] - center) > maxDeviation * sigma)
                keep[k] = false;
    }
    return keep;
}

GnnTrainingResult trainGnnAngleModel(const std::vector<GnnSample>& samples, const GnnTrainingOptions& options,
                                     const GnnEpochCallback& onEpoch, RunControl& control)
{
    const auto start = std::chrono::steady_clock::now();
    if (options.depth < 1 || options.depth > 64)
        throw Error(ErrorCode::InvalidArgument, "the depth p must be in 1..64", "depth");
    if (options.epochs == 0 || options.batchSize == 0 || options.hidden == 0)
        throw Error(ErrorCode::InvalidArgument, "epochs, batch size and hidden width must be positive", "epochs");
    if (!(options.validationFraction > 0.0 && options.validationFraction < 1.0))
        throw Error(ErrorCode::InvalidArgument, "the validation fraction must be in (0, 1)", "validationFraction");
    std::vector<const GnnSample*> usable;
    for (const GnnSample& s : samples) {
        if (s.levels.size() < options.depth)
            continue;
        const std::vector<double>& gammas = s.levels[options.depth - 1].angles.gammas;
        if (std::all_of(gammas.begin(), gammas.end(),
                        [&](double g) { return std::abs(g * s.rms) <= options.maxScaledGamma; }))
            usable.push_back(&s);
    }
    if (options.maxTargetDeviation > 0.0 && usable.size() >= 2) {
        std::vector<Eigen::VectorXd> targets;
        for (const GnnSample* s : usable)
            targets.push_back(gnnTrainingTarget(*s, options.depth));
        const std::vector<bool> keep = withinRobustDeviation(targets, options.maxTargetDeviation);
        std::vector<const GnnSample*> kept;
        for (std::size_t k = 0; k < usable.size(); ++k)
            if (keep[k])
                kept.push_back(usable[k]);
        usable = std::move(kept);
    }
    if (usable.size() < 2)
        throw Error(ErrorCode::InvalidArgument,
                    std::string("need at least 2 samples labelled at p = ") + std::to_string(options.depth) + ", found "
                        + std::to_string(usable.size()),
                    "samples");

    std::mt19937_64 rng(options.seed);
    std::vector<std::size_t> order(usable.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::shuffle(order.begin(), order.end(), rng);
    auto validationCount = static_cast<std::size_t>(std::llround(options.validationFraction
                                                                 * static_cast<double>(usable.size())));
    validationCount = std::clamp<std::size_t>(validationCount, 1, usable.size() - 1);
    const std::size_t trainCount = usable.size() - validationCount;

    std::vector<GnnGraph> rawGraphs;
    std::vector<Eigen::VectorXd> rawTargets;
    for (std::size_t k : order) {
        rawGraphs.push_back(gnnGraphFromQubo(usable[k]->qubo));
        rawTargets.push_back(gnnTrainingTarget(*usable[k], options.depth));
    }
    GnnAngleModel model;
    model.depth = options.depth;
    model.features = GnnFeatureScaling::fit(std::vector<GnnGraph>(rawGraphs.begin(),
                                                                  rawGraphs.begin() + static_cast<std::ptrdiff_t>(trainCount)));
    const auto outputs = static_cast<Eigen::Index>(2 * options.depth);
    Eigen::VectorXd sum = Eigen::VectorXd::Zero(outputs);
    Eigen::VectorXd sumSq = Eigen::VectorXd::Zero(outputs);
    for (std::size_t k = 0; k < trainCount; ++k) {
        sum += rawTargets[k];
        sumSq += rawTargets[k].cwiseAbs2();
    }
    const double count = static_cast<double>(trainCount);
    model.targetMean = sum / count;
    model.targetScale = ((sumSq / count).array() - model.targetMean.array().square()).max(0.0).sqrt().max(1e-6);

    std::vector<Example> examples(usable.size());
    for (std::size_t k = 0; k < usable.size(); ++k) {
        examples[k].graph = model.features.apply(rawGraphs[k]);
        examples[k].target = ((rawTargets[k] - model.targetMean).array() / model.targetScale.array()).matrix();
    }
    if (options.curvatureLoss) {
        const Eigen::MatrixXd ridge = options.curvatureRidge * Eigen::MatrixXd::Identity(outputs, outputs);
        runIndexedTasks(examples.size(), options.threads, [&](std::size_t k) {
            const GnnSample& s = *usable[order[k]];
            const Eigen::MatrixXd c = arStarCurvature(s.qubo, s.levels[options.depth - 1].angles,
                                                      rawGraphs[k].angleScale, s.maxEnergy - s.minEnergy);
            examples[k].weight = model.targetScale.asDiagonal() * c * model.targetScale.asDiagonal();
            examples[k].weight += ridge;
        }, [&control] { return control.isCancelled(); });
    }
    std::vector<Example> train(std::make_move_iterator(examples.begin()),
                               std::make_move_iterator(examples.begin() + static_cast<std::ptrdiff_t>(trainCount)));
    std::vector<Example> validation(std::make_move_iterator(examples.begin() + static_cast<std::ptrdiff_t>(trainCount)),
                                    std::make_move_iterator(examples.end()));

    GnnNetworkShape shape;
    shape.hidden = options.hidden;
    shape.layers = options.layers == 0 ? options.depth : options.layers;
    shape.outputs = static_cast<std::size_t>(outputs);
    GnnNetwork network(shape, options.seed);
    Eigen::VectorXd parameters = network.parameters();
    AdamOptimizer adam(parameters.size(), options.learningRate);

    GnnTrainingResult result;
    double bestValidation = std::numeric_limits<double>::infinity();
    Eigen::VectorXd bestParameters = parameters;
    std::size_t bestEpoch = 0;
    double bestTrain = 0.0;
    std::size_t sinceBest = 0;
    std::size_t sinceDecay = 0;
    const std::size_t decayAfter = std::max<std::size_t>(1, options.patience / 4);
    std::vector<std::size_t> batchOrder(train.size());
    std::iota(batchOrder.begin(), batchOrder.end(), std::size_t{0});
    Eigen::VectorXd gradient(parameters.size());
    for (std::size_t epoch = 1; epoch <= options.epochs; ++epoch) {
        if (control.isCancelled()) {
            result.cancelled = true;
            break;
        }
        std::shuffle(batchOrder.begin(), batchOrder.end(), rng);
        double trainSum = 0.0;
        for (std::size_t first = 0; first < batchOrder.size(); first += options.batchSize) {
            const std::size_t last = std::min(batchOrder.size(), first + options.batchSize);
            gradient.setZero();
            for (std::size_t b = first; b < last; ++b) {
                const Example& e = train[batchOrder[b]];
                trainSum += lossOf(network, e, &gradient, options.rootLoss);
            }
            gradient /= static_cast<double>(last - first);
            adam.step(parameters, gradient);
            network.setParameters(parameters);
        }
        GnnEpoch info;
        info.epoch = epoch;
        info.trainLoss = trainSum / static_cast<double>(train.size());
        info.validationLoss = meanLoss(network, validation, options.rootLoss);
        info.learningRate = adam.learningRate();
        result.history.push_back(info);
        if (onEpoch)
            onEpoch(info);
        control.reportProgress(static_cast<double>(epoch), static_cast<double>(options.epochs), "train");
        if (info.validationLoss < bestValidation) {
            bestValidation = info.validationLoss;
            bestParameters = parameters;
            bestEpoch = epoch;
            bestTrain = info.trainLoss;
            sinceBest = 0;
            sinceDecay = 0;
        } else {
            ++sinceBest;
            if (++sinceDecay >= decayAfter) {
                adam.setLearningRate(std::max(adam.learningRate() * 0.5, options.learningRate * 1e-3));
                sinceDecay = 0;
            }
            if (sinceBest >= options.patience)
                break;
        }
    }
    network.setParameters(bestParameters);
    model.network = std::move(network);
    GnnTrainingInfo& t = model.training;
    t.dataset = options.datasetName;
    t.trainSamples = train.size();
    t.validationSamples = validation.size();
    t.epochs = result.history.size();
    t.bestEpoch = bestEpoch;
    t.trainLoss = bestTrain;
    t.validationLoss = bestEpoch > 0 ? bestValidation : meanLoss(model.network, validation, options.rootLoss);
    t.loss = std::string(options.rootLoss ? "root-" : "") + (options.curvatureLoss ? "curvature" : "mse");
    t.learningRate = options.learningRate;
    t.batchSize = options.batchSize;
    t.seed = options.seed;
    t.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    result.model = std::move(model);
    return result;
}

} // namespace engine
