// SPDX-License-Identifier: MIT
// Atomic whole-file writes (temporary file, fsync, rename) and bounded whole-file reads, gzip included.
#include "io/atomic_file.h"

#include "core/error.h"

#include <zlib.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace engine {

namespace {

constexpr std::size_t READ_CHUNK = std::size_t{1} << 16;

std::string systemError(const char* action, int error)
{
    return std::string(action) + ": " + std::strerror(error);
}

bool endsWith(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Closes the descriptor and removes the temporary file unless the rename succeeded.
class TemporaryFile {
public:
    explicit TemporaryFile(std::string path, int fd) : m_path(std::move(path)), m_fd(fd) {}
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    ~TemporaryFile()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        if (!m_committed)
            ::unlink(m_path.c_str());
    }

    int fd() const { return m_fd; }
    const std::string& path() const { return m_path; }
    /// Closes the descriptor, reporting the close error (which can be the first sign of a failed write).
    int close()
    {
        const int result = ::close(m_fd);
        m_fd = -1;
        return result;
    }
    void commit() { m_committed = true; }

private:
    std::string m_path;
    int m_fd;
    bool m_committed = false;
};

TemporaryFile createTemporaryBeside(const std::string& path)
{
    static std::atomic<unsigned> counter{0};
    const std::size_t slash = path.find_last_of('/');
    const std::string dir = slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
    const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
    const auto stamp = static_cast<unsigned long long>(
        std::chrono::steady_clock::now().time_since_epoch().count());
    for (int attempt = 0; attempt < 100; ++attempt) {
        // A hidden name in the same folder keeps the final rename on one file system, hence atomic.
        const std::string candidate = dir + "." + base + ".tmp-" + std::to_string(::getpid()) + "-"
                                      + std::to_string(counter.fetch_add(1)) + "-"
                                      + std::to_string(stamp % 1000000007ULL);
        // 0666 lets the umask decide the permissions, as for any newly created file.
        const int fd = ::open(candidate.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0)
            return TemporaryFile(candidate, fd);
        if (errno != EEXIST)
            throw Error(ErrorCode::Io, systemError("cannot create a temporary file beside it", errno), path);
    }
    throw Error(ErrorCode::Io, "cannot create a temporary file beside it: too many name collisions", path);
}

void syncDirectoryOf(const std::string& path)
{
    const std::size_t slash = path.find_last_of('/');
    const std::string dir = slash == std::string::npos ? std::string(".")
                            : slash == 0                ? std::string("/")
                                                        : path.substr(0, slash);
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return;  // the data is already in place; a folder we cannot open only weakens crash durability
    ::fsync(fd);
    ::close(fd);
}

std::string readGzip(const std::string& path, std::size_t maxBytes)
{
    gzFile file = ::gzopen(path.c_str(), "rb");
    if (!file)
        throw Error(ErrorCode::Io, systemError("cannot open for reading", errno ? errno : ENOMEM), path);
    struct Closer {
        gzFile f;
        ~Closer() { ::gzclose(f); }
    } closer{file};
    ::gzbuffer(file, READ_CHUNK);

    std::string content;
    std::string chunk(READ_CHUNK, '\0');
    for (;;) {
        const int got = ::gzread(file, chunk.data(), static_cast<unsigned>(chunk.size()));
        if (got < 0) {
            int code = 0;
            const char* message = ::gzerror(file, &code);
            throw Error(ErrorCode::Io, std::string("cannot decompress: ") + (message ? message : "unknown error"),
                        path);
        }
        if (got == 0)
            break;
        if (content.size() + static_cast<std::size_t>(got) > maxBytes)
            throw Error(ErrorCode::LimitExceeded,
                        "decompressed content exceeds the limit of " + std::to_string(maxBytes) + " bytes", path);
        content.append(chunk.data(), static_cast<std::size_t>(got));
    }
    // NOTE: zlib reports a stream cut short as Z_BUF_ERROR while still returning the bytes it had, so a
    // truncated download would otherwise pass as a shorter file.
    int code = Z_OK;
    const char* message = ::gzerror(file, &code);
    if (code != Z_OK)
        throw Error(ErrorCode::Io,
                    std::string("cannot decompress: ")
                        + (code == Z_BUF_ERROR ? "the compressed data is truncated" : (message ? message : "error")),
                    path);
    return content;
}

std::string readPlain(const std::string& path, std::size_t maxBytes)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw Error(ErrorCode::Io, systemError("cannot open for reading", errno), path);
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};

    struct stat info {};
    if (::fstat(fd, &info) == 0) {
        if (S_ISDIR(info.st_mode))
            throw Error(ErrorCode::Io, "cannot read: it is a directory", path);
        if (S_ISREG(info.st_mode) && static_cast<std::size_t>(info.st_size) > maxBytes)
            throw Error(ErrorCode::LimitExceeded,
                        "file size " + std::to_string(info.st_size) + " exceeds the limit of "
                            + std::to_string(maxBytes) + " bytes",
                        path);
    }

    std::string content;
    if (S_ISREG(info.st_mode))
        content.reserve(static_cast<std::size_t>(info.st_size));
    std::string chunk(READ_CHUNK, '\0');
    for (;;) {
        const ssize_t got = ::read(fd, chunk.data(), chunk.size());
        if (got < 0) {
            if (errno == EINTR)
                continue;
            throw Error(ErrorCode::Io, systemError("cannot read", errno), path);
        }
        if (got == 0)
            break;
        // Re-checked while reading: the file may grow, or not be a regular file at all.
        if (content.size() + static_cast<std::size_t>(got) > maxBytes)
            throw Error(ErrorCode::LimitExceeded, "content exceeds the limit of " + std::to_string(maxBytes) + " bytes",
                        path);
        content.append(chunk.data(), static_cast<std::size_t>(got));
    }
    return content;
}

} // namespace

void writeFileAtomically(const std::string& requestedPath, const std::string& content)
{
    if (requestedPath.empty())
        throw Error(ErrorCode::Io, "cannot write: the file name is empty", requestedPath);
    // Renaming over a symbolic link would replace the link itself; write to the file it points to instead.
    std::string path = requestedPath;
    struct stat link {};
    if (::lstat(requestedPath.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
        if (char* resolved = ::realpath(requestedPath.c_str(), nullptr)) {
            path = resolved;
            std::free(resolved);
        }
    }
    TemporaryFile temp = createTemporaryBeside(path);

    // Keep the permissions of a file we replace; a new file gets the umask default from open().
    struct stat existing {};
    if (::stat(path.c_str(), &existing) == 0 && S_ISREG(existing.st_mode))
        ::fchmod(temp.fd(), existing.st_mode & 07777);

    const char* data = content.data();
    std::size_t left = content.size();
    while (left > 0) {
        const ssize_t written = ::write(temp.fd(), data, left);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            throw Error(ErrorCode::Io, systemError("cannot write", errno), path);
        }
        data += written;
        left -= static_cast<std::size_t>(written);
    }
    if (::fsync(temp.fd()) != 0)
        throw Error(ErrorCode::Io, systemError("cannot flush to disk", errno), path);
    if (temp.close() != 0)
        throw Error(ErrorCode::Io, systemError("cannot close", errno), path);
    if (::rename(temp.path().c_str(), path.c_str()) != 0)
        throw Error(ErrorCode::Io, systemError("cannot replace the file", errno), path);
    temp.commit();
    syncDirectoryOf(path);
}

std::string readWholeFile(const std::string& path, std::size_t maxBytes)
{
    if (endsWith(path, ".gz")) {
        // gzopen opens a directory without complaint and only fails at the first read, with a vaguer message.
        struct stat info {};
        if (::stat(path.c_str(), &info) != 0)
            throw Error(ErrorCode::Io, systemError("cannot open for reading", errno), path);
        if (S_ISDIR(info.st_mode))
            throw Error(ErrorCode::Io, "cannot read: it is a directory", path);
        return readGzip(path, maxBytes);
    }
    return readPlain(path, maxBytes);
}

} // namespace engine
