// Running okienko-kiosk for tests (see kiosk_process.hpp).
#include "tests/integration/kiosk_online/kiosk_process.hpp"

#include <csignal>
#include <cstdlib>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace okienko::test
{

ProcessResult runProcess(const std::vector<std::string>& argv,
                         const std::vector<std::pair<std::string, std::string>>& env, std::chrono::milliseconds limit,
                         const std::function<bool()>& stopWhen)
{
    ProcessResult result;
    int fds[2];
    if (pipe(fds) != 0)
        return result;
    const pid_t pid = fork();
    if (pid < 0)
    {
        close(fds[0]);
        close(fds[1]);
        return result;
    }
    if (pid == 0)
    {
        dup2(fds[1], 1);
        dup2(fds[1], 2);
        close(fds[0]);
        close(fds[1]);
        for (const auto& [name, value] : env)
            setenv(name.c_str(), value.c_str(), 1);
        std::vector<char*> args;
        for (const std::string& a : argv)
            args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execv(args[0], args.data());
        _exit(127);
    }
    close(fds[1]);
    const auto deadline = std::chrono::steady_clock::now() + limit;
    for (;;)
    {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0)
        {
            result.timedOut = true;
            kill(pid, SIGKILL);
            break;
        }
        if (stopWhen && !result.stopped && stopWhen())
        {
            result.stopped = true;
            kill(pid, SIGTERM);
        }
        pollfd p{fds[0], POLLIN, 0};
        const int ready = poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 200)));
        if (ready <= 0)
            continue;
        char buffer[4096];
        const ssize_t n = read(fds[0], buffer, sizeof buffer);
        if (n <= 0)
            break; // every writer closed: the child exited
        result.output.append(buffer, static_cast<std::size_t>(n));
    }
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (!result.timedOut && WIFEXITED(status))
        result.exitCode = WEXITSTATUS(status);
    return result;
}

std::string onlineKioskToml(const std::string& kioskId, const std::string& dataDir, const std::string& assetsDir,
                            int port, const std::string& caFile, const std::string& tokenFile)
{
    return "[kiosk]\nid = \"" + kioskId +
           "\"\n"
           "[display]\nfullscreen = false\nwidth = 720\nheight = 1280\nrenderer = \"software\"\n"
           "[data]\ndirectory = \"" +
           dataDir + "\"\nassets = \"" + assetsDir + "\"\ncatalog = \"" + assetsDir +
           "/catalog/lapy.json\"\n"
           "[server]\nurl = \"https://127.0.0.1:" +
           std::to_string(port) + "\"\nca_file = \"" + caFile + "\"\ntoken_file = \"" + tokenFile +
           "\"\ntimeout_seconds = 2\nsync_interval_seconds = 5\n";
}

} // namespace okienko::test
