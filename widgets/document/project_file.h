// SPDX-License-Identifier: MIT
// The ".qwproj" project file: pure JSON mapping of an LCRP instance plus workbench settings, and file I/O.
#pragma once

#include "document/workbench_settings.h"
#include "lcrp/lcrp_instance.h"

#include <nlohmann/json.hpp>

#include <QString>

#include <string>

namespace workbench {

/// Value of the top-level "format" field.
inline constexpr const char* PROJECT_FORMAT = "qaoa-workbench/project";
/// The version this build writes and the newest it reads.
constexpr int PROJECT_FORMAT_VERSION = 1;
/// Project files larger than this are refused before parsing (a 1000 x 20 instance is well under 1 MiB).
constexpr std::size_t MAX_PROJECT_FILE_BYTES = std::size_t{64} << 20;
/// File name suffix, without the dot.
inline constexpr const char* PROJECT_SUFFIX = "qwproj";

/// Everything a project file holds.
struct ProjectData {
    engine::LcrpInstance instance;  ///< the problem
    WorkbenchSettings settings;     ///< UI settings ("workbench" section)
};

/// {"format", "formatVersion", "instance": engine::instanceToJson(...), "workbench": {...}}. Pure.
nlohmann::json projectToJson(const ProjectData& project);

/// Parses a project document. The instance goes through engine::instanceFromJson (schema and rules) and must
/// be an LCRP instance; missing settings take their defaults. Throws engine::Error(InvalidInput) whose where()
/// is "source:/json/pointer". Pure.
ProjectData projectFromJson(const nlohmann::json& document, const std::string& source);

/// The exact bytes written to disk: projectToJson(...).dump(2) plus a final newline.
std::string projectToText(const ProjectData& project);

/// Reads and parses a project file. Qt resource paths (":/...") are read through QFile, others through
/// engine::readWholeFile. Throws engine::Error (Io, LimitExceeded, InvalidInput).
ProjectData readProjectFile(const QString& path);

/// Writes `project` atomically (engine::writeFileAtomically). Throws engine::Error(Io).
void writeProjectFile(const QString& path, const ProjectData& project);

/// The path as the engine expects it (local 8-bit encoding).
std::string toEnginePath(const QString& path);

} // namespace workbench
