// Reservations, conflicts and counselling requests: load (the store's three lists and the free
// slots a request can move to) and render (three sections, each only for the roles that may act on
// it, and loaded only for them), and the decisions, each answered with 303 and a fixed message code.
#include "server/panel/reservations_pages.hpp"

#include "server/panel/callbacks_pages.hpp"
#include "server/panel/route_table.hpp"
#include "server/panel/slots_pages.hpp"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace okienko::server::panel
{

namespace
{
const std::map<std::string, FlashMessage>& decisionMessages()
{
    static const std::map<std::string, FlashMessage> messages =
        withMoveMessages({{"bad-input", {"Nieprawidłowe dane formularza.", true}},
                          {"confirmed", {"Potwierdzono.", false}},
                          {"rejected", {"Odrzucono.", false}},
                          {"cancelled", {"Odwołano; termin wrócił do puli wolnych.", false}},
                          {"resolved", {"Konflikt oznaczony jako rozwiązany.", false}},
                          {"error", {"Błąd bazy danych; spróbuj ponownie.", true}}});
    return messages;
}

std::string statusLabel(const std::string& code)
{
    static const std::map<std::string, std::string> labels{
        {"provisional", "wstępna (offline)"}, {"held", "zablokowana online"}, {"conflict", "konflikt"}};
    auto it = labels.find(code);
    return it == labels.end() ? code : it->second;
}

struct ReservationsView
{
    std::vector<PendingReservation> reservations;
    std::vector<OpenConflict> conflicts;
    std::vector<PendingCounselling> counselling;
    std::vector<SlotOption> freeSlots;
};

/// Which sections the reader sees: each one only to the roles that may act on it, so a counsellor
/// never reads equipment borrowers and a role without counselling never reads who asked for which kind.
struct ReservationSections
{
    bool equipment = false;
    bool conflicts = false;
    bool counselling = false;

    explicit ReservationSections(const PanelSession& session)
        : equipment(mayUse(session.role, Method::Post, "/panel/reservations/decide")),
          conflicts(mayUse(session.role, Method::Post, "/panel/conflicts/resolve")),
          counselling(mayUse(session.role, Method::Post, "/panel/counselling/decide"))
    {
    }
};

/// `*into` = the rows `read` gives, when `wanted`; nothing is read otherwise.
template <typename Rows, typename Read> Status<db::Error> loadSection(bool wanted, Rows& into, Read read)
{
    if (!wanted)
        return {};
    auto rows = read();
    if (!rows)
        return makeErr(rows.error());
    into = std::move(rows).value();
    return {};
}

Result<ReservationsView, db::Error> loadReservations(const PageContext& ctx, const ReservationSections& shown)
{
    ReservationsView v;
    PanelStore& store = ctx.panelStore;
    if (auto st = loadSection(shown.equipment, v.reservations, [&] { return store.pendingReservations(); }); !st)
        return makeErr(st.error());
    if (auto st = loadSection(shown.conflicts, v.conflicts, [&] { return store.openConflicts(); }); !st)
        return makeErr(st.error());
    if (auto st = loadSection(shown.counselling, v.counselling, [&] { return store.pendingCounsellingRequests(); });
        !st)
        return makeErr(st.error());
    if (auto st = loadSection(shown.counselling, v.freeSlots, [&] { return loadFreeSlotOptions(store, ctx.now); }); !st)
        return makeErr(st.error());
    return v;
}

/// `formStart` (from inlinePostForm) with the decision `action` and its one button; the
/// aria-label names the row for a screen reader, since every row's button reads the same.
Html decisionForm(const Html& formStart, Markup action, bool secondary, Markup ariaLabel, const std::string& code,
                  Markup text)
{
    Html form;
    form << formStart << "<input type=\"hidden\" name=\"action\" value=\"" << action << "\"><button type=\"submit\" "
         << (secondary ? Markup("class=\"secondary\" ") : Markup("")) << "aria-label=\"" << ariaLabel << code << "\">"
         << text << "</button></form>";
    return form;
}

/// A section of the page: its heading, then `emptyParagraph` or a table of `rows` under `headCells`.
Html decisionSection(Markup id, Markup heading, Markup emptyParagraph, Markup headCells, const Html& rows)
{
    Html out;
    out << "<h2 id=\"" << id << "\">" << heading << "</h2>\n" << tableOrEmpty(id, headCells, rows, emptyParagraph);
    return out;
}

Html reservationRows(const PageContext& ctx, const std::vector<PendingReservation>& reservations)
{
    Html rows;
    for (const auto& r : reservations)
    {
        const bool conflict = r.status == "conflict";
        rows << "<tr><th scope=\"row\">" << r.code << "</th><td>" << r.typeName << "</td><td>" << r.pickUpDate
             << "</td><td class=\"num\">" << r.loanDays << "</td><td"
             << (conflict ? Markup(" class=\"warn\"") : Markup("")) << ">" << statusLabel(r.status) << "</td><td>"
             << r.personName << "</td><td>" << r.personPhone << "</td><td>" << r.kioskName << "</td><td>";
        const Html form = inlinePostForm(ctx.session, "/panel/reservations/decide", r.id);
        // A conflict means the period no longer fits: confirming it would lend a unit twice.
        if (!conflict)
            rows << decisionForm(form, "confirm", false, "Potwierdź rezerwację ", r.code, "Potwierdź");
        rows << decisionForm(form, "reject", true, "Odrzuć rezerwację ", r.code, "Odrzuć") << "</td></tr>\n";
    }
    return rows;
}

Html conflictRows(const PageContext& ctx, const std::vector<OpenConflict>& conflicts)
{
    Html rows;
    for (const auto& c : conflicts)
    {
        const std::string id = std::to_string(c.id);
        rows << "<tr><th scope=\"row\">" << c.kind << "</th><td>" << c.entity << " " << c.entityId << "</td><td>"
             << c.detail << "</td><td>" << c.kioskName << "</td><td>" << dateTimeText(c.createdAt) << "</td><td>"
             << inlinePostForm(ctx.session, "/panel/conflicts/resolve", id)
             << "<button type=\"submit\" aria-label=\"Oznacz konflikt " << id
             << " jako rozwiązany\">Rozwiązany</button></form></td></tr>\n";
    }
    return rows;
}

Html counsellingRows(const PageContext& ctx, const ReservationsView& v)
{
    Html rows;
    for (const auto& c : v.counselling)
    {
        std::string when = "do uzgodnienia telefonicznie";
        if (c.slotStartMinute >= 0)
            when = c.slotDate + " " + clockText(c.slotStartMinute) + ", pokój " + c.slotRoom;
        const Html form = inlinePostForm(ctx.session, "/panel/counselling/decide", c.id);
        rows << "<tr><th scope=\"row\">" << c.code << "</th><td>" << c.kindName << "</td><td>" << when << "</td><td>"
             << c.name << "</td><td>" << c.phone << "</td><td>"
             << decisionForm(form, "confirm", false, "Potwierdź zgłoszenie ", c.code, "Potwierdź")
             << decisionForm(form, "cancel", true, "Odwołaj zgłoszenie ", c.code, "Odwołaj")
             << moveRequestForm(ctx.session, c.id, c.code, c.kindId, c.slotId, v.freeSlots, "reservations")
             << "</td></tr>\n";
    }
    return rows;
}

Html renderReservations(const PageContext& ctx, const ReservationsView& v, const ReservationSections& shown)
{
    Html body;
    if (shown.equipment)
        body << decisionSection(
            "rez", "Rezerwacje sprzętu do decyzji", "<p>Brak rezerwacji czekających na decyzję.</p>\n",
            "<th scope=\"col\">Kod</th><th scope=\"col\">Sprzęt</th><th scope=\"col\">Odbiór</th>"
            "<th scope=\"col\" class=\"num\">Dni</th><th scope=\"col\">Stan</th><th scope=\"col\">Osoba</th>"
            "<th scope=\"col\">Telefon</th><th scope=\"col\">Kiosk</th><th scope=\"col\">Działania</th>",
            reservationRows(ctx, v.reservations));
    if (shown.conflicts)
        body << decisionSection(
            "konf", "Konflikty z kiosków pracujących offline", "<p>Brak nierozwiązanych konfliktów.</p>\n",
            "<th scope=\"col\">Rodzaj</th><th scope=\"col\">Dotyczy</th><th scope=\"col\">Szczegóły</th>"
            "<th scope=\"col\">Kiosk</th><th scope=\"col\">Zgłoszono</th><th "
            "scope=\"col\">Działania</th>",
            conflictRows(ctx, v.conflicts));
    if (shown.counselling)
        body << decisionSection(
            "por", "Zgłoszenia do poradnictwa", "<p>Brak zgłoszeń czekających na decyzję.</p>\n",
            "<th scope=\"col\">Kod</th><th scope=\"col\">Rodzaj</th><th scope=\"col\">Termin</th>"
            "<th scope=\"col\">Osoba</th><th scope=\"col\">Telefon</th><th scope=\"col\">Działania</th>",
            counsellingRows(ctx, v));
    return body;
}

const char* messageCode(DecisionResult result)
{
    switch (result)
    {
    case DecisionResult::Confirmed:
        return "confirmed";
    case DecisionResult::Rejected:
        return "rejected";
    case DecisionResult::Cancelled:
        return "cancelled";
    case DecisionResult::Moved:
        return "moved";
    case DecisionResult::Resolved:
        return "resolved";
    case DecisionResult::SlotTaken:
        return "slot-taken";
    case DecisionResult::Stale:
        break;
    }
    return "stale";
}

/// The request id of a decision form, when it is within bounds.
std::optional<std::string> decisionId(const Form& form)
{
    std::string id = fieldValue(form, "id");
    if (id.empty() || id.size() > 64)
        return std::nullopt;
    return id;
}

/// 303 to the page the decision came from (`return=slots`: the duty hours) with its message.
PanelResponse afterDecision(const Form& form, const Result<DecisionResult, db::Error>& result)
{
    const std::string back = fieldValue(form, "return") == "slots" ? "/panel/slots?msg=" : "/panel/reservations?msg=";
    return seeOther(back + (result ? messageCode(*result) : "error"));
}
} // namespace

PanelResponse reservationsPage(const PageContext& ctx)
{
    const ReservationSections shown(ctx.session);
    auto view = loadReservations(ctx, shown);
    if (!view)
        return messagePage(503, "Błąd", "Nie udało się odczytać rezerwacji.");
    return htmlPage(pageFrame(ctx, "Rezerwacje i poradnictwo", "/panel/reservations", decisionMessages()),
                    renderReservations(ctx, *view, shown));
}

PanelResponse reservationDecideAction(const PageContext& ctx, const Form& form)
{
    const auto id = decisionId(form);
    if (!id)
        return seeOther("/panel/reservations?msg=bad-input");
    const std::string action = fieldValue(form, "action");
    if (action != "confirm" && action != "reject")
        return afterDecision(form, DecisionResult::Stale);
    const auto decision = action == "confirm" ? ReservationDecision::Confirm : ReservationDecision::Reject;
    return afterDecision(form, ctx.panelStore.decideReservation(*id, decision, ctx.session.staffId, ctx.now.unix));
}

PanelResponse counsellingDecideAction(const PageContext& ctx, const Form& form)
{
    const auto id = decisionId(form);
    if (!id)
        return seeOther("/panel/reservations?msg=bad-input");
    static const std::map<std::string, CounsellingDecision> decisions{{"confirm", CounsellingDecision::Confirm},
                                                                      {"cancel", CounsellingDecision::Cancel},
                                                                      {"move", CounsellingDecision::Move}};
    auto decision = decisions.find(fieldValue(form, "action"));
    if (decision == decisions.end())
        return afterDecision(form, DecisionResult::Stale);
    return afterDecision(form,
                         ctx.panelStore.decideCounselling(*id, decision->second, fieldValue(form, "slot"),
                                                          ctx.session.staffId, ctx.now, minuteOfDay(ctx.now.unix)));
}

PanelResponse conflictResolveAction(const PageContext& ctx, const Form& form)
{
    const auto id = decisionId(form);
    if (!id)
        return seeOther("/panel/reservations?msg=bad-input");
    return afterDecision(form, ctx.panelStore.resolveConflict(*id, ctx.session.staffId, ctx.now.unix));
}

} // namespace okienko::server::panel
