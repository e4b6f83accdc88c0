// The public pages' contact form to the coordinator: its spam defence without third parties (a
// signed token saying when the form was shown — refused when sent sooner than a person fills it in,
// older than two hours or forged — and a honeypot field), the validation of each field with a
// precise reason in the page's language, and the write into the kiosks' callback queue
// (callback_requests, the one-open-request-per-contact rule of shared/rules/callback_dedup, the same
// retention), marked as coming from the web form. Nothing here logs what a resident typed.
#pragma once

#include "server/server_store.hpp"
#include "shared/db/error.hpp"
#include "shared/domain/catalog.hpp"
#include "shared/domain/language.hpp"
#include "shared/util/result.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace okienko::server::pub
{

/// Issues and checks the form's signed token ("<unix seconds>.<HMAC>"). The key is random per
/// process: a restart only makes open forms ask to be sent again.
class FormTokens
{
  public:
    FormTokens();

    std::string issue(std::int64_t now) const;

    enum class Check
    {
        Ok,
        Forged,  ///< missing, malformed or not signed by this server
        TooFast, ///< sent sooner than the minimum fill time
        Expired, ///< shown more than two hours ago
    };
    Check check(const std::string& token, std::int64_t now, int minSeconds) const;

  private:
    std::string mac(const std::string& issuedAt) const;
    std::array<unsigned char, 32> m_key{};
};

/// The form's fields as sent.
struct ContactInput
{
    std::string name;
    std::string phone;
    std::string email;
    std::string topic;
    std::string serviceId; ///< "" for "something else"
    std::string dayPart;   ///< "morning" or "afternoon"
    bool consent = false;
    std::string honeypot; ///< must stay empty
};

/// One field's problem: the field's name (for the link and aria-describedby) and the message.
struct ContactFieldError
{
    std::string field;
    std::string message;
};

struct ValidContact
{
    std::string firstName;
    std::string phone; ///< 9 digits, or "" when only an e-mail was given
    std::string email; ///< lower-case domain, or ""
    std::string message;
    std::string serviceId;
    bool afternoon = false;
};

/// Checks every field; all problems at once, in the form's order, in `lang`.
Result<ValidContact, std::vector<ContactFieldError>>
validateContact(const ContactInput& input, const domain::Catalog& catalog, domain::Language lang);

/// A plausible e-mail address: one '@', a local part and a domain with a dot, no spaces or control
/// characters, at most 254 bytes.
bool plausibleEmail(const std::string& email);

struct StoredContact
{
    std::string code;    ///< the callback request's reference code
    bool merged = false; ///< an open request for the same phone or e-mail was updated instead
};

/// Writes the request into callback_requests (one FULL transaction): for the next working day,
/// deduplicated against the open requests with the same phone number (or e-mail address when no
/// phone was given).
Result<StoredContact, db::Error> storeContact(ServerStore& store, const std::string& site, const ValidContact& contact,
                                              domain::Language lang, const Now& now);

} // namespace okienko::server::pub
