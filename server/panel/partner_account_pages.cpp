// The partner's own pages: load its institution through partner_scope (never by an id from the
// request), render with Html; a change is a proposal in the coordinators' queue, never a write to
// the catalogue or the published profile.
#include "server/panel/partner_account_pages.hpp"

#include "server/cli/secret_input.hpp"
#include "server/credentials.hpp"
#include "server/panel/partner_scope.hpp"
#include "server/panel/partner_service_form.hpp"
#include "server/panel/route_table.hpp"
#include "server/public/partner_form.hpp"
#include "server/store/partner_store.hpp"
#include "shared/catalog/catalog_loader.hpp"
#include "shared/protocol/catalog_json.hpp"
#include "shared/validate/free_text.hpp"

#include <map>

namespace okienko::server::panel
{

namespace
{
using protocol::Json;
constexpr const char* kHome = "/panel/partner";

const std::map<std::string, FlashMessage>& accountMessages()
{
    static const std::map<std::string, FlashMessage> messages{
        {"sent", {"Wysłano do sprawdzenia: koordynator CUS opublikuje zmianę albo poda powód odmowy.", false}},
        {"error", {"Błąd bazy danych; spróbuj ponownie.", true}}};
    return messages;
}

PanelResponse noInstitution()
{
    return messagePage(403, "Brak uprawnień", "To konto nie należy do zatwierdzonej instytucji partnerskiej.");
}

std::string statusText(const PartnerProposal& p)
{
    if (p.status == "pending")
        return "czeka na sprawdzenie";
    if (p.status == "published")
        return "opublikowana";
    return "odrzucona: " + p.reason;
}

/// The profile's fields as the form shows them.
Form profileForm(const InstitutionProfile& p)
{
    return Form{{"inst_name", p.name},
                {"kind", p.kind},
                {"address", p.address},
                {"phone", p.phone},
                {"email", p.email},
                {"homepage", p.website},
                {"profile", p.profile.pl},
                {"profile_uk", p.profile.uk},
                {"profile_en", p.profile.en},
                {"contact_name", p.contactName},
                {"contact_public", p.contactPublic ? "yes" : ""}};
}

Html profileFormHtml(const PageContext& ctx, const Form& values, const std::vector<pub::PartnerFieldError>& errors)
{
    Html out;
    if (!errors.empty())
    {
        out << "<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"bledy-profilu\">\n<h2 "
               "id=\"bledy-profilu\">Nie wysłano — popraw profil</h2>\n<ul>\n";
        for (const auto& e : errors)
            out << "<li><a href=\"#p-" << e.field << "\">" << e.message << "</a></li>\n";
        out << "</ul>\n</div>\n";
    }
    out << "<form class=\"catalog-form\" method=\"post\" enctype=\"multipart/form-data\" action=\"/panel/partner/"
           "profile\">"
        << csrfField(ctx.session) << "\n";
    static const std::pair<const char*, const char*> kFields[] = {
        {"inst_name", "Nazwa instytucji"},  {"address", "Adres"},
        {"phone", "Telefon instytucji"},    {"email", "E-mail instytucji"},
        {"homepage", "Strona (https://…)"}, {"contact_name", "Osoba do kontaktu"}};
    for (const auto& [name, label] : kFields)
        out << "<div class=\"field\"><label for=\"p-" << std::string_view(name) << "\">" << std::string_view(label)
            << "</label>\n<input type=\"text\" id=\"p-" << std::string_view(name) << "\" name=\""
            << std::string_view(name) << "\" value=\"" << fieldValue(values, name) << "\"></div>\n";
    out << "<div class=\"field\"><label for=\"p-kind\">Rodzaj</label>\n<select id=\"p-kind\" name=\"kind\">\n";
    for (const auto& k : institutionKinds())
        out << "<option value=\"" << k.code << "\""
            << (fieldValue(values, "kind") == k.code ? Markup(" selected") : Markup("")) << ">" << k.label
            << "</option>\n";
    out << "</select></div>\n";
    static const std::pair<const char*, const char*> kProfiles[] = {
        {"profile", "Profil działalności po polsku"},
        {"profile_uk", "Profil po ukraińsku (może zostać pusty)"},
        {"profile_en", "Profil po angielsku (może zostać pusty)"}};
    for (const auto& [name, label] : kProfiles)
        out << "<div class=\"field\"><label for=\"p-" << std::string_view(name) << "\">" << std::string_view(label)
            << "</label>\n<textarea id=\"p-" << std::string_view(name) << "\" name=\"" << std::string_view(name)
            << "\" rows=\"4\" maxlength=\"1500\">" << fieldValue(values, name) << "</textarea></div>\n";
    return out << "<div class=\"field check\"><input type=\"checkbox\" id=\"p-contact_public\" name=\"contact_public\" "
                  "value=\"yes\""
               << (fieldValue(values, "contact_public").empty() ? Markup("") : Markup(" checked"))
               << "> <label for=\"p-contact_public\">Pokazuj osobę do kontaktu na stronie instytucji</label></div>\n"
               << "<button type=\"submit\">Wyślij zmianę profilu do sprawdzenia</button>\n</form>\n";
}

PanelResponse renderHome(const PageContext& ctx, const Institution& inst, const Form& profileValues,
                         const std::vector<pub::PartnerFieldError>& errors, int status)
{
    auto proposals = PartnerStore(ctx.store).proposalsOf(inst.id);
    auto overview = ctx.panelStore.catalogOverview();
    Html body;
    body << "<p>Tu instytucja prowadzi swój profil i swoje usługi w katalogu CUS. Każda zmiana trafia do koordynatora "
            "CUS i jest publikowana po sprawdzeniu.</p>\n<p>Strona publiczna instytucji: <a "
            "href=\"/public/pl/institution/"
         << inst.id << "\">/public/pl/institution/" << inst.id
         << "</a></p>\n<h2 id=\"uslugi\">Nasze usługi</h2>\n<ul>\n";
    for (const std::string& id : inst.serviceIds)
    {
        std::string name = id;
        if (overview && overview->catalogue)
            if (const auto* s = overview->catalogue->findService(id))
                name = s->name.pl;
        body << "<li>" << name << " — <a href=\"/panel/partner/service?id=" << id << "\">zaproponuj zmianę</a></li>\n";
    }
    body << "</ul>\n<p><a href=\"/panel/partner/service\">Zaproponuj nową usługę</a></p>\n"
         << "<h2 id=\"propozycje\">Nasze propozycje</h2>\n";
    Html rows;
    if (proposals)
        for (const auto& p : *proposals)
            rows << "<tr><td>" << p.code << "</td><td>"
                 << (p.kind == "new-service"      ? Markup("nowa usługa")
                     : p.kind == "service-update" ? Markup("zmiana usługi")
                                                  : Markup("zmiana profilu"))
                 << "</td><td>" << (p.serviceId.empty() ? std::string("—") : p.serviceId) << "</td><td>"
                 << dateTimeText(p.createdAt) << "</td><td>" << statusText(p) << "</td></tr>\n";
    body << tableOrEmpty("propozycje",
                         "<th scope=\"col\">Kod</th><th scope=\"col\">Co</th><th scope=\"col\">Usługa</th>"
                         "<th scope=\"col\">Wysłano</th><th scope=\"col\">Stan</th>",
                         rows, "<p>Brak propozycji.</p>\n")
         << "<h2 id=\"profil\">Profil instytucji</h2>\n"
         << profileFormHtml(ctx, profileValues, errors);
    PanelResponse r = htmlPage(pageFrame(ctx, inst.profile.name, kHome, accountMessages()), body);
    r.status = status;
    return r;
}

/// The entry a partner's form starts from: its service as the catalogue has it, or a new one.
std::optional<Json> baseEntry(const PageContext& ctx, const Institution& inst, const std::string& serviceId)
{
    if (serviceId.empty())
        return panel::emptyServiceEntry(inst.profile.name);
    auto view = ctx.panelStore.service(serviceId);
    if (!view || !view->entry)
        return std::nullopt;
    return protocol::encodeService(*view->entry);
}

PanelResponse renderServiceForm(const PageContext& ctx, const std::string& serviceId, const Json& entry,
                                const std::vector<std::string>& errors, int status)
{
    Html body;
    body << "<p><a href=\"/panel/partner\">Wróć do instytucji</a></p>\n<p>Koordynator CUS sprawdzi propozycję przed "
            "publikacją. Teksty polskie są wymagane; tłumaczenia mogą zostać puste.</p>\n"
         << "<form class=\"catalog-form\" method=\"post\" enctype=\"multipart/form-data\" "
            "action=\"/panel/partner/service\">"
         << csrfField(ctx.session) << "<input type=\"hidden\" name=\"id\" value=\"" << serviceId << "\">\n"
         << serviceFieldsHtml(entry, errors, formCatalogue(ctx))
         << "<button type=\"submit\">Wyślij do sprawdzenia</button>\n</form>\n";
    PanelResponse r = htmlPage(
        pageFrame(ctx, serviceId.empty() ? std::string("Nowa usługa") : "Zmiana usługi " + serviceId, kHome), body);
    r.status = status;
    return r;
}
} // namespace

PanelResponse partnerHomePage(const PageContext& ctx)
{
    auto inst = partnerInstitution(ctx);
    if (!inst)
        return noInstitution();
    return renderHome(ctx, *inst, profileForm(inst->profile), {}, 200);
}

PanelResponse partnerProfilePost(const PageContext& ctx, const Form& form)
{
    auto inst = partnerInstitution(ctx);
    if (!inst)
        return noInstitution();
    pub::PartnerInput input{form};
    auto checked = pub::validateProfile(input, domain::Language::Pl, false);
    std::vector<pub::PartnerFieldError> errors = checked ? std::vector<pub::PartnerFieldError>{} : checked.error();
    InstitutionProfile profile = checked ? checked.value() : InstitutionProfile{};
    for (const auto& [name, lang] :
         {std::pair{"profile_uk", domain::Language::Uk}, {"profile_en", domain::Language::En}})
    {
        auto text = validate::validateFreeText(fieldValue(form, name), 0, 1500);
        if (text)
            profile.profile.raw(lang) = text.value();
        else
            errors.push_back({name, "Profil w tłumaczeniu: do 1500 znaków, bez znaków niewidocznych."});
    }
    if (!errors.empty())
        return renderHome(ctx, *inst, form, errors, 422);
    auto sent = PartnerStore(ctx.store).propose(
        ProposalDraft{inst->id, "profile", "", encodeProfile(profile), ctx.session.staffId}, ctx.now.unix);
    return seeOther(std::string(kHome) + (sent && sent->result == PartnerDecision::Done ? "?msg=sent" : "?msg=error"));
}

PanelResponse partnerServicePage(const PageContext& ctx)
{
    auto inst = partnerInstitution(ctx);
    if (!inst)
        return noInstitution();
    const std::string id = fieldValue(ctx.request.query, "id");
    if (!id.empty() && !mayActForService(ctx, id))
        return roleRefusedPage();
    auto entry = baseEntry(ctx, *inst, id);
    if (!entry)
        return messagePage(404, "Nie ma takiej usługi", "Tej usługi nie ma już w katalogu.", kHome, "Wróć");
    return renderServiceForm(ctx, id, *entry, {}, 200);
}

PanelResponse partnerServicePost(const PageContext& ctx, const Form& form)
{
    auto inst = partnerInstitution(ctx);
    if (!inst)
        return noInstitution();
    const std::string id = fieldValue(form, "id");
    if (!id.empty() && !mayActForService(ctx, id))
        return roleRefusedPage();
    auto base = baseEntry(ctx, *inst, id);
    if (!base)
        return messagePage(404, "Nie ma takiej usługi", "Tej usługi nie ma już w katalogu.", kHome, "Wróć");
    Json entry = entryFromForm(*base, form, formCatalogue(ctx));
    // Checked now by the loader's rules, so the coordinator gets an entry that can be published.
    Json check = entry;
    if (id.empty())
        check["id"] = "nowa-usluga";
    if (auto parsed = catalog::parseServiceEntry(check.dump()); !parsed)
    {
        std::vector<std::string> errors;
        for (const auto& e : parsed.error())
            errors.push_back(catalog::formatCatalogError(e));
        return renderServiceForm(ctx, id, entry, errors, 422);
    }
    auto sent = PartnerStore(ctx.store).propose(
        ProposalDraft{inst->id, id.empty() ? "new-service" : "service-update", id, entry.dump(), ctx.session.staffId},
        ctx.now.unix);
    if (sent && sent->result == PartnerDecision::NotOwned)
        return roleRefusedPage();
    return seeOther(std::string(kHome) + (sent && sent->result == PartnerDecision::Done ? "?msg=sent" : "?msg=error"));
}

namespace
{
PanelResponse passwordForm(const std::string& login, const std::string& problem, int status)
{
    Html body;
    body << "<p>Instytucja partnerska ustawia tu hasło swojego konta jednorazowym kodem od koordynatora CUS.</p>\n";
    if (!problem.empty())
        body << "<div class=\"error-summary\" role=\"alert\"><p>" << problem << "</p></div>\n";
    body
        << "<form class=\"login\" method=\"post\" enctype=\"multipart/form-data\" action=\"/panel/partner/password\">\n"
        << "<label for=\"login\">Login</label>\n<input id=\"login\" name=\"login\" autocomplete=\"username\" "
           "value=\""
        << login
        << "\">\n<label for=\"code\">Jednorazowy kod</label>\n<input id=\"code\" name=\"code\" "
           "autocomplete=\"one-time-code\">\n<label for=\"password\">Nowe hasło (co najmniej 8 znaków)</label>\n"
           "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"new-password\">\n"
           "<label for=\"password2\">Powtórz hasło</label>\n<input id=\"password2\" name=\"password2\" "
           "type=\"password\" autocomplete=\"new-password\">\n<button type=\"submit\">Ustaw hasło</button>\n</form>\n";
    PageFrame frame;
    frame.title = "Hasło instytucji partnerskiej";
    PanelResponse r = htmlPage(frame, body);
    r.status = status;
    return r;
}
} // namespace

PanelResponse partnerPasswordPage(const PageContext&)
{
    return passwordForm("", "", 200);
}

PanelResponse partnerPasswordPost(const PageContext& ctx, const Form& form)
{
    if (!sameOrigin(ctx.request))
        return messagePage(403, "Odmowa", "Formularz nie pochodzi z panelu. Odśwież stronę.");
    const std::string login = fieldValue(form, "login");
    const std::string code = fieldValue(form, "code");
    const std::string password = fieldValue(form, "password");
    if (!cli::checkPassword(password).empty() || password.find('\n') != std::string::npos)
        return passwordForm(login, "Hasło musi mieć od 8 do 1024 znaków, w jednym wierszu.", 422);
    if (password != fieldValue(form, "password2"))
        return passwordForm(login, "Hasła się różnią. Wpisz to samo hasło dwa razy.", 422);
    PartnerStore store(ctx.store);
    // The code is checked before the costly hash, so guesses cost the server little.
    auto valid = store.codeValid(login, code, ctx.now.unix);
    if (!valid)
        return messagePage(503, "Błąd bazy danych", "Spróbuj ponownie za chwilę.");
    if (!*valid)
        return passwordForm(login,
                            "Login albo kod jest niepoprawny lub kod wygasł. Poproś koordynatora CUS o nowy kod.", 403);
    auto hash = hashSecret(password);
    if (!hash)
        return messagePage(503, "Serwer zajęty", "Spróbuj ponownie za chwilę.");
    auto set = store.setPassword(login, code, *hash, ctx.now.unix);
    if (!set || !*set)
        return passwordForm(login, "Kod został już użyty. Poproś koordynatora CUS o nowy kod.", 403);
    return seeOther("/panel/login");
}

} // namespace okienko::server::panel
