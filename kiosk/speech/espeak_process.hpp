// One run of Debian's `espeak-ng` program (decision 0009: a separate GPL-3 program, not linked):
// started with posix_spawn (no shell), the text written to its standard input when it is given
// (never on its command line, where any local user could read it in /proc) — so a run can be
// started ahead, load its voice and wait for its text —, its standard output a WAV stream,
// its standard error kept for the log. Ending it — on its own or killed because a newer request
// came — always reaps the child and closes every descriptor: no zombie, no leaked fd.
#pragma once

#include "kiosk/speech/speech_error.hpp"
#include "shared/util/result.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <vector>

namespace okienko::kiosk::speech
{

/// The program's absolute path: `program` itself when it names a path, else the first executable
/// `program` in $PATH (/usr/bin:/bin when unset). EngineUnavailable when there is none.
Result<std::filesystem::path, SpeechError> findSpeechProgram(std::string_view program);

/// What one run says and how: the arguments after the program's name.
std::vector<std::string> espeakArguments(const std::filesystem::path& dataPath, std::string_view voice,
                                         int wordsPerMinute);

/// The text as the program must get it to speak it as the library did with no flags: no "[["
/// (the program always reads "[[…]]" as phoneme codes) and no NUL.
std::string plainText(std::string_view text);

class EspeakProcess
{
  public:
    /// Starts `program` with `arguments`; it waits for its standard input until provideInput().
    static Result<EspeakProcess, SpeechError> start(const std::filesystem::path& program,
                                                    const std::vector<std::string>& arguments);
    EspeakProcess(EspeakProcess&& other) noexcept;
    EspeakProcess& operator=(EspeakProcess&& other) noexcept;
    EspeakProcess(const EspeakProcess&) = delete;
    EspeakProcess& operator=(const EspeakProcess&) = delete;
    /// Kills (SIGKILL) and reaps the child if it still runs, and closes every descriptor.
    ~EspeakProcess();

    enum class Step
    {
        Output,      ///< `out` got bytes of the WAV stream
        Woken,       ///< `wakeFd` became readable (a newer request): the caller decides
        EndOfOutput, ///< the child closed its standard output: wait() next
    };
    /// What it reads on its standard input (then closed: espeak-ng --stdin speaks at its end).
    void provideInput(std::string input);
    /// Waits until the child writes, ends its output, or `wakeFd` (an eventfd) is readable; feeds
    /// the child's standard input and collects its standard error meanwhile. `out` is replaced.
    Step next(int wakeFd, std::vector<std::uint8_t>& out);
    /// Kills the child at once (SIGKILL) and reaps it.
    void kill();
    /// Reaps the child after its output ended; its exit status (-1 when killed or not normal).
    int wait();
    /// What it wrote on standard error (at most 1 KiB), for the log.
    const std::string& errorOutput() const { return m_stderr; }
    pid_t pid() const { return m_pid; }

  private:
    EspeakProcess() = default;
    void closeAll();
    void reap(bool killFirst);
    void feedInput();
    void drainError();

    pid_t m_pid = -1;
    int m_in = -1;  ///< the child's standard input (write end)
    int m_out = -1; ///< its standard output (read end)
    int m_err = -1; ///< its standard error (read end)
    std::string m_input;
    bool m_inputGiven = false;
    std::size_t m_written = 0;
    std::string m_stderr;
    int m_status = -1;
};

} // namespace okienko::kiosk::speech
