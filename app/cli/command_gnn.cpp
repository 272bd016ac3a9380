// SPDX-License-Identifier: MIT
// `qaoa-cli train-gnn`: generate labelled QUBO graphs, train the GNN angle models and evaluate them.
#include "cli_app.h"
#include "cli_output.h"

#include "core/error.h"
#include "core/run_control.h"
#include "gnn/gnn_benchmark.h"
#include "gnn/gnn_data_generator.h"
#include "gnn/gnn_dataset.h"
#include "gnn/gnn_model_file.h"
#include "gnn/gnn_predictor.h"
#include "gnn/gnn_trainer.h"
#include "gnn/label_consensus.h"

#include <charconv>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>
#include <mutex>
#include <ostream>
#include <set>
#include <string_view>

namespace cli {

namespace {

using engine::Error;
using engine::ErrorCode;

/// Options of one mode only, for clear errors when they are mixed.
const std::vector<std::string> GENERATE_OPTIONS{"--count", "--nodes", "--max-depth", "--restarts", "--evaluations"};
const std::vector<std::string> TRAIN_OPTIONS{"--out",   "--epochs", "--hidden", "--batch",
                                             "--lr",    "--patience", "--validation", "--max-gamma",
                                             "--loss",  "--ridge", "--max-deviation", "--consensus",
                                             "--tolerance", "--relabelled"};

void rejectOptions(const ParsedArgs& args, const std::vector<std::string>& names, const std::string& mode)
{
    for (const std::string& name : names)
        if (args.has(name))
            throw Error(ErrorCode::InvalidArgument, "applies to " + mode + " only", name);
}

std::size_t parseSize(const std::string& text, const std::string& option)
{
    std::size_t value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size())
        throw Error(ErrorCode::InvalidArgument, "'" + text + "' is not a non-negative integer", option);
    return value;
}

/// "A:B", "A..B" or "A" as an inclusive range inside [min, max].
std::pair<std::size_t, std::size_t> rangeArg(const ParsedArgs& args, const std::string& name, std::size_t lo,
                                             std::size_t hi, std::size_t min, std::size_t max)
{
    if (!args.has(name))
        return {lo, hi};
    const std::string text = args.text(name);
    std::size_t split = text.find("..");
    std::size_t width = 2;
    if (split == std::string::npos) {
        split = text.find(':');
        width = 1;
    }
    const std::size_t a = parseSize(split == std::string::npos ? text : text.substr(0, split), name);
    const std::size_t b = split == std::string::npos ? a : parseSize(text.substr(split + width), name);
    if (a > b || a < min || b > max)
        throw Error(ErrorCode::InvalidArgument,
                    "'" + text + "' is not a range inside " + std::to_string(min) + ".." + std::to_string(max), name);
    return {a, b};
}

std::vector<std::size_t> depthList(const ParsedArgs& args)
{
    const auto [a, b] = rangeArg(args, "--p", engine::MIN_GNN_DEPTH, engine::MAX_GNN_DEPTH, 1, 16);
    std::vector<std::size_t> depths;
    for (std::size_t p = a; p <= b; ++p)
        depths.push_back(p);
    return depths;
}

/// Prints "label instances: k / K" lines to stderr at most every ~2 % (progress is serialised by the engine).
struct StderrProgress {
    std::mutex mutex;
    double lastShown = -1.0;
    void report(double done, double total, std::string_view stage)
    {
        const std::lock_guard lock(mutex);
        if (total <= 0.0 || (done - lastShown < total / 50.0 && done < total))
            return;
        lastShown = done;
        std::cerr << stage << ": " << done << " / " << total << std::endl;
    }
};

void runGenerate(const ParsedArgs& args, std::ostream& out)
{
    rejectOptions(args, TRAIN_OPTIONS, "training (--data)");
    const std::filesystem::path path = args.text("--generate");
    engine::GnnDataOptions o;
    o.count = args.unsignedInteger("--count", 100);
    o.seed = args.unsignedInteger("--seed", 1);
    o.threads = static_cast<int>(args.integer("--threads", 1, 1, 1024));
    std::tie(o.minNodes, o.maxNodes) = rangeArg(args, "--nodes", 10, 20, 2, 24);
    o.chain.maxDepth = static_cast<std::size_t>(args.integer("--max-depth", 6, 1, 16));
    o.chain.restarts = static_cast<int>(args.integer("--restarts", 2, 0, 100));
    o.chain.maxEvaluations = static_cast<int>(args.integer("--evaluations", 200, 1, 100000));
    // Resume: indices already in the file are skipped (they must come from the same seed and options).
    if (std::filesystem::exists(path))
        for (const engine::GnnSample& s : engine::readGnnDataset(path))
            o.skip.insert(s.index);
    const std::size_t existing = o.skip.size();
    StderrProgress progress;
    engine::RunControl control;
    if (!args.flag("--quiet"))
        control.setProgressCallback(
            [&progress](double done, double total, std::string_view stage) { progress.report(done, total, stage); });
    const std::uint64_t made = engine::generateGnnDataset(
        o, [&path](const engine::GnnSample& sample) { engine::appendGnnSample(path, sample); }, control);
    if (args.flag("--json")) {
        printJson(out, {{"mode", "generate"},
                        {"data", path.string()},
                        {"generated", made},
                        {"existing", existing},
                        {"count", o.count},
                        {"seed", o.seed},
                        {"nodes", {o.minNodes, o.maxNodes}},
                        {"max_depth", o.chain.maxDepth}});
        return;
    }
    out << made << " samples labelled for p = 1.." << o.chain.maxDepth << " (" << existing
        << " already present) in " << path.string() << "\n";
}

std::vector<engine::GnnSample> readData(const ParsedArgs& args, std::string& names)
{
    std::vector<engine::GnnSample> samples;
    std::uint64_t offset = 0;
    for (const std::string& file : args.list("--data")) {
        std::vector<engine::GnnSample> part = engine::readGnnDataset(file);
        std::uint64_t next = offset;
        for (engine::GnnSample& s : part) {  // indices of later files are shifted so they stay unique
            s.index += offset;
            next = std::max(next, s.index + 1);
            samples.push_back(std::move(s));
        }
        offset = next;
        if (!names.empty())
            names += ",";
        names += std::filesystem::path(file).filename().string();
    }
    if (samples.empty())
        throw Error(ErrorCode::InvalidInput, "the data set holds no samples", "--data");
    return samples;
}

void runTrain(const ParsedArgs& args, std::ostream& out)
{
    rejectOptions(args, GENERATE_OPTIONS, "--generate");
    const std::filesystem::path dir = args.requiredText("--out");
    const std::vector<std::size_t> depths = depthList(args);  // options first: usage errors before reading data
    engine::GnnTrainingOptions base;
    base.hidden = static_cast<std::size_t>(args.integer("--hidden", 32, 1, 1024));
    base.epochs = static_cast<std::size_t>(args.integer("--epochs", 400, 1, 1000000));
    base.batchSize = static_cast<std::size_t>(args.integer("--batch", 16, 1, 1000000));
    base.learningRate = args.number("--lr", 5e-4, 1e-7, 1.0);
    base.patience = static_cast<std::size_t>(args.integer("--patience", 100, 1, 1000000));
    base.validationFraction = args.number("--validation", 0.15, 1e-3, 0.999);
    base.maxScaledGamma = args.number("--max-gamma", 1.5, 1e-3, 1e9);
    const std::string loss = args.text("--loss", "root-curvature");
    if (loss != "curvature" && loss != "mse" && loss != "root-curvature" && loss != "root-mse")
        throw Error(ErrorCode::InvalidArgument,
                    "expected curvature, mse, root-curvature or root-mse, found \"" + loss + "\"", "--loss");
    base.curvatureLoss = loss.ends_with("curvature");
    base.rootLoss = loss.starts_with("root-");
    base.curvatureRidge = args.number("--ridge", 1e-3, 0.0, 1e6);
    base.maxTargetDeviation = args.number("--max-deviation", 4.0, 0.0, 1e9);
    base.threads = static_cast<int>(args.integer("--threads", 1, 1, 1024));
    base.seed = args.unsignedInteger("--seed", 1);
    const auto rounds = static_cast<int>(args.integer("--consensus", 0, 0, 100));
    engine::GnnRelabelOptions relabel;
    relabel.tolerance = args.number("--tolerance", 2e-4, 0.0, 1.0);
    relabel.threads = base.threads;
    std::string names;
    std::vector<engine::GnnSample> samples = readData(args, names);
    base.datasetName = names;
    std::filesystem::create_directories(dir);
    const bool json = args.flag("--json");
    nlohmann::json models = nlohmann::json::array();
    nlohmann::json relabelRounds = nlohmann::json::array();
    std::map<std::size_t, engine::GnnAngleModel> trained;
    for (int round = 0; round <= rounds; ++round) {
        if (round > 0) {
            const engine::GnnRelabelStats r = engine::relabelTowardsModels(samples, trained, relabel);
            relabelRounds.push_back(
                {{"round", round}, {"considered", r.considered}, {"replaced", r.replaced}, {"mean_ar_change", r.meanArChange}});
            if (!json)
                out << std::setprecision(4) << "consensus round " << round << ": " << r.replaced << " of "
                    << r.considered << " labels moved to the models' basins (mean AR* change " << r.meanArChange
                    << ")\n";
        }
        models = nlohmann::json::array();
        for (const std::size_t p : depths) {
            engine::GnnTrainingOptions o = base;
            o.depth = p;
            engine::GnnTrainingResult r = engine::trainGnnAngleModel(samples, o);
            const std::filesystem::path file = engine::gnnModelPath(dir, p);
            engine::saveGnnAngleModel(file, r.model);
            const engine::GnnTrainingInfo& t = r.model.training;
            nlohmann::json entry = engine::gnnTrainingInfoJson(t);
            entry["p"] = p;
            entry["file"] = file.string();
            models.push_back(std::move(entry));
            if (!json)
                out << std::setprecision(4) << "p = " << p << ": " << t.trainSamples << " train / "
                    << t.validationSamples << " validation samples, best epoch " << t.bestEpoch << " of " << t.epochs
                    << ", loss " << t.trainLoss << " (validation " << t.validationLoss << "), " << t.seconds
                    << " s -> " << file.string() << "\n";
            trained[p] = std::move(r.model);
        }
    }
    if (args.has("--relabelled")) {
        const std::filesystem::path file = args.text("--relabelled");
        std::filesystem::remove(file);
        for (const engine::GnnSample& s : samples)
            engine::appendGnnSample(file, s);
    }
    if (json)
        printJson(out, {{"mode", "train"}, {"data", names}, {"models", models}, {"consensus", relabelRounds}});
}

nlohmann::json summaryJson(const engine::GnnDifferenceSummary& s)
{
    return {{"count", s.count},       {"median", s.median},   {"q1", s.lowerQuartile}, {"q3", s.upperQuartile},
            {"min", s.minimum},       {"max", s.maximum},     {"mean", s.mean}};
}

void printSummaryLine(std::ostream& out, const std::string& label, const engine::GnnDifferenceSummary& s)
{
    out << std::setprecision(4) << "  " << label << ": n = " << s.count << ", median " << s.median << ", quartiles ["
        << s.lowerQuartile << ", " << s.upperQuartile << "], min " << s.minimum << ", max " << s.maximum
        << ", mean " << s.mean << "\n";
}

void runEvaluate(const ParsedArgs& args, std::ostream& out)
{
    rejectOptions(args, GENERATE_OPTIONS, "--generate");
    rejectOptions(args, TRAIN_OPTIONS, "training (--data)");
    const std::filesystem::path dataPath = args.text("--evaluate");
    const std::vector<engine::GnnSample> samples = engine::readGnnDataset(dataPath);
    const std::vector<std::size_t> depths = depthList(args);
    const int threads = static_cast<int>(args.integer("--threads", 1, 1, 1024));
    engine::QuboAnglePredictor predictor = engine::predictGnnAngles;
    std::string modelDir = "shipped";
    if (args.has("--models")) {
        modelDir = args.text("--models");
        const std::vector<std::string> dirs = args.list("--models");
        predictor = engine::gnnPredictorFromDirectories({dirs.begin(), dirs.end()}, depths);
    }
    const engine::GnnComparison c = engine::compareGnnOnSamples(samples, depths, predictor, threads);
    if (args.flag("--json")) {
        nlohmann::json perDepth = nlohmann::json::object();
        for (const auto& [p, s] : c.perDepth)
            perDepth[std::to_string(p)] = summaryJson(s);
        nlohmann::json rows = nlohmann::json::array();
        for (const engine::GnnComparisonRow& r : c.rows)
            rows.push_back({{"index", r.index},
                            {"n", r.numNodes},
                            {"family", r.family},
                            {"edge_probability", r.edgeProbability},
                            {"p", r.depth},
                            {"ar_optimized", r.arOptimized},
                            {"ar_gnn", r.arGnn},
                            {"difference", r.difference}});
        printJson(out, {{"mode", "evaluate"},
                        {"data", dataPath.string()},
                        {"models", modelDir},
                        {"difference", "AR*(optimised) - AR*(gnn)"},
                        {"per_p", perDepth},
                        {"overall", summaryJson(c.overall)},
                        {"rows", rows},
                        {"seconds", c.seconds}});
        return;
    }
    out << "AR*(optimised) - AR*(gnn) on " << samples.size() << " samples of " << dataPath.string() << " (models "
        << modelDir << "):\n";
    for (const auto& [p, s] : c.perDepth)
        printSummaryLine(out, "p = " + std::to_string(p), s);
    printSummaryLine(out, "all", c.overall);
}

void runTrainGnn(const ParsedArgs& args, std::ostream& out)
{
    const int modes = (args.has("--generate") ? 1 : 0) + (args.has("--evaluate") ? 1 : 0)
                      + (args.has("--data") && !args.has("--evaluate") ? 1 : 0);
    if (modes != 1)
        throw Error(ErrorCode::InvalidArgument,
                    "give exactly one of --generate DATA.jsonl, --data DATA.jsonl --out DIR or --evaluate DATA.jsonl",
                    "train-gnn");
    if (args.has("--evaluate") && args.has("--data"))
        throw Error(ErrorCode::InvalidArgument, "--evaluate names the data set itself", "--data");
    if (args.has("--generate"))
        runGenerate(args, out);
    else if (args.has("--evaluate"))
        runEvaluate(args, out);
    else
        runTrain(args, out);
}

} // namespace

Command makeTrainGnnCommand()
{
    Command c;
    c.name = "train-gnn";
    c.summary = "GNN angle prediction: generate labelled QUBO graphs, train the models, evaluate them";
    c.usage =
        "Usage: qaoa-cli train-gnn --generate DATA.jsonl [--count K] [--seed S] [--threads T] [--nodes A:B]\n"
        "                          [--max-depth P] [--restarts R] [--evaluations E] [--quiet] [--json]\n"
        "       qaoa-cli train-gnn --data DATA.jsonl[,MORE.jsonl] --out DIR [--p 2..6] [--epochs E] [--hidden H]\n"
        "                          [--batch B] [--lr LR] [--patience N] [--validation F] [--max-gamma G]\n"
        "                          [--max-deviation D] [--loss L] [--ridge R] [--threads T]\n"
        "                          [--consensus R] [--tolerance T] [--relabelled OUT.jsonl]\n"
        "                          [--seed S] [--json]\n"
        "       qaoa-cli train-gnn --evaluate DATA.jsonl [--models DIRS] [--p 2..6] [--threads T] [--json]\n\n"
        "--generate draws K random Erdos-Renyi QUBO graphs (N in A..B, edge probability in [0.1, 0.9], the\n"
        "warm-starts paper's weight families) and labels each with optimised QAOA angles for p = 1..P: p = 1 from\n"
        "the exact landscape grid, p >= 2 from the INTERP extrapolation of p - 1 plus R random restarts, L-BFGS\n"
        "with adjoint gradients, canonicalised angle symmetries. Samples are appended to DATA.jsonl as they\n"
        "finish; an existing file is resumed (indices already present are skipped). Progress goes to stderr.\n\n"
        "--data trains one GINE network per depth (p message-passing layers, 2p outputs) with Adam, a validation\n"
        "split and early stopping, and writes DIR/gnn-p<p>.json. The loss is the AR* an angle error costs to\n"
        "second order (the curvature of the label's landscape); --consensus R then moves every label to the\n"
        "optimum L-BFGS reaches from the models' prediction when that loses at most --tolerance in AR*, and\n"
        "retrains, R times. --evaluate compares the AR* of the stored optimised angles with that of the models'\n"
        "predictions (default: the shipped models; several directories: their mean prediction).";
    c.options = {
        {"--generate", "FILE", "label random QUBO graphs into this JSON Lines file"},
        {"--count", "K", "--generate: number of graphs (default 100)"},
        {"--nodes", "A:B", "--generate: node range (default 10:20, at most 24)"},
        {"--max-depth", "P", "--generate: labels for p = 1..P (default 6)"},
        {"--restarts", "R", "--generate: random restarts per depth (default 2)"},
        {"--evaluations", "E", "--generate: L-BFGS evaluations per run (default 200)"},
        {"--data", "FILES", "train on these data sets (comma-separated)"},
        {"--out", "DIR", "training: directory for gnn-p<p>.json"},
        {"--p", "A..B", "depths to train or evaluate (default 2..6)"},
        {"--epochs", "E", "training: maximum epochs (default 400)"},
        {"--hidden", "H", "training: embedding width (default 32)"},
        {"--batch", "B", "training: graphs per Adam step (default 16)"},
        {"--lr", "LR", "training: initial Adam step (default 0.0005)"},
        {"--patience", "N", "training: epochs without validation progress before stopping (default 100)"},
        {"--validation", "F", "training: held-out share (default 0.15)"},
        {"--max-gamma", "G", "training: leave out labels with |gamma_k rms| > G as outliers (default 1.5)"},
        {"--max-deviation", "D", "training: leave out labels more than D robust deviations from the median (default 4;\n"
                                 "0 = none)"},
        {"--consensus", "R", "training: rounds of relabelling towards the trained models, then retraining (default 0)"},
        {"--tolerance", "T", "--consensus: largest AR* a moved label may lose (default 0.0002)"},
        {"--relabelled", "FILE", "--consensus: write the relabelled data set here"},
        {"--loss", "L", "training: curvature (AR* lost to second order) or mse (squared error), per graph or its\n"
                        "square root with root- (default root-curvature)"},
        {"--ridge", "R", "training: weight of the squared error added to the curvature loss (default 0.001)"},
        {"--evaluate", "FILE", "compare models with the optimised labels of this data set"},
        {"--models", "DIRS", "--evaluate: model directories, comma-separated: their mean prediction (default: shipped)"},
        {"--seed", "S", "seed of the graphs (--generate) or of the training (default 1)"},
        {"--threads", "T", "instances (training: curvatures) in parallel (default 1)"},
        {"--quiet", "", "--generate: no progress on stderr"},
        {"--json", "", "print one JSON object"},
    };
    c.maxPositionals = 0;
    c.run = runTrainGnn;
    return c;
}

} // namespace cli
