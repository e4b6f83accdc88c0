// The public form of a partner institution (/public/{lang}/partner): the institution's registration
// (name, kind, address, its phone and/or e-mail, website, a short profile, the contact person,
// consent) with a proposed service of the §8 fields, or a proposed change to a service of the
// catalogue. Its spam defence reuses the contact form's signed fill-time token and honeypot
// (contact_form.hpp), adds a question in the page's language whose answer the server checks (chosen
// by the token, so the server keeps no state), and a per-address limit (PartnerDesk). Everything
// lands in the coordinators' review queue (PartnerStore); nothing is published here.
#pragma once

#include "server/public/contact_form.hpp"
#include "server/store/partner_views.hpp"
#include "shared/domain/catalog.hpp"
#include "shared/domain/language.hpp"
#include "shared/util/result.hpp"

#include <map>
#include <string>
#include <vector>

namespace okienko::server::pub
{

/// The form's fields as sent (or as a page shows them again after a refusal).
struct PartnerInput
{
    std::map<std::string, std::string> fields; ///< every field by its name
    bool has(const std::string& name) const;
    std::string get(const std::string& name) const;
};

/// One field's problem, as the contact form's.
using PartnerFieldError = ContactFieldError;

/// The question of the form shown with `token`, in `lang`.
std::string challengeQuestion(const std::string& token, domain::Language lang);
/// True when `answer` is the number the question of `token` asks for.
bool challengeAnswered(const std::string& token, const std::string& answer);

/// Checks the institution's profile fields (names "inst_name", "kind", "address", "phone", "email",
/// "homepage", "profile", "contact_name", "contact_public", "consent" when `needConsent`), all
/// problems at once, in `lang`; the profile's text in `lang`.
Result<InstitutionProfile, std::vector<PartnerFieldError>> validateProfile(const PartnerInput& input,
                                                                           domain::Language lang, bool needConsent);

/// Checks the whole public form and makes the registration: the proposal ("proposal": none, new or
/// update) with its texts in `lang` ("svc.<key>"), areas ("area.<code>"), groups ("group.<code>")
/// and fee kind ("fee_kind"); an update starts from the catalogue's entry of "service".
Result<PartnerRegistration, std::vector<PartnerFieldError>>
validateRegistration(const PartnerInput& input, const domain::Catalog& catalog, domain::Language lang);

/// The form's service fields filled from a catalogue service in `lang` (for a proposed update).
void fillFromService(PartnerInput& input, const domain::Service& service, domain::Language lang);

} // namespace okienko::server::pub
