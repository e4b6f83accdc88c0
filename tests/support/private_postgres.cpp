// PrivatePostgres (see private_postgres.hpp): the cluster's commands run through posix_spawn, as
// the `postgres` user where PostgreSQL requires it (runuser), their output in the directory's log.
#include "tests/support/private_postgres.hpp"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <filesystem>
#include <pwd.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace okienko::test
{
namespace
{
namespace fs = std::filesystem;

/// The newest installed PostgreSQL's bin directory (Debian: /usr/lib/postgresql/<major>/bin).
std::string binDirectory()
{
    std::vector<std::string> found;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec))
        if (fs::exists(entry.path() / "bin" / "initdb"))
            found.push_back((entry.path() / "bin").string());
    std::sort(found.begin(), found.end(),
              [](const std::string& a, const std::string& b)
              { return a.size() != b.size() ? a.size() < b.size() : a < b; });
    return found.empty() ? std::string() : found.back();
}
} // namespace

PrivatePostgres::PrivatePostgres(bool durable) : m_bin(binDirectory()), m_durable(durable)
{
    // The port only names the socket file; one per process keeps parallel test runs apart.
    m_port = 40000 + static_cast<int>(getpid() % 20000);
}

PrivatePostgres::~PrivatePostgres()
{
    stop();
}

bool PrivatePostgres::available()
{
    return !binDirectory().empty() && getpwnam("postgres") != nullptr;
}

int PrivatePostgres::run(const std::vector<std::string>& argv, bool asPostgres) const
{
    std::vector<std::string> full;
    if (asPostgres && geteuid() == 0)
        full = {"runuser", "-u", "postgres", "--"};
    full.insert(full.end(), argv.begin(), argv.end());
    std::vector<char*> args;
    for (auto& a : full)
        args.push_back(a.data());
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    const std::string log = m_dir.file("commands.log");
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    pid_t pid = -1;
    const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0)
        return -1;
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
    {
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool PrivatePostgres::start()
{
    if (m_bin.empty())
    {
        m_error = "no PostgreSQL under /usr/lib/postgresql (Debian's postgresql package)";
        return false;
    }
    const passwd* pg = getpwnam("postgres");
    if (pg == nullptr)
    {
        m_error = "no postgres user";
        return false;
    }
    // The directory is the cluster's and the socket's: the postgres user's, private.
    if (chown(m_dir.path().c_str(), pg->pw_uid, pg->pw_gid) != 0 || chmod(m_dir.path().c_str(), 0700) != 0)
    {
        m_error = "cannot hand " + m_dir.path() + " to the postgres user";
        return false;
    }
    const std::string data = m_dir.file("data");
    if (run({m_bin + "/initdb", "-D", data, "-A", "trust", "-U", "okienko", "--no-sync", "-E", "UTF8",
             "--locale=C.UTF-8"},
            true) != 0)
    {
        m_error = "initdb failed: " + readFile(m_dir.file("commands.log"));
        return false;
    }
    const std::string options = "-k " + m_dir.path() + " -p " + std::to_string(m_port) +
                                " -c listen_addresses='' -c fsync=" + (m_durable ? "on" : "off") +
                                " -c full_page_writes=" + (m_durable ? "on" : "off");
    if (run({m_bin + "/pg_ctl", "-D", data, "-l", m_dir.file("server.log"), "-w", "start", "-o", options}, true) != 0)
    {
        m_error = "pg_ctl start failed: " + readFile(m_dir.file("server.log"));
        return false;
    }
    m_running = true;
    if (run({m_bin + "/createdb", "-h", m_dir.path(), "-p", std::to_string(m_port), "-U", "okienko", "central"},
            true) != 0)
    {
        m_error = "createdb failed: " + readFile(m_dir.file("commands.log"));
        return false;
    }
    return true;
}

void PrivatePostgres::stop()
{
    if (!m_running)
        return;
    (void)run({m_bin + "/pg_ctl", "-D", m_dir.file("data"), "-m", "immediate", "stop"}, true);
    m_running = false;
}

std::string PrivatePostgres::connectionString(const std::string& database) const
{
    return "host=" + m_dir.path() + " port=" + std::to_string(m_port) + " user=okienko dbname=" + database;
}

} // namespace okienko::test
