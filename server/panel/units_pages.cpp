// Units and their desk-side state changes. The state a unit is in is read again inside the write
// transaction, so two coordinators (or a kiosk's check-in arriving meanwhile) cannot both move it:
// the second one gets 409 and a message naming the state it found.
#include "server/panel/units_pages.hpp"

#include "server/store_sql.hpp"
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

struct UnitRow
{
    std::string inventory, type, notes, due, changedBy;
    std::optional<UnitState> state;
    std::string stateCode;
    std::int64_t updatedAt = 0, changedAt = 0;
};

/// Result of a state change the write decided not to make.
struct Refusal
{
    int status = 409;
    std::string message;
};

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

std::string actionForms(const PageContext& ctx, const UnitRow& row, const std::string& filter)
{
    if (!row.state)
        return "—";
    std::string out;
    const std::string inv = htmlEscape(row.inventory);
    for (const auto& t : unitTransitions())
    {
        if (std::find(t.from.begin(), t.from.end(), *row.state) == t.from.end())
            continue;
        const std::string code(t.code);
        out += "<form class=\"inline\" method=\"post\" action=\"/panel/units/state\">" + csrfInput(ctx.session) +
               "<input type=\"hidden\" name=\"inventory\" value=\"" + inv +
               "\"><input type=\"hidden\" name=\"action\" value=\"" + code + "\">";
        if (!filter.empty())
            out += "<input type=\"hidden\" name=\"stan\" value=\"" + htmlEscape(filter) + "\">";
        if (t.to == UnitState::Repair || t.to == UnitState::Retired)
        {
            const std::string id = "uwagi-" + code + "-" + inv;
            out += "<label for=\"" + id + "\" class=\"sr-only\">Powód (" + std::string(t.label) + ", " + inv +
                   ")</label><input id=\"" + id + "\" name=\"note\" maxlength=\"500\" placeholder=\"powód\">";
        }
        out += "<button type=\"submit\"" + std::string(t.to == UnitState::Retired ? " class=\"secondary\"" : "") +
               " aria-label=\"" + std::string(t.label) + ": " + inv + "\">" + std::string(t.label) +
               "</button></form> ";
    }
    return out.empty() ? "—" : out;
}

PanelResponse renderUnits(const PageContext& ctx, const FlashMessage& flash, int httpStatus, const std::string& filter)
{
    std::vector<UnitRow> rows;
    auto status = ctx.store.read(
        [&](db::Database& d) -> Status<db::Error>
        {
            auto st = sqlQuery(
                d,
                "SELECT u.inventory_number, COALESCE(t.name_pl, u.type_id), COALESCE(s.state, u.state), "
                "COALESCE(s.notes, u.notes), COALESCE(s.updated_at, 0), (SELECT l.due_date FROM loans l WHERE "
                "l.inventory_number = u.inventory_number AND l.returned_on IS NULL ORDER BY l.start_date DESC LIMIT "
                "1), "
                "(SELECT COALESCE(sf.name, a.staff_id) || char(31) || a.at FROM panel_actions a LEFT JOIN staff sf ON "
                "sf.id = a.staff_id WHERE a.entity = 'unit' AND a.entity_id = u.inventory_number ORDER BY a.id DESC "
                "LIMIT 1) FROM equipment_units u LEFT JOIN unit_states s ON s.inventory_number = u.inventory_number "
                "LEFT JOIN equipment_types t ON t.id = u.type_id WHERE (?1 = '' OR COALESCE(s.state, u.state) = ?1) "
                "ORDER BY t.position, u.position",
                filter);
            if (!st)
                return makeErr(st.error());
            return forEachRow(*st,
                              [&](db::Statement& r)
                              {
                                  UnitRow row;
                                  row.inventory = r.columnText(0).value();
                                  row.type = r.columnText(1).value();
                                  row.stateCode = r.columnText(2).value();
                                  row.state = domain::fromCode<UnitState>(row.stateCode);
                                  row.notes = r.columnText(3).value();
                                  row.updatedAt = r.columnInt64(4).value();
                                  row.due = r.columnOptionalText(5).value().value_or("");
                                  const std::string last = r.columnOptionalText(6).value().value_or("");
                                  if (const auto sep = last.rfind('\x1f'); sep != std::string::npos)
                                  {
                                      row.changedBy = last.substr(0, sep);
                                      row.changedAt = std::atoll(last.c_str() + sep + 1);
                                  }
                                  rows.push_back(std::move(row));
                              });
        });
    if (!status)
        return messagePage(503, "Błąd", "Nie udało się odczytać listy sprzętu. Spróbuj ponownie.");

    std::string body = "<form method=\"get\" action=\"/panel/units\" class=\"inline\"><label for=\"stan\">Pokaż"
                       "</label><select id=\"stan\" name=\"stan\"><option value=\"\">wszystkie jednostki</option>";
    for (UnitState s : {UnitState::Available, UnitState::Reserved, UnitState::OnLoan, UnitState::Cleaning,
                        UnitState::Repair, UnitState::Retired})
    {
        const std::string code(domain::toCode(s));
        body += "<option value=\"" + code + "\"" + (code == filter ? " selected" : "") + ">" + unitStateLabel(s) +
                "</option>";
    }
    body += "</select> <button type=\"submit\" class=\"secondary\">Pokaż</button></form>\n"
            "<p>Stan na żywo każdej jednostki. Zmiany stanu zapisują się od razu, a kioski dostają je przy "
            "najbliższej synchronizacji. Jednostka po naprawie lub przywrócona do użytku trafia najpierw do "
            "czyszczenia i sprawdzenia.</p>\n";
    if (rows.empty())
        body += "<p role=\"status\">Brak jednostek" + std::string(filter.empty() ? "" : " w tym stanie") + ".</p>\n";
    else
    {
        body += "<table>\n<caption>Jednostki sprzętu (" + std::to_string(rows.size()) +
                ")</caption>\n<thead><tr><th scope=\"col\">Nr inwentarzowy</th><th scope=\"col\">Sprzęt</th>"
                "<th scope=\"col\">Stan</th><th scope=\"col\">Uwagi</th><th scope=\"col\">Termin zwrotu</th>"
                "<th scope=\"col\">Ostatnia zmiana w panelu</th><th scope=\"col\">Działania</th></tr></thead>\n"
                "<tbody>\n";
        for (const auto& row : rows)
        {
            std::string due = "—";
            if (!row.due.empty())
            {
                due = htmlEscape(row.due);
                if (auto d = parseIsoDate(row.due); d && *d < ctx.now.today)
                    due = "<strong class=\"warn\">" + due + " (⚠ " +
                          std::to_string(ctx.now.today.toDays() - d->toDays()) + " dni po terminie)</strong>";
            }
            const std::string stateText = row.state ? unitStateLabel(*row.state) : row.stateCode;
            body += "<tr id=\"u-" + htmlEscape(row.inventory) + "\"><th scope=\"row\">" + htmlEscape(row.inventory) +
                    "</th><td>" + htmlEscape(row.type) + "</td><td>" + htmlEscape(stateText) +
                    (row.updatedAt > 0
                         ? "<br><span class=\"muted\">od " + htmlEscape(dateTimeText(row.updatedAt)) + "</span>"
                         : std::string()) +
                    "</td><td>" + (row.notes.empty() ? std::string("—") : htmlEscape(row.notes)) + "</td><td>" + due +
                    "</td><td>" +
                    (row.changedAt > 0 ? htmlEscape(row.changedBy) + ", " + htmlEscape(dateTimeText(row.changedAt))
                                       : std::string("—")) +
                    "</td><td>" + actionForms(ctx, row, filter) + "</td></tr>\n";
        }
        body += "</tbody>\n</table>\n";
    }
    PanelResponse r;
    r.status = httpStatus;
    r.body = renderPage(pageFrame(ctx, "Sprzęt", "/panel/units", flash), body);
    return r;
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
    return renderUnits(ctx, flashFor(fieldValue(ctx.request.query, "msg")), 200, stateFilter(ctx.request.query));
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

    std::optional<Refusal> refusal;
    auto status = ctx.store.write(
        [&](db::Database& d) -> Status<db::Error>
        {
            auto st = sqlQuery(d,
                               "SELECT COALESCE(s.state, u.state), (SELECT l.due_date FROM loans l WHERE "
                               "l.inventory_number = u.inventory_number AND l.returned_on IS NULL LIMIT 1) FROM "
                               "equipment_units u LEFT JOIN unit_states s ON s.inventory_number = u.inventory_number "
                               "WHERE u.inventory_number = ?",
                               inventory);
            if (!st)
                return makeErr(st.error());
            bool found = false;
            std::string stateCode;
            std::optional<std::string> openLoanDue;
            auto rows = forEachRow(*st,
                                   [&](db::Statement& r)
                                   {
                                       found = true;
                                       stateCode = r.columnText(0).value();
                                       openLoanDue = r.columnOptionalText(1).value();
                                   });
            if (!rows)
                return rows;
            if (!found)
            {
                refusal = Refusal{404, "Nie ma jednostki o numerze " + inventory + "."};
                return {};
            }
            const auto state = domain::fromCode<UnitState>(stateCode);
            const std::string what = "„" + std::string(transition->label) + "” dla " + inventory;
            if (!state || std::find(transition->from.begin(), transition->from.end(), *state) == transition->from.end())
            {
                std::string allowed;
                for (UnitState s : transition->from)
                    allowed += (allowed.empty() ? "„" : ", „") + unitStateLabel(s) + "”";
                refusal =
                    Refusal{409, "Nie można wykonać " + what + ": jednostka jest w stanie „" +
                                     (state ? unitStateLabel(*state) : stateCode) +
                                     "”, a ta zmiana jest możliwa tylko ze stanu " + allowed + ". Nic nie zmieniono."};
                return {};
            }
            if (openLoanDue)
            {
                // The state says otherwise, but a loan is open: it is out of the building.
                refusal = Refusal{409, "Nie można wykonać " + what + ": jednostka ma otwarte wypożyczenie (termin " +
                                           *openLoanDue + "). Nic nie zmieniono."};
                return {};
            }
            const std::string next(domain::toCode(transition->to));
            if (note->empty())
            {
                if (auto e = sqlExec(d,
                                     "INSERT INTO unit_states(inventory_number, state, notes, updated_at) SELECT "
                                     "inventory_number, ?2, notes, ?3 FROM equipment_units WHERE inventory_number = ?1 "
                                     "ON CONFLICT(inventory_number) DO UPDATE SET state = ?2, updated_at = ?3",
                                     inventory, next, ctx.now.unix);
                    !e)
                    return e;
            }
            else if (auto e = sqlExec(d,
                                      "INSERT INTO unit_states(inventory_number, state, notes, updated_at) VALUES "
                                      "(?1, ?2, ?3, ?4) ON CONFLICT(inventory_number) DO UPDATE SET state = ?2, "
                                      "notes = ?3, updated_at = ?4",
                                      inventory, next, *note, ctx.now.unix);
                     !e)
                return e;
            if (auto e = logUnitChange(d, inventory, ctx.now.unix); !e)
                return e;
            return recordAction(d, ctx.session, "unit", inventory,
                                std::string(transition->code) + ": " + stateCode + " -> " + next, ctx.now.unix);
        });
    if (!status)
        return seeOther(back + "error");
    if (refusal)
        return renderUnits(ctx, {refusal->message, true}, refusal->status, filter);
    return seeOther(back + std::string(transition->code) + "#u-" + inventory);
}

} // namespace okienko::server::panel
