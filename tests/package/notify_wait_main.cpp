// okienko-test-notify-wait: a service manager's notify socket for one command, for the package test
// (tests/package), which runs the installed units' ExecStart without systemd. Usage:
//   okienko-test-notify-wait LINE SECONDS [--until CHECK] COMMAND [ARGS…]
// Starts COMMAND in a process group of its own with NOTIFY_SOCKET pointing at a socket every user
// may write to (the command switches to the service user), prints every message it receives, and
// exits 0 as soon as one holds LINE (e.g. READY=1), 1 if none did within SECONDS or the command
// ended first. With --until, after LINE it also waits (within the same SECONDS) for the shell
// command CHECK to succeed, run every 200 ms while COMMAND runs — e.g. the server has the kiosk's
// heartbeat. Either way the whole group is stopped (SIGTERM, then SIGKILL) and reaped, what
// outlived its parent included (this process is their subreaper), before it returns.
#include "tests/integration/notify/notify_listener.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <signal.h>
#include <string>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace
{

using namespace std::chrono_literals;

/// True once the child has ended (and is reaped).
bool reaped(pid_t child)
{
    int status = 0;
    return waitpid(child, &status, WNOHANG) == child;
}

/// Stops the command's group and reaps all of it: as the group's subreaper, this process also
/// inherits what outlived its parent (a kiosk whose compositor ended first).
void stopGroup(pid_t child)
{
    kill(-child, SIGTERM);
    const auto deadline = std::chrono::steady_clock::now() + 5s;
    while (std::chrono::steady_clock::now() < deadline)
    {
        const pid_t ended = waitpid(-1, nullptr, WNOHANG);
        if (ended < 0) // no children left
            return;
        if (ended == 0)
            std::this_thread::sleep_for(50ms);
    }
    kill(-child, SIGKILL);
    while (waitpid(-1, nullptr, 0) > 0)
    {
    }
}

/// Runs CHECK with /bin/sh in a process of its own (outside the command's group).
bool checkSucceeds(const char* check)
{
    const pid_t pid = fork();
    if (pid == 0)
    {
        execl("/bin/sh", "sh", "-c", check, static_cast<char*>(nullptr));
        _exit(127);
    }
    int status = 0;
    return pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

} // namespace

int main(int argc, char** argv)
{
    int commandAt = 3;
    const char* check = nullptr;
    if (argc > 4 && std::string(argv[3]) == "--until")
    {
        check = argv[4];
        commandAt = 5;
    }
    if (argc <= commandAt)
    {
        std::fputs("usage: okienko-test-notify-wait LINE SECONDS [--until CHECK] COMMAND [ARGS...]\n", stderr);
        return 2;
    }
    const std::string line = argv[1];
    const auto limit = std::chrono::milliseconds(static_cast<long>(std::atof(argv[2]) * 1000));

    okienko::test::NotifyListener listener;
    if (!listener.ok())
    {
        std::fputs("okienko-test-notify-wait: cannot bind the notify socket\n", stderr);
        return 2;
    }
    const std::filesystem::path socket(listener.socketPath());
    chmod(socket.parent_path().c_str(), 0755);
    chmod(socket.c_str(), 0777);
    setenv("NOTIFY_SOCKET", socket.c_str(), 1);

    prctl(PR_SET_CHILD_SUBREAPER, 1);
    const pid_t child = fork();
    if (child == 0)
    {
        setpgid(0, 0);
        execvp(argv[commandAt], argv + commandAt);
        std::perror("okienko-test-notify-wait: exec");
        _exit(127);
    }
    setpgid(child, child);

    bool heard = false;
    bool ended = false;
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!heard && !ended && std::chrono::steady_clock::now() < deadline)
    {
        heard = listener.waitForLine(line, 100ms);
        ended = !heard && reaped(child);
    }
    bool checked = check == nullptr;
    while (heard && !checked && !ended && std::chrono::steady_clock::now() < deadline)
    {
        checked = checkSucceeds(check);
        ended = !checked && reaped(child);
        if (!checked && !ended)
            std::this_thread::sleep_for(200ms);
    }
    stopGroup(child); // also when the command ended: what it started may still run
    for (const okienko::test::NotifyMessage& m : listener.messages())
        std::printf("notify: %s\n", m.text.c_str());
    if (!heard)
        std::fprintf(stderr, "okienko-test-notify-wait: no %s %s\n", line.c_str(),
                     ended ? "before the command ended" : "in time");
    else if (!checked)
        std::fprintf(stderr, "okienko-test-notify-wait: %s never succeeded %s\n", check,
                     ended ? "before the command ended" : "in time");
    return heard && checked ? 0 : 1;
}
