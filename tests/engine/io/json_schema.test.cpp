// SPDX-License-Identifier: MIT
// Tests of the JSON Schema subset validator, keyword by keyword, and of the embedded schemas.
#include "io/json_schema.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"

#include <fstream>

using nlohmann::json;
using engine::JsonSchema;
using engine::SchemaViolation;

Q_DECLARE_METATYPE(json)

namespace {

std::string readSource(const std::string& relative)
{
    std::ifstream in(std::string(QAOA_SOURCE_DIR) + "/" + relative, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

} // namespace

class TstJsonSchema : public QObject {
    Q_OBJECT

private slots:
    void keywords_data();
    void keywords();
    void validValuesPass_data();
    void validValuesPass();
    void pointersAreEscaped();
    void violationsComeInDocumentOrder();
    void maxViolationsCapsTheList();
    void alternativesReportTheClosestBranch();
    void validateOrThrowNamesSourceAndPointer();
    void unsupportedSchemasAreRejected_data();
    void unsupportedSchemasAreRejected();
    void referenceCycleDoesNotRecurseForever();
    void embeddedSchemasMatchTheirFiles();
    void projectSchemaRepeatsInstanceSchemas();
    void unknownEmbeddedName();
};

void TstJsonSchema::keywords_data()
{
    QTest::addColumn<json>("schema");
    QTest::addColumn<json>("document");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("message");

    const json counted = {{"type", "object"}, {"properties", {{"n", {{"type", "integer"}, {"minimum", 1}}}}}};
    QTest::newRow("minimum") << counted << json{{"n", -3}} << "/n"
                             << "minimum" << "value -3 is less than the minimum 1";
    QTest::newRow("type integer vs string") << counted << json{{"n", "3"}} << "/n"
                                            << "type" << "expected integer, got string";
    QTest::newRow("type integer vs fraction") << counted << json{{"n", 2.5}} << "/n"
                                              << "type" << "expected integer, got number";
    QTest::newRow("type list") << json{{"type", {"string", "null", "array"}}} << json(true) << ""
                               << "type" << "expected string, null or array, got boolean";
    QTest::newRow("maximum") << json{{"maximum", 5}} << json(7) << ""
                             << "maximum" << "value 7 is greater than the maximum 5";
    QTest::newRow("exclusiveMinimum") << json{{"exclusiveMinimum", 0}} << json(0) << ""
                                      << "exclusiveMinimum" << "value 0 must be greater than 0";
    QTest::newRow("exclusiveMaximum") << json{{"exclusiveMaximum", 1.5}} << json(1.5) << ""
                                      << "exclusiveMaximum" << "value 1.5 must be less than 1.5";
    QTest::newRow("enum") << json{{"enum", {"maxcut", "mis"}}} << json("tsp") << ""
                          << "enum" << "value \"tsp\" is not one of \"maxcut\", \"mis\"";
    QTest::newRow("const") << json{{"const", 1}} << json(2) << ""
                           << "const" << "value 2 is not the constant 1";
    const json object = {{"type", "object"},
                         {"required", {"tokens"}},
                         {"properties", {{"tokens", {{"type", "number"}}}}},
                         {"additionalProperties", false}};
    QTest::newRow("required") << object << json::object() << ""
                              << "required" << "required property 'tokens' is missing";
    QTest::newRow("additionalProperties false") << object << json{{"tokens", 1}, {"foo", 2}} << "/foo"
                                                << "additionalProperties" << "property 'foo' is not allowed";
    QTest::newRow("additionalProperties schema")
        << json{{"additionalProperties", {{"type", "string"}}}} << json{{"a", "x"}, {"b", 1}} << "/b"
        << "type" << "expected string, got integer";
    const json list = {{"type", "array"}, {"minItems", 1}, {"maxItems", 2}, {"items", {{"type", "number"}}}};
    QTest::newRow("minItems") << list << json::array() << ""
                              << "minItems" << "array has 0 items, fewer than the minimum 1";
    QTest::newRow("maxItems") << list << json{1, 2, 3} << ""
                              << "maxItems" << "array has 3 items, more than the maximum 2";
    QTest::newRow("items") << list << json{1, "two"} << "/1"
                           << "type" << "expected number, got string";
    QTest::newRow("minLength") << json{{"minLength", 1}} << json("") << ""
                               << "minLength" << "string has 0 characters, fewer than the minimum 1";
    // Length counts code points: "äöü" is 6 bytes but 3 characters.
    QTest::newRow("maxLength") << json{{"maxLength", 2}} << json("\xC3\xA4\xC3\xB6\xC3\xBC") << ""
                               << "maxLength" << "string has 3 characters, more than the maximum 2";
    QTest::newRow("pattern") << json{{"pattern", "^T-[0-9]+$"}} << json("task") << ""
                             << "pattern" << "string 'task' does not match the pattern '^T-[0-9]+$'";
    QTest::newRow("oneOf none") << json{{"oneOf", {{{"type", "string"}}, {{"type", "integer"}}}}} << json(true) << ""
                                << "oneOf" << "value matches none of the 2 alternatives";
    QTest::newRow("oneOf two") << json{{"oneOf", {{{"type", "number"}}, {{"type", "integer"}}}}} << json(3) << ""
                               << "oneOf" << "value matches 2 of the 2 alternatives, expected exactly one";
    QTest::newRow("anyOf none") << json{{"anyOf", {{{"minimum", 5}}, {{"maximum", 1}}}}} << json(3) << ""
                                << "anyOf" << "value matches none of the 2 alternatives";
    QTest::newRow("$ref") << json{{"$defs", {{"positive", {{"exclusiveMinimum", 0}}}}},
                                  {"items", {{"$ref", "#/$defs/positive"}}}}
                          << json{1, -2} << "/1"
                          << "exclusiveMinimum" << "value -2 must be greater than 0";
    QTest::newRow("false schema") << json{{"properties", {{"x", false}}}} << json{{"x", 1}} << "/x"
                                  << "false" << "no value is allowed here";
}

void TstJsonSchema::keywords()
{
    QFETCH(json, schema);
    QFETCH(json, document);
    QFETCH(QString, pointer);
    QFETCH(QString, rule);
    QFETCH(QString, message);
    const std::vector<SchemaViolation> found = JsonSchema(schema).validate(document);
    QCOMPARE(found.size(), std::size_t{1});
    QCOMPARE(QString::fromStdString(found[0].pointer), pointer);
    QCOMPARE(QString::fromStdString(found[0].rule), rule);
    QCOMPARE(QString::fromStdString(found[0].message), message);
}

void TstJsonSchema::validValuesPass_data()
{
    QTest::addColumn<json>("schema");
    QTest::addColumn<json>("document");
    QTest::newRow("integral float is an integer") << json{{"type", "integer"}} << json(3.0);
    QTest::newRow("integer is a number") << json{{"type", "number"}} << json(3);
    QTest::newRow("bounds inclusive") << json{{"minimum", 0}, {"maximum", 1}} << json(1);
    QTest::newRow("enum mixed") << json{{"enum", {1, "a", nullptr}}} << json(nullptr);
    QTest::newRow("const equal across int and float") << json{{"const", 1}} << json(1.0);
    QTest::newRow("numeric keywords ignore strings") << json{{"minimum", 5}} << json("text");
    QTest::newRow("oneOf exactly one") << json{{"oneOf", {{{"type", "string"}}, {{"type", "integer"}}}}} << json(4);
    QTest::newRow("anyOf both") << json{{"anyOf", {{{"type", "number"}}, {{"type", "integer"}}}}} << json(4);
    QTest::newRow("true schema") << json(true) << json{{"a", {1, 2}}};
    QTest::newRow("optional property absent")
        << json{{"properties", {{"x", {{"type", "string"}}}}}, {"additionalProperties", false}} << json::object();
    QTest::newRow("annotations ignored") << json{{"title", "t"}, {"description", "d"}, {"$comment", "c"},
                                                 {"default", 1}, {"$id", "urn:x"}}
                                         << json(1);
}

void TstJsonSchema::validValuesPass()
{
    QFETCH(json, schema);
    QFETCH(json, document);
    QVERIFY(JsonSchema(schema).validate(document).empty());
}

void TstJsonSchema::pointersAreEscaped()
{
    const JsonSchema schema(json{{"additionalProperties", {{"items", {{"type", "string"}}}}}});
    const auto found = schema.validate(json{{"a/b~c", {"ok", 5}}});
    QCOMPARE(found.size(), std::size_t{1});
    QCOMPARE(found[0].pointer, std::string("/a~1b~0c/1"));
}

void TstJsonSchema::violationsComeInDocumentOrder()
{
    const JsonSchema schema(json{{"type", "object"},
                                 {"required", {"z"}},
                                 {"properties", {{"a", {{"type", "string"}}}, {"b", {{"items", {{"minimum", 0}}}}}}},
                                 {"additionalProperties", false}});
    const auto found = schema.validate(json{{"b", {1, -1, -2}}, {"a", 1}, {"c", 0}});
    QCOMPARE(found.size(), std::size_t{5});
    QCOMPARE(found[0].rule, std::string("required"));  // the object itself comes first
    QCOMPARE(found[1].pointer, std::string("/a"));
    QCOMPARE(found[2].pointer, std::string("/b/1"));
    QCOMPARE(found[3].pointer, std::string("/b/2"));
    QCOMPARE(found[4].pointer, std::string("/c"));
}

void TstJsonSchema::maxViolationsCapsTheList()
{
    const JsonSchema schema(json{{"items", {{"type", "string"}}}});
    const json many = json(std::vector<int>(1000, 1));
    QCOMPARE(schema.validate(many).size(), std::size_t{50});
    QCOMPARE(schema.validate(many, 3).size(), std::size_t{3});
    QCOMPARE(schema.validate(many, 0).size(), std::size_t{0});
}

void TstJsonSchema::alternativesReportTheClosestBranch()
{
    // An object that clearly meant the first branch but has one bad field: the field is named.
    const json schema = {{"oneOf",
                          {{{"type", "object"},
                            {"required", {"kind", "size"}},
                            {"properties", {{"kind", {{"const", "box"}}}, {"size", {{"minimum", 1}}}}}},
                           {{"type", "object"},
                            {"required", {"kind", "name"}},
                            {"properties", {{"kind", {{"const", "tag"}}}, {"name", {{"type", "string"}}}}}}}}};
    const auto found = JsonSchema(schema).validate(json{{"kind", "box"}, {"size", 0}});
    QCOMPARE(found.size(), std::size_t{1});
    QCOMPARE(found[0].pointer, std::string("/size"));
    QCOMPARE(found[0].rule, std::string("minimum"));
}

void TstJsonSchema::validateOrThrowNamesSourceAndPointer()
{
    const JsonSchema schema(json{{"properties", {{"tasks", {{"items", {{"required", {"tokens"}}}}}}}}});
    try {
        schema.validateOrThrow(json{{"tasks", {json::object(), json::object()}}}, "in.json");
        QFAIL("no error");
    } catch (const engine::Error& e) {
        QCOMPARE(e.code(), engine::ErrorCode::InvalidInput);
        QCOMPARE(e.where(), std::string("in.json:/tasks/0"));
        QCOMPARE(e.detail(), std::string("required property 'tokens' is missing (rule 'required')"));
        QCOMPARE(std::string(e.what()), std::string("in.json:/tasks/0: required property 'tokens' is missing (rule 'required')"));
    }
    try {
        JsonSchema(json{{"type", "object"}}).validateOrThrow(json::array(), "in.json");
        QFAIL("no error");
    } catch (const engine::Error& e) {
        QCOMPARE(e.where(), std::string("in.json"));  // the root has no pointer
    }
    schema.validateOrThrow(json{{"tasks", {json{{"tokens", 1}}}}}, "in.json");
}

void TstJsonSchema::unsupportedSchemasAreRejected_data()
{
    QTest::addColumn<json>("schema");
    QTest::newRow("unknown keyword") << json{{"format", "email"}};
    QTest::newRow("prefixItems") << json{{"prefixItems", json::array()}};
    QTest::newRow("nested unknown keyword") << json{{"properties", {{"x", {{"multipleOf", 2}}}}}};
    QTest::newRow("unknown type") << json{{"type", "float"}};
    QTest::newRow("items as array") << json{{"items", {{{"type", "string"}}}}};
    QTest::newRow("external $ref") << json{{"$ref", "other.json#/x"}};
    QTest::newRow("undefined $ref") << json{{"$ref", "#/$defs/missing"}};
    QTest::newRow("bad pattern") << json{{"pattern", "([a-z"}};
    QTest::newRow("negative minItems") << json{{"minItems", -1}};
    QTest::newRow("non-numeric minimum") << json{{"minimum", "1"}};
    QTest::newRow("empty oneOf") << json{{"oneOf", json::array()}};
    QTest::newRow("schema not an object") << json(3);
}

void TstJsonSchema::unsupportedSchemasAreRejected()
{
    QFETCH(json, schema);
    try {
        JsonSchema s(schema);
        QFAIL("no error");
    } catch (const engine::Error& e) {
        QCOMPARE(e.code(), engine::ErrorCode::InvalidArgument);
        QVERIFY(e.where().rfind("schema:", 0) == 0);
    }
}

void TstJsonSchema::referenceCycleDoesNotRecurseForever()
{
    const JsonSchema schema(json{{"$defs", {{"a", {{"$ref", "#/$defs/b"}}}, {"b", {{"$ref", "#/$defs/a"}}}}},
                                 {"$ref", "#/$defs/a"}});
    const auto found = schema.validate(json(1));
    QCOMPARE(found.size(), std::size_t{1});
    QCOMPARE(found[0].rule, std::string("$ref"));
}

void TstJsonSchema::embeddedSchemasMatchTheirFiles()
{
    const std::vector<std::string> expected{"bundle-manifest", "graph-instance", "lcrp-instance", "project", "qubo-instance"};
    QCOMPARE(engine::embeddedSchemaNames(), expected);
    for (const std::string& name : expected) {
        QCOMPARE(engine::embeddedSchemaText(name), readSource("resources/schemas/" + name + ".schema.json"));
        const json parsed = json::parse(engine::embeddedSchemaText(name));
        QCOMPARE(parsed.at("$schema").get<std::string>(), std::string("https://json-schema.org/draft/2020-12/schema"));
        (void)engine::embeddedSchema(name);  // constructs: every keyword is supported
    }
}

void TstJsonSchema::projectSchemaRepeatsInstanceSchemas()
{
    // The project schema must embed each instance schema unchanged, or the two could drift apart.
    const json project = json::parse(engine::embeddedSchemaText("project"));
    const std::pair<const char*, const char*> kinds[] = {
        {"lcrp-instance", "lcrpInstance"}, {"graph-instance", "graphInstance"}, {"qubo-instance", "quboInstance"}};
    for (const auto& [file, def] : kinds) {
        json standalone = json::parse(engine::embeddedSchemaText(file));
        for (const auto& [name, sub] : standalone.at("$defs").items())
            QVERIFY2(project.at("$defs").at(name) == sub, name.c_str());
        for (const char* key : {"$schema", "$id", "title", "$defs"})
            standalone.erase(key);
        QVERIFY2(project.at("$defs").at(def) == standalone, file);
    }
}

void TstJsonSchema::unknownEmbeddedName()
{
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::embeddedSchema("nope"));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::embeddedSchemaText("nope"));
}

QTEST_APPLESS_MAIN(TstJsonSchema)
#include "json_schema.test.moc"
