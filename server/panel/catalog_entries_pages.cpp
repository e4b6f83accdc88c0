// The catalogue-keeping pages (see catalog_entries_pages.hpp).
#include "server/panel/catalog_entries_pages.hpp"

#include "server/panel/catalog_entry_forms.hpp"
#include "server/panel/html.hpp"
#include "server/store/catalog_entries.hpp"
#include "shared/protocol/changes.hpp"
#include "shared/text/percent_encode.hpp"

namespace okienko::server::panel
{

namespace
{
using protocol::Json;

constexpr const char* kNavPath = "/panel/catalog";

struct KindText
{
    std::string title; ///< the list's heading
    std::string one;   ///< "usługę" (accusative: "Dodaj usługę")
};

const std::map<std::string, KindText>& kindTexts()
{
    static const std::map<std::string, KindText> texts{
        {"municipality", {"Dane CUS", "dane CUS"}},
        {"service", {"Usługi", "usługę"}},
        {"fee_table", {"Tabele odpłatności", "tabelę odpłatności"}},
        {"equipment_type", {"Typy sprzętu", "typ sprzętu"}},
        {"unit", {"Egzemplarze sprzętu", "egzemplarz"}},
        {"emergency_number", {"Numery alarmowe", "numer alarmowy"}},
        {"area", {"Obszary", "obszar"}},
        {"target_group", {"Grupy docelowe", "grupę docelową"}},
    };
    return texts;
}

const std::map<std::string, FlashMessage>& entryMessages()
{
    static const std::map<std::string, FlashMessage> messages{
        {"saved", {"Zapisano. Kioski dostaną zmianę przy najbliższej synchronizacji.", false}},
        {"added", {"Dodano. Kioski pokażą nową pozycję po najbliższej synchronizacji.", false}},
        {"unchanged", {"Nic się nie zmieniło; niczego nie zapisano.", false}},
        {"retired",
         {"Wycofano. Kioski przestaną ją pokazywać po najbliższej synchronizacji; można ją przywrócić.", false}},
        {"reactivated", {"Przywrócono. Kioski pokażą ją po najbliższej synchronizacji.", false}},
        {"stale", {"Pozycję zmieniono w międzyczasie; niczego nie zmieniono. Sprawdź ją i spróbuj ponownie.", true}},
        {"not-found", {"Nie ma takiej pozycji w katalogu (mogła zostać wycofana).", true}}};
    return messages;
}

PanelResponse entriesMessage(int status, const std::string& title, const std::string& text)
{
    return messagePage(status, title, text, kNavPath, "Wróć do katalogu");
}

std::string listPath(const std::string& kind)
{
    return "/panel/catalog/entries?kind=" + kind;
}

std::string entryPath(const std::string& kind, const std::string& id)
{
    return "/panel/catalog/entry?kind=" + kind + (id.empty() ? "" : "&id=" + text::percentEncode(id));
}

/// The Polish name of an entry of the file ("name.pl", else its id or number).
std::string entryName(const Json& entry, const CatalogEntryKind& kind)
{
    std::string name = entry.value(std::string(kind.idKey), "");
    for (const char* key : {"name", "title"})
        if (entry.contains(key) && entry[key].is_object())
            return entry[key].value("pl", name);
    return name;
}

std::string describeChange(const CatalogChange& c)
{
    if (c.seq == 0)
        return "—";
    return (c.staffName.empty() ? std::string("import pliku katalogu") : c.staffName) + ", " + dateTimeText(c.at);
}

Html hiddenEntry(const PageContext& ctx, const std::string& kind, const std::string& id, std::int64_t version)
{
    return Html() << csrfField(ctx.session) << "<input type=\"hidden\" name=\"kind\" value=\"" << kind
                  << "\"><input type=\"hidden\" name=\"entry\" value=\"" << id
                  << "\"><input type=\"hidden\" name=\"version\" value=\"" << version << "\">";
}

/// The form of one entry (new when `id` is empty and the kind has many).
PanelResponse renderEntryForm(const PageContext& ctx, const CatalogEntryKind& kind, const std::string& id,
                              std::int64_t version, const domain::Catalog& catalogue, const FormValues& values,
                              const EntryFormErrors& errors, int status, const std::string& notice = {})
{
    const std::string code(kind.code);
    const KindText& text = kindTexts().at(code);
    const bool isNew = id.empty() && !kind.single;
    const std::string title = kind.single ? text.title : isNew ? "Dodaj " + text.one : text.title + ": " + id;
    Html body;
    body << "<p><a href=\"" << listPath(code) << "\">" << text.title << "</a> · <a href=\"/panel/catalog\">Katalog "
         << "usług</a></p>\n";
    if (!notice.empty())
        body << "<p class=\"flash error\" role=\"alert\">" << notice << "</p>\n";
    body << entryErrorSummary(errors)
         << "<p class=\"muted\">Sprawdzane regułami pliku katalogu. Po zapisaniu kioski dostaną zmianę przy "
            "najbliższej synchronizacji.</p>\n<form method=\"post\" enctype=\"multipart/form-data\" "
            "action=\"/panel/catalog/entry\" class=\"catalog-form\">\n"
         << hiddenEntry(ctx, code, id, version) << "\n"
         << entryFieldsHtml(entryFields(code, catalogue), values, errors, isNew);
    if (kind.code == protocol::entity::kEmergencyNumber)
    {
        const auto error = errors.byField.find("verified_on");
        body << "<div class=\"field\">\n<label for=\"f-verified_on\">Sprawdzono dnia (RRRR-MM-DD)</label>\n";
        if (error != errors.byField.end())
            body << "<p class=\"field-error\" id=\"f-verified_on-error\"><span class=\"sr-only\">Błąd: </span>"
                 << error->second << "</p>\n";
        body << "<input type=\"text\" id=\"f-verified_on\" name=\"verified_on\" value=\""
             << fieldValue(values, "verified_on") << "\">\n</div>\n";
    }
    body << "<p><button type=\"submit\">"
         << (isNew ? Markup("Dodaj i opublikuj w kioskach") : Markup("Zapisz i opublikuj w kioskach"))
         << "</button> <a href=\"" << listPath(code) << "\">Anuluj</a></p>\n</form>\n";
    PanelResponse r;
    r.status = status;
    r.body = renderPage(pageFrame(ctx, title, kNavPath), body);
    return r;
}

const CatalogEntryKind* requestedKind(const std::map<std::string, std::string>& values)
{
    return catalogEntryKind(fieldValue(values, "kind"));
}

PanelResponse unknownKind()
{
    return entriesMessage(404, "Nie ma takiej strony", "Nie ma takiego rodzaju pozycji katalogu.");
}

PanelResponse storeError()
{
    return entriesMessage(500, "Błąd bazy danych", "Błąd bazy danych; niczego nie zapisano. Spróbuj ponownie.");
}

/// The answer when the catalogue cannot be read or was never imported; nullopt to go on.
std::optional<PanelResponse> withoutCatalogue(const Result<CatalogKeepingView, db::Error>& view)
{
    if (!view)
        return storeError();
    if (!view->catalogue)
        return entriesMessage(404, "Brak katalogu", "Katalog nie został jeszcze zaimportowany.");
    return std::nullopt;
}

Html entryRows(const PageContext& ctx, const CatalogKeepingView& view, const CatalogEntryKind& kind)
{
    const std::string code(kind.code);
    Html rows;
    for (const auto& entry : view.document.value(std::string(kind.listKey), Json::array()))
    {
        const std::string id = entry.value(std::string(kind.idKey), "");
        if (kind.retiredInPlace && entry.value("retired", false))
            continue; // listed under "Wycofane"
        const auto change = view.lastChanges.find({code, id});
        const CatalogChange last = change == view.lastChanges.end() ? CatalogChange{} : change->second;
        rows << "<tr><th scope=\"row\"><a href=\"" << entryPath(code, id) << "\">" << entryName(entry, kind)
             << "</a></th><td>" << id << "</td><td>";
        if (kind.code == protocol::entity::kEmergencyNumber)
        {
            const auto check = view.checks.find(id);
            if (check != view.checks.end())
                rows << check->second.verifiedOn << " (" << check->second.staffName << ")";
            else
                rows << (entry.value("verify_locally", false) ? Markup("nie sprawdzono — do sprawdzenia")
                                                              : Markup("nie sprawdzono"));
            rows << "</td><td>";
        }
        rows << describeChange(last) << "</td><td>";
        if (kind.code == protocol::entity::kUnit)
            rows << "<a href=\"/panel/units\">Stan egzemplarza</a>";
        else
            rows << "<form class=\"inline\" method=\"post\" enctype=\"multipart/form-data\" "
                    "action=\"/panel/catalog/entry/retire\">"
                 << hiddenEntry(ctx, code, id, last.seq)
                 << "<button type=\"submit\" class=\"secondary\" aria-label=\"Wycofaj " << entryName(entry, kind)
                 << "\">Wycofaj</button></form>";
        rows << "</td></tr>\n";
    }
    return rows;
}

/// Runs a retire or bring-back and answers with a redirect or the reasons it was refused.
PanelResponse entryAction(const PageContext& ctx, const std::map<std::string, std::string>& form,
                          EntryOperation operation, const char* doneCode)
{
    const CatalogEntryKind* kind = requestedKind(form);
    if (kind == nullptr || kind->single)
        return unknownKind();
    EntryChange change;
    change.kind = kind;
    change.operation = operation;
    change.id = fieldValue(form, "entry");
    change.version = parseDigits(fieldValue(form, "version"), 18).value_or(-1);
    change.staffId = ctx.session.staffId;
    change.now = ctx.now.unix;
    change.today = ctx.now.today;
    auto outcome = ctx.panelStore.changeCatalogEntry(change);
    if (!outcome)
        return storeError();
    const std::string back = listPath(std::string(kind->code));
    switch (outcome->result)
    {
    case CatalogSaveResult::Saved:
    case CatalogSaveResult::Unchanged:
        return seeOther(back + "&msg=" + doneCode);
    case CatalogSaveResult::Stale:
        return seeOther(back + "&msg=stale");
    case CatalogSaveResult::NotFound:
        return seeOther(back + "&msg=not-found");
    case CatalogSaveResult::Invalid:
        break;
    }
    auto view = ctx.panelStore.catalogKeeping();
    const EntryFormErrors errors =
        mapEntryErrors(outcome->errors, outcome->otherErrors, {}, {}, view ? view->document : Json::object());
    Html body;
    body << "<p><a href=\"" << back << "\">Wróć do listy</a></p>\n" << entryErrorSummary(errors);
    PanelResponse r;
    r.status = 422;
    r.body = renderPage(pageFrame(ctx, "Nie zmieniono", kNavPath), body);
    return r;
}

} // namespace

PanelResponse catalogEntriesPage(const PageContext& ctx)
{
    const CatalogEntryKind* kind = requestedKind(ctx.request.query);
    if (kind == nullptr)
        return unknownKind();
    const std::string code(kind->code);
    if (kind->single)
        return seeOther(entryPath(code, ""));
    auto view = ctx.panelStore.catalogKeeping();
    if (auto refused = withoutCatalogue(view))
        return *refused;
    const KindText& text = kindTexts().at(code);
    Html body;
    body << "<p><a href=\"/panel/catalog\">Katalog usług</a> · <a href=\"" << entryPath(code, "") << "\">Dodaj "
         << text.one << "</a></p>\n";
    const bool numbers = kind->code == protocol::entity::kEmergencyNumber;
    body << tableOrEmpty("",
                         numbers ? Markup("<th scope=\"col\">Nazwa</th><th scope=\"col\">Numer</th><th "
                                          "scope=\"col\">Sprawdzono</th><th scope=\"col\">Ostatnia zmiana</th><th "
                                          "scope=\"col\">Działania</th>")
                                 : Markup("<th scope=\"col\">Nazwa</th><th scope=\"col\">Identyfikator</th><th "
                                          "scope=\"col\">Ostatnia zmiana</th><th scope=\"col\">Działania</th>"),
                         entryRows(ctx, *view, *kind), "<p>Brak pozycji.</p>\n");
    Html retired;
    if (kind->retiredInPlace)
        // An area or group stays in the catalogue when retired (old records name it): its flag says so.
        for (const auto& entry : view->document.value(std::string(kind->listKey), Json::array()))
        {
            if (!entry.value("retired", false))
                continue;
            const std::string id = entry.value("id", "");
            const auto change = view->lastChanges.find({code, id});
            retired << "<tr><th scope=\"row\">" << entryName(entry, *kind) << "</th><td>" << id << "</td><td>"
                    << describeChange(change == view->lastChanges.end() ? CatalogChange{} : change->second)
                    << "</td><td><form class=\"inline\" method=\"post\" enctype=\"multipart/form-data\" "
                       "action=\"/panel/catalog/entry/reactivate\">"
                    << hiddenEntry(ctx, code, id, 0) << "<button type=\"submit\" class=\"secondary\">Przywróć</button>"
                    << "</form></td></tr>\n";
        }
    for (const auto& e : view->retired)
        if (e.entity == code)
            retired << "<tr><th scope=\"row\">" << (e.name.empty() ? e.id : e.name) << "</th><td>" << e.id
                    << "</td><td>" << e.retiredBy << ", " << dateTimeText(e.retiredAt)
                    << "</td><td><form class=\"inline\" method=\"post\" enctype=\"multipart/form-data\" "
                       "action=\"/panel/catalog/entry/reactivate\">"
                    << hiddenEntry(ctx, code, e.id, 0)
                    << "<button type=\"submit\" class=\"secondary\">Przywróć</button>"
                    << "</form></td></tr>\n";
    body << "<h2 id=\"wycofane\">Wycofane</h2>\n"
         << tableOrEmpty("wycofane",
                         "<th scope=\"col\">Nazwa</th><th scope=\"col\">Identyfikator</th><th scope=\"col\">Wycofane "
                         "(kto, kiedy)</th><th scope=\"col\">Działania</th>",
                         retired, "<p>Brak wycofanych pozycji.</p>\n");
    PanelResponse r;
    r.body = renderPage(pageFrame(ctx, text.title, kNavPath, entryMessages()), body);
    return r;
}

PanelResponse catalogEntryPage(const PageContext& ctx)
{
    const CatalogEntryKind* kind = requestedKind(ctx.request.query);
    if (kind == nullptr)
        return unknownKind();
    auto view = ctx.panelStore.catalogKeeping();
    if (auto refused = withoutCatalogue(view))
        return *refused;
    const std::string code(kind->code);
    std::string id = fieldValue(ctx.request.query, "id");
    FormValues values;
    std::int64_t version = 0;
    if (!id.empty() || kind->single)
    {
        const Json* entry = findEntryJson(view->document, *kind, id);
        if (entry == nullptr)
            return entriesMessage(404, "Nie ma takiej pozycji", "Nie ma takiej pozycji w katalogu.");
        if (kind->single)
            id = entry->value("id", "");
        values = entryFormValues(*entry, entryFields(code, *view->catalogue));
        const auto change = view->lastChanges.find({code, id});
        version = change == view->lastChanges.end() ? 0 : change->second.seq;
        const auto check = view->checks.find(id);
        if (check != view->checks.end())
            values["verified_on"] = check->second.verifiedOn;
    }
    return renderEntryForm(ctx, *kind, kind->single ? id : fieldValue(ctx.request.query, "id"), version,
                           *view->catalogue, values, {}, 200);
}

PanelResponse catalogEntryPost(const PageContext& ctx, const std::map<std::string, std::string>& form)
{
    const CatalogEntryKind* kind = requestedKind(form);
    if (kind == nullptr)
        return unknownKind();
    auto view = ctx.panelStore.catalogKeeping();
    if (auto refused = withoutCatalogue(view))
        return *refused;
    const std::string code(kind->code);
    const std::string id = fieldValue(form, "entry");
    const bool isNew = id.empty() && !kind->single;
    const auto fields = entryFields(code, *view->catalogue);
    EntryChange change;
    change.kind = kind;
    change.operation = isNew ? EntryOperation::Add : EntryOperation::Save;
    change.id = id;
    change.version = parseDigits(fieldValue(form, "version"), 18).value_or(-1);
    change.changes = entryFormChanges(form, fields, isNew);
    if (kind->code == protocol::entity::kEmergencyNumber)
        change.verifiedOn = fieldValue(form, "verified_on");
    change.staffId = ctx.session.staffId;
    change.now = ctx.now.unix;
    change.today = ctx.now.today;
    auto outcome = ctx.panelStore.changeCatalogEntry(change);
    if (!outcome)
        return storeError();
    const FormValues& typed = form;
    switch (outcome->result)
    {
    case CatalogSaveResult::Saved:
        return seeOther(listPath(code) + (isNew ? "&msg=added" : "&msg=saved"));
    case CatalogSaveResult::Unchanged:
        return seeOther(listPath(code) + "&msg=unchanged");
    case CatalogSaveResult::NotFound:
        return seeOther(listPath(code) + "&msg=not-found");
    case CatalogSaveResult::Stale:
        return renderEntryForm(ctx, *kind, id, change.version, *view->catalogue, typed, {}, 409,
                               "Tę pozycję zmieniono w międzyczasie (" + describeChange(outcome->current) +
                                   "); niczego nie zapisano. Twój tekst jest poniżej: otwórz pozycję ponownie, "
                                   "przenieś zmiany i zapisz.");
    case CatalogSaveResult::Invalid:
        break;
    }
    const EntryFormErrors errors = mapEntryErrors(outcome->errors, outcome->otherErrors, fields, form, view->document);
    return renderEntryForm(ctx, *kind, isNew ? "" : id, change.version, *view->catalogue, typed, errors, 422);
}

PanelResponse catalogEntryRetire(const PageContext& ctx, const std::map<std::string, std::string>& form)
{
    return entryAction(ctx, form, EntryOperation::Retire, "retired");
}

PanelResponse catalogEntryReactivate(const PageContext& ctx, const std::map<std::string, std::string>& form)
{
    return entryAction(ctx, form, EntryOperation::Reactivate, "reactivated");
}

} // namespace okienko::server::panel
