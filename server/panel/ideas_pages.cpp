// The idea box and satisfaction page: load (PanelStore::ideas, ratingSummaries) and render; the status
// action goes through PanelStore::setIdeaStatus, which writes the audit row with it. An idea's text
// is what a resident typed: it is shown escaped and only to the roles of this route.
#include "server/panel/ideas_pages.hpp"

#include "server/panel/form_catalogue.hpp"
#include "server/panel/monitoring.hpp"
#include "server/panel/register_pages.hpp"

#include <array>
#include <cstdio>

namespace okienko::server::panel
{

namespace
{
const std::map<std::string, std::string>& statusLabels()
{
    static const std::map<std::string, std::string> labels{
        {"new", "nowy"}, {"read", "przeczytany"}, {"answered", "z odpowiedzią"}, {"forwarded", "przekazany dalej"}};
    return labels;
}

const std::map<std::string, FlashMessage>& ideaMessages()
{
    static const std::map<std::string, FlashMessage> messages{
        {"status", {"Stan pomysłu zapisany.", false}},
        {"gone", {"Nie ma takiego pomysłu.", true}},
        {"bad-input", {"Nieprawidłowe dane formularza.", true}},
        {"error", {"Błąd bazy danych; nic nie zmieniono. Spróbuj ponownie.", true}}};
    return messages;
}

std::string languageLabel(const std::string& code)
{
    if (code == "pl")
        return "polski";
    if (code == "uk")
        return "ukraiński";
    if (code == "en")
        return "angielski";
    return code;
}

/// The status filter of the query: "" (all) or a known status.
std::string statusFilter(const std::map<std::string, std::string>& query)
{
    const std::string status = fieldValue(query, "status");
    return statusLabels().count(status) != 0 ? status : std::string();
}

/// The page's address for a filter and period, with a message code.
std::string ideasPath(const std::string& status, const RegisterPeriod& p, const std::string& msg)
{
    std::string path = "/panel/ideas?from=" + p.from.iso() + "&to=" + p.to.iso();
    if (!status.empty())
        path += "&status=" + status;
    if (!msg.empty())
        path += "&msg=" + msg;
    return path;
}

Html filterForm(const std::string& status, const RegisterPeriod& p)
{
    Html options;
    options << "<option value=\"\">wszystkie</option>";
    for (const auto& [code, label] : statusLabels())
        options << "<option value=\"" << code << "\"" << (code == status ? Markup(" selected") : Markup("")) << ">"
                << label << "</option>";
    return Html() << "<form method=\"get\" action=\"/panel/ideas\" class=\"filters\"><label for=\"filtr-stan\">Stan"
                     "</label> <select id=\"filtr-stan\" name=\"status\">"
                  << options
                  << "</select> <label for=\"okres-od\">Od</label> <input id=\"okres-od\" name=\"from\" type=\"date\" "
                     "value=\""
                  << p.from.iso()
                  << "\"> <label for=\"okres-do\">Do</label> <input id=\"okres-do\" name=\"to\" type=\"date\" value=\""
                  << p.to.iso() << "\"> <button type=\"submit\" class=\"secondary\">Pokaż</button></form>\n";
}

Html statusForm(const PageContext& ctx, const IdeaView& idea, const std::string& filter, const RegisterPeriod& p)
{
    Html options;
    for (const auto& [code, label] : statusLabels())
        if (code != "new")
            options << "<option value=\"" << code << "\"" << (code == idea.status ? Markup(" selected") : Markup(""))
                    << ">" << label << "</option>";
    const std::string id = "stan-" + idea.id;
    return Html() << "<form class=\"inline\" method=\"post\" enctype=\"multipart/form-data\" "
                     "action=\"/panel/ideas/status\">"
                  << csrfField(ctx.session) << "<input type=\"hidden\" name=\"id\" value=\"" << idea.id
                  << "\"><input type=\"hidden\" name=\"filter\" value=\"" << filter
                  << "\"><input type=\"hidden\" name=\"from\" value=\"" << p.from.iso()
                  << "\"><input type=\"hidden\" name=\"to\" value=\"" << p.to.iso() << "\"><label for=\"" << id
                  << "\" class=\"sr-only\">Nowy stan pomysłu</label><select id=\"" << id << "\" name=\"status\">"
                  << options << "</select> <button type=\"submit\">Zapisz stan</button></form>";
}

Html ideasTable(const PageContext& ctx, const std::vector<IdeaView>& ideas, const std::string& filter,
                const RegisterPeriod& p)
{
    Html out;
    out << "<h2 id=\"pomysly\">Pomysły (" << static_cast<std::int64_t>(ideas.size()) << ")</h2>\n";
    if (ideas.empty())
        return out << "<p role=\"status\">Brak pomysłów o tym stanie w tym okresie.</p>\n";
    out << "<table aria-labelledby=\"pomysly\">\n<thead><tr><th scope=\"col\">Data</th><th scope=\"col\">Obszar</th>"
           "<th scope=\"col\">Język</th><th scope=\"col\">Treść</th><th scope=\"col\">Stan</th><th "
           "scope=\"col\">Działanie</th></tr></thead>\n<tbody>\n";
    const domain::Catalog catalogue = formCatalogue(ctx); // an added area by its name
    for (const auto& idea : ideas)
    {
        const auto label = statusLabels().find(idea.status);
        out << "<tr><th scope=\"row\">" << dateTimeText(idea.at) << "</th><td>" << areaLabel(idea.area, catalogue)
            << "</td><td>" << languageLabel(idea.language) << "</td><td class=\"idea-text\">"
            << (idea.text.empty() ? std::string("—") : idea.text) << "</td><td>"
            << (label == statusLabels().end() ? idea.status : label->second);
        if (idea.statusAt != 0)
            out << " (" << idea.statusBy << ", " << dateTimeText(idea.statusAt) << ")";
        out << "</td><td>" << statusForm(ctx, idea, filter, p) << "</td></tr>\n";
    }
    return out << "</tbody>\n</table>\n";
}

std::string mean(std::int64_t sum, std::int64_t count)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f",
                  count == 0 ? 0.0 : static_cast<double>(sum) / static_cast<double>(count));
    std::string s = buffer;
    for (char& c : s)
        if (c == '.')
            c = ',';
    return s;
}
} // namespace

Html satisfactionTable(const std::vector<RatingSummary>& ratings)
{
    Html out;
    out << "<h2 id=\"zadowolenie\">Zadowolenie według usługi (oceny 1–5)</h2>\n";
    if (ratings.empty())
        return out << "<p role=\"status\">Brak ocen w tym okresie.</p>\n";
    out << "<table aria-labelledby=\"zadowolenie\">\n<thead><tr><th scope=\"col\">Usługa</th><th scope=\"col\" "
           "class=\"num\">1</th><th scope=\"col\" class=\"num\">2</th><th scope=\"col\" class=\"num\">3</th><th "
           "scope=\"col\" class=\"num\">4</th><th scope=\"col\" class=\"num\">5</th><th scope=\"col\" "
           "class=\"num\">Razem</th><th scope=\"col\" class=\"num\">Średnia</th></tr></thead>\n<tbody>\n";
    for (const RatingSummary& r : ratings)
    {
        std::int64_t total = 0, sum = 0;
        out << "<tr><th scope=\"row\">" << flowLabel(r.flow) << "</th>";
        for (std::size_t i = 0; i < r.byScore.size(); ++i)
        {
            out << "<td class=\"num\">" << r.byScore[i] << "</td>";
            total += r.byScore[i];
            sum += r.byScore[i] * static_cast<std::int64_t>(i + 1);
        }
        out << "<td class=\"num\">" << total << "</td><td class=\"num\">" << mean(sum, total) << "</td></tr>\n";
    }
    return out << "</tbody>\n</table>\n";
}

PanelResponse ideasPage(const PageContext& ctx)
{
    const RegisterPeriod period = requestedPeriod(ctx.request.query, ctx.now.today);
    const std::string filter = statusFilter(ctx.request.query);
    const ReportPeriod range = reportPeriod(period.from, period.to);
    auto ideas = ctx.panelStore.ideas(range, filter);
    auto ratings = ctx.panelStore.ratingSummaries(range);
    if (!ideas || !ratings)
        return messagePage(503, "Błąd", "Nie udało się odczytać pomysłów. Spróbuj ponownie.");
    FlashMessage flash = lookupFlash(ideaMessages(), fieldValue(ctx.request.query, "msg"));
    if (!period.error.empty() && flash.text.empty())
        flash = {period.error, true};
    Html body;
    body << "<p>Pomysły, które mieszkańcy zostawili w kioskach („skrzynka inspiracji”), z obszarem, językiem i "
            "datą. Oznacz każdy jako przeczytany, z odpowiedzią albo przekazany dalej; zmiana zapisuje, kto i kiedy "
            "jej dokonał.</p>\n"
         << filterForm(filter, period) << ideasTable(ctx, *ideas, filter, period) << satisfactionTable(*ratings);
    return htmlPage(pageFrame(ctx, "Skrzynka pomysłów i oceny", "/panel/ideas", flash), body);
}

PanelResponse ideaStatusAction(const PageContext& ctx, const Form& form)
{
    const std::string id = fieldValue(form, "id");
    const std::string status = fieldValue(form, "status");
    const std::string filter = statusFilter({{"status", fieldValue(form, "filter")}});
    const RegisterPeriod period = requestedPeriod(form, ctx.now.today);
    if (id.empty() || id.size() > 64 || status == "new" || statusLabels().count(status) == 0)
        return seeOther(ideasPath(filter, period, "bad-input"));
    auto found = ctx.panelStore.setIdeaStatus(id, status, ctx.session.staffId, ctx.now.unix);
    if (!found)
        return seeOther(ideasPath(filter, period, "error"));
    return seeOther(ideasPath(filter, period, *found ? "status" : "gone"));
}

} // namespace okienko::server::panel
