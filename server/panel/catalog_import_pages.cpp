// The catalogue file import pages (see catalog_import_pages.hpp).
#include "server/panel/catalog_import_pages.hpp"

#include "server/catalog_merge.hpp"
#include "server/panel/catalog_entry_forms.hpp"
#include "server/panel/html.hpp"
#include "shared/catalog/catalog_loader.hpp"
#include "shared/db/query.hpp"

#include <array>

namespace okienko::server::panel
{

namespace
{
using protocol::Json;

constexpr const char* kNavPath = "/panel/catalog";
constexpr const char* kImportPath = "/panel/catalog/import";

struct KindLabel
{
    const char* entity;
    const char* label;
};

/// The merge's kinds in the order the preview lists them.
constexpr std::array<KindLabel, 9> kKindLabels{{{"municipality", "Dane CUS"},
                                                {"service", "Usługi"},
                                                {"fee_table", "Tabele odpłatności"},
                                                {"equipment_type", "Typy sprzętu"},
                                                {"unit", "Egzemplarze sprzętu"},
                                                {"counselling_kind", "Rodzaje poradnictwa"},
                                                {"emergency_number", "Numery alarmowe"},
                                                {"announcement", "Ogłoszenia"},
                                                {"indicator", "Wskaźniki"}}};

/// A file read for the merge: its canonical document, or the loader's errors.
struct ReadFile
{
    std::optional<Json> document;
    catalog::CatalogErrors errors;
};

ReadFile readCatalogueText(const std::string& text)
{
    ReadFile out;
    auto catalogue = catalog::parseCatalog(text);
    if (!catalogue)
    {
        out.errors = catalogue.error();
        return out;
    }
    auto indicators = catalog::parseCatalogIndicators(text);
    if (!indicators)
    {
        out.errors = indicators.error();
        return out;
    }
    out.document = canonicalDocument(*catalogue, *indicators);
    return out;
}

/// The uploaded file's name as the pages and the audit show it: at most 120 bytes, cut on a
/// character boundary; "plik bez nazwy" when the browser sent none.
std::string uploadName(std::string name)
{
    constexpr std::size_t kMaxBytes = 120;
    if (name.size() > kMaxBytes)
    {
        std::size_t cut = kMaxBytes;
        while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0u) == 0x80u)
            --cut;
        name.resize(cut);
    }
    return name.empty() ? std::string("plik bez nazwy") : name;
}

Result<std::int64_t, db::Error> lastChangeSeq(db::Database& d)
{
    auto seq = db::queryInt64(d, "SELECT COALESCE(MAX(seq), 0) FROM change_log");
    if (!seq)
        return makeErr(seq.error());
    return seq->value_or(0);
}

Html uploadForm(const PageContext& ctx)
{
    return Html() << "<form method=\"post\" enctype=\"multipart/form-data\" action=\"/panel/catalog/import/preview\">"
                  << csrfField(ctx.session)
                  << "<p><label for=\"plik\">Plik katalogu (JSON, np. lapy.json)</label><br>"
                     "<input type=\"file\" id=\"plik\" name=\"file\" accept=\".json,application/json\" required></p>"
                     "<p><input type=\"checkbox\" id=\"nadpisz\" name=\"overwrite\" value=\"yes\"> <label "
                     "for=\"nadpisz\">Nadpisz zmiany z panelu wartościami z pliku (zwykle nie: zmiany z panelu "
                     "zostają)</label></p>"
                     "<p><button type=\"submit\">Pokaż podgląd</button> Niczego jeszcze nie zapisuje.</p></form>\n";
}

PanelResponse importPage(const PageContext& ctx, int status, const std::string& title, const Html& body)
{
    PanelResponse r = htmlPage(pageFrame(ctx, title, kNavPath), body);
    r.status = status;
    return r;
}

/// Why the file was refused, each loader error with its JSON path, and the form to try again.
PanelResponse refusedFile(const PageContext& ctx, const std::string& fileName, const catalog::CatalogErrors& errors,
                          const std::string& lead)
{
    Html list;
    const std::size_t shown = std::min<std::size_t>(errors.size(), 50);
    for (std::size_t i = 0; i < shown; ++i)
    {
        const catalog::CatalogError& e = errors[i];
        list << "<li><code>" << e.path << "</code>";
        if (e.line > 0)
            list << " (wiersz " << e.line << ", znak " << e.column << ")";
        list << ": " << polishCatalogMessage(e, 0, "") << " <small lang=\"en\">" << e.message << "</small></li>\n";
    }
    Html body;
    body << "<div class=\"error\" role=\"alert\"><p>" << lead << " (" << fileName << "). Błędów: " << errors.size()
         << (errors.size() > shown ? Markup(", pierwsze 50 poniżej") : Markup("")) << ".</p><ul>\n"
         << list << "</ul></div>\n"
         << uploadForm(ctx);
    return importPage(ctx, 422, "Import pliku katalogu", body);
}

Html idList(const std::vector<std::string>& ids)
{
    Html out;
    for (std::size_t i = 0; i < ids.size(); ++i)
        out << (i == 0 ? Markup("") : Markup(", ")) << "<code>" << ids[i] << "</code>";
    return out;
}

Html planSection(const MergePlan& plan, bool overwrite)
{
    Html rows;
    for (const auto& [entity, label] : kKindLabels)
    {
        const auto it = plan.kinds.find(entity);
        if (it == plan.kinds.end())
            continue;
        const KindMerge& k = it->second;
        rows << "<tr><th scope=\"row\">" << std::string(label) << "</th><td>" << idList(k.added) << "</td><td>"
             << idList(k.changed) << "</td><td>" << idList(k.retired) << "</td><td>" << idList(k.keptPanelAdded)
             << "</td></tr>\n";
    }
    Html out;
    out << "<h2 id=\"zmiany\">Co import zmieni</h2>\n"
        << (plan.anything() ? Markup("") : Markup("<p><strong>Plik nie zmienia katalogu.</strong></p>\n"))
        << tableOrEmpty("zmiany",
                        "<th scope=\"col\">Rodzaj</th><th scope=\"col\">Doda</th><th scope=\"col\">Zmieni</th>"
                        "<th scope=\"col\">Wycofa (do przywrócenia)</th><th scope=\"col\">Dodane w panelu, "
                        "zostają</th>",
                        rows, "<p>Brak pozycji.</p>\n");
    Html conflicts;
    for (const auto& c : plan.conflicts)
    {
        conflicts << "<tr><td>" << c.entity << "</td><td><code>" << c.id << "</code></td><td>";
        if (c.field == "(wycofana)")
            conflicts << "wycofana w panelu; plik ją ma</td><td>—</td><td>—";
        else
            conflicts << c.field << "</td><td>" << shortJson(c.panel) << "</td><td>" << shortJson(c.file);
        conflicts << "</td><td>" << (c.kept ? Markup("zostaje z panelu") : Markup("bierze z pliku")) << "</td></tr>\n";
    }
    out << "<h2 id=\"zmiany-panelu\">Zmiany z panelu, które plik by nadpisał</h2>\n"
        << (overwrite
                ? Markup("<p><strong>Wybrano nadpisanie: wartości z pliku zastąpią zmiany z panelu.</strong></p>\n")
                : Markup("<p>Zostają tak, jak ustawiono je w panelu.</p>\n"))
        << tableOrEmpty("zmiany-panelu",
                        "<th scope=\"col\">Rodzaj</th><th scope=\"col\">Identyfikator</th><th scope=\"col\">Pole</th>"
                        "<th scope=\"col\">W panelu</th><th scope=\"col\">W pliku</th><th scope=\"col\">Po "
                        "imporcie</th>",
                        conflicts, "<p>Żadnej: plik nie nadpisuje zmian z panelu.</p>\n");
    return out;
}

} // namespace

PanelResponse catalogImportPage(const PageContext& ctx)
{
    Html body;
    body << "<p><a href=\"/panel/catalog\">Katalog usług</a></p>\n"
            "<p>Wczytaj plik katalogu (format z docs/catalog-format.md). Najpierw zobaczysz, co import doda, zmieni "
            "i wycofa oraz które zmiany z panelu zachowa; zapis dopiero po potwierdzeniu. Kioski dostaną zmiany przy "
            "najbliższej synchronizacji.</p>\n"
         << uploadForm(ctx);
    return htmlPage(pageFrame(ctx, "Import pliku katalogu", kNavPath), body);
}

PanelResponse catalogImportPreview(const PageContext& ctx, const std::map<std::string, std::string>& form)
{
    const std::string text = fieldValue(form, "file");
    const std::string fileName = uploadName(fieldValue(form, "file#filename"));
    if (text.empty())
        return importPage(ctx, 422, "Import pliku katalogu",
                          Html() << "<div class=\"error\" role=\"alert\"><p>Wybierz plik katalogu (JSON).</p></div>\n"
                                 << uploadForm(ctx));
    const ReadFile file = readCatalogueText(text);
    if (!file.document)
        return refusedFile(ctx, fileName, file.errors, "Ten plik nie jest poprawnym katalogiem; niczego nie zmieniono");
    const bool overwrite = fieldValue(form, "overwrite") == "yes";
    MergePlan plan;
    std::int64_t version = 0;
    auto read = ctx.store.read(
        [&](db::Database& d) -> Status<db::Error>
        {
            auto planned = planCatalogMerge(d, ctx.session.scope().catalogueSite(), *file.document, overwrite);
            if (!planned)
                return makeErr(planned.error());
            plan = std::move(planned).value();
            auto seq = lastChangeSeq(d);
            if (!seq)
                return makeErr(seq.error());
            version = *seq;
            return {};
        });
    if (!read)
        return messagePage(503, "Błąd", "Nie udało się odczytać katalogu. Spróbuj ponownie.", kImportPath,
                           "Wróć do importu");
    Html body;
    body << "<p>Podgląd importu pliku <strong>" << fileName << "</strong>. Niczego jeszcze nie zapisano.</p>\n"
         << planSection(plan, overwrite)
         << "<form method=\"post\" enctype=\"multipart/form-data\" action=\"/panel/catalog/import/apply\">"
         << csrfField(ctx.session) << "<input type=\"hidden\" name=\"file_name\" value=\"" << fileName
         << "\"><input type=\"hidden\" name=\"version\" value=\"" << std::to_string(version)
         << "\"><input type=\"hidden\" name=\"overwrite\" value=\"" << (overwrite ? Markup("yes") : Markup("no"))
         << "\"><textarea name=\"catalog\" hidden aria-hidden=\"true\">" << text << "</textarea>"
         << "<p><button type=\"submit\">Zastosuj import</button> <a href=\"/panel/catalog/import\">Anuluj</a></p>"
            "</form>\n";
    return htmlPage(pageFrame(ctx, "Podgląd importu katalogu", kNavPath), body);
}

PanelResponse catalogImportApply(const PageContext& ctx, const std::map<std::string, std::string>& form)
{
    const std::string fileName = uploadName(fieldValue(form, "file_name"));
    const ReadFile file = readCatalogueText(fieldValue(form, "catalog"));
    if (!file.document)
        return refusedFile(ctx, fileName, file.errors, "Ten plik nie jest poprawnym katalogiem; niczego nie zmieniono");
    const bool overwrite = fieldValue(form, "overwrite") == "yes";
    const std::int64_t previewed = parseDigits(fieldValue(form, "version"), 18).value_or(-1);
    bool stale = false;
    MergePlan plan;
    MergeApplied applied;
    auto done = ctx.store.write(
        [&](db::Database& d) -> Status<db::Error>
        {
            auto seq = lastChangeSeq(d);
            if (!seq)
                return makeErr(seq.error());
            if (*seq != previewed)
            {
                stale = true;
                return {};
            }
            auto planned = planCatalogMerge(d, ctx.session.scope().catalogueSite(), *file.document, overwrite);
            if (!planned)
                return makeErr(planned.error());
            plan = std::move(planned).value();
            auto written = applyCatalogMerge(d, ctx.session.scope().catalogueSite(), plan, fileName, ctx.now.unix);
            if (!written)
                return makeErr(written.error());
            applied = std::move(written).value();
            if (!applied.errors.empty())
                return makeErr(db::makeError(db::ErrorKind::BadData, "merged catalogue refused"));
            return recordAction(d, ctx.session, "catalog_import", fileName, overwrite ? "import-overwrite" : "import",
                                ctx.now.unix);
        });
    if (!applied.errors.empty())
        return refusedFile(
            ctx, fileName, applied.errors,
            "Plik z zachowanymi zmianami z panelu nie tworzy poprawnego katalogu; niczego nie zmieniono");
    if (!done)
        return messagePage(503, "Błąd", "Nie udało się zapisać katalogu. Spróbuj ponownie.", kImportPath,
                           "Wróć do importu");
    if (stale)
        return importPage(ctx, 409, "Import pliku katalogu",
                          Html() << "<div class=\"error\" role=\"alert\"><p>Katalog zmieniono po podglądzie; niczego "
                                    "nie zapisano. Wczytaj plik ponownie, by zobaczyć aktualny podgląd.</p></div>\n"
                                 << uploadForm(ctx));
    Html body;
    body << "<p role=\"status\">Zaimportowano plik <strong>" << fileName << "</strong>: zmienionych pozycji "
         << std::to_string(applied.summary.upserts) << ", usuniętych " << std::to_string(applied.summary.deletes)
         << "; zmian z panelu " << (overwrite ? Markup("nadpisanych: ") : Markup("zachowanych: "))
         << std::to_string(plan.conflicts.size())
         << ". Kioski dostaną zmiany przy najbliższej synchronizacji.</p>\n<p><a href=\"/panel/catalog\">Wróć do "
            "katalogu</a></p>\n"
         << planSection(plan, overwrite);
    return htmlPage(pageFrame(ctx, "Zaimportowano katalog", kNavPath), body);
}

} // namespace okienko::server::panel
