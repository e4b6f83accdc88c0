// The catalogue's placeholders (see catalog_placeholders.hpp).
#include "server/panel/catalog_placeholders.hpp"

#include "server/panel/route_table.hpp"
#include "shared/text/percent_encode.hpp"

namespace okienko::server::panel
{

namespace
{
using protocol::Json;

/// Whether a note or text says something is still to be filled in.
bool saysToFill(const std::string& text)
{
    std::string lower;
    for (char c : text)
        lower.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    return lower.find("do uzupełnienia") != std::string::npos;
}

/// The first text of `entry` (any key, any language) that says so; "" when none.
std::string textToFill(const Json& entry)
{
    for (const auto& item : entry.items())
    {
        if (item.value().is_string() && saysToFill(item.value().get<std::string>()))
            return item.key();
        if (item.value().is_object() && !textToFill(item.value()).empty())
            return item.key();
    }
    return "";
}

std::string entryLink(const std::string& kind, const std::string& id)
{
    return "/panel/catalog/entry?kind=" + kind + (id.empty() ? "" : "&id=" + text::percentEncode(id));
}

} // namespace

std::vector<Placeholder> catalogPlaceholders(const CatalogKeepingView& view)
{
    std::vector<Placeholder> out;
    if (!view.catalogue)
        return out;
    const domain::Catalog& c = *view.catalogue;
    const std::string cus = entryLink("municipality", "");
    const auto& m = c.municipality;
    if (m.address.empty())
        out.push_back({"Adres CUS — puste pole", cus});
    if (m.phone.empty())
        out.push_back({"Telefon CUS — puste pole", cus});
    if (m.email.empty())
        out.push_back({"E-mail CUS — puste pole", cus});
    if (m.openingHours.pl.empty())
        out.push_back({"Godziny otwarcia CUS — puste pole", cus});
    if (saysToFill(m.internalNote))
        out.push_back({"Dane CUS: " + m.internalNote, cus});
    else if (m.contactToBeConfirmed)
        out.push_back({"Dane kontaktowe CUS oznaczone „do potwierdzenia”", cus});
    for (const auto& s : view.document.value("services", Json::array()))
    {
        const std::string field = textToFill(s);
        if (field.empty())
            continue;
        const std::string name = s["name"].value("pl", "");
        const std::string what = field == "internal_note" ? s.value("internal_note", "") : "tekst w polu " + field;
        out.push_back({"Usługa „" + name + "”: " + what, entryLink("service", s.value("id", ""))});
    }
    for (const auto& n : c.emergencyNumbers)
        if (n.verifyLocally && view.checks.count(n.number) == 0)
            out.push_back({"Numer alarmowy " + n.number + " (" + n.name.pl + ") — nie sprawdzono",
                           entryLink("emergency_number", n.number)});
    return out;
}

Html placeholdersSection(const PageContext& ctx)
{
    Html out;
    if (!mayUse(ctx.session.role, Method::Get, "/panel/catalog/entry"))
        return out;
    auto view = ctx.panelStore.catalogKeeping();
    if (!view)
        return out;
    const auto placeholders = catalogPlaceholders(*view);
    if (placeholders.empty())
        return out;
    out << "<section class=\"note\" aria-labelledby=\"do-uzupelnienia\">\n<h2 id=\"do-uzupelnienia\">Do uzupełnienia "
           "przed otwarciem ("
        << placeholders.size() << ")</h2>\n<ul>\n";
    for (const auto& p : placeholders)
        out << "<li><a href=\"" << p.href << "\">" << p.what << "</a></li>\n";
    return out << "</ul>\n</section>\n";
}

} // namespace okienko::server::panel
