// The contact form's checks and its write into the callback queue.
#include "server/public/contact_form.hpp"

#include "server/public/public_texts.hpp"
#include "server/store/site_scope.hpp"
#include "shared/db/query.hpp"
#include "shared/domain/codes.hpp"
#include "shared/rules/callback_dedup.hpp"
#include "shared/rules/reference_code.hpp"
#include "shared/util/uuid.hpp"
#include "shared/validate/free_text.hpp"
#include "shared/validate/person_name.hpp"
#include "shared/validate/phone.hpp"

#include <sodium.h>

namespace okienko::server::pub
{

namespace
{
constexpr std::int64_t kTokenLifetimeSeconds = 2 * 60 * 60;
constexpr std::size_t kTopicMaxCodePoints = 500;

std::string hex(const unsigned char* data, std::size_t size)
{
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < size; ++i)
    {
        out.push_back(digits[data[i] >> 4]);
        out.push_back(digits[data[i] & 15]);
    }
    return out;
}

/// The message of a validator's key with its limits filled in.
std::string validatorMessage(domain::Language lang, std::string_view key, std::size_t min, std::size_t max)
{
    return word(lang, key, {{"min", std::to_string(min)}, {"max", std::to_string(max)}});
}

/// The dedup key of a request: the phone number's (as the kiosks'), else the e-mail address's.
std::string contactKey(const ValidContact& c)
{
    return c.phone.empty() ? "email:" + c.email : rules::callbackPhoneKey(c.phone);
}

Date nextWorkingDay(Date today)
{
    Date d = today.plusDays(1);
    while (d.weekday() >= 5)
        d = d.plusDays(1);
    return d;
}

domain::CallbackRequest readOpen(db::Row& row)
{
    domain::CallbackRequest c;
    c.id = row.text();
    c.code = row.text();
    c.phone = row.text();
    c.topicServiceId = row.text();
    c.equipmentTypeId = row.text();
    c.firstName = row.text();
    c.language = domain::parseLanguage(row.text()).value_or(domain::Language::Pl);
    c.createdAt = row.int64();
    c.status = domain::RequestStatus::Received;
    return c;
}
} // namespace

FormTokens::FormTokens()
{
    if (sodium_init() < 0)
        std::abort(); // no CSPRNG: a token could be forged
    randombytes_buf(m_key.data(), m_key.size());
}

std::string FormTokens::mac(const std::string& issuedAt) const
{
    const std::string message = "okienko-contact-form|" + issuedAt;
    std::array<unsigned char, crypto_auth_hmacsha256_BYTES> out{};
    crypto_auth_hmacsha256(out.data(), reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                           m_key.data());
    return hex(out.data(), out.size());
}

std::string FormTokens::issue(std::int64_t now) const
{
    const std::string issuedAt = std::to_string(now);
    return issuedAt + "." + mac(issuedAt);
}

FormTokens::Check FormTokens::check(const std::string& token, std::int64_t now, int minSeconds) const
{
    const auto dot = token.find('.');
    if (dot == std::string::npos || dot == 0 || dot > 12 || token.size() > 100)
        return Check::Forged;
    const std::string issuedAt = token.substr(0, dot);
    if (issuedAt.find_first_not_of("0123456789") != std::string::npos)
        return Check::Forged;
    const std::string expected = mac(issuedAt);
    const std::string given = token.substr(dot + 1);
    if (given.size() != expected.size() || sodium_memcmp(given.data(), expected.data(), expected.size()) != 0)
        return Check::Forged;
    const std::int64_t age = now - std::stoll(issuedAt);
    if (age < minSeconds)
        return Check::TooFast;
    if (age > kTokenLifetimeSeconds)
        return Check::Expired;
    return Check::Ok;
}

bool plausibleEmail(const std::string& email)
{
    const auto at = email.find('@');
    if (email.size() > 254 || at == std::string::npos || at == 0 || at > 64 ||
        email.find('@', at + 1) != std::string::npos)
        return false;
    for (char c : email)
        if (static_cast<unsigned char>(c) <= ' ' || c == 0x7F ||
            std::string_view("<>()[],;:\"\\").find(c) != std::string_view::npos)
            return false;
    const std::string domain = email.substr(at + 1);
    const auto dot = domain.rfind('.');
    return dot != std::string::npos && dot > 0 && dot + 2 <= domain.size() && domain.front() != '.' &&
           domain.find("..") == std::string::npos;
}

Result<ValidContact, std::vector<ContactFieldError>>
validateContact(const ContactInput& input, const domain::Catalog& catalog, domain::Language lang)
{
    std::vector<ContactFieldError> errors;
    ValidContact v;
    if (auto name = validate::validatePersonName(input.name); name)
        v.firstName = name.value();
    else
        errors.push_back(
            {"name", validatorMessage(lang, validate::messageKey(name.error()), validate::kDefaultNameMinCodePoints,
                                      validate::kDefaultNameMaxCodePoints)});
    const bool phoneGiven = input.phone.find_first_not_of(' ') != std::string::npos;
    const bool emailGiven = input.email.find_first_not_of(' ') != std::string::npos;
    if (!phoneGiven && !emailGiven)
        errors.push_back({"phone", word(lang, "pub.contact.error.reach")});
    if (phoneGiven)
    {
        if (auto phone = validate::normalisePhone(input.phone); phone)
            v.phone = phone.value();
        else
            errors.push_back({"phone", word(lang, validate::messageKey(phone.error()))});
    }
    if (emailGiven)
    {
        std::string email = input.email.substr(input.email.find_first_not_of(' '));
        email.erase(email.find_last_not_of(' ') + 1);
        if (!plausibleEmail(email))
            errors.push_back({"email", word(lang, "pub.contact.error.email")});
        else
        {
            // The domain part is case-insensitive; lower-cased it also deduplicates.
            for (std::size_t i = email.find('@'); i < email.size(); ++i)
                if (email[i] >= 'A' && email[i] <= 'Z')
                    email[i] = static_cast<char>(email[i] - 'A' + 'a');
            v.email = email;
        }
    }
    if (auto topic = validate::validateFreeText(input.topic, 3, kTopicMaxCodePoints); topic)
        v.message = topic.value();
    else
        errors.push_back(
            {"topic", validatorMessage(lang, validate::messageKey(topic.error().error), 3, kTopicMaxCodePoints)});
    if (!input.serviceId.empty() && catalog.findService(input.serviceId) == nullptr)
        errors.push_back({"service", word(lang, "pub.contact.error.service")});
    v.serviceId = input.serviceId;
    v.afternoon = input.dayPart == "afternoon";
    if (!input.consent)
        errors.push_back({"consent", word(lang, "pub.contact.error.consent")});
    if (!errors.empty())
        return makeErr(std::move(errors));
    return v;
}

Result<StoredContact, db::Error> storeContact(ServerStore& store, const std::string& site, const ValidContact& contact,
                                              domain::Language lang, const Now& now)
{
    StoredContact stored;
    auto written = store.write(
        [&](db::Database& d) -> Status<db::Error>
        {
            // The row the web form's requests name (kiosk_id is required), one per site, added by the
            // site's first request: its requests are the site's (decision 0015).
            const bool main = site == kDefaultSite;
            if (auto added = db::exec(d,
                                      "INSERT INTO kiosks(name, token_hash, active, created_at, kind, site_id) "
                                      "SELECT ?, ?, 0, ?, 'web', ? WHERE NOT EXISTS (SELECT 1 FROM kiosks WHERE kind = "
                                      "'web' AND site_id = ?)",
                                      main ? std::string("(formularz WWW)") : "(formularz WWW: " + site + ")",
                                      main ? std::string("web contact form: no token")
                                           : "web contact form of " + site + ": no token",
                                      now.unix, site, site);
                !added)
                return added;
            auto webKiosk = db::queryInt64(d, "SELECT id FROM kiosks WHERE kind = 'web' AND site_id = ?", site);
            if (!webKiosk)
                return makeErr(webKiosk.error());
            if (!webKiosk->has_value())
                return makeErr(db::notFound("contact form", "the web form's row of kiosks (migration 12)"));
            const std::int64_t kioskId = **webKiosk;
            const std::string key = contactKey(contact);

            domain::CallbackRequest incoming;
            incoming.id = newUuid();
            incoming.phone = contact.phone;
            incoming.day = nextWorkingDay(now.today);
            incoming.dayPart = contact.afternoon ? domain::DayPart::Afternoon : domain::DayPart::Morning;
            incoming.topicServiceId = contact.serviceId;
            incoming.firstName = contact.firstName;
            incoming.language = lang;
            incoming.status = domain::RequestStatus::Received;
            incoming.createdAt = now.unix;

            std::vector<domain::CallbackRequest> open;
            if (auto read = db::forEachRow(
                    d,
                    "SELECT id, code, phone, topic_service_id, equipment_type_id, first_name, language, created_at "
                    "FROM callback_requests WHERE phone_key = ? AND status NOT IN ('done', 'closed', 'cancelled') "
                    "AND site_id = ?",
                    [&](db::Row& row) { open.push_back(readOpen(row)); }, key, site);
                !read)
                return read;
            if (contact.phone.empty())
            {
                // The query chose the open requests with this e-mail address; the rule compares phone
                // numbers, so all of them (and the new one) get the same stand-in number for it.
                incoming.phone = "0";
                for (auto& candidate : open)
                    candidate.phone = "0";
            }
            const auto merge = rules::mergeCallbackRequest(open, incoming);
            const domain::CallbackRequest& kept = merge.request;
            stored.merged = merge.outcome == rules::CallbackMergeOutcome::Updated;
            if (stored.merged)
            {
                stored.code = kept.code;
                return db::exec(d,
                                "UPDATE callback_requests SET day = ?, day_part = ?, topic_service_id = ?, "
                                "first_name = ?, language = ?, message = ?, email = CASE WHEN ? = '' THEN email "
                                "ELSE ? END WHERE id = ?",
                                kept.day.iso(), domain::toCode(kept.dayPart), kept.topicServiceId, kept.firstName,
                                domain::languageCode(kept.language), contact.message, contact.email, contact.email,
                                kept.id);
            }
            Status<db::Error> lookup;
            auto code = rules::newReferenceCode(rules::ReferenceKind::Callback, "formularz-www",
                                                [&](std::string_view candidate)
                                                {
                                                    auto taken =
                                                        db::exists(d, "SELECT 1 FROM callback_requests WHERE code = ?",
                                                                   std::string(candidate));
                                                    if (!taken)
                                                        lookup = makeErr(taken.error());
                                                    return !taken || *taken;
                                                });
            if (!lookup)
                return lookup;
            if (!code)
                return makeErr(db::makeError(db::ErrorKind::Misuse, "no free reference code", "contact form"));
            stored.code = code.value();
            return db::exec(d,
                            "INSERT INTO callback_requests(id, code, phone, phone_key, day, day_part, "
                            "topic_service_id, equipment_type_id, first_name, status, failed_attempts, language, "
                            "kiosk_id, created_at, received_at, email, message) "
                            "VALUES (?,?,?,?,?,?,?,'',?,'received',0,?,?,?,?,?,?)",
                            incoming.id, stored.code, contact.phone, key, incoming.day.iso(),
                            domain::toCode(incoming.dayPart), contact.serviceId, contact.firstName,
                            domain::languageCode(lang), kioskId, now.unix, now.unix, contact.email, contact.message);
        });
    if (!written)
        return makeErr(written.error());
    return stored;
}

} // namespace okienko::server::pub
