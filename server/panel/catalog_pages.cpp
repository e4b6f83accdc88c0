// The catalogue pages. A form is built from the entry's catalogue JSON (protocol::encodeService /
// encodeAnnouncement) and a POST is turned into changes of that JSON (the typed texts and dates),
// which the store lays over the stored entry, so the one validator is the loader's
// (parseServiceEntry / parseAnnouncementEntry) and its error paths ("$.name.uk") name the form's
// fields. Pages are written with the HTML builder (Html), which escapes every value; every state
// change is post/redirect/get, except a refused save, which shows the form again with what was
// typed.
#include "server/panel/catalog_pages.hpp"

#include "server/panel/catalog_entry_forms.hpp"
#include "server/panel/catalog_placeholders.hpp"
#include "server/panel/html.hpp"
#include "server/panel/monitoring.hpp"
#include "server/panel/page_parts.hpp"
#include "shared/catalog/catalog_loader.hpp"
#include "shared/domain/area.hpp"
#include "shared/domain/codes.hpp"
#include "shared/protocol/catalog_json.hpp"
#include "shared/text/percent_encode.hpp"
#include "shared/text/utf8.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace okienko::server::panel
{

namespace
{
using protocol::Json;

constexpr const char* kNavPath = "/panel/catalog";

// --- small page helpers ---

/// An error page whose link leads back to the catalogue list.
PanelResponse catalogMessage(int status, const std::string& title, const std::string& text)
{
    return messagePage(status, title, text, kNavPath, "Wróć do katalogu");
}

/// Browsers send CR LF line ends from a textarea; the catalogue keeps LF. Leading and trailing
/// blanks are never meant.
std::string cleanText(std::string_view raw)
{
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i)
    {
        if (raw[i] == '\r')
        {
            out.push_back('\n');
            if (i + 1 < raw.size() && raw[i + 1] == '\n')
                ++i;
        }
        else
            out.push_back(raw[i]);
    }
    const auto blank = [](char c)
    {
        return c == ' ' || c == '\t' || c == '\n';
    };
    std::size_t begin = 0;
    while (begin < out.size() && blank(out[begin]))
        ++begin;
    std::size_t end = out.size();
    while (end > begin && blank(out[end - 1]))
        --end;
    return out.substr(begin, end - begin);
}

/// The form's version field: the seq of the entry's latest change-log row.
std::optional<std::int64_t> parseVersion(const std::string& text)
{
    return parseDigits(text, 18);
}

std::string statusLabel(domain::ServiceStatus status)
{
    switch (status)
    {
    case domain::ServiceStatus::Active:
        return "realizowana";
    case domain::ServiceStatus::Information:
        return "informacyjna (szczegóły w CUS)";
    case domain::ServiceStatus::Planned:
        return "planowana";
    case domain::ServiceStatus::Archived:
        return "zakończona (archiwalna)";
    }
    return "";
}

constexpr std::array kStatuses{domain::ServiceStatus::Active, domain::ServiceStatus::Information,
                               domain::ServiceStatus::Planned, domain::ServiceStatus::Archived};

/// The messages of the redirects' ?msg= codes.
const std::map<std::string, FlashMessage>& catalogMessages()
{
    static const std::map<std::string, FlashMessage> messages{
        {"saved", {"Zapisano. Kioski dostaną zmianę przy najbliższej synchronizacji.", false}},
        {"unchanged", {"Nic się nie zmieniło; niczego nie zapisano.", false}},
        {"added", {"Dodano ogłoszenie. Kioski pokażą je po najbliższej synchronizacji.", false}},
        {"withdrawn", {"Ogłoszenie wycofane. Kioski usuną je przy najbliższej synchronizacji.", false}},
        {"stale", {"Ogłoszenie zmieniono w międzyczasie; niczego nie wycofano. Sprawdź je i spróbuj ponownie.", true}},
        {"not-found", {"Nie ma takiej pozycji w katalogu (mogła zostać usunięta).", true}},
        {"bad-input", {"Nieprawidłowe dane formularza; odśwież stronę.", true}},
        {"error", {"Błąd bazy danych; niczego nie zapisano. Spróbuj ponownie.", true}}};
    return messages;
}

// --- fields of the forms ---

struct Lang
{
    const char* code;
    const char* name; ///< in a field's name in messages: "Nazwa (ukraiński)"
    const char* legend;
};
constexpr std::array<Lang, 3> kLangs{
    Lang{"pl", "polski", "Polski — tekst źródłowy"},
    Lang{"uk", "ukraiński", "Ukraiński (українська)"},
    Lang{"en", "angielski", "Angielski (English)"},
};

/// One localized text of an entry. `key` is its JSON key; "fee.text" is the fee's text.
struct TextField
{
    const char* key;
    const char* label;
    std::size_t limit;
    bool multiline;
    bool required; ///< required by the file format: its Polish text must not be empty
    int rows;
};

constexpr std::array kServiceTexts{
    TextField{"name", "Nazwa", catalog::kMaxNameChars, false, true, 1},
    TextField{"summary", "Streszczenie (1–2 zdania na liście usług)", catalog::kMaxSummaryChars, true, true, 3},
    TextField{"description", "Opis", catalog::kMaxTextChars, true, true, 8},
    TextField{"delivered_by", "Podmiot realizujący", catalog::kMaxTextChars, true, true, 2},
    TextField{"place", "Miejsce", catalog::kMaxTextChars, true, true, 2},
    TextField{"hours", "Godziny", catalog::kMaxTextChars, true, true, 2},
    TextField{"contact", "Kontakt", catalog::kMaxTextChars, true, true, 2},
    TextField{"eligibility", "Kto może skorzystać (warunek dopuszczający)", catalog::kMaxTextChars, true, true, 3},
    TextField{"qualification_mode", "Tryb kwalifikowania", catalog::kMaxTextChars, true, true, 3},
    TextField{"fee.text", "Odpłatność", catalog::kMaxTextChars, true, true, 3},
    TextField{"documents", "Dokumenty (sposób dokumentowania)", catalog::kMaxTextChars, true, true, 3},
    TextField{"personal_data", "Dane osobowe, o które prosi CUS, i po co", catalog::kMaxTextChars, true, true, 3},
    TextField{"capacity", "Liczba miejsc lub uczestników (nieobowiązkowe)", catalog::kMaxTextChars, true, false, 2},
};

constexpr std::array kAnnouncementTexts{
    TextField{"title", "Tytuł", catalog::kMaxTextChars, false, true, 1},
    TextField{"body", "Treść", catalog::kMaxTextChars, true, true, 5},
};

std::string dotted(const char* key, char separator)
{
    std::string out = key;
    for (char& c : out)
        if (c == '.')
            c = separator;
    return out;
}

/// The form field of a text in one language: "fee_text_uk".
std::string fieldName(const TextField& f, const Lang& l)
{
    return dotted(f.key, '_') + "_" + l.code;
}

Json::json_pointer pointerTo(const TextField& f, const Lang& l)
{
    return Json::json_pointer("/" + dotted(f.key, '/') + "/" + l.code);
}

/// What a field is called in the error summary, and what limits its value.
struct FieldInfo
{
    std::string label;
    std::size_t limit = 0;
    bool optionalText = false;
};

/// The coordinators' note: shown here, never in a kiosk (docs/catalog-format.md, `internal_note`).
constexpr const char* kNoteLabel = "Notatka wewnętrzna (co CUS musi uzupełnić lub potwierdzić)";

/// The labels of the two dates, as each form shows them.
struct DateLabels
{
    const char* from;
    const char* to;
};
constexpr DateLabels kServiceDates{"Ważna od (pierwszy dzień)", "Ważna do (ostatni dzień)"};
constexpr DateLabels kAnnouncementDates{"Pokazuj od (pierwszy dzień)", "Pokazuj do (ostatni dzień)"};

template <std::size_t N>
std::map<std::string, FieldInfo> fieldInfos(const std::array<TextField, N>& texts, const DateLabels& dates)
{
    std::map<std::string, FieldInfo> out;
    for (const auto& f : texts)
        for (const auto& l : kLangs)
            out[fieldName(f, l)] = FieldInfo{std::string(f.label) + " (" + l.name + ")", f.limit, !f.required};
    out["valid_from"] = FieldInfo{dates.from, 0, false};
    out["valid_to"] = FieldInfo{dates.to, 0, false};
    out["status"] = FieldInfo{"Status", 0, false};
    out["to_be_confirmed"] = FieldInfo{"Do potwierdzenia w CUS", 0, false};
    out["internal_note"] = FieldInfo{kNoteLabel, catalog::kMaxTextChars, false};
    return out;
}

/// The string at `ptr`; "" when there is none.
std::string stringAt(const Json& entry, const Json::json_pointer& ptr)
{
    return entry.contains(ptr) && entry.at(ptr).is_string() ? entry.at(ptr).get<std::string>() : std::string();
}

/// The form's values of a stored entry (its catalogue JSON).
template <std::size_t N> Form formFromJson(const Json& entry, const std::array<TextField, N>& texts)
{
    Form out;
    for (const auto& f : texts)
        for (const auto& l : kLangs)
        {
            out[fieldName(f, l)] = stringAt(entry, pointerTo(f, l));
        }
    for (const char* key : {"valid_from", "valid_to", "status"})
        out[key] = stringAt(entry, Json::json_pointer(std::string("/") + key));
    out["to_be_confirmed"] = entry.value("to_be_confirmed", false) ? "1" : "";
    out["internal_note"] = stringAt(entry, Json::json_pointer("/internal_note"));
    return out;
}

/// The values a POST carries, cleaned as they will be stored.
template <std::size_t N> Form formFromPost(const Form& post, const std::array<TextField, N>& texts)
{
    Form out;
    for (const auto& f : texts)
        for (const auto& l : kLangs)
            out[fieldName(f, l)] = cleanText(fieldValue(post, fieldName(f, l)));
    for (const char* key : {"valid_from", "valid_to", "status"})
        out[key] = cleanText(fieldValue(post, key));
    out["to_be_confirmed"] = fieldValue(post, "to_be_confirmed").empty() ? "" : "1";
    out["internal_note"] = cleanText(fieldValue(post, "internal_note"));
    return out;
}

/// The typed texts and dates as changes of the stored entry's JSON, written the way a person writes
/// a catalogue file: an empty translation is left out, an optional text with no language at all too.
template <std::size_t N>
std::vector<CatalogFieldChange> changesFrom(const Form& typed, const std::array<TextField, N>& texts)
{
    std::vector<CatalogFieldChange> out;
    for (const auto& f : texts)
    {
        bool any = false;
        for (const auto& l : kLangs)
            any = any || !fieldValue(typed, fieldName(f, l)).empty();
        const std::string parent = "/" + dotted(f.key, '/');
        if (!f.required && !any)
        {
            out.push_back({parent, std::nullopt});
            continue;
        }
        Json localized = Json::object();
        for (const auto& l : kLangs)
        {
            const std::string v = fieldValue(typed, fieldName(f, l));
            // Polish stays even when empty, so that the loader names the missing Polish text.
            if (!v.empty() || std::string_view(l.code) == "pl")
                localized[l.code] = v;
        }
        out.push_back({parent, std::move(localized)});
    }
    for (const char* key : {"valid_from", "valid_to"})
    {
        const std::string v = fieldValue(typed, key);
        out.push_back({std::string("/") + key, v.empty() ? std::nullopt : std::optional<Json>(Json(v))});
    }
    return out;
}

/// An error of the loader in the coordinator's words.
std::string polishMessage(const catalog::CatalogError& e, const FieldInfo* field, const std::string& typed)
{
    using C = catalog::CatalogErrorCode;
    switch (e.code)
    {
    case C::EmptyText:
        if (field != nullptr && field->optionalText)
            return "Podano tłumaczenie, więc tekst polski też jest wymagany.";
        return "Tekst polski jest wymagany.";
    case C::TooLong:
        return "Za długi tekst: " + std::to_string(text::codePointCount(typed)) + " znaków, dozwolone " +
               std::to_string(field != nullptr ? field->limit : 0) + ".";
    case C::InvalidUtf8:
        return "Tekst zawiera niedozwolone znaki.";
    case C::BadDate:
        return "Nieprawidłowa data. Wpisz ją jako RRRR-MM-DD, np. 2025-03-31.";
    case C::DateOrder:
        return "Data końcowa jest wcześniejsza niż data początkowa.";
    case C::UnknownCode:
        return "Wybierz jedną z wartości z listy.";
    default:
        return "Nieprawidłowa wartość (" + std::string(catalog::errorCodeName(e.code)) + ").";
    }
}

/// The loader's errors by form field ("$.fee.text.pl" → "fee_text_pl"), plus the summary in order.
struct FormErrors
{
    std::map<std::string, std::string> byField;
    std::vector<std::pair<std::string, std::string>> summary; ///< field name ("" when not a field), text
    bool empty() const { return summary.empty(); }
};

FormErrors mapErrors(const catalog::CatalogErrors& errors, const std::map<std::string, FieldInfo>& fields,
                     const Form& typed)
{
    FormErrors out;
    for (const auto& e : errors)
    {
        std::string name = e.path.rfind("$.", 0) == 0 ? e.path.substr(2) : std::string();
        for (char& c : name)
            if (c == '.')
                c = '_';
        auto it = fields.find(name);
        if (it == fields.end())
        {
            // Not one of the form's fields (the stored entry itself is at fault): say where.
            out.summary.emplace_back("", "Błąd w zapisanych danych pozycji (" + e.path +
                                             "): " + std::string(catalog::errorCodeName(e.code)) + ".");
            continue;
        }
        if (out.byField.count(name) != 0)
            continue;
        const std::string message = polishMessage(e, &it->second, fieldValue(typed, name));
        out.byField[name] = message;
        out.summary.emplace_back(name, it->second.label + ": " + message);
    }
    return out;
}

Html errorSummary(const FormErrors& errors)
{
    EntryFormErrors same;
    same.summary = errors.summary;
    return entryErrorSummary(same);
}

/// aria attributes and the message paragraph of one field.
struct FieldMarkup
{
    Html attributes;
    Html message;
};

FieldMarkup describe(const std::string& name, const std::string& hint, const FormErrors& errors)
{
    FieldMarkup m;
    std::string describedBy;
    if (!hint.empty())
    {
        describedBy = "f-" + name + "-hint";
        m.message << "<p class=\"hint\" id=\"f-" << name << "-hint\">" << hint << "</p>\n";
    }
    auto it = errors.byField.find(name);
    if (it != errors.byField.end())
    {
        describedBy += (describedBy.empty() ? "" : " ") + std::string("f-") + name + "-error";
        m.message << "<p class=\"field-error\" id=\"f-" << name << "-error\"><span class=\"sr-only\">Błąd: </span>"
                  << it->second << "</p>\n";
        m.attributes << " aria-invalid=\"true\"";
    }
    if (!describedBy.empty())
        m.attributes << " aria-describedby=\"" << describedBy << "\"";
    return m;
}

Html textInput(const TextField& f, const Lang& l, const Form& values, const FormErrors& errors)
{
    const std::string name = fieldName(f, l);
    const bool polish = std::string_view(l.code) == "pl";
    const bool required = polish && f.required;
    std::string hint;
    if (f.limit < catalog::kMaxTextChars)
        hint = "Do " + std::to_string(f.limit) + " znaków.";
    const FieldMarkup m = describe(name, hint, errors);
    const std::string id = "f-" + name;
    Html out;
    out << "<div class=\"field\">\n<label for=\"" << id << "\">" << std::string_view(f.label)
        << (required ? Markup(" (wymagane)") : Markup("")) << "</label>\n"
        << m.message;
    Html common;
    common << " id=\"" << id << "\" name=\"" << name << "\" lang=\"" << std::string_view(l.code) << "\""
           << (required ? Markup(" aria-required=\"true\"") : Markup("")) << m.attributes;
    if (f.multiline)
        out << "<textarea" << common << " rows=\"" << f.rows << "\">" << fieldValue(values, name) << "</textarea>\n";
    else
        out << "<input type=\"text\"" << common << " value=\"" << fieldValue(values, name) << "\">\n";
    return out << "</div>\n";
}

template <std::size_t N>
Html languageFieldsets(const std::array<TextField, N>& texts, const Form& values, const FormErrors& errors)
{
    Html out;
    out << "<div class=\"langs\">\n";
    for (const auto& l : kLangs)
    {
        const bool polish = std::string_view(l.code) == "pl";
        out << "<fieldset>\n<legend>" << std::string_view(l.legend) << "</legend>\n<p class=\"hint\">"
            << (polish ? Markup("Pola oznaczone „(wymagane)” muszą mieć tekst polski.")
                       : Markup("Puste pole: kiosk pokaże tekst polski z oznaczeniem braku tłumaczenia."))
            << "</p>\n";
        for (const auto& f : texts)
            out << textInput(f, l, values, errors);
        out << "</fieldset>\n";
    }
    return out << "</div>\n";
}

Html dateInputs(const Form& values, const FormErrors& errors, const DateLabels& labels)
{
    Html out;
    for (const auto& [key, label] : {std::pair<std::string, std::string_view>{"valid_from", labels.from},
                                     std::pair<std::string, std::string_view>{"valid_to", labels.to}})
    {
        const FieldMarkup m = describe(key, "RRRR-MM-DD; puste pole: bez ograniczenia.", errors);
        out << "<div class=\"field\">\n<label for=\"f-" << key << "\">" << label << "</label>\n"
            << m.message << "<input type=\"date\" id=\"f-" << key << "\" name=\"" << key << "\" value=\""
            << fieldValue(values, key) << "\"" << m.attributes << ">\n</div>\n";
    }
    return out;
}

/// Who made an entry's latest change and when, as the pages write it.
std::string describeChange(const CatalogChange& c)
{
    if (c.seq == 0)
        return "—";
    return (c.staffName.empty() ? std::string("import pliku katalogu") : c.staffName) + ", " + dateTimeText(c.at);
}

/// The stored texts that differ from what was typed, for the coordinator whose save came too late.
template <std::size_t N>
Html differences(const Form& typed, const Form& stored, const std::array<TextField, N>& texts, const DateLabels& dates,
                 const CatalogChange& by)
{
    Html rows;
    const auto fields = fieldInfos(texts, dates);
    for (const auto& [name, info] : fields)
    {
        if (fieldValue(typed, name) == fieldValue(stored, name))
            continue;
        std::string shown = fieldValue(stored, name);
        if (name == "to_be_confirmed")
            shown = shown.empty() ? "nie" : "tak";
        else if (name == "status")
            if (auto code = domain::fromCode<domain::ServiceStatus>(shown))
                shown = statusLabel(*code);
        rows << "<dt>" << info.label << "</dt>\n<dd>";
        if (shown.empty())
            rows << "(puste)";
        else
            rows << shown;
        rows << "</dd>\n";
    }
    Html out;
    out << "<section class=\"stale\" aria-labelledby=\"zapisana\">\n<h2 id=\"zapisana\">Wersja zapisana "
           "w międzyczasie ("
        << describeChange(by) << ")</h2>\n";
    if (rows.empty())
        out << "<p>Zapisana wersja ma te same teksty co Twój formularz.</p>\n";
    else
        out << "<p>Pola, w których zapisana wersja różni się od Twojej:</p>\n<dl>\n" << rows << "</dl>\n";
    return out << "</section>\n";
}

/// The hidden fields that say which entry, at which version, a form is about.
Html entryFields(const PanelSession& s, const std::string& id, std::int64_t version, Markup separator)
{
    return Html() << csrfField(s) << "<input type=\"hidden\" name=\"id\" value=\"" << id << "\">" << separator
                  << "<input type=\"hidden\" name=\"version\" value=\"" << version << "\">";
}

Html serviceFormHtml(const PanelSession& s, const std::string& id, std::int64_t version, const Form& values,
                     const FormErrors& errors, const domain::Service& stored)
{
    std::string areas;
    for (const auto& a : stored.areas)
        areas += (areas.empty() ? "" : "; ") + areaLabel(std::string(domain::areaCode(a)));
    Html out = errorSummary(errors);
    out << "<p class=\"muted\">Identyfikator: " << id << ". Obszary: " << areas
        << ". Po zapisaniu kioski dostaną nową wersję przy najbliższej synchronizacji.</p>\n"
           "<form method=\"post\" enctype=\"multipart/form-data\" action=\"/panel/catalog/service\" "
           "class=\"catalog-form\">\n"
        << entryFields(s, id, version, "\n") << "\n";
    {
        // First on the page: what is still missing is what the coordinator came to fix.
        const FieldMarkup m =
            describe("internal_note", "Tylko dla pracowników: kiosk jej nie pokazuje i nie drukuje.", errors);
        out << "<fieldset>\n<legend>Notatka wewnętrzna</legend>\n<div class=\"field\">\n<label "
               "for=\"f-internal_note\">"
            << std::string_view(kNoteLabel) << "</label>\n"
            << m.message << "<textarea id=\"f-internal_note\" name=\"internal_note\" lang=\"pl\" rows=\"3\""
            << m.attributes << ">" << fieldValue(values, "internal_note") << "</textarea>\n</div>\n</fieldset>\n";
    }
    out << "<fieldset>\n<legend>Status i okres</legend>\n";
    {
        const FieldMarkup m = describe("status", "", errors);
        out << "<div class=\"field\">\n<label for=\"f-status\">Status</label>\n"
            << m.message << "<select id=\"f-status\" name=\"status\"" << m.attributes << ">\n";
        const std::string current = fieldValue(values, "status");
        for (auto st : kStatuses)
        {
            const std::string_view code = domain::toCode(st);
            out << "<option value=\"" << code << "\"" << (code == current ? Markup(" selected") : Markup("")) << ">"
                << statusLabel(st) << "</option>\n";
        }
        out << "</select>\n</div>\n";
    }
    out << dateInputs(values, errors, kServiceDates);
    {
        const FieldMarkup m = describe("to_be_confirmed", "", errors);
        out << "<div class=\"field check\">\n"
            << m.message << "<input type=\"checkbox\" id=\"f-to_be_confirmed\" name=\"to_be_confirmed\" value=\"1\""
            << (fieldValue(values, "to_be_confirmed").empty() ? Markup("") : Markup(" checked")) << m.attributes
            << ">\n<label for=\"f-to_be_confirmed\">Opis ogólny — szczegóły do potwierdzenia w CUS</label>\n</div>\n";
    }
    out << "</fieldset>\n" << languageFieldsets(kServiceTexts, values, errors);
    return out << "<p><button type=\"submit\">Zapisz i opublikuj w kioskach</button> <a "
                  "href=\"/panel/catalog\">Anuluj</a></p>\n</form>\n";
}

Html announcementFormHtml(const PanelSession& s, const std::string& id, std::int64_t version, const Form& values,
                          const FormErrors& errors)
{
    Html out = errorSummary(errors);
    out << "<form method=\"post\" enctype=\"multipart/form-data\" action=\"/panel/catalog/announcement\" "
           "class=\"catalog-form\">\n"
        << entryFields(s, id, version, "\n") << "\n";
    out << "<fieldset>\n<legend>Okres wyświetlania</legend>\n"
        << dateInputs(values, errors, kAnnouncementDates) << "</fieldset>\n";
    out << languageFieldsets(kAnnouncementTexts, values, errors);
    out << "<p><button type=\"submit\">" << (id.empty() ? Markup("Dodaj i opublikuj") : Markup("Zapisz i opublikuj"))
        << "</button> <a href=\"/panel/catalog\">Anuluj</a></p>\n</form>\n";
    if (!id.empty())
        out << "<h2 id=\"wycofanie\">Wycofanie ogłoszenia</h2>\n<p>Wycofane ogłoszenie znika z kiosków przy ich "
               "najbliższej synchronizacji.</p>\n<form method=\"post\" enctype=\"multipart/form-data\" "
               "action=\"/panel/catalog/announcement/withdraw\">"
            << entryFields(s, id, version, "")
            << "<button type=\"submit\" class=\"secondary\">Wycofaj to ogłoszenie</button></form>\n";
    return out;
}

/// The catalogue list over `data`, with the message of the redirect's ?msg= code.
PanelResponse renderCatalogue(const PageContext& ctx, const CatalogOverview& data)
{
    const PageFrame frame =
        pageFrame(ctx, "Katalog usług", kNavPath, lookupFlash(catalogMessages(), fieldValue(ctx.request.query, "msg")));
    PanelResponse r;
    Html body;
    if (!data.catalogue)
    {
        body << "<p>Katalog nie został jeszcze zaimportowany (okienko-central import-catalog).</p>\n";
        r.body = renderPage(frame, body);
        return r;
    }
    const domain::Catalog& catalogue = *data.catalogue;
    body << "<p>Teksty usług i ogłoszenia w trzech językach. Zapisana zmiana trafia do wszystkich kiosków "
            "przy ich najbliższej synchronizacji. Import pliku katalogu zachowuje zmiany z panelu "
            "(pokazuje je przed zapisem).</p>\n"
         << placeholdersSection(ctx)
         << "<h2 id=\"caly-katalog\">Cały katalog</h2>\n<ul>\n<li><a "
            "href=\"/panel/catalog/entry?kind=municipality\">Dane CUS: adres, telefon, godziny</a></li>\n<li><a "
            "href=\"/panel/catalog/entries?kind=service\">Usługi: dodawanie, wszystkie pola, wycofywanie</a></li>\n"
            "<li><a href=\"/panel/catalog/entries?kind=fee_table\">Tabele odpłatności</a></li>\n<li><a "
            "href=\"/panel/catalog/entries?kind=equipment_type\">Typy sprzętu</a></li>\n<li><a "
            "href=\"/panel/catalog/entries?kind=unit\">Egzemplarze sprzętu (numery inwentarzowe)</a></li>\n<li><a "
            "href=\"/panel/catalog/entries?kind=emergency_number\">Numery alarmowe (data sprawdzenia)</a></li>\n"
            "<li><a href=\"/panel/catalog/entries?kind=area\">Obszary (dodawanie, nazwy, piktogram, "
            "wycofywanie)</a></li>\n<li><a href=\"/panel/catalog/entries?kind=target_group\">Grupy docelowe</a></li>\n"
            "<li><a href=\"/panel/catalog/import\">Import pliku katalogu (podgląd zmian przed zapisem)</a></li>\n"
            "</ul>\n";
    if (!catalogue.municipality.internalNote.empty())
        body << "<p class=\"note\"><strong>Dane kontaktowe CUS — notatka wewnętrzna:</strong> "
             << catalogue.municipality.internalNote << "</p>\n";
    body << "<h2 id=\"uslugi\">Usługi (" << catalogue.services.size() << ")</h2>\n";
    Html serviceRows;
    for (const auto& s : catalogue.services)
    {
        auto it = data.services.find(s.id);
        serviceRows << "<tr><th scope=\"row\"><a href=\"/panel/catalog/service?id=" << text::percentEncode(s.id)
                    << "\">" << s.name.pl << "</a></th><td>";
        bool first = true;
        for (const auto& a : s.areas)
        {
            if (!first)
                serviceRows << "<br>";
            first = false;
            serviceRows << areaLabel(std::string(domain::areaCode(a)), catalogue);
        }
        serviceRows << "</td><td>" << statusLabel(s.status) << "</td><td>"
                    << (s.toBeConfirmed ? Markup("tak") : Markup("nie")) << "</td><td>";
        if (s.internalNote.empty())
            serviceRows << "—";
        else
            serviceRows << s.internalNote;
        serviceRows << "</td><td>" << describeChange(it == data.services.end() ? CatalogChange{} : it->second)
                    << "</td></tr>\n";
    }
    body << tableOrEmpty("uslugi",
                         "<th scope=\"col\">Nazwa</th><th scope=\"col\">Obszary</th><th scope=\"col\">Status</th><th "
                         "scope=\"col\">Do potwierdzenia w CUS</th><th scope=\"col\">Notatka wewnętrzna</th><th "
                         "scope=\"col\">Ostatnia zmiana</th>",
                         serviceRows, "<p>Katalog nie ma usług.</p>\n");
    body << "<h2 id=\"ogloszenia\">Ogłoszenia (" << catalogue.announcements.size()
         << ")</h2>\n<p><a href=\"/panel/catalog/announcement\">Dodaj ogłoszenie</a></p>\n";
    Html announcementRows;
    for (const auto& a : catalogue.announcements)
    {
        auto it = data.announcements.find(a.id);
        const CatalogChange change = it == data.announcements.end() ? CatalogChange{} : it->second;
        std::string period = a.validFrom ? "od " + a.validFrom->iso() : std::string();
        if (a.validTo)
            period += (period.empty() ? "" : " ") + std::string("do ") + a.validTo->iso();
        if (period.empty())
            period = "bez ograniczenia";
        announcementRows << "<tr><th scope=\"row\"><a href=\"/panel/catalog/announcement?id="
                         << text::percentEncode(a.id) << "\">" << a.title.pl << "</a></th><td>" << period << "</td><td>"
                         << describeChange(change)
                         << "</td><td><form class=\"inline\" method=\"post\" enctype=\"multipart/form-data\" "
                            "action=\"/panel/catalog/announcement/withdraw\">"
                         << entryFields(ctx.session, a.id, change.seq, "")
                         << "<button type=\"submit\" class=\"secondary\" aria-label=\"Wycofaj ogłoszenie " << a.title.pl
                         << "\">Wycofaj</button></form></td></tr>\n";
    }
    body << tableOrEmpty("ogloszenia",
                         "<th scope=\"col\">Tytuł</th><th scope=\"col\">Pokazywane</th><th scope=\"col\">Ostatnia "
                         "zmiana</th><th scope=\"col\">Działania</th>",
                         announcementRows, "<p>Brak ogłoszeń.</p>\n");
    r.body = renderPage(frame, body);
    return r;
}

/// A service's form: as stored, as typed with the loader's errors (422), or as typed after a save
/// that came too late (409, with the stored version's differing fields).
PanelResponse renderService(const PageContext& ctx, const domain::Service& stored, const Html& intro,
                            std::int64_t version, const Form& values, const FormErrors& errors, int status,
                            const FlashMessage& flash = {})
{
    PageFrame frame = pageFrame(ctx, "Usługa: " + stored.name.pl, kNavPath, flash);
    if (!errors.empty())
        frame.title = "Błędy w formularzu — " + frame.title;
    PanelResponse r;
    r.status = status;
    r.body =
        renderPage(frame, Html() << intro << serviceFormHtml(ctx.session, stored.id, version, values, errors, stored));
    return r;
}

/// An announcement's form (`id` "" for a new one), as renderService.
PanelResponse renderAnnouncement(const PageContext& ctx, const std::string& title, const std::string& id,
                                 const Html& intro, std::int64_t version, const Form& values, const FormErrors& errors,
                                 int status, const FlashMessage& flash = {})
{
    PageFrame frame = pageFrame(ctx, title, kNavPath, flash);
    if (!errors.empty())
        frame.title = "Błędy w formularzu — " + frame.title;
    PanelResponse r;
    r.status = status;
    r.body = renderPage(frame, Html() << intro << announcementFormHtml(ctx.session, id, version, values, errors));
    return r;
}

Html lastChangeLine(const CatalogChange& change)
{
    return Html() << "<p>Ostatnia zmiana: " << describeChange(change) << ".</p>\n";
}

/// The redirect after a save that needs no form again.
PanelResponse afterSave(CatalogSaveResult result, const char* savedCode)
{
    switch (result)
    {
    case CatalogSaveResult::Saved:
        return seeOther(std::string("/panel/catalog?msg=") + savedCode);
    case CatalogSaveResult::Unchanged:
        return seeOther("/panel/catalog?msg=unchanged");
    case CatalogSaveResult::Stale:
        return seeOther("/panel/catalog?msg=stale");
    case CatalogSaveResult::NotFound:
        return seeOther("/panel/catalog?msg=not-found");
    case CatalogSaveResult::Invalid:
        break;
    }
    return seeOther("/panel/catalog?msg=error");
}

/// The form's id and version; nullopt when they are not what a form of ours sends.
std::optional<std::int64_t> formVersion(const std::string& id, const Form& form)
{
    if (id.size() > 64)
        return std::nullopt;
    return parseVersion(fieldValue(form, "version"));
}
} // namespace

// --- the list ---

PanelResponse catalogPage(const PageContext& ctx)
{
    auto data = ctx.panelStore.catalogOverview();
    if (!data)
        return catalogMessage(503, "Błąd", "Nie udało się odczytać katalogu. Spróbuj ponownie.");
    return renderCatalogue(ctx, *data);
}

// --- services ---

PanelResponse servicePage(const PageContext& ctx)
{
    const std::string id = fieldValue(ctx.request.query, "id");
    auto loaded = ctx.panelStore.service(id);
    if (!loaded)
        return catalogMessage(503, "Błąd", "Nie udało się odczytać usługi. Spróbuj ponownie.");
    if (!loaded->entry)
        return catalogMessage(404, "Nie ma takiej usługi", "Nie ma takiej usługi w katalogu.");
    const domain::Service& service = *loaded->entry;
    return renderService(ctx, service, lastChangeLine(loaded->change), loaded->change.seq,
                         formFromJson(protocol::encodeServiceWithNote(service), kServiceTexts), {}, 200);
}

PanelResponse servicePost(const PageContext& ctx, const Form& form)
{
    const std::string id = fieldValue(form, "id");
    const auto version = formVersion(id, form);
    if (id.empty() || !version)
        return seeOther("/panel/catalog?msg=bad-input");
    const Form typed = formFromPost(form, kServiceTexts);
    CatalogEdit edit{id, *version, changesFrom(typed, kServiceTexts), ctx.session.staffId, ctx.now.unix};
    edit.changes.push_back({"/status", Json(fieldValue(typed, "status"))});
    edit.changes.push_back(
        {"/to_be_confirmed", fieldValue(typed, "to_be_confirmed").empty() ? std::nullopt : std::optional<Json>(true)});
    const std::string note = fieldValue(typed, "internal_note");
    edit.changes.push_back({"/internal_note", note.empty() ? std::nullopt : std::optional<Json>(note)});
    auto outcome = ctx.panelStore.saveService(edit);
    if (!outcome)
        return seeOther("/panel/catalog?msg=error");
    if (outcome->result == CatalogSaveResult::Invalid && outcome->stored)
        return renderService(ctx, *outcome->stored, {}, *version, typed,
                             mapErrors(outcome->errors, fieldInfos(kServiceTexts, kServiceDates), typed), 422);
    if (outcome->result == CatalogSaveResult::Stale && outcome->stored)
    {
        const CatalogChange& current = outcome->current;
        const Form saved = formFromJson(protocol::encodeServiceWithNote(*outcome->stored), kServiceTexts);
        return renderService(
            ctx, *outcome->stored, differences(typed, saved, kServiceTexts, kServiceDates, current), current.seq, typed,
            {}, 409,
            {"Nie zapisano: ktoś inny zmienił tę usługę, gdy ją edytowałeś(-aś) (" + describeChange(current) +
                 "). Twój tekst jest w formularzu poniżej. Porównaj go z zapisaną wersją; ponowne zapisanie "
                 "formularza zastąpi tamtą wersję Twoją.",
             true});
    }
    return afterSave(outcome->result, "saved");
}

// --- announcements ---

PanelResponse announcementPage(const PageContext& ctx)
{
    const std::string id = fieldValue(ctx.request.query, "id");
    if (id.empty())
        return renderAnnouncement(ctx, "Nowe ogłoszenie", "", {}, 0, {}, {}, 200);
    auto loaded = ctx.panelStore.announcement(id);
    if (!loaded)
        return catalogMessage(503, "Błąd", "Nie udało się odczytać ogłoszenia. Spróbuj ponownie.");
    if (!loaded->entry)
        return catalogMessage(404, "Nie ma takiego ogłoszenia", "Nie ma takiego ogłoszenia (mogło zostać wycofane).");
    return renderAnnouncement(ctx, "Ogłoszenie: " + loaded->entry->title.pl, id, lastChangeLine(loaded->change),
                              loaded->change.seq,
                              formFromJson(protocol::encodeAnnouncement(*loaded->entry), kAnnouncementTexts), {}, 200);
}

PanelResponse announcementPost(const PageContext& ctx, const Form& form)
{
    const std::string id = fieldValue(form, "id");
    const auto version = formVersion(id, form);
    if (!version)
        return seeOther("/panel/catalog?msg=bad-input");
    const bool isNew = id.empty();
    const Form typed = formFromPost(form, kAnnouncementTexts);
    auto outcome = ctx.panelStore.saveAnnouncement(
        CatalogEdit{id, *version, changesFrom(typed, kAnnouncementTexts), ctx.session.staffId, ctx.now.unix});
    if (!outcome)
        return seeOther("/panel/catalog?msg=error");
    const std::string title = outcome->stored ? "Ogłoszenie: " + outcome->stored->title.pl : "Ogłoszenie: ";
    if (outcome->result == CatalogSaveResult::Invalid)
        return renderAnnouncement(ctx, isNew ? "Nowe ogłoszenie" : title, id, {}, *version, typed,
                                  mapErrors(outcome->errors, fieldInfos(kAnnouncementTexts, kAnnouncementDates), typed),
                                  422);
    if (outcome->result == CatalogSaveResult::Stale && outcome->stored)
    {
        const CatalogChange& current = outcome->current;
        const Form nowStored = formFromJson(protocol::encodeAnnouncement(*outcome->stored), kAnnouncementTexts);
        return renderAnnouncement(
            ctx, title, id, differences(typed, nowStored, kAnnouncementTexts, kAnnouncementDates, current), current.seq,
            typed, {}, 409,
            {"Nie zapisano: ktoś inny zmienił to ogłoszenie, gdy je edytowałeś(-aś) (" + describeChange(current) +
                 "). Twój tekst jest w formularzu poniżej; ponowne zapisanie zastąpi tamtą wersję Twoją.",
             true});
    }
    return afterSave(outcome->result, isNew ? "added" : "saved");
}

PanelResponse announcementWithdraw(const PageContext& ctx, const Form& form)
{
    const std::string id = fieldValue(form, "id");
    const auto version = formVersion(id, form);
    if (id.empty() || !version)
        return seeOther("/panel/catalog?msg=bad-input");
    auto result = ctx.panelStore.withdrawAnnouncement(id, *version, ctx.session.staffId, ctx.now.unix);
    if (!result)
        return seeOther("/panel/catalog?msg=error");
    return afterSave(*result, "withdrawn");
}

} // namespace okienko::server::panel
