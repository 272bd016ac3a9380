// SPDX-License-Identifier: MIT
// POSIX.1-1988 ustar headers (512-byte blocks, octal fields, byte-sum checksum) for bundle archives.
#include "bundle/ustar.h"

#include "core/error.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <set>

namespace engine {

namespace {

constexpr std::size_t BLOCK = 512;

// Field offsets and widths of the ustar header (POSIX pax specification, "ustar Interchange Format").
constexpr std::size_t NAME_OFFSET = 0, NAME_SIZE = 100;
constexpr std::size_t MODE_OFFSET = 100, MODE_SIZE = 8;
constexpr std::size_t UID_OFFSET = 108, GID_OFFSET = 116, ID_SIZE = 8;
constexpr std::size_t SIZE_OFFSET = 124, SIZE_SIZE = 12;
constexpr std::size_t MTIME_OFFSET = 136, MTIME_SIZE = 12;
constexpr std::size_t CHECKSUM_OFFSET = 148, CHECKSUM_SIZE = 8;
constexpr std::size_t TYPE_OFFSET = 156;
constexpr std::size_t LINKNAME_OFFSET = 157, LINKNAME_SIZE = 100;
constexpr std::size_t MAGIC_OFFSET = 257;
constexpr std::size_t PREFIX_OFFSET = 345, PREFIX_SIZE = 155;

using Block = std::array<char, BLOCK>;

void putOctal(Block& header, std::size_t offset, std::size_t width, std::uint64_t value)
{
    // width - 1 octal digits, zero-padded, then a NUL.
    for (std::size_t k = width - 1; k-- > 0;) {
        header[offset + k] = static_cast<char>('0' + (value & 7));
        value >>= 3;
    }
    header[offset + width - 1] = '\0';
}

std::uint64_t headerSum(const char* header)
{
    std::uint64_t sum = 0;
    for (std::size_t k = 0; k < BLOCK; ++k) {
        const bool inChecksum = k >= CHECKSUM_OFFSET && k < CHECKSUM_OFFSET + CHECKSUM_SIZE;
        sum += inChecksum ? std::uint64_t{' '} : static_cast<std::uint64_t>(static_cast<unsigned char>(header[k]));
    }
    return sum;
}

// An octal field: optional leading spaces, digits, then NUL or spaces to the end. Returns false when malformed.
bool parseOctal(const char* field, std::size_t width, std::uint64_t& value)
{
    std::size_t k = 0;
    while (k < width && field[k] == ' ')
        ++k;
    value = 0;
    std::size_t digits = 0;
    for (; k < width && field[k] >= '0' && field[k] <= '7'; ++k, ++digits) {
        if (value > (std::uint64_t{1} << 60))
            return false;
        value = value * 8 + static_cast<std::uint64_t>(field[k] - '0');
    }
    for (; k < width; ++k)
        if (field[k] != '\0' && field[k] != ' ')
            return false;
    return digits > 0;
}

// The NUL-terminated (or full-width) text of a field.
std::string fieldText(const char* field, std::size_t width)
{
    const char* end = std::find(field, field + width, '\0');
    return std::string(field, end);
}

bool isZeroBlock(std::string_view block)
{
    return std::all_of(block.begin(), block.end(), [](char c) { return c == '\0'; });
}

std::string place(const std::string& source, const std::string& member)
{
    return member.empty() ? source : source + ":" + member;
}

} // namespace

bool isValidUstarName(std::string_view path, std::string* why)
{
    auto fail = [&](const char* reason) {
        if (why)
            *why = reason;
        return false;
    };
    if (path.empty())
        return fail("the name is empty");
    if (path.size() > USTAR_MAX_NAME_CHARS)
        return fail("the name is longer than 99 characters");
    if (path.front() == '/')
        return fail("absolute names are not allowed");
    for (char c : path) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                        || c == '_' || c == '-' || c == '/';
        if (!ok)
            return fail("names may hold only letters, digits, '.', '_', '-' and '/'");
    }
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t slash = std::min(path.find('/', start), path.size());
        const std::string_view component = path.substr(start, slash - start);
        if (component.empty())
            return fail("empty path component (a trailing or doubled '/')");
        if (component == "..")
            return fail("'..' components are not allowed");
        if (component == ".")
            return fail("'.' components are not allowed");
        start = slash + 1;
    }
    return true;
}

std::string writeUstar(const std::vector<UstarMember>& members)
{
    std::set<std::string> seen;
    std::size_t total = 2 * BLOCK;
    for (const UstarMember& m : members) {
        std::string why;
        if (!isValidUstarName(m.path, &why))
            throw Error(ErrorCode::InvalidArgument, why, m.path);
        if (!seen.insert(m.path).second)
            throw Error(ErrorCode::InvalidArgument, "the name occurs twice", m.path);
        total += BLOCK + (m.content.size() + BLOCK - 1) / BLOCK * BLOCK;
    }
    std::string archive;
    archive.reserve(total);
    for (const UstarMember& m : members) {
        Block header{};
        std::copy(m.path.begin(), m.path.end(), header.begin() + NAME_OFFSET);
        putOctal(header, MODE_OFFSET, MODE_SIZE, 0644);
        putOctal(header, UID_OFFSET, ID_SIZE, 0);
        putOctal(header, GID_OFFSET, ID_SIZE, 0);
        putOctal(header, SIZE_OFFSET, SIZE_SIZE, m.content.size());
        putOctal(header, MTIME_OFFSET, MTIME_SIZE, 0);
        header[TYPE_OFFSET] = '0';
        const char magic[8] = {'u', 's', 't', 'a', 'r', '\0', '0', '0'};
        std::copy(magic, magic + 8, header.begin() + MAGIC_OFFSET);
        // The checksum field: six octal digits, NUL, space (the historical layout every tar accepts).
        const std::uint64_t sum = headerSum(header.data());
        putOctal(header, CHECKSUM_OFFSET, 7, sum);
        header[CHECKSUM_OFFSET + 7] = ' ';
        archive.append(header.data(), BLOCK);
        archive += m.content;
        archive.append((BLOCK - m.content.size() % BLOCK) % BLOCK, '\0');
    }
    archive.append(2 * BLOCK, '\0');
    return archive;
}

std::vector<UstarMember> readUstar(std::string_view archive, const std::string& source, const UstarLimits& limits)
{
    std::vector<UstarMember> members;
    std::set<std::string> seen;
    std::size_t total = 0;
    std::size_t offset = 0;
    std::string previous;  // names the place of a truncation
    for (;;) {
        if (archive.size() - offset < BLOCK)
            throw Error(ErrorCode::InvalidInput,
                        "truncated archive: the end-of-archive blocks are missing" +
                            (previous.empty() ? std::string() : " after member '" + previous + "'"),
                        source);
        const std::string_view block = archive.substr(offset, BLOCK);
        if (isZeroBlock(block)) {
            if (archive.size() - offset < 2 * BLOCK || !isZeroBlock(archive.substr(offset + BLOCK, BLOCK)))
                throw Error(ErrorCode::InvalidInput, "truncated archive: only one of the two end-of-archive blocks",
                            source);
            if (!isZeroBlock(archive.substr(offset + 2 * BLOCK)))
                throw Error(ErrorCode::InvalidInput, "data after the end-of-archive blocks", source);
            return members;
        }
        const char* header = block.data();
        const std::string name = fieldText(header + NAME_OFFSET, NAME_SIZE);
        const std::string shownName = name.empty() ? "member " + std::to_string(members.size() + 1) : name;
        const std::string where = place(source, shownName);

        std::uint64_t storedSum = 0;
        if (!parseOctal(header + CHECKSUM_OFFSET, CHECKSUM_SIZE, storedSum) || storedSum != headerSum(header))
            throw Error(ErrorCode::InvalidInput, "header checksum mismatch (corrupt archive)", where);
        if (std::string_view(header + MAGIC_OFFSET, 8) != std::string_view("ustar\0" "00", 8))
            throw Error(ErrorCode::InvalidInput, "not a POSIX ustar header (magic and version must be \"ustar\" \"00\")",
                        where);
        const char type = header[TYPE_OFFSET];
        if (type != '0' && type != '\0') {
            const std::string kind = type == '1'   ? "a hard link"
                                     : type == '2' ? "a symbolic link"
                                     : type == '5' ? "a directory"
                                     : type == '3' || type == '4' ? "a device"
                                     : type == '6' ? "a FIFO"
                                                   : std::string("an entry of type '") + type + "'";
            throw Error(ErrorCode::InvalidInput, "is " + kind + "; a bundle holds regular files only", where);
        }
        if (fieldText(header + LINKNAME_OFFSET, LINKNAME_SIZE).size() > 0)
            throw Error(ErrorCode::InvalidInput, "a regular file with a link name", where);
        if (!fieldText(header + PREFIX_OFFSET, PREFIX_SIZE).empty())
            throw Error(ErrorCode::InvalidInput, "names longer than 99 characters (prefix field) are not allowed",
                        where);
        std::string why;
        if (!isValidUstarName(name, &why))
            throw Error(ErrorCode::InvalidInput, why, where);
        if (!seen.insert(name).second)
            throw Error(ErrorCode::InvalidInput, "the name occurs twice", where);
        if (members.size() >= limits.maxMembers)
            throw Error(ErrorCode::LimitExceeded,
                        "more than " + std::to_string(limits.maxMembers) + " members", where);
        std::uint64_t size = 0;
        if (!parseOctal(header + SIZE_OFFSET, SIZE_SIZE, size))
            throw Error(ErrorCode::InvalidInput, "the size field is not an octal number", where);
        if (size > limits.maxMemberBytes)
            throw Error(ErrorCode::LimitExceeded,
                        std::to_string(size) + " bytes exceed the limit of " + std::to_string(limits.maxMemberBytes) +
                            " bytes per member",
                        where);
        if (size > limits.maxTotalBytes - std::min<std::size_t>(total, limits.maxTotalBytes))
            throw Error(ErrorCode::LimitExceeded,
                        "the members exceed the limit of " + std::to_string(limits.maxTotalBytes) + " bytes in all",
                        where);
        offset += BLOCK;
        const std::size_t padded = static_cast<std::size_t>((size + BLOCK - 1) / BLOCK * BLOCK);
        if (archive.size() - offset < padded)
            throw Error(ErrorCode::InvalidInput,
                        "truncated archive: the content has " + std::to_string(archive.size() - offset) + " of " +
                            std::to_string(size) + " bytes",
                        where);
        members.push_back({name, std::string(archive.substr(offset, static_cast<std::size_t>(size)))});
        total += static_cast<std::size_t>(size);
        offset += padded;
        previous = name;
    }
}

} // namespace engine
