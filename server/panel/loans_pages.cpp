// Loans as the server knows them from kiosks' loan events. Lateness is written out in words ("5 dni
// po terminie") and marked with a sign, so it does not depend on colour; the overdue loans come
// first because they are what a coordinator phones about.
#include "server/panel/loans_pages.hpp"

#include "shared/validate/phone.hpp"

#include <string>
#include <vector>

namespace okienko::server::panel
{

namespace
{
/// What the page shows.
struct LoansView
{
    bool onlyOverdue = false;
    Date today;
    std::vector<OpenLoanView> open;
    std::vector<ReturnedLoanView> returned;
};

/// > 0: overdue by that many days; <= 0: days left (negated).
std::int64_t daysLate(const OpenLoanView& loan, const Date& today)
{
    auto due = parseIsoDate(loan.dueDate);
    return due ? today.toDays() - due->toDays() : 0;
}

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
    return s.empty() ? std::string("—") : s;
}

Result<LoansView, db::Error> loadLoans(const PageContext& ctx)
{
    LoansView v;
    v.onlyOverdue = fieldValue(ctx.request.query, "zalegle") == "1";
    v.today = ctx.now.today;
    auto open = ctx.panelStore.openLoans(v.onlyOverdue, v.today.iso());
    if (!open)
        return makeErr(open.error());
    v.open = std::move(open).value();
    if (v.onlyOverdue)
        return v;
    auto returned = ctx.panelStore.returnedLoans(v.today.plusDays(-kRecentReturnDays).iso());
    if (!returned)
        return makeErr(returned.error());
    v.returned = std::move(returned).value();
    return v;
}

Html renderLoans(const LoansView& v)
{
    std::size_t overdue = 0;
    for (const auto& l : v.open)
        overdue += daysLate(l, v.today) > 0 ? 1U : 0U;
    Html body;
    body << "<form method=\"get\" action=\"/panel/loans\" class=\"inline\"><input type=\"checkbox\" "
            "id=\"zalegle\" name=\"zalegle\" value=\"1\""
         << (v.onlyOverdue ? Markup(" checked") : Markup(""))
         << "><label for=\"zalegle\">tylko zaległe</label> <button type=\"submit\" "
            "class=\"secondary\">Filtruj</button></form>\n";
    body << "<h2 id=\"otwarte\">" << (v.onlyOverdue ? Markup("Zaległe wypożyczenia") : Markup("Otwarte wypożyczenia"))
         << "</h2>\n<p>";
    if (!v.onlyOverdue)
        body << "Otwartych: " << v.open.size() << ", w tym ";
    body << "po terminie: <strong>" << overdue << "</strong>.</p>\n";
    Html openRows;
    for (const auto& l : v.open)
    {
        const std::int64_t late = daysLate(l, v.today);
        openRows << "<tr" << (late > 0 ? Markup(" class=\"overdue\"") : Markup("")) << "><th scope=\"row\">"
                 << l.inventoryNumber << "</th><td>" << l.typeName << "</td><td>" << orDash(l.borrowerName)
                 << "</td><td>" << orDash(validate::formatPhone(l.borrowerPhone)) << "</td><td>" << l.startDate
                 << "</td><td>" << l.dueDate << "</td>";
        if (late > 0)
            openRows << "<td class=\"warn\"><strong>⚠ " << late << " " << daysWord(late)
                     << " po terminie</strong></td>";
        else if (late == 0)
            openRows << "<td>zwrot dziś</td>";
        else
            openRows << "<td>w terminie (jeszcze " << -late << " " << daysWord(-late) << ")</td>";
        openRows << "<td>" << orDash(l.kioskName) << "</td><td>" << orDash(l.staffName) << "</td></tr>\n";
    }
    body << tableOrEmpty(
        "otwarte",
        "<th scope=\"col\">Nr inwentarzowy</th><th scope=\"col\">Sprzęt</th><th "
        "scope=\"col\">Wypożyczający</th><th scope=\"col\">Telefon</th><th scope=\"col\">Od</th><th "
        "scope=\"col\">Termin zwrotu</th><th scope=\"col\">Zaległość</th><th scope=\"col\">Kiosk</th><th "
        "scope=\"col\">Wydał(a)</th>",
        openRows,
        v.onlyOverdue ? Markup("<p role=\"status\">Brak zaległych wypożyczeń.</p>\n")
                      : Markup("<p role=\"status\">Brak otwartych wypożyczeń.</p>\n"));

    if (!v.onlyOverdue)
    {
        body << "<h2 id=\"zwrocone\">Zwrócone w ostatnich " << kRecentReturnDays << " dniach</h2>\n";
        Html returnedRows;
        for (const auto& l : v.returned)
            returnedRows << "<tr><th scope=\"row\">" << l.inventoryNumber << "</th><td>" << l.typeName << "</td><td>"
                         << orDash(l.borrowerName) << "</td><td>" << l.startDate << "</td><td>" << l.dueDate
                         << "</td><td>" << l.returnedOn
                         << (l.returnedOn > l.dueDate ? Markup(" (po terminie)") : Markup("")) << "</td><td>"
                         << conditionLabel(l.condition) << "</td><td>" << orDash(l.notes) << "</td></tr>\n";
        body << tableOrEmpty(
            "zwrocone",
            "<th scope=\"col\">Nr inwentarzowy</th><th scope=\"col\">Sprzęt</th><th "
            "scope=\"col\">Wypożyczający</th><th scope=\"col\">Od</th><th scope=\"col\">Termin</th><th "
            "scope=\"col\">Zwrócono</th><th scope=\"col\">Stan przy zwrocie</th><th "
            "scope=\"col\">Uwagi</th>",
            returnedRows, "<p>Brak zwrotów w tym okresie.</p>\n");
    }
    return body;
}
} // namespace

PanelResponse loansPage(const PageContext& ctx)
{
    auto view = loadLoans(ctx);
    if (!view)
        return messagePage(503, "Błąd", "Nie udało się odczytać wypożyczeń. Spróbuj ponownie.");
    return htmlPage(pageFrame(ctx, "Wypożyczenia", "/panel/loans"), renderLoans(*view));
}

} // namespace okienko::server::panel
