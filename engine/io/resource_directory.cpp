// SPDX-License-Identifier: MIT
// Locates the data files the programs ship (device snapshots, trained weights) without Qt.
#include "io/resource_directory.h"

#include "core/error.h"

#include <cstdlib>
#include <string>
#include <system_error>

namespace engine {

std::vector<std::filesystem::path> resourceDirectoryCandidates()
{
    std::vector<std::filesystem::path> candidates;
    if (const char* fromEnvironment = std::getenv("QAOA_RESOURCE_DIR"); fromEnvironment && *fromEnvironment)
        candidates.emplace_back(fromEnvironment);
    // /proc/self/exe resolves symbolic links to the program, so a program started through a link in another
    // folder still finds the share/ folder of its own installation.
    std::error_code error;
    const std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error && program.has_parent_path())
        candidates.push_back((program.parent_path() / ".." / "share" / "qaoa-workbench").lexically_normal());
#ifdef QAOA_SOURCE_RESOURCE_DIR
    candidates.emplace_back(QAOA_SOURCE_RESOURCE_DIR);
#endif
    return candidates;
}

std::filesystem::path firstResourceDirectory(const std::vector<std::filesystem::path>& candidates)
{
    std::string tried;
    for (const std::filesystem::path& candidate : candidates) {
        std::error_code error;
        if (std::filesystem::is_directory(candidate / "backends", error))
            return candidate;
        if (!tried.empty())
            tried += ", ";
        tried += candidate.string();
    }
    throw Error(ErrorCode::Io,
                std::string("no resource directory with a backends/ folder found (tried: ") +
                    (tried.empty() ? std::string("nothing") : tried) +
                    "); set QAOA_RESOURCE_DIR to the folder that holds backends/",
                "QAOA_RESOURCE_DIR");
}

std::filesystem::path resourceDirectory()
{
    return firstResourceDirectory(resourceDirectoryCandidates());
}

} // namespace engine
