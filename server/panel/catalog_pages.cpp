// The catalogue pages. A form is built from the entry's catalogue JSON (protocol::encodeService /
// encodeAnnouncement) and a POST is turned back into that JSON with the typed texts laid over the
// stored entry, so the one validator is the loader's (parseServiceEntry / parseAnnouncementEntry)
// and its error paths ("$.name.uk") name the form's fields. Every value is written through
// htmlEscape; every state change is post/redirect/get, except a refused save, which shows the form
// again with what was typed.
#include "server/panel/catalog_pages.hpp"

#include "server/panel/html.hpp"
#include "server/panel/monitoring.hpp"
#include "server/panel/page_parts.hpp"
#include "server/store_sql.hpp"
#include "shared/catalog/catalog_loader.hpp"
#include "shared/catalog/catalog_store.hpp"
#include "shared/domain/area.hpp"
#include "shared/domain/codes.hpp"
#include "shared/protocol/catalog_json.hpp"
#include "shared/protocol/changes.hpp"
#include "shared/text/utf8.hpp"
#include "shared/util/uuid.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace okienko::server::panel
{

namespace
{
using protocol::Json;
namespace entity = protocol::entity;
using Form = std::map<std::string, std::string>;

constexpr const char* kNavPath = "/panel/catalog";

// --- small page helpers ---

/// An error page whose link leads back to the catalogue list.
PanelResponse catalogMessage(int status, const std::string& title, const std::string& text)
{
    return messagePage(status, title, text, kNavPath, "Wróć do katalogu");
}

PageFrame frameFor(const PanelSession& s, const std::string& title, const FlashMessage& flash = {})
{
    return pageFrame(s, title, kNavPath, flash);
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
    if (text.empty() || text.size() > 18)
        return std::nullopt;
    std::int64_t v = 0;
    for (char c : text)
    {
        if (c < '0' || c > '9')
            return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
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

FlashMessage flashFor(const std::string& code)
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
    return lookupFlash(messages, code);
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

Json::json_pointer parentOf(const TextField& f)
{
    return Json::json_pointer("/" + dotted(f.key, '/'));
}

/// What a field is called in the error summary, and what limits its value.
struct FieldInfo
{
    std::string label;
    std::size_t limit = 0;
    bool optionalText = false;
};

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
    return out;
}

/// The stored entry with the typed texts and dates laid over it, written the way a person writes a
/// catalogue file: an empty translation is left out, an optional text with no language at all too.
template <std::size_t N> Json overlay(Json entry, const Form& typed, const std::array<TextField, N>& texts)
{
    for (const auto& f : texts)
    {
        bool any = false;
        for (const auto& l : kLangs)
            any = any || !fieldValue(typed, fieldName(f, l)).empty();
        const auto parent = parentOf(f);
        if (!f.required && !any)
        {
            if (entry.contains(parent))
            {
                // Only a top-level key can be optional as a whole (capacity).
                entry.erase(std::string(f.key));
            }
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
        entry[parent] = std::move(localized);
    }
    for (const char* key : {"valid_from", "valid_to"})
    {
        const std::string v = fieldValue(typed, key);
        if (v.empty())
            entry.erase(key);
        else
            entry[key] = v;
    }
    return entry;
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

std::string errorSummary(const FormErrors& errors)
{
    if (errors.empty())
        return {};
    std::string out = "<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"bledy-naglowek\" tabindex=\"-1\" "
                      "id=\"bledy\">\n<h2 id=\"bledy-naglowek\">Nie zapisano — popraw błędy (" +
                      std::to_string(errors.summary.size()) + ")</h2>\n<ul>\n";
    for (const auto& [name, text] : errors.summary)
    {
        if (name.empty())
            out += "<li>" + htmlEscape(text) + "</li>\n";
        else
            out += "<li><a href=\"#f-" + htmlEscape(name) + "\">" + htmlEscape(text) + "</a></li>\n";
    }
    return out + "</ul>\n</div>\n";
}

/// aria attributes and the message paragraph of one field.
struct FieldMarkup
{
    std::string attributes;
    std::string message;
};

FieldMarkup describe(const std::string& name, const std::string& hint, const FormErrors& errors)
{
    FieldMarkup m;
    std::string describedBy;
    if (!hint.empty())
    {
        describedBy = "f-" + name + "-hint";
        m.message += "<p class=\"hint\" id=\"f-" + htmlEscape(name) + "-hint\">" + htmlEscape(hint) + "</p>\n";
    }
    auto it = errors.byField.find(name);
    if (it != errors.byField.end())
    {
        describedBy += (describedBy.empty() ? "" : " ") + std::string("f-") + name + "-error";
        m.message += "<p class=\"field-error\" id=\"f-" + htmlEscape(name) +
                     "-error\"><span class=\"sr-only\">Błąd: "
                     "</span>" +
                     htmlEscape(it->second) + "</p>\n";
        m.attributes += " aria-invalid=\"true\"";
    }
    if (!describedBy.empty())
        m.attributes += " aria-describedby=\"" + htmlEscape(describedBy) + "\"";
    return m;
}

std::string textInput(const TextField& f, const Lang& l, const Form& values, const FormErrors& errors)
{
    const std::string name = fieldName(f, l);
    const bool polish = std::string_view(l.code) == "pl";
    std::string hint;
    if (f.limit < catalog::kMaxTextChars)
        hint = "Do " + std::to_string(f.limit) + " znaków.";
    const FieldMarkup m = describe(name, hint, errors);
    const std::string id = "f-" + htmlEscape(name);
    const std::string label = std::string(f.label) + (polish && f.required ? " (wymagane)" : "");
    std::string out =
        "<div class=\"field\">\n<label for=\"" + id + "\">" + htmlEscape(label) + "</label>\n" + m.message;
    const std::string common = " id=\"" + id + "\" name=\"" + htmlEscape(name) + "\" lang=\"" + l.code + "\"" +
                               (polish && f.required ? " aria-required=\"true\"" : "") + m.attributes;
    if (f.multiline)
        out += "<textarea" + common + " rows=\"" + std::to_string(f.rows) + "\">" +
               htmlEscape(fieldValue(values, name)) + "</textarea>\n";
    else
        out += "<input type=\"text\"" + common + " value=\"" + htmlEscape(fieldValue(values, name)) + "\">\n";
    return out + "</div>\n";
}

template <std::size_t N>
std::string languageFieldsets(const std::array<TextField, N>& texts, const Form& values, const FormErrors& errors)
{
    std::string out = "<div class=\"langs\">\n";
    for (const auto& l : kLangs)
    {
        const bool polish = std::string_view(l.code) == "pl";
        out += "<fieldset>\n<legend>" + std::string(l.legend) + "</legend>\n<p class=\"hint\">" +
               (polish ? "Pola oznaczone „(wymagane)” muszą mieć tekst polski."
                       : "Puste pole: kiosk pokaże tekst polski z oznaczeniem braku tłumaczenia.") +
               "</p>\n";
        for (const auto& f : texts)
            out += textInput(f, l, values, errors);
        out += "</fieldset>\n";
    }
    return out + "</div>\n";
}

std::string dateInputs(const Form& values, const FormErrors& errors, const DateLabels& labels)
{
    std::string out;
    for (const auto& [key, label] : {std::pair<const char*, const char*>{"valid_from", labels.from},
                                     std::pair<const char*, const char*>{"valid_to", labels.to}})
    {
        const FieldMarkup m = describe(key, "RRRR-MM-DD; puste pole: bez ograniczenia.", errors);
        out += "<div class=\"field\">\n<label for=\"f-" + std::string(key) + "\">" + label + "</label>\n" + m.message +
               "<input type=\"date\" id=\"f-" + key + "\" name=\"" + key + "\" value=\"" +
               htmlEscape(fieldValue(values, key)) + "\"" + m.attributes + ">\n</div>\n";
    }
    return out;
}

// --- the store side ---

/// Who made an entry's latest change and when: a coordinator, or the catalogue file's import.
struct LastChange
{
    std::int64_t seq = 0; ///< the entry's version; 0 when the change log has none
    std::int64_t at = 0;
    std::string staffName; ///< "" when the change came from import-catalog
};

std::string describeChange(const LastChange& c)
{
    if (c.seq == 0)
        return "—";
    return (c.staffName.empty() ? std::string("import pliku katalogu") : c.staffName) + ", " + dateTimeText(c.at);
}

/// The latest change of every entry of `kind` (or only of `id` when given), by entry id.
Status<db::Error> lastChanges(db::Database& d, std::string_view kind, std::map<std::string, LastChange>& out,
                              const std::string* id = nullptr)
{
    auto st = sqlQuery(d,
                       "SELECT c.entity_id, c.seq, c.created_at, COALESCE(st.name, '') FROM change_log c "
                       "LEFT JOIN catalog_edits e ON e.change_seq = c.seq LEFT JOIN staff st ON st.id = e.staff_id "
                       "WHERE c.entity = ?1 AND (?2 IS NULL OR c.entity_id = ?2) AND c.seq = "
                       "(SELECT MAX(m.seq) FROM change_log m WHERE m.entity = ?1 AND m.entity_id = c.entity_id)",
                       kind, id != nullptr ? std::optional<std::string>(*id) : std::optional<std::string>());
    if (!st)
        return makeErr(st.error());
    return forEachRow(*st,
                      [&](db::Statement& r)
                      {
                          out[r.columnText(0).value()] =
                              LastChange{r.columnInt64(1).value(), r.columnInt64(2).value(), r.columnText(3).value()};
                      });
}

/// The latest change of entry `id` into `out` (seq 0 when the change log has none).
Status<db::Error> readLastChange(db::Database& d, std::string_view kind, const std::string& id, LastChange& out)
{
    std::map<std::string, LastChange> found;
    if (auto st = lastChanges(d, kind, found, &id); !st)
        return st;
    auto it = found.find(id);
    out = it == found.end() ? LastChange{} : it->second;
    return {};
}

/// The entry `id` of `entries`, or end().
template <typename Entry>
typename std::vector<Entry>::iterator findEntry(std::vector<Entry>& entries, const std::string& id)
{
    return std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.id == id; });
}

/// The catalogue as stored, or nullopt before the first import.
Result<std::optional<domain::Catalog>, db::Error> storedCatalog(db::Database& d)
{
    auto has = catalog::hasCatalog(d);
    if (!has)
        return makeErr(has.error());
    if (!*has)
        return std::optional<domain::Catalog>();
    auto loaded = catalog::loadCatalog(d);
    if (!loaded)
        return makeErr(loaded.error());
    return std::optional<domain::Catalog>(std::move(loaded).value());
}

/// One change-log row for every kiosk, shaped as importCatalog writes it; returns its seq.
Result<std::int64_t, db::Error> logEntry(db::Database& d, std::string_view kind, const std::string& id,
                                         protocol::ChangeOp op, const std::string& data, std::optional<int> position,
                                         std::int64_t now)
{
    if (auto st = sqlExec(d,
                          "INSERT INTO change_log(entity, entity_id, op, data, position, kiosk_id, created_at) "
                          "VALUES (?, ?, ?, ?, ?, NULL, ?)",
                          kind, id, protocol::toCode(op), data, position, now);
        !st)
        return makeErr(st.error());
    return d.lastInsertRowId();
}

Status<db::Error> recordEdit(db::Database& d, const PanelSession& s, std::string_view kind, const std::string& id,
                             const char* action, std::int64_t seq, const std::string& data, std::int64_t now)
{
    return sqlExec(d,
                   "INSERT INTO catalog_edits(entity, entity_id, action, staff_id, change_seq, data, at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?)",
                   kind, id, action, s.staffId, seq, data, now);
}

/// Writes the catalogue with one entry changed, its change-log row and the audit row.
Status<db::Error> publish(db::Database& d, const PanelSession& s, const domain::Catalog& catalogue,
                          std::string_view kind, const std::string& id, protocol::ChangeOp op, const Json& data,
                          std::optional<int> position, const char* action, std::int64_t now)
{
    if (auto st = catalog::replaceCatalog(d, catalogue); !st)
        return st;
    const std::string dumped = data.dump();
    auto seq = logEntry(d, kind, id, op, dumped, position, now);
    if (!seq)
        return makeErr(seq.error());
    return recordEdit(d, s, kind, id, action, *seq, dumped, now);
}

/// Hands the stored catalogue (when imported) to `find` and reads entry `id`'s latest change, in one
/// read snapshot, so the form's version belongs to the texts it shows.
Status<db::Error> readEntry(ServerStore& store, std::string_view kind, const std::string& id, LastChange& change,
                            const std::function<void(const domain::Catalog&)>& find)
{
    return store.read(
        [&](db::Database& d) -> Status<db::Error>
        {
            auto stored = storedCatalog(d);
            if (!stored)
                return makeErr(stored.error());
            if (*stored)
                find(**stored);
            return readLastChange(d, kind, id, change);
        });
}

/// Runs `edit` on the stored catalogue inside one ServerStore::write transaction; before the first
/// import there is nothing to edit and `edit` is not called. A failure is logged as "panel <what>
/// failed" (SQLite's message, no form values) and returned.
Status<db::Error> editCatalogue(ServerStore& store, const char* what,
                                const std::function<Status<db::Error>(db::Database&, domain::Catalog&)>& edit)
{
    auto status = store.write(
        [&](db::Database& d) -> Status<db::Error>
        {
            auto loaded = storedCatalog(d);
            if (!loaded)
                return makeErr(loaded.error());
            if (!*loaded)
                return {};
            return edit(d, **loaded);
        });
    if (!status)
        std::fprintf(stderr, "okienko-central: panel %s failed: %s\n", what, status.error().message.c_str());
    return status;
}

enum class SaveOutcome
{
    Saved,
    Unchanged,
    Invalid,
    Stale,
    NotFound,
};

std::string newAnnouncementId(const domain::Catalog& c)
{
    for (;;)
    {
        std::string hex;
        for (char ch : newUuid())
            if (ch != '-' && hex.size() < 12)
                hex.push_back(ch);
        std::string id = "ogloszenie-" + hex;
        bool taken = false;
        for (const auto& a : c.announcements)
            taken = taken || a.id == id;
        if (!taken)
            return id;
    }
}

/// The stored texts that differ from what was typed, for the coordinator whose save came too late.
template <std::size_t N>
std::string differences(const Form& typed, const Form& stored, const std::array<TextField, N>& texts,
                        const DateLabels& dates, const LastChange& by)
{
    std::string rows;
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
        rows += "<dt>" + htmlEscape(info.label) + "</dt>\n<dd>" + (shown.empty() ? "(puste)" : htmlEscape(shown)) +
                "</dd>\n";
    }
    std::string out = "<section class=\"stale\" aria-labelledby=\"zapisana\">\n<h2 id=\"zapisana\">Wersja zapisana "
                      "w międzyczasie (" +
                      htmlEscape(describeChange(by)) + ")</h2>\n";
    if (rows.empty())
        out += "<p>Zapisana wersja ma te same teksty co Twój formularz.</p>\n";
    else
        out += "<p>Pola, w których zapisana wersja różni się od Twojej:</p>\n<dl>\n" + rows + "</dl>\n";
    return out + "</section>\n";
}

std::string serviceFormHtml(const PanelSession& s, const std::string& id, std::int64_t version, const Form& values,
                            const FormErrors& errors, const domain::Service& stored)
{
    std::string areas;
    for (auto a : stored.areas)
        areas += (areas.empty() ? "" : "; ") + areaLabel(std::string(domain::areaCode(a)));
    std::string out = errorSummary(errors);
    out += "<p class=\"muted\">Identyfikator: " + htmlEscape(id) + ". Obszary: " + htmlEscape(areas) +
           ". Po zapisaniu kioski dostaną nową wersję przy najbliższej synchronizacji.</p>\n"
           "<form method=\"post\" action=\"/panel/catalog/service\" class=\"catalog-form\">\n" +
           csrfInput(s) + "<input type=\"hidden\" name=\"id\" value=\"" + htmlEscape(id) +
           "\">\n<input type=\"hidden\" name=\"version\" value=\"" + std::to_string(version) + "\">\n";
    out += "<fieldset>\n<legend>Status i okres</legend>\n";
    {
        const FieldMarkup m = describe("status", "", errors);
        out += "<div class=\"field\">\n<label for=\"f-status\">Status</label>\n" + m.message +
               "<select id=\"f-status\" name=\"status\"" + m.attributes + ">\n";
        const std::string current = fieldValue(values, "status");
        for (auto st : kStatuses)
        {
            const std::string code(domain::toCode(st));
            out += "<option value=\"" + code + "\"" + (code == current ? " selected" : "") + ">" +
                   htmlEscape(statusLabel(st)) + "</option>\n";
        }
        out += "</select>\n</div>\n";
    }
    out += dateInputs(values, errors, kServiceDates);
    {
        const FieldMarkup m = describe("to_be_confirmed", "", errors);
        out += "<div class=\"field check\">\n" + m.message +
               "<input type=\"checkbox\" id=\"f-to_be_confirmed\" name=\"to_be_confirmed\" value=\"1\"" +
               (fieldValue(values, "to_be_confirmed").empty() ? "" : " checked") + m.attributes +
               ">\n<label for=\"f-to_be_confirmed\">Opis ogólny — szczegóły do potwierdzenia w CUS</label>\n</div>\n";
    }
    out += "</fieldset>\n";
    out += languageFieldsets(kServiceTexts, values, errors);
    out += "<p><button type=\"submit\">Zapisz i opublikuj w kioskach</button> <a href=\"/panel/catalog\">Anuluj</a>"
           "</p>\n</form>\n";
    return out;
}

std::string announcementFormHtml(const PanelSession& s, const std::string& id, std::int64_t version, const Form& values,
                                 const FormErrors& errors)
{
    std::string out = errorSummary(errors);
    out += "<form method=\"post\" action=\"/panel/catalog/announcement\" class=\"catalog-form\">\n" + csrfInput(s) +
           "<input type=\"hidden\" name=\"id\" value=\"" + htmlEscape(id) +
           "\">\n<input type=\"hidden\" name=\"version\" value=\"" + std::to_string(version) + "\">\n";
    out += "<fieldset>\n<legend>Okres wyświetlania</legend>\n" + dateInputs(values, errors, kAnnouncementDates) +
           "</fieldset>\n";
    out += languageFieldsets(kAnnouncementTexts, values, errors);
    out += std::string("<p><button type=\"submit\">") + (id.empty() ? "Dodaj i opublikuj" : "Zapisz i opublikuj") +
           "</button> <a href=\"/panel/catalog\">Anuluj</a></p>\n</form>\n";
    if (!id.empty())
        out +=
            "<h2 id=\"wycofanie\">Wycofanie ogłoszenia</h2>\n<p>Wycofane ogłoszenie znika z kiosków przy ich "
            "najbliższej synchronizacji.</p>\n<form method=\"post\" action=\"/panel/catalog/announcement/withdraw\">" +
            csrfInput(s) + "<input type=\"hidden\" name=\"id\" value=\"" + htmlEscape(id) +
            "\"><input type=\"hidden\" name=\"version\" value=\"" + std::to_string(version) +
            "\"><button type=\"submit\" class=\"secondary\">Wycofaj to ogłoszenie</button></form>\n";
    return out;
}

} // namespace

CatalogPages::CatalogPages(ServerStore& store, std::function<Now()> clock) : m_store(store), m_clock(std::move(clock))
{
}

bool CatalogPages::owns(const std::string& path)
{
    return path == kNavPath || path.rfind("/panel/catalog/", 0) == 0;
}

PanelResponse CatalogPages::get(const PanelSession& session, const PanelRequest& request)
{
    if (request.path == kNavPath)
        return listPage(session, request);
    if (request.path == "/panel/catalog/service")
        return serviceForm(session, fieldValue(request.query, "id"));
    if (request.path == "/panel/catalog/announcement")
        return announcementForm(session, fieldValue(request.query, "id"));
    return catalogMessage(404, "Nie ma takiej strony", "Nie ma takiej strony w katalogu.");
}

PanelResponse CatalogPages::post(const PanelSession& session, const std::string& path, const Form& form)
{
    if (path == "/panel/catalog/service")
        return saveService(session, form);
    if (path == "/panel/catalog/announcement")
        return saveAnnouncement(session, form);
    if (path == "/panel/catalog/announcement/withdraw")
        return withdrawAnnouncement(session, form);
    return catalogMessage(404, "Nie ma takiej strony", "Nie ma takiej akcji.");
}

// --- the list ---

PanelResponse CatalogPages::listPage(const PanelSession& session, const PanelRequest& request)
{
    std::optional<domain::Catalog> catalogue;
    std::map<std::string, LastChange> services;
    std::map<std::string, LastChange> announcements;
    auto status = m_store.read(
        [&](db::Database& d) -> Status<db::Error>
        {
            auto stored = storedCatalog(d);
            if (!stored)
                return makeErr(stored.error());
            catalogue = std::move(stored).value();
            if (auto st = lastChanges(d, entity::kService, services); !st)
                return st;
            return lastChanges(d, entity::kAnnouncement, announcements);
        });
    if (!status)
        return catalogMessage(503, "Błąd", "Nie udało się odczytać katalogu. Spróbuj ponownie.");
    const PageFrame frame = frameFor(session, "Katalog usług", flashFor(fieldValue(request.query, "msg")));
    if (!catalogue)
    {
        PanelResponse r;
        r.body =
            renderPage(frame, "<p>Katalog nie został jeszcze zaimportowany (okienko-central import-catalog).</p>\n");
        return r;
    }
    std::string body = "<p>Teksty usług i ogłoszenia w trzech językach. Zapisana zmiana trafia do wszystkich kiosków "
                       "przy ich najbliższej synchronizacji. Import pliku katalogu zastępuje zmiany z panelu "
                       "treścią pliku.</p>\n";
    body += "<h2 id=\"uslugi\">Usługi (" + std::to_string(catalogue->services.size()) + ")</h2>\n";
    if (catalogue->services.empty())
        body += "<p>Katalog nie ma usług.</p>\n";
    else
    {
        body += "<table aria-labelledby=\"uslugi\">\n<thead><tr><th scope=\"col\">Nazwa</th><th scope=\"col\">Obszary"
                "</th><th scope=\"col\">Status</th><th scope=\"col\">Do potwierdzenia w CUS</th><th scope=\"col\">"
                "Ostatnia zmiana</th></tr></thead>\n<tbody>\n";
        for (const auto& s : catalogue->services)
        {
            std::string areas;
            for (auto a : s.areas)
                areas += (areas.empty() ? "" : "<br>") + htmlEscape(areaLabel(std::string(domain::areaCode(a))));
            auto it = services.find(s.id);
            body += "<tr><th scope=\"row\"><a href=\"/panel/catalog/service?id=" + htmlEscape(urlEncode(s.id)) + "\">" +
                    htmlEscape(s.name.pl) + "</a></th><td>" + areas + "</td><td>" + htmlEscape(statusLabel(s.status)) +
                    "</td><td>" + (s.toBeConfirmed ? "tak" : "nie") + "</td><td>" +
                    htmlEscape(describeChange(it == services.end() ? LastChange{} : it->second)) + "</td></tr>\n";
        }
        body += "</tbody>\n</table>\n";
    }
    body += "<h2 id=\"ogloszenia\">Ogłoszenia (" + std::to_string(catalogue->announcements.size()) +
            ")</h2>\n<p><a href=\"/panel/catalog/announcement\">Dodaj ogłoszenie</a></p>\n";
    if (catalogue->announcements.empty())
        body += "<p>Brak ogłoszeń.</p>\n";
    else
    {
        body += "<table aria-labelledby=\"ogloszenia\">\n<thead><tr><th scope=\"col\">Tytuł</th><th scope=\"col\">"
                "Pokazywane</th><th scope=\"col\">Ostatnia zmiana</th><th scope=\"col\">Działania</th></tr></thead>\n"
                "<tbody>\n";
        for (const auto& a : catalogue->announcements)
        {
            auto it = announcements.find(a.id);
            const LastChange change = it == announcements.end() ? LastChange{} : it->second;
            std::string period = a.validFrom ? "od " + a.validFrom->iso() : std::string();
            if (a.validTo)
                period += (period.empty() ? "" : " ") + std::string("do ") + a.validTo->iso();
            if (period.empty())
                period = "bez ograniczenia";
            body += "<tr><th scope=\"row\"><a href=\"/panel/catalog/announcement?id=" + htmlEscape(urlEncode(a.id)) +
                    "\">" + htmlEscape(a.title.pl) + "</a></th><td>" + htmlEscape(period) + "</td><td>" +
                    htmlEscape(describeChange(change)) +
                    "</td><td><form class=\"inline\" method=\"post\" action=\"/panel/catalog/announcement/withdraw\">" +
                    csrfInput(session) + "<input type=\"hidden\" name=\"id\" value=\"" + htmlEscape(a.id) +
                    "\"><input type=\"hidden\" name=\"version\" value=\"" + std::to_string(change.seq) +
                    "\"><button type=\"submit\" class=\"secondary\" aria-label=\"Wycofaj ogłoszenie " +
                    htmlEscape(a.title.pl) + "\">Wycofaj</button></form></td></tr>\n";
        }
        body += "</tbody>\n</table>\n";
    }
    PanelResponse r;
    r.body = renderPage(frame, body);
    return r;
}

// --- services ---

PanelResponse CatalogPages::serviceForm(const PanelSession& session, const std::string& id)
{
    std::optional<domain::Service> service;
    LastChange change;
    auto status = readEntry(m_store, entity::kService, id, change,
                            [&](const domain::Catalog& stored)
                            {
                                if (const auto* s = stored.findService(id))
                                    service = *s;
                            });
    if (!status)
        return catalogMessage(503, "Błąd", "Nie udało się odczytać usługi. Spróbuj ponownie.");
    if (!service)
        return catalogMessage(404, "Nie ma takiej usługi", "Nie ma takiej usługi w katalogu.");
    const Form values = formFromJson(protocol::encodeService(*service), kServiceTexts);
    PanelResponse r;
    r.body = renderPage(frameFor(session, "Usługa: " + service->name.pl),
                        "<p>Ostatnia zmiana: " + htmlEscape(describeChange(change)) + ".</p>\n" +
                            serviceFormHtml(session, id, change.seq, values, {}, *service));
    return r;
}

PanelResponse CatalogPages::saveService(const PanelSession& session, const Form& form)
{
    const std::string id = fieldValue(form, "id");
    const auto version = parseVersion(fieldValue(form, "version"));
    if (id.empty() || id.size() > 64 || !version)
        return seeOther("/panel/catalog?msg=bad-input");
    const Form typed = formFromPost(form, kServiceTexts);
    const Now now = m_clock();
    SaveOutcome outcome = SaveOutcome::NotFound;
    catalog::CatalogErrors errors;
    domain::Service stored;
    LastChange current;
    const auto edit = [&](db::Database& d, domain::Catalog& catalogue) -> Status<db::Error>
    {
        auto it = findEntry(catalogue.services, id);
        if (it == catalogue.services.end())
            return {};
        stored = *it;
        if (auto st = readLastChange(d, entity::kService, id, current); !st)
            return st;
        const Json before = protocol::encodeService(stored);
        Json candidate = overlay(before, typed, kServiceTexts);
        candidate["status"] = fieldValue(typed, "status");
        if (fieldValue(typed, "to_be_confirmed").empty())
            candidate.erase("to_be_confirmed");
        else
            candidate["to_be_confirmed"] = true;
        auto parsed = catalog::parseServiceEntry(candidate.dump());
        if (!parsed)
        {
            outcome = SaveOutcome::Invalid;
            errors = parsed.error();
            return {};
        }
        if (current.seq != *version)
        {
            outcome = SaveOutcome::Stale;
            return {};
        }
        const Json after = protocol::encodeService(*parsed);
        if (after == before)
        {
            outcome = SaveOutcome::Unchanged;
            return {};
        }
        const auto position = static_cast<int>(it - catalogue.services.begin());
        *it = std::move(parsed).value();
        outcome = SaveOutcome::Saved;
        return publish(d, session, catalogue, entity::kService, id, protocol::ChangeOp::Upsert, after, position,
                       "update", now.unix);
    };
    auto status = editCatalogue(m_store, "catalogue save", edit);
    if (!status)
        return seeOther("/panel/catalog?msg=error");
    switch (outcome)
    {
    case SaveOutcome::Saved:
        return seeOther("/panel/catalog?msg=saved");
    case SaveOutcome::Unchanged:
        return seeOther("/panel/catalog?msg=unchanged");
    case SaveOutcome::NotFound:
        return seeOther("/panel/catalog?msg=not-found");
    case SaveOutcome::Invalid:
    {
        const FormErrors mapped = mapErrors(errors, fieldInfos(kServiceTexts, kServiceDates), typed);
        PageFrame frame = frameFor(session, "Usługa: " + stored.name.pl);
        frame.title = "Błędy w formularzu — " + frame.title;
        PanelResponse r;
        r.status = 422;
        r.body = renderPage(frame, serviceFormHtml(session, id, *version, typed, mapped, stored));
        return r;
    }
    case SaveOutcome::Stale:
    {
        PageFrame frame = frameFor(session, "Usługa: " + stored.name.pl);
        frame.flash = "Nie zapisano: ktoś inny zmienił tę usługę, gdy ją edytowałeś(-aś) (" + describeChange(current) +
                      "). Twój tekst jest w formularzu poniżej. Porównaj go z zapisaną wersją; ponowne zapisanie "
                      "formularza zastąpi tamtą wersję Twoją.";
        frame.flashIsError = true;
        const Form saved = formFromJson(protocol::encodeService(stored), kServiceTexts);
        PanelResponse r;
        r.status = 409;
        r.body = renderPage(frame, differences(typed, saved, kServiceTexts, kServiceDates, current) +
                                       serviceFormHtml(session, id, current.seq, typed, {}, stored));
        return r;
    }
    }
    return seeOther("/panel/catalog?msg=error");
}

// --- announcements ---

PanelResponse CatalogPages::announcementForm(const PanelSession& session, const std::string& id)
{
    if (id.empty())
    {
        PanelResponse r;
        r.body = renderPage(frameFor(session, "Nowe ogłoszenie"), announcementFormHtml(session, "", 0, {}, {}));
        return r;
    }
    std::optional<domain::Announcement> announcement;
    LastChange change;
    auto status = readEntry(m_store, entity::kAnnouncement, id, change,
                            [&](const domain::Catalog& stored)
                            {
                                for (const auto& a : stored.announcements)
                                    if (a.id == id)
                                        announcement = a;
                            });
    if (!status)
        return catalogMessage(503, "Błąd", "Nie udało się odczytać ogłoszenia. Spróbuj ponownie.");
    if (!announcement)
        return catalogMessage(404, "Nie ma takiego ogłoszenia", "Nie ma takiego ogłoszenia (mogło zostać wycofane).");
    PanelResponse r;
    r.body = renderPage(
        frameFor(session, "Ogłoszenie: " + announcement->title.pl),
        "<p>Ostatnia zmiana: " + htmlEscape(describeChange(change)) + ".</p>\n" +
            announcementFormHtml(session, id, change.seq,
                                 formFromJson(protocol::encodeAnnouncement(*announcement), kAnnouncementTexts), {}));
    return r;
}

PanelResponse CatalogPages::saveAnnouncement(const PanelSession& session, const Form& form)
{
    const std::string formId = fieldValue(form, "id");
    const auto version = parseVersion(fieldValue(form, "version"));
    if (formId.size() > 64 || !version)
        return seeOther("/panel/catalog?msg=bad-input");
    const bool isNew = formId.empty();
    const Form typed = formFromPost(form, kAnnouncementTexts);
    const Now now = m_clock();
    SaveOutcome outcome = SaveOutcome::NotFound;
    catalog::CatalogErrors errors;
    Json storedJson = Json::object();
    std::string title;
    LastChange current;
    const auto edit = [&](db::Database& d, domain::Catalog& catalogue) -> Status<db::Error>
    {
        std::string id = formId;
        auto it = catalogue.announcements.end();
        if (isNew)
        {
            id = newAnnouncementId(catalogue);
            storedJson = Json{{"id", id}};
        }
        else
        {
            it = findEntry(catalogue.announcements, id);
            if (it == catalogue.announcements.end())
                return {};
            storedJson = protocol::encodeAnnouncement(*it);
            title = it->title.pl;
            if (auto st = readLastChange(d, entity::kAnnouncement, id, current); !st)
                return st;
        }
        auto parsed = catalog::parseAnnouncementEntry(overlay(storedJson, typed, kAnnouncementTexts).dump());
        if (!parsed)
        {
            outcome = SaveOutcome::Invalid;
            errors = parsed.error();
            return {};
        }
        if (!isNew && current.seq != *version)
        {
            outcome = SaveOutcome::Stale;
            return {};
        }
        const Json after = protocol::encodeAnnouncement(*parsed);
        if (!isNew && after == storedJson)
        {
            outcome = SaveOutcome::Unchanged;
            return {};
        }
        int position = 0;
        if (isNew)
        {
            position = static_cast<int>(catalogue.announcements.size());
            catalogue.announcements.push_back(std::move(parsed).value());
        }
        else
        {
            position = static_cast<int>(it - catalogue.announcements.begin());
            *it = std::move(parsed).value();
        }
        outcome = SaveOutcome::Saved;
        return publish(d, session, catalogue, entity::kAnnouncement, id, protocol::ChangeOp::Upsert, after, position,
                       isNew ? "add" : "update", now.unix);
    };
    auto status = editCatalogue(m_store, "announcement save", edit);
    if (!status)
        return seeOther("/panel/catalog?msg=error");
    switch (outcome)
    {
    case SaveOutcome::Saved:
        return seeOther(std::string("/panel/catalog?msg=") + (isNew ? "added" : "saved"));
    case SaveOutcome::Unchanged:
        return seeOther("/panel/catalog?msg=unchanged");
    case SaveOutcome::NotFound:
        return seeOther("/panel/catalog?msg=not-found");
    case SaveOutcome::Invalid:
    {
        const FormErrors mapped = mapErrors(errors, fieldInfos(kAnnouncementTexts, kAnnouncementDates), typed);
        PageFrame frame = frameFor(session, isNew ? "Nowe ogłoszenie" : "Ogłoszenie: " + title);
        frame.title = "Błędy w formularzu — " + frame.title;
        PanelResponse r;
        r.status = 422;
        r.body = renderPage(frame, announcementFormHtml(session, formId, *version, typed, mapped));
        return r;
    }
    case SaveOutcome::Stale:
    {
        PageFrame frame = frameFor(session, "Ogłoszenie: " + title);
        frame.flash = "Nie zapisano: ktoś inny zmienił to ogłoszenie, gdy je edytowałeś(-aś) (" +
                      describeChange(current) +
                      "). Twój tekst jest w formularzu poniżej; ponowne zapisanie zastąpi tamtą wersję Twoją.";
        frame.flashIsError = true;
        const Form nowStored = formFromJson(storedJson, kAnnouncementTexts);
        PanelResponse r;
        r.status = 409;
        r.body = renderPage(frame, differences(typed, nowStored, kAnnouncementTexts, kAnnouncementDates, current) +
                                       announcementFormHtml(session, formId, current.seq, typed, {}));
        return r;
    }
    }
    return seeOther("/panel/catalog?msg=error");
}

PanelResponse CatalogPages::withdrawAnnouncement(const PanelSession& session, const Form& form)
{
    const std::string id = fieldValue(form, "id");
    const auto version = parseVersion(fieldValue(form, "version"));
    if (id.empty() || id.size() > 64 || !version)
        return seeOther("/panel/catalog?msg=bad-input");
    const Now now = m_clock();
    SaveOutcome outcome = SaveOutcome::NotFound;
    const auto edit = [&](db::Database& d, domain::Catalog& catalogue) -> Status<db::Error>
    {
        auto it = findEntry(catalogue.announcements, id);
        if (it == catalogue.announcements.end())
            return {};
        LastChange last;
        if (auto st = readLastChange(d, entity::kAnnouncement, id, last); !st)
            return st;
        if (last.seq != *version)
        {
            outcome = SaveOutcome::Stale;
            return {};
        }
        catalogue.announcements.erase(it);
        outcome = SaveOutcome::Saved;
        // A tombstone, as importCatalog writes for an entry the new file no longer has.
        return publish(d, session, catalogue, entity::kAnnouncement, id, protocol::ChangeOp::Delete, Json::object(),
                       std::nullopt, "withdraw", now.unix);
    };
    auto status = editCatalogue(m_store, "announcement withdrawal", edit);
    if (!status)
        return seeOther("/panel/catalog?msg=error");
    if (outcome == SaveOutcome::Stale)
        return seeOther("/panel/catalog?msg=stale");
    if (outcome == SaveOutcome::NotFound)
        return seeOther("/panel/catalog?msg=not-found");
    return seeOther("/panel/catalog?msg=withdrawn");
}

} // namespace okienko::server::panel
