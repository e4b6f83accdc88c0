// The kiosk's as-you-type search over the catalogue: services and equipment types, in the
// resident's language and in Polish, insensitive to case and diacritics.
#pragma once

#include "shared/domain/catalog.hpp"
#include "shared/domain/language.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
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
    /// A prefix of one or two letters that begins words with more occurrences than this is merged
    /// at build time (see PrefixMatch). Real catalogues (a few hundred entries) have none.
    static constexpr std::size_t kFrequentPrefixOccurrences = 2048;

    CatalogIndex() = default;
    /// Indexes every service (name, tags, summary, description) and every equipment type (name,
    /// description) in all three languages. Texts are folded once here, never per query.
    /// `frequentPrefixOccurrences` exists for tests that compare the merged and the plain paths.
    explicit CatalogIndex(const domain::Catalog& catalog,
                          std::size_t frequentPrefixOccurrences = kFrequentPrefixOccurrences);

    /// Ranked results for what the resident typed so far. Every query word must be a prefix of
    /// some word of the entry, in the texts of `lang` or in the Polish texts. Order: archived
    /// services last; then name, tag, summary, description matches; then matches in `lang` before
    /// Polish-only ones; then more exact, earlier and more frequent matches; then by folded name
    /// and id, so equal results keep a stable order. An empty or unreadable query gives nothing;
    /// at most `limit` results (0 gives none).
    std::vector<SearchResult> query(std::string_view text, domain::Language lang, std::size_t limit) const;

    /// Number of indexed entries (services plus equipment types).
    std::size_t size() const { return m_entries.size(); }
    /// Frequent prefixes merged, and one-word queries ranked at build time (figures for the benchmark).
    std::size_t frequentPrefixCount() const;
    std::size_t cachedQueryCount() const;

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

    /// One entry's best match among all words that begin with a frequent prefix, and how many
    /// occurrences those words have in it: what a scan of their postings would add up to.
    struct PrefixMatch
    {
        std::uint32_t entry = 0;
        std::uint8_t code = 0; ///< the best match code (see matchCode in the .cpp)
        std::uint8_t hits = 0; ///< occurrences, at most 255
    };

    /// The folded words of one language, sorted bytewise so that a prefix is one contiguous range.
    /// A one- or two-letter query ("w", "po") would otherwise walk tens of thousands of postings on
    /// a large catalogue; its frequent prefixes are merged per entry once, sorted by entry.
    struct WordList
    {
        std::vector<std::string> words;
        std::vector<std::uint32_t> firstPosting; ///< words.size() + 1 offsets into postings
        std::vector<Posting> postings;
        std::vector<std::string> frequentPrefixes;   ///< sorted
        std::vector<std::uint32_t> firstPrefixMatch; ///< frequentPrefixes.size() + 1 offsets
        std::vector<PrefixMatch> prefixMatches;      ///< per prefix, sorted by entry
    };

    static constexpr std::size_t kLanguageCount = 3;
    /// A one-word query is answered from the cache below when it asks for at most this many.
    static constexpr std::size_t kCachedResults = 100;

    /// Up to `limit` result keys (score << 32 | inverted name rank), best first.
    std::vector<std::uint64_t> rankedKeys(const std::vector<std::string_view>& words, domain::Language lang,
                                          std::size_t limit) const;
    static std::size_t frequentPrefixEntries(const WordList& list, std::string_view prefix);

    std::vector<Entry> m_entries;
    std::array<WordList, kLanguageCount> m_words;
    /// Per language: entry → rank by (folded display name, kind, id), and rank → entry.
    std::array<std::vector<std::uint32_t>, kLanguageCount> m_nameRank;
    std::array<std::vector<std::uint32_t>, kLanguageCount> m_byRank;
    /// Per language: the best kCachedResults keys of each one-word query that matches at least a
    /// quarter of the entries, ranked at build time.
    std::array<std::map<std::string, std::vector<std::uint64_t>, std::less<>>, kLanguageCount> m_cachedQueries;
};

} // namespace okienko::search
