// Index build and query. A query is a handful of binary searches for prefix ranges in sorted word
// lists, then one pass over the matching postings into a dense per-entry accumulator: no string
// work per entry, so a keystroke stays well under a millisecond on a 10,000-entry catalogue.
#include "shared/search/catalog_index.hpp"

#include "shared/text/fold.hpp"

#include <algorithm>
#include <functional>
#include <numeric>
#include <unordered_map>
#include <utility>

namespace okienko::search
{

namespace
{

using domain::Language;

std::size_t languageSlot(Language lang)
{
    return lang == Language::Uk ? 1u : lang == Language::En ? 2u : 0u;
}

constexpr std::uint8_t kMaxPosition = 31;

// The best match of one query word in one entry, as one byte where a larger value is better, so
// that the dense accumulator starts at zero (= no match) and improves with std::max.
std::uint8_t matchCode(std::uint8_t field, bool exact, std::uint8_t position)
{
    const unsigned worse =
        (static_cast<unsigned>(field) << 6) | (exact ? 0u : 1u << 5) | std::min(position, kMaxPosition);
    return static_cast<std::uint8_t>(255u - worse);
}

struct Decoded
{
    std::uint8_t field;
    bool exact;
    std::uint8_t position;
};

Decoded decodeMatch(std::uint8_t code)
{
    const unsigned worse = 255u - code;
    return {static_cast<std::uint8_t>(worse >> 6), (worse & (1u << 5)) == 0,
            static_cast<std::uint8_t>(worse & kMaxPosition)};
}

/// Per (language slot, entry): which query words matched, how often, and each word's best match.
struct Accumulator
{
    std::uint8_t mask = 0;
    std::uint8_t hits = 0;
    std::array<std::uint8_t, CatalogIndex::kMaxQueryWords> best{};
};

static_assert(CatalogIndex::kMaxQueryWords <= 8, "the word mask is one byte");

struct Scored
{
    int score = 0;
    MatchedField field = MatchedField::Name;
};

Scored scoreOf(const Accumulator& acc, std::size_t wordCount, bool archived, bool preferredLanguage)
{
    std::uint8_t worst = 255;
    for (std::size_t i = 0; i < wordCount; ++i)
        worst = std::min(worst, acc.best[i]);
    const Decoded weakest = decodeMatch(worst);
    const int tier = static_cast<int>(weakest.field);
    int better = 0;
    int exact = 0;
    int earliness = 0;
    for (std::size_t i = 0; i < wordCount; ++i)
    {
        const Decoded d = decodeMatch(acc.best[i]);
        if (static_cast<int>(d.field) < tier)
            ++better;
        if (d.exact)
            ++exact;
        earliness += kMaxPosition - d.position;
    }
    // Bit layout, most significant first: not archived (1), field tier (2), selected language (1), words
    // matched in a better tier (4), exact words (4), earliness (8), hits (5).
    int score = (archived ? 0 : 1) << 24;
    score |= (3 - tier) << 22;
    score |= (preferredLanguage ? 1 : 0) << 21;
    score |= better << 17;
    score |= exact << 13;
    score |= earliness << 5;
    score |= std::min<int>(acc.hits, 31);
    return {score, static_cast<MatchedField>(weakest.field)};
}

class WordListBuilder
{
  public:
    void add(std::uint32_t entry, MatchedField field, std::string_view text)
    {
        const std::string folded = text::foldForSearch(text);
        std::uint8_t position = 0;
        for (std::string_view word : text::splitFoldedWords(folded))
        {
            auto it = m_map.find(word);
            if (it == m_map.end())
                it = m_map.emplace(std::string(word), std::vector<Raw>{}).first;
            std::vector<Raw>& postings = it->second;
            const auto f = static_cast<std::uint8_t>(field);
            // One posting per word and field of an entry, at its earliest position (tags restart
            // at 0); fields are added in order per entry, so a repeat is always the last posting.
            if (postings.empty() || postings.back().entry != entry || postings.back().field != f)
                postings.push_back({entry, f, position});
            else
                postings.back().position = std::min(postings.back().position, position);
            if (position < 255)
                ++position;
        }
    }

    template <typename WordListT> void build(WordListT& out)
    {
        out.words.reserve(m_map.size());
        for (const auto& kv : m_map)
            out.words.push_back(kv.first);
        std::sort(out.words.begin(), out.words.end());
        out.firstPosting.reserve(out.words.size() + 1);
        for (const std::string& w : out.words)
        {
            out.firstPosting.push_back(static_cast<std::uint32_t>(out.postings.size()));
            for (const Raw& p : m_map.find(w)->second)
                out.postings.push_back({p.entry, p.field, p.position});
        }
        out.firstPosting.push_back(static_cast<std::uint32_t>(out.postings.size()));
        m_map.clear();
    }

  private:
    struct Raw
    {
        std::uint32_t entry;
        std::uint8_t field;
        std::uint8_t position;
    };
    struct Hash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, std::vector<Raw>, Hash, std::equal_to<>> m_map;
};

} // namespace

CatalogIndex::CatalogIndex(const domain::Catalog& catalog)
{
    std::array<WordListBuilder, kLanguageCount> builders;
    std::vector<const domain::LocalizedText*> names;

    for (const domain::Service& s : catalog.services)
    {
        const auto e = static_cast<std::uint32_t>(m_entries.size());
        m_entries.push_back({ResultKind::Service, s.id, s.status == domain::ServiceStatus::Archived});
        names.push_back(&s.name);
        for (Language lang : domain::kAllLanguages)
        {
            WordListBuilder& b = builders[languageSlot(lang)];
            b.add(e, MatchedField::Name, s.name.raw(lang));
            for (const std::string& tag : s.tags.raw(lang))
                b.add(e, MatchedField::Tag, tag);
            b.add(e, MatchedField::Summary, s.summary.raw(lang));
            b.add(e, MatchedField::Description, s.description.raw(lang));
        }
    }
    for (const domain::EquipmentType& t : catalog.equipmentTypes)
    {
        const auto e = static_cast<std::uint32_t>(m_entries.size());
        m_entries.push_back({ResultKind::EquipmentType, t.id, false});
        names.push_back(&t.name);
        for (Language lang : domain::kAllLanguages)
        {
            WordListBuilder& b = builders[languageSlot(lang)];
            b.add(e, MatchedField::Name, t.name.raw(lang));
            b.add(e, MatchedField::Description, t.description.raw(lang));
        }
    }

    for (Language lang : domain::kAllLanguages)
    {
        const std::size_t slot = languageSlot(lang);
        builders[slot].build(m_words[slot]);

        // Ties are broken by the name the resident sees (its translation, else Polish).
        std::vector<std::string> folded;
        folded.reserve(m_entries.size());
        for (const domain::LocalizedText* name : names)
            folded.push_back(text::foldForSearch(name->in(lang)));
        std::vector<std::uint32_t>& byRank = m_byRank[slot];
        byRank.resize(m_entries.size());
        std::iota(byRank.begin(), byRank.end(), 0u);
        std::sort(byRank.begin(), byRank.end(),
                  [&](std::uint32_t a, std::uint32_t b)
                  {
                      if (folded[a] != folded[b])
                          return folded[a] < folded[b];
                      if (m_entries[a].kind != m_entries[b].kind)
                          return m_entries[a].kind < m_entries[b].kind;
                      return m_entries[a].id < m_entries[b].id;
                  });
        std::vector<std::uint32_t>& rank = m_nameRank[slot];
        rank.resize(m_entries.size());
        for (std::uint32_t r = 0; r < byRank.size(); ++r)
            rank[byRank[r]] = r;
    }
}

std::vector<SearchResult> CatalogIndex::query(std::string_view text, Language lang, std::size_t limit) const
{
    std::vector<SearchResult> results;
    if (limit == 0 || m_entries.empty())
        return results;

    const std::string folded = text::foldForSearch(text);
    std::vector<std::string_view> words = text::splitFoldedWords(folded);
    {
        std::vector<std::string_view> unique;
        for (std::string_view w : words)
            if (unique.size() < kMaxQueryWords && std::find(unique.begin(), unique.end(), w) == unique.end())
                unique.push_back(w);
        words = std::move(unique);
    }
    if (words.empty())
        return results;

    // Slot 0 is the selected language; slot 1 the Polish texts, which every resident may type.
    const std::size_t n = m_entries.size();
    const std::size_t slotCount = lang == Language::Pl ? 1 : 2;
    const std::array<const WordList*, 2> lists{&m_words[languageSlot(lang)], &m_words[languageSlot(Language::Pl)]};

    struct Range
    {
        std::size_t begin = 0;
        std::size_t end = 0;
    };
    std::array<std::array<Range, 2>, kMaxQueryWords> ranges{};
    std::array<std::size_t, kMaxQueryWords> postingCount{};
    for (std::size_t i = 0; i < words.size(); ++i)
    {
        for (std::size_t s = 0; s < slotCount; ++s)
        {
            const WordList& list = *lists[s];
            const std::string_view q = words[i];
            const auto lo = std::lower_bound(list.words.begin(), list.words.end(), q,
                                             [](const std::string& w, std::string_view v) { return w < v; });
            const auto hi =
                std::partition_point(lo, list.words.end(), [q](const std::string& w) { return w.starts_with(q); });
            Range& r = ranges[i][s];
            r.begin = static_cast<std::size_t>(lo - list.words.begin());
            r.end = static_cast<std::size_t>(hi - list.words.begin());
            postingCount[i] += list.firstPosting[r.end] - list.firstPosting[r.begin];
        }
        if (postingCount[i] == 0)
            return results; // AND: one word that matches nothing empties the result
    }

    // The rarest word first: it seeds the candidates, the others only refine them.
    std::array<std::size_t, kMaxQueryWords> order{};
    std::iota(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(words.size()), std::size_t{0});
    std::sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(words.size()),
              [&](std::size_t a, std::size_t b) { return postingCount[a] < postingCount[b]; });

    std::vector<Accumulator> acc(slotCount * n);
    std::vector<std::uint32_t> touched;
    touched.reserve(std::min(postingCount[order[0]], slotCount * n));
    std::uint8_t seen = 0;
    for (std::size_t k = 0; k < words.size(); ++k)
    {
        const std::size_t i = order[k];
        const auto bit = static_cast<std::uint8_t>(1u << i);
        const std::size_t qSize = words[i].size();
        for (std::size_t s = 0; s < slotCount; ++s)
        {
            const WordList& list = *lists[s];
            Accumulator* base = acc.data() + s * n;
            for (std::size_t w = ranges[i][s].begin; w < ranges[i][s].end; ++w)
            {
                const bool exact = list.words[w].size() == qSize;
                const std::uint32_t pEnd = list.firstPosting[w + 1];
                for (std::uint32_t p = list.firstPosting[w]; p < pEnd; ++p)
                {
                    const Posting& posting = list.postings[p];
                    Accumulator& a = base[posting.entry];
                    if (k == 0)
                    {
                        if (a.mask == 0)
                            touched.push_back(static_cast<std::uint32_t>(s * n + posting.entry));
                    }
                    else if ((a.mask & seen) != seen)
                        continue;
                    a.mask |= bit;
                    if (a.hits < 255)
                        ++a.hits;
                    a.best[i] = std::max(a.best[i], matchCode(posting.field, exact, posting.position));
                }
            }
        }
        seen |= bit;
    }

    // One key per entry: score above, name rank below, so one integer comparison orders results.
    const std::size_t langSlot = languageSlot(lang);
    const std::vector<std::uint32_t>& nameRank = m_nameRank[langSlot];
    std::vector<std::uint64_t> keys;
    keys.reserve(touched.size());
    for (std::uint32_t t : touched)
    {
        const std::size_t s = t / n;
        const std::size_t e = t % n;
        if (acc[t].mask != seen)
            continue;
        if (s == 1 && acc[e].mask == seen)
            continue; // both slots matched: handled once, from slot 0
        const bool archived = m_entries[e].archived;
        int score = scoreOf(acc[t], words.size(), archived, s == 0).score;
        if (s == 0 && slotCount == 2 && acc[n + e].mask == seen)
            score = std::max(score, scoreOf(acc[n + e], words.size(), archived, false).score);
        keys.push_back((static_cast<std::uint64_t>(score) << 32) | (0xFFFFFFFFu - nameRank[e]));
    }

    const std::size_t count = std::min(limit, keys.size());
    std::partial_sort(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(count), keys.end(), std::greater<>());
    results.reserve(count);
    for (std::size_t r = 0; r < count; ++r)
    {
        const auto rank = 0xFFFFFFFFu - static_cast<std::uint32_t>(keys[r] & 0xFFFFFFFFu);
        const std::uint32_t e = m_byRank[langSlot][rank];
        const int score = static_cast<int>(keys[r] >> 32);
        const bool preferred = (score & (1 << 21)) != 0;
        const std::size_t s = preferred ? 0 : 1;
        const Scored detail = scoreOf(acc[s * n + e], words.size(), m_entries[e].archived, preferred);
        results.push_back({m_entries[e].kind, m_entries[e].id, score, detail.field, preferred ? lang : Language::Pl});
    }
    return results;
}

} // namespace okienko::search
