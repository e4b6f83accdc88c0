// Reading secrets with the terminal's echo switched off (termios), or as lines of a pipe.
#include "server/cli/secret_input.hpp"

#include "shared/validate/staff_pin.hpp"

#include <optional>
#include <sodium.h>
#include <termios.h>
#include <unistd.h>

namespace okienko::server::cli
{

namespace
{
/// One line without its "\n" (and "\r"); nullopt at the end of the input.
std::optional<std::string> readLine(std::FILE* in)
{
    std::string line;
    int c = 0;
    while ((c = std::fgetc(in)) != EOF && c != '\n')
        line.push_back(static_cast<char>(c));
    if (c == EOF && line.empty())
        return std::nullopt;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return line;
}

/// Asks on stderr with the terminal's echo off; the echo comes back even when reading fails.
std::optional<std::string> askWithoutEcho(std::FILE* in, const std::string& prompt)
{
    std::fprintf(stderr, "%s", prompt.c_str());
    std::fflush(stderr);
    const int fd = fileno(in);
    termios saved{};
    const bool haveTerminal = tcgetattr(fd, &saved) == 0;
    if (haveTerminal)
    {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        quiet.c_lflag |= ECHONL;
        tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    auto line = readLine(in);
    if (haveTerminal)
        tcsetattr(fd, TCSAFLUSH, &saved);
    return line;
}

void wipe(std::string& secret)
{
    if (!secret.empty())
        sodium_memzero(secret.data(), secret.size());
}
} // namespace

std::string checkPin(const std::string& pin)
{
    const auto rule = validate::validateStaffPin(pin);
    if (rule)
        return {};
    switch (rule.error())
    {
    case validate::StaffPinError::NotDigits:
        return "the PIN may hold only digits 0-9 (the kiosk's PIN pad has nothing else)";
    case validate::StaffPinError::TooShort:
    case validate::StaffPinError::TooLong:
        break;
    }
    return "the PIN needs " + std::to_string(validate::kStaffPinMinDigits) + " to " +
           std::to_string(validate::kStaffPinMaxDigits) + " digits (it has " + std::to_string(pin.size()) +
           "): kiosks refuse shorter PINs";
}

std::string checkPassword(const std::string& password)
{
    if (password.size() < 8)
        return "the password needs at least 8 characters (it has " + std::to_string(password.size()) + ")";
    if (password.size() > 1024)
        return "the password is longer than 1024 characters";
    return {};
}

std::string secretOnCommandLine(const std::vector<std::string>& args)
{
    for (const std::string& a : args)
        if (a == "--pin" || a == "--password" || a.rfind("--pin=", 0) == 0 || a.rfind("--password=", 0) == 0)
            return a.substr(0, a.find('=')) +
                   " is not accepted: secrets are read from standard input (or asked on the terminal), "
                   "never taken from the command line, where ps and the shell's history show them";
    return {};
}

Result<std::vector<std::string>, std::string> readSecrets(const std::vector<SecretPrompt>& prompts, std::FILE* in)
{
    const bool terminal = isatty(fileno(in)) != 0;
    std::vector<std::string> secrets;
    auto failWith = [&](std::string message) -> Result<std::vector<std::string>, std::string>
    {
        for (std::string& s : secrets)
            wipe(s);
        return makeErr(std::move(message));
    };
    for (const SecretPrompt& p : prompts)
    {
        auto first = terminal ? askWithoutEcho(in, p.label + ": ") : readLine(in);
        if (!first)
            return failWith("standard input ended before the " + p.label +
                            " (give one line per secret: " + std::to_string(prompts.size()) + " in all)");
        if (const std::string problem = p.check(*first); !problem.empty())
        {
            wipe(*first);
            return failWith(problem);
        }
        if (terminal)
        {
            auto again = askWithoutEcho(in, p.label + " again: ");
            const bool same = again && *again == *first;
            if (again)
                wipe(*again);
            if (!same)
            {
                wipe(*first);
                return failWith("the two " + p.label + "s typed differ: nothing was changed");
            }
        }
        secrets.push_back(std::move(*first));
    }
    return secrets;
}

} // namespace okienko::server::cli
