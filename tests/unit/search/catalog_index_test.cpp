// The kiosk search as a resident uses it: typing without Polish letters, in Ukrainian or English,
// word by word, and expecting the service named like the query at the top.
#include "shared/search/catalog_index.hpp"

#include <algorithm>
#include <gtest/gtest.h>
#include <string>
#include <vector>

using namespace okienko;
using domain::Language;
using search::CatalogIndex;
using search::MatchedField;
using search::ResultKind;
using search::SearchResult;

namespace
{

domain::Service service(std::string id, std::string name, std::vector<std::string> tags = {}, std::string summary = {},
                        std::string description = {})
{
    domain::Service s;
    s.id = std::move(id);
    s.name.pl = std::move(name);
    s.tags.pl = std::move(tags);
    s.summary.pl = std::move(summary);
    s.description.pl = std::move(description);
    return s;
}

domain::EquipmentType equipment(std::string id, std::string name, std::string description = {})
{
    domain::EquipmentType t;
    t.id = std::move(id);
    t.name.pl = std::move(name);
    t.description.pl = std::move(description);
    return t;
}

std::vector<std::string> ids(const std::vector<SearchResult>& results)
{
    std::vector<std::string> out;
    for (const SearchResult& r : results)
        out.push_back(r.id);
    return out;
}

const SearchResult* find(const std::vector<SearchResult>& results, const std::string& id)
{
    const auto it = std::find_if(results.begin(), results.end(), [&](const SearchResult& r) { return r.id == id; });
    return it == results.end() ? nullptr : &*it;
}

domain::Catalog rentalCatalog()
{
    domain::Catalog c;
    c.services.push_back(service("wypozyczalnia", "Wypożyczalnia sprzętu rehabilitacyjnego", {"wózek", "kule", "łóżko"},
                                 "Sprzęt na czas rehabilitacji w domu."));
    c.services.back().name.uk = "Прокат реабілітаційного обладнання";
    c.services.back().tags.uk = {"візок", "милиці", "ліжко"};
    c.services.push_back(service("transport", "Przewóz osób niepełnosprawnych", {"transport", "dowóz"}, {},
                                 "Dowóz na wózku do lekarza i na zabiegi."));
    c.services.push_back(service("opieka", "Usługi opiekuńcze", {"opieka"}, "Pomoc w domu dla seniorów."));
    c.equipmentTypes.push_back(equipment("wozek-inwalidzki", "Wózek inwalidzki", "Wózek ręczny, składany."));
    c.equipmentTypes.back().name.uk = "Інвалідний візок";
    c.equipmentTypes.push_back(equipment("wozek-elektryczny", "Wózek elektryczny"));
    c.equipmentTypes.push_back(equipment("lozko", "Łóżko rehabilitacyjne", "Łóżko z materacem."));
    return c;
}

} // namespace

TEST(CatalogIndex, EmptyWhitespaceAndGarbageQueriesGiveNothing)
{
    const CatalogIndex index(rentalCatalog());
    EXPECT_TRUE(index.query("", Language::Pl, 10).empty());
    EXPECT_TRUE(index.query("   \t ", Language::Pl, 10).empty());
    EXPECT_TRUE(index.query("!!! ?? — …", Language::Uk, 10).empty());
    EXPECT_TRUE(index.query("\xFF\xFE\xC3", Language::En, 10).empty());
    EXPECT_TRUE(index.query("wózek", Language::Pl, 0).empty());
    EXPECT_TRUE(CatalogIndex().query("wózek", Language::Pl, 10).empty());
}

TEST(CatalogIndex, InvalidUtf8InAQueryIsSkipped)
{
    const CatalogIndex index(rentalCatalog());
    const auto clean = index.query("woz", Language::Pl, 10);
    const auto dirty = index.query("w\xFFo\xC3z", Language::Pl, 10);
    ASSERT_FALSE(clean.empty());
    EXPECT_EQ(ids(dirty), ids(clean));
}

TEST(CatalogIndex, NoMatchGivesNothing)
{
    const CatalogIndex index(rentalCatalog());
    EXPECT_TRUE(index.query("xyzzy", Language::Pl, 10).empty());
    EXPECT_TRUE(index.query("ozek", Language::Pl, 10).empty()); // a word's middle is not a prefix
}

TEST(CatalogIndex, MatchesPrefixesWithoutDiacriticsOrCase)
{
    const CatalogIndex index(rentalCatalog());
    for (const char* q : {"lozko", "ŁÓŻKO", "loz", "Łóż"})
    {
        const auto r = index.query(q, Language::Pl, 10);
        ASSERT_FALSE(r.empty()) << q;
        EXPECT_EQ(r.front().id, "lozko") << q;
        EXPECT_EQ(r.front().kind, ResultKind::EquipmentType) << q;
        EXPECT_EQ(r.front().matchedField, MatchedField::Name) << q;
    }
}

TEST(CatalogIndex, FindsWozekAsEquipmentTypeAndAsTheRentalService)
{
    const CatalogIndex index(rentalCatalog());
    const auto r = index.query("wozek", Language::Pl, 10);
    const SearchResult* type = find(r, "wozek-inwalidzki");
    const SearchResult* rental = find(r, "wypozyczalnia");
    ASSERT_NE(type, nullptr);
    ASSERT_NE(rental, nullptr);
    EXPECT_EQ(type->kind, ResultKind::EquipmentType);
    EXPECT_EQ(rental->kind, ResultKind::Service);
    EXPECT_EQ(rental->matchedField, MatchedField::Tag);
    EXPECT_GT(type->score, rental->score);
    // "wózku" in the transport description is not the word "wozek": prefix, not stem matching
    EXPECT_EQ(find(r, "transport"), nullptr);
}

TEST(CatalogIndex, NamesRankAboveTagsAboveSummaryAndDescription)
{
    domain::Catalog c;
    // Alphabetically the opposite of the expected ranking, so order cannot come from the names.
    c.services.push_back(service("in-name", "Zajęcia kulinarne"));
    c.services.push_back(service("in-tag", "Warsztaty", {"kulinaria"}));
    c.services.push_back(service("in-summary", "Spotkania", {}, "Wspólne gotowanie i kulinaria."));
    c.services.push_back(service("in-description", "Klub seniora", {}, {}, "Raz w tygodniu kulinaria."));
    const CatalogIndex index(c);

    const auto r = index.query("kulin", Language::Pl, 10);
    ASSERT_EQ(ids(r), (std::vector<std::string>{"in-name", "in-tag", "in-summary", "in-description"}));
    EXPECT_EQ(r[0].matchedField, MatchedField::Name);
    EXPECT_EQ(r[1].matchedField, MatchedField::Tag);
    EXPECT_EQ(r[2].matchedField, MatchedField::Summary);
    EXPECT_EQ(r[3].matchedField, MatchedField::Description);
    EXPECT_GT(r[0].score, r[1].score);
    EXPECT_GT(r[1].score, r[2].score);
}

TEST(CatalogIndex, WithinATierExactAndEarlierMatchesRankHigher)
{
    domain::Catalog c;
    c.services.push_back(service("prefix-first", "Kulesza – program sąsiedzki"));
    c.services.push_back(service("exact-second", "Wypożyczalnia kule"));
    c.services.push_back(service("exact-first", "Kule łokciowe"));
    c.services.push_back(service("exact-late", "Sprzęt do wypożyczenia: balkoniki oraz kule"));
    const CatalogIndex index(c);

    EXPECT_EQ(ids(index.query("kule", Language::Pl, 10)),
              (std::vector<std::string>{"exact-first", "exact-second", "exact-late", "prefix-first"}));
}

TEST(CatalogIndex, TheWeakestWordDecidesTheTierAndMoreWordsInNamesRankHigher)
{
    domain::Catalog c;
    c.services.push_back(service("one-in-name", "Asystent osobisty", {"niepełnosprawność"}));
    c.services.push_back(service("none-in-name", "Aktywizacja", {"asystent", "niepełnosprawność"}));
    c.services.push_back(service("all-in-name", "Asystent osoby niepełnosprawnej"));
    const CatalogIndex index(c);
    const auto r = index.query("asy niepel", Language::Pl, 10);
    ASSERT_EQ(ids(r), (std::vector<std::string>{"all-in-name", "one-in-name", "none-in-name"}));
    EXPECT_EQ(r[0].matchedField, MatchedField::Name);
    EXPECT_EQ(r[1].matchedField, MatchedField::Tag);
    EXPECT_EQ(r[2].matchedField, MatchedField::Tag);
}

TEST(CatalogIndex, EveryQueryWordMustMatch)
{
    const CatalogIndex index(rentalCatalog());
    EXPECT_EQ(ids(index.query("wozek elek", Language::Pl, 10)), (std::vector<std::string>{"wozek-elektryczny"}));
    EXPECT_EQ(ids(index.query("elek wozek", Language::Pl, 10)), (std::vector<std::string>{"wozek-elektryczny"}));
    EXPECT_EQ(ids(index.query("Wózek, inwal...", Language::Pl, 10)), (std::vector<std::string>{"wozek-inwalidzki"}));
    EXPECT_TRUE(index.query("wozek xyz", Language::Pl, 10).empty());
    // words may match different fields of one entry: name + tag
    EXPECT_EQ(ids(index.query("wypozycz kule", Language::Pl, 10)), (std::vector<std::string>{"wypozyczalnia"}));
}

TEST(CatalogIndex, RepeatedAndManyQueryWordsAreHandled)
{
    const CatalogIndex index(rentalCatalog());
    EXPECT_EQ(ids(index.query("wozek wozek WÓZEK elek", Language::Pl, 10)),
              ids(index.query("wozek elek", Language::Pl, 10)));
    const std::string many = "w w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12";
    EXPECT_TRUE(index.query(many, Language::Pl, 10).empty()); // no crash; w2… match nothing
}

TEST(CatalogIndex, UkrainianQueriesFindUkrainianTexts)
{
    const CatalogIndex index(rentalCatalog());
    for (const char* q : {"візок", "ВІЗ", "визок", "інвалідний візок"})
    {
        const auto r = index.query(q, Language::Uk, 10);
        ASSERT_FALSE(r.empty()) << q;
        EXPECT_EQ(r.front().id, "wozek-inwalidzki") << q;
        EXPECT_EQ(r.front().matchedLanguage, Language::Uk) << q;
    }
    // the rental service carries the Ukrainian tag
    const auto byTag = index.query("візок", Language::Uk, 10);
    const SearchResult* rental = find(byTag, "wypozyczalnia");
    ASSERT_NE(rental, nullptr);
    EXPECT_EQ(rental->matchedField, MatchedField::Tag);
    // Ukrainian texts are not searched for a Polish-speaking resident
    EXPECT_TRUE(index.query("візок", Language::Pl, 10).empty());
}

TEST(CatalogIndex, UkrainianApostrophesAndLettersAreForgiven)
{
    domain::Catalog c;
    c.services.push_back(service("five", "Pięć kroków"));
    c.services.back().name.uk = "Пʼять кроків";
    c.services.push_back(service("porch", "Ganek"));
    c.services.back().name.uk = "Ґанок";
    const CatalogIndex index(c);
    EXPECT_EQ(ids(index.query("пять", Language::Uk, 10)), (std::vector<std::string>{"five"}));
    EXPECT_EQ(ids(index.query("п'ять", Language::Uk, 10)), (std::vector<std::string>{"five"}));
    EXPECT_EQ(ids(index.query("ганок", Language::Uk, 10)), (std::vector<std::string>{"porch"}));
}

TEST(CatalogIndex, OtherLanguagesAlsoMatchPolishTextsButRankTheirOwnFirst)
{
    domain::Catalog c;
    c.services.push_back(service("physio", "Rehabilitacja domowa"));
    c.services.back().name.en = "Home physiotherapy";
    c.services.push_back(service("bed", "Łóżko"));
    c.services.back().name.en = "Rehabilitation bed";
    const CatalogIndex index(c);

    const auto en = index.query("rehab", Language::En, 10);
    ASSERT_EQ(ids(en), (std::vector<std::string>{"bed", "physio"}));
    EXPECT_EQ(en[0].matchedLanguage, Language::En);
    EXPECT_EQ(en[1].matchedLanguage, Language::Pl);
    EXPECT_EQ(en[1].matchedField, MatchedField::Name);

    // A Ukrainian speaker typing the Polish name still finds the service.
    const auto uk = index.query("rehabilitacja", Language::Uk, 10);
    ASSERT_EQ(ids(uk), (std::vector<std::string>{"physio"}));
    EXPECT_EQ(uk[0].matchedLanguage, Language::Pl);

    // English texts are not searched in Polish.
    EXPECT_TRUE(index.query("home", Language::Pl, 10).empty());
}

TEST(CatalogIndex, ABetterTierInPolishBeatsAWorseTierInTheSelectedLanguage)
{
    domain::Catalog c;
    c.services.push_back(service("tagged", "Pomoc"));
    c.services.back().name.en = "Help";
    c.services.back().tags.en = {"senior"};
    c.services.push_back(service("named", "Senior plus"));
    const CatalogIndex index(c);
    const auto r = index.query("senior", Language::En, 10);
    ASSERT_EQ(ids(r), (std::vector<std::string>{"named", "tagged"}));
    EXPECT_EQ(r[0].matchedLanguage, Language::Pl);
    EXPECT_EQ(r[1].matchedLanguage, Language::En);
}

TEST(CatalogIndex, ArchivedServicesRankLast)
{
    domain::Catalog c;
    c.services.push_back(service("old", "Dodatek węglowy"));
    c.services.back().status = domain::ServiceStatus::Archived;
    c.services.push_back(service("new", "Punkt informacyjny", {}, {}, "Informacja o dodatkach."));
    const CatalogIndex index(c);
    const auto r = index.query("dodat", Language::Pl, 10);
    ASSERT_EQ(ids(r), (std::vector<std::string>{"new", "old"}));
    EXPECT_EQ(r[1].matchedField, MatchedField::Name);
}

TEST(CatalogIndex, EqualMatchesAreOrderedByFoldedNameStably)
{
    domain::Catalog c;
    c.services.push_back(service("z", "Zupa dla seniora", {"pomoc"}));
    c.services.push_back(service("l-stroke", "Łaźnia miejska", {"pomoc"}));
    c.services.push_back(service("l", "Lampa", {"pomoc"}));
    c.services.push_back(service("a", "Ąkwarium", {"pomoc"}));
    const CatalogIndex index(c);
    const std::vector<std::string> expected{"a", "l", "l-stroke", "z"};
    EXPECT_EQ(ids(index.query("pomoc", Language::Pl, 10)), expected);
    EXPECT_EQ(ids(index.query("pomoc", Language::Pl, 10)), expected);

    // The catalogue's order does not leak into the result order.
    std::reverse(c.services.begin(), c.services.end());
    EXPECT_EQ(ids(CatalogIndex(c).query("pomoc", Language::Pl, 10)), expected);
}

TEST(CatalogIndex, LimitCapsTheResultsAndKeepsTheBest)
{
    const CatalogIndex index(rentalCatalog());
    const auto all = index.query("w", Language::Pl, 100);
    const auto two = index.query("w", Language::Pl, 2);
    ASSERT_GT(all.size(), 2u);
    ASSERT_EQ(two.size(), 2u);
    EXPECT_EQ(two[0].id, all[0].id);
    EXPECT_EQ(two[1].id, all[1].id);
    for (std::size_t i = 1; i < all.size(); ++i)
        EXPECT_GE(all[i - 1].score, all[i].score);
}

TEST(CatalogIndex, CountsServicesAndEquipmentTypes)
{
    EXPECT_EQ(CatalogIndex(rentalCatalog()).size(), 6u);
    EXPECT_EQ(CatalogIndex().size(), 0u);
}
