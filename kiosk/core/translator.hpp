// The kiosk's translations: every language's .po table in memory, lookup by stable dotted key for
// the current language, with a visible fallback chain current → Polish → "⟦key⟧" so a missing
// string is obvious on screen and in tests. Switching language is one assignment: instant.
// Used from the UI thread only (lookups of missing keys cache their "⟦key⟧" text).
#pragma once

#include "kiosk/core/po_file.hpp"
#include "shared/domain/language.hpp"
#include "shared/util/result.hpp"

#include <array>
#include <filesystem>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace okienko::kiosk
{

/// A named value for a "{name}" placeholder.
using FormatArg = std::pair<std::string_view, std::string_view>;

/// Replaces each "{name}" in `pattern` by the matching argument. Unknown placeholders stay as
/// they are (visible, so a test can catch them); "{{" and "}}" produce literal braces.
std::string formatPlaceholders(std::string_view pattern, std::initializer_list<FormatArg> args);
std::string formatPlaceholders(std::string_view pattern, const std::vector<std::pair<std::string, std::string>>& args);

/// The placeholder names used in `pattern`, sorted, without duplicates ("{seconds}" → "seconds").
std::vector<std::string> placeholderNames(std::string_view pattern);

struct TranslationLoadError
{
    std::filesystem::path file;
    PoError error;

    /// "assets/i18n/uk.po:12:5: message".
    std::string toString() const;
};

class Translator
{
  public:
    /// No tables: every lookup shows "⟦key⟧".
    Translator() = default;

    /// Loads <directory>/pl.po, uk.po and en.po. Fails on the first unreadable or malformed file
    /// (the tables loaded so far stay).
    Status<TranslationLoadError> loadDirectory(const std::filesystem::path& directory);
    /// Loads one language's file, replacing its table.
    Status<TranslationLoadError> loadLanguage(domain::Language lang, const std::filesystem::path& poFile);
    /// Replaces one language's table with the usable (non-fuzzy, non-empty) entries of `po`.
    /// Entries with a msgctxt are stored under "context\x04msgid" as gettext does.
    void setTable(domain::Language lang, const PoFile& po);

    void setLanguage(domain::Language lang) { m_current = lang; }
    domain::Language language() const { return m_current; }

    /// The text for `key` in the current language, else Polish, else "⟦key⟧".
    const std::string& tr(std::string_view key) const { return tr(m_current, key); }
    const std::string& tr(domain::Language lang, std::string_view key) const;

    /// tr(key) with its "{name}" placeholders substituted.
    std::string format(std::string_view key, std::initializer_list<FormatArg> args) const;

    /// True when `lang` has its own usable text for `key` (no fallback needed).
    bool hasTranslation(domain::Language lang, std::string_view key) const;
    /// Sorted keys of one language's table.
    std::vector<std::string> keys(domain::Language lang) const;

    /// The text shown for a key missing everywhere: "⟦key⟧".
    static std::string missingMarker(std::string_view key);

  private:
    using Table = std::map<std::string, std::string, std::less<>>;
    static std::size_t index(domain::Language lang) { return static_cast<std::size_t>(lang); }

    std::array<Table, 3> m_tables;
    domain::Language m_current = domain::Language::Pl;
    mutable Table m_missing; ///< Stable storage for "⟦key⟧" strings returned by reference.
};

} // namespace okienko::kiosk
