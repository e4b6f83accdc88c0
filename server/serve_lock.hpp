// The advisory lock that says "a server is using this database": every `serve` holds it shared for
// as long as it runs (several processes may serve one database), `restore` takes it exclusively
// before it touches anything. It is flock(2) on "<database>.lock": the
// kernel releases it when the process ends, however it ends (SIGKILL, a crash), so a stale lock
// can never keep a restore out, and a server cannot start while a restore is half-way.
#pragma once

#include "shared/util/result.hpp"

#include <string>

namespace okienko::server
{

class ServeLock
{
  public:
    /// Serve: shared by every `serve` process of one database (several may run behind the front);
    /// Exclusive: `restore`, which no server may be using.
    enum class Mode
    {
        Serve,
        Exclusive,
    };
    /// Takes the lock of `databasePath` without waiting. The error says who holds it and what to do.
    static Result<ServeLock, std::string> acquire(const std::string& databasePath, Mode mode);
    /// "<databasePath>.lock".
    static std::string lockPath(const std::string& databasePath);

    ServeLock(ServeLock&& other) noexcept;
    ServeLock& operator=(ServeLock&& other) noexcept;
    ServeLock(const ServeLock&) = delete;
    ServeLock& operator=(const ServeLock&) = delete;
    ~ServeLock();

  private:
    explicit ServeLock(int fd) : m_fd(fd) {}
    int m_fd = -1;
};

} // namespace okienko::server
