// Staff accounts: load (LifecycleStore::listStaff) and render, and the two changes, each answered
// with 303 and a fixed message code. An admin cannot change or deactivate their own account here,
// so the last admin cannot lock everyone out of it by a click.
#include "server/panel/staff_pages.hpp"

#include "server/lifecycle_store.hpp"
#include "server/panel/callbacks_pages.hpp"
#include "shared/domain/codes.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <string>

namespace okienko::server::panel
{

namespace
{
constexpr domain::StaffRole kRoles[] = {domain::StaffRole::Coordinator, domain::StaffRole::Counsellor,
                                        domain::StaffRole::Admin, domain::StaffRole::Equipment};

const std::map<std::string, FlashMessage>& staffMessages()
{
    static const std::map<std::string, FlashMessage> messages{
        {"bad-input", {"Nieprawidłowe dane formularza.", true}},
        {"own-account", {"Własnego konta nie można tu zmienić ani wyłączyć.", true}},
        {"role", {"Rola zmieniona; sesje tej osoby w panelu zostały zakończone.", false}},
        {"deactivated", {"Konto wyłączone; sesje tej osoby zostały zakończone, kioski odrzucą jej PIN.", false}},
        {"reactivated", {"Konto włączone ponownie.", false}},
        {"unchanged", {"Bez zmian.", false}},
        {"not-found", {"Nie ma takiego konta.", true}},
        {"error", {"Błąd bazy danych; spróbuj ponownie.", true}}};
    return messages;
}

std::string roleLabel(const std::string& code)
{
    static const std::map<std::string, std::string> labels{{"coordinator", "koordynator"},
                                                           {"counsellor", "doradca"},
                                                           {"admin", "administrator"},
                                                           {"equipment", "wypożyczalnia sprzętu (tylko kiosk)"},
                                                           {"partner", "instytucja partnerska"}};
    auto it = labels.find(code);
    return it == labels.end() ? code : it->second;
}

Html roleForm(const PageContext& ctx, const StaffListing& s)
{
    const std::string fieldId = "rola-" + s.id;
    Html options;
    for (domain::StaffRole role : kRoles)
    {
        const std::string code(domain::toCode(role));
        options << "<option value=\"" << code << "\"" << (code == s.role ? Markup(" selected") : Markup("")) << ">"
                << roleLabel(code) << "</option>";
    }
    Html form = inlinePostForm(ctx.session, "/panel/staff/role", s.id);
    form << "<label for=\"" << fieldId << "\">Rola</label> <select id=\"" << fieldId << "\" name=\"role\">" << options
         << "</select> <button type=\"submit\" aria-label=\"Zmień rolę: " << s.name << "\">Zmień rolę</button></form>";
    return form;
}

Html activeForm(const PageContext& ctx, const StaffListing& s)
{
    Html form = inlinePostForm(ctx.session, "/panel/staff/active", s.id);
    form << "<input type=\"hidden\" name=\"active\" value=\"" << (s.active ? Markup("0") : Markup("1"))
         << "\"><button type=\"submit\" class=\"secondary\" aria-label=\""
         << (s.active ? Markup("Wyłącz konto: ") : Markup("Włącz konto: ")) << s.name << "\">"
         << (s.active ? Markup("Wyłącz") : Markup("Włącz")) << "</button></form>";
    return form;
}

/// The sites of a listing ("a,b").
std::vector<std::string> sitesOf(const StaffListing& s)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < s.sites.size())
    {
        std::size_t comma = s.sites.find(',', start);
        if (comma == std::string::npos)
            comma = s.sites.size();
        out.push_back(s.sites.substr(start, comma - start));
        start = comma + 1;
    }
    return out;
}

/// The page lists the accounts that reach the site it shows (decision 0011).
bool listedHere(const PageContext& ctx, const StaffListing& s)
{
    const auto sites = sitesOf(s);
    return std::find(sites.begin(), sites.end(), ctx.session.siteId) != sites.end();
}

/// An admin changes an account only when it reaches no site the admin does not: a CUS's admin never
/// changes a county coordinator who also works for another CUS.
bool changeableHere(const PageContext& ctx, const StaffListing& s)
{
    if (!listedHere(ctx, s))
        return false;
    for (const std::string& site : sitesOf(s))
        if (std::none_of(ctx.session.sites.begin(), ctx.session.sites.end(),
                         [&](const SiteChoice& c) { return c.id == site; }))
            return false;
    return true;
}

Html staffRows(const PageContext& ctx, const std::vector<StaffListing>& staff)
{
    Html rows;
    for (const StaffListing& s : staff)
    {
        rows << "<tr><th scope=\"row\">" << s.name << "</th><td>" << s.id << "</td><td>" << roleLabel(s.role)
             << "</td><td>" << (s.active ? Markup("aktywne") : Markup("wyłączone")) << "</td><td>";
        if (s.id == ctx.session.staffId)
            rows << "(Twoje konto)";
        else if (!changeableHere(ctx, s))
            rows << "(konto także innych ośrodków: zmienia je administrator, który je wszystkie obsługuje)";
        else if (s.role == "partner") // made at a partner's approval; its role is never changed here
            rows << activeForm(ctx, s);
        else
            rows << roleForm(ctx, s) << " " << activeForm(ctx, s);
        rows << "</td></tr>\n";
    }
    return rows;
}

/// The id of a change's form, when it names another account than the admin's own.
std::optional<std::string> otherAccountId(const PageContext& ctx, const Form& form)
{
    std::string id = fieldValue(form, "id");
    if (id.empty() || id.size() > 64 || id == ctx.session.staffId)
        return std::nullopt;
    return id;
}

/// Whether the admin may change account `id` here; an account of another site is answered as a
/// missing one.
Result<bool, LifecycleError> mayChangeAccount(const PageContext& ctx, const std::string& id)
{
    auto staff = LifecycleStore(ctx.store).listStaff();
    if (!staff)
        return makeErr(staff.error());
    return std::any_of(staff->begin(), staff->end(),
                       [&](const StaffListing& s) { return s.id == id && changeableHere(ctx, s); });
}

/// The redirect for an account the admin may not change, or nullopt when it may.
std::optional<PanelResponse> refuseOtherSite(const PageContext& ctx, const std::string& id)
{
    auto may = mayChangeAccount(ctx, id);
    if (!may)
        return seeOther("/panel/staff?msg=error");
    if (!*may)
        return seeOther("/panel/staff?msg=not-found");
    return std::nullopt;
}

PanelResponse afterChange(const Result<bool, LifecycleError>& changed, const char* done)
{
    if (!changed)
        return seeOther(std::string("/panel/staff?msg=") +
                        (changed.error().kind == LifecycleError::Kind::NotFound ? "not-found" : "error"));
    return seeOther(std::string("/panel/staff?msg=") + (*changed ? done : "unchanged"));
}
} // namespace

PanelResponse staffPage(const PageContext& ctx)
{
    auto staff = LifecycleStore(ctx.store).listStaff();
    if (!staff)
        return messagePage(503, "Błąd", "Nie udało się odczytać kont personelu.");
    std::erase_if(*staff, [&](const StaffListing& s) { return !listedHere(ctx, s); });
    Html body;
    body << "<p>Nowe konta, hasła i PIN-y nadaje się poleceniami <code>okienko-central</code> "
            "(<code>add-staff</code>, <code>reset-password</code>, <code>reset-pin</code>). Zmiana roli i "
            "wyłączenie konta kończą sesje tej osoby w panelu od jej następnego żądania.</p>\n"
            "<h2 id=\"konta\">Konta</h2>\n"
         << tableOrEmpty("konta",
                         "<th scope=\"col\">Imię i nazwisko</th><th scope=\"col\">Identyfikator</th><th "
                         "scope=\"col\">Rola</th><th scope=\"col\">Stan</th><th scope=\"col\">Działania</th>",
                         staffRows(ctx, *staff), "<p>Brak kont.</p>\n");
    return htmlPage(pageFrame(ctx, "Konta personelu", "/panel/staff", staffMessages()), body);
}

PanelResponse staffRoleAction(const PageContext& ctx, const Form& form)
{
    if (fieldValue(form, "id") == ctx.session.staffId)
        return seeOther("/panel/staff?msg=own-account");
    const auto id = otherAccountId(ctx, form);
    const auto role = domain::fromCode<domain::StaffRole>(fieldValue(form, "role"));
    // A partner's login is made at its institution's approval (partners_pages), never by a role change.
    if (!id || !role || *role == domain::StaffRole::Partner)
        return seeOther("/panel/staff?msg=bad-input");
    if (auto refused = refuseOtherSite(ctx, *id))
        return *refused;
    return afterChange(LifecycleStore(ctx.store).setStaffRole(*id, *role, ctx.now, ctx.session.staffId), "role");
}

PanelResponse staffActiveAction(const PageContext& ctx, const Form& form)
{
    if (fieldValue(form, "id") == ctx.session.staffId)
        return seeOther("/panel/staff?msg=own-account");
    const auto id = otherAccountId(ctx, form);
    const std::string active = fieldValue(form, "active");
    if (!id || (active != "0" && active != "1"))
        return seeOther("/panel/staff?msg=bad-input");
    const bool on = active == "1";
    if (auto refused = refuseOtherSite(ctx, *id))
        return *refused;
    return afterChange(LifecycleStore(ctx.store).setStaffActive(*id, on, ctx.now, ctx.session.staffId),
                       on ? "reactivated" : "deactivated");
}

} // namespace okienko::server::panel
