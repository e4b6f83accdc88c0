// The merged frequent prefixes and the cached one-word rankings are shortcuts: over the shipped
// catalogues' real texts, and over a catalogue large enough to have frequent prefixes at the
// default threshold, every query must give exactly what the plain posting scan gives.
#include "shared/catalog/catalog_loader.hpp"
#include "shared/search/catalog_index.hpp"
#include "shared/text/fold.hpp"

#include <filesystem>
#include <gtest/gtest.h>
#include <limits>
#include <set>
#include <string>
#include <vector>

using namespace okienko;
using domain::Language;
using search::CatalogIndex;
using search::SearchResult;

namespace
{

domain::Catalog shipped(const std::string& name)
{
    const auto path = std::filesystem::path(OKIENKO_SOURCE_DIR) / "assets" / "catalog" / name;
    auto result = catalog::loadCatalogFile(path);
    if (!result.ok())
    {
        ADD_FAILURE() << path << " does not load";
        return {};
    }
    return std::move(result).value();
}

/// The shipped catalogue `copies` times over, ids made unique: the texts stay real, the counts grow
/// to the size where one letter begins tens of thousands of words.
domain::Catalog multiplied(const domain::Catalog& base, int copies)
{
    domain::Catalog out;
    for (int c = 0; c < copies; ++c)
    {
        for (domain::Service s : base.services)
        {
            s.id += "-" + std::to_string(c);
            out.services.push_back(std::move(s));
        }
        for (domain::EquipmentType t : base.equipmentTypes)
        {
            t.id += "-" + std::to_string(c);
            out.equipmentTypes.push_back(std::move(t));
        }
    }
    return out;
}

/// One- to three-letter beginnings of every word of every name and tag, and some two-word queries.
std::vector<std::string> queriesFrom(const domain::Catalog& c)
{
    std::set<std::string> out;
    std::vector<std::string> words;
    const auto addText = [&](const std::string& text)
    {
        const std::string folded = text::foldForSearch(text);
        for (std::string_view w : text::splitFoldedWords(folded))
        {
            words.emplace_back(w);
            std::size_t at = 0;
            for (int letters = 0; letters < 3 && at < w.size(); ++letters)
            {
                const auto lead = static_cast<unsigned char>(w[at]);
                at += lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : 4;
                out.insert(std::string(w.substr(0, std::min(at, w.size()))));
            }
        }
    };
    for (const domain::Service& s : c.services)
        for (Language lang : domain::kAllLanguages)
        {
            addText(s.name.raw(lang));
            for (const std::string& tag : s.tags.raw(lang))
                addText(tag);
        }
    for (std::size_t i = 0; i + 1 < words.size(); i += 7)
        out.insert(words[i].substr(0, 1) + " " + words[i + 1]);
    return {out.begin(), out.end()};
}

void expectSameResults(const domain::Catalog& c, std::size_t minimumCached)
{
    const CatalogIndex plain(c, std::numeric_limits<std::size_t>::max());
    const CatalogIndex merged(c, 0);
    const CatalogIndex byDefault(c);
    const std::vector<std::string> queries = queriesFrom(c);
    ASSERT_GT(queries.size(), 100u);
    std::size_t nonEmpty = 0;
    for (const std::string& q : queries)
        for (Language lang : domain::kAllLanguages)
            for (std::size_t limit : {1u, 7u, 40u, 100u, 150u})
            {
                const std::vector<SearchResult> expected = plain.query(q, lang, limit);
                nonEmpty += expected.empty() ? 0u : 1u;
                for (const CatalogIndex* index : {&merged, &byDefault})
                {
                    const std::vector<SearchResult> got = index->query(q, lang, limit);
                    ASSERT_EQ(got.size(), expected.size()) << '"' << q << "\" limit " << limit;
                    for (std::size_t r = 0; r < got.size(); ++r)
                    {
                        ASSERT_EQ(got[r].id, expected[r].id) << '"' << q << "\" rank " << r;
                        ASSERT_EQ(got[r].score, expected[r].score) << '"' << q << "\" rank " << r;
                        ASSERT_EQ(got[r].matchedField, expected[r].matchedField) << '"' << q << '"';
                        ASSERT_EQ(got[r].matchedLanguage, expected[r].matchedLanguage) << '"' << q << '"';
                    }
                }
            }
    EXPECT_GT(nonEmpty, queries.size()) << "the queries must find something in most languages";
    EXPECT_GT(merged.frequentPrefixCount(), 0u);
    EXPECT_GE(byDefault.cachedQueryCount(), minimumCached) << "the default index must take its shortcuts here";
    EXPECT_GE(byDefault.frequentPrefixCount(), minimumCached);
}

} // namespace

TEST(CatalogIndexFrequentPrefixes, LapyGivesWhatThePlainScanGives)
{
    expectSameResults(shipped("lapy.json"), 0);
}

TEST(CatalogIndexFrequentPrefixes, StarachowiceGivesWhatThePlainScanGives)
{
    expectSameResults(shipped("starachowice.json"), 0);
}

TEST(CatalogIndexFrequentPrefixes, AThousandServicesOfRealTextsGiveWhatThePlainScanGives)
{
    expectSameResults(multiplied(shipped("lapy.json"), 40), 1);
}
