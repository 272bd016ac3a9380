// SPDX-License-Identifier: MIT
// The workbench's versioned JSON instance formats: schema validation first, then semantic checks, both way.
#include "io/instance_file.h"

#include "core/error.h"
#include "graph/graph_problems.h"
#include "io/instance_limits.h"
#include "io/json_schema.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace engine {

namespace {

using nlohmann::json;

constexpr int FORMAT_VERSION = 1;

struct FormatInfo {
    const char* format;  // value of "format"
    const char* schema;  // embedded schema name
};

constexpr FormatInfo FORMATS[] = {
    {"qaoa-workbench/lcrp-instance", "lcrp-instance"},
    {"qaoa-workbench/graph-instance", "graph-instance"},
    {"qaoa-workbench/qubo-instance", "qubo-instance"},
    {"qaoa-workbench/project", "project"},
};

// Error places are "<source>:<pointer>", the pointer relative to the whole document.
class Place {
public:
    Place(const std::string& source, std::string prefix) : m_source(source), m_prefix(std::move(prefix)) {}

    std::string at(const std::string& pointer) const
    {
        const std::string full = m_prefix + pointer;
        return full.empty() ? m_source : m_source + ":" + full;
    }
    Error error(const std::string& pointer, const std::string& detail) const
    {
        return Error(ErrorCode::InvalidInput, detail, at(pointer));
    }
    const std::string& prefix() const { return m_prefix; }
    const std::string& source() const { return m_source; }

private:
    const std::string& m_source;
    std::string m_prefix;
};

std::string index(std::size_t k)
{
    // NOTE: built with += because GCC 12 at -O3 warns falsely (-Wrestrict) on "literal" + std::string&&.
    std::string token = "/";
    token += std::to_string(k);
    return token;
}

// Identifies the kind of an instance object by its "format" and rejects versions from the future before
// the schema (which only knows version 1) reports them less helpfully.
std::string schemaNameOf(const json& object, const Place& place)
{
    if (!object.is_object())
        throw place.error("", std::string("expected a JSON object, got ") + object.type_name());
    const auto format = object.find("format");
    if (format == object.end())
        throw place.error("", "required property 'format' is missing");
    if (!format->is_string())
        throw place.error("/format", std::string("expected string, got ") + format->type_name());
    std::string schema;
    std::string known;
    for (const FormatInfo& info : FORMATS) {
        if (*format == info.format)
            schema = info.schema;
        known += (known.empty() ? "\"" : ", \"") + std::string(info.format) + "\"";
    }
    if (schema.empty())
        throw place.error("/format", "unknown format " + format->dump() + " (expected one of " + known + ")");
    const auto version = object.find("formatVersion");
    if (version != object.end() && version->is_number() && version->get<double>() > FORMAT_VERSION)
        throw place.error("/formatVersion", "formatVersion " + version->dump() + " is newer than this program supports ("
                                                + std::to_string(FORMAT_VERSION) + ")");
    return schema;
}

void validateAgainst(const std::string& schemaName, const json& object, const Place& place)
{
    const std::vector<SchemaViolation> violations = embeddedSchema(schemaName).validate(object, 1);
    if (violations.empty())
        return;
    const SchemaViolation& v = violations.front();
    throw place.error(v.pointer, v.message + " (rule '" + v.rule + "')");
}

// An array element that the schema guarantees to be a number but that must also be a 0-based index.
std::size_t indexValue(const json& value, std::size_t limit, const char* what, const Place& place,
                       const std::string& pointer)
{
    const double d = value.get<double>();
    if (!(std::trunc(d) == d))
        throw place.error(pointer, std::string(what) + " " + value.dump() + " is not an integer");
    if (d < 0.0 || d >= static_cast<double>(limit))
        throw place.error(pointer, std::string(what) + " " + value.dump() + " is out of range 0.."
                                       + std::to_string(limit - 1));
    return static_cast<std::size_t>(d);
}

double finiteValue(const json& value, const Place& place, const std::string& pointer)
{
    const double d = value.get<double>();
    if (!std::isfinite(d))
        throw place.error(pointer, "value is not a finite number");
    return d;
}

std::size_t countValue(const json& value, const Place& place, const std::string& pointer)
{
    const double d = value.get<double>();
    if (d > static_cast<double>(MAX_FILE_VARIABLES))
        throw place.error(pointer, "count " + value.dump() + " exceeds the limit of " + std::to_string(MAX_FILE_VARIABLES));
    return static_cast<std::size_t>(d);
}

LcrpInstance lcrpFromJson(const json& doc, const Place& place)
{
    LcrpInstance instance;
    instance.name = doc.value("name", std::string());
    instance.budgetUsd = doc.at("budgetUsd").get<double>();
    if (const auto p = doc.find("penalties"); p != doc.end()) {
        const auto take = [&](const char* key, double& target) {
            if (const auto it = p->find(key); it != p->end())
                target = it->get<double>();
        };
        take("assignment", instance.penalties.assignment);
        take("quality", instance.penalties.quality);
        take("budget", instance.penalties.budget);
        take("latency", instance.penalties.latency);
        take("context", instance.penalties.context);
    }
    for (const json& m : doc.at("models")) {
        LcrpModel model;
        model.name = m.at("name").get<std::string>();
        model.costPer1kUsd = m.at("costPer1kUsd").get<double>();
        model.quality = m.at("quality").get<double>();
        model.latencyMs = m.at("latencyMs").get<double>();
        model.contextTokens = m.at("contextTokens").get<double>();
        instance.models.push_back(std::move(model));
    }
    for (const json& t : doc.at("tasks")) {
        LcrpTask task;
        task.id = t.at("id").get<std::string>();
        task.complexity = static_cast<int>(t.at("complexity").get<double>());
        task.tokens = t.at("tokens").get<double>();
        if (const auto it = t.find("qMin"); it != t.end())
            task.qMin = it->get<double>();
        if (const auto it = t.find("latencySlaMs"); it != t.end())
            task.latencySlaMs = it->get<double>();
        instance.tasks.push_back(std::move(task));
    }
    try {
        instance.validate();
    } catch (const Error& e) {
        throw Error(e.code(), e.detail(), place.at(e.where()));
    }
    return instance;
}

GraphInstance graphFromJson(const json& doc, const Place& place)
{
    GraphInstance instance;
    instance.name = doc.value("name", std::string());
    instance.problem = graphProblemFromName(doc.at("problem").get<std::string>());
    if (const auto it = doc.find("misPenalty"); it != doc.end())
        instance.misPenalty = finiteValue(*it, place, "/misPenalty");
    const std::size_t n = countValue(doc.at("numVertices"), place, "/numVertices");
    instance.graph = WeightedGraph(n);
    const json& edges = doc.at("edges");
    for (std::size_t k = 0; k < edges.size(); ++k) {
        const json& e = edges[k];
        const std::string at = "/edges" + index(k);
        const std::size_t u = indexValue(e[0], n, "vertex index", place, at + "/0");
        const std::size_t v = indexValue(e[1], n, "vertex index", place, at + "/1");
        const double w = finiteValue(e[2], place, at + "/2");
        if (u == v)
            throw place.error(at, "self-loop on vertex " + std::to_string(u));
        if (instance.graph.hasEdge(u, v)) {
            // Edges are added in array order, so the stored edge index is the earlier array index.
            std::size_t earlier = 0;
            for (const auto& [neighbour, edgeIndex] : instance.graph.neighbors(u))
                if (neighbour == v)
                    earlier = edgeIndex;
            throw place.error(at, "edge {" + std::to_string(u) + ", " + std::to_string(v) + "} repeats "
                                      + place.prefix() + "/edges" + index(earlier));
        }
        instance.graph.addEdge(u, v, w);
    }
    return instance;
}

QuboInstance quboFromJson(const json& doc, const Place& place)
{
    QuboInstance instance;
    instance.name = doc.value("name", std::string());
    const std::size_t n = countValue(doc.at("numVariables"), place, "/numVariables");
    const json& linear = doc.at("linear");
    // Checked before the model is sized, so the allocation is backed by the document's own content.
    if (linear.size() != n)
        throw place.error("/linear", "linear has " + std::to_string(linear.size()) + " entries, numVariables is "
                                         + std::to_string(n));
    if (const auto names = doc.find("variableNames"); names != doc.end() && names->size() != n)
        throw place.error("/variableNames", "variableNames has " + std::to_string(names->size())
                                                + " entries, numVariables is " + std::to_string(n));

    struct Term {
        std::size_t i, j, k;
        double value;
    };
    const json& quadratic = doc.at("quadratic");
    std::vector<Term> terms;
    terms.reserve(quadratic.size());
    for (std::size_t k = 0; k < quadratic.size(); ++k) {
        const json& q = quadratic[k];
        const std::string at = "/quadratic" + index(k);
        std::size_t i = indexValue(q[0], n, "variable index", place, at + "/0");
        std::size_t j = indexValue(q[1], n, "variable index", place, at + "/1");
        const double value = finiteValue(q[2], place, at + "/2");
        if (i == j)
            throw place.error(at, "diagonal term (" + std::to_string(i) + ", " + std::to_string(i)
                                      + ") belongs in 'linear'");
        if (i > j)
            std::swap(i, j);
        terms.push_back({i, j, k, value});
    }
    // Sorting finds repeated pairs and lets the model append each pair in O(1).
    std::sort(terms.begin(), terms.end(), [](const Term& a, const Term& b) {
        return a.i != b.i ? a.i < b.i : a.j != b.j ? a.j < b.j : a.k < b.k;
    });
    const Term* repeat = nullptr;
    const Term* original = nullptr;
    for (std::size_t t = 1; t < terms.size(); ++t)
        if (terms[t].i == terms[t - 1].i && terms[t].j == terms[t - 1].j && (!repeat || terms[t].k < repeat->k)) {
            repeat = &terms[t];
            original = &terms[t - 1];
        }
    if (repeat)
        throw place.error("/quadratic" + index(repeat->k),
                          "pair (" + std::to_string(repeat->i) + ", " + std::to_string(repeat->j) + ") repeats "
                              + place.prefix() + "/quadratic" + index(original->k));

    QuboModel qubo(n);
    qubo.addOffset(finiteValue(doc.at("offset"), place, "/offset"));
    for (std::size_t i = 0; i < n; ++i)
        qubo.addLinear(i, finiteValue(linear[i], place, "/linear" + index(i)));
    for (const Term& t : terms)
        qubo.addQuadratic(t.i, t.j, t.value);
    if (const auto names = doc.find("variableNames"); names != doc.end())
        for (std::size_t i = 0; i < n; ++i)
            qubo.setVariableName(i, (*names)[i].get<std::string>());
    instance.qubo = std::move(qubo);
    return instance;
}

Instance parseInstance(const json& object, const std::string& schemaName, const Place& place)
{
    if (schemaName == "lcrp-instance")
        return lcrpFromJson(object, place);
    if (schemaName == "graph-instance")
        return graphFromJson(object, place);
    return quboFromJson(object, place);
}

// Writing non-finite numbers would produce `null`, which no reader accepts; refuse early instead.
double checked(double value, const char* what)
{
    if (!std::isfinite(value))
        throw Error(ErrorCode::InvalidArgument, std::string("cannot save a non-finite value"), what);
    return value;
}

json header(const char* format, const std::string& name)
{
    json j = json::object();
    j["format"] = format;
    j["formatVersion"] = FORMAT_VERSION;
    if (!name.empty())
        j["name"] = name;
    return j;
}

json lcrpToJson(const LcrpInstance& instance)
{
    json j = header(FORMATS[0].format, instance.name);
    j["budgetUsd"] = checked(instance.budgetUsd, "/budgetUsd");
    const LcrpPenalties& p = instance.penalties;
    j["penalties"] = {{"assignment", checked(p.assignment, "/penalties/assignment")},
                      {"quality", checked(p.quality, "/penalties/quality")},
                      {"budget", checked(p.budget, "/penalties/budget")},
                      {"latency", checked(p.latency, "/penalties/latency")},
                      {"context", checked(p.context, "/penalties/context")}};
    json models = json::array();
    for (const LcrpModel& m : instance.models)
        models.push_back({{"name", m.name},
                          {"costPer1kUsd", checked(m.costPer1kUsd, "/models/costPer1kUsd")},
                          {"quality", checked(m.quality, "/models/quality")},
                          {"latencyMs", checked(m.latencyMs, "/models/latencyMs")},
                          {"contextTokens", checked(m.contextTokens, "/models/contextTokens")}});
    j["models"] = std::move(models);
    json tasks = json::array();
    for (const LcrpTask& t : instance.tasks) {
        json task = {{"id", t.id}, {"complexity", t.complexity}, {"tokens", checked(t.tokens, "/tasks/tokens")}};
        if (t.qMin)
            task["qMin"] = checked(*t.qMin, "/tasks/qMin");
        if (t.latencySlaMs)
            task["latencySlaMs"] = checked(*t.latencySlaMs, "/tasks/latencySlaMs");
        tasks.push_back(std::move(task));
    }
    j["tasks"] = std::move(tasks);
    return j;
}

json graphToJson(const GraphInstance& instance)
{
    json j = header(FORMATS[1].format, instance.name);
    j["problem"] = graphProblemName(instance.problem);
    j["misPenalty"] = checked(instance.misPenalty, "/misPenalty");
    j["numVertices"] = instance.graph.numVertices();
    json edges = json::array();
    for (const Edge& e : instance.graph.edges())
        edges.push_back(json::array({e.u, e.v, e.weight}));
    j["edges"] = std::move(edges);
    return j;
}

json quboToJson(const QuboInstance& instance)
{
    const QuboModel& qubo = instance.qubo;
    json j = header(FORMATS[2].format, instance.name);
    j["numVariables"] = qubo.numVariables();
    j["offset"] = checked(qubo.offset(), "/offset");
    j["linear"] = qubo.linearTerms();
    json quadratic = json::array();
    for (const QuadraticTerm& t : qubo.quadraticTerms())
        if (t.value != 0.0)
            quadratic.push_back(json::array({t.i, t.j, t.value}));
    j["quadratic"] = std::move(quadratic);
    if (qubo.hasVariableNames()) {
        json names = json::array();
        for (std::size_t i = 0; i < qubo.numVariables(); ++i)
            names.push_back(qubo.variableName(i));
        j["variableNames"] = std::move(names);
    }
    return j;
}

} // namespace

Instance instanceFromJson(const nlohmann::json& document, const std::string& source)
{
    const Place root(source, "");
    const std::string schemaName = schemaNameOf(document, root);
    if (schemaName != "project") {
        validateAgainst(schemaName, document, root);
        return parseInstance(document, schemaName, root);
    }
    // A project: check the embedded instance against its own schema first, so errors inside it are reported
    // precisely rather than as a failed choice between the three instance kinds.
    const Place inner(source, "/instance");
    const auto instance = document.find("instance");
    std::string innerSchema;
    if (instance != document.end() && instance->is_object()) {
        innerSchema = schemaNameOf(*instance, inner);
        if (innerSchema == "project")
            throw inner.error("/format", "a project cannot contain another project");
        validateAgainst(innerSchema, *instance, inner);
    }
    validateAgainst("project", document, root);
    return parseInstance(*instance, innerSchema, inner);
}

nlohmann::json instanceToJson(const Instance& instance)
{
    if (const auto* lcrp = std::get_if<LcrpInstance>(&instance))
        return lcrpToJson(*lcrp);
    if (const auto* graph = std::get_if<GraphInstance>(&instance))
        return graphToJson(*graph);
    return quboToJson(std::get<QuboInstance>(instance));
}

} // namespace engine
