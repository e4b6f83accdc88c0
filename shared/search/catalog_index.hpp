// The kiosk's as-you-type search over the catalogue: services and equipment types, in the
// resident's language and in Polish, insensitive to case and diacritics.
#pragma once

#include "shared/domain/catalog.hpp"
#include "shared/domain/language.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace okienko::search
{

/// What a result points at: a service page or an equipment type (reservable on its own).
enum class ResultKind
{
    Service,
    EquipmentType,
};

/// The field that decided a result's tier, best first: name, tag, summary, description.
enum class MatchedField
{
    Name,
    Tag,
    Summary,
    Description,
};

struct SearchResult
{
    ResultKind kind = ResultKind::Service;
    std::string id; ///< Service::id or EquipmentType::id
    /// Higher ranks first. Comparable only between results of one query.
    int score = 0;
    /// The field that the weakest query word matched in (the tier of the result).
    MatchedField matchedField = MatchedField::Name;
    /// The selected language, or Polish when only the Polish texts matched.
    domain::Language matchedLanguage = domain::Language::Pl;
};

/// An immutable index of one catalogue. Build it once per catalogue version; query() is const,
/// allocates only per query (not per entry) and is safe to call from several threads.
class CatalogIndex
{
  public:
    /// Query words past this many are ignored (a kiosk query is a few words).
    static constexpr std::size_t kMaxQueryWords = 8;

    CatalogIndex() = default;
    /// Indexes every service (name, tags, summary, description) and every equipment type (name,
    /// description) in all three languages. Texts are folded once here, never per query.
    explicit CatalogIndex(const domain::Catalog& catalog);

    /// Ranked results for what the resident typed so far. Every query word must be a prefix of
    /// some word of the entry, in the texts of `lang` or in the Polish texts. Order: archived
    /// services last; then name, tag, summary, description matches; then matches in `lang` before
    /// Polish-only ones; then more exact, earlier and more frequent matches; then by folded name
    /// and id, so equal results keep a stable order. An empty or unreadable query gives nothing;
    /// at most `limit` results (0 gives none).
    std::vector<SearchResult> query(std::string_view text, domain::Language lang, std::size_t limit) const;

    /// Number of indexed entries (services plus equipment types).
    std::size_t size() const { return m_entries.size(); }

  private:
    struct Entry
    {
        ResultKind kind = ResultKind::Service;
        std::string id;
        bool archived = false;
    };

    /// One occurrence of a folded word: the first position of the word in one field of an entry.
    struct Posting
    {
        std::uint32_t entry = 0;
        std::uint8_t field = 0; ///< MatchedField
        std::uint8_t position = 0;
    };

    /// The folded words of one language, sorted bytewise so that a prefix is one contiguous range.
    struct WordList
    {
        std::vector<std::string> words;
        std::vector<std::uint32_t> firstPosting; ///< words.size() + 1 offsets into postings
        std::vector<Posting> postings;
    };

    static constexpr std::size_t kLanguageCount = 3;

    std::vector<Entry> m_entries;
    std::array<WordList, kLanguageCount> m_words;
    /// Per language: entry → rank by (folded display name, kind, id), and rank → entry.
    std::array<std::vector<std::uint32_t>, kLanguageCount> m_nameRank;
    std::array<std::vector<std::uint32_t>, kLanguageCount> m_byRank;
};

} // namespace okienko::search
