// SPDX-License-Identifier: MIT
// A JSON Schema validator for the subset of draft 2020-12 that the workbench's own schemas use.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace engine {

/// One rule broken by a document.
struct SchemaViolation {
    std::string pointer;  ///< JSON pointer of the offending value, "" for the root ("/tasks/2/tokens")
    std::string rule;     ///< the keyword broken, for example "minimum" or "required"
    std::string message;  ///< English detail, for example "value -3 is less than the minimum 1"
};

/// Supported keywords: type (string or array of types; "integer" accepts integral numbers), enum, const,
/// properties, required, additionalProperties (bool or schema), items, minItems, maxItems, minimum, maximum,
/// exclusiveMinimum, exclusiveMaximum, minLength, maxLength, pattern (std::regex ECMAScript), oneOf, anyOf,
/// $ref to "#/$defs/<name>", title/description/$schema/$id/$comment/default (ignored).
/// An unsupported keyword in a schema is an error at construction (Error(InvalidArgument)), so schemas cannot
/// silently depend on rules that are not checked. Thread-safe after construction.
class JsonSchema {
public:
    explicit JsonSchema(nlohmann::json schema);

    /// All violations, in document order (at most `maxViolations`).
    std::vector<SchemaViolation> validate(const nlohmann::json& document, std::size_t maxViolations = 50) const;

    /// Throws Error(InvalidInput) for the first violation, with where() = "<source>:<pointer>" (or
    /// "<source>" at the root) and detail "<message> (rule '<rule>')".
    void validateOrThrow(const nlohmann::json& document, const std::string& source) const;

private:
    nlohmann::json m_schema;
};

/// The embedded schemas of the project's file formats, by name: "lcrp-instance", "graph-instance",
/// "qubo-instance", "project". Throws Error(InvalidArgument) for an unknown name.
const JsonSchema& embeddedSchema(const std::string& name);
/// The raw text of an embedded schema (for `qaoa-cli schema NAME`).
const std::string& embeddedSchemaText(const std::string& name);
/// Names of all embedded schemas.
std::vector<std::string> embeddedSchemaNames();

} // namespace engine
