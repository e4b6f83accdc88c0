// Line-oriented .po parser.
#include "kiosk/core/po_file.hpp"

#include "shared/text/utf8.hpp"

#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <utility>

namespace okienko::kiosk
{

namespace
{

enum class Field
{
    None,
    Context,
    Id,
    Str,
};

struct Pending
{
    PoEntry entry;
    bool hasContext = false;
    bool hasId = false;
    bool hasStr = false;
    Field last = Field::None;

    bool started() const { return hasContext || hasId || hasStr; }
};

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

std::string_view trimLeft(std::string_view s)
{
    while (!s.empty() && isSpace(s.front()))
    {
        s.remove_prefix(1);
    }
    return s;
}

class Parser
{
  public:
    explicit Parser(std::string_view text) : m_text(text) {}

    Result<PoFile, PoError> run();

  private:
    std::optional<PoError> parseLine(std::string_view line);
    std::optional<PoError> keyword(std::string_view line, std::size_t pos, Field field);
    std::optional<PoError> finish();
    /// Parses a quoted string starting at line[pos] == '"'; appends to `out`.
    std::optional<PoError> quoted(std::string_view line, std::size_t pos, std::string& out);
    PoError error(std::size_t byteIndex, std::string message) const
    {
        return PoError{m_line, static_cast<int>(byteIndex) + 1, std::move(message)};
    }
    std::string* fieldText(Field f);

    std::string_view m_text;
    int m_line = 0;
    Pending m_pending;
    PoFile m_file;
    bool m_haveHeader = false;
    std::map<std::pair<std::string, std::string>, int> m_seen;
};

std::string* Parser::fieldText(Field f)
{
    switch (f)
    {
    case Field::Context:
        return &m_pending.entry.context;
    case Field::Id:
        return &m_pending.entry.msgid;
    case Field::Str:
        return &m_pending.entry.msgstr;
    case Field::None:
        break;
    }
    return nullptr;
}

std::optional<PoError> Parser::quoted(std::string_view line, std::size_t pos, std::string& out)
{
    if (pos >= line.size() || line[pos] != '"')
    {
        return error(pos, "expected a string in double quotes");
    }
    std::size_t i = pos + 1;
    for (;;)
    {
        if (i >= line.size())
        {
            return error(pos, "unterminated string (a string must end on the line it starts)");
        }
        const char c = line[i];
        if (c == '"')
        {
            ++i;
            break;
        }
        if (c == '\\')
        {
            if (i + 1 >= line.size())
            {
                return error(i, "unterminated string after a backslash");
            }
            const char e = line[i + 1];
            switch (e)
            {
            case 'n':
                out.push_back('\n');
                break;
            case 't':
                out.push_back('\t');
                break;
            case 'r':
                out.push_back('\r');
                break;
            case '"':
                out.push_back('"');
                break;
            case '\\':
                out.push_back('\\');
                break;
            default:
                return error(i, std::string("unknown escape sequence \\") + e + " (allowed: \\n \\t \\r \\\" \\\\)");
            }
            i += 2;
            continue;
        }
        out.push_back(c);
        ++i;
    }
    while (i < line.size() && isSpace(line[i]))
    {
        ++i;
    }
    if (i < line.size())
    {
        return error(i, "unexpected text after the closing quote");
    }
    return std::nullopt;
}

std::optional<PoError> Parser::finish()
{
    if (!m_pending.started())
    {
        m_pending = Pending{};
        return std::nullopt;
    }
    if (!m_pending.hasId)
    {
        return PoError{m_pending.entry.line, 0, "msgctxt without msgid"};
    }
    if (!m_pending.hasStr)
    {
        return PoError{m_pending.entry.line, 0, "msgid \"" + m_pending.entry.msgid + "\" has no msgstr"};
    }
    PoEntry& e = m_pending.entry;
    if (e.msgid.empty() && !m_pending.hasContext)
    {
        if (m_haveHeader)
        {
            return PoError{e.line, 0, "a second header entry (msgid \"\")"};
        }
        m_haveHeader = true;
        m_file.header = std::move(e.msgstr);
    }
    else
    {
        const auto [it, inserted] = m_seen.emplace(std::make_pair(e.context, e.msgid), e.line);
        if (!inserted)
        {
            return PoError{e.line, 0,
                           "duplicate msgid \"" + e.msgid + "\" (first defined at line " + std::to_string(it->second) +
                               ")"};
        }
        m_file.entries.push_back(std::move(e));
    }
    m_pending = Pending{};
    return std::nullopt;
}

std::optional<PoError> Parser::keyword(std::string_view line, std::size_t pos, Field field)
{
    // A new msgctxt, or a msgid not preceded by its msgctxt, starts the next entry.
    if (m_pending.hasStr && field != Field::Str)
    {
        if (auto err = finish())
        {
            return err;
        }
    }
    switch (field)
    {
    case Field::Context:
        if (m_pending.hasContext || m_pending.hasId)
        {
            return error(0, "msgctxt must come before msgid and appear once per entry");
        }
        m_pending.hasContext = true;
        break;
    case Field::Id:
        if (m_pending.hasId)
        {
            return error(0, "msgid \"" + m_pending.entry.msgid + "\" has no msgstr before the next msgid");
        }
        m_pending.hasId = true;
        m_pending.entry.line = m_line;
        break;
    case Field::Str:
        if (!m_pending.hasId)
        {
            return error(0, "msgstr without msgid");
        }
        if (m_pending.hasStr)
        {
            return error(0, "a second msgstr for msgid \"" + m_pending.entry.msgid + "\"");
        }
        m_pending.hasStr = true;
        break;
    case Field::None:
        break;
    }
    if (m_pending.entry.line == 0)
    {
        m_pending.entry.line = m_line;
    }
    m_pending.last = field;
    while (pos < line.size() && isSpace(line[pos]))
    {
        ++pos;
    }
    return quoted(line, pos, *fieldText(field));
}

std::optional<PoError> Parser::parseLine(std::string_view line)
{
    std::size_t pos = 0;
    while (pos < line.size() && isSpace(line[pos]))
    {
        ++pos;
    }
    const std::string_view rest = line.substr(pos);
    if (rest.empty())
    {
        m_pending.last = Field::None;
        return finish();
    }
    if (rest[0] == '#')
    {
        // Comments belong to the entry that follows, so they end the current one.
        if (m_pending.hasStr)
        {
            if (auto err = finish())
            {
                return err;
            }
        }
        else if (m_pending.started())
        {
            return error(pos, "comment inside an entry (between msgid and msgstr)");
        }
        const std::string_view body = rest.size() > 2 ? rest.substr(2) : std::string_view{};
        if (rest.rfind("#.", 0) == 0)
        {
            if (!m_pending.entry.extractedComment.empty())
            {
                m_pending.entry.extractedComment.push_back('\n');
            }
            m_pending.entry.extractedComment.append(trimLeft(body));
        }
        else if (rest.rfind("#:", 0) == 0)
        {
            if (!trimLeft(body).empty())
            {
                m_pending.entry.references.emplace_back(trimLeft(body));
            }
        }
        else if (rest.rfind("#,", 0) == 0)
        {
            std::size_t i = 0;
            while (i < body.size())
            {
                std::size_t end = body.find(',', i);
                if (end == std::string_view::npos)
                {
                    end = body.size();
                }
                std::string_view flag = body.substr(i, end - i);
                while (!flag.empty() && isSpace(flag.front()))
                {
                    flag.remove_prefix(1);
                }
                while (!flag.empty() && isSpace(flag.back()))
                {
                    flag.remove_suffix(1);
                }
                if (flag == "fuzzy")
                {
                    m_pending.entry.fuzzy = true;
                }
                i = end + 1;
            }
        }
        // "# " translator comments, "#|" previous strings and "#~" obsolete entries are ignored.
        return std::nullopt;
    }
    if (rest[0] == '"')
    {
        std::string* target = fieldText(m_pending.last);
        if (target == nullptr)
        {
            return error(pos, "a string continuation line without msgctxt, msgid or msgstr before it");
        }
        return quoted(line, pos, *target);
    }
    std::size_t end = pos;
    while (end < line.size() && !isSpace(line[end]) && line[end] != '"')
    {
        ++end;
    }
    const std::string_view word = line.substr(pos, end - pos);
    if (word == "msgctxt")
    {
        return keyword(line, end, Field::Context);
    }
    if (word == "msgid")
    {
        return keyword(line, end, Field::Id);
    }
    if (word == "msgstr")
    {
        return keyword(line, end, Field::Str);
    }
    if (word == "msgid_plural" || word.rfind("msgstr[", 0) == 0)
    {
        return error(pos, "plural forms are not supported; use a placeholder text without plurals");
    }
    return error(pos, "unknown keyword \"" + std::string(word) + "\" (expected msgctxt, msgid, msgstr or a comment)");
}

Result<PoFile, PoError> Parser::run()
{
    std::string_view text = m_text;
    if (const auto bad = text::firstInvalidUtf8(text))
    {
        int line = 1;
        std::size_t lineStart = 0;
        for (std::size_t i = 0; i < *bad; ++i)
        {
            if (text[i] == '\n')
            {
                ++line;
                lineStart = i + 1;
            }
        }
        return makeErr(
            PoError{line, static_cast<int>(*bad - lineStart) + 1, "invalid UTF-8 (the file must be saved as UTF-8)"});
    }
    if (text.rfind("\xEF\xBB\xBF", 0) == 0)
    {
        text.remove_prefix(3);
    }
    std::size_t start = 0;
    while (start <= text.size())
    {
        std::size_t end = text.find('\n', start);
        const bool last = end == std::string_view::npos;
        if (last)
        {
            end = text.size();
        }
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
        {
            line.remove_suffix(1);
        }
        ++m_line;
        if (auto err = parseLine(line))
        {
            return makeErr(std::move(*err));
        }
        if (last)
        {
            break;
        }
        start = end + 1;
    }
    if (auto err = finish())
    {
        return makeErr(std::move(*err));
    }
    return std::move(m_file);
}

} // namespace

std::string PoError::toString() const
{
    std::string out = std::to_string(line);
    if (column > 0)
    {
        out += ":" + std::to_string(column);
    }
    return out + ": " + message;
}

Result<PoFile, PoError> parsePo(std::string_view text)
{
    return Parser(text).run();
}

Result<PoFile, PoError> loadPo(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
    {
        return makeErr(PoError{0, 0, "cannot open " + path.string()});
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    if (in.bad())
    {
        return makeErr(PoError{0, 0, "cannot read " + path.string()});
    }
    return parsePo(buf.str());
}

} // namespace okienko::kiosk
