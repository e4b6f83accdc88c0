// The public catalogue's HTML pages (/public/{pl,uk,en}/…): home with the 14 areas and the target
// groups, an area's and a group's services, search, a service page with every field of the
// catalogue a resident reads, the fee calculator (a GET form, no script), the contact form and the
// page frame (skip link, landmarks, the language switch, the centre's contact details, a print
// stylesheet). Built with the panel's Html, which escapes every runtime value; internal_note is
// never read. A text shown in Polish on a Ukrainian or English page carries lang="pl".
#pragma once

#include "server/panel/html_builder.hpp"
#include "server/public/contact_form.hpp"
#include "server/public/public_catalog.hpp"
#include "shared/domain/language.hpp"

#include <map>
#include <string>
#include <vector>

namespace okienko::server::pub
{

using panel::Html;

/// What every page needs besides its body.
struct PageFrame
{
    domain::Language lang = domain::Language::Pl;
    std::string title;
    /// The page's path after "/public/{lang}/" and its query ("search?q=w%C3%B3zek"), for the
    /// language switch.
    std::string pathInLanguage;
    /// Where the site's pages start (CatalogSnapshot::base).
    std::string base = "/public/";
};

/// The whole document.
std::string renderDocument(const PageFrame& frame, const domain::Municipality& centre, const Html& main);

Html homePage(const CatalogSnapshot& snapshot, domain::Language lang);
/// nullopt for an unknown code.
std::optional<Html> areaPage(const CatalogSnapshot& snapshot, domain::Language lang, const std::string& code,
                             std::string& title);
std::optional<Html> groupPage(const CatalogSnapshot& snapshot, domain::Language lang, const std::string& code,
                              std::string& title);
Html searchPage(const CatalogSnapshot& snapshot, domain::Language lang, const std::string& query);
std::optional<Html> servicePage(const CatalogSnapshot& snapshot, domain::Language lang, const std::string& id);
/// The calculator; with `submitted` the answer (or the precise problem) under the form.
Html feePage(const CatalogSnapshot& snapshot, domain::Language lang, const std::map<std::string, std::string>& query,
             bool& badInput);

/// The contact form, refilled with `input` and its `errors` (or a general `problem`) after a refusal.
struct ContactFormState
{
    ContactInput input;
    std::vector<ContactFieldError> errors;
    std::string problem;
    std::string token;
};
Html contactPage(const CatalogSnapshot& snapshot, domain::Language lang, const ContactFormState& state);
Html contactSentPage(domain::Language lang, const std::string& code, bool merged, const std::string& base = "/public/");

Html messageBody(const std::string& heading, const std::string& text, domain::Language lang,
                 const std::string& base = "/public/");

/// "/public/uk/" + rest.
std::string href(domain::Language lang, const std::string& rest);
std::string href(const std::string& base, domain::Language lang, const std::string& rest);
/// "area.06.short" for an area's word of `kind` ("short", "official").
std::string areaKey(domain::Area area, std::string_view kind);
/// Paragraphs of a text (one per line); marked Polish when it is the fallback.
Html paragraphs(const domain::LocalizedText& text, domain::Language lang);
/// A short text inline, in a span marked Polish when it is the fallback.
Html inlineText(const domain::LocalizedText& text, domain::Language lang);
/// Services as a list of links with their summaries ("no results" when empty).
Html serviceList(const std::vector<const domain::Service*>& services, domain::Language lang,
                 const std::string& base = "/public/");
/// The aria attributes of a form control with an error (aria-invalid, aria-describedby).
Html errorAttributes(const std::vector<ContactFieldError>& errors, const std::string& field);
/// The error message of `field`, with the id errorAttributes points to.
Html fieldError(const std::vector<ContactFieldError>& errors, const std::string& field);

/// The stylesheet (/public/static/public.css): screen and print.
const std::string& publicStylesheet();

/// Percent-encoding of a query value.
std::string urlEncode(const std::string& value);

} // namespace okienko::server::pub
