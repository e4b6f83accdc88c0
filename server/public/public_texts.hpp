// The words of the public pages in Polish, Ukrainian and English: the kiosk's own words where they
// fit (kiosk_words.cpp, copied from its .po files and checked against them by a test), the pages'
// own (public_texts.cpp) and the partner institutions' pages' (partner_texts.cpp), each one
// WordTable. A missing translation falls back to Polish, as the catalogue does.
#pragma once

#include "shared/domain/language.hpp"

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace okienko::server::pub
{

struct TextEntry
{
    std::string_view key;
    std::string_view pl;
    std::string_view uk;
    std::string_view en;
};

/// One table of words sorted by key (a unit test checks the order), looked up by binary search.
class WordTable
{
  public:
    WordTable(std::initializer_list<TextEntry> entries) : m_entries(entries) {}

    /// The entry of `key`; nullptr when the table has none.
    const TextEntry* find(std::string_view key) const;
    const std::vector<TextEntry>& entries() const { return m_entries; }

  private:
    std::vector<TextEntry> m_entries;
};

/// The kiosk's words (keys of assets/i18n/*.po).
const WordTable& kioskWords();
/// The public pages' own words (keys "pub.…").
const WordTable& publicWords();
/// The partner institutions' pages' words (keys "pub.partner.…" and "pub.institution.…").
const WordTable& partnerWords();
/// Every table word() looks in.
const std::vector<const WordTable*>& wordTables();

/// The text of `key` in `lang` (Polish when that translation is empty); the key itself when it is
/// unknown, so a missing word is visible rather than blank (a unit test checks every key used).
std::string word(domain::Language lang, std::string_view key);
/// The same with each "{name}" replaced by its value.
std::string word(domain::Language lang, std::string_view key,
                 std::initializer_list<std::pair<std::string_view, std::string>> values);

} // namespace okienko::server::pub
