// EspeakProcess: three pipes (O_CLOEXEC, so no other child inherits them), posix_spawn with the
// signal mask emptied and SIGPIPE at its default (the speech worker blocks SIGPIPE; the child
// must die of it if its reader goes), descriptors non-blocking on our side and multiplexed with
// poll() together with the worker's wake-up eventfd.
#include "kiosk/speech/espeak_process.hpp"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utility>

extern char** environ;

namespace okienko::kiosk::speech
{
namespace
{

constexpr std::size_t kMaxErrorOutput = 1024;
constexpr std::size_t kReadBytes = 16384;

void closeFd(int& fd)
{
    if (fd >= 0)
        ::close(fd);
    fd = -1;
}

std::string errnoText(int error)
{
    return std::strerror(error);
}

/// write() that never raises SIGPIPE in the calling thread: blocked around the call, and a
/// SIGPIPE it caused (the child gone) taken off the thread's pending set before unblocking.
ssize_t writeNoSigpipe(int fd, const char* data, std::size_t size)
{
    sigset_t pipeOnly;
    sigemptyset(&pipeOnly);
    sigaddset(&pipeOnly, SIGPIPE);
    sigset_t pending;
    sigpending(&pending);
    const bool alreadyPending = sigismember(&pending, SIGPIPE) == 1;
    sigset_t old;
    pthread_sigmask(SIG_BLOCK, &pipeOnly, &old);
    const ssize_t n = ::write(fd, data, size);
    const int error = errno;
    if (n < 0 && error == EPIPE && !alreadyPending)
    {
        const timespec zero{0, 0};
        while (sigtimedwait(&pipeOnly, nullptr, &zero) < 0 && errno == EINTR)
        {
        }
    }
    pthread_sigmask(SIG_SETMASK, &old, nullptr);
    errno = error;
    return n;
}

} // namespace

Result<std::filesystem::path, SpeechError> findSpeechProgram(std::string_view program)
{
    const auto runnable = [](const std::filesystem::path& p)
    {
        std::error_code ec;
        return std::filesystem::is_regular_file(p, ec) && ::access(p.c_str(), X_OK) == 0;
    };
    if (program.find('/') != std::string_view::npos)
    {
        if (runnable(program))
            return std::filesystem::path(program);
    }
    else
    {
        const char* env = std::getenv("PATH");
        const std::string path = env != nullptr ? env : "/usr/bin:/bin";
        std::size_t from = 0;
        while (from <= path.size())
        {
            const std::size_t colon = std::min(path.find(':', from), path.size());
            const std::string dir = path.substr(from, colon - from);
            const std::filesystem::path candidate = std::filesystem::path(dir.empty() ? "." : dir) / program;
            if (!dir.empty() && runnable(candidate))
                return candidate;
            from = colon + 1;
        }
    }
    return makeErr(
        SpeechError{SpeechProblem::EngineUnavailable,
                    "the program " + std::string(program) + " was not found (Debian's package espeak-ng installs it)"});
}

std::vector<std::string> espeakArguments(const std::filesystem::path& dataPath, std::string_view voice,
                                         int wordsPerMinute)
{
    std::vector<std::string> args;
    if (!dataPath.empty())
        args.push_back("--path=" + dataPath.string());
    if (!voice.empty())
    {
        args.emplace_back("-v");
        args.emplace_back(voice);
    }
    // -a 100: espeak-ng's own level; the resident's volume scales the samples here, as the cues'.
    // -b 1: the text is UTF-8. -z: no pause added after the last sentence. --stdin: the text
    // whole from standard input (the program's default reads it line by line).
    args.insert(args.end(),
                {"-s", std::to_string(wordsPerMinute), "-a", "100", "-b", "1", "-z", "--stdin", "--stdout"});
    return args;
}

std::string plainText(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + 8);
    for (const char c : text)
    {
        if (c == '\0')
            continue;
        if (c == '[' && !out.empty() && out.back() == '[')
            out.push_back(' ');
        out.push_back(c);
    }
    return out;
}

Result<EspeakProcess, SpeechError> EspeakProcess::start(const std::filesystem::path& program,
                                                        const std::vector<std::string>& arguments)
{
    int in[2] = {-1, -1};
    int out[2] = {-1, -1};
    int err[2] = {-1, -1};
    const auto closeAllPipes = [&]
    {
        for (int* p : {in, out, err})
        {
            closeFd(p[0]);
            closeFd(p[1]);
        }
    };
    if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0)
    {
        const int error = errno;
        closeAllPipes();
        return makeErr(SpeechError{SpeechProblem::EngineUnavailable, "no pipe for espeak-ng: " + errnoText(error)});
    }

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&attributes, &none);
    sigset_t defaults;
    sigemptyset(&defaults);
    for (const int sig : {SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGCHLD})
        sigaddset(&defaults, sig);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

    std::vector<std::string> argvStrings;
    argvStrings.reserve(arguments.size() + 1);
    argvStrings.push_back(program.string());
    argvStrings.insert(argvStrings.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (std::string& a : argvStrings)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    pid_t pid = -1;
    const int spawned = ::posix_spawn(&pid, program.c_str(), &actions, &attributes, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    closeFd(in[0]);
    closeFd(out[1]);
    closeFd(err[1]);
    if (spawned != 0)
    {
        closeAllPipes();
        return makeErr(SpeechError{SpeechProblem::EngineUnavailable,
                                   "cannot start " + program.string() + ": " + errnoText(spawned)});
    }
    EspeakProcess p;
    p.m_pid = pid;
    p.m_in = in[1];
    p.m_out = out[0];
    p.m_err = err[0];
    for (const int fd : {p.m_in, p.m_out, p.m_err})
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    return p;
}

void EspeakProcess::provideInput(std::string input)
{
    m_input = std::move(input);
    m_inputGiven = true;
    m_written = 0;
    feedInput();
}

EspeakProcess::EspeakProcess(EspeakProcess&& other) noexcept
{
    *this = std::move(other);
}

EspeakProcess& EspeakProcess::operator=(EspeakProcess&& other) noexcept
{
    if (this != &other)
    {
        reap(true);
        m_pid = std::exchange(other.m_pid, -1);
        m_in = std::exchange(other.m_in, -1);
        m_out = std::exchange(other.m_out, -1);
        m_err = std::exchange(other.m_err, -1);
        m_input = std::move(other.m_input);
        m_inputGiven = other.m_inputGiven;
        m_written = other.m_written;
        m_stderr = std::move(other.m_stderr);
        m_status = other.m_status;
    }
    return *this;
}

EspeakProcess::~EspeakProcess()
{
    reap(true);
}

void EspeakProcess::closeAll()
{
    closeFd(m_in);
    closeFd(m_out);
    closeFd(m_err);
}

void EspeakProcess::reap(bool killFirst)
{
    closeAll();
    if (m_pid <= 0)
        return;
    if (killFirst)
        ::kill(m_pid, SIGKILL);
    int status = 0;
    pid_t r = -1;
    do
        r = ::waitpid(m_pid, &status, 0);
    while (r < 0 && errno == EINTR);
    m_status = r == m_pid && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    m_pid = -1;
}

void EspeakProcess::feedInput()
{
    if (!m_inputGiven)
        return;
    while (m_in >= 0 && m_written < m_input.size())
    {
        const ssize_t n = writeNoSigpipe(m_in, m_input.data() + m_written, m_input.size() - m_written);
        if (n < 0 && (errno == EAGAIN || errno == EINTR))
            return;
        if (n <= 0)
            break; // the child is gone (EPIPE): its exit status tells the rest
        m_written += static_cast<std::size_t>(n);
    }
    closeFd(m_in); // end of the text: espeak-ng --stdin starts speaking
}

void EspeakProcess::drainError()
{
    char buffer[512];
    for (;;)
    {
        const ssize_t n = ::read(m_err, buffer, sizeof buffer);
        if (n > 0)
        {
            const std::size_t room = kMaxErrorOutput - std::min(kMaxErrorOutput, m_stderr.size());
            m_stderr.append(buffer, std::min(room, static_cast<std::size_t>(n)));
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n == 0 || errno != EAGAIN)
            closeFd(m_err);
        return;
    }
}

EspeakProcess::Step EspeakProcess::next(int wakeFd, std::vector<std::uint8_t>& out)
{
    out.clear();
    if (m_out < 0)
        return Step::EndOfOutput;
    for (;;)
    {
        pollfd fds[4] = {
            {wakeFd, POLLIN, 0}, {m_out, POLLIN, 0}, {m_err, POLLIN, 0}, {m_inputGiven ? m_in : -1, POLLOUT, 0}};
        const int ready = ::poll(fds, 4, -1); // a negative fd (closed) is ignored by poll
        if (ready < 0)
        {
            if (errno == EINTR)
                continue;
            kill();
            return Step::EndOfOutput;
        }
        if (fds[3].revents != 0)
            feedInput();
        if (fds[2].revents != 0)
            drainError();
        if (fds[0].revents != 0)
            return Step::Woken;
        if (fds[1].revents == 0)
            continue;
        out.resize(kReadBytes);
        const ssize_t n = ::read(m_out, out.data(), out.size());
        if (n > 0)
        {
            out.resize(static_cast<std::size_t>(n));
            return Step::Output;
        }
        out.clear();
        if (n < 0 && (errno == EAGAIN || errno == EINTR))
            continue;
        closeFd(m_out);
        return Step::EndOfOutput;
    }
}

void EspeakProcess::kill()
{
    reap(true);
}

int EspeakProcess::wait()
{
    closeFd(m_in);
    // Its standard error is closed when it exits; it is short (a line) and already in the pipe.
    while (m_err >= 0)
    {
        pollfd fd{m_err, POLLIN, 0};
        if (::poll(&fd, 1, 1000) <= 0)
            break;
        drainError();
    }
    reap(false);
    return m_status;
}

} // namespace okienko::kiosk::speech
