#include "shared/domain/language.hpp"

namespace okienko::domain
{

std::string_view languageCode(Language lang)
{
    switch (lang)
    {
    case Language::Pl:
        return "pl";
    case Language::Uk:
        return "uk";
    case Language::En:
        return "en";
    }
    return "pl";
}

std::optional<Language> parseLanguage(std::string_view code)
{
    for (Language l : kAllLanguages)
        if (languageCode(l) == code)
            return l;
    return std::nullopt;
}

const std::string& LocalizedText::raw(Language lang) const
{
    return lang == Language::Uk ? uk : lang == Language::En ? en : pl;
}

std::string& LocalizedText::raw(Language lang)
{
    return lang == Language::Uk ? uk : lang == Language::En ? en : pl;
}

const std::string& LocalizedText::in(Language lang) const
{
    const std::string& t = raw(lang);
    return t.empty() ? pl : t;
}

bool LocalizedText::isFallback(Language lang) const
{
    return lang != Language::Pl && raw(lang).empty() && !pl.empty();
}

const std::vector<std::string>& LocalizedList::raw(Language lang) const
{
    return lang == Language::Uk ? uk : lang == Language::En ? en : pl;
}

std::vector<std::string>& LocalizedList::raw(Language lang)
{
    return lang == Language::Uk ? uk : lang == Language::En ? en : pl;
}

const std::vector<std::string>& LocalizedList::in(Language lang) const
{
    const auto& t = raw(lang);
    return t.empty() ? pl : t;
}

} // namespace okienko::domain
