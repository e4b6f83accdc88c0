// The partner institutions' public pages (/public/{lang}/…): the form to register an institution and
// propose a service or a change (partner), its thank-you page (partner/sent), the list of approved
// institutions (institutions) and one institution's profile with its published services
// (institution/{id}). No contact person is shown unless the institution marked it public. Built with
// the panel's Html, which escapes every runtime value; no script.
#pragma once

#include "server/public/partner_form.hpp"
#include "server/public/public_catalog.hpp"
#include "server/public/public_pages.hpp"
#include "server/store/partner_views.hpp"

#include <string>
#include <vector>

namespace okienko::server::pub
{

/// The form, refilled after a refusal with its `errors` (or a general `problem`).
struct PartnerFormState
{
    PartnerInput input;
    std::vector<PartnerFieldError> errors;
    std::string problem;
    std::string token;
};
Html partnerFormPage(const CatalogSnapshot& snapshot, domain::Language lang, const PartnerFormState& state);
Html partnerSentPage(domain::Language lang, const std::string& code);
Html institutionsPage(const std::vector<Institution>& institutions, domain::Language lang);
Html institutionPage(const Institution& institution, const CatalogSnapshot& snapshot, domain::Language lang);

/// The institution's published services, in the catalogue's order.
std::vector<const domain::Service*> publishedServices(const Institution& institution, const CatalogSnapshot& snapshot);

} // namespace okienko::server::pub
