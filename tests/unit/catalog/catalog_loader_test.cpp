// Tests of the catalogue file loader: every kind of editing mistake is reported with its exact
// JSON path, all of them in one pass; then the shipped catalogues load without a single error.
#include "shared/catalog/catalog_loader.hpp"
#include "shared/domain/codes.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

using namespace okienko;
using namespace okienko::catalog;
using Json = nlohmann::ordered_json;
using Code = CatalogErrorCode;

namespace
{

Json text(std::string pl, std::string uk = {}, std::string en = {})
{
    Json t = {{"pl", std::move(pl)}};
    if (!uk.empty())
        t["uk"] = std::move(uk);
    if (!en.empty())
        t["en"] = std::move(en);
    return t;
}

Json service(const std::string& id)
{
    return Json{{"id", id},
                {"status", "active"},
                {"name", text("Mieszkanie chronione", "Житло з підтримкою", "Sheltered housing")},
                {"summary", text("Mieszkanie ze wsparciem.", "Житло з підтримкою.", "A flat with support.")},
                {"description", text("Pełny opis usługi.", "Повний опис послуги.", "Full description.")},
                {"primary_area", "12-mieszkalnictwo"},
                {"areas", {"04-pomoc-spoleczna", "12-mieszkalnictwo"}},
                {"target_groups", {"seniors", "disabilities"}},
                {"tags", {{"pl", {"mieszkanie", "pokój"}}, {"uk", {"житло"}}, {"en", {"flat"}}}},
                {"delivered_by", text("Centrum Usług Społecznych")},
                {"place", text("ul. Prosta 1")},
                {"hours", text("Zapytaj w CUS")},
                {"contact", text("Zapytaj w CUS")},
                {"eligibility", text("Osoby starsze.")},
                {"qualification_mode", text("Na wniosek.")},
                {"fee",
                 {{"kind", "income-table"},
                  {"text", text("Według tabeli.", "За таблицею.", "By the table.")},
                  {"fee_table_id", "tabela-mch"}}},
                {"documents", text("Oświadczenie.")},
                {"personal_data", text("Imię, nazwisko, adres.")},
                {"capacity", text("2 miejsca")},
                {"kiosk_action", "callback"},
                {"to_be_confirmed", true},
                {"sources", {"004"}},
                {"valid_from", "2023-12-20"},
                {"valid_to", "2024-12-31"}};
}

/// A small catalogue with one of everything; every test of bad input mutates one part of it.
Json validCatalogue()
{
    Json rental = service("wypozyczalnia");
    rental["name"] = text("Wypożyczalnia sprzętu", "Прокат обладнання", "Equipment rental");
    rental["primary_area"] = "05-zdrowie";
    rental["areas"] = {"05-zdrowie", "06-niepelnosprawnosc"};
    rental["target_groups"] = {"all"};
    rental["fee"] = {{"kind", "free"}, {"text", text("Bezpłatnie.", "Безкоштовно.", "Free of charge.")}};
    rental["kiosk_action"] = "reserve-equipment";
    rental.erase("capacity");
    rental.erase("to_be_confirmed");
    rental.erase("valid_from");
    rental.erase("valid_to");
    rental.erase("tags");

    return Json{
        {"format_version", 1},
        {"municipality",
         {{"id", "testowo"},
          {"name", text("Gmina Testowo", "Гміна Тестово", "Testowo Municipality")},
          {"cus_name", text("Centrum Usług Społecznych w Testowie")},
          {"address", "ul. Prosta 1, 00-001 Testowo"},
          {"phone", "85 000 00 00"},
          {"email", "cus@testowo.example"},
          {"opening_hours", text("pon.–pt. 7:30–15:30")},
          {"contact_to_be_confirmed", false}}},
        {"services", {service("mieszkanie-chronione"), rental}},
        {"fee_tables",
         {{{"id", "tabela-mch"},
           {"title", text("Odpłatność")},
           {"bands",
            {{{"up_to_percent", 100}, {"single_percent", 0}, {"family_percent", 0}},
             {{"up_to_percent", 150}, {"single_percent", 10}, {"family_percent", 15}},
             {{"up_to_percent", 200}, {"single_percent", 20}, {"family_percent", 30}}}},
           {"criterion_single_grosze", 100000},
           {"criterion_family_grosze", 82300},
           {"criterion_note", text("Kryterium z ustawy o pomocy społecznej.")},
           {"above_last_band", text("Decyzja indywidualna.")},
           {"payment_rule", text("Do 15. dnia miesiąca.")}}}},
        {"equipment_types",
         {{{"id", "wozek-inwalidzki"},
           {"category", "mobility"},
           {"name", text("Wózek inwalidzki", "Інвалідний візок", "Wheelchair")},
           {"description", text("Wózek ręczny.")},
           {"pictogram", "wheelchair"},
           {"attributes", {{{"key", "max-user-weight-kg"}, {"label", text("Maks. waga")}, {"value", text("120 kg")}}}},
           {"default_loan_days", 30},
           {"max_loan_days", 90},
           {"what_to_bring", {{"pl", {"Dowód osobisty"}}, {"uk", {"Посвідчення особи"}}}},
           {"notes", text("Czyścimy po każdym zwrocie.")}}}},
        {"units",
         {{{"inventory_number", "TST-WI-001"}, {"type_id", "wozek-inwalidzki"}, {"state", "available"}},
          {{"inventory_number", "TST-WI-002"},
           {"type_id", "wozek-inwalidzki"},
           {"state", "repair"},
           {"notes", "Koło do wymiany"}}}},
        {"counselling_kinds",
         {{{"id", "psychological"},
           {"name", text("Porada psychologiczna", "Психологічна консультація", "Psychological counselling")},
           {"description", text("Rozmowa z psychologiem.")}}}},
        {"emergency_numbers",
         {{{"number", "112"},
           {"name", text("Numer alarmowy")},
           {"hours", text("całą dobę")},
           {"verify_locally", false}},
          {{"number", "116 123"}, {"name", text("Telefon zaufania")}, {"verify_locally", true}}}},
        {"announcements",
         {{{"id", "piknik"},
           {"title", text("Piknik rodzinny")},
           {"body", text("Zapraszamy w sobotę.")},
           {"valid_from", "2024-06-01"},
           {"valid_to", "2024-06-30"}}}}};
}

std::string describe(const CatalogErrors& errors)
{
    std::string out;
    for (const auto& e : errors)
        out += "  " + formatCatalogError(e) + "\n";
    return out;
}

CatalogErrors errorsOf(const std::string& json)
{
    auto result = parseCatalog(json);
    if (result.ok())
        return {};
    return result.error();
}

CatalogErrors errorsOf(const Json& doc)
{
    return errorsOf(doc.dump(2));
}

/// The document must fail with exactly one error: this code at this path.
void expectOnly(const CatalogErrors& errors, Code code, const std::string& path)
{
    ASSERT_EQ(errors.size(), 1u) << describe(errors);
    EXPECT_EQ(errors[0].code, code) << describe(errors);
    EXPECT_EQ(errors[0].path, path) << describe(errors);
    EXPECT_FALSE(errors[0].message.empty());
}

std::set<std::pair<std::string, Code>> pathsAndCodes(const CatalogErrors& errors)
{
    std::set<std::pair<std::string, Code>> out;
    for (const auto& e : errors)
        out.emplace(e.path, e.code);
    return out;
}

std::string repeat(const std::string& unit, std::size_t n)
{
    std::string out;
    for (std::size_t i = 0; i < n; ++i)
        out += unit;
    return out;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Not JSON at all

TEST(CatalogLoaderSyntax, EmptyFileIsAnError)
{
    for (const std::string input : {"", "   \n\t\n"})
    {
        const auto errors = errorsOf(input);
        expectOnly(errors, Code::MalformedJson, "$");
    }
}

TEST(CatalogLoaderSyntax, TruncatedFileReportsWhereItEnds)
{
    const std::string full = validCatalogue().dump(2);
    const std::string cut = full.substr(0, full.size() / 2);
    const auto errors = errorsOf(cut);
    expectOnly(errors, Code::MalformedJson, "$");
    const auto lines = static_cast<std::size_t>(std::count(cut.begin(), cut.end(), '\n')) + 1;
    EXPECT_EQ(errors[0].line, lines);
    EXPECT_NE(errors[0].message.find("ends too early"), std::string::npos) << errors[0].message;
}

TEST(CatalogLoaderSyntax, SyntaxErrorGivesLineAndColumn)
{
    const auto errors = errorsOf(std::string("{\n  \"format_version\": 1,\n  \"municipality\": ,\n}"));
    expectOnly(errors, Code::MalformedJson, "$");
    EXPECT_EQ(errors[0].line, 3u);
    EXPECT_EQ(errors[0].column, 19u);
    EXPECT_NE(errors[0].message.find("line 3, column 19"), std::string::npos) << errors[0].message;
}

TEST(CatalogLoaderSyntax, ColumnsCountCodePointsNotBytes)
{
    // "żół" is 6 bytes but 3 characters: the editor's column is what the CUS sees.
    const auto errors = errorsOf(std::string("{\"a\": \"żółw\" x}"));
    expectOnly(errors, Code::MalformedJson, "$");
    EXPECT_EQ(errors[0].line, 1u);
    EXPECT_EQ(errors[0].column, 14u);
}

TEST(CatalogLoaderSyntax, TopLevelArrayIsWrongType)
{
    expectOnly(errorsOf(std::string("[]")), Code::WrongType, "$");
    expectOnly(errorsOf(std::string("[{\"format_version\": 1}]")), Code::WrongType, "$");
    expectOnly(errorsOf(std::string("\"catalogue\"")), Code::WrongType, "$");
}

TEST(CatalogLoaderSyntax, NumberTooLargeForAnyTypeIsMalformedWithPosition)
{
    const auto errors = errorsOf(std::string("{\n\"format_version\": 1e400\n}"));
    expectOnly(errors, Code::MalformedJson, "$");
    EXPECT_EQ(errors[0].line, 2u);
}

TEST(CatalogLoaderSyntax, DeepNestingDoesNotCrash)
{
    const std::string deep = repeat("[", 20000) + repeat("]", 20000);
    expectOnly(errorsOf(deep), Code::WrongType, "$");
}

TEST(CatalogLoaderSyntax, CommentsAreNotJson)
{
    std::string doc = validCatalogue().dump(2);
    doc.insert(1, "\n// komentarz\n");
    expectOnly(errorsOf(doc), Code::MalformedJson, "$");
}

TEST(CatalogLoaderSyntax, MissingFileIsUnreadable)
{
    auto result = loadCatalogFile("/nonexistent/okienko/catalog.json");
    ASSERT_FALSE(result.ok());
    expectOnly(result.error(), Code::FileUnreadable, "$");
}

// ---------------------------------------------------------------------------------------------
// Encoding

TEST(CatalogLoaderEncoding, InvalidUtf8InsideAStringIsReportedAtItsPath)
{
    std::string doc = validCatalogue().dump(2);
    const std::string good = "Gmina Testowo";
    const auto at = doc.find(good);
    ASSERT_NE(at, std::string::npos);
    doc.replace(at, good.size(), "Gmina \xC5 Testowo"); // a lone lead byte: "ł" cut in half
    expectOnly(errorsOf(doc), Code::InvalidUtf8, "$.municipality.name.pl");
}

TEST(CatalogLoaderEncoding, InvalidUtf8OutsideStringsIsReportedByPosition)
{
    const auto errors = errorsOf(std::string("{\n  \xFF \"format_version\": 1}"));
    ASSERT_EQ(errors.size(), 2u) << describe(errors);
    EXPECT_EQ(errors[0].code, Code::MalformedJson);
    EXPECT_EQ(errors[1].code, Code::InvalidUtf8);
    EXPECT_EQ(errors[1].line, 2u);
    EXPECT_EQ(errors[1].column, 3u);
}

TEST(CatalogLoaderEncoding, ReplacementCharacterLeftByAWrongConversionIsRejected)
{
    Json doc = validCatalogue();
    doc["services"][1]["summary"]["uk"] = "Пр\xEF\xBF\xBDкат";
    expectOnly(errorsOf(doc), Code::InvalidUtf8, "$.services[1].summary.uk");
}

// ---------------------------------------------------------------------------------------------
// Structure

TEST(CatalogLoaderStructure, MissingRequiredField)
{
    for (const char* key : {"eligibility", "qualification_mode", "fee", "documents", "personal_data", "kiosk_action",
                            "sources", "primary_area", "areas", "target_groups", "delivered_by", "status"})
    {
        Json doc = validCatalogue();
        doc["services"][0].erase(key);
        expectOnly(errorsOf(doc), Code::MissingField, std::string("$.services[0].") + key);
    }
    Json doc = validCatalogue();
    doc.erase("municipality");
    expectOnly(errorsOf(doc), Code::MissingField, "$.municipality");
}

TEST(CatalogLoaderStructure, MissingPolishTextWhenOnlyTranslationsGiven)
{
    Json doc = validCatalogue();
    doc["services"][1]["name"] = {{"uk", "Прокат"}, {"en", "Rental"}};
    expectOnly(errorsOf(doc), Code::MissingField, "$.services[1].name.pl");
}

TEST(CatalogLoaderStructure, WrongType)
{
    Json doc = validCatalogue();
    doc["services"][0]["name"] = "Mieszkanie chronione";
    expectOnly(errorsOf(doc), Code::WrongType, "$.services[0].name");

    doc = validCatalogue();
    doc["equipment_types"][0]["max_loan_days"] = "90";
    expectOnly(errorsOf(doc), Code::WrongType, "$.equipment_types[0].max_loan_days");

    doc = validCatalogue();
    doc["fee_tables"][0]["bands"][1]["single_percent"] = 10.5;
    expectOnly(errorsOf(doc), Code::WrongType, "$.fee_tables[0].bands[1].single_percent");

    doc = validCatalogue();
    doc["services"][1]["to_be_confirmed"] = "yes";
    expectOnly(errorsOf(doc), Code::WrongType, "$.services[1].to_be_confirmed");

    doc = validCatalogue();
    doc["services"] = Json::object();
    expectOnly(errorsOf(doc), Code::WrongType, "$.services");

    // A coordinators' note is plain text, never a localized object: it is not for residents.
    doc = validCatalogue();
    doc["services"][1]["internal_note"] = Json{{"pl", "Godziny do uzupełnienia"}};
    expectOnly(errorsOf(doc), Code::WrongType, "$.services[1].internal_note");

    doc = validCatalogue();
    doc["municipality"]["internal_note"] = true;
    expectOnly(errorsOf(doc), Code::WrongType, "$.municipality.internal_note");
}

TEST(CatalogLoaderValid, InternalNotesStayApartFromResidentTexts)
{
    Json doc = validCatalogue();
    doc["services"][0]["internal_note"] = "Godziny do uzupełnienia przez CUS.";
    doc["municipality"]["internal_note"] = "Telefon do uzupełnienia.";
    auto result = parseCatalog(doc.dump());
    ASSERT_TRUE(result.ok()) << describe(result.error());
    EXPECT_EQ(result->services[0].internalNote, "Godziny do uzupełnienia przez CUS.");
    EXPECT_EQ(result->services[0].hours, parseCatalog(validCatalogue().dump())->services[0].hours);
    EXPECT_EQ(result->municipality.internalNote, "Telefon do uzupełnienia.");
    EXPECT_TRUE(result->services[1].internalNote.empty());

    doc["services"][0]["internal_note"] = std::string(catalog::kMaxTextChars + 1, 'x');
    expectOnly(errorsOf(doc), Code::TooLong, "$.services[0].internal_note");
}

TEST(CatalogLoaderStructure, UnknownKeyIsReportedWithASuggestion)
{
    Json doc = validCatalogue();
    doc["services"][1]["nmae"] = text("Literówka");
    const auto errors = errorsOf(doc);
    expectOnly(errors, Code::UnknownKey, "$.services[1].nmae");
    EXPECT_NE(errors[0].message.find("did you mean 'name'"), std::string::npos) << errors[0].message;

    doc = validCatalogue();
    doc["municipality"]["name"]["ua"] = "Гміна";
    expectOnly(errorsOf(doc), Code::UnknownKey, "$.municipality.name.ua");
}

TEST(CatalogLoaderStructure, DuplicateKeyInOneObject)
{
    std::string doc = validCatalogue().dump(2);
    const std::string anchor = "\"format_version\": 1,";
    const auto at = doc.find(anchor);
    ASSERT_NE(at, std::string::npos);
    doc.insert(at + anchor.size(), "\n  \"format_version\": 1,");
    expectOnly(errorsOf(doc), Code::DuplicateKey, "$.format_version");
}

TEST(CatalogLoaderStructure, UnsupportedFormatVersion)
{
    Json doc = validCatalogue();
    doc["format_version"] = 2;
    expectOnly(errorsOf(doc), Code::UnsupportedVersion, "$.format_version");
}

// ---------------------------------------------------------------------------------------------
// Values

TEST(CatalogLoaderValues, UnknownEnumCodes)
{
    struct Case
    {
        std::string path;
        std::function<void(Json&)> mutate;
    };
    const std::vector<Case> cases{
        {"$.services[0].status",
         [](Json& d)
         {
             d["services"][0]["status"] = "actve";
         }},
        {"$.services[0].primary_area",
         [](Json& d)
         {
             d["services"][0]["primary_area"] = "15-kosmos";
             d["services"][0]["areas"] = {"12-mieszkalnictwo"};
         }},
        {"$.services[0].areas[1]",
         [](Json& d)
         {
             d["services"][0]["areas"][1] = "12-mieszkania";
         }},
        {"$.services[0].target_groups[0]",
         [](Json& d)
         {
             d["services"][0]["target_groups"][0] = "senior";
         }},
        {"$.services[1].fee.kind",
         [](Json& d)
         {
             d["services"][1]["fee"]["kind"] = "gratis";
         }},
        {"$.services[1].kiosk_action",
         [](Json& d)
         {
             d["services"][1]["kiosk_action"] = "reserve";
         }},
        {"$.equipment_types[0].category",
         [](Json& d)
         {
             d["equipment_types"][0]["category"] = "wheels";
         }},
        {"$.units[0].state",
         [](Json& d)
         {
             d["units"][0]["state"] = "lent";
         }},
    };
    for (const auto& c : cases)
    {
        Json doc = validCatalogue();
        c.mutate(doc);
        SCOPED_TRACE(c.path);
        expectOnly(errorsOf(doc), Code::UnknownCode, c.path);
    }
}

TEST(CatalogLoaderValues, EmptyRequiredPolishText)
{
    Json doc = validCatalogue();
    doc["services"][0]["summary"]["pl"] = "";
    expectOnly(errorsOf(doc), Code::EmptyText, "$.services[0].summary.pl");

    doc = validCatalogue();
    doc["services"][0]["eligibility"]["pl"] = "  \n ";
    expectOnly(errorsOf(doc), Code::EmptyText, "$.services[0].eligibility.pl");

    doc = validCatalogue();
    doc["services"][0]["capacity"] = {{"pl", ""}, {"en", "2 places"}};
    expectOnly(errorsOf(doc), Code::EmptyText, "$.services[0].capacity.pl");
}

TEST(CatalogLoaderValues, EmptyTranslationFallsBackAndIsNotAnError)
{
    Json doc = validCatalogue();
    doc["services"][0]["summary"]["uk"] = "";
    auto result = parseCatalog(doc.dump());
    ASSERT_TRUE(result.ok()) << describe(result.error());
    EXPECT_TRUE(result->services[0].summary.isFallback(domain::Language::Uk));
}

TEST(CatalogLoaderValues, OverlongTextsAreCountedInCodePoints)
{
    // 120 × "ż" is 240 bytes but exactly the 120 characters a name may have.
    Json doc = validCatalogue();
    doc["services"][0]["name"]["pl"] = repeat("ż", 120);
    EXPECT_TRUE(parseCatalog(doc.dump()).ok());

    doc["services"][0]["name"]["pl"] = repeat("ż", 121);
    expectOnly(errorsOf(doc), Code::TooLong, "$.services[0].name.pl");

    doc = validCatalogue();
    doc["services"][0]["summary"]["uk"] = repeat("ї", 401);
    expectOnly(errorsOf(doc), Code::TooLong, "$.services[0].summary.uk");

    doc = validCatalogue();
    doc["services"][0]["description"]["en"] = repeat("a", 4001);
    expectOnly(errorsOf(doc), Code::TooLong, "$.services[0].description.en");

    doc = validCatalogue();
    doc["services"][0]["tags"]["pl"][1] = repeat("x", 61);
    expectOnly(errorsOf(doc), Code::TooLong, "$.services[0].tags.pl[1]");
}

TEST(CatalogLoaderValues, BadIdPatterns)
{
    Json doc = validCatalogue();
    doc["services"][1]["id"] = "Wypozyczalnia_1";
    expectOnly(errorsOf(doc), Code::BadIdentifier, "$.services[1].id");

    doc = validCatalogue();
    doc["services"][1]["id"] = "-wypozyczalnia";
    expectOnly(errorsOf(doc), Code::BadIdentifier, "$.services[1].id");

    doc = validCatalogue();
    doc["services"][1]["id"] = repeat("a", 65);
    expectOnly(errorsOf(doc), Code::BadIdentifier, "$.services[1].id");

    doc = validCatalogue();
    doc["units"][1]["inventory_number"] = "tst-wi-002";
    expectOnly(errorsOf(doc), Code::BadIdentifier, "$.units[1].inventory_number");

    doc = validCatalogue();
    doc["emergency_numbers"][0]["number"] = "one-one-two";
    expectOnly(errorsOf(doc), Code::BadIdentifier, "$.emergency_numbers[0].number");
}

TEST(CatalogLoaderValues, DuplicateIds)
{
    Json doc = validCatalogue();
    doc["services"][1]["id"] = "mieszkanie-chronione";
    const auto errors = errorsOf(doc);
    expectOnly(errors, Code::DuplicateId, "$.services[1].id");
    EXPECT_NE(errors[0].message.find("$.services[0].id"), std::string::npos) << errors[0].message;

    doc = validCatalogue();
    doc["units"][1]["inventory_number"] = "TST-WI-001";
    expectOnly(errorsOf(doc), Code::DuplicateId, "$.units[1].inventory_number");

    doc = validCatalogue();
    doc["services"][0]["areas"].push_back("04-pomoc-spoleczna");
    expectOnly(errorsOf(doc), Code::DuplicateId, "$.services[0].areas[2]");
}

TEST(CatalogLoaderValues, ImpossibleAndMalformedDates)
{
    for (const char* bad : {"2024-02-30", "2023-02-29", "2024-13-01", "24-2-3", "2024/06/01", "2024-06-1"})
    {
        SCOPED_TRACE(bad);
        Json doc = validCatalogue();
        doc["services"][0]["valid_from"] = bad;
        expectOnly(errorsOf(doc), Code::BadDate, "$.services[0].valid_from");
    }
    Json doc = validCatalogue();
    doc["services"][0]["valid_from"] = "2024-02-29"; // a leap day is a real day
    EXPECT_TRUE(parseCatalog(doc.dump()).ok());
}

TEST(CatalogLoaderValues, ValidFromAfterValidTo)
{
    Json doc = validCatalogue();
    doc["services"][0]["valid_from"] = "2025-01-01";
    expectOnly(errorsOf(doc), Code::DateOrder, "$.services[0].valid_to");

    doc = validCatalogue();
    doc["announcements"][0]["valid_to"] = "2024-05-31";
    expectOnly(errorsOf(doc), Code::DateOrder, "$.announcements[0].valid_to");
}

TEST(CatalogLoaderValues, DanglingReferences)
{
    Json doc = validCatalogue();
    doc["services"][0]["fee"]["fee_table_id"] = "tabela-brak";
    expectOnly(errorsOf(doc), Code::DanglingReference, "$.services[0].fee.fee_table_id");

    doc = validCatalogue();
    doc["units"][1]["type_id"] = "rower";
    expectOnly(errorsOf(doc), Code::DanglingReference, "$.units[1].type_id");

    doc = validCatalogue();
    doc["services"][0]["fee"].erase("fee_table_id");
    expectOnly(errorsOf(doc), Code::MissingField, "$.services[0].fee.fee_table_id");
}

TEST(CatalogLoaderValues, FeeBandsMustAscend)
{
    Json doc = validCatalogue();
    doc["fee_tables"][0]["bands"][2]["up_to_percent"] = 150;
    expectOnly(errorsOf(doc), Code::BandsNotAscending, "$.fee_tables[0].bands[2].up_to_percent");

    doc = validCatalogue();
    doc["fee_tables"][0]["bands"][1]["up_to_percent"] = 90;
    expectOnly(errorsOf(doc), Code::BandsNotAscending, "$.fee_tables[0].bands[1].up_to_percent");

    doc = validCatalogue();
    doc["fee_tables"][0]["bands"] = Json::array();
    expectOnly(errorsOf(doc), Code::EmptyList, "$.fee_tables[0].bands");

    doc = validCatalogue();
    doc["fee_tables"][0]["bands"][1]["family_percent"] = 101;
    expectOnly(errorsOf(doc), Code::OutOfRange, "$.fee_tables[0].bands[1].family_percent");
}

TEST(CatalogLoaderValues, InvalidLoanDays)
{
    Json doc = validCatalogue();
    doc["equipment_types"][0]["default_loan_days"] = 0;
    expectOnly(errorsOf(doc), Code::BadLoanDays, "$.equipment_types[0].default_loan_days");

    doc = validCatalogue();
    doc["equipment_types"][0]["max_loan_days"] = -5;
    expectOnly(errorsOf(doc), Code::BadLoanDays, "$.equipment_types[0].max_loan_days");

    doc = validCatalogue();
    doc["equipment_types"][0]["default_loan_days"] = 91;
    expectOnly(errorsOf(doc), Code::BadLoanDays, "$.equipment_types[0].default_loan_days");

    doc = validCatalogue();
    doc["equipment_types"][0]["default_loan_days"] = 90; // equal to the maximum is fine
    EXPECT_TRUE(parseCatalog(doc.dump()).ok());
}

TEST(CatalogLoaderValues, PrimaryAreaMustBeAmongAreas)
{
    Json doc = validCatalogue();
    doc["services"][0]["primary_area"] = "06-niepelnosprawnosc";
    expectOnly(errorsOf(doc), Code::PrimaryAreaNotInAreas, "$.services[0].primary_area");

    doc = validCatalogue();
    doc["services"][0]["areas"] = Json::array();
    expectOnly(errorsOf(doc), Code::EmptyList, "$.services[0].areas");
}

TEST(CatalogLoaderValues, HugeNumbersAreOutOfRange)
{
    // Beyond 64 bits the JSON reader hands us a floating-point value; beyond int it must not wrap.
    Json doc = validCatalogue();
    std::string text = doc.dump(2);
    const std::string anchor = "\"max_loan_days\": 90";
    text.replace(text.find(anchor), anchor.size(), "\"max_loan_days\": 99999999999999999999999");
    expectOnly(errorsOf(text), Code::OutOfRange, "$.equipment_types[0].max_loan_days");

    doc["fee_tables"][0]["bands"][2]["up_to_percent"] = 4294967496LL; // would wrap to 200 as a 32-bit int
    expectOnly(errorsOf(doc), Code::OutOfRange, "$.fee_tables[0].bands[2].up_to_percent");

    doc = validCatalogue();
    doc["fee_tables"][0]["criterion_single_grosze"] = -1;
    expectOnly(errorsOf(doc), Code::OutOfRange, "$.fee_tables[0].criterion_single_grosze");

    doc = validCatalogue();
    doc["format_version"] = 18446744073709551615ULL;
    expectOnly(errorsOf(doc), Code::OutOfRange, "$.format_version");
}

// ---------------------------------------------------------------------------------------------
// Many errors at once

TEST(CatalogLoaderMany, EveryErrorOfTheFileIsReportedInOnePass)
{
    Json doc = validCatalogue();
    doc["services"][0]["status"] = "actve";
    doc["services"][0]["valid_to"] = "2024-02-30";
    doc["services"][1].erase("documents");
    doc["services"][1]["nmae"] = "x";
    doc["fee_tables"][0]["bands"][2]["up_to_percent"] = 120;
    doc["equipment_types"][0]["default_loan_days"] = 120;
    doc["units"][0]["type_id"] = "rower";
    doc["municipality"]["id"] = "Testowo";

    const auto errors = errorsOf(doc);
    const std::set<std::pair<std::string, Code>> expected{
        {"$.municipality.id", Code::BadIdentifier},
        {"$.services[0].status", Code::UnknownCode},
        {"$.services[0].valid_to", Code::BadDate},
        {"$.services[1].nmae", Code::UnknownKey},
        {"$.services[1].documents", Code::MissingField},
        {"$.fee_tables[0].bands[2].up_to_percent", Code::BandsNotAscending},
        {"$.equipment_types[0].default_loan_days", Code::BadLoanDays},
        {"$.units[0].type_id", Code::DanglingReference},
    };
    EXPECT_EQ(errors.size(), expected.size()) << describe(errors);
    EXPECT_EQ(pathsAndCodes(errors), expected) << describe(errors);
}

TEST(CatalogLoaderMany, ErrorListIsCappedWithAFinalNotice)
{
    Json doc = validCatalogue();
    for (int i = 0; i < 300; ++i)
        doc["services"].push_back(Json{{"id", "BAD"}});
    const auto errors = errorsOf(doc);
    ASSERT_EQ(errors.size(), kMaxCatalogErrors + 1);
    EXPECT_EQ(errors.back().code, Code::TooManyErrors);
}

TEST(CatalogLoaderMany, FormattedErrorNamesPathCodeAndMessage)
{
    Json doc = validCatalogue();
    doc["units"][1]["type_id"] = "rower";
    const auto errors = errorsOf(doc);
    ASSERT_EQ(errors.size(), 1u);
    const std::string line = formatCatalogError(errors[0]);
    EXPECT_EQ(line.rfind("$.units[1].type_id: dangling-reference: ", 0), 0u) << line;
    EXPECT_NE(line.find("rower"), std::string::npos) << line;
}

// ---------------------------------------------------------------------------------------------
// A valid catalogue becomes the expected domain values

TEST(CatalogLoaderValid, SmallCatalogueParsesToDomainValues)
{
    auto result = parseCatalog(validCatalogue().dump(2));
    ASSERT_TRUE(result.ok()) << describe(result.error());
    const domain::Catalog& c = *result;

    EXPECT_EQ(c.formatVersion, 1);
    EXPECT_EQ(c.municipality.id, "testowo");
    EXPECT_EQ(c.municipality.name.uk, "Гміна Тестово");
    EXPECT_EQ(c.municipality.phone, "85 000 00 00");
    EXPECT_FALSE(c.municipality.contactToBeConfirmed);
    EXPECT_TRUE(c.municipality.cusName.isFallback(domain::Language::En));

    ASSERT_EQ(c.services.size(), 2u);
    const domain::Service& mch = c.services[0];
    EXPECT_EQ(mch.id, "mieszkanie-chronione");
    EXPECT_EQ(mch.status, domain::ServiceStatus::Active);
    EXPECT_EQ(mch.primaryArea, domain::Area::Housing);
    EXPECT_EQ(mch.areas, (std::vector{domain::Area::SocialAssistance, domain::Area::Housing}));
    EXPECT_EQ(mch.targetGroups, (std::vector{domain::TargetGroup::Seniors, domain::TargetGroup::Disabilities}));
    EXPECT_EQ(mch.tags.pl, (std::vector<std::string>{"mieszkanie", "pokój"}));
    EXPECT_EQ(mch.tags.uk, (std::vector<std::string>{"житло"}));
    EXPECT_EQ(mch.fee.kind, domain::FeeKind::IncomeTable);
    EXPECT_EQ(mch.fee.feeTableId, "tabela-mch");
    EXPECT_EQ(mch.fee.text.en, "By the table.");
    EXPECT_EQ(mch.kioskAction, domain::KioskAction::Callback);
    EXPECT_TRUE(mch.toBeConfirmed);
    EXPECT_EQ(mch.capacity.pl, "2 miejsca");
    EXPECT_EQ(mch.sources, (std::vector<std::string>{"004"}));
    ASSERT_TRUE(mch.validFrom && mch.validTo);
    EXPECT_EQ(*mch.validFrom, (Date{2023, 12, 20}));
    EXPECT_EQ(*mch.validTo, (Date{2024, 12, 31}));

    const domain::Service* rental = c.findService("wypozyczalnia");
    ASSERT_NE(rental, nullptr);
    EXPECT_EQ(rental->fee.kind, domain::FeeKind::Free);
    EXPECT_TRUE(rental->fee.feeTableId.empty());
    EXPECT_EQ(rental->kioskAction, domain::KioskAction::ReserveEquipment);
    EXPECT_FALSE(rental->toBeConfirmed);
    EXPECT_FALSE(rental->validFrom.has_value());
    EXPECT_TRUE(rental->capacity.empty());

    const domain::FeeTable* table = c.findFeeTable("tabela-mch");
    ASSERT_NE(table, nullptr);
    ASSERT_EQ(table->bands.size(), 3u);
    EXPECT_EQ(table->bands[1].upToPercent, 150);
    EXPECT_EQ(table->bands[1].singlePercent, 10);
    EXPECT_EQ(table->bands[2].familyPercent, 30);
    EXPECT_EQ(table->criterionSingleGrosze, 100000);
    EXPECT_EQ(table->criterionFamilyGrosze, 82300);
    EXPECT_EQ(table->aboveLastBand.pl, "Decyzja indywidualna.");

    const domain::EquipmentType* wheelchair = c.findEquipmentType("wozek-inwalidzki");
    ASSERT_NE(wheelchair, nullptr);
    EXPECT_EQ(wheelchair->category, domain::EquipmentCategory::Mobility);
    EXPECT_EQ(wheelchair->defaultLoanDays, 30);
    EXPECT_EQ(wheelchair->maxLoanDays, 90);
    ASSERT_EQ(wheelchair->attributes.size(), 1u);
    EXPECT_EQ(wheelchair->attributes[0].key, "max-user-weight-kg");
    EXPECT_EQ(wheelchair->attributes[0].value.pl, "120 kg");
    EXPECT_EQ(wheelchair->whatToBring.uk, (std::vector<std::string>{"Посвідчення особи"}));
    EXPECT_TRUE(wheelchair->whatToBring.en.empty());

    ASSERT_EQ(c.units.size(), 2u);
    EXPECT_EQ(c.units[1].inventoryNumber, "TST-WI-002");
    EXPECT_EQ(c.units[1].state, domain::UnitState::Repair);
    EXPECT_EQ(c.units[1].notes, "Koło do wymiany");

    ASSERT_EQ(c.counsellingKinds.size(), 1u);
    EXPECT_EQ(c.counsellingKinds[0].name.en, "Psychological counselling");
    ASSERT_EQ(c.emergencyNumbers.size(), 2u);
    EXPECT_EQ(c.emergencyNumbers[1].number, "116 123");
    EXPECT_TRUE(c.emergencyNumbers[1].verifyLocally);
    ASSERT_EQ(c.announcements.size(), 1u);
    EXPECT_TRUE(c.announcements[0].visibleOn(Date{2024, 6, 15}));
    EXPECT_FALSE(c.announcements[0].visibleOn(Date{2024, 7, 1}));
}

TEST(CatalogLoaderValid, OptionalListsMayBeLeftOut)
{
    Json doc = validCatalogue();
    doc["services"][0]["fee"] = {{"kind", "unspecified"}, {"text", text("Zapytaj w CUS.")}};
    for (const char* key :
         {"fee_tables", "equipment_types", "units", "counselling_kinds", "emergency_numbers", "announcements"})
        doc.erase(key);
    auto result = parseCatalog(doc.dump());
    ASSERT_TRUE(result.ok()) << describe(result.error());
    EXPECT_TRUE(result->units.empty());
    EXPECT_EQ(result->services.size(), 2u);
}

TEST(CatalogLoaderValid, ByteOrderMarkIsTolerated)
{
    auto result = parseCatalog("\xEF\xBB\xBF" + validCatalogue().dump());
    EXPECT_TRUE(result.ok()) << describe(result.error());
}

TEST(CatalogLoaderValid, TheExampleInTheFormatDocumentIsValid)
{
    // docs/catalog-format.md is what the CUS edits by; its example must load as written.
    std::ifstream in(std::filesystem::path(OKIENKO_SOURCE_DIR) / "docs" / "catalog-format.md");
    ASSERT_TRUE(in) << "docs/catalog-format.md is missing";
    std::ostringstream content;
    content << in.rdbuf();
    const std::string doc = content.str();
    const auto section = doc.find("## Example");
    ASSERT_NE(section, std::string::npos);
    const auto open = doc.find("```json\n", section);
    ASSERT_NE(open, std::string::npos);
    const auto close = doc.find("\n```", open + 8);
    ASSERT_NE(close, std::string::npos);
    auto result = parseCatalog(doc.substr(open + 8, close - open - 8));
    ASSERT_TRUE(result.ok()) << describe(result.error());
    EXPECT_EQ(result->services.size(), 1u);
    EXPECT_EQ(result->units.size(), 1u);
}

// ---------------------------------------------------------------------------------------------
// The catalogues the project ships

namespace
{

const std::filesystem::path kCatalogDir = std::filesystem::path(OKIENKO_SOURCE_DIR) / "assets" / "catalog";

domain::Catalog loadShipped(const std::string& name)
{
    const auto path = kCatalogDir / name;
    if (!std::filesystem::exists(path))
    {
        ADD_FAILURE() << path << " is missing: the shipped catalogue must be in the repository";
        return {};
    }
    auto result = loadCatalogFile(path);
    if (!result.ok())
    {
        ADD_FAILURE() << path << " has " << result.error().size() << " errors:\n" << describe(result.error());
        return {};
    }
    return std::move(result).value();
}

void expectAllLanguages(const domain::LocalizedText& t, const std::string& what)
{
    EXPECT_FALSE(t.pl.empty()) << what << " (pl)";
    EXPECT_FALSE(t.uk.empty()) << what << " (uk)";
    EXPECT_FALSE(t.en.empty()) << what << " (en)";
}

} // namespace

TEST(ShippedCatalogues, EveryFileLoadsWithoutErrors)
{
    ASSERT_TRUE(std::filesystem::is_directory(kCatalogDir)) << kCatalogDir;
    int files = 0;
    std::set<std::string> municipalities;
    for (const auto& entry : std::filesystem::directory_iterator(kCatalogDir))
    {
        if (entry.path().extension() != ".json")
            continue;
        ++files;
        SCOPED_TRACE(entry.path().string());
        auto result = loadCatalogFile(entry.path());
        ASSERT_TRUE(result.ok()) << describe(result.error());
        EXPECT_FALSE(result->services.empty());
        EXPECT_EQ(result->municipality.id, entry.path().stem().string())
            << "a catalogue file is named after its municipality id";
        municipalities.insert(result->municipality.id);
    }
    EXPECT_GE(files, 2);
    EXPECT_TRUE(municipalities.count("lapy")) << "assets/catalog/lapy.json is missing";
    EXPECT_TRUE(municipalities.count("starachowice")) << "assets/catalog/starachowice.json is missing";
}

TEST(ShippedCatalogues, LapyHasTheFiveProgrammeServicesInThreeLanguages)
{
    const domain::Catalog c = loadShipped("lapy.json");
    ASSERT_FALSE(c.services.empty());
    EXPECT_EQ(c.municipality.id, "lapy");
    for (const char* id : {"lapy-cas", "lapy-klub-wolontariusza", "lapy-punkt-poradnictwa", "lapy-mieszkanie-chronione",
                           "lapy-wypozyczalnia"})
    {
        SCOPED_TRACE(id);
        const domain::Service* s = c.findService(id);
        ASSERT_NE(s, nullptr) << "programme service missing";
        EXPECT_EQ(s->status, domain::ServiceStatus::Active);
        expectAllLanguages(s->name, "name");
        expectAllLanguages(s->eligibility, "eligibility");
        expectAllLanguages(s->qualificationMode, "qualification_mode");
        expectAllLanguages(s->fee.text, "fee.text");
        expectAllLanguages(s->documents, "documents");
        expectAllLanguages(s->personalData, "personal_data");
    }
}

TEST(ShippedCatalogues, LapyShelteredHousingUsesTheNineBandTable)
{
    const domain::Catalog c = loadShipped("lapy.json");
    const domain::Service* s = c.findService("lapy-mieszkanie-chronione");
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(s->fee.kind, domain::FeeKind::IncomeTable);
    const domain::FeeTable* table = c.findFeeTable(s->fee.feeTableId);
    ASSERT_NE(table, nullptr) << s->fee.feeTableId;
    EXPECT_EQ(table->bands.size(), 9u);
}

TEST(ShippedCatalogues, LapyRentalReservesEquipmentThatExists)
{
    const domain::Catalog c = loadShipped("lapy.json");
    const domain::Service* s = c.findService("lapy-wypozyczalnia");
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(s->kioskAction, domain::KioskAction::ReserveEquipment);
    ASSERT_FALSE(c.equipmentTypes.empty());
    int typesWithUnits = 0;
    for (const auto& type : c.equipmentTypes)
        if (std::any_of(c.units.begin(), c.units.end(), [&](const auto& u) { return u.typeId == type.id; }))
            ++typesWithUnits;
    EXPECT_GT(typesWithUnits, 0) << "no equipment type has a unit to lend";
}

TEST(ShippedCatalogues, LapyCounsellingPointOffersTheThreeKinds)
{
    const domain::Catalog c = loadShipped("lapy.json");
    const domain::Service* s = c.findService("lapy-punkt-poradnictwa");
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(s->kioskAction, domain::KioskAction::RequestCounselling);
    std::set<std::string> kinds;
    for (const auto& k : c.counsellingKinds)
        kinds.insert(k.id);
    for (const char* kind : {"psychological", "family", "addiction"})
        EXPECT_TRUE(kinds.count(kind)) << kind;
}

TEST(ShippedCatalogues, EmergencyNumbersInclude112)
{
    for (const char* file : {"lapy.json", "starachowice.json"})
    {
        SCOPED_TRACE(file);
        const domain::Catalog c = loadShipped(file);
        EXPECT_TRUE(std::any_of(c.emergencyNumbers.begin(), c.emergencyNumbers.end(),
                                [](const auto& n) { return n.number == "112"; }));
    }
}

TEST(ShippedCatalogues, StarachowiceHasThePilotCatalogue)
{
    const domain::Catalog c = loadShipped("starachowice.json");
    EXPECT_EQ(c.municipality.id, "starachowice");
    for (const char* id :
         {"st-uslugi-opiekuncze", "st-zlota-raczka", "st-taksowka-senior", "st-mobilny-fizjoterapeuta",
          "st-mch-seniorzy", "st-mch-kryzys", "st-opieka-do-lat-3", "st-broker-pracy", "st-grupy-wsparcia",
          "st-programy-zdrowotne", "st-uslugi-kulturalne", "st-sport-rekreacja", "st-animacje"})
    {
        SCOPED_TRACE(id);
        const domain::Service* s = c.findService(id);
        ASSERT_NE(s, nullptr);
        EXPECT_EQ(s->fee.kind, domain::FeeKind::Free) << "003: free during the pilot";
        EXPECT_EQ(s->sources, (std::vector<std::string>{"003"}));
        expectAllLanguages(s->name, "name");
        expectAllLanguages(s->summary, "summary");
        expectAllLanguages(s->eligibility, "eligibility");
        expectAllLanguages(s->qualificationMode, "qualification_mode");
        expectAllLanguages(s->fee.text, "fee.text");
        expectAllLanguages(s->documents, "documents");
        expectAllLanguages(s->personalData, "personal_data");
    }
    // The seeds name no equipment and no counselling kinds for Starachowice.
    EXPECT_TRUE(c.equipmentTypes.empty());
    EXPECT_TRUE(c.counsellingKinds.empty());
}

// ---------------------------------------------------------------------------------------------
// Single entries (the panel's service and announcement forms): the rules of a file's item, all
// errors at once, paths relative to the entry.

TEST(CatalogLoaderEntry, ServiceWithSeveralMistakesReportsEachRelativeToTheService)
{
    Json s = service("mieszkanie-chronione");
    s["name"]["pl"] = "   ";
    s["summary"]["uk"] = repeat("ї", kMaxSummaryChars + 1);
    s["valid_from"] = "2024-05-10";
    s["valid_to"] = "2024-05-09";
    s["capacity"] = text("");
    s["capacity"]["en"] = "2 places";
    auto parsed = parseServiceEntry(s.dump());
    ASSERT_FALSE(parsed.ok());
    const auto found = pathsAndCodes(parsed.error());
    const std::set<std::pair<std::string, Code>> expected{{"$.name.pl", Code::EmptyText},
                                                          {"$.summary.uk", Code::TooLong},
                                                          {"$.valid_to", Code::DateOrder},
                                                          {"$.capacity.pl", Code::EmptyText}};
    EXPECT_EQ(found, expected) << describe(parsed.error());
}

TEST(CatalogLoaderEntry, ServiceEntryIsReadAsTheFileReadsItAndItsTableIsNotRequired)
{
    const Json s = service("mieszkanie-chronione");
    auto parsed = parseServiceEntry(s.dump());
    ASSERT_TRUE(parsed.ok()) << describe(parsed.error());
    Json doc = validCatalogue();
    auto whole = parseCatalog(doc.dump());
    ASSERT_TRUE(whole.ok());
    EXPECT_EQ(*parsed, whole->services.front());
    // A reference must still have the form of an id.
    Json badRef = s;
    badRef["fee"]["fee_table_id"] = "Tabela MCH";
    auto refused = parseServiceEntry(badRef.dump());
    ASSERT_FALSE(refused.ok());
    expectOnly(refused.error(), Code::BadIdentifier, "$.fee.fee_table_id");
}

TEST(CatalogLoaderEntry, ServiceEntryRefusesNonObjectsUnknownKeysAndBrokenText)
{
    auto array = parseServiceEntry("[]");
    ASSERT_FALSE(array.ok());
    expectOnly(array.error(), Code::WrongType, "$");
    Json typo = service("mieszkanie-chronione");
    typo["nmae"] = text("x");
    auto unknown = parseServiceEntry(typo.dump());
    ASSERT_FALSE(unknown.ok());
    expectOnly(unknown.error(), Code::UnknownKey, "$.nmae");
    auto truncated = parseServiceEntry("{\"id\": \"x\"");
    ASSERT_FALSE(truncated.ok());
    EXPECT_EQ(truncated.error().front().code, Code::MalformedJson);
}

TEST(CatalogLoaderEntry, AnnouncementEntryChecksPolishTitleAndDates)
{
    const Json good{{"id", "piknik"}, {"title", text("Piknik")}, {"body", text("Zapraszamy.", "Запрошуємо.")}};
    auto parsed = parseAnnouncementEntry(good.dump());
    ASSERT_TRUE(parsed.ok()) << describe(parsed.error());
    EXPECT_EQ(parsed->body.uk, "Запрошуємо.");
    Json bad = good;
    bad["title"] = text("", "Пікнік");
    bad["valid_from"] = "2024-02-30";
    auto refused = parseAnnouncementEntry(bad.dump());
    ASSERT_FALSE(refused.ok());
    const std::set<std::pair<std::string, Code>> expected{{"$.title.pl", Code::EmptyText},
                                                          {"$.valid_from", Code::BadDate}};
    EXPECT_EQ(pathsAndCodes(refused.error()), expected) << describe(refused.error());
}
