// Languages of the kiosk and text that exists in each of them. Polish is the source language:
// a missing Ukrainian or English text falls back to Polish, and the fallback is visible to the UI.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace okienko::domain
{

enum class Language
{
    Pl,
    Uk,
    En
};

inline constexpr std::array<Language, 3> kAllLanguages{Language::Pl, Language::Uk, Language::En};

/// "pl", "uk", "en".
std::string_view languageCode(Language lang);
std::optional<Language> parseLanguage(std::string_view code);

/// A text in the three languages; `pl` is always present in valid data.
struct LocalizedText
{
    std::string pl;
    std::string uk;
    std::string en;

    const std::string& raw(Language lang) const;
    std::string& raw(Language lang);
    /// The text in `lang`, or the Polish text when that translation is missing.
    const std::string& in(Language lang) const;
    /// True when `in(lang)` would return the Polish fallback instead of a translation.
    bool isFallback(Language lang) const;
    bool empty() const { return pl.empty() && uk.empty() && en.empty(); }

    friend bool operator==(const LocalizedText&, const LocalizedText&) = default;
};

/// A list of short texts per language (search tags, "what to bring" items).
struct LocalizedList
{
    std::vector<std::string> pl;
    std::vector<std::string> uk;
    std::vector<std::string> en;

    const std::vector<std::string>& raw(Language lang) const;
    std::vector<std::string>& raw(Language lang);
    const std::vector<std::string>& in(Language lang) const;

    friend bool operator==(const LocalizedList&, const LocalizedList&) = default;
};

} // namespace okienko::domain
