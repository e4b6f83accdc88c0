// flock(2) on a small file beside the database (0600, created on first use).
#include "server/serve_lock.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace okienko::server
{

std::string ServeLock::lockPath(const std::string& databasePath)
{
    return databasePath + ".lock";
}

Result<ServeLock, std::string> ServeLock::acquire(const std::string& databasePath, Mode mode)
{
    const std::string path = lockPath(databasePath);
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return makeErr("cannot open the lock file " + path + ": " + std::strerror(errno));
    // A restore run as root must not leave a lock file the service user cannot open.
    struct stat directory
    {
    };
    const std::string parent = std::filesystem::path(databasePath).parent_path().string();
    if (::geteuid() == 0 && ::stat(parent.empty() ? "." : parent.c_str(), &directory) == 0)
        (void)::fchown(fd, directory.st_uid, directory.st_gid);
    if (::flock(fd, (mode == Mode::Serve ? LOCK_SH : LOCK_EX) | LOCK_NB) != 0)
    {
        const int error = errno;
        ::close(fd);
        if (error == EWOULDBLOCK && mode == Mode::Serve)
            return makeErr("the database " + databasePath + " is being restored (okienko-central restore holds " +
                           path + "); start the server once the restore has finished");
        if (error == EWOULDBLOCK)
            return makeErr("the database " + databasePath + " is in use: an okienko-central serve (or restore) holds " +
                           path + "; stop every server first (systemctl stop 'okienko-central*')");
        return makeErr("cannot lock " + path + ": " + std::strerror(error));
    }
    return ServeLock(fd);
}

ServeLock::ServeLock(ServeLock&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}

ServeLock& ServeLock::operator=(ServeLock&& other) noexcept
{
    if (this != &other)
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = std::exchange(other.m_fd, -1);
    }
    return *this;
}

ServeLock::~ServeLock()
{
    if (m_fd >= 0)
        ::close(m_fd); // closing the last descriptor releases the flock
}

} // namespace okienko::server
