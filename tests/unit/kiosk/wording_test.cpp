// The words residents read, checked in the shipped files (assets/i18n, assets/catalog): no
// coordinators' note in a resident text, a text that names a button quotes its exact label, the
// availability line without a grammatical gender, what to bring without assuming a printer, and the
// Ukrainian glossary of docs/glossary-uk.md.
#include "kiosk/core/po_file.hpp"
#include "shared/catalog/catalog_loader.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace okienko::kiosk
{
namespace
{

namespace fs = std::filesystem;
using Json = nlohmann::json;

const fs::path kRoot = fs::path(OKIENKO_SOURCE_DIR);
const std::vector<std::string> kCatalogues{"lapy.json", "starachowice.json"};
const std::vector<std::string> kLanguages{"pl", "uk", "en"};

/// One string of a shipped file: where it is, its language ("" when it has none) and its text.
struct Text
{
    std::string where;
    std::string lang;
    std::string text;
};

/// Every string a resident can read in a catalogue file: all but the coordinators' notes
/// (`internal_note`), the units' notes for staff and the programme's indicators (the server's
/// report only; kiosks never receive them).
void residentStrings(const Json& v, const std::string& path, const std::string& lang, std::vector<Text>& out)
{
    if (v.is_object())
    {
        for (const auto& [key, item] : v.items())
        {
            if (key == "internal_note" || (key == "notes" && path.find(".units[") != std::string::npos) ||
                (key == "indicators" && path.size() >= 2 && path.compare(path.size() - 2, 2, ":$") == 0))
                continue;
            const bool language = key == "pl" || key == "uk" || key == "en";
            residentStrings(item, path + "." + key, language ? key : lang, out);
        }
    }
    else if (v.is_array())
    {
        for (std::size_t i = 0; i < v.size(); ++i)
            residentStrings(v[i], path + "[" + std::to_string(i) + "]", lang, out);
    }
    else if (v.is_string())
        out.push_back({path, lang, v.get<std::string>()});
}

std::vector<Text> catalogueTexts()
{
    std::vector<Text> out;
    for (const std::string& name : kCatalogues)
    {
        std::ifstream in(kRoot / "assets" / "catalog" / name);
        EXPECT_TRUE(in) << name;
        residentStrings(Json::parse(in), name + ":$", "", out);
    }
    return out;
}

/// Every translated text of the kiosk, by language; staff-mode keys too when `withStaff`.
std::vector<Text> poTexts(bool withStaff)
{
    std::vector<Text> out;
    for (const std::string& lang : kLanguages)
    {
        auto po = loadPo(kRoot / "assets" / "i18n" / (lang + ".po"));
        EXPECT_TRUE(po.ok()) << lang;
        if (!po.ok())
            continue;
        for (const PoEntry& e : po.value().entries)
        {
            const bool staff =
                e.msgid.rfind("staff.", 0) == 0 || e.msgid.rfind("checkout.", 0) == 0 || e.msgid.rfind("desk.", 0) == 0;
            if (withStaff || !staff)
                out.push_back({lang + ".po:" + e.msgid, lang, e.msgstr});
        }
    }
    return out;
}

std::string po(const std::string& lang, const std::string& key)
{
    auto file = loadPo(kRoot / "assets" / "i18n" / (lang + ".po"));
    if (file.ok())
        for (const PoEntry& e : file.value().entries)
            if (e.msgid == key)
                return e.msgstr;
    ADD_FAILURE() << lang << ": no " << key;
    return "";
}

/// The phrases a text puts in quotation marks: „…” (Polish), «…» (Ukrainian), “…” (English).
std::vector<std::string> quoted(const std::string& text)
{
    std::vector<std::string> out;
    for (const auto& [open, close] :
         std::vector<std::pair<std::string, std::string>>{{"„", "”"}, {"«", "»"}, {"“", "”"}})
    {
        for (std::size_t at = text.find(open); at != std::string::npos; at = text.find(open, at + 1))
        {
            const std::size_t end = text.find(close, at + open.size());
            if (end != std::string::npos)
                out.push_back(text.substr(at + open.size(), end - at - open.size()));
        }
    }
    return out;
}

} // namespace

TEST(Wording, ResidentTextsCarryNoInternalNotes)
{
    // What the seed files used to say to the CUS inside residents' texts.
    const std::vector<std::string> notes{"do uzupełnienia", "do potwierdzenia", "доповн",         "to be added",
                                         "still to be",     "Opis ogólny",      "Загальний опис", "General description",
                                         "Treść ogólna",    "Загальний текст",  "General wording"};
    std::vector<Text> texts = catalogueTexts();
    for (Text& t : poTexts(false))
        texts.push_back(std::move(t));
    for (const Text& t : texts)
        for (const std::string& note : notes)
            EXPECT_EQ(t.text.find(note), std::string::npos) << t.where << " says \"" << note << "\": " << t.text;

    // The notes moved to the field coordinators read; none was lost.
    auto lapy = catalog::loadCatalogFile(kRoot / "assets" / "catalog" / "lapy.json");
    ASSERT_TRUE(lapy.ok());
    EXPECT_NE(lapy->municipality.internalNote.find("do uzupełnienia"), std::string::npos);
    const domain::Service* rental = lapy->findService("lapy-wypozyczalnia");
    ASSERT_NE(rental, nullptr);
    EXPECT_NE(rental->internalNote.find("Miejsce odbioru"), std::string::npos);
    EXPECT_EQ(lapy->municipality.address.find("uzupełn"), std::string::npos);
}

TEST(Wording, TextsNameButtonsByTheirExactLabels)
{
    // Every tap target a text may send the resident (or staff) to.
    const std::vector<std::string> buttons{"home.callback",
                                           "home.catalog",
                                           "home.counselling",
                                           "home.equipment",
                                           "home.equipment.reserve",
                                           "counselling.slot.contact_me",
                                           "checkout.loan.walk_in",
                                           "checkout.pickups.walk_in",
                                           "staff.menu.status",
                                           "service.print",
                                           "fee.title",
                                           "equipment.waiting_list.join",
                                           "idle.more_time",
                                           "speech.toggle",
                                           "speech.slower",
                                           "speech.faster",
                                           "speech.quieter",
                                           "speech.louder"};
    // Quoted phrases that are no button: names of places and groups, and examples of input.
    const std::set<std::string> names{
        "Galeria Skałka",     "Senior+",           "Niebieska Linia",      "Блакитна лінія", "Blue Line",
        "Sukces w działaniu", "Złota Rączka",      "від дверей до дверей", "Kowalska-Nowak", "Kowalska - Nowak",
        "Коваль-Шевченко",    "Коваль - Шевченко", "Smith-Jones",          "Smith - Jones"};
    std::map<std::string, std::set<std::string>> labels;
    for (const std::string& lang : kLanguages)
        for (const std::string& key : buttons)
            labels[lang].insert(po(lang, key));

    std::vector<Text> texts = catalogueTexts();
    for (Text& t : poTexts(true))
        texts.push_back(std::move(t));
    int buttonNames = 0;
    for (const Text& t : texts)
    {
        for (const std::string& phrase : quoted(t.text))
        {
            if (names.count(phrase) != 0)
                continue;
            ++buttonNames;
            EXPECT_TRUE(!t.lang.empty() && labels[t.lang].count(phrase) != 0)
                << t.where << " names a button \"" << phrase << "\" that the kiosk does not show";
        }
    }
    EXPECT_GE(buttonNames, 10); // the rental's and counselling's contact texts, the staff hints, …
}

TEST(Wording, AvailabilityHasNoGrammaticalGender)
{
    // Said of a wheelchair (m), a bed (n), crutches (pl) and a cane (f) alike.
    const std::vector<std::string> gendered{"Dostępny",  "Dostępna", "Dostępne", "dostępny", "dostępna",
                                            "Доступний", "Доступна", "Доступне", "Вільний",  "Вільна"};
    for (const char* key : {"equipment.available_now", "equipment.available_from", "equipment.not_available"})
        for (const char* lang : {"pl", "uk"})
        {
            const std::string text = po(lang, key);
            for (const std::string& word : gendered)
                EXPECT_EQ(text.find(word), std::string::npos) << lang << " " << key << ": " << text;
        }
    EXPECT_EQ(po("pl", "equipment.available_now"), "Wolne od dziś: {count} szt.");
}

TEST(Wording, WhatToBringDoesNotAssumeAPrinter)
{
    // Shown beside "this kiosk does not print slips" on a kiosk without a printer.
    const std::vector<std::string> paper{"wydruk", "kwit", "роздрук", "квитанц", "print", "slip"};
    for (const Text& t : catalogueTexts())
    {
        if (t.where.find(".what_to_bring.") == std::string::npos)
            continue;
        for (const std::string& word : paper)
            EXPECT_EQ(t.text.find(word), std::string::npos) << t.where << ": " << t.text;
    }
}

TEST(Wording, TranslatedNamesDoNotRepeatThePolishNameInBrackets)
{
    // "Житло з підтримкою (mieszkanie chronione)": a Ukrainian or English name that has its own words
    // needs no Polish gloss. Only proper names stay as the resident sees them on signs and hears them
    // on the phone (docs/glossary-uk.md), and acronyms (CAS).
    const std::set<std::string> properNames{"Dom Kultury", "Niebieska Linia", "Złota Rączka"};
    auto lower = [](std::string s)
    {
        for (char& c : s)
            if (c >= 'A' && c <= 'Z')
                c = static_cast<char>(c - 'A' + 'a');
        return s;
    };
    auto unquoted = [](std::string s)
    {
        for (const char* mark : {"«", "»", "“", "”", "„"})
            for (std::size_t at = s.find(mark); at != std::string::npos; at = s.find(mark))
                s.erase(at, std::strlen(mark));
        return s;
    };
    int names = 0;
    for (const std::string& file : kCatalogues)
    {
        std::ifstream in(kRoot / "assets" / "catalog" / file);
        ASSERT_TRUE(in) << file;
        const Json doc = Json::parse(in);
        for (const char* list : {"services", "equipment_types", "counselling_kinds", "emergency_numbers"})
            for (const Json& entry : doc.at(list))
            {
                const Json& name = entry.at("name");
                const std::string polish = lower(name.at("pl").get<std::string>());
                for (const char* lang : {"uk", "en"})
                {
                    const std::string text = name.at(lang).get<std::string>();
                    ++names;
                    for (std::size_t open = text.find('('); open != std::string::npos; open = text.find('(', open + 1))
                    {
                        const std::size_t close = text.find(')', open);
                        if (close == std::string::npos)
                            break;
                        const std::string inside = unquoted(text.substr(open + 1, close - open - 1));
                        const bool acronym =
                            !inside.empty() &&
                            std::all_of(inside.begin(), inside.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
                        if (acronym || properNames.count(inside) != 0)
                            continue;
                        EXPECT_EQ(polish.find(lower(inside)), std::string::npos)
                            << file << " " << list << " " << entry.value("id", "") << " (" << lang
                            << ") repeats the Polish name in brackets: " << text;
                    }
                }
            }
    }
    EXPECT_GT(names, 50);
}

TEST(Wording, UkrainianGlossaryIsAppliedEverywhere)
{
    std::ifstream in(kRoot / "docs" / "glossary-uk.md");
    ASSERT_TRUE(in) << "docs/glossary-uk.md is missing";
    // Table rows: | Polish | Ukrainian | English | `variant`, `variant` |
    std::vector<std::string> forbidden;
    std::string line;
    while (std::getline(in, line))
    {
        if (line.rfind("| ", 0) != 0)
            continue;
        const std::size_t lastCell = line.rfind('|', line.size() - 2);
        const std::string cell = line.substr(lastCell);
        for (std::size_t at = cell.find('`'); at != std::string::npos; at = cell.find('`', at + 1))
        {
            const std::size_t end = cell.find('`', at + 1);
            if (end == std::string::npos)
                break;
            forbidden.push_back(cell.substr(at + 1, end - at - 1));
            at = end;
        }
    }
    ASSERT_GE(forbidden.size(), 10u);

    std::vector<Text> texts;
    for (Text& t : catalogueTexts())
        if (t.lang == "uk")
            texts.push_back(std::move(t));
    for (Text& t : poTexts(true))
        if (t.lang == "uk")
            texts.push_back(std::move(t));
    ASSERT_GT(texts.size(), 1000u);
    for (const Text& t : texts)
        for (const std::string& variant : forbidden)
            EXPECT_EQ(t.text.find(variant), std::string::npos) << t.where << " uses \"" << variant << "\": " << t.text;
}

} // namespace okienko::kiosk
