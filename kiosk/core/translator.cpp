// Translation tables, fallback lookup and placeholder substitution.
#include "kiosk/core/translator.hpp"

#include <algorithm>

namespace okienko::kiosk
{

namespace
{

bool isNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/// Calls onText(literal) and onPlaceholder(name) for the pieces of a pattern.
template <typename OnText, typename OnPlaceholder>
void scanPattern(std::string_view pattern, OnText onText, OnPlaceholder onPlaceholder)
{
    std::size_t i = 0;
    while (i < pattern.size())
    {
        const char c = pattern[i];
        if ((c == '{' || c == '}') && i + 1 < pattern.size() && pattern[i + 1] == c)
        {
            onText(pattern.substr(i, 1));
            i += 2;
            continue;
        }
        if (c == '{')
        {
            std::size_t j = i + 1;
            while (j < pattern.size() && isNameChar(pattern[j]))
            {
                ++j;
            }
            if (j > i + 1 && j < pattern.size() && pattern[j] == '}')
            {
                onPlaceholder(pattern.substr(i + 1, j - i - 1), pattern.substr(i, j - i + 1));
                i = j + 1;
                continue;
            }
        }
        onText(pattern.substr(i, 1));
        ++i;
    }
}

template <typename Lookup> std::string substitute(std::string_view pattern, Lookup lookup)
{
    std::string out;
    out.reserve(pattern.size());
    scanPattern(
        pattern, [&](std::string_view t) { out.append(t); },
        [&](std::string_view name, std::string_view whole)
        {
            if (const std::string_view* value = lookup(name))
            {
                out.append(*value);
            }
            else
            {
                out.append(whole);
            }
        });
    return out;
}

} // namespace

std::string formatPlaceholders(std::string_view pattern, std::initializer_list<FormatArg> args)
{
    return substitute(pattern,
                      [&](std::string_view name) -> const std::string_view*
                      {
                          for (const FormatArg& a : args)
                          {
                              if (a.first == name)
                              {
                                  return &a.second;
                              }
                          }
                          return nullptr;
                      });
}

std::string formatPlaceholders(std::string_view pattern, const std::vector<std::pair<std::string, std::string>>& args)
{
    std::string_view found;
    return substitute(pattern,
                      [&](std::string_view name) -> const std::string_view*
                      {
                          for (const auto& a : args)
                          {
                              if (a.first == name)
                              {
                                  found = a.second;
                                  return &found;
                              }
                          }
                          return nullptr;
                      });
}

std::vector<std::string> placeholderNames(std::string_view pattern)
{
    std::vector<std::string> names;
    scanPattern(
        pattern, [](std::string_view) {}, [&](std::string_view name, std::string_view) { names.emplace_back(name); });
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

std::string TranslationLoadError::toString() const
{
    return file.string() + ":" + error.toString();
}

Status<TranslationLoadError> Translator::loadDirectory(const std::filesystem::path& directory)
{
    for (const domain::Language lang : domain::kAllLanguages)
    {
        const std::filesystem::path file = directory / (std::string(domain::languageCode(lang)) + ".po");
        if (Status<TranslationLoadError> st = loadLanguage(lang, file); !st)
        {
            return st;
        }
    }
    return {};
}

Status<TranslationLoadError> Translator::loadLanguage(domain::Language lang, const std::filesystem::path& poFile)
{
    Result<PoFile, PoError> po = loadPo(poFile);
    if (!po)
    {
        return makeErr(TranslationLoadError{poFile, po.error()});
    }
    setTable(lang, *po);
    return {};
}

void Translator::setTable(domain::Language lang, const PoFile& po)
{
    Table table;
    for (const PoEntry& e : po.entries)
    {
        if (!e.usable())
        {
            continue;
        }
        std::string key = e.context.empty() ? e.msgid : e.context + '\x04' + e.msgid;
        table.insert_or_assign(std::move(key), e.msgstr);
    }
    m_tables[index(lang)] = std::move(table);
}

const std::string& Translator::tr(domain::Language lang, std::string_view key) const
{
    const Table& own = m_tables[index(lang)];
    if (const auto it = own.find(key); it != own.end())
    {
        return it->second;
    }
    const Table& polish = m_tables[index(domain::Language::Pl)];
    if (const auto it = polish.find(key); it != polish.end())
    {
        return it->second;
    }
    auto it = m_missing.find(key);
    if (it == m_missing.end())
    {
        it = m_missing.emplace(std::string(key), missingMarker(key)).first;
    }
    return it->second;
}

std::string Translator::format(std::string_view key, std::initializer_list<FormatArg> args) const
{
    return formatPlaceholders(tr(key), args);
}

bool Translator::hasTranslation(domain::Language lang, std::string_view key) const
{
    const Table& own = m_tables[index(lang)];
    return own.find(key) != own.end();
}

std::vector<std::string> Translator::keys(domain::Language lang) const
{
    std::vector<std::string> out;
    for (const auto& [key, text] : m_tables[index(lang)])
    {
        out.push_back(key);
    }
    return out;
}

std::string Translator::missingMarker(std::string_view key)
{
    return "⟦" + std::string(key) + "⟧";
}

} // namespace okienko::kiosk
