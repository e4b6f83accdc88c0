// The registers' definitions and the checks of their forms (see register_definitions.hpp). The
// tables and columns are those of migration 11 (server_schema.cpp), the contract the report counts
// from (docs/reporting.md, "Registers").
#include "server/panel/register_definitions.hpp"

#include "server/panel/page_parts.hpp"
#include "shared/validate/free_text.hpp"

#include <algorithm>
#include <charconv>

namespace okienko::server::panel
{

namespace
{
constexpr int kMinMeetingMinutes = 5;
constexpr int kMaxMeetingMinutes = 480;
constexpr int kMaxParticipants = 10000;
constexpr std::size_t kMaxTextLength = 120;

using Type = RegisterColumnType;

RegisterField field(std::string column, std::string label, FieldKind kind, std::string hint = {})
{
    RegisterField f;
    f.column = std::move(column);
    f.label = std::move(label);
    f.kind = kind;
    f.hint = std::move(hint);
    return f;
}

RegisterField fixed(std::string column, std::string value)
{
    RegisterField f;
    f.column = std::move(column);
    f.kind = FieldKind::Fixed;
    f.fixedValue = std::move(value);
    return f;
}

/// A register's heading parts and table; its fields are added by the caller.
RegisterDefinition define(RegisterId id, std::string slug, std::string title, std::string intro, std::string noun,
                          RegisterTable table)
{
    RegisterDefinition d;
    d.id = id;
    d.slug = std::move(slug);
    d.title = std::move(title);
    d.intro = std::move(intro);
    d.noun = std::move(noun);
    d.table = std::move(table);
    return d;
}

/// Rows whose `column` day is in the period.
std::string onDays(const std::string& column)
{
    return "t." + column + " BETWEEN ?1 AND ?2";
}

/// Rows whose [from, to] (to NULL: still going) overlaps the period.
std::string overlapping(const std::string& from, const std::string& to)
{
    return "t." + from + " <= ?2 AND (t." + to + " IS NULL OR t." + to + " >= ?1)";
}

std::vector<RegisterDefinition> makeDefinitions()
{
    std::vector<RegisterDefinition> out;

    RegisterDefinition counselling =
        define(RegisterId::Counselling, "counselling", "Rejestr udzielonych konsultacji",
               "Dowód wskaźnika „liczba spotkań w zakresie poradnictwa”: imię i nazwisko, data i czas "
               "trwania każdej konsultacji. Spotkania umówione w kioskach oznacza się jako odbyte lub "
               "nieodbyte; konsultacje bez wcześniejszego umówienia dopisuje się formularzem.",
               "konsultację",
               RegisterTable{"counselling_register",
                             "counselling_register",
                             onDays("date"),
                             "t.date DESC, t.id DESC",
                             {{"date", Type::Text, false},
                              {"duration_minutes", Type::Integer, false},
                              {"held", Type::Integer, false},
                              {"walk_in", Type::Integer, false},
                              {"booking_ref", Type::Text, false},
                              {"person_name", Type::Text, true}}});
    counselling.fields = {field("date", "Data konsultacji", FieldKind::Date),
                          field("duration_minutes", "Czas trwania (minuty, 5–480)", FieldKind::Minutes),
                          field("person_name", "Imię i nazwisko", FieldKind::Text,
                                "Wymaga tego rejestr konsultacji; nazwisko jest usuwane 455 dni po "
                                "dacie konsultacji (docs/privacy.md)."),
                          fixed("held", "1"), fixed("walk_in", "1")};
    counselling.editableWhen = "walk_in";
    out.push_back(counselling);

    RegisterDefinition activities =
        define(RegisterId::Activities, "activities", "Zajęcia: grupy CAS i warsztaty",
               "Każde spotkanie grupy CAS, warsztatów lub warsztatów tematycznych: data, liczba godzin i "
               "liczba uczestników według listy obecności (bez nazwisk: wskaźniki liczą osoby i godziny).",
               "zajęcia",
               RegisterTable{"activity_sessions",
                             "activity_sessions",
                             onDays("date"),
                             "t.date DESC, t.id DESC",
                             {{"date", Type::Text, false},
                              {"kind", Type::Text, false},
                              {"group_name", Type::Text, false},
                              {"hours", Type::Real, false},
                              {"participants", Type::Integer, false}}});
    RegisterField kind = field("kind", "Rodzaj zajęć", FieldKind::Choice);
    kind.choices = {{"cas_group", "grupa CAS"}, {"workshop", "warsztaty"}, {"thematic", "warsztaty tematyczne"}};
    activities.fields = {field("date", "Data zajęć", FieldKind::Date), kind,
                         field("group_name", "Grupa lub temat", FieldKind::Text),
                         field("hours", "Liczba godzin (np. 2 lub 1,5)", FieldKind::Hours),
                         field("participants", "Liczba uczestników", FieldKind::Count)};
    out.push_back(activities);

    RegisterDefinition members = define(
        RegisterId::VolunteerMembers, "volunteer-members", "Klub Wolontariusza: członkowie",
        "Członkowie Klubu Wolontariusza: data przystąpienia i odejścia. Wystarczą inicjały lub imię; "
        "po odejściu są usuwane po 455 dniach, liczba członków zostaje.",
        "członka",
        RegisterTable{
            "volunteer_club_members",
            "volunteer_club_members",
            overlapping("joined_on", "left_on"),
            "t.joined_on DESC, t.id DESC",
            {{"joined_on", Type::Text, false}, {"left_on", Type::Text, false}, {"display_name", Type::Text, true}}});
    members.fields = {field("joined_on", "Data przystąpienia", FieldKind::Date),
                      field("left_on", "Data odejścia", FieldKind::OptionalDate, "Puste: nadal jest członkiem."),
                      field("display_name", "Inicjały lub imię", FieldKind::Text)};
    members.notBefore = {{"left_on", {"joined_on", "Data odejścia nie może być wcześniejsza niż data przystąpienia."}}};
    out.push_back(members);

    RegisterDefinition initiatives =
        define(RegisterId::VolunteerInitiatives, "volunteer-initiatives", "Klub Wolontariusza: inicjatywy",
               "Inicjatywy Klubu Wolontariusza: data i tytuł każdej.", "inicjatywę",
               RegisterTable{"volunteer_initiatives",
                             "volunteer_initiatives",
                             onDays("date"),
                             "t.date DESC, t.id DESC",
                             {{"date", Type::Text, false}, {"title", Type::Text, false}}});
    initiatives.fields = {field("date", "Data inicjatywy", FieldKind::Date),
                          field("title", "Tytuł inicjatywy", FieldKind::Text)};
    out.push_back(initiatives);

    RegisterDefinition housing =
        define(RegisterId::ShelteredHousing, "sheltered-housing", "Mieszkanie wspomagane: pobyty",
               "Zajętość mieszkania wspomaganego: początek i koniec każdego pobytu, bez danych mieszkańca "
               "(wskaźnik liczy osoby).",
               "pobyt",
               RegisterTable{"sheltered_housing_stays",
                             "sheltered_housing_stays",
                             overlapping("from_date", "to_date"),
                             "t.from_date DESC, t.id DESC",
                             {{"from_date", Type::Text, false}, {"to_date", Type::Text, false}}});
    housing.fields = {field("from_date", "Początek pobytu", FieldKind::Date),
                      field("to_date", "Koniec pobytu", FieldKind::OptionalDate, "Puste: pobyt trwa.")};
    housing.notBefore = {{"to_date", {"from_date", "Koniec pobytu nie może być wcześniejszy niż jego początek."}}};
    out.push_back(housing);
    return out;
}

/// The field's error for `text`, or "" when it is valid; `value` is what is stored.
std::string checkField(const RegisterField& f, const std::string& text, Date today, std::optional<std::string>& value)
{
    switch (f.kind)
    {
    case FieldKind::Date:
    case FieldKind::OptionalDate:
    {
        if (text.empty() && f.kind == FieldKind::OptionalDate)
            return {};
        const auto date = parseIsoDate(text);
        if (!date)
            return f.label + ": podaj datę w formacie RRRR-MM-DD, np. 2026-03-15.";
        if (today < *date)
            return f.label + ": data nie może być późniejsza niż dziś (" + today.iso() + ").";
        value = date->iso();
        return {};
    }
    case FieldKind::Minutes:
    {
        const auto minutes = parseWholeNumber(text);
        if (!minutes || *minutes < kMinMeetingMinutes || *minutes > kMaxMeetingMinutes)
            return "Czas trwania: podaj liczbę minut od " + std::to_string(kMinMeetingMinutes) + " do " +
                   std::to_string(kMaxMeetingMinutes) + ".";
        value = std::to_string(*minutes);
        return {};
    }
    case FieldKind::Hours:
    {
        const auto hours = parseHours(text);
        if (!hours)
            return "Liczba godzin: podaj liczbę większą od 0 i nie większą niż 24 (np. 2 lub 1,5; najwyżej dwa "
                   "miejsca po przecinku).";
        value = *hours;
        return {};
    }
    case FieldKind::Count:
    {
        const auto count = parseWholeNumber(text);
        if (!count || *count > kMaxParticipants)
            return "Liczba uczestników: podaj liczbę całkowitą od 0 do " + std::to_string(kMaxParticipants) + ".";
        value = std::to_string(*count);
        return {};
    }
    case FieldKind::Text:
    {
        auto valid = validate::validateFreeText(text, 1, kMaxTextLength);
        if (!valid || valid->find('\n') != std::string::npos)
            return f.label + ": wpisz od 1 do " + std::to_string(kMaxTextLength) +
                   " znaków w jednym wierszu, bez znaków sterujących.";
        value = *valid;
        return {};
    }
    case FieldKind::Choice:
    {
        const bool known =
            std::any_of(f.choices.begin(), f.choices.end(), [&](const auto& c) { return c.first == text; });
        if (!known)
            return f.label + ": wybierz jedną z podanych możliwości.";
        value = text;
        return {};
    }
    case FieldKind::Fixed:
        value = f.fixedValue;
        return {};
    }
    return {};
}

/// "2.0" → "2", "1.50" → "1,5".
std::string decimalCommaHours(const std::string& stored)
{
    double hours = 0;
    auto [ptr, ec] = std::from_chars(stored.data(), stored.data() + stored.size(), hours);
    if (ec != std::errc() || ptr != stored.data() + stored.size())
        return stored;
    const auto hundredths = static_cast<long long>(hours * 100 + 0.5);
    std::string out = std::to_string(hundredths / 100);
    const long long rest = hundredths % 100;
    if (rest != 0)
    {
        out += ',';
        out += static_cast<char>('0' + rest / 10);
        if (rest % 10 != 0)
            out += static_cast<char>('0' + rest % 10);
    }
    return out;
}
} // namespace

const std::vector<RegisterDefinition>& registerDefinitions()
{
    static const std::vector<RegisterDefinition> definitions = makeDefinitions();
    return definitions;
}

const RegisterDefinition& registerDefinition(RegisterId id)
{
    const auto& all = registerDefinitions();
    return *std::find_if(all.begin(), all.end(), [&](const RegisterDefinition& d) { return d.id == id; });
}

std::optional<std::string> parseHours(const std::string& text)
{
    std::string normal = text;
    std::replace(normal.begin(), normal.end(), ',', '.');
    const auto dot = normal.find('.');
    if (normal.empty() || normal.size() > 6 || (dot != std::string::npos && normal.size() - dot - 1 > 2) || dot == 0 ||
        dot + 1 == normal.size())
        return std::nullopt;
    if (!std::all_of(normal.begin(), normal.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; }) ||
        std::count(normal.begin(), normal.end(), '.') > 1)
        return std::nullopt;
    double hours = 0;
    auto [ptr, ec] = std::from_chars(normal.data(), normal.data() + normal.size(), hours);
    if (ec != std::errc() || ptr != normal.data() + normal.size() || !(hours > 0) || hours > 24)
        return std::nullopt;
    return normal;
}

RegisterFormInput readRegisterForm(const RegisterDefinition& definition, const std::map<std::string, std::string>& form,
                                   Date today)
{
    RegisterFormInput in;
    const std::string idText = fieldValue(form, "id");
    if (!idText.empty())
    {
        const auto id = parseDigits(idText, 18);
        if (!id || *id <= 0)
            in.errors["id"] = "Nieprawidłowy identyfikator wpisu.";
        else
            in.id = *id;
    }
    for (const auto& f : definition.fields)
    {
        if (f.kind == FieldKind::Fixed && in.id != 0)
            continue;
        const std::string text = fieldValue(form, f.column);
        in.typed[f.column] = text;
        std::optional<std::string> value;
        if (auto error = checkField(f, text, today, value); !error.empty())
            in.errors[f.column] = std::move(error);
        else
            in.values[f.column] = value;
    }
    for (const auto& [column, rule] : definition.notBefore)
    {
        const auto later = in.values.find(column);
        const auto earlier = in.values.find(rule.first);
        if (later != in.values.end() && earlier != in.values.end() && later->second && earlier->second &&
            *later->second < *earlier->second)
            in.errors[column] = rule.second;
    }
    return in;
}

std::string displayValue(const RegisterField& field, const std::optional<std::string>& value)
{
    if (!value || value->empty())
        return "—";
    if (field.kind == FieldKind::Hours)
        return decimalCommaHours(*value);
    for (const auto& [code, label] : field.choices)
        if (code == *value)
            return label;
    return *value;
}

std::string formValue(const RegisterField& field, const std::optional<std::string>& value)
{
    if (!value)
        return {};
    return field.kind == FieldKind::Hours ? decimalCommaHours(*value) : *value;
}

} // namespace okienko::server::panel
