// Loans as the server knows them from kiosks' loan events. Lateness is written out in words ("5 dni
// po terminie") and marked with a sign, so it does not depend on colour; the overdue loans come
// first because they are what a coordinator phones about.
#include "server/panel/loans_pages.hpp"

#include "server/store_sql.hpp"
#include "shared/validate/phone.hpp"

#include <string>
#include <vector>

namespace okienko::server::panel
{

namespace
{
struct OpenLoan
{
    std::string unit, type, borrower, phone, start, due, kiosk, staff;
    std::int64_t daysLate = 0; ///< > 0: overdue by that many days; <= 0: days left (negated)
};

struct ReturnedLoan
{
    std::string unit, type, borrower, start, due, returned, condition, notes;
};

std::string daysWord(std::int64_t n)
{
    return n == 1 ? "dzień" : "dni";
}

std::string conditionLabel(const std::string& code)
{
    if (code == "fine")
        return "bez uwag";
    if (code == "needs-cleaning")
        return "do czyszczenia";
    if (code == "needs-repair")
        return "do naprawy";
    return code.empty() ? "—" : code;
}

std::string orDash(const std::string& s)
{
    return s.empty() ? std::string("—") : htmlEscape(s);
}
} // namespace

PanelResponse loansPage(const PageContext& ctx)
{
    const bool onlyOverdue = fieldValue(ctx.request.query, "zalegle") == "1";
    const Date today = ctx.now.today;
    std::vector<OpenLoan> open;
    std::vector<ReturnedLoan> returned;
    auto status = ctx.store.read(
        [&](db::Database& d) -> Status<db::Error>
        {
            auto st = sqlQuery(d,
                               "SELECT l.inventory_number, COALESCE(t.name_pl, l.type_id), "
                               "COALESCE(l.borrower_name, ''), COALESCE(l.borrower_phone, ''), l.start_date, "
                               "l.due_date, COALESCE(k.name, ''), COALESCE(s.name, l.staff_id) FROM loans l "
                               "LEFT JOIN equipment_types t ON t.id = l.type_id LEFT JOIN kiosks k ON k.id = "
                               "l.kiosk_id LEFT JOIN staff s ON s.id = l.staff_id WHERE l.returned_on IS NULL AND "
                               "(?1 = 0 OR l.due_date < ?2) ORDER BY CASE WHEN l.due_date < ?2 THEN 0 ELSE 1 END, "
                               "l.due_date, l.start_date, l.inventory_number",
                               onlyOverdue ? 1 : 0, today.iso());
            if (!st)
                return makeErr(st.error());
            auto rows = forEachRow(*st,
                                   [&](db::Statement& r)
                                   {
                                       OpenLoan l;
                                       l.unit = r.columnText(0).value();
                                       l.type = r.columnText(1).value();
                                       l.borrower = r.columnText(2).value();
                                       l.phone = r.columnText(3).value();
                                       l.start = r.columnText(4).value();
                                       l.due = r.columnText(5).value();
                                       l.kiosk = r.columnText(6).value();
                                       l.staff = r.columnText(7).value();
                                       if (auto due = parseIsoDate(l.due))
                                           l.daysLate = today.toDays() - due->toDays();
                                       open.push_back(std::move(l));
                                   });
            if (!rows || onlyOverdue)
                return rows;
            auto rs = sqlQuery(d,
                               "SELECT l.inventory_number, COALESCE(t.name_pl, l.type_id), "
                               "COALESCE(l.borrower_name, ''), l.start_date, l.due_date, l.returned_on, "
                               "COALESCE(l.return_condition, ''), l.return_notes FROM loans l LEFT JOIN "
                               "equipment_types t ON t.id = l.type_id WHERE l.returned_on IS NOT NULL AND "
                               "l.returned_on >= ? ORDER BY l.returned_on DESC, l.inventory_number",
                               today.plusDays(-kRecentReturnDays).iso());
            if (!rs)
                return makeErr(rs.error());
            return forEachRow(*rs,
                              [&](db::Statement& r)
                              {
                                  returned.push_back({r.columnText(0).value(), r.columnText(1).value(),
                                                      r.columnText(2).value(), r.columnText(3).value(),
                                                      r.columnText(4).value(), r.columnText(5).value(),
                                                      r.columnText(6).value(), r.columnText(7).value()});
                              });
        });
    if (!status)
        return messagePage(503, "Błąd", "Nie udało się odczytać wypożyczeń. Spróbuj ponownie.");

    std::size_t overdue = 0;
    for (const auto& l : open)
        overdue += l.daysLate > 0 ? 1U : 0U;
    std::string body = "<form method=\"get\" action=\"/panel/loans\" class=\"inline\"><input type=\"checkbox\" "
                       "id=\"zalegle\" name=\"zalegle\" value=\"1\"" +
                       std::string(onlyOverdue ? " checked" : "") +
                       "><label for=\"zalegle\">tylko zaległe</label> <button type=\"submit\" "
                       "class=\"secondary\">Filtruj</button></form>\n";
    body += "<h2 id=\"otwarte\">" + std::string(onlyOverdue ? "Zaległe wypożyczenia" : "Otwarte wypożyczenia") +
            "</h2>\n<p>" + (onlyOverdue ? "" : "Otwartych: " + std::to_string(open.size()) + ", w tym ") +
            "po terminie: <strong>" + std::to_string(overdue) + "</strong>.</p>\n";
    if (!open.empty())
    {
        body += "<table aria-labelledby=\"otwarte\">\n<thead><tr><th scope=\"col\">Nr inwentarzowy</th>"
                "<th scope=\"col\">Sprzęt</th><th scope=\"col\">Wypożyczający</th><th scope=\"col\">Telefon</th>"
                "<th scope=\"col\">Od</th><th scope=\"col\">Termin zwrotu</th><th scope=\"col\">Zaległość</th>"
                "<th scope=\"col\">Kiosk</th><th scope=\"col\">Wydał(a)</th></tr></thead>\n<tbody>\n";
        for (const auto& l : open)
        {
            std::string late;
            if (l.daysLate > 0)
                late = "<td class=\"warn\"><strong>⚠ " + std::to_string(l.daysLate) + " " + daysWord(l.daysLate) +
                       " po terminie</strong></td>";
            else if (l.daysLate == 0)
                late = "<td>zwrot dziś</td>";
            else
                late =
                    "<td>w terminie (jeszcze " + std::to_string(-l.daysLate) + " " + daysWord(-l.daysLate) + ")</td>";
            body += std::string("<tr") + (l.daysLate > 0 ? " class=\"overdue\"" : "") + "><th scope=\"row\">" +
                    htmlEscape(l.unit) + "</th><td>" + htmlEscape(l.type) + "</td><td>" + orDash(l.borrower) +
                    "</td><td>" + orDash(validate::formatPhone(l.phone)) + "</td><td>" + htmlEscape(l.start) +
                    "</td><td>" + htmlEscape(l.due) + "</td>" + late + "<td>" + orDash(l.kiosk) + "</td><td>" +
                    orDash(l.staff) + "</td></tr>\n";
        }
        body += "</tbody>\n</table>\n";
    }
    else
        body += std::string("<p role=\"status\">") +
                (onlyOverdue ? "Brak zaległych wypożyczeń." : "Brak otwartych wypożyczeń.") + "</p>\n";

    if (!onlyOverdue)
    {
        body += "<h2 id=\"zwrocone\">Zwrócone w ostatnich " + std::to_string(kRecentReturnDays) + " dniach</h2>\n";
        if (returned.empty())
            body += "<p>Brak zwrotów w tym okresie.</p>\n";
        else
        {
            body += "<table aria-labelledby=\"zwrocone\">\n<thead><tr><th scope=\"col\">Nr inwentarzowy</th>"
                    "<th scope=\"col\">Sprzęt</th><th scope=\"col\">Wypożyczający</th><th scope=\"col\">Od</th>"
                    "<th scope=\"col\">Termin</th><th scope=\"col\">Zwrócono</th><th scope=\"col\">Stan przy "
                    "zwrocie</th><th scope=\"col\">Uwagi</th></tr></thead>\n<tbody>\n";
            for (const auto& l : returned)
                body += "<tr><th scope=\"row\">" + htmlEscape(l.unit) + "</th><td>" + htmlEscape(l.type) + "</td><td>" +
                        orDash(l.borrower) + "</td><td>" + htmlEscape(l.start) + "</td><td>" + htmlEscape(l.due) +
                        "</td><td>" + htmlEscape(l.returned) + (l.returned > l.due ? " (po terminie)" : "") +
                        "</td><td>" + htmlEscape(conditionLabel(l.condition)) + "</td><td>" + orDash(l.notes) +
                        "</td></tr>\n";
            body += "</tbody>\n</table>\n";
        }
    }
    PanelResponse r;
    r.body = renderPage(pageFrame(ctx, "Wypożyczenia", "/panel/loans"), body);
    return r;
}

} // namespace okienko::server::panel
