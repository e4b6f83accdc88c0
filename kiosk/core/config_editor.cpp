// A line editor for kiosk.toml, checked by parsing its result with toml++.
#include "kiosk/core/config_editor.hpp"

#include <cstdio>
#include <optional>
#include <toml++/toml.h>

namespace okienko::kiosk
{

namespace
{
bool isBareKeyChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

std::string_view trimStart(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    return s;
}

/// The name of a `[table]` header line, nullopt for any other line (`[[array]]` included).
std::optional<std::string> tableHeader(std::string_view line)
{
    line = trimStart(line);
    if (line.size() < 2 || line[0] != '[' || line[1] == '[')
        return std::nullopt;
    const auto close = line.find(']');
    if (close == std::string_view::npos)
        return std::nullopt;
    std::string name;
    for (const char c : line.substr(1, close - 1))
        if (c != ' ' && c != '\t')
            name.push_back(c);
    return name;
}

/// The bare key a `key = value` line sets, "" for any other line.
std::string_view lineKey(std::string_view line)
{
    line = trimStart(line);
    std::size_t n = 0;
    while (n < line.size() && isBareKeyChar(line[n]))
        ++n;
    const std::string_view key = line.substr(0, n);
    const std::string_view rest = trimStart(line.substr(n));
    return !key.empty() && !rest.empty() && rest[0] == '=' ? key : std::string_view{};
}

/// The end-of-line comment after a one-line string value ("# …"), or "" when there is none or
/// the value is not a plain string. nullopt for a multi-line string, which a line cannot replace.
std::optional<std::string> trailingComment(std::string_view line)
{
    std::string_view value = trimStart(line.substr(line.find('=') + 1));
    if (value.rfind("\"\"\"", 0) == 0 || value.rfind("'''", 0) == 0)
        return std::nullopt;
    std::size_t end = std::string_view::npos;
    if (!value.empty() && value[0] == '\'')
        end = value.find('\'', 1);
    else if (!value.empty() && value[0] == '"')
        for (std::size_t i = 1; i < value.size() && end == std::string_view::npos; ++i)
        {
            if (value[i] == '\\')
                ++i;
            else if (value[i] == '"')
                end = i;
        }
    if (end == std::string_view::npos)
        return std::string();
    const std::string_view after = trimStart(value.substr(end + 1));
    return after.rfind('#', 0) == 0 ? " " + std::string(after) : std::string();
}

std::vector<std::string> splitLines(std::string_view text)
{
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size())
    {
        const auto end = text.find('\n', start);
        lines.emplace_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos)
            break;
        start = end + 1;
    }
    return lines;
}

/// Sets one key in `lines`; the reason when it cannot.
std::string setKey(std::vector<std::string>& lines, const ConfigKeyValue& kv)
{
    const std::string assignment = kv.key + " = " + tomlBasicString(kv.value);
    std::optional<std::size_t> header;
    std::optional<std::size_t> lastKey;
    std::optional<std::string> current;
    for (std::size_t i = 0; i < lines.size(); ++i)
    {
        if (auto name = tableHeader(lines[i]))
        {
            if (header && *current == kv.table)
                break; // past the table's end
            current = name;
            if (*name == kv.table)
                header = i;
            continue;
        }
        if (!header || *current != kv.table)
            continue;
        const std::string_view key = lineKey(lines[i]);
        if (key.empty())
            continue;
        lastKey = i;
        if (key != kv.key)
            continue;
        const auto comment = trailingComment(lines[i]);
        if (!comment)
            return kv.table + "." + kv.key + " is a multi-line string: set it by hand";
        const std::string_view indent(lines[i].data(), lines[i].size() - trimStart(lines[i]).size());
        lines[i] = std::string(indent) + assignment + *comment;
        return {};
    }
    if (header)
    {
        lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(lastKey.value_or(*header) + 1), assignment);
        return {};
    }
    if (!lines.empty() && !lines.back().empty())
        lines.emplace_back();
    lines.push_back("[" + kv.table + "]");
    lines.push_back(assignment);
    return {};
}
} // namespace

std::string tomlBasicString(std::string_view value)
{
    std::string out = "\"";
    for (const char c : value)
    {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\')
        {
            out += '\\';
            out += c;
        }
        else if (c == '\t')
            out += "\\t";
        else if (u < 0x20 || u == 0x7F)
        {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04X", u);
            out += escaped;
        }
        else
            out += c;
    }
    return out + "\"";
}

Result<std::string, std::string> setConfigKeys(std::string_view text, const std::vector<ConfigKeyValue>& values)
{
    std::vector<std::string> lines = splitLines(text);
    for (const ConfigKeyValue& kv : values)
        if (const std::string problem = setKey(lines, kv); !problem.empty())
            return makeErr(problem);
    std::string out;
    for (const std::string& line : lines)
        out += line + "\n";
    // The line editor's result must read back as intended; anything else is refused, not written.
    try
    {
        const toml::table root = toml::parse(out);
        for (const ConfigKeyValue& kv : values)
        {
            const auto read = root.at_path(kv.table + "." + kv.key).value<std::string>();
            if (read != kv.value)
                return makeErr("cannot set " + kv.table + "." + kv.key +
                               " in place (a dotted key or an inline table?): set it by hand");
        }
    }
    catch (const toml::parse_error& e)
    {
        return makeErr("the file does not parse as TOML after the edit (line " + std::to_string(e.source().begin.line) +
                       ": " + std::string(e.description()) + "): fix it by hand");
    }
    return out;
}

} // namespace okienko::kiosk
