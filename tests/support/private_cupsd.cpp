#include "tests/support/private_cupsd.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <filesystem>
#include <pwd.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace okienko::test
{

namespace fs = std::filesystem;

namespace
{
const char* const kSystemCupsDirs[] = {"filter", "cgi-bin", "daemon", "notifier", "monitor", "driver"};

bool chownToLp(const std::string& path)
{
    const passwd* lp = getpwnam("lp");
    return lp && chown(path.c_str(), lp->pw_uid, lp->pw_gid) == 0;
}

pid_t spawn(const std::vector<std::string>& argv, const std::vector<std::string>& extraEnv)
{
    std::vector<char*> args;
    for (const auto& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    std::vector<std::string> envStrings = extraEnv;
    for (char** e = environ; *e; ++e)
        envStrings.emplace_back(*e);
    std::vector<char*> env;
    for (auto& e : envStrings)
        env.push_back(e.data());
    env.push_back(nullptr);
    pid_t pid = -1;
    if (posix_spawnp(&pid, args[0], nullptr, nullptr, args.data(), env.data()) != 0)
        return -1;
    return pid;
}
} // namespace

PrivateCupsd::PrivateCupsd() = default;

PrivateCupsd::~PrivateCupsd()
{
    stop();
}

bool PrivateCupsd::writeConfiguration()
{
    const std::string root = m_dir.path();
    for (const char* sub : {"bin", "bin/backend", "spool", "spool/tmp", "cache", "state", "log", "out", "ppd"})
        fs::create_directories(root + "/" + sub);
    fs::permissions(root, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                              fs::perms::others_read | fs::perms::others_exec);
    for (const char* sub : kSystemCupsDirs)
    {
        const std::string target = std::string("/usr/lib/cups/") + sub;
        if (fs::exists(target))
            fs::create_symlink(target, root + "/bin/" + sub);
    }
    const bool ok =
        writeFile(root + "/cupsd.conf", "Listen " + root +
                                            "/cups.sock\n"
                                            "LogLevel info\n"
                                            "MaxJobs 0\n"
                                            "PreserveJobFiles No\n"
                                            "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
                                            "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n"
                                            "</Policy>\n") &&
        writeFile(root + "/cups-files.conf",
                  "ServerRoot " + root + "\nServerBin " + root + "/bin\nRequestRoot " + root + "/spool\nTempDir " +
                      root + "/spool/tmp\nCacheDir " + root + "/cache\nStateDir " + root + "/state\nAccessLog " + root +
                      "/log/access_log\nErrorLog " + root + "/log/error_log\nPageLog " + root +
                      "/log/page_log\nFileDevice Yes\nUser lp\nGroup lp\n"
                      "SystemGroup root\n") &&
        writeFile(root + "/bin/backend/capture",
                  "#!/bin/sh\n"
                  "if [ $# -eq 0 ]; then echo 'direct capture \"Unknown\" \"Capture printer\"'; exit 0; fi\n"
                  "out=" +
                      root +
                      "/out/job-$1.prn\n"
                      "if [ $# -ge 6 ]; then cat \"$6\" > \"$out.part\"; else cat > \"$out.part\"; fi\n"
                      "mv \"$out.part\" \"$out\"\nexit 0\n") &&
        writeFile(root + "/bin/backend/nopaper",
                  "#!/bin/sh\n"
                  "if [ $# -eq 0 ]; then echo 'direct nopaper \"Unknown\" \"Printer without paper\"'; exit 0; fi\n"
                  "echo 'STATE: +media-empty-error' >&2\necho 'ERROR: Out of paper' >&2\nexit 4\n") &&
        writeFile(root + "/bin/backend/jam",
                  "#!/bin/sh\n"
                  "if [ $# -eq 0 ]; then echo 'direct jam \"Unknown\" \"Printer with a paper jam\"'; exit 0; fi\n"
                  "echo 'STATE: +media-jam-error' >&2\necho 'ERROR: Paper jam' >&2\nexit 4\n") &&
        writeFile(
            root + "/bin/backend/coveropen",
            "#!/bin/sh\n"
            "if [ $# -eq 0 ]; then echo 'direct coveropen \"Unknown\" \"Printer with its cover open\"'; exit 0; fi\n"
            "echo 'STATE: +cover-open-error' >&2\necho 'ERROR: Cover open' >&2\nexit 4\n") &&
        writeFile(root + "/bin/backend/stuck",
                  "#!/bin/sh\n"
                  "if [ $# -eq 0 ]; then echo 'direct stuck \"Unknown\" \"Printer that never finishes\"'; exit 0; fi\n"
                  "sleep 20\nexit 0\n");
    if (!ok)
        return false;
    // The system's socket backend, for a network printer that does not answer.
    if (fs::exists("/usr/lib/cups/backend/socket"))
        fs::create_symlink("/usr/lib/cups/backend/socket", root + "/bin/backend/socket");
    for (const char* backend : {"capture", "nopaper", "jam", "coveropen", "stuck"})
        chmod((root + "/bin/backend/" + backend).c_str(), 0755);
    // Jobs run as lp: the backends write into out/, cupsd into spool/, cache/, log/, state/.
    for (const char* sub : {"spool", "spool/tmp", "cache", "log", "state", "out"})
        if (!chownToLp(root + "/" + sub))
            return false;
    return true;
}

bool PrivateCupsd::start()
{
    if (geteuid() != 0)
    {
        m_error = "a private cupsd needs root";
        return false;
    }
    if (!fs::exists("/usr/sbin/cupsd"))
    {
        m_error = "cupsd is not installed (package cups)";
        return false;
    }
    if (!fs::exists(m_dir.file("cupsd.conf")) && !writeConfiguration())
    {
        m_error = "cannot write the cupsd configuration";
        return false;
    }
    // -f keeps cupsd in the foreground as our child, so we know its pid and never kill by name.
    m_pid = spawn({"/usr/sbin/cupsd", "-f", "-c", m_dir.file("cupsd.conf"), "-s", m_dir.file("cups-files.conf")}, {});
    if (m_pid <= 0)
    {
        m_error = "cannot start cupsd";
        return false;
    }
    for (int i = 0; i < 200; ++i)
    {
        if (fs::exists(socketPath()))
            return true;
        int status = 0;
        if (waitpid(m_pid, &status, WNOHANG) == m_pid)
        {
            m_pid = -1;
            m_error = "cupsd exited at start: " + readFile(m_dir.file("log/error_log"));
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    m_error = "cupsd did not open its socket";
    stop();
    return false;
}

void PrivateCupsd::stop()
{
    if (m_pid <= 0)
        return;
    kill(m_pid, SIGTERM);
    for (int i = 0; i < 200; ++i)
    {
        int status = 0;
        if (waitpid(m_pid, &status, WNOHANG) == m_pid)
        {
            m_pid = -1;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    if (m_pid > 0)
    {
        kill(m_pid, SIGKILL);
        waitpid(m_pid, nullptr, 0);
        m_pid = -1;
    }
    std::error_code ec;
    fs::remove(socketPath(), ec);
}

int PrivateCupsd::run(const std::vector<std::string>& argv) const
{
    const pid_t pid = spawn(argv, {"CUPS_SERVER=" + socketPath()});
    if (pid <= 0)
        return -1;
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
    {
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool PrivateCupsd::addQueue(const std::string& name, const std::string& backend)
{
    // Raw queues pass ESC/POS bytes untouched; lpadmin's deprecation warning for them is expected.
    const std::string uri = backend.find("://") == std::string::npos ? backend + ":/" : backend;
    return run({"lpadmin", "-p", name, "-E", "-v", uri, "-m", "raw"}) == 0;
}

std::string PrivateCupsd::capturedJob(int jobId, std::chrono::milliseconds timeout) const
{
    const std::string path = m_dir.file("out/job-" + std::to_string(jobId) + ".prn");
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < until)
    {
        if (fs::exists(path))
            return readFile(path);
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return {};
}

std::vector<std::string> PrivateCupsd::capturedFiles() const
{
    std::vector<std::string> out;
    for (const auto& entry : fs::directory_iterator(m_dir.file("out")))
        if (entry.path().extension() == ".prn")
            out.push_back(entry.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace okienko::test
