// Units and their desk-side state changes: the page loads PanelStore::units and renders them; a
// change goes to PanelStore::changeUnitState, which re-reads the unit's state inside its write, so
// two coordinators (or a kiosk's check-in arriving meanwhile) cannot both move it: the second one
// gets 409 and a message naming the state it found.
#include "server/panel/units_pages.hpp"

#include "shared/domain/codes.hpp"
#include "shared/protocol/json_reader.hpp"
#include "shared/validate/free_text.hpp"

#include <algorithm>

namespace okienko::server::panel
{

namespace
{
using domain::UnitState;

constexpr std::size_t kMaxNoteCodePoints = 500; // as the kiosk's unit.state_changed notes

std::string stateFilter(const std::map<std::string, std::string>& m)
{
    const std::string code = fieldValue(m, "stan");
    return domain::fromCode<UnitState>(code) ? code : std::string();
}

FlashMessage flashFor(const std::string& code)
{
    if (code == "bad-input")
        return {"Nieprawidłowe dane formularza.", true};
    if (code == "error")
        return {"Błąd bazy danych; nic nie zmieniono. Spróbuj ponownie.", true};
    if (const UnitTransition* t = findUnitTransition(code))
        return {"Zapisano: " + std::string(t->label) + " — stan „" + unitStateLabel(t->to) +
                    "”. Kioski dostaną zmianę przy najbliższej synchronizacji.",
                false};
    return {};
}

/// The state changes `row` allows now, one small form each; "—" when none.
Html actionForms(const PageContext& ctx, const UnitView& row, const std::string& filter)
{
    Html out;
    if (!row.state)
        return out << "—";
    for (const auto& t : unitTransitions())
    {
        if (std::find(t.from.begin(), t.from.end(), *row.state) == t.from.end())
            continue;
        out << "<form class=\"inline\" method=\"post\" enctype=\"multipart/form-data\" action=\"/panel/units/state\">"
            << csrfField(ctx.session) << "<input type=\"hidden\" name=\"inventory\" value=\"" << row.inventory
            << "\"><input type=\"hidden\" name=\"action\" value=\"" << t.code << "\">";
        if (!filter.empty())
            out << "<input type=\"hidden\" name=\"stan\" value=\"" << filter << "\">";
        if (t.to == UnitState::Repair || t.to == UnitState::Retired)
        {
            const std::string id = "uwagi-" + std::string(t.code) + "-" + row.inventory;
            out << "<label for=\"" << id << "\" class=\"sr-only\">Powód (" << t.label << ", " << row.inventory
                << ")</label><input id=\"" << id << "\" name=\"note\" maxlength=\"500\" placeholder=\"powód\">";
        }
        out << "<button type=\"submit\"" << (t.to == UnitState::Retired ? Markup(" class=\"secondary\"") : Markup(""))
            << " aria-label=\"" << t.label << ": " << row.inventory << "\">" << t.label << "</button></form> ";
    }
    if (out.empty())
        out << "—";
    return out;
}

/// The open loan's due date, marked when it has passed; "—" without a loan.
Html dueCell(const UnitView& row, const Date& today)
{
    Html out;
    if (!row.loanDue || row.loanDue->empty())
        return out << "—";
    const auto due = parseIsoDate(*row.loanDue);
    if (!due || !(*due < today))
        return out << *row.loanDue;
    return out << "<strong class=\"warn\">" << *row.loanDue << " (⚠ " << today.toDays() - due->toDays()
               << " dni po terminie)</strong>";
}

/// The units page over `rows` (already loaded), with `flash` and `httpStatus`.
PanelResponse renderUnits(const PageContext& ctx, const std::vector<UnitView>& rows, const FlashMessage& flash,
                          int httpStatus, const std::string& filter)
{
    Html body;
    body << "<form method=\"get\" action=\"/panel/units\" class=\"inline\"><label for=\"stan\">Pokaż"
            "</label><select id=\"stan\" name=\"stan\"><option value=\"\">wszystkie jednostki</option>";
    for (UnitState s : {UnitState::Available, UnitState::Reserved, UnitState::OnLoan, UnitState::Cleaning,
                        UnitState::Repair, UnitState::Retired})
    {
        const std::string_view code = domain::toCode(s);
        body << "<option value=\"" << code << "\"" << (code == filter ? Markup(" selected") : Markup("")) << ">"
             << unitStateLabel(s) << "</option>";
    }
    body << "</select> <button type=\"submit\" class=\"secondary\">Pokaż</button></form>\n"
            "<p>Stan na żywo każdej jednostki. Zmiany stanu zapisują się od razu, a kioski dostają je przy "
            "najbliższej synchronizacji. Jednostka po naprawie lub przywrócona do użytku trafia najpierw do "
            "czyszczenia i sprawdzenia.</p>\n";
    if (rows.empty())
        body << "<p role=\"status\">Brak jednostek" << (filter.empty() ? Markup("") : Markup(" w tym stanie"))
             << ".</p>\n";
    else
    {
        body << "<table>\n<caption>Jednostki sprzętu (" << rows.size()
             << ")</caption>\n<thead><tr><th scope=\"col\">Nr inwentarzowy</th><th scope=\"col\">Sprzęt</th>"
                "<th scope=\"col\">Stan</th><th scope=\"col\">Uwagi</th><th scope=\"col\">Termin zwrotu</th>"
                "<th scope=\"col\">Ostatnia zmiana w panelu</th><th scope=\"col\">Działania</th></tr></thead>\n"
                "<tbody>\n";
        for (const auto& row : rows)
        {
            body << "<tr id=\"u-" << row.inventory << "\"><th scope=\"row\">" << row.inventory << "</th><td>"
                 << row.typeName << "</td><td>" << (row.state ? unitStateLabel(*row.state) : row.stateCode);
            if (row.stateSince > 0)
                body << "<br><span class=\"muted\">od " << dateTimeText(row.stateSince) << "</span>";
            body << "</td><td>";
            if (row.notes.empty())
                body << "—";
            else
                body << row.notes;
            body << "</td><td>" << dueCell(row, ctx.now.today) << "</td><td>";
            if (row.lastChangedAt > 0)
                body << row.lastChangedBy << ", " << dateTimeText(row.lastChangedAt);
            else
                body << "—";
            body << "</td><td>" << actionForms(ctx, row, filter) << "</td></tr>\n";
        }
        body << "</tbody>\n</table>\n";
    }
    PanelResponse r;
    r.status = httpStatus;
    r.body = renderPage(pageFrame(ctx, "Sprzęt", "/panel/units", flash), body);
    return r;
}

/// Loads the units (of `filter`'s state) and renders the page.
PanelResponse showUnits(const PageContext& ctx, const FlashMessage& flash, int httpStatus, const std::string& filter)
{
    auto units = ctx.panelStore.units(filter);
    if (!units)
        return messagePage(503, "Błąd", "Nie udało się odczytać listy sprzętu. Spróbuj ponownie.");
    return renderUnits(ctx, *units, flash, httpStatus, filter);
}
} // namespace

const std::vector<UnitTransition>& unitTransitions()
{
    static const std::vector<UnitTransition> transitions{
        {"cleaning-done", "Czyszczenie zakończone", {UnitState::Cleaning}, UnitState::Available},
        {"repair", "Do naprawy", {UnitState::Available, UnitState::Cleaning}, UnitState::Repair},
        {"repair-done", "Naprawa zakończona", {UnitState::Repair}, UnitState::Cleaning},
        {"retire",
         "Wycofaj z użytku",
         {UnitState::Available, UnitState::Cleaning, UnitState::Repair},
         UnitState::Retired},
        // Back from retirement it is checked before lending, like a returned unit.
        {"unretire", "Przywróć do użytku", {UnitState::Retired}, UnitState::Cleaning},
    };
    return transitions;
}

const UnitTransition* findUnitTransition(std::string_view code)
{
    for (const auto& t : unitTransitions())
        if (t.code == code)
            return &t;
    return nullptr;
}

std::string unitStateLabel(UnitState state)
{
    switch (state)
    {
    case UnitState::Available:
        return "dostępna";
    case UnitState::Reserved:
        return "zarezerwowana";
    case UnitState::OnLoan:
        return "wypożyczona";
    case UnitState::Cleaning:
        return "do czyszczenia";
    case UnitState::Repair:
        return "w naprawie";
    case UnitState::Retired:
        return "wycofana";
    }
    return "nieznany";
}

PanelResponse unitsPage(const PageContext& ctx)
{
    return showUnits(ctx, flashFor(fieldValue(ctx.request.query, "msg")), 200, stateFilter(ctx.request.query));
}

PanelResponse unitStateAction(const PageContext& ctx, const std::map<std::string, std::string>& form)
{
    const std::string filter = stateFilter(form);
    const std::string back = "/panel/units?" + (filter.empty() ? std::string() : "stan=" + filter + "&") + "msg=";
    const std::string inventory = fieldValue(form, "inventory");
    const UnitTransition* transition = findUnitTransition(fieldValue(form, "action"));
    if (!transition || !protocol::matchesIdPattern(inventory, protocol::IdPattern::InventoryNumber))
        return seeOther(back + "bad-input");
    auto note = validate::validateFreeText(fieldValue(form, "note"), 0, kMaxNoteCodePoints);
    if (!note)
        return seeOther(back + "bad-input");

    auto outcome =
        ctx.panelStore.changeUnitState(UnitStateChange{inventory, std::string(transition->code), transition->from,
                                                       transition->to, *note, ctx.session.staffId, ctx.now.unix});
    if (!outcome)
        return seeOther(back + "error");
    const std::string what = "„" + std::string(transition->label) + "” dla " + inventory;
    switch (outcome->result)
    {
    case UnitChangeResult::Changed:
        break;
    case UnitChangeResult::UnknownUnit:
        return showUnits(ctx, {"Nie ma jednostki o numerze " + inventory + ".", true}, 404, filter);
    case UnitChangeResult::WrongState:
    {
        std::string allowed;
        for (UnitState s : transition->from)
            allowed += (allowed.empty() ? "„" : ", „") + unitStateLabel(s) + "”";
        return showUnits(ctx,
                         {"Nie można wykonać " + what + ": jednostka jest w stanie „" +
                              (outcome->state ? unitStateLabel(*outcome->state) : outcome->stateCode) +
                              "”, a ta zmiana jest możliwa tylko ze stanu " + allowed + ". Nic nie zmieniono.",
                          true},
                         409, filter);
    }
    case UnitChangeResult::OpenLoan:
        return showUnits(ctx,
                         {"Nie można wykonać " + what + ": jednostka ma otwarte wypożyczenie (termin " +
                              outcome->loanDue + "). Nic nie zmieniono.",
                          true},
                         409, filter);
    }
    return seeOther(back + std::string(transition->code) + "#u-" + inventory);
}

} // namespace okienko::server::panel
