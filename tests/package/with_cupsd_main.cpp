// okienko-test-with-cupsd: a private cupsd with one raw queue on the capture backend around one
// command, for the package test (tests/package), which runs the installed kiosk's printer
// bring-up as its service user exactly as docs/operations.md says. Usage:
//   okienko-test-with-cupsd QUEUE COMMAND [ARGS…]
// COMMAND runs with CUPS_SERVER naming the private cupsd's socket, reachable by any user (the
// command switches to the kiosk's user). Prints how many jobs the queue captured; exits with the
// command's exit code, or 1 when cupsd could not start or the command printed nothing.
#include "tests/support/private_cupsd.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char** argv)
{
    if (argc < 3)
    {
        std::fputs("usage: okienko-test-with-cupsd QUEUE COMMAND [ARGS...]\n", stderr);
        return 2;
    }
    okienko::test::PrivateCupsd cupsd;
    if (!cupsd.start() || !cupsd.addQueue(argv[1], "capture"))
    {
        std::fprintf(stderr, "okienko-test-with-cupsd: %s\n", cupsd.error().c_str());
        return 1;
    }
    // Only the way to the socket is opened: the spool and the captured jobs stay root's.
    const std::filesystem::path socket(cupsd.socketPath());
    chmod(socket.parent_path().c_str(), 0711);
    chmod(socket.c_str(), 0777);
    setenv("CUPS_SERVER", socket.c_str(), 1);

    const pid_t child = fork();
    if (child == 0)
    {
        execvp(argv[2], argv + 2);
        std::perror("okienko-test-with-cupsd: exec");
        _exit(127);
    }
    int status = 0;
    if (child < 0 || waitpid(child, &status, 0) != child)
        return 1;
    const std::size_t jobs = cupsd.capturedFiles().size();
    std::printf("okienko-test-with-cupsd: queue %s captured %zu job(s)\n", argv[1], jobs);
    cupsd.stop();
    if (!WIFEXITED(status))
        return 1;
    return WEXITSTATUS(status) != 0 ? WEXITSTATUS(status) : (jobs > 0 ? 0 : 1);
}
