// Parser of the automation script language (docs/automation.md).
#include "kiosk/core/automation_script.hpp"

#include "shared/text/utf8.hpp"

#include <array>
#include <cstdint>
#include <fstream>
#include <optional>
#include <sstream>

namespace okienko::kiosk
{

namespace
{

enum class ArgKind
{
    None,
    String,    ///< "quoted"
    Id,        ///< bare identifier
    Language,  ///< pl|uk|en
    KeyName,   ///< enter|backspace|tab|escape
    Integer,   ///< whole milliseconds
    Decimal,   ///< seconds, fractions allowed
    PngPath,   ///< bare or quoted, ending in .png
    IdSeconds, ///< bare identifier, then seconds (hold-id)
    IdPixels,  ///< bare identifier, then whole pixels (expect-min-height, expect-max-height)
    ClipMode,  ///< on|off|report
    OnOff,     ///< on|off
    TextSize,  ///< normal|large
    SeedSteps, ///< whole seed, then whole steps (monkey)
};

struct CommandSpec
{
    std::string_view name;
    CommandKind kind;
    ArgKind arg;
    std::string_view argHelp;
};

constexpr std::array<CommandSpec, 28> kCommands{{
    {"lang", CommandKind::Lang, ArgKind::Language, "a language: pl, uk or en"},
    {"tap", CommandKind::Tap, ArgKind::String, "the visible label in double quotes"},
    {"tap-id", CommandKind::TapId, ArgKind::Id, "a widget id"},
    {"hold-id", CommandKind::HoldId, ArgKind::IdSeconds, "a widget id and seconds"},
    {"type", CommandKind::Type, ArgKind::String, "the text in double quotes"},
    {"key", CommandKind::Key, ArgKind::KeyName, "a key: enter, backspace, tab or escape"},
    {"scan", CommandKind::Scan, ArgKind::String, "the scanned code in double quotes"},
    {"expect", CommandKind::Expect, ArgKind::String, "the expected text in double quotes"},
    {"expect-not", CommandKind::ExpectNot, ArgKind::String, "the text in double quotes"},
    {"expect-screen", CommandKind::ExpectScreen, ArgKind::Id, "a screen id"},
    {"expect-whole", CommandKind::ExpectWhole, ArgKind::Id, "a widget id"},
    {"expect-min-height", CommandKind::ExpectMinHeight, ArgKind::IdPixels, "a widget id and pixels"},
    {"expect-max-height", CommandKind::ExpectMaxHeight, ArgKind::IdPixels, "a widget id and pixels"},
    {"expect-whole-text", CommandKind::ExpectWholeText, ArgKind::String, "the text in double quotes"},
    {"expect-no-clip", CommandKind::ExpectNoClip, ArgKind::None, "nothing"},
    {"check-clips", CommandKind::CheckClips, ArgKind::ClipMode, "on, off or report"},
    {"wait", CommandKind::Wait, ArgKind::Integer, "milliseconds"},
    {"advance-clock", CommandKind::AdvanceClock, ArgKind::Decimal, "seconds"},
    {"screenshot", CommandKind::Screenshot, ArgKind::PngPath, "a file name ending in .png"},
    {"speech", CommandKind::Speech, ArgKind::OnOff, "on or off"},
    {"blind", CommandKind::Blind, ArgKind::OnOff, "on or off"},
    {"explore", CommandKind::Explore, ArgKind::String, "the visible label in double quotes"},
    {"explore-id", CommandKind::ExploreId, ArgKind::Id, "a widget id"},
    {"double-tap", CommandKind::DoubleTap, ArgKind::None, "nothing"},
    {"expect-spoken", CommandKind::ExpectSpoken, ArgKind::String, "the spoken text in double quotes"},
    {"expect-not-spoken", CommandKind::ExpectNotSpoken, ArgKind::String, "the text in double quotes"},
    {"expect-text-size", CommandKind::ExpectTextSize, ArgKind::TextSize, "normal or large"},
    {"monkey", CommandKind::Monkey, ArgKind::SeedSteps, "a seed and a number of steps"},
}};

constexpr double kMaxWaitMs = 3'600'000.0;        // an hour of real time is surely a typo
constexpr double kMaxAdvanceSeconds = 31'536'000; // a year of simulated time
constexpr double kMaxHoldSeconds = 60;            // every held frame is drawn: keep runs short
constexpr double kMaxMonkeySeed = 4'294'967'295;  // a 32-bit seed, as the failure report prints it
constexpr double kMaxMonkeySteps = 10'000'000;
constexpr double kMaxPixels = 10'000; // taller than any panel

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

bool isIdChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '.' || c == ':' || c == '+' || c == '/';
}

class LineParser
{
  public:
    LineParser(std::string_view line, int lineNo) : m_line(line), m_lineNo(lineNo) {}

    /// nullopt + no error = blank or comment line.
    std::optional<Command> parse(std::optional<ScriptError>& err);

  private:
    ScriptError error(std::size_t bytePos, std::string message) const
    {
        return ScriptError{m_lineNo, static_cast<int>(text::codePointCount(m_line.substr(0, bytePos))) + 1,
                           std::move(message)};
    }
    void skipSpace()
    {
        while (m_pos < m_line.size() && isSpace(m_line[m_pos]))
        {
            ++m_pos;
        }
    }
    std::string_view bareToken()
    {
        const std::size_t start = m_pos;
        while (m_pos < m_line.size() && !isSpace(m_line[m_pos]))
        {
            ++m_pos;
        }
        return m_line.substr(start, m_pos - start);
    }
    std::optional<ScriptError> quoted(std::string& out);
    std::optional<ScriptError> argument(const CommandSpec& spec, Command& cmd);
    /// A bare widget id at the current position.
    std::optional<ScriptError> idToken(std::size_t start, std::string& out);
    /// A whole (Integer) or decimal number at the current position, at most `max`.
    std::optional<ScriptError> number(const CommandSpec& spec, ArgKind kind, double max, double& out);

    std::string_view m_line;
    int m_lineNo;
    std::size_t m_pos = 0;
};

std::optional<ScriptError> LineParser::quoted(std::string& out)
{
    const std::size_t open = m_pos;
    ++m_pos;
    for (;;)
    {
        if (m_pos >= m_line.size())
        {
            return error(open, "unterminated string: missing closing \"");
        }
        const char c = m_line[m_pos];
        if (c == '"')
        {
            ++m_pos;
            return std::nullopt;
        }
        if (c == '\\')
        {
            if (m_pos + 1 >= m_line.size())
            {
                return error(open, "unterminated string: missing closing \"");
            }
            const char e = m_line[m_pos + 1];
            if (e != '"' && e != '\\')
            {
                return error(m_pos, std::string("unknown escape \\") + e + " (only \\\" and \\\\ are allowed)");
            }
            out.push_back(e);
            m_pos += 2;
            continue;
        }
        out.push_back(c);
        ++m_pos;
    }
}

std::optional<ScriptError> LineParser::idToken(std::size_t start, std::string& out)
{
    const std::string_view tok = bareToken();
    for (std::size_t i = 0; i < tok.size(); ++i)
    {
        if (!isIdChar(tok[i]))
        {
            return error(start + i, "invalid character in id (allowed: letters, digits, _ - . : + /)");
        }
    }
    out = std::string(tok);
    return std::nullopt;
}

std::optional<ScriptError> LineParser::number(const CommandSpec& spec, ArgKind kind, double max, double& out)
{
    const std::size_t start = m_pos;
    const std::string_view tok = bareToken();
    double value = 0;
    double scale = 0; // 0 while in the integer part
    bool digits = false;
    for (const char c : tok)
    {
        if (c >= '0' && c <= '9')
        {
            digits = true;
            if (scale == 0)
            {
                value = value * 10 + (c - '0');
            }
            else
            {
                value += (c - '0') * scale;
                scale /= 10;
            }
        }
        else if (c == '.' && kind == ArgKind::Decimal && scale == 0 && digits)
        {
            scale = 0.1;
        }
        else
        {
            return error(start, "bad number \"" + std::string(tok) + "\": " + std::string(spec.name) + " needs " +
                                    (spec.arg == ArgKind::SeedSteps ? "a whole seed and whole steps (e.g. 7 2000)"
                                     : kind == ArgKind::Integer     ? "whole milliseconds (e.g. 500)"
                                                                    : "seconds (e.g. 90 or 0.5)"));
        }
    }
    if (!digits || (scale != 0 && tok.back() == '.'))
    {
        return error(start, "bad number \"" + std::string(tok) + "\"");
    }
    if (value > max)
    {
        return error(start, "number out of range (at most " + std::to_string(static_cast<long long>(max)) + ")");
    }
    out = value;
    return std::nullopt;
}

std::optional<ScriptError> LineParser::argument(const CommandSpec& spec, Command& cmd)
{
    skipSpace();
    const std::size_t start = m_pos;
    if (spec.arg == ArgKind::None)
        return std::nullopt; // anything left is an extra argument
    if (m_pos >= m_line.size())
    {
        return error(m_pos, "missing argument: " + std::string(spec.name) + " needs " + std::string(spec.argHelp));
    }
    const bool isQuoted = m_line[m_pos] == '"';
    switch (spec.arg)
    {
    case ArgKind::None:
        return std::nullopt;
    case ArgKind::String:
        if (!isQuoted)
        {
            return error(start, "expected " + std::string(spec.argHelp));
        }
        if (auto err = quoted(cmd.text))
        {
            return err;
        }
        if (cmd.text.empty())
        {
            return error(start, "empty string: " + std::string(spec.name) + " needs " + std::string(spec.argHelp));
        }
        return std::nullopt;
    case ArgKind::PngPath:
    {
        if (isQuoted)
        {
            if (auto err = quoted(cmd.text))
            {
                return err;
            }
        }
        else
        {
            cmd.text = std::string(bareToken());
        }
        const std::string& p = cmd.text;
        if (p.size() < 5 || p.compare(p.size() - 4, 4, ".png") != 0)
        {
            return error(start, "screenshot file name must end in .png");
        }
        return std::nullopt;
    }
    case ArgKind::Id:
    case ArgKind::Language:
    case ArgKind::KeyName:
    case ArgKind::OnOff:
    case ArgKind::ClipMode:
    case ArgKind::TextSize:
    {
        if (isQuoted)
        {
            return error(start, "expected " + std::string(spec.argHelp) + " without quotes");
        }
        if (spec.arg == ArgKind::Id)
        {
            return idToken(start, cmd.text);
        }
        const std::string_view tok = bareToken();
        if (spec.arg == ArgKind::Language)
        {
            if (tok != "pl" && tok != "uk" && tok != "en")
            {
                return error(start, "unknown language \"" + std::string(tok) + "\" (expected pl, uk or en)");
            }
        }
        else if (spec.arg == ArgKind::OnOff)
        {
            if (tok != "on" && tok != "off")
            {
                return error(start, "unknown mode \"" + std::string(tok) + "\" (expected on or off)");
            }
        }
        else if (spec.arg == ArgKind::ClipMode)
        {
            if (tok != "on" && tok != "off" && tok != "report")
            {
                return error(start, "unknown mode \"" + std::string(tok) + "\" (expected on, off or report)");
            }
        }
        else if (spec.arg == ArgKind::TextSize)
        {
            if (tok != "normal" && tok != "large")
            {
                return error(start, "unknown text size \"" + std::string(tok) + "\" (expected normal or large)");
            }
        }
        else if (tok != "enter" && tok != "backspace" && tok != "tab" && tok != "escape")
        {
            return error(start, "unknown key \"" + std::string(tok) + "\" (expected enter, backspace, tab or escape)");
        }
        cmd.text = std::string(tok);
        return std::nullopt;
    }
    case ArgKind::Integer:
        return number(spec, ArgKind::Integer, kMaxWaitMs, cmd.number);
    case ArgKind::Decimal:
        return number(spec, ArgKind::Decimal, kMaxAdvanceSeconds, cmd.number);
    case ArgKind::IdSeconds:
    case ArgKind::IdPixels:
    {
        const bool seconds = spec.arg == ArgKind::IdSeconds;
        if (isQuoted)
        {
            return error(start, "expected a widget id without quotes");
        }
        if (auto err = idToken(start, cmd.text))
        {
            return err;
        }
        skipSpace();
        if (m_pos >= m_line.size())
        {
            return error(m_pos, "missing argument: " + std::string(spec.name) + " needs " +
                                    (seconds ? "seconds" : "pixels") + " after the id");
        }
        const std::size_t numberStart = m_pos;
        if (auto err = number(spec, seconds ? ArgKind::Decimal : ArgKind::Integer,
                              seconds ? kMaxHoldSeconds : kMaxPixels, cmd.number))
        {
            return err;
        }
        if (seconds && cmd.number <= 0)
        {
            return error(numberStart, "a hold needs more than 0 seconds (use tap-id for a tap)");
        }
        return std::nullopt;
    }
    case ArgKind::SeedSteps:
    {
        if (isQuoted)
        {
            return error(start, "expected " + std::string(spec.argHelp) + " without quotes");
        }
        double seed = 0;
        if (auto err = number(spec, ArgKind::Integer, kMaxMonkeySeed, seed))
        {
            return err;
        }
        cmd.text = std::to_string(static_cast<std::uint32_t>(seed));
        skipSpace();
        if (m_pos >= m_line.size())
        {
            return error(m_pos, "missing argument: " + std::string(spec.name) + " needs steps after the seed");
        }
        return number(spec, ArgKind::Integer, kMaxMonkeySteps, cmd.number);
    }
    }
    return std::nullopt;
}

std::optional<Command> LineParser::parse(std::optional<ScriptError>& err)
{
    if (const auto bad = text::firstInvalidUtf8(m_line))
    {
        err = error(*bad, "invalid UTF-8 (the script must be saved as UTF-8)");
        return std::nullopt;
    }
    skipSpace();
    if (m_pos >= m_line.size() || m_line[m_pos] == '#')
    {
        return std::nullopt;
    }
    const std::size_t wordStart = m_pos;
    const std::string_view word = bareToken();
    const CommandSpec* spec = nullptr;
    for (const CommandSpec& s : kCommands)
    {
        if (s.name == word)
        {
            spec = &s;
        }
    }
    if (spec == nullptr)
    {
        err = error(wordStart,
                    "unknown command \"" + std::string(word) +
                        "\" (expected lang, tap, tap-id, hold-id, type, key, scan, expect, expect-not, "
                        "expect-screen, expect-whole, expect-whole-text, expect-min-height, expect-max-height, "
                        "expect-no-clip, check-clips, wait, advance-clock or "
                        "screenshot)");
        return std::nullopt;
    }
    Command cmd;
    cmd.line = m_lineNo;
    cmd.kind = spec->kind;
    if (auto e = argument(*spec, cmd))
    {
        err = std::move(e);
        return std::nullopt;
    }
    skipSpace();
    if (m_pos < m_line.size())
    {
        err = error(m_pos, "extra argument: " + std::string(spec->name) +
                               (spec->arg == ArgKind::IdSeconds || spec->arg == ArgKind::SeedSteps ||
                                        spec->arg == ArgKind::IdPixels
                                    ? " takes two arguments"
                                : spec->arg == ArgKind::None ? " takes no argument"
                                                             : " takes one argument"));
        return std::nullopt;
    }
    return cmd;
}

} // namespace

std::string_view commandName(CommandKind kind)
{
    for (const CommandSpec& s : kCommands)
    {
        if (s.kind == kind)
        {
            return s.name;
        }
    }
    return "?";
}

std::string ScriptError::toString(std::string_view source) const
{
    std::string out;
    if (!source.empty())
    {
        out.append(source).append(":");
    }
    out += std::to_string(line) + ":" + std::to_string(column) + ": " + message;
    return out;
}

Result<std::vector<Command>, std::vector<ScriptError>> parseScript(std::string_view text)
{
    std::vector<Command> commands;
    std::vector<ScriptError> errors;
    if (text.rfind("\xEF\xBB\xBF", 0) == 0)
    {
        text.remove_prefix(3);
    }
    int lineNo = 0;
    std::size_t start = 0;
    while (start < text.size())
    {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
        {
            end = text.size();
        }
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
        {
            line.remove_suffix(1);
        }
        ++lineNo;
        std::optional<ScriptError> err;
        if (std::optional<Command> cmd = LineParser(line, lineNo).parse(err))
        {
            commands.push_back(std::move(*cmd));
        }
        else if (err)
        {
            errors.push_back(std::move(*err));
        }
        start = end + 1;
    }
    if (!errors.empty())
    {
        return makeErr(std::move(errors));
    }
    return commands;
}

Result<std::vector<Command>, std::vector<ScriptError>> loadScript(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
    {
        return makeErr(std::vector<ScriptError>{ScriptError{0, 0, "cannot open " + path.string()}});
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    return parseScript(buf.str());
}

} // namespace okienko::kiosk
