// The catalogue-keeping forms as data (see catalog_entry_forms.hpp).
#include "server/panel/catalog_entry_forms.hpp"

#include "server/panel/monitoring.hpp"
#include "server/panel/page_parts.hpp"
#include "shared/domain/area.hpp"
#include "shared/text/utf8.hpp"

#include <algorithm>
#include <array>
#include <sstream>

namespace okienko::server::panel
{

namespace
{
using protocol::Json;
using Options = std::vector<std::pair<std::string, std::string>>;
using T = EntryFieldType;

struct Lang
{
    const char* code;
    const char* name;
};
constexpr std::array<Lang, 3> kLangs{Lang{"pl", "polski"}, Lang{"uk", "ukraiński"}, Lang{"en", "angielski"}};

bool localized(EntryFieldType type)
{
    return type == T::LocalizedText || type == T::LocalizedArea || type == T::LocalizedList;
}

/// The catalogue's areas a service may name: the active ones (a retired one the service still
/// names is refused by the loader with its own message).
Options areaOptions(const domain::Catalog& c)
{
    Options out;
    for (const auto* def : c.activeAreas())
    {
        const std::string code(domain::areaCode(def->id));
        out.emplace_back(code, domain::actNumber(def->id) ? areaLabel(code) : def->name.pl);
    }
    return out;
}

Options targetGroupOptions(const domain::Catalog& c)
{
    Options out;
    for (const auto* def : c.activeTargetGroups())
        out.emplace_back(std::string(domain::targetGroupCode(def->id)), def->name.pl);
    return out;
}

/// An area's or group's pictogram: the generic one, or a shipped area's or group's.
Options pictogramOptions()
{
    Options out{{"", "ogólny (pierścień)"}};
    for (const auto& def : domain::shippedAreaDefinitions())
        out.emplace_back(std::string(def.id.id()), "jak obszar „" + def.name.pl + "”");
    for (const auto& def : domain::shippedTargetGroupDefinitions())
        out.emplace_back(std::string(def.id.id()), "jak grupa „" + def.name.pl + "”");
    return out;
}

EntryField field(std::string pointer, std::string label, EntryFieldType type, bool required = false,
                 std::size_t limit = 4000, std::string hint = {})
{
    EntryField f;
    f.pointer = std::move(pointer);
    f.label = std::move(label);
    f.type = type;
    f.required = required;
    f.limit = limit;
    f.hint = std::move(hint);
    return f;
}

EntryField choice(std::string pointer, std::string label, EntryFieldType type, Options options, bool required = true)
{
    EntryField f = field(std::move(pointer), std::move(label), type, required);
    f.options = std::move(options);
    return f;
}

EntryField identifier(std::string pointer, std::string label, std::string hint)
{
    EntryField f = field(std::move(pointer), std::move(label), T::Text, true, 64, std::move(hint));
    f.newOnly = true;
    return f;
}

constexpr const char* kIdHint = "1–64 znaki: małe litery a-z, cyfry i „-”, bez polskich liter i spacji; nie "
                                "zmienia się po dodaniu.";

std::vector<EntryField> serviceFields(const domain::Catalog& c)
{
    Options feeTables{{"", "— brak —"}};
    for (const auto& t : c.feeTables)
        feeTables.emplace_back(t.id, t.title.pl);
    return {
        identifier("/id", "Identyfikator", kIdHint),
        choice("/status", "Status", T::Choice,
               {{"active", "realizowana"},
                {"information", "informacyjna (szczegóły w CUS)"},
                {"planned", "planowana"},
                {"archived", "zakończona (archiwalna)"}}),
        field("/internal_note", "Notatka wewnętrzna (co CUS musi uzupełnić lub potwierdzić)", T::LongText, false, 4000,
              "Tylko dla pracowników: kiosk jej nie pokazuje i nie drukuje."),
        field("/name", "Nazwa", T::LocalizedText, true, 120),
        field("/summary", "Krótki opis", T::LocalizedArea, true, 400),
        field("/description", "Opis", T::LocalizedArea, true),
        choice("/primary_area", "Obszar główny", T::Choice, areaOptions(c)),
        choice("/areas", "Obszary", T::Choices, areaOptions(c)),
        choice("/target_groups", "Grupy docelowe", T::Choices, targetGroupOptions(c)),
        field("/tags", "Słowa wyszukiwania (jedno w wierszu)", T::LocalizedList, false, 60),
        field("/delivered_by", "Podmiot realizujący", T::LocalizedText, true),
        field("/place", "Miejsce", T::LocalizedArea, true),
        field("/hours", "Godziny", T::LocalizedArea, true),
        field("/contact", "Kontakt", T::LocalizedArea, true),
        field("/eligibility", "Warunek dopuszczający", T::LocalizedArea, true),
        field("/qualification_mode", "Tryb kwalifikowania", T::LocalizedArea, true),
        choice("/fee/kind", "Rodzaj odpłatności", T::Choice,
               {{"free", "nieodpłatna"},
                {"income-table", "według dochodu (tabela)"},
                {"fixed", "stała kwota (w opisie)"},
                {"unspecified", "nieokreślona — zapytaj w CUS"}}),
        choice("/fee/fee_table_id", "Tabela odpłatności", T::Choice, feeTables, false),
        field("/fee/text", "Odpłatność — opis", T::LocalizedArea, true),
        field("/documents", "Sposób dokumentowania", T::LocalizedArea, true),
        field("/personal_data", "Dane osobowe", T::LocalizedArea, true),
        field("/capacity", "Liczba miejsc", T::LocalizedText, false),
        choice("/kiosk_action", "Co mieszkaniec może zrobić w kiosku", T::Choice,
               {{"none", "nic — strona informacyjna"},
                {"reserve-equipment", "zarezerwować sprzęt"},
                {"request-counselling", "poprosić o poradę"},
                {"callback", "poprosić o telefon z CUS"}}),
        field("/to_be_confirmed", "Opis ogólny — szczegóły do potwierdzenia w CUS", T::Flag),
        field("/sources", "Dokumenty źródłowe (jeden w wierszu)", T::Lines, true, 60),
        field("/valid_from", "Ważna od (pierwszy dzień)", T::Day),
        field("/valid_to", "Ważna do (ostatni dzień)", T::Day),
    };
}

std::vector<EntryField> municipalityFields()
{
    return {
        field("/name", "Nazwa gminy", T::LocalizedText, true, 120),
        field("/cus_name", "Nazwa CUS", T::LocalizedText, true),
        field("/address", "Adres CUS (drukowany na potwierdzeniach)", T::Text),
        field("/phone", "Telefon CUS", T::Text),
        field("/email", "E-mail CUS", T::Text),
        field("/opening_hours", "Godziny otwarcia", T::LocalizedArea),
        field("/contact_to_be_confirmed", "Adres, telefon lub godziny jeszcze do potwierdzenia", T::Flag),
        field("/internal_note", "Notatka wewnętrzna (co CUS musi uzupełnić lub potwierdzić)", T::LongText),
    };
}

std::vector<EntryField> feeTableFields()
{
    return {
        identifier("/id", "Identyfikator", kIdHint),
        field("/title", "Tytuł", T::LocalizedText, true),
        field("/bands", "Progi", T::Bands, true, 0,
              "Jeden próg w wierszu: „do % kryterium; % kosztów osoba samotna; % kosztów osoba w rodzinie”, np. "
              "„150; 10; 15”, rosnąco."),
        field("/criterion_single_grosze", "Kryterium dochodowe osoby samotnej (w groszach, 0 = nie podano)", T::Number),
        field("/criterion_family_grosze", "Kryterium dochodowe na osobę w rodzinie (w groszach, 0 = nie podano)",
              T::Number),
        field("/criterion_note", "Skąd kryterium i kiedy się zmienia", T::LocalizedArea),
        field("/above_last_band", "Powyżej ostatniego progu", T::LocalizedArea),
        field("/payment_rule", "Zasady płatności", T::LocalizedArea),
    };
}

std::vector<EntryField> equipmentTypeFields()
{
    return {
        identifier("/id", "Identyfikator", kIdHint),
        choice("/category", "Kategoria", T::Choice,
               {{"mobility", "poruszanie się"},
                {"care", "pielęgnacja"},
                {"hygiene", "higiena"},
                {"exercise", "ćwiczenia"}}),
        field("/name", "Nazwa", T::LocalizedText, true, 120),
        field("/description", "Opis", T::LocalizedArea, true),
        field("/default_loan_days", "Zwykły okres wypożyczenia (dni)", T::Number, true),
        field("/max_loan_days", "Najdłuższy okres wypożyczenia (dni)", T::Number, true),
        field("/what_to_bring", "Co zabrać (jedno w wierszu)", T::LocalizedList),
        field("/notes", "Uwagi", T::LocalizedArea),
    };
}

std::vector<EntryField> unitFields(const domain::Catalog& c)
{
    Options types;
    for (const auto& t : c.equipmentTypes)
        types.emplace_back(t.id, t.name.pl);
    EntryField number = field("/inventory_number", "Numer inwentarzowy", T::Text, true, 32,
                              "1–32 znaki: wielkie litery A-Z, cyfry i „-”, np. LAP-WI-001.");
    number.newOnly = true;
    EntryField state = choice("/state", "Stan na start", T::Choice,
                              {{"available", "dostępny"}, {"cleaning", "do czyszczenia"}, {"repair", "w naprawie"}});
    state.newOnly = true;
    return {number, choice("/type_id", "Typ sprzętu", T::Choice, types), state,
            field("/notes", "Uwagi dla pracowników", T::Text)};
}

std::vector<EntryField> emergencyNumberFields()
{
    EntryField number =
        field("/number", "Numer", T::Text, true, 20,
              "Cyfry, na początku może być „+”, pojedyncze spacje lub „-” między cyframi, 3–20 znaków.");
    number.newOnly = true;
    return {number, field("/name", "Nazwa", T::LocalizedText, true, 120), field("/hours", "Godziny", T::LocalizedText),
            field("/verify_locally", "CUS musi sprawdzić numer i godziny przed uruchomieniem kiosku", T::Flag)};
}

/// An area or a target group (decision 0012): its id, names and pictogram; retiring and bringing
/// back are the list's buttons.
std::vector<EntryField> areaOrGroupFields()
{
    return {identifier("/id", "Identyfikator", kIdHint), field("/name", "Nazwa", T::LocalizedText, true, 120),
            choice("/pictogram", "Piktogram w kiosku", T::Choice, pictogramOptions(), false)};
}

std::vector<std::string> linesOf(const std::string& text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line))
    {
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
            line.pop_back();
        std::size_t start = 0;
        while (start < line.size() && (line[start] == ' ' || line[start] == '\t'))
            ++start;
        if (start < line.size())
            out.push_back(line.substr(start));
    }
    return out;
}

/// A textarea's text as stored: LF line ends, no blanks around.
std::string cleanValue(const std::string& raw)
{
    std::string out;
    for (std::size_t i = 0; i < raw.size(); ++i)
        if (raw[i] != '\r')
            out.push_back(raw[i]);
    const auto blank = [](char c)
    {
        return c == ' ' || c == '\t' || c == '\n';
    };
    std::size_t b = 0;
    while (b < out.size() && blank(out[b]))
        ++b;
    std::size_t e = out.size();
    while (e > b && blank(out[e - 1]))
        --e;
    return out.substr(b, e - b);
}

/// A whole number as typed, or the text itself (the loader then names it: not a whole number).
Json numberOrText(const std::string& text)
{
    if (auto n = parseDigits(text, 15))
        return Json(*n);
    return Json(text);
}

std::string joinLines(const Json& list)
{
    std::string out;
    if (!list.is_array())
        return out;
    for (const auto& item : list)
        if (item.is_string())
            out += (out.empty() ? "" : "\n") + item.get<std::string>();
    return out;
}

std::string choicesName(const EntryField& f, const std::string& code)
{
    return entryFieldName(f) + "__" + code;
}

/// The field a loader path ("$.fee.text.pl", "$.areas[2]", "$.bands[1].up_to_percent") belongs to.
std::string fieldForPath(const std::string& path, const std::vector<EntryField>& fields)
{
    if (path.rfind("$.", 0) != 0)
        return "";
    std::string rest = path.substr(1); // ".fee.text.pl"
    for (char& ch : rest)
        if (ch == '.')
            ch = '/';
    for (const auto& f : fields)
    {
        if (rest.rfind(f.pointer, 0) != 0)
            continue;
        const std::string tail = rest.substr(f.pointer.size());
        if (tail.empty() || tail[0] == '[' || (localized(f.type) && tail[0] == '/'))
        {
            if (localized(f.type) && tail.size() >= 3 && tail[0] == '/')
                return entryFieldName(f) + "_" + tail.substr(1, 2);
            return entryFieldName(f) + (localized(f.type) ? "_pl" : "");
        }
    }
    return "";
}

const EntryField* fieldNamed(const std::string& name, const std::vector<EntryField>& fields)
{
    for (const auto& f : fields)
    {
        const std::string base = entryFieldName(f);
        if (name == base || (localized(f.type) && name.size() == base.size() + 3 && name.rfind(base + "_", 0) == 0))
            return &f;
    }
    return nullptr;
}

/// What an entry elsewhere in the catalogue is called ("usługa „Wypożyczalnia”").
std::string describeElsewhere(const std::string& path, const Json& document)
{
    static const std::map<std::string, std::string> kinds{{"services", "usługa"},
                                                          {"units", "egzemplarz"},
                                                          {"fee_tables", "tabela odpłatności"},
                                                          {"equipment_types", "typ sprzętu"}};
    const auto dot = path.find('[');
    if (path.rfind("$.", 0) != 0 || dot == std::string::npos)
        return path;
    const std::string list = path.substr(2, dot - 2);
    const auto close = path.find(']', dot);
    const auto index = parseDigits(path.substr(dot + 1, close - dot - 1), 6);
    const auto kind = kinds.find(list);
    if (!index || kind == kinds.end() || !document.contains(list) ||
        static_cast<std::size_t>(*index) >= document[list].size())
        return path;
    const Json& entry = document[list][static_cast<std::size_t>(*index)];
    std::string name = entry.value("inventory_number", entry.value("id", ""));
    if (entry.contains("name") && entry["name"].is_object())
        name = entry["name"].value("pl", name);
    return kind->second + " „" + name + "”";
}

} // namespace

std::vector<EntryField> entryFields(const std::string& kindCode, const domain::Catalog& catalogue)
{
    if (kindCode == "municipality")
        return municipalityFields();
    if (kindCode == "service")
        return serviceFields(catalogue);
    if (kindCode == "fee_table")
        return feeTableFields();
    if (kindCode == "equipment_type")
        return equipmentTypeFields();
    if (kindCode == "unit")
        return unitFields(catalogue);
    if (kindCode == "emergency_number")
        return emergencyNumberFields();
    if (kindCode == "area" || kindCode == "target_group")
        return areaOrGroupFields();
    return {};
}

std::string entryFieldName(const EntryField& field)
{
    std::string name = field.pointer.substr(1);
    for (char& c : name)
        if (c == '/')
            c = '_';
    return name;
}

FormValues entryFormValues(const Json& entry, const std::vector<EntryField>& fields)
{
    FormValues out;
    for (const auto& f : fields)
    {
        const Json::json_pointer at(f.pointer);
        const Json value = entry.contains(at) ? entry.at(at) : Json(nullptr);
        const std::string name = entryFieldName(f);
        switch (f.type)
        {
        case T::LocalizedText:
        case T::LocalizedArea:
        case T::LocalizedList:
            for (const auto& l : kLangs)
                if (value.is_object() && value.contains(l.code))
                    out[name + "_" + l.code] =
                        f.type == T::LocalizedList ? joinLines(value[l.code]) : value[l.code].get<std::string>();
            break;
        case T::Lines:
            out[name] = joinLines(value);
            break;
        case T::Number:
            if (value.is_number())
                out[name] = value.dump();
            break;
        case T::Flag:
            if (value.is_boolean() && value.get<bool>())
                out[name] = "1";
            break;
        case T::Choices:
            if (value.is_array())
                for (const auto& code : value)
                    if (code.is_string())
                    {
                        out[choicesName(f, code.get<std::string>())] = "1";
                        out[name + "__order"] += (out[name + "__order"].empty() ? "" : ",") + code.get<std::string>();
                    }
            break;
        case T::Bands:
        {
            std::string lines;
            if (value.is_array())
                for (const auto& band : value)
                    lines += (lines.empty() ? "" : "\n") + band.value("up_to_percent", Json(0)).dump() + "; " +
                             band.value("single_percent", Json(0)).dump() + "; " +
                             band.value("family_percent", Json(0)).dump();
            out[name] = lines;
            break;
        }
        case T::Text:
        case T::LongText:
        case T::Choice:
        case T::Day:
            if (value.is_string())
                out[name] = value.get<std::string>();
            break;
        }
    }
    return out;
}

std::vector<CatalogFieldChange> entryFormChanges(const FormValues& typed, const std::vector<EntryField>& fields,
                                                 bool isNew)
{
    std::vector<CatalogFieldChange> out;
    for (const auto& f : fields)
    {
        if (f.newOnly && !isNew)
            continue;
        const std::string name = entryFieldName(f);
        const std::string v = cleanValue(fieldValue(typed, name));
        std::optional<Json> value;
        switch (f.type)
        {
        case T::LocalizedText:
        case T::LocalizedArea:
        case T::LocalizedList:
        {
            Json object = Json::object();
            for (const auto& l : kLangs)
            {
                const std::string text = cleanValue(fieldValue(typed, name + "_" + l.code));
                if (f.type == T::LocalizedList)
                {
                    const auto items = linesOf(text);
                    if (!items.empty())
                        object[l.code] = items;
                }
                else if (!text.empty() || (f.required && std::string_view(l.code) == "pl"))
                    object[l.code] = text; // Polish stays even when empty: the loader names it
            }
            if (!object.empty() || f.required)
                value = object;
            break;
        }
        case T::Lines:
            value = Json(linesOf(v));
            break;
        case T::Number:
            value = numberOrText(v);
            break;
        case T::Flag:
            value = Json(!v.empty());
            break;
        case T::Choices:
        {
            // The stored order first (the first area is what a list shows), then new ones as listed.
            Json codes = Json::array();
            std::vector<std::string> order;
            std::istringstream stored(fieldValue(typed, name + "__order"));
            for (std::string code; std::getline(stored, code, ',');)
                order.push_back(code);
            for (const auto& [code, label] : f.options)
                if (std::find(order.begin(), order.end(), code) == order.end())
                    order.push_back(code);
            for (const auto& code : order)
                if (!fieldValue(typed, choicesName(f, code)).empty())
                    codes.push_back(code);
            value = codes;
            break;
        }
        case T::Bands:
        {
            Json bands = Json::array();
            for (const auto& line : linesOf(v))
            {
                std::vector<std::string> parts;
                std::string part;
                std::istringstream in(line);
                while (std::getline(in, part, ';'))
                    parts.push_back(cleanValue(part));
                Json band = Json::object();
                const std::array<const char*, 3> keys{"up_to_percent", "single_percent", "family_percent"};
                for (std::size_t i = 0; i < keys.size(); ++i)
                    if (i < parts.size())
                        band[keys[i]] = numberOrText(parts[i]);
                bands.push_back(band);
            }
            value = bands;
            break;
        }
        case T::Day:
        case T::Choice:
            if (!v.empty())
                value = Json(v);
            break;
        case T::Text:
        case T::LongText:
            if (!v.empty() || f.required || !f.newOnly)
                value = Json(v);
            break;
        }
        out.push_back({f.pointer, value});
    }
    return out;
}

std::string polishCatalogMessage(const catalog::CatalogError& e, std::size_t limit, const std::string& typed)
{
    using C = catalog::CatalogErrorCode;
    switch (e.code)
    {
    case C::MissingField:
        return "To pole jest wymagane.";
    case C::EmptyText:
        return "Tekst polski jest wymagany (także gdy podano tłumaczenie).";
    case C::EmptyList:
        return "Wybierz lub wpisz co najmniej jedną pozycję.";
    case C::TooLong:
        return "Za długi tekst: " + std::to_string(text::codePointCount(typed)) + " znaków, dozwolone " +
               std::to_string(limit) + ".";
    case C::InvalidUtf8:
        return "Tekst zawiera niedozwolone znaki.";
    case C::WrongType:
        return "Nieprawidłowa wartość: wpisz liczbę całkowitą (bez spacji i przecinka) lub tekst w oczekiwanej "
               "postaci.";
    case C::UnknownCode:
        return "Wybierz jedną z wartości z listy.";
    case C::BadIdentifier:
        return "Nieprawidłowy identyfikator lub numer — zobacz podpowiedź pod polem.";
    case C::DuplicateId:
        if (e.message.find("retired") != std::string::npos)
            return "Taki identyfikator ma pozycja wycofana — przywróć ją zamiast dodawać nową.";
        return "Taki identyfikator lub numer już jest w katalogu albo powtarza się na liście.";
    case C::BadDate:
        return "Nieprawidłowa data. Wpisz ją jako RRRR-MM-DD, np. 2025-03-31.";
    case C::DateOrder:
        return "Data końcowa jest wcześniejsza niż data początkowa.";
    case C::DanglingReference:
        return "Wskazana pozycja (tabela odpłatności lub typ sprzętu) nie istnieje w katalogu.";
    case C::BandsNotAscending:
        return "Progi muszą rosnąć: każdy „do %” większy niż poprzedni.";
    case C::BadLoanDays:
        return "Okres wypożyczenia: od 1 do 3650 dni, zwykły nie dłuższy niż najdłuższy.";
    case C::PrimaryAreaNotInAreas:
        return "Obszar główny musi być zaznaczony także wśród obszarów.";
    case C::RetiredReference:
        if (e.path == "$.retired")
            return e.message; // the refusal to retire, already in Polish with the services' names
        return "Ten obszar lub ta grupa jest wycofana — usługa, która nie jest archiwalna, nie może jej wskazywać.";
    case C::OutOfRange:
        if (e.path == "$.verified_on")
            return "Data sprawdzenia nie może być późniejsza niż dziś.";
        return "Liczba poza dozwolonym zakresem.";
    case C::UnknownKey:
        return "Nieznane pole w zapisanych danych.";
    case C::DuplicateKey:
    case C::FileUnreadable:
    case C::MalformedJson:
    case C::UnsupportedVersion:
    case C::TooManyErrors:
        break;
    }
    return "Nieprawidłowa wartość (" + std::string(catalog::errorCodeName(e.code)) + ").";
}

EntryFormErrors mapEntryErrors(const catalog::CatalogErrors& errors, const catalog::CatalogErrors& elsewhere,
                               const std::vector<EntryField>& fields, const FormValues& typed, const Json& document)
{
    EntryFormErrors out;
    for (const auto& e : errors)
    {
        if (e.code == catalog::CatalogErrorCode::RetiredReference && e.path == "$.retired")
        {
            out.summary.emplace_back("", e.message);
            continue;
        }
        std::string name = fieldForPath(e.path, fields);
        if (e.path == "$.verified_on")
            name = "verified_on";
        const EntryField* f = fieldNamed(name, fields);
        if (name.empty() || (f == nullptr && name != "verified_on"))
        {
            out.summary.emplace_back("", "Błąd w zapisanych danych pozycji (" + e.path +
                                             "): " + polishCatalogMessage(e, 0, ""));
            continue;
        }
        if (out.byField.count(name) != 0)
            continue;
        const std::string message = polishCatalogMessage(e, f != nullptr ? f->limit : 0, fieldValue(typed, name));
        out.byField[name] = message;
        const std::string label = f != nullptr ? f->label : "Sprawdzono dnia";
        out.summary.emplace_back(name, label + ": " + message);
    }
    for (const auto& e : elsewhere)
        out.summary.emplace_back("", "Zmiana naruszyłaby inną pozycję katalogu — " +
                                         describeElsewhere(e.path, document) + ": " + polishCatalogMessage(e, 0, ""));
    return out;
}

Html entryErrorSummary(const EntryFormErrors& errors)
{
    Html out;
    if (errors.empty())
        return out;
    out << "<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"bledy-naglowek\" tabindex=\"-1\" "
           "id=\"bledy\">\n<h2 id=\"bledy-naglowek\">Nie zapisano — popraw błędy ("
        << errors.summary.size() << ")</h2>\n<ul>\n";
    for (const auto& [name, text] : errors.summary)
    {
        if (name.empty())
            out << "<li>" << text << "</li>\n";
        else
            out << "<li><a href=\"#f-" << name << "\">" << text << "</a></li>\n";
    }
    return out << "</ul>\n</div>\n";
}

namespace
{

/// The hint and error paragraphs of one control and its aria attributes.
Html fieldStart(const std::string& name, const std::string& label, const std::string& hint,
                const EntryFormErrors& errors, Html& attributes)
{
    Html out;
    out << "<div class=\"field\">\n<label for=\"f-" << name << "\">" << label << "</label>\n";
    std::string describedBy;
    if (!hint.empty())
    {
        describedBy = "f-" + name + "-hint";
        out << "<p class=\"hint\" id=\"f-" << name << "-hint\">" << hint << "</p>\n";
    }
    const auto error = errors.byField.find(name);
    if (error != errors.byField.end())
    {
        describedBy += (describedBy.empty() ? "" : " ") + ("f-" + name + "-error");
        out << "<p class=\"field-error\" id=\"f-" << name << "-error\"><span class=\"sr-only\">Błąd: </span>"
            << error->second << "</p>\n";
        attributes << " aria-invalid=\"true\"";
    }
    if (!describedBy.empty())
        attributes << " aria-describedby=\"" << describedBy << "\"";
    return out;
}

Html control(const EntryField& f, const std::string& name, const std::string& label, const FormValues& values,
             const EntryFormErrors& errors, bool area)
{
    Html attributes;
    Html out = fieldStart(name, label, f.hint, errors, attributes);
    const std::string value = fieldValue(values, name);
    if (area)
        out << "<textarea id=\"f-" << name << "\" name=\"" << name << "\" rows=\"4\"" << attributes << ">" << value
            << "</textarea>\n";
    else
        out << "<input type=\"text\" id=\"f-" << name << "\" name=\"" << name << "\" value=\"" << value << "\""
            << attributes << ">\n";
    return out << "</div>\n";
}

} // namespace

Html entryFieldsHtml(const std::vector<EntryField>& fields, const FormValues& values, const EntryFormErrors& errors,
                     bool isNew)
{
    Html out;
    for (const auto& f : fields)
    {
        const std::string name = entryFieldName(f);
        if (f.newOnly && !isNew)
        {
            out << "<p>" << f.label << ": <strong>" << fieldValue(values, name) << "</strong></p>\n";
            continue;
        }
        const std::string label = f.label + (f.required ? " (wymagane)" : "");
        switch (f.type)
        {
        case T::LocalizedText:
        case T::LocalizedArea:
        case T::LocalizedList:
            out << "<fieldset>\n<legend>" << label << "</legend>\n";
            for (const auto& l : kLangs)
                out << control(f, name + "_" + l.code, f.label + " (" + l.name + ")", values, errors,
                               f.type != T::LocalizedText);
            out << "</fieldset>\n";
            break;
        case T::Text:
        case T::Number:
        case T::Day:
            out << control(f, name, label, values, errors, false);
            break;
        case T::LongText:
        case T::Lines:
        case T::Bands:
            out << control(f, name, label, values, errors, true);
            break;
        case T::Flag:
            out << "<div class=\"field check\">\n<input type=\"checkbox\" id=\"f-" << name << "\" name=\"" << name
                << "\" value=\"1\"" << (fieldValue(values, name).empty() ? Markup("") : Markup(" checked"))
                << ">\n<label for=\"f-" << name << "\">" << f.label << "</label>\n</div>\n";
            break;
        case T::Choice:
        {
            Html attributes;
            out << fieldStart(name, label, f.hint, errors, attributes) << "<select id=\"f-" << name << "\" name=\""
                << name << "\"" << attributes << ">\n";
            const std::string current = fieldValue(values, name);
            for (const auto& [code, text] : f.options)
                out << "<option value=\"" << code << "\"" << (code == current ? Markup(" selected") : Markup("")) << ">"
                    << text << "</option>\n";
            out << "</select>\n</div>\n";
            break;
        }
        case T::Choices:
        {
            out << "<fieldset id=\"f-" << name << "\">\n<legend>" << label << "</legend>\n"
                << "<input type=\"hidden\" name=\"" << name << "__order\" value=\""
                << fieldValue(values, name + "__order") << "\">\n";
            const auto error = errors.byField.find(name);
            if (error != errors.byField.end())
                out << "<p class=\"field-error\"><span class=\"sr-only\">Błąd: </span>" << error->second << "</p>\n";
            for (const auto& [code, text] : f.options)
            {
                const std::string box = choicesName(f, code);
                out << "<div class=\"field check\"><input type=\"checkbox\" id=\"f-" << box << "\" name=\"" << box
                    << "\" value=\"1\"" << (fieldValue(values, box).empty() ? Markup("") : Markup(" checked"))
                    << "><label for=\"f-" << box << "\">" << text << "</label></div>\n";
            }
            out << "</fieldset>\n";
            break;
        }
        }
    }
    return out;
}

} // namespace okienko::server::panel
