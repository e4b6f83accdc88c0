// Message keys are what the kiosk translates: each must be unique and stable, and
// docs/validation-messages.md (which translators copy into the .po files) must hold a Polish,
// Ukrainian and English text for every key and no key that no longer exists.
#include "shared/validate/free_text.hpp"
#include "shared/validate/message_keys.hpp"
#include "shared/validate/person_name.hpp"
#include "shared/validate/pesel.hpp"
#include "shared/validate/phone.hpp"
#include "shared/validate/postal_code.hpp"
#include "shared/validate/staff_pin.hpp"

#include <algorithm>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace okienko::validate;

namespace
{

struct Row
{
    std::string pl;
    std::string uk;
    std::string en;
};

std::string trim(const std::string& s)
{
    const auto b = s.find_first_not_of(' ');
    if (b == std::string::npos)
        return "";
    return s.substr(b, s.find_last_not_of(' ') - b + 1);
}

// Rows of the form "| `validate.x.y` | pl | uk | en |", keyed by the key.
std::map<std::string, Row> readDocRows(int& duplicates)
{
    std::ifstream in(std::string(OKIENKO_SOURCE_DIR) + "/docs/validation-messages.md");
    EXPECT_TRUE(in.good()) << "docs/validation-messages.md is missing";
    std::map<std::string, Row> rows;
    duplicates = 0;
    std::string line;
    while (std::getline(in, line))
    {
        if (!line.starts_with("| `validate."))
            continue;
        std::vector<std::string> cells;
        std::stringstream ss(line.substr(1));
        std::string cell;
        while (std::getline(ss, cell, '|'))
            cells.push_back(trim(cell));
        EXPECT_EQ(cells.size(), 4u) << line;
        if (cells.size() < 4)
            continue;
        const std::string key = cells[0].substr(1, cells[0].size() - 2);
        if (rows.contains(key))
            ++duplicates;
        rows[key] = Row{cells[1], cells[2], cells[3]};
    }
    return rows;
}

std::set<std::string> placeholders(const std::string& text)
{
    std::set<std::string> out;
    std::size_t pos = 0;
    while ((pos = text.find('{', pos)) != std::string::npos)
    {
        const auto end = text.find('}', pos);
        if (end == std::string::npos)
            break;
        out.insert(text.substr(pos, end - pos + 1));
        pos = end;
    }
    return out;
}

} // namespace

TEST(MessageKeys, OutOfRangeCodeGetsTheFallbackKey)
{
    EXPECT_EQ(messageKey(static_cast<PeselError>(99)), kUnknownMessageKey);
    EXPECT_EQ(messageKey(static_cast<PhoneError>(99)), kUnknownMessageKey);
    EXPECT_EQ(messageKey(static_cast<PostalCodeError>(99)), kUnknownMessageKey);
    EXPECT_EQ(messageKey(static_cast<PersonNameError>(99)), kUnknownMessageKey);
    EXPECT_EQ(messageKey(static_cast<FreeTextError>(99)), kUnknownMessageKey);
}

TEST(MessageKeys, EveryCodeHasItsOwnKeyUnderItsValidator)
{
    const auto keys = allMessageKeys();
    const std::set<std::string_view> unique(keys.begin(), keys.end());
    EXPECT_EQ(unique.size(), keys.size()) << "two codes share a key";
    EXPECT_EQ(keys.size(), kAllPeselErrors.size() + kAllPhoneErrors.size() + kAllPostalCodeErrors.size() +
                               kAllPersonNameErrors.size() + kAllFreeTextErrors.size() + kAllStaffPinErrors.size() + 1);
    for (const auto e : kAllPeselErrors)
        EXPECT_TRUE(messageKey(e).starts_with("validate.pesel.")) << messageKey(e);
    for (const auto e : kAllPhoneErrors)
        EXPECT_TRUE(messageKey(e).starts_with("validate.phone.")) << messageKey(e);
    for (const auto e : kAllPostalCodeErrors)
        EXPECT_TRUE(messageKey(e).starts_with("validate.postal_code.")) << messageKey(e);
    for (const auto e : kAllPersonNameErrors)
        EXPECT_TRUE(messageKey(e).starts_with("validate.name.")) << messageKey(e);
    for (const auto e : kAllFreeTextErrors)
        EXPECT_TRUE(messageKey(e).starts_with("validate.text.")) << messageKey(e);
    for (const auto e : kAllStaffPinErrors)
        EXPECT_TRUE(messageKey(e).starts_with("validate.staff_pin.")) << messageKey(e);
}

TEST(MessageKeys, DocumentTranslatesEveryKeyInThreeLanguages)
{
    int duplicates = 0;
    const auto rows = readDocRows(duplicates);
    EXPECT_EQ(duplicates, 0);
    for (const auto key : allMessageKeys())
    {
        const auto it = rows.find(std::string(key));
        ASSERT_NE(it, rows.end()) << key << " has no row in docs/validation-messages.md";
        const Row& row = it->second;
        EXPECT_FALSE(row.pl.empty()) << key;
        EXPECT_FALSE(row.uk.empty()) << key;
        EXPECT_FALSE(row.en.empty()) << key;
        EXPECT_EQ(placeholders(row.uk), placeholders(row.pl)) << key;
        EXPECT_EQ(placeholders(row.en), placeholders(row.pl)) << key;
    }
}

TEST(MessageKeys, DocumentHasNoStaleKeys)
{
    int duplicates = 0;
    const auto rows = readDocRows(duplicates);
    const auto keys = allMessageKeys();
    for (const auto& [key, row] : rows)
        EXPECT_NE(std::find(keys.begin(), keys.end(), key), keys.end()) << key << " is documented but not produced";
}

TEST(MessageKeys, LengthMessagesNameTheLimit)
{
    int duplicates = 0;
    const auto rows = readDocRows(duplicates);
    for (const char* key : {"validate.name.too_short", "validate.text.too_short"})
        EXPECT_EQ(placeholders(rows.at(key).pl), std::set<std::string>{"{min}"}) << key;
    for (const char* key : {"validate.name.too_long", "validate.text.too_long"})
        EXPECT_EQ(placeholders(rows.at(key).pl), std::set<std::string>{"{max}"}) << key;
    // A PIN's length is a range, whichever side was missed: both limits in both messages.
    for (const char* key : {"validate.staff_pin.too_short", "validate.staff_pin.too_long"})
        EXPECT_EQ(placeholders(rows.at(key).pl), (std::set<std::string>{"{min}", "{max}"})) << key;
}
