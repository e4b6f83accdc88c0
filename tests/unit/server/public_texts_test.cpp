// The public pages' words and the contact form's checks without a server: the kiosk's words copied
// into the server still equal assets/i18n/*.po, both word lists are sorted (looked up by binary
// search), the Ukrainian texts say "ЦСП", the form's token refuses forgeries, haste and old age, and
// each field's problem comes with its precise message in the page's language; the per-address rate
// limiter forgets only buckets that have refilled.
#include "server/public/contact_form.hpp"
#include "server/public/public_texts.hpp"
#include "server/rate_limiter.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <map>
#include <set>
#include <string>

using namespace okienko;
using namespace okienko::server::pub;

namespace
{
/// msgid → msgstr of a .po file (single-line entries, as ours are).
std::map<std::string, std::string> readPo(const std::string& lang)
{
    const std::string text = test::readFile(std::string(OKIENKO_SOURCE_DIR) + "/assets/i18n/" + lang + ".po");
    std::map<std::string, std::string> out;
    std::string id;
    std::size_t start = 0;
    while (start < text.size())
    {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        const std::string line = text.substr(start, end - start);
        auto quoted = [&](std::size_t from)
        {
            return line.substr(from + 1, line.size() - from - 2);
        };
        if (line.rfind("msgid \"", 0) == 0)
            id = quoted(6);
        else if (line.rfind("msgstr \"", 0) == 0)
            out[id] = quoted(7);
        start = end + 1;
    }
    return out;
}

const ContactInput kGood{"Anna", "600 123 456", "", "Pytanie o wózek", "", "morning", true, ""};
} // namespace

TEST(PublicTexts, TheKiosksWordsEqualTheKiosksTranslations)
{
    const auto pl = readPo("pl");
    const auto uk = readPo("uk");
    const auto en = readPo("en");
    ASSERT_GT(kioskWords().entries().size(), 90U);
    for (const TextEntry& e : kioskWords().entries())
    {
        const std::string key(e.key);
        ASSERT_EQ(pl.count(key), 1U) << key;
        EXPECT_EQ(pl.at(key), e.pl) << key;
        EXPECT_EQ(uk.at(key), e.uk) << key;
        EXPECT_EQ(en.at(key), e.en) << key;
    }
}

TEST(PublicTexts, EveryTableIsSortedEveryTextIsTranslatedAndUkrainianSaysTsSP)
{
    std::set<std::string_view> keys;
    for (const WordTable* table : wordTables())
        for (std::size_t i = 0; i < table->entries().size(); ++i)
        {
            if (i > 0)
            {
                EXPECT_LT(table->entries()[i - 1].key, table->entries()[i].key);
            }
            // A key in two tables would make one of them unreachable.
            EXPECT_TRUE(keys.insert(table->entries()[i].key).second) << table->entries()[i].key;
        }
    std::vector<TextEntry> own = publicWords().entries();
    own.insert(own.end(), partnerWords().entries().begin(), partnerWords().entries().end());
    for (const TextEntry& e : own)
    {
        EXPECT_FALSE(e.pl.empty() || e.uk.empty() || e.en.empty()) << e.key;
        EXPECT_EQ(e.uk.find("CUS"), std::string_view::npos) << e.key;
        // The same placeholders in every language.
        for (std::string_view text : {e.uk, e.en})
            EXPECT_EQ(text.find('{') == std::string_view::npos, e.pl.find('{') == std::string_view::npos) << e.key;
    }
    EXPECT_EQ(word(domain::Language::Uk, "pub.contact.title"), "Зв’язок з координатором");
    EXPECT_EQ(word(domain::Language::En, "catalog.results", {{"count", "3"}}), "Services found: 3");
    EXPECT_EQ(word(domain::Language::Pl, "pub.no-such-key"), "pub.no-such-key");
}

TEST(ContactForm, TheTokenRefusesForgeriesHasteAndOldAge)
{
    FormTokens tokens;
    const std::string token = tokens.issue(1000);
    EXPECT_EQ(tokens.check(token, 1003, 3), FormTokens::Check::Ok);
    EXPECT_EQ(tokens.check(token, 1002, 3), FormTokens::Check::TooFast);
    EXPECT_EQ(tokens.check(token, 1000 + 2 * 3600 + 1, 3), FormTokens::Check::Expired);
    std::string altered = token;
    altered[0] = '2'; // another time under the same signature
    EXPECT_EQ(tokens.check(altered, 5000, 3), FormTokens::Check::Forged);
    EXPECT_EQ(tokens.check("", 1003, 3), FormTokens::Check::Forged);
    EXPECT_EQ(tokens.check("1000.zz", 1003, 3), FormTokens::Check::Forged);
    // Another server (another key) never accepts it.
    EXPECT_EQ(FormTokens().check(token, 1003, 3), FormTokens::Check::Forged);
}

TEST(ContactForm, EachFieldsProblemIsNamedInThePagesLanguage)
{
    const domain::Catalog empty;
    auto ok = validateContact(kGood, empty, domain::Language::Pl);
    ASSERT_TRUE(ok.ok());
    EXPECT_EQ(ok->phone, "600123456");
    EXPECT_FALSE(ok->afternoon);

    ContactInput bad = kGood;
    bad.name = "";
    bad.phone = "";
    bad.email = "";
    bad.topic = "";
    bad.consent = false;
    bad.serviceId = "no-such-service";
    auto errors = validateContact(bad, empty, domain::Language::En);
    ASSERT_FALSE(errors.ok());
    std::map<std::string, std::string> byField;
    for (const auto& e : errors.error())
        byField[e.field] = e.message;
    EXPECT_EQ(byField["name"], "Please fill in this field.");
    EXPECT_EQ(byField["phone"], "Give a phone number or an e-mail address — one is enough.");
    EXPECT_EQ(byField["topic"], "Please write something.");
    EXPECT_EQ(byField["service"], "Choose a service from the list or “Something else”.");
    EXPECT_EQ(byField["consent"], "Tick the consent so that we can contact you.");

    ContactInput mail = kGood;
    mail.phone = "";
    mail.email = " Ola@Przyklad.PL ";
    auto lowered = validateContact(mail, empty, domain::Language::Uk);
    ASSERT_TRUE(lowered.ok());
    EXPECT_EQ(lowered->email, "Ola@przyklad.pl");
    mail.email = "ola@przyklad";
    auto refused = validateContact(mail, empty, domain::Language::Uk);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().front().message,
              "Адреса електронної пошти неправильна. Введіть її у форматі ім’я@домен.pl.");
    ContactInput phone = kGood;
    phone.phone = "0600 123 456";
    auto leading = validateContact(phone, empty, domain::Language::Pl);
    ASSERT_FALSE(leading.ok());
    EXPECT_EQ(leading.error().front().message,
              "Polski numer telefonu nie zaczyna się od 0. Wpisz 9 cyfr bez zera na początku.");
}

TEST(ContactForm, PlausibleEmails)
{
    for (const char* good : {"a@b.pl", "jan.kowalski@gmina.lapy.pl", "x+y@example.com"})
        EXPECT_TRUE(plausibleEmail(good)) << good;
    for (const char* bad :
         {"", "a", "a@", "@b.pl", "a@b", "a@.pl", "a@b.", "a b@c.pl", "a@b@c.pl", "a<b@c.pl", "a@b..pl"})
        EXPECT_FALSE(plausibleEmail(bad)) << bad;
}

TEST(PublicRateLimit, ManyAddressesArePrunedButAnExhaustedOneStaysLimited)
{
    server::RateLimiter limiter(1.0, 2.0);
    EXPECT_FALSE(limiter.take(-1, 0.0));
    EXPECT_FALSE(limiter.take(-1, 0.0));
    EXPECT_EQ(limiter.take(-1, 0.0), 1);
    // Far more addresses than the pruning threshold, each seen once: pruning passes run…
    for (std::int64_t key = 0; key < static_cast<std::int64_t>(2 * server::RateLimiter::kPruneAbove); ++key)
        EXPECT_FALSE(limiter.take(key, 0.5));
    // …and never forgets a bucket that is still empty.
    EXPECT_EQ(limiter.take(-1, 0.5), 1);
    EXPECT_FALSE(limiter.take(-1, 1.5));
}
