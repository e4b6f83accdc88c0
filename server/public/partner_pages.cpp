// The partner pages' markup. Headings go h1 → h2 without gaps; every control has a label, grouped
// controls a fieldset and legend; errors are summarised at the top (role=alert) and tied to their
// fields with aria-describedby.
#include "server/public/partner_pages.hpp"

#include "server/panel/partner_service_form.hpp"
#include "server/public/area_names.hpp"
#include "server/public/public_texts.hpp"
#include "shared/domain/codes.hpp"

namespace okienko::server::pub
{

using panel::Markup;

namespace
{
/// A one-line input, or a textarea with `rows` > 1, labelled, with its error.
Html textControl(const PartnerFormState& state, const std::string& name, const std::string& label, int rows,
                 int maxChars, Markup extra = Markup(""))
{
    Html out;
    out << "<p><label for=\"" << name << "\">" << label << "</label>\n";
    if (rows > 1)
        out << "<textarea id=\"" << name << "\" name=\"" << name << "\" rows=\"" << rows << "\" maxlength=\""
            << maxChars << "\"" << extra << errorAttributes(state.errors, name) << ">" << state.input.get(name)
            << "</textarea>";
    else
        out << "<input id=\"" << name << "\" name=\"" << name << "\" maxlength=\"" << maxChars << "\"" << extra
            << " value=\"" << state.input.get(name) << "\"" << errorAttributes(state.errors, name) << ">";
    return out << "\n</p>\n" << fieldError(state.errors, name);
}

Html checkbox(const PartnerFormState& state, const std::string& name, const std::string& label)
{
    Html out;
    return out << "<p class=\"consent\"><input type=\"checkbox\" id=\"" << name << "\" name=\"" << name
               << "\" value=\"yes\"" << (state.input.has(name) ? Markup(" checked") : Markup(""))
               << errorAttributes(state.errors, name) << "> <label for=\"" << name << "\">" << label << "</label></p>\n"
               << fieldError(state.errors, name);
}

Html radio(const PartnerFormState& state, const std::string& name, const std::string& value, const std::string& label,
           bool byDefault)
{
    const std::string current = state.input.get(name);
    const bool on = current == value || (current.empty() && byDefault);
    const std::string id = name + "-" + value;
    Html out;
    return out << "<p><input type=\"radio\" id=\"" << id << "\" name=\"" << name << "\" value=\"" << value << "\""
               << (on ? Markup(" checked") : Markup("")) << "> <label for=\"" << id << "\">" << label
               << "</label></p>\n";
}

Html errorSummary(const PartnerFormState& state, domain::Language lang)
{
    Html out;
    if (!state.problem.empty())
        out << "<div class=\"errors\" role=\"alert\"><p>" << state.problem << "</p></div>\n";
    if (state.errors.empty())
        return out;
    out << "<div class=\"errors\" role=\"alert\" aria-labelledby=\"bledy\">\n<h2 id=\"bledy\">"
        << word(lang, "pub.contact.errors") << "</h2>\n<ul>\n";
    for (const auto& e : state.errors)
        out << "<li><a href=\"#" << e.field << "\">" << e.message << "</a></li>\n";
    return out << "</ul>\n</div>\n";
}

std::string kindWord(domain::Language lang, const std::string& kind)
{
    return word(lang, "pub.institution.kind." + kind);
}

/// The service fields of the form: texts in the page's language, fee kind, areas, groups.
Html serviceFields(const CatalogSnapshot& snapshot, domain::Language lang, const PartnerFormState& state)
{
    Html out;
    out << "<fieldset>\n<legend>" << word(lang, "pub.partner.service.legend") << "</legend>\n"
        << radio(state, "proposal", "none", word(lang, "pub.partner.proposal.none"), true)
        << radio(state, "proposal", "new", word(lang, "pub.partner.proposal.new"), false)
        << radio(state, "proposal", "update", word(lang, "pub.partner.proposal.update"), false)
        << fieldError(state.errors, "proposal") << "<p><label for=\"service\">" << word(lang, "pub.partner.service")
        << "</label>\n<select id=\"service\" name=\"service\"" << errorAttributes(state.errors, "service")
        << ">\n<option value=\"\">—</option>\n";
    for (const auto& s : snapshot.catalog.services)
        out << "<option value=\"" << s.id << "\""
            << (s.id == state.input.get("service") ? Markup(" selected") : Markup("")) << ">" << s.name.in(lang)
            << "</option>\n";
    out << "</select>\n</p>\n"
        << fieldError(state.errors, "service") << "</fieldset>\n<fieldset>\n<legend>"
        << word(lang, "pub.partner.fields.legend") << "</legend>\n<p>" << word(lang, "pub.partner.fields.intro")
        << "</p>\n";
    for (const auto& f : panel::serviceTextFields())
        out << textControl(state, "svc." + std::string(f.key),
                           word(lang, "pub.partner.svc." + std::string(f.key)) + (f.required ? " *" : ""), f.rows,
                           f.maxChars);
    out << "<p><label for=\"fee_kind\">" << word(lang, "pub.partner.fee_kind") << "</label>\n<select id=\"fee_kind\" "
        << "name=\"fee_kind\"" << errorAttributes(state.errors, "fee_kind") << ">\n";
    for (const char* kind : {"free", "fixed", "unspecified"})
        out << "<option value=\"" << std::string_view(kind) << "\""
            << (state.input.get("fee_kind") == kind ? Markup(" selected") : Markup("")) << ">"
            << word(lang, "pub.partner.fee_kind." + std::string(kind)) << "</option>\n";
    if (state.input.get("fee_kind") == "income-table")
        out << "<option value=\"income-table\" selected>" << word(lang, "pub.fee.table") << "</option>\n";
    out << "</select>\n</p>\n"
        << fieldError(state.errors, "fee_kind") << "</fieldset>\n<fieldset id=\"areas\">\n<legend>"
        << word(lang, "pub.partner.areas") << "</legend>\n"
        << fieldError(state.errors, "areas");
    for (const domain::AreaDefinition* def : snapshot.catalog.activeAreas())
        out << checkbox(state, "area." + std::string(domain::areaCode(def->id)),
                        areaName(snapshot.catalog, def->id, lang, "official"));
    out << "</fieldset>\n<fieldset id=\"groups\">\n<legend>" << word(lang, "catalog.groups") << " *</legend>\n"
        << fieldError(state.errors, "groups");
    for (const domain::TargetGroupDefinition* def : snapshot.catalog.activeTargetGroups())
        out << checkbox(state, "group." + std::string(domain::targetGroupCode(def->id)),
                        groupName(snapshot.catalog, def->id, lang));
    return out << "</fieldset>\n";
}
} // namespace

std::vector<const domain::Service*> publishedServices(const Institution& institution, const CatalogSnapshot& snapshot)
{
    std::vector<const domain::Service*> out;
    for (const auto& s : snapshot.catalog.services)
        if (std::find(institution.serviceIds.begin(), institution.serviceIds.end(), s.id) !=
            institution.serviceIds.end())
            out.push_back(&s);
    return out;
}

Html partnerFormPage(const CatalogSnapshot& snapshot, domain::Language lang, const PartnerFormState& state)
{
    Html out;
    out << "<h1>" << word(lang, "pub.partner.title") << "</h1>\n<p>" << word(lang, "pub.partner.intro") << "</p>\n"
        << errorSummary(state, lang)
        // Loading a service's texts to propose a change is a GET form of its own: no script.
        << "<form method=\"get\" action=\"" << href(lang, "partner") << "\" class=\"load\">\n<p><label for=\"load\">"
        << word(lang, "pub.partner.load") << "</label>\n<select id=\"load\" name=\"service\">\n";
    for (const auto& s : snapshot.catalog.services)
        out << "<option value=\"" << s.id << "\">" << s.name.in(lang) << "</option>\n";
    out << "</select>\n<button type=\"submit\">" << word(lang, "pub.partner.load.button")
        << "</button></p>\n</form>\n"
        // multipart: a long proposal in Ukrainian is over the 8 KiB Debian's cpp-httplib takes urlencoded
        << "<form method=\"post\" enctype=\"multipart/form-data\" action=\"" << href(lang, "partner")
        << "\" class=\"contact\">\n"
        << "<input type=\"hidden\" name=\"token\" value=\"" << state.token << "\">\n"
        << "<p class=\"hp\"><label for=\"website\">" << word(lang, "pub.contact.honeypot")
        << "</label><input id=\"website\" name=\"website\" tabindex=\"-1\" autocomplete=\"off\"></p>\n"
        << "<fieldset>\n<legend>" << word(lang, "pub.partner.institution.legend") << "</legend>\n"
        << textControl(state, "inst_name", word(lang, "pub.partner.inst_name"), 1, 160,
                       Markup(" required autocomplete=\"organization\""))
        << "<p><label for=\"kind\">" << word(lang, "pub.partner.kind") << "</label>\n<select id=\"kind\" name=\"kind\""
        << errorAttributes(state.errors, "kind") << ">\n";
    for (const auto& k : institutionKinds())
    {
        const std::string code(k.code);
        out << "<option value=\"" << code << "\""
            << (state.input.get("kind") == code ? Markup(" selected") : Markup("")) << ">" << kindWord(lang, code)
            << "</option>\n";
    }
    out << "</select>\n</p>\n"
        << fieldError(state.errors, "kind")
        << textControl(state, "address", word(lang, "pub.partner.address"), 1, 200,
                       Markup(" required autocomplete=\"street-address\""))
        << "<fieldset>\n<legend>" << word(lang, "pub.partner.reach") << "</legend>\n"
        << textControl(state, "phone", word(lang, "pub.contact.phone"), 1, 20, Markup(" type=\"tel\""))
        << textControl(state, "email", word(lang, "pub.contact.email"), 1, 254, Markup(" type=\"email\""))
        << "</fieldset>\n"
        << textControl(state, "homepage", word(lang, "pub.partner.homepage"), 1, 200, Markup(" type=\"url\""))
        << textControl(state, "profile", word(lang, "pub.partner.profile"), 4, 1500, Markup(" required"))
        << "</fieldset>\n<fieldset>\n<legend>" << word(lang, "pub.partner.person.legend") << "</legend>\n<p>"
        << word(lang, "pub.partner.person.intro") << "</p>\n"
        << textControl(state, "contact_name", word(lang, "pub.partner.contact_name"), 1, 80,
                       Markup(" required autocomplete=\"name\""))
        << checkbox(state, "contact_public", word(lang, "pub.partner.contact_public")) << "</fieldset>\n"
        << serviceFields(snapshot, lang, state)
        << textControl(state, "answer", challengeQuestion(state.token, lang) + " *", 1, 3,
                       Markup(" required inputmode=\"numeric\" autocomplete=\"off\""))
        << checkbox(state, "consent", word(lang, "pub.partner.consent")) << "<p><button type=\"submit\">"
        << word(lang, "pub.partner.send") << "</button></p>\n</form>\n";
    return out;
}

Html partnerSentPage(domain::Language lang, const std::string& code)
{
    Html out;
    out << "<h1>" << word(lang, "pub.contact.sent.title") << "</h1>\n<p role=\"status\">"
        << word(lang, "pub.partner.sent") << "</p>\n";
    if (!code.empty())
        out << "<p>" << word(lang, "pub.contact.code", {{"code", code}}) << "</p>\n";
    return out << "<p><a href=\"" << href(lang, "institutions") << "\">" << word(lang, "pub.institutions.title")
               << "</a></p>\n";
}

Html institutionsPage(const std::vector<Institution>& institutions, domain::Language lang)
{
    Html out;
    out << "<h1>" << word(lang, "pub.institutions.title") << "</h1>\n<p>" << word(lang, "pub.institutions.intro")
        << "</p>\n";
    if (institutions.empty())
        out << "<p>" << word(lang, "pub.institutions.none") << "</p>\n";
    else
    {
        out << "<ul class=\"services\">\n";
        for (const Institution& i : institutions)
            out << "<li><a href=\"" << href(lang, "institution/" + i.id) << "\">" << i.profile.name << "</a><br>"
                << kindWord(lang, i.profile.kind) << "</li>\n";
        out << "</ul>\n";
    }
    return out << "<p><a href=\"" << href(lang, "partner") << "\">" << word(lang, "pub.partner.title") << "</a></p>\n";
}

Html institutionPage(const Institution& institution, const CatalogSnapshot& snapshot, domain::Language lang)
{
    const InstitutionProfile& p = institution.profile;
    Html out;
    out << "<h1>" << p.name << "</h1>\n<p class=\"status\">" << kindWord(lang, p.kind) << "</p>\n"
        << paragraphs(p.profile, lang) << "<dl class=\"centre\">\n<dt>" << word(lang, "pub.address") << "</dt><dd>"
        << p.address << "</dd>\n";
    if (!p.phone.empty())
        out << "<dt>" << word(lang, "pub.phone") << "</dt><dd>" << p.phone << "</dd>\n";
    if (!p.email.empty())
        out << "<dt>" << word(lang, "pub.email") << "</dt><dd>" << p.email << "</dd>\n";
    if (!p.website.empty())
        out << "<dt>" << word(lang, "pub.partner.homepage") << "</dt><dd>" << p.website << "</dd>\n";
    if (p.contactPublic && !p.contactName.empty())
        out << "<dt>" << word(lang, "pub.institution.contact") << "</dt><dd>" << p.contactName << "</dd>\n";
    return out << "</dl>\n<h2>" << word(lang, "pub.institution.services") << "</h2>\n"
               << serviceList(publishedServices(institution, snapshot), lang);
}

} // namespace okienko::server::pub
