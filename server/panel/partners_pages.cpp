// The review queue's pages: load through PartnerStore, render with Html; each decision is one store
// call answered with 303 and a fixed message code, except the approval, whose one-time code is shown
// on the answer's page itself (never in a URL or a log).
#include "server/panel/partners_pages.hpp"

#include "server/panel/partner_service_form.hpp"
#include "server/store/partner_store.hpp"
#include "shared/protocol/catalog_json.hpp"
#include "shared/validate/free_text.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <variant>

namespace okienko::server::panel
{

namespace
{
using protocol::Json;
constexpr const char* kQueue = "/panel/partners";

const std::map<std::string, FlashMessage>& partnerMessages()
{
    static const std::map<std::string, FlashMessage> messages{
        {"published",
         {"Opublikowano: kioski dostaną zmianę przy najbliższej synchronizacji, strony publiczne od razu.", false}},
        {"rejected", {"Odrzucono z podanym powodem; instytucja zobaczy go na swoim koncie.", false}},
        {"not-pending", {"To zgłoszenie zostało już rozpatrzone.", true}},
        {"reason", {"Podaj powód odrzucenia (3–500 znaków).", true}},
        {"error", {"Błąd bazy danych; spróbuj ponownie.", true}}};
    return messages;
}

std::string kindLabel(const std::string& code)
{
    for (const auto& k : institutionKinds())
        if (k.code == code)
            return std::string(k.label);
    return code;
}

std::string proposalLabel(const std::string& kind)
{
    return kind == "new-service" ? "nowa usługa" : kind == "service-update" ? "zmiana usługi" : "zmiana profilu";
}

std::string statusLabel(const std::string& status)
{
    return status == "pending"     ? "czeka na decyzję"
           : status == "approved"  ? "zatwierdzona"
           : status == "published" ? "opublikowana"
                                   : "odrzucona";
}

Html profileList(const InstitutionProfile& p, bool withContact)
{
    Html out;
    out << "<dl>\n<dt>Nazwa</dt><dd>" << p.name << "</dd>\n<dt>Rodzaj</dt><dd>" << kindLabel(p.kind)
        << "</dd>\n<dt>Adres</dt><dd>" << p.address << "</dd>\n<dt>Telefon instytucji</dt><dd>"
        << (p.phone.empty() ? std::string("—") : p.phone) << "</dd>\n<dt>E-mail instytucji</dt><dd>"
        << (p.email.empty() ? std::string("—") : p.email) << "</dd>\n<dt>Strona</dt><dd>"
        << (p.website.empty() ? std::string("—") : p.website) << "</dd>\n";
    for (auto lang : {domain::Language::Pl, domain::Language::Uk, domain::Language::En})
        if (!p.profile.raw(lang).empty())
            out << "<dt>Profil (" << domain::languageCode(lang) << ")</dt><dd lang=\"" << domain::languageCode(lang)
                << "\">" << p.profile.raw(lang) << "</dd>\n";
    if (withContact)
        out << "<dt>Osoba do kontaktu</dt><dd>" << p.contactName
            << (p.contactPublic ? Markup(" (zgoda na publikację)") : Markup(" (niepublikowana)")) << "</dd>\n";
    return out << "</dl>\n";
}

Html reasonForm(const PanelSession& session, Markup action, const std::string& id, Markup button)
{
    Html out;
    return out << "<form method=\"post\" enctype=\"multipart/form-data\" action=\"" << action << "\">"
               << csrfField(session) << "<input type=\"hidden\" name=\"id\" value=\"" << id
               << "\">\n<div class=\"field\"><label for=\"reason\">Powód odrzucenia (zobaczy go instytucja)</label>\n"
               << "<textarea id=\"reason\" name=\"reason\" rows=\"3\" maxlength=\"500\" required></textarea></div>\n"
               << "<button type=\"submit\" class=\"secondary\">" << button << "</button>\n</form>\n";
}

/// The reason typed, checked (3–500 characters, no control characters); nullopt when it is not one.
std::optional<std::string> reasonOf(const Form& form)
{
    std::string typed = fieldValue(form, "reason");
    for (auto at = typed.find('\r'); at != std::string::npos; at = typed.find('\r'))
        typed.erase(at, 1);
    auto checked = validate::validateFreeText(typed, 3, 500);
    if (!checked)
        return std::nullopt;
    return checked.value();
}

PanelResponse storeError()
{
    return seeOther(std::string(kQueue) + "?msg=error");
}

Html proposalRows(const std::vector<PartnerProposal>& proposals, bool decided)
{
    Html rows;
    for (const auto& p : proposals)
    {
        rows << "<tr><td><a href=\"/panel/partners/proposal?id=" << p.id << "\">" << p.code << "</a></td><td>"
             << p.institutionName << "</td><td>" << proposalLabel(p.kind) << "</td><td>"
             << (p.serviceId.empty() ? std::string("—") : p.serviceId) << "</td><td>"
             << (p.fromPartnerLogin ? Markup("konto instytucji") : Markup("formularz WWW")) << "</td><td>"
             << dateTimeText(decided ? p.decidedAt : p.createdAt) << "</td>";
        if (decided)
            rows << "<td>" << statusLabel(p.status) << (p.reason.empty() ? "" : ": " + p.reason) << "</td><td>"
                 << p.decidedBy << "</td>";
        rows << "</tr>\n";
    }
    return rows;
}

Html institutionRows(const std::vector<Institution>& institutions, bool decided)
{
    Html rows;
    for (const auto& i : institutions)
    {
        rows << "<tr><td><a href=\"/panel/partners/institution?id=" << i.id << "\">" << i.profile.name
             << "</a></td><td>" << kindLabel(i.profile.kind) << "</td><td>"
             << dateTimeText(decided ? i.decidedAt : i.createdAt) << "</td>";
        if (decided)
            rows << "<td>" << statusLabel(i.status) << "</td><td>" << (i.accountId.empty() ? "—" : i.accountId)
                 << "</td><td>" << i.decidedBy << "</td>";
        rows << "</tr>\n";
    }
    return rows;
}

/// A text of `entry` at `pointer` in `lang`; "" when absent.
std::string textOf(const Json& entry, std::string_view pointer, std::string_view lang)
{
    const Json::json_pointer at(std::string(pointer) + "/" + std::string(lang));
    return entry.contains(at) && entry.at(at).is_string() ? entry.at(at).get<std::string>() : "";
}

/// What a proposed change of a service changes in its texts.
Html serviceChanges(const Json& proposed, const std::optional<domain::Service>& current)
{
    Html out;
    if (!current)
        return out;
    const Json stored = protocol::encodeService(*current);
    Html rows;
    for (const auto& f : serviceTextFields())
        for (std::string_view lang : {"pl", "uk", "en"})
        {
            const std::string before = textOf(stored, f.pointer, lang);
            const std::string after = textOf(proposed, f.pointer, lang);
            if (before != after)
                rows << "<tr><th scope=\"row\">" << f.label << " (" << lang << ")</th><td lang=\"" << lang << "\">"
                     << before << "</td><td lang=\"" << lang << "\">" << after << "</td></tr>\n";
        }
    return out << "<h2 id=\"zmiany\">Co się zmienia w tekstach</h2>\n"
               << tableOrEmpty("zmiany",
                               "<th scope=\"col\">Pole</th><th scope=\"col\">Teraz w katalogu</th>"
                               "<th scope=\"col\">Proponowane</th>",
                               rows, "<p>Teksty bez zmian (zmiana dotyczy obszarów, grup lub odpłatności).</p>\n");
}

PanelResponse renderProposal(const PageContext& ctx, const PartnerProposal& p, const Json& entry,
                             const std::vector<std::string>& errors, int status, const std::string& serviceId,
                             const std::map<std::string, FlashMessage>& messages = partnerMessages())
{
    Html body;
    body << "<p><a href=\"/panel/partners\">Wróć do kolejki</a></p>\n<dl>\n<dt>Instytucja</dt><dd><a "
            "href=\"/panel/partners/institution?id="
         << p.institutionId << "\">" << p.institutionName << "</a> (" << statusLabel(p.institutionStatus)
         << ")</dd>\n<dt>Rodzaj</dt><dd>" << proposalLabel(p.kind) << "</dd>\n<dt>Wysłano</dt><dd>"
         << dateTimeText(p.createdAt)
         << (p.fromPartnerLogin ? Markup(" z konta instytucji") : Markup(" formularzem WWW"))
         << "</dd>\n<dt>Stan</dt><dd>" << statusLabel(p.status) << (p.reason.empty() ? "" : ": " + p.reason)
         << "</dd>\n</dl>\n";
    const bool pending = p.status == "pending";
    if (p.kind == "profile")
    {
        auto proposed = decodeProfile(p.data);
        auto current = PartnerStore(ctx.store, ctx.session.scope()).institution(p.institutionId);
        body << "<h2>Profil teraz</h2>\n";
        if (current && *current)
            body << profileList((*current)->profile, true);
        body << "<h2>Proponowany profil</h2>\n";
        if (proposed)
            body << profileList(*proposed, true);
        if (pending)
            body << "<form method=\"post\" enctype=\"multipart/form-data\" action=\"/panel/partners/proposal/publish\">"
                 << csrfField(ctx.session) << "<input type=\"hidden\" name=\"id\" value=\"" << p.id
                 << "\"><button type=\"submit\">Zatwierdź profil</button></form>\n";
    }
    else
    {
        std::optional<domain::Service> current;
        if (p.kind == "service-update")
            if (auto view = ctx.panelStore.service(p.serviceId); view)
                current = view->entry;
        body << serviceChanges(entry, current);
        if (pending)
        {
            body << "<h2>Wpis do opublikowania</h2>\n<p>Sprawdź i popraw teksty (polskie są wymagane; tłumaczenia "
                    "można dodać teraz albo później w katalogu), obszary, grupy i odpłatność.</p>\n"
                 << "<form class=\"catalog-form\" method=\"post\" enctype=\"multipart/form-data\" "
                    "action=\"/panel/partners/proposal/publish\">"
                 << csrfField(ctx.session) << "<input type=\"hidden\" name=\"id\" value=\"" << p.id << "\">\n";
            if (p.kind == "new-service")
                body << "<div class=\"field\"><label for=\"service_id\">Identyfikator usługi w katalogu (małe litery, "
                        "cyfry i „-”)</label>\n<input type=\"text\" id=\"service_id\" name=\"service_id\" value=\""
                     << serviceId << "\"></div>\n";
            body << serviceFieldsHtml(entry, errors, formCatalogue(ctx))
                 << "<button type=\"submit\">Opublikuj</button>\n</form>\n";
        }
    }
    if (pending)
        body << "<h2>Odrzuć</h2>\n"
             << reasonForm(ctx.session, "/panel/partners/proposal/reject", p.id, "Odrzuć propozycję");
    PanelResponse r = htmlPage(pageFrame(ctx, "Propozycja " + p.code, kQueue, messages), body);
    r.status = status;
    return r;
}

/// The proposal of the form's id, or the response to give instead.
std::variant<PartnerProposal, PanelResponse> loadProposal(const PageContext& ctx, const std::string& id)
{
    auto p = PartnerStore(ctx.store, ctx.session.scope()).proposal(id);
    if (!p)
        return storeError();
    if (!*p)
        return messagePage(404, "Nie ma takiej propozycji", "Nie ma takiej propozycji instytucji.", kQueue,
                           "Wróć do kolejki");
    return **p;
}

std::string suggestedId(const PageContext& ctx, const Json& entry)
{
    std::string name = textOf(entry, "/name", "pl");
    for (std::string_view lang : {"uk", "en"})
        if (name.empty())
            name = textOf(entry, "/name", lang);
    std::string prefix;
    if (auto overview = ctx.panelStore.catalogOverview(); overview && overview->catalogue)
        prefix = overview->catalogue->municipality.id + "-";
    return prefix + slugFrom(name);
}
} // namespace

PanelResponse partnersPage(const PageContext& ctx)
{
    auto q = PartnerStore(ctx.store, ctx.session.scope()).queue();
    if (!q)
        return messagePage(503, "Błąd bazy danych", "Nie udało się wczytać kolejki. Spróbuj ponownie.");
    Html body;
    body << "<p>Zgłoszenia instytucji z formularza na stronach publicznych i propozycje instytucji partnerskich. Nic "
            "nie jest publikowane bez decyzji koordynatora.</p>\n<h2 id=\"zgloszenia\">Zgłoszenia instytucji ("
         << q->pendingInstitutions.size() << ")</h2>\n"
         << tableOrEmpty("zgloszenia",
                         "<th scope=\"col\">Instytucja</th><th scope=\"col\">Rodzaj</th><th scope=\"col\">Wysłano</th>",
                         institutionRows(q->pendingInstitutions, false), "<p>Brak nowych zgłoszeń.</p>\n")
         << "<h2 id=\"propozycje\">Propozycje do sprawdzenia (" << q->pendingProposals.size() << ")</h2>\n"
         << tableOrEmpty("propozycje",
                         "<th scope=\"col\">Kod</th><th scope=\"col\">Instytucja</th><th scope=\"col\">Co</th>"
                         "<th scope=\"col\">Usługa</th><th scope=\"col\">Skąd</th><th scope=\"col\">Wysłano</th>",
                         proposalRows(q->pendingProposals, false), "<p>Brak propozycji do sprawdzenia.</p>\n")
         << "<h2 id=\"instytucje\">Instytucje rozpatrzone</h2>\n"
         << tableOrEmpty("instytucje",
                         "<th scope=\"col\">Instytucja</th><th scope=\"col\">Rodzaj</th><th scope=\"col\">Decyzja</th>"
                         "<th scope=\"col\">Stan</th><th scope=\"col\">Login</th><th scope=\"col\">Kto</th>",
                         institutionRows(q->institutions, true), "<p>Brak.</p>\n")
         << "<h2 id=\"decyzje\">Ostatnie decyzje o propozycjach</h2>\n"
         << tableOrEmpty("decyzje",
                         "<th scope=\"col\">Kod</th><th scope=\"col\">Instytucja</th><th scope=\"col\">Co</th>"
                         "<th scope=\"col\">Usługa</th><th scope=\"col\">Skąd</th><th scope=\"col\">Decyzja</th>"
                         "<th scope=\"col\">Wynik</th><th scope=\"col\">Kto</th>",
                         proposalRows(q->decided, true), "<p>Brak.</p>\n");
    return htmlPage(pageFrame(ctx, "Instytucje partnerskie", kQueue, partnerMessages()), body);
}

PanelResponse institutionReviewPage(const PageContext& ctx)
{
    const std::string id = fieldValue(ctx.request.query, "id");
    PartnerStore store(ctx.store, ctx.session.scope());
    auto i = store.institution(id);
    auto proposals = store.proposalsOf(id);
    if (!i || !proposals)
        return storeError();
    if (!*i)
        return messagePage(404, "Nie ma takiej instytucji", "Nie ma takiej instytucji.", kQueue, "Wróć do kolejki");
    const Institution& inst = **i;
    Html body;
    body << "<p><a href=\"/panel/partners\">Wróć do kolejki</a></p>\n<p>Stan: " << statusLabel(inst.status)
         << (inst.reason.empty() ? "" : " — " + inst.reason) << "; zgłoszono " << dateTimeText(inst.createdAt)
         << " (język formularza: " << domain::languageCode(inst.language) << ")</p>\n"
         << profileList(inst.profile, true) << "<h2>Usługi instytucji</h2>\n<p>"
         << (inst.serviceIds.empty() ? std::string("Brak.") : "") << "</p>\n<ul>\n";
    for (const auto& s : inst.serviceIds)
        body << "<li><a href=\"/panel/catalog/service?id=" << s << "\">" << s << "</a></li>\n";
    body << "</ul>\n<h2 id=\"propozycje\">Propozycje</h2>\n"
         << tableOrEmpty("propozycje",
                         "<th scope=\"col\">Kod</th><th scope=\"col\">Instytucja</th><th scope=\"col\">Co</th>"
                         "<th scope=\"col\">Usługa</th><th scope=\"col\">Skąd</th><th scope=\"col\">Decyzja</th>"
                         "<th scope=\"col\">Wynik</th><th scope=\"col\">Kto</th>",
                         proposalRows(*proposals, true), "<p>Brak.</p>\n");
    if (inst.status == "pending")
        body << "<h2>Decyzja</h2>\n<form method=\"post\" enctype=\"multipart/form-data\" "
                "action=\"/panel/partners/institution/approve\">"
             << csrfField(ctx.session) << "<input type=\"hidden\" name=\"id\" value=\"" << inst.id
             << "\"><p>Zatwierdzenie publikuje profil instytucji i zakłada jej konto w panelu (rola „instytucja "
                "partnerska”: tylko jej profil i usługi).</p><button type=\"submit\">Zatwierdź instytucję</button>"
                "</form>\n"
             << reasonForm(ctx.session, "/panel/partners/institution/reject", inst.id, "Odrzuć zgłoszenie");
    else if (inst.status == "approved")
        body << "<h2>Konto instytucji</h2>\n<p>Login: " << inst.accountId << "</p>\n"
             << "<form method=\"post\" enctype=\"multipart/form-data\" action=\"/panel/partners/institution/code\">"
             << csrfField(ctx.session) << "<input type=\"hidden\" name=\"id\" value=\"" << inst.id
             << "\"><button type=\"submit\" class=\"secondary\">Nowy jednorazowy kod do ustawienia hasła</button>"
                "</form>\n";
    return htmlPage(pageFrame(ctx, inst.profile.name, kQueue, partnerMessages()), body);
}

namespace
{
/// The page that shows a login's one-time code once.
PanelResponse codePage(const PageContext& ctx, const PartnerDecisionOutcome& o, const std::string& id)
{
    Html body;
    body << "<p role=\"status\">Przekaż instytucji login i jednorazowy kod (ważny 14 dni). Kod jest pokazywany tylko "
            "teraz; hasło instytucja ustawi sama na stronie <a href=\"/panel/partner/password\">"
            "/panel/partner/password</a>.</p>\n<dl>\n<dt>Login</dt><dd><code>"
         << o.accountId << "</code></dd>\n<dt>Jednorazowy kod</dt><dd><code>" << o.code
         << "</code></dd>\n</dl>\n<p><a href=\"/panel/partners/institution?id=" << id
         << "\">Wróć do instytucji</a></p>\n";
    return htmlPage(pageFrame(ctx, "Konto instytucji", kQueue), body);
}

PanelResponse afterInstitutionDecision(const Result<PartnerDecisionOutcome, db::Error>& o, const std::string& done);

/// An approval or a new code: the login's one-time code on the answer's page.
PanelResponse withCode(const PageContext& ctx, const Form& form,
                       Result<PartnerDecisionOutcome, db::Error> (PartnerStore::*decide)(const std::string&,
                                                                                         const std::string&,
                                                                                         std::int64_t))
{
    const std::string id = fieldValue(form, "id");
    PartnerStore store(ctx.store, ctx.session.scope());
    auto o = (store.*decide)(id, ctx.session.staffId, ctx.now.unix);
    if (o && o->result == PartnerDecision::Done)
        return codePage(ctx, *o, id);
    return afterInstitutionDecision(o, "published");
}

PanelResponse afterInstitutionDecision(const Result<PartnerDecisionOutcome, db::Error>& o, const std::string& done)
{
    if (!o)
        return storeError();
    switch (o->result)
    {
    case PartnerDecision::Done:
        return seeOther(std::string(kQueue) + "?msg=" + done);
    case PartnerDecision::NotPending:
        return seeOther(std::string(kQueue) + "?msg=not-pending");
    default:
        return messagePage(404, "Nie ma takiej instytucji", "Nie ma takiej instytucji.", kQueue, "Wróć do kolejki");
    }
}
} // namespace

PanelResponse institutionApproveAction(const PageContext& ctx, const Form& form)
{
    return withCode(ctx, form, &PartnerStore::approveInstitution);
}

PanelResponse institutionCodeAction(const PageContext& ctx, const Form& form)
{
    return withCode(ctx, form, &PartnerStore::renewCode);
}

PanelResponse institutionRejectAction(const PageContext& ctx, const Form& form)
{
    const std::string id = fieldValue(form, "id");
    auto reason = reasonOf(form);
    if (!reason)
        return seeOther("/panel/partners/institution?id=" + id + "&msg=reason");
    return afterInstitutionDecision(
        PartnerStore(ctx.store, ctx.session.scope()).rejectInstitution(id, *reason, ctx.session.staffId, ctx.now.unix),
        "rejected");
}

PanelResponse proposalReviewPage(const PageContext& ctx)
{
    auto loaded = loadProposal(ctx, fieldValue(ctx.request.query, "id"));
    if (auto* r = std::get_if<PanelResponse>(&loaded))
        return *r;
    const auto& p = std::get<PartnerProposal>(loaded);
    const Json entry = p.kind == "profile" ? Json::object() : Json::parse(p.data, nullptr, false);
    return renderProposal(ctx, p, entry.is_object() ? entry : Json::object(), {}, 200, suggestedId(ctx, entry));
}

PanelResponse proposalPublishAction(const PageContext& ctx, const Form& form)
{
    auto loaded = loadProposal(ctx, fieldValue(form, "id"));
    if (auto* r = std::get_if<PanelResponse>(&loaded))
        return *r;
    const auto& p = std::get<PartnerProposal>(loaded);
    Json entry = Json::object();
    if (p.kind != "profile")
    {
        Json base = Json::parse(p.data, nullptr, false);
        entry = entryFromForm(base.is_object() ? base : Json::object(), form, formCatalogue(ctx));
        if (p.kind == "new-service")
            entry["id"] = fieldValue(form, "service_id");
    }
    auto o = PartnerStore(ctx.store, ctx.session.scope())
                 .publishProposal(p.id, p.kind == "profile" ? "" : entry.dump(), ctx.session.staffId, ctx.now.unix);
    if (!o)
        return storeError();
    switch (o->result)
    {
    case PartnerDecision::Done:
        return seeOther(std::string(kQueue) + "?msg=published");
    case PartnerDecision::NotPending:
        return seeOther(std::string(kQueue) + "?msg=not-pending");
    case PartnerDecision::Invalid:
        return renderProposal(ctx, p, entry, o->errors, 422, fieldValue(form, "service_id"));
    case PartnerDecision::Taken:
        return renderProposal(ctx, p, entry,
                              {"Usługa o identyfikatorze „" + fieldValue(form, "service_id") +
                               "” już jest w katalogu: wybierz inny identyfikator."},
                              409, fieldValue(form, "service_id"));
    default:
        return messagePage(404, "Nie ma takiej usługi", "Zmieniana usługa nie jest już w katalogu.", kQueue,
                           "Wróć do kolejki");
    }
}

PanelResponse proposalRejectAction(const PageContext& ctx, const Form& form)
{
    const std::string id = fieldValue(form, "id");
    auto reason = reasonOf(form);
    if (!reason)
        return seeOther("/panel/partners/proposal?id=" + id + "&msg=reason");
    auto o =
        PartnerStore(ctx.store, ctx.session.scope()).rejectProposal(id, *reason, ctx.session.staffId, ctx.now.unix);
    if (!o)
        return storeError();
    if (o->result == PartnerDecision::NotFound)
        return messagePage(404, "Nie ma takiej propozycji", "Nie ma takiej propozycji instytucji.", kQueue,
                           "Wróć do kolejki");
    return seeOther(std::string(kQueue) + "?msg=" + (o->result == PartnerDecision::Done ? "rejected" : "not-pending"));
}

} // namespace okienko::server::panel
