// Translations: fallback chain, placeholders, and the shipped catalogues (complete in every
// language, same placeholders, sorted, covering every key the models and validators use).
#include "kiosk/core/keyboard_layout.hpp"
#include "kiosk/core/translator.hpp"
#include "shared/domain/area.hpp"

#include <fstream>
#include <gtest/gtest.h>
#include <set>
#include <sstream>

namespace okienko::kiosk
{
namespace
{

namespace fs = std::filesystem;
using domain::Language;

const fs::path kI18n = fs::path(OKIENKO_SOURCE_DIR) / "assets" / "i18n";

PoFile parse(std::string_view text)
{
    auto r = parsePo(text);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().toString());
    return r.ok() ? std::move(r).value() : PoFile{};
}

PoFile loadShipped(const std::string& name)
{
    auto r = loadPo(kI18n / name);
    EXPECT_TRUE(r.ok()) << name << ": " << (r.ok() ? "" : r.error().toString());
    return r.ok() ? std::move(r).value() : PoFile{};
}

TEST(TranslatorTest, KeyMissingEverywhereIsVisibleAsMarker)
{
    Translator t;
    EXPECT_EQ(t.tr("home.catalog"), "⟦home.catalog⟧");
    t.setTable(Language::Pl, parse("msgid \"a\"\nmsgstr \"A\"\n"));
    t.setLanguage(Language::Uk);
    EXPECT_EQ(t.tr("nope"), "⟦nope⟧");
    // The reference stays valid across later lookups.
    const std::string& first = t.tr("x.one");
    (void)t.tr("x.two");
    EXPECT_EQ(first, "⟦x.one⟧");
}

TEST(TranslatorTest, MissingTranslationFallsBackToPolish)
{
    Translator t;
    t.setTable(Language::Pl, parse("msgid \"a\"\nmsgstr \"Polski A\"\n\nmsgid \"b\"\nmsgstr \"Polski B\"\n"));
    t.setTable(Language::Uk, parse("msgid \"a\"\nmsgstr \"Український A\"\n\nmsgid \"b\"\nmsgstr \"\"\n"));
    t.setLanguage(Language::Uk);
    EXPECT_EQ(t.tr("a"), "Український A");
    EXPECT_EQ(t.tr("b"), "Polski B") << "an empty msgstr is untranslated";
    EXPECT_FALSE(t.hasTranslation(Language::Uk, "b"));
    EXPECT_EQ(t.tr(Language::En, "a"), "Polski A");
}

TEST(TranslatorTest, FuzzyEntriesAreTreatedAsUntranslated)
{
    Translator t;
    t.setTable(Language::Pl, parse("msgid \"a\"\nmsgstr \"Tak\"\n"));
    t.setTable(Language::En, parse("#, fuzzy\nmsgid \"a\"\nmsgstr \"Maybe\"\n"));
    EXPECT_EQ(t.tr(Language::En, "a"), "Tak");
    EXPECT_FALSE(t.hasTranslation(Language::En, "a"));
}

TEST(TranslatorTest, SetLanguageSwitchesInstantly)
{
    Translator t;
    t.setTable(Language::Pl, parse("msgid \"nav.back\"\nmsgstr \"Wstecz\"\n"));
    t.setTable(Language::En, parse("msgid \"nav.back\"\nmsgstr \"Back\"\n"));
    EXPECT_EQ(t.tr("nav.back"), "Wstecz");
    t.setLanguage(Language::En);
    EXPECT_EQ(t.language(), Language::En);
    EXPECT_EQ(t.tr("nav.back"), "Back");
    t.setLanguage(Language::Pl);
    EXPECT_EQ(t.tr("nav.back"), "Wstecz");
}

TEST(TranslatorTest, ContextEntriesDoNotShadowPlainKeys)
{
    Translator t;
    t.setTable(Language::Pl, parse("msgctxt \"ctx\"\nmsgid \"a\"\nmsgstr \"Z kontekstem\"\n"));
    EXPECT_EQ(t.tr("a"), "⟦a⟧");
    EXPECT_EQ(t.tr(std::string("ctx\x04") + "a"), "Z kontekstem");
}

TEST(TranslatorTest, FormatSubstitutesNamedPlaceholders)
{
    EXPECT_EQ(formatPlaceholders("Ekran wróci do początku za {seconds} s", {{"seconds", "17"}}),
              "Ekran wróci do początku za 17 s");
    EXPECT_EQ(formatPlaceholders("{a}{b}{a}", {{"a", "1"}, {"b", "2"}}), "121");
    EXPECT_EQ(formatPlaceholders("{missing} stays", {{"a", "1"}}), "{missing} stays");
    EXPECT_EQ(formatPlaceholders("{{literal}} and {a}", {{"a", "x"}}), "{literal} and x");
    EXPECT_EQ(formatPlaceholders("{ not a name } {}", {{"a", "x"}}), "{ not a name } {}");
    EXPECT_EQ(formatPlaceholders("{a}", {{"a", "{b}"}, {"b", "no"}}), "{b}") << "values are not re-scanned";
    const std::vector<std::pair<std::string, std::string>> args{{"count", "3"}};
    EXPECT_EQ(formatPlaceholders("Znalezione usługi: {count}", args), "Znalezione usługi: 3");
}

TEST(TranslatorTest, TranslatorFormatUsesTheCurrentLanguage)
{
    Translator t;
    t.setTable(Language::Pl, parse("msgid \"idle.countdown\"\nmsgstr \"za {seconds} s\"\n"));
    t.setTable(Language::Uk, parse("msgid \"idle.countdown\"\nmsgstr \"через {seconds} с\"\n"));
    t.setLanguage(Language::Uk);
    EXPECT_EQ(t.format("idle.countdown", {{"seconds", "5"}}), "через 5 с");
}

TEST(TranslatorTest, PlaceholderNamesAreSortedAndUnique)
{
    EXPECT_EQ(placeholderNames("{b} {a} {b} {{c}} {not one}"), (std::vector<std::string>{"a", "b"}));
    EXPECT_TRUE(placeholderNames("no placeholders").empty());
}

TEST(TranslatorTest, LoadingAMissingDirectoryFails)
{
    Translator t;
    const Status<TranslationLoadError> st = t.loadDirectory("/nonexistent/okienko/i18n");
    ASSERT_FALSE(st.ok());
    EXPECT_NE(st.error().toString().find("pl.po"), std::string::npos);
}

// --- The shipped catalogues -------------------------------------------------------------------

TEST(ShippedTranslationsTest, LoadIntoTheTranslator)
{
    Translator t;
    const Status<TranslationLoadError> st = t.loadDirectory(kI18n);
    ASSERT_TRUE(st.ok()) << st.error().toString();
    EXPECT_EQ(t.tr("idle.more_time"), "Potrzebuję więcej czasu");
    t.setLanguage(Language::Uk);
    EXPECT_EQ(t.tr("language.uk"), "Українська");
    EXPECT_EQ(t.format("idle.countdown", {{"seconds", "20"}}), "Екран повернеться на початок через 20 с");
}

TEST(ShippedTranslationsTest, EveryKeyIsTranslatedInEveryLanguageAndTheTemplate)
{
    std::map<std::string, std::set<std::string>> keysByFile;
    for (const char* file : {"pl.po", "uk.po", "en.po", "okienko.pot"})
    {
        const PoFile po = loadShipped(file);
        std::set<std::string>& keys = keysByFile[file];
        for (const PoEntry& e : po.entries)
        {
            keys.insert(e.msgid);
            if (std::string(file) != "okienko.pot")
            {
                EXPECT_TRUE(e.usable()) << file << ":" << e.line << ": " << e.msgid << " is empty or fuzzy";
            }
            EXPECT_FALSE(e.extractedComment.empty())
                << file << ":" << e.line << ": " << e.msgid << " has no #. comment for translators";
        }
        EXPECT_GT(keys.size(), 100u) << file;
    }
    const std::set<std::string>& pl = keysByFile["pl.po"];
    for (const auto& [file, keys] : keysByFile)
    {
        std::vector<std::string> onlyHere;
        std::vector<std::string> missingHere;
        std::set_difference(keys.begin(), keys.end(), pl.begin(), pl.end(), std::back_inserter(onlyHere));
        std::set_difference(pl.begin(), pl.end(), keys.begin(), keys.end(), std::back_inserter(missingHere));
        for (const std::string& k : onlyHere)
        {
            ADD_FAILURE() << file << " has " << k << " which pl.po lacks";
        }
        for (const std::string& k : missingHere)
        {
            ADD_FAILURE() << file << " lacks " << k;
        }
    }
}

TEST(ShippedTranslationsTest, PlaceholdersAreIdenticalAcrossLanguages)
{
    const PoFile pl = loadShipped("pl.po");
    std::map<std::string, std::vector<std::string>> plNames;
    for (const PoEntry& e : pl.entries)
    {
        plNames[e.msgid] = placeholderNames(e.msgstr);
    }
    int withPlaceholders = 0;
    for (const auto& [key, names] : plNames)
    {
        withPlaceholders += names.empty() ? 0 : 1;
    }
    EXPECT_GE(withPlaceholders, 5);
    for (const char* file : {"uk.po", "en.po"})
    {
        for (const PoEntry& e : loadShipped(file).entries)
        {
            EXPECT_EQ(placeholderNames(e.msgstr), plNames[e.msgid]) << file << ":" << e.line << ": " << e.msgid;
        }
    }
}

TEST(ShippedTranslationsTest, FilesAreSortedByKey)
{
    for (const char* file : {"pl.po", "uk.po", "en.po", "okienko.pot"})
    {
        const PoFile po = loadShipped(file);
        for (std::size_t i = 1; i < po.entries.size(); ++i)
        {
            EXPECT_LT(po.entries[i - 1].msgid, po.entries[i].msgid)
                << file << ":" << po.entries[i].line << ": keep entries sorted by msgid";
        }
    }
}

TEST(ShippedTranslationsTest, ScreensOwnTextsExist)
{
    Translator t;
    ASSERT_TRUE(t.loadDirectory(kI18n).ok());
    std::vector<std::string> required{"app.name",
                                      "attract.touch_to_start",
                                      "home.catalog",
                                      "nav.back",
                                      "nav.home",
                                      "language.pl",
                                      "language.uk",
                                      "language.en",
                                      "accessibility.large_text",
                                      "accessibility.high_contrast",
                                      "idle.title",
                                      "idle.countdown",
                                      "idle.more_time",
                                      "catalog.title",
                                      "catalog.search",
                                      "catalog.areas",
                                      "catalog.groups",
                                      "catalog.no_results",
                                      "fee.title",
                                      "config_error.title"};
    for (const char* section : {"what", "provider", "where", "when", "eligibility", "how_to_apply", "fees", "documents",
                                "personal_data", "contact"})
    {
        required.push_back(std::string("service.section.") + section);
    }
    for (int i = 1; i <= domain::kShippedAreaCount; ++i)
    {
        char key[32];
        std::snprintf(key, sizeof key, "area.%02d.official", i);
        required.emplace_back(key);
        std::snprintf(key, sizeof key, "area.%02d.short", i);
        required.emplace_back(key);
    }
    for (const domain::TargetGroup& g : domain::shippedTargetGroups())
    {
        required.push_back("group." + std::string(domain::targetGroupCode(g)));
    }
    for (const Language lang : domain::kAllLanguages)
    {
        for (const KeyboardPage page : {KeyboardPage::Letters, KeyboardPage::Symbols})
        {
            for (const KeyRow& row : keyboardLayout(lang, page).rows)
            {
                for (const Key& k : row)
                {
                    if (!k.labelKey.empty())
                    {
                        required.push_back(k.labelKey);
                    }
                }
            }
        }
    }
    for (const KeyRow& row : numericKeypad().rows)
    {
        for (const Key& k : row)
        {
            if (!k.labelKey.empty())
            {
                required.push_back(k.labelKey);
            }
        }
    }
    for (const std::string& key : required)
    {
        for (const Language lang : domain::kAllLanguages)
        {
            EXPECT_TRUE(t.hasTranslation(lang, key)) << domain::languageCode(lang) << ": " << key;
        }
    }
    EXPECT_EQ(t.tr(Language::Pl, "area.01.official"), "Polityka prorodzinna");
    EXPECT_EQ(t.tr(Language::Pl, "attract.touch_to_start"), "Dotknij ekranu, aby rozpocząć");
}

TEST(ShippedTranslationsTest, EveryValidationMessageKeyIsTranslated)
{
    // docs/validation-messages.md lists the keys shared/validate returns.
    std::ifstream in(fs::path(OKIENKO_SOURCE_DIR) / "docs" / "validation-messages.md");
    ASSERT_TRUE(in) << "docs/validation-messages.md is missing";
    Translator t;
    ASSERT_TRUE(t.loadDirectory(kI18n).ok());
    int count = 0;
    std::string line;
    // Rows look like: | `validate.pesel.empty` | Polish | Ukrainian | English |
    while (std::getline(in, line))
    {
        if (line.rfind("| `validate.", 0) != 0)
        {
            continue;
        }
        const std::size_t keyEnd = line.find('`', 3);
        const std::size_t cellStart = line.find("| ", keyEnd);
        const std::size_t cellEnd = line.find(" |", cellStart + 2);
        ASSERT_NE(cellEnd, std::string::npos) << line;
        const std::string key = line.substr(3, keyEnd - 3);
        const std::string polish = line.substr(cellStart + 2, cellEnd - cellStart - 2);
        ++count;
        EXPECT_EQ(t.tr(Language::Pl, key), polish) << key << ": pl.po differs from docs/validation-messages.md";
        for (const Language lang : domain::kAllLanguages)
        {
            EXPECT_TRUE(t.hasTranslation(lang, key)) << domain::languageCode(lang) << ": " << key;
        }
    }
    EXPECT_GT(count, 20);
}

} // namespace
} // namespace okienko::kiosk
