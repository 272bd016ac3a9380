// SPDX-License-Identifier: MIT
// Raw file access for tests that write into temporary folders, independent of the code under test.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace test_support {

/// The whole file as bytes; empty if it cannot be opened.
inline std::string readRaw(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// Creates or truncates `path` and writes `content` as is.
inline void writeRaw(const std::string& path, const std::string& content)
{
    std::ofstream out(path, std::ios::binary);
    out << content;
}

/// The names of the entries of folder `dir`, sorted (to check that no temporary file was left behind).
inline std::vector<std::string> entriesOf(const std::string& dir)
{
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace test_support
