// SPDX-License-Identifier: MIT
// Project file mapping (JSON <-> ProjectData) and atomic file I/O through the engine.
#include "document/project_file.h"

#include "core/error.h"
#include "io/atomic_file.h"
#include "io/instance_file.h"

#include <QFile>

#include <limits>
#include <variant>

namespace workbench {

namespace {

using engine::Error;
using engine::ErrorCode;
using nlohmann::json;

[[noreturn]] void fail(const std::string& source, const std::string& pointer, const std::string& detail)
{
    throw Error(ErrorCode::InvalidInput, detail, source + ":" + pointer);
}

std::uint64_t readUnsigned(const json& object, const char* key, std::uint64_t low, std::uint64_t high,
                           std::uint64_t fallback, const std::string& source)
{
    const auto it = object.find(key);
    if (it == object.end())
        return fallback;
    const std::string pointer = std::string("/workbench/") + key;
    if (!it->is_number_integer() || (!it->is_number_unsigned() && it->get<std::int64_t>() < 0))
        fail(source, pointer, "must be a non-negative integer");
    const std::uint64_t value = it->get<std::uint64_t>();
    if (value < low || value > high)
        fail(source, pointer, "must lie in [" + std::to_string(low) + ", " + std::to_string(high) + "]");
    return value;
}

bool readBool(const json& object, const char* key, bool fallback, const std::string& source)
{
    const auto it = object.find(key);
    if (it == object.end())
        return fallback;
    if (!it->is_boolean())
        fail(source, std::string("/workbench/") + key, "must be true or false");
    return it->get<bool>();
}

std::string readString(const json& object, const char* key, const std::string& fallback, const std::string& source)
{
    const auto it = object.find(key);
    if (it == object.end())
        return fallback;
    if (!it->is_string())
        fail(source, std::string("/workbench/") + key, "must be a string");
    return it->get<std::string>();
}

WorkbenchSettings settingsFromJson(const json& object, const std::string& source)
{
    WorkbenchSettings s;
    if (!object.is_object())
        fail(source, "/workbench", "must be an object");

    const std::string solver = readString(object, "solver", solverChoiceName(s.solver), source);
    if (!solverChoiceFromName(solver.c_str(), s.solver))
        fail(source, "/workbench/solver", "unknown solver \"" + solver + "\" (greedy, greedy-budget, sa, exact)");

    const std::string objective = readString(object, "objective", engine::lcrpObjectiveName(s.objective), source);
    try {
        s.objective = engine::lcrpObjectiveFromName(objective);
    } catch (const Error&) {
        fail(source, "/workbench/objective", "unknown objective \"" + objective + "\" (exact, reference-v2)");
    }

    s.seed = readUnsigned(object, "seed", 0, MAX_SEED, s.seed, source);
    s.annealingSteps = readUnsigned(object, "annealingSteps", 1, MAX_ANNEALING_STEPS, s.annealingSteps, source);
    s.annealingRestarts = static_cast<int>(
        readUnsigned(object, "annealingRestarts", 1, MAX_ANNEALING_RESTARTS, s.annealingRestarts, source));
    s.budgetSlackBits = static_cast<int>(
        readUnsigned(object, "budgetSlackBits", 0, MAX_BUDGET_SLACK_BITS, s.budgetSlackBits, source));

    const std::string budget = readString(object, "exactBudget", s.exactSoftBudget ? "soft" : "hard", source);
    if (budget != "hard" && budget != "soft")
        fail(source, "/workbench/exactBudget", "must be \"hard\" or \"soft\"");
    s.exactSoftBudget = budget == "soft";
    s.exactHardPairConstraints = readBool(object, "exactHardPairConstraints", s.exactHardPairConstraints, source);

    if (const auto it = object.find("exactTimeLimitSeconds"); it != object.end()) {
        if (!it->is_number())
            fail(source, "/workbench/exactTimeLimitSeconds", "must be a number");
        const double seconds = it->get<double>();
        if (!(seconds > 0.0 && seconds <= MAX_EXACT_TIME_LIMIT_SECONDS))
            fail(source, "/workbench/exactTimeLimitSeconds",
                 "must lie in (0, " + std::to_string(static_cast<int>(MAX_EXACT_TIME_LIMIT_SECONDS)) + "]");
        s.exactTimeLimitSeconds = seconds;
    }
    return s;
}

json settingsToJson(const WorkbenchSettings& s)
{
    return json{
        {"solver", solverChoiceName(s.solver)},
        {"objective", engine::lcrpObjectiveName(s.objective)},
        {"seed", s.seed},
        {"annealingSteps", s.annealingSteps},
        {"annealingRestarts", s.annealingRestarts},
        {"exactBudget", s.exactSoftBudget ? "soft" : "hard"},
        {"exactHardPairConstraints", s.exactHardPairConstraints},
        {"exactTimeLimitSeconds", s.exactTimeLimitSeconds},
        {"budgetSlackBits", s.budgetSlackBits},
    };
}

} // namespace

std::string toEnginePath(const QString& path)
{
    return QFile::encodeName(path).toStdString();
}

json projectToJson(const ProjectData& project)
{
    json document;
    document["format"] = PROJECT_FORMAT;
    document["formatVersion"] = PROJECT_FORMAT_VERSION;
    document["instance"] = engine::instanceToJson(engine::Instance{project.instance});
    document["workbench"] = settingsToJson(project.settings);
    return document;
}

ProjectData projectFromJson(const json& document, const std::string& source)
{
    if (!document.is_object())
        fail(source, "", "a project file must hold a JSON object");
    const auto format = document.find("format");
    if (format == document.end() || !format->is_string() || format->get<std::string>() != PROJECT_FORMAT)
        fail(source, "/format", std::string("not a QAOA Workbench project (expected \"") + PROJECT_FORMAT + "\")");
    const auto version = document.find("formatVersion");
    if (version == document.end() || !version->is_number_integer())
        fail(source, "/formatVersion", "missing or not an integer");
    if (version->get<std::int64_t>() < 1 || version->get<std::int64_t>() > PROJECT_FORMAT_VERSION)
        fail(source, "/formatVersion",
             "version " + std::to_string(version->get<std::int64_t>()) + " is not supported (this build reads 1 to "
                 + std::to_string(PROJECT_FORMAT_VERSION) + ")");
    if (!document.contains("instance"))
        fail(source, "/instance", "missing");

    ProjectData project;
    try {
        engine::Instance instance = engine::instanceFromJson(document, source);
        auto* lcrp = std::get_if<engine::LcrpInstance>(&instance);
        if (lcrp == nullptr)
            fail(source, "/instance",
                 std::string("holds a ") + engine::instanceKindName(instance) + " instance; the workbench edits LCRP");
        project.instance = std::move(*lcrp);
    } catch (const json::exception& e) {
        // The engine validates against its schema first; this only catches what slipped through.
        fail(source, "/instance", e.what());
    }
    try {
        project.instance.validate();
    } catch (const Error& e) {
        fail(source, "/instance" + e.where(), e.detail());
    }
    if (const auto it = document.find("workbench"); it != document.end())
        project.settings = settingsFromJson(*it, source);
    return project;
}

std::string projectToText(const ProjectData& project)
{
    std::string text = projectToJson(project).dump(2);
    text.push_back('\n');
    return text;
}

ProjectData readProjectFile(const QString& path)
{
    const std::string source = path.toStdString();
    std::string text;
    if (path.startsWith(QLatin1Char(':'))) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            throw Error(ErrorCode::Io, "cannot open resource: " + file.errorString().toStdString(), source);
        if (static_cast<std::size_t>(file.size()) > MAX_PROJECT_FILE_BYTES)
            throw Error(ErrorCode::LimitExceeded, "project file larger than 64 MiB", source);
        text = file.readAll().toStdString();
    } else {
        text = engine::readWholeFile(toEnginePath(path), MAX_PROJECT_FILE_BYTES);
    }
    json document;
    try {
        document = json::parse(text);
    } catch (const json::parse_error& e) {
        throw Error(ErrorCode::InvalidInput, std::string("JSON syntax error: ") + e.what(), source);
    }
    return projectFromJson(document, source);
}

void writeProjectFile(const QString& path, const ProjectData& project)
{
    engine::writeFileAtomically(toEnginePath(path), projectToText(project));
}

} // namespace workbench
