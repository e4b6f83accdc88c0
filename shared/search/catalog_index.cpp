// Index build and query. A query is a handful of binary searches for prefix ranges in sorted word
// lists, then one pass over the matching postings into a dense per-entry accumulator: no string
// work per entry, so a keystroke stays well under a millisecond on a 10,000-entry catalogue.
#include "shared/search/catalog_index.hpp"

#include "shared/text/fold.hpp"

#include <algorithm>
#include <functional>
#include <numeric>
#include <span>
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

// The tier and the language preference read back from a score (its bit layout in scoreOf).
MatchedField tierOfScore(int score)
{
    return static_cast<MatchedField>(3 - ((score >> 22) & 3));
}

bool preferredOfScore(int score)
{
    return (score & (1 << 21)) != 0;
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

/// Bytes of the first `letters` UTF-8 characters of a folded word, or 0 when it is shorter.
std::size_t prefixBytes(std::string_view word, std::size_t letters)
{
    std::size_t at = 0;
    for (std::size_t l = 0; l < letters; ++l)
    {
        if (at >= word.size())
            return 0;
        const auto lead = static_cast<unsigned char>(word[at]);
        at += lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : 4;
    }
    return std::min(at, word.size());
}

/// Merges, per entry, the postings of every word under each one- or two-letter prefix that begins
/// more than `threshold` occurrences: the same best code and hit count a query scan would reach.
template <typename WordListT, typename PrefixMatchT>
void mergeFrequentPrefixes(WordListT& list, std::size_t entryCount, std::size_t threshold)
{
    std::vector<std::pair<std::string, std::vector<PrefixMatchT>>> merged;
    std::vector<std::uint8_t> code(entryCount, 0);
    std::vector<std::uint8_t> hits(entryCount, 0);
    std::vector<std::uint32_t> touched;
    for (std::size_t letters = 1; letters <= 2; ++letters)
    {
        std::size_t w = 0;
        while (w < list.words.size())
        {
            const std::size_t bytes = prefixBytes(list.words[w], letters);
            if (bytes == 0)
            {
                ++w;
                continue;
            }
            const std::string_view prefix = std::string_view(list.words[w]).substr(0, bytes);
            std::size_t end = w + 1;
            while (end < list.words.size() && list.words[end].starts_with(prefix))
                ++end;
            if (list.firstPosting[end] - list.firstPosting[w] > threshold)
            {
                for (std::size_t v = w; v < end; ++v)
                {
                    const bool exact = list.words[v].size() == prefix.size();
                    for (std::uint32_t p = list.firstPosting[v]; p < list.firstPosting[v + 1]; ++p)
                    {
                        const auto& posting = list.postings[p];
                        if (hits[posting.entry] == 0)
                            touched.push_back(posting.entry);
                        code[posting.entry] =
                            std::max(code[posting.entry], matchCode(posting.field, exact, posting.position));
                        if (hits[posting.entry] < 255)
                            ++hits[posting.entry];
                    }
                }
                std::sort(touched.begin(), touched.end());
                std::vector<PrefixMatchT> matches;
                matches.reserve(touched.size());
                for (std::uint32_t e : touched)
                {
                    matches.push_back({e, code[e], hits[e]});
                    code[e] = 0;
                    hits[e] = 0;
                }
                touched.clear();
                merged.emplace_back(std::string(prefix), std::move(matches));
            }
            w = end;
        }
    }
    std::sort(merged.begin(), merged.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [prefix, matches] : merged)
    {
        list.frequentPrefixes.push_back(prefix);
        list.firstPrefixMatch.push_back(static_cast<std::uint32_t>(list.prefixMatches.size()));
        list.prefixMatches.insert(list.prefixMatches.end(), matches.begin(), matches.end());
    }
    list.firstPrefixMatch.push_back(static_cast<std::uint32_t>(list.prefixMatches.size()));
}

/// Accumulators of one thread, kept between queries so a keystroke does not clear (and fault in)
/// one per entry; each query zeroes again the ones it touched.
std::vector<Accumulator>& threadAccumulators(std::size_t size)
{
    thread_local std::vector<Accumulator> accumulators;
    if (accumulators.size() < size)
        accumulators.resize(size);
    return accumulators;
}

struct ClearTouched
{
    std::vector<Accumulator>& acc;
    const std::vector<std::uint32_t>& touched;
    ~ClearTouched()
    {
        for (std::uint32_t t : touched)
            acc[t] = Accumulator{};
    }
};

} // namespace

CatalogIndex::CatalogIndex(const domain::Catalog& catalog, std::size_t frequentPrefixOccurrences)
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
        mergeFrequentPrefixes<WordList, PrefixMatch>(m_words[slot], m_entries.size(), frequentPrefixOccurrences);

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

    // The queries that walk most of the catalogue (one frequent letter: "w", "в") are ranked once
    // here, by the same code a keystroke would run.
    for (Language lang : domain::kAllLanguages)
    {
        const std::size_t slot = languageSlot(lang);
        const WordList& own = m_words[slot];
        const WordList& polish = m_words[languageSlot(Language::Pl)];
        std::vector<std::string> candidates = own.frequentPrefixes;
        if (slot != languageSlot(Language::Pl))
            candidates.insert(candidates.end(), polish.frequentPrefixes.begin(), polish.frequentPrefixes.end());
        for (const std::string& prefix : candidates)
        {
            const std::size_t matched =
                frequentPrefixEntries(own, prefix) +
                (slot != languageSlot(Language::Pl) ? frequentPrefixEntries(polish, prefix) : 0);
            if (matched * 4 < m_entries.size() || m_cachedQueries[slot].count(prefix) != 0)
                continue;
            const std::vector<std::string_view> words{prefix};
            m_cachedQueries[slot].emplace(prefix, rankedKeys(words, lang, kCachedResults));
        }
    }
}

std::size_t CatalogIndex::frequentPrefixEntries(const WordList& list, std::string_view prefix)
{
    const auto it = std::lower_bound(list.frequentPrefixes.begin(), list.frequentPrefixes.end(), prefix);
    if (it == list.frequentPrefixes.end() || *it != prefix)
        return 0;
    const auto f = static_cast<std::size_t>(it - list.frequentPrefixes.begin());
    return list.firstPrefixMatch[f + 1] - list.firstPrefixMatch[f];
}

std::size_t CatalogIndex::frequentPrefixCount() const
{
    std::size_t count = 0;
    for (const WordList& list : m_words)
        count += list.frequentPrefixes.size();
    return count;
}

std::size_t CatalogIndex::cachedQueryCount() const
{
    std::size_t count = 0;
    for (const auto& cache : m_cachedQueries)
        count += cache.size();
    return count;
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

    const std::size_t langSlot = languageSlot(lang);
    std::vector<std::uint64_t> keys;
    const auto cached = words.size() == 1 && limit <= kCachedResults ? m_cachedQueries[langSlot].find(words[0])
                                                                     : m_cachedQueries[langSlot].end();
    if (cached != m_cachedQueries[langSlot].end())
        keys.assign(cached->second.begin(),
                    cached->second.begin() + static_cast<std::ptrdiff_t>(std::min(limit, cached->second.size())));
    else
        keys = rankedKeys(words, lang, limit);

    results.reserve(keys.size());
    for (const std::uint64_t key : keys)
    {
        const auto rank = 0xFFFFFFFFu - static_cast<std::uint32_t>(key & 0xFFFFFFFFu);
        const std::uint32_t e = m_byRank[langSlot][rank];
        const int score = static_cast<int>(key >> 32);
        results.push_back({m_entries[e].kind, m_entries[e].id, score, tierOfScore(score),
                           preferredOfScore(score) ? lang : Language::Pl});
    }
    return results;
}

std::vector<std::uint64_t> CatalogIndex::rankedKeys(const std::vector<std::string_view>& words, Language lang,
                                                    std::size_t limit) const
{
    std::vector<std::uint64_t> keys;
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
    std::array<std::array<std::span<const PrefixMatch>, 2>, kMaxQueryWords> merged{};
    std::array<std::size_t, kMaxQueryWords> postingCount{};
    for (std::size_t i = 0; i < words.size(); ++i)
    {
        for (std::size_t s = 0; s < slotCount; ++s)
        {
            const WordList& list = *lists[s];
            const std::string_view q = words[i];
            const auto frequent = std::lower_bound(list.frequentPrefixes.begin(), list.frequentPrefixes.end(), q,
                                                   [](const std::string& w, std::string_view v) { return w < v; });
            if (frequent != list.frequentPrefixes.end() && *frequent == q)
            {
                const auto f = static_cast<std::size_t>(frequent - list.frequentPrefixes.begin());
                merged[i][s] = std::span<const PrefixMatch>(list.prefixMatches.data() + list.firstPrefixMatch[f],
                                                            list.firstPrefixMatch[f + 1] - list.firstPrefixMatch[f]);
            }
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
            return keys; // AND: one word that matches nothing empties the result
    }

    // The rarest word first: it seeds the candidates, the others only refine them.
    std::array<std::size_t, kMaxQueryWords> order{};
    std::iota(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(words.size()), std::size_t{0});
    std::sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(words.size()),
              [&](std::size_t a, std::size_t b) { return postingCount[a] < postingCount[b]; });

    std::vector<Accumulator>& acc = threadAccumulators(slotCount * n);
    std::vector<std::uint32_t> touched;
    const ClearTouched clearTouched{acc, touched};
    touched.reserve(std::min(postingCount[order[0]], slotCount * n));
    std::array<std::size_t, 3> slotTouched{}; // touched[slotTouched[s] .. slotTouched[s + 1]) is slot s
    std::uint8_t seen = 0;
    for (std::size_t k = 0; k < words.size(); ++k)
    {
        const std::size_t i = order[k];
        const auto bit = static_cast<std::uint8_t>(1u << i);
        const auto add = [&](Accumulator& a, std::uint8_t code, unsigned hits)
        {
            a.mask |= bit;
            a.hits = static_cast<std::uint8_t>(std::min(255u, a.hits + hits));
            a.best[i] = std::max(a.best[i], code);
        };
        // The first word seeds the candidates; later words only refine entries every earlier word matched.
        const auto offer = [&](Accumulator* base, std::size_t s, std::uint32_t entry, std::uint8_t code, unsigned hits)
        {
            Accumulator& a = base[entry];
            if (k == 0)
            {
                if (a.mask == 0)
                    touched.push_back(static_cast<std::uint32_t>(s * n + entry));
            }
            else if ((a.mask & seen) != seen)
                return;
            add(a, code, hits);
        };
        const std::size_t qSize = words[i].size();
        for (std::size_t s = 0; s < slotCount; ++s)
        {
            const WordList& list = *lists[s];
            Accumulator* base = acc.data() + s * n;
            const std::span<const PrefixMatch> matches = merged[i][s];
            const std::size_t candidates = slotTouched[s + 1] - slotTouched[s];
            if (k > 0 && !matches.empty() && candidates * 16 < matches.size())
            {
                // Few candidates left: look each up instead of walking the frequent prefix's matches.
                for (std::size_t c = slotTouched[s]; c < slotTouched[s + 1]; ++c)
                {
                    const std::uint32_t e = touched[c] - static_cast<std::uint32_t>(s * n);
                    Accumulator& a = base[e];
                    if ((a.mask & seen) != seen)
                        continue;
                    const auto m =
                        std::lower_bound(matches.begin(), matches.end(), e,
                                         [](const PrefixMatch& pm, std::uint32_t v) { return pm.entry < v; });
                    if (m != matches.end() && m->entry == e)
                        add(a, m->code, m->hits);
                }
            }
            else if (!matches.empty())
            {
                for (const PrefixMatch& m : matches)
                    offer(base, s, m.entry, m.code, m.hits);
            }
            else
            {
                for (std::size_t w = ranges[i][s].begin; w < ranges[i][s].end; ++w)
                {
                    const bool exact = list.words[w].size() == qSize;
                    const std::uint32_t pEnd = list.firstPosting[w + 1];
                    for (std::uint32_t p = list.firstPosting[w]; p < pEnd; ++p)
                    {
                        const Posting& posting = list.postings[p];
                        offer(base, s, posting.entry, matchCode(posting.field, exact, posting.position), 1);
                    }
                }
            }
            if (k == 0)
                slotTouched[s + 1] = touched.size();
        }
        if (k == 0 && slotCount == 1)
            slotTouched[2] = touched.size();
        seen |= bit;
    }

    // One key per entry: score above, name rank below, so one integer comparison orders results.
    const std::size_t langSlot = languageSlot(lang);
    const std::vector<std::uint32_t>& nameRank = m_nameRank[langSlot];
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
    keys.resize(count);
    return keys;
}

} // namespace okienko::search
