// The registers' pages: load (PanelStore::registerRows, registerRow) and render over the register's
// definition; the form is checked field by field (readRegisterForm) and the store writes the row
// and its audit row in one transaction. A reader without the right to save sees the list only.
#include "server/panel/register_pages.hpp"

#include "server/panel/counselling_register_pages.hpp"
#include "server/panel/route_table.hpp"
#include "shared/text/percent_encode.hpp"

#include <algorithm>

namespace okienko::server::panel
{

namespace
{
constexpr const char* kNav = "/panel/registers";

const std::map<std::string, FlashMessage>& registerMessages()
{
    static const std::map<std::string, FlashMessage> messages = withMarkMessages({
        {"added", {"Wpis dodany.", false}},
        {"updated", {"Zmiany zapisane.", false}},
        {"removed", {"Wpis usunięty; dziennik zmian zachowuje, kto i kiedy go usunął.", false}},
        {"bad-input", {"Nieprawidłowe dane formularza.", true}},
        {"error", {"Błąd bazy danych; nic nie zmieniono. Spróbuj ponownie.", true}},
    });
    return messages;
}

std::string basePath(const RegisterDefinition& d)
{
    return "/panel/registers/" + d.slug;
}

bool maySave(const PageContext& ctx, const RegisterDefinition& d)
{
    return mayUse(ctx.session.role, Method::Post, basePath(d) + "/save");
}

/// False for a row the form does not change (a booked counselling meeting is marked instead).
bool rowEditable(const RegisterDefinition& d, const RegisterValues& values)
{
    if (d.editableWhen.empty())
        return true;
    auto it = values.find(d.editableWhen);
    return it != values.end() && it->second && *it->second == "1";
}

/// The counselling register's "Spotkanie" column: how the entry came about.
std::string meetingLabel(const RegisterValues& values)
{
    auto value = [&](const char* column)
    {
        auto it = values.find(column);
        return it == values.end() || !it->second ? std::string() : *it->second;
    };
    if (value("walk_in") == "1")
        return "bez umówienia, odbyta";
    if (value("held") == "1")
        return "umówiona w kiosku, odbyta";
    if (value("held") == "0")
        return "umówiona w kiosku, nie odbyła się";
    return "umówiona w kiosku, nieoznaczona";
}

std::vector<const RegisterField*> shownFields(const RegisterDefinition& d)
{
    std::vector<const RegisterField*> out;
    for (const auto& f : d.fields)
        if (f.kind != FieldKind::Fixed)
            out.push_back(&f);
    return out;
}

Html entryRow(const PageContext& ctx, const RegisterDefinition& d, const RegisterRowView& row, const RegisterPeriod& p)
{
    Html out;
    out << "<tr>";
    bool first = true;
    for (const RegisterField* f : shownFields(d))
    {
        const auto it = row.values.find(f->column);
        const std::string text = displayValue(*f, it == row.values.end() ? std::nullopt : it->second);
        if (first)
            out << "<th scope=\"row\">" << text << "</th>";
        else
            out << "<td" << (f->kind == FieldKind::Text ? Markup("") : Markup(" class=\"num\"")) << ">" << text
                << "</td>";
        first = false;
    }
    if (d.id == RegisterId::Counselling)
        out << "<td>" << meetingLabel(row.values) << "</td>";
    out << "<td>" << row.createdBy << ", " << dateTimeText(row.createdAt) << "</td><td>";
    if (row.updatedAt != 0)
        out << row.updatedBy << ", " << dateTimeText(row.updatedAt);
    else
        out << "—";
    out << "</td><td>";
    if (maySave(ctx, d) && rowEditable(d, row.values))
    {
        const std::string label = d.noun + " nr " + std::to_string(row.id);
        out << "<a href=\"" << basePath(d) << "?from=" << p.from.iso() << "&amp;to=" << p.to.iso()
            << "&amp;edit=" << row.id << "#formularz\" aria-label=\"Zmień " << label
            << "\">Zmień</a> <form class=\"inline\" method=\"post\" enctype=\"multipart/form-data\" action=\""
            << basePath(d) << "/remove\">" << csrfField(ctx.session) << "<input type=\"hidden\" name=\"id\" value=\""
            << row.id << "\"><button type=\"submit\" class=\"secondary\" aria-label=\"Usuń " << label
            << "\">Usuń</button></form>";
    }
    return out << "</td></tr>\n";
}

Html entriesTable(const PageContext& ctx, const RegisterDefinition& d, const std::vector<RegisterRowView>& rows,
                  const RegisterPeriod& p)
{
    Html head;
    for (const RegisterField* f : shownFields(d))
        head << "<th scope=\"col\">" << f->label << "</th>";
    if (d.id == RegisterId::Counselling)
        head << "<th scope=\"col\">Spotkanie</th>";
    head << "<th scope=\"col\">Wpisał(a)</th><th scope=\"col\">Ostatnia zmiana</th><th scope=\"col\">Działania</th>";
    Html body;
    for (const auto& row : rows)
        body << entryRow(ctx, d, row, p);
    Html out;
    out << "<h2 id=\"wpisy\">Wpisy w okresie (" << static_cast<std::int64_t>(rows.size()) << ")</h2>\n";
    if (rows.empty())
        return out << "<p role=\"status\">Brak wpisów w tym okresie.</p>\n";
    return out << "<table aria-labelledby=\"wpisy\">\n<thead><tr>" << head << "</tr></thead>\n<tbody>\n"
               << body << "</tbody>\n</table>\n";
}

Html formField(const RegisterField& f, const RegisterFormInput& in)
{
    const auto error = in.errors.find(f.column);
    const auto typed = in.typed.find(f.column);
    const std::string value = typed == in.typed.end() ? std::string() : typed->second;
    const std::string id = "pole-" + f.column;
    Html out;
    out << "<p><label for=\"" << id << "\">" << f.label << "</label>";
    if (!f.hint.empty())
        out << " <small>" << f.hint << "</small>";
    out << "<br>";
    Html invalid;
    if (error != in.errors.end())
        invalid << " aria-invalid=\"true\" aria-describedby=\"blad-" << f.column << "\"";
    if (f.kind == FieldKind::Choice)
    {
        out << "<select id=\"" << id << "\" name=\"" << f.column << "\"" << invalid << ">";
        for (const auto& [code, label] : f.choices)
            out << "<option value=\"" << code << "\"" << (code == value ? Markup(" selected") : Markup("")) << ">"
                << label << "</option>";
        out << "</select>";
    }
    else
    {
        out << "<input id=\"" << id << "\" name=\"" << f.column << "\" value=\"" << value << "\"";
        switch (f.kind)
        {
        case FieldKind::Date:
            out << " type=\"date\" required";
            break;
        case FieldKind::OptionalDate:
            out << " type=\"date\"";
            break;
        case FieldKind::Minutes:
            out << " type=\"number\" required min=\"5\" max=\"480\"";
            break;
        case FieldKind::Count:
            out << " type=\"number\" required min=\"0\" max=\"10000\"";
            break;
        case FieldKind::Hours:
            out << " inputmode=\"decimal\" required maxlength=\"6\"";
            break;
        default:
            out << " required maxlength=\"120\" autocomplete=\"off\"";
            break;
        }
        out << invalid << ">";
    }
    if (error != in.errors.end())
        out << " <span id=\"blad-" << f.column << "\" class=\"warn\">" << error->second << "</span>";
    return out << "</p>\n";
}

Html entryForm(const PageContext& ctx, const RegisterDefinition& d, const RegisterFormInput& in)
{
    const bool editing = in.id != 0;
    Html out;
    out << "<section aria-labelledby=\"formularz\">\n<h2 id=\"formularz\" tabindex=\"-1\">"
        << (editing ? "Zmień wpis nr " + std::to_string(in.id) : "Dodaj " + d.noun) << "</h2>\n";
    if (!in.errors.empty())
    {
        out << "<div class=\"flash error\" role=\"alert\"><p>Popraw zaznaczone pola:</p><ul>";
        for (const auto& [column, message] : in.errors)
            out << "<li><a href=\"#pole-" << column << "\">" << message << "</a></li>";
        out << "</ul></div>\n";
    }
    out << "<form method=\"post\" enctype=\"multipart/form-data\" action=\"" << basePath(d) << "/save\">"
        << csrfField(ctx.session) << "<input type=\"hidden\" name=\"id\" value=\""
        << (editing ? std::to_string(in.id) : std::string()) << "\">\n";
    for (const RegisterField* f : shownFields(d))
        out << formField(*f, in);
    out << "<p><button type=\"submit\">" << (editing ? Markup("Zapisz zmiany") : Markup("Dodaj wpis")) << "</button>";
    if (editing)
        out << " <a href=\"" << basePath(d) << "\">Anuluj zmianę</a>";
    return out << "</p>\n</form>\n</section>\n";
}

/// The form for ?edit=ID (the stored row), or a blank one.
Result<RegisterFormInput, db::Error> formToShow(const PageContext& ctx, const RegisterDefinition& d,
                                                std::string& problem)
{
    RegisterFormInput blank;
    const std::string editText = fieldValue(ctx.request.query, "edit");
    if (editText.empty())
        return blank;
    const auto id = parseDigits(editText, 18);
    if (!id)
        return blank;
    auto row = ctx.panelStore.registerRow(d.table, *id);
    if (!row)
        return makeErr(row.error());
    if (!*row || !rowEditable(d, (*row)->values))
    {
        problem = "Tego wpisu nie można zmienić: nie istnieje albo jest spotkaniem umówionym w kiosku.";
        return blank;
    }
    RegisterFormInput in;
    in.id = *id;
    for (const RegisterField* f : shownFields(d))
    {
        const auto it = (*row)->values.find(f->column);
        in.typed[f->column] = formValue(*f, it == (*row)->values.end() ? std::nullopt : it->second);
    }
    return in;
}

PanelResponse renderRegister(const PageContext& ctx, const RegisterDefinition& d, std::optional<RegisterFormInput> form,
                             FlashMessage flash, int status)
{
    const RegisterPeriod period = requestedPeriod(ctx.request.query, ctx.now.today);
    if (!period.error.empty() && flash.text.empty())
        flash = {period.error, true};
    auto rows = ctx.panelStore.registerRows(d.table, period.from.iso(), period.to.iso());
    if (!rows)
        return messagePage(503, "Błąd", "Nie udało się odczytać rejestru. Spróbuj ponownie.");
    std::string problem;
    if (!form)
    {
        auto shown = formToShow(ctx, d, problem);
        if (!shown)
            return messagePage(503, "Błąd", "Nie udało się odczytać rejestru. Spróbuj ponownie.");
        form = std::move(*shown);
    }
    if (!problem.empty() && flash.text.empty())
        flash = {problem, true};

    Html body;
    body << "<p>" << d.intro << "</p>\n" << periodForm(basePath(d), period);
    if (d.id == RegisterId::Counselling)
    {
        auto sections = counsellingRegisterSections(ctx, period);
        if (!sections)
            return messagePage(503, "Błąd", "Nie udało się odczytać spotkań. Spróbuj ponownie.");
        body << *sections;
    }
    body << entriesTable(ctx, d, *rows, period);
    if (maySave(ctx, d))
        body << entryForm(ctx, d, *form);
    PanelResponse r = htmlPage(pageFrame(ctx, d.title, kNav, flash), body);
    r.status = status;
    return r;
}

/// 409 with the register's page and why nothing changed.
PanelResponse refused(const PageContext& ctx, const RegisterDefinition& d, const std::string& why)
{
    return renderRegister(ctx, d, std::nullopt, {why, true}, 409);
}

/// The stored row `id` when the form may change it; otherwise the refusal to answer with.
std::optional<PanelResponse> checkEditable(const PageContext& ctx, const RegisterDefinition& d, std::int64_t id)
{
    auto row = ctx.panelStore.registerRow(d.table, id);
    if (!row)
        return seeOther(basePath(d) + "?msg=error");
    if (!*row)
        return refused(ctx, d, "Tego wpisu już nie ma. Nic nie zmieniono.");
    if (!rowEditable(d, (*row)->values))
        return refused(ctx, d,
                       "Spotkanie umówione w kiosku oznacza się jako odbyte lub nieodbyte w tabeli spotkań powyżej. "
                       "Nic nie zmieniono.");
    return std::nullopt;
}
} // namespace

RegisterPeriod requestedPeriod(const std::map<std::string, std::string>& fields, Date today)
{
    RegisterPeriod p;
    p.to = today;
    p.from = Date{today.year, 1, 1};
    const std::string fromText = fieldValue(fields, "from");
    const std::string toText = fieldValue(fields, "to");
    if (fromText.empty() && toText.empty())
        return p;
    const auto from = parseIsoDate(fromText);
    const auto to = parseIsoDate(toText);
    if (!from || !to)
        p.error = "Okres: podaj obie daty w formacie RRRR-MM-DD. Pokazano ten rok.";
    else if (*to < *from)
        p.error = "Okres: data końcowa jest wcześniejsza niż początkowa. Pokazano ten rok.";
    else
    {
        p.from = *from;
        p.to = *to;
    }
    return p;
}

Html periodForm(const std::string& path, const RegisterPeriod& period)
{
    return Html() << "<form method=\"get\" action=\"" << path
                  << "\" class=\"filters\"><label for=\"okres-od\">Od</label> <input id=\"okres-od\" name=\"from\" "
                     "type=\"date\" value=\""
                  << period.from.iso()
                  << "\"> <label for=\"okres-do\">Do</label> <input id=\"okres-do\" name=\"to\" type=\"date\" value=\""
                  << period.to.iso() << "\"> <button type=\"submit\" class=\"secondary\">Pokaż okres</button></form>\n";
}

PanelResponse registersIndexPage(const PageContext& ctx)
{
    Html items;
    for (const auto& d : registerDefinitions())
        if (mayUse(ctx.session.role, Method::Get, basePath(d)))
            items << "<li><a href=\"" << basePath(d) << "\">" << d.title << "</a></li>\n";
    if (mayUse(ctx.session.role, Method::Get, "/panel/ideas"))
        items << "<li><a href=\"/panel/ideas\">Skrzynka pomysłów i oceny</a></li>\n";
    Html body;
    body << "<p>Rejestry, z których liczą się wskaźniki programu. Każdy wpis zapisuje, kto i kiedy go dodał lub "
            "zmienił.</p>\n";
    if (items.empty())
        body << "<p role=\"status\">Twoje konto nie ma dostępu do żadnego rejestru.</p>\n";
    else
        body << "<ul>\n" << items << "</ul>\n";
    return htmlPage(pageFrame(ctx, "Rejestry", kNav), body);
}

PanelResponse showRegisterPage(const PageContext& ctx, RegisterId id)
{
    return renderRegister(ctx, registerDefinition(id), std::nullopt,
                          lookupFlash(registerMessages(), fieldValue(ctx.request.query, "msg")), 200);
}

PanelResponse registerSaveAction(const PageContext& ctx, const Form& form, RegisterId id)
{
    const RegisterDefinition& d = registerDefinition(id);
    RegisterFormInput in = readRegisterForm(d, form, ctx.now.today);
    if (!in.errors.empty())
        return renderRegister(ctx, d, in, {}, 422);
    if (in.id != 0)
        if (auto refusal = checkEditable(ctx, d, in.id))
            return *refusal;
    auto result =
        ctx.panelStore.saveRegisterRow(d.table, RegisterWrite{in.id, in.values, ctx.session.staffId, ctx.now.unix});
    if (!result)
        return seeOther(basePath(d) + "?msg=error");
    if (*result == RegisterWriteResult::NotFound)
        return refused(ctx, d, "Tego wpisu już nie ma. Nic nie zmieniono.");
    return seeOther(basePath(d) + (*result == RegisterWriteResult::Added ? "?msg=added" : "?msg=updated"));
}

PanelResponse registerRemoveAction(const PageContext& ctx, const Form& form, RegisterId id)
{
    const RegisterDefinition& d = registerDefinition(id);
    const auto entry = parseDigits(fieldValue(form, "id"), 18);
    if (!entry || *entry <= 0)
        return seeOther(basePath(d) + "?msg=bad-input");
    if (auto refusal = checkEditable(ctx, d, *entry))
        return *refusal;
    auto result = ctx.panelStore.removeRegisterRow(d.table, *entry, ctx.session.staffId, ctx.now.unix);
    if (!result)
        return seeOther(basePath(d) + "?msg=error");
    if (*result == RegisterWriteResult::NotFound)
        return refused(ctx, d, "Tego wpisu już nie ma. Nic nie zmieniono.");
    return seeOther(basePath(d) + "?msg=removed");
}

} // namespace okienko::server::panel
