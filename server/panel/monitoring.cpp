// Indicator queries. Residents are counted by phone number where one exists (the same person
// reserving twice is one person), else by name; nothing personal leaves this file.
#include "server/panel/monitoring.hpp"

#include "server/store_sql.hpp"
#include "shared/domain/area.hpp"

#include <cstdio>
#include <ctime>
#include <initializer_list>
#include <map>

namespace okienko::server::panel
{

std::int64_t localMidnight(Date day)
{
    std::tm t{};
    t.tm_year = day.year - 1900;
    t.tm_mon = day.month - 1;
    t.tm_mday = day.day;
    t.tm_isdst = -1;
    return static_cast<std::int64_t>(std::mktime(&t));
}

namespace
{
const char* const kAreaNames[] = {"polityka prorodzinna",
                                  "wspieranie rodziny",
                                  "system pieczy zastępczej",
                                  "pomoc społeczna",
                                  "promocja i ochrona zdrowia",
                                  "wspieranie osób niepełnosprawnych",
                                  "edukacja publiczna",
                                  "przeciwdziałanie bezrobociu",
                                  "kultura",
                                  "kultura fizyczna i turystyka",
                                  "pobudzanie aktywności obywatelskiej",
                                  "mieszkalnictwo",
                                  "ochrona środowiska",
                                  "reintegracja zawodowa i społeczna"};

} // namespace

std::string areaLabel(const std::string& code)
{
    if (code.empty())
        return "bez wskazanego obszaru";
    auto area = domain::parseArea(code);
    if (!area)
        return code;
    const int n = static_cast<int>(*area);
    return std::to_string(n) + ". " + kAreaNames[n - 1];
}

namespace
{

std::string flowLabel(const std::string& flow)
{
    static const std::map<std::string, std::string> labels{{"equipment", "wypożyczalnia sprzętu"},
                                                           {"counselling", "poradnictwo specjalistyczne"},
                                                           {"callback", "prośba o telefon"},
                                                           {"catalog", "katalog usług"}};
    auto it = labels.find(flow);
    return it == labels.end() ? flow : it->second;
}

/// The first column of the last row of `sql` (a COUNT); 0 when there is no row.
template <typename A>
Result<std::int64_t, db::Error> scalar(db::Database& d, std::string_view sql, const A& first, const A& last)
{
    std::int64_t value = 0;
    if (auto s = sqlEachRow(
            d, [&](db::Statement& r) { value = r.columnInt64(0).value(); }, sql, first, last);
        !s)
        return makeErr(s.error());
    return value;
}

/// One indicator counted over the period. A date column is compared with the first and last day
/// ("YYYY-MM-DD", BETWEEN ? AND ?); a timestamp with local midnight before the first day and after
/// the last (>= ? AND < ?).
struct PeriodCount
{
    const char* indicator;
    const char* sql;
    bool byDate = false;
};

std::string decimalComma(double v)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", v);
    std::string s = buffer;
    for (char& c : s)
        if (c == '.')
            c = ',';
    return s;
}

std::string csvField(const std::string& v)
{
    if (v.find_first_of(";\"\r\n") == std::string::npos)
        return v;
    std::string out = "\"";
    for (char c : v)
    {
        if (c == '"')
            out += "\"\"";
        else
            out.push_back(c);
    }
    return out + "\"";
}
} // namespace

Result<std::vector<IndicatorRow>, db::Error> computeIndicators(db::Database& d, Date from, Date to)
{
    const std::int64_t t0 = localMidnight(from);
    const std::int64_t t1 = localMidnight(to.plusDays(1));
    const std::string d0 = from.iso();
    const std::string d1 = to.iso();
    std::vector<IndicatorRow> rows;
    auto add = [&](const char* section, const char* indicator, std::string detail, std::string value)
    {
        rows.push_back({section, indicator, std::move(detail), std::move(value)});
    };
    auto counts = [&](const char* section, std::initializer_list<PeriodCount> list) -> Status<db::Error>
    {
        for (const PeriodCount& c : list)
        {
            auto n = c.byDate ? scalar(d, c.sql, d0, d1) : scalar(d, c.sql, t0, t1);
            if (!n)
                return makeErr(n.error());
            add(section, c.indicator, "", std::to_string(*n));
        }
        return {};
    };

    const char* kEquipment = "Wypożyczalnia sprzętu rehabilitacyjnego";
    if (auto s =
            counts(kEquipment,
                   {{"Liczba osób korzystających z usługi (różni wypożyczający)",
                     "SELECT COUNT(DISTINCT COALESCE(NULLIF(borrower_phone, ''), lower(borrower_name), id)) FROM "
                     "loans WHERE start_date BETWEEN ? AND ?",
                     true},
                    {"Wypożyczenia rozpoczęte", "SELECT COUNT(*) FROM loans WHERE start_date BETWEEN ? AND ?", true},
                    {"Rezerwacje złożone w kioskach",
                     "SELECT COUNT(*) FROM reservations WHERE code <> '' AND received_at >= ? AND received_at < ?"},
                    {"Osoby, które zarezerwowały sprzęt",
                     "SELECT COUNT(DISTINCT COALESCE(NULLIF(person_phone, ''), lower(person_name), id)) FROM "
                     "reservations WHERE code <> '' AND received_at >= ? AND received_at < ?"}});
        !s)
        return makeErr(s.error());

    const char* kCounselling = "Punkt poradnictwa specjalistycznego";
    if (auto s = counts(kCounselling,
                        {{"Liczba spotkań w zakresie poradnictwa (umówione terminy)",
                          "SELECT COUNT(*) FROM counselling_requests r JOIN counselling_slots s ON s.id = r.slot_id "
                          "WHERE r.status NOT IN ('cancelled') AND s.date BETWEEN ? AND ?",
                          true},
                         {"Liczba osób korzystających z poradnictwa",
                          "SELECT COUNT(DISTINCT COALESCE(NULLIF(r.phone, ''), lower(r.name), r.id)) FROM "
                          "counselling_requests r JOIN counselling_slots s ON s.id = r.slot_id WHERE r.status NOT IN "
                          "('cancelled') AND s.date BETWEEN ? AND ?",
                          true},
                         {"Zgłoszenia z kiosków",
                          "SELECT COUNT(*) FROM counselling_requests WHERE received_at >= ? AND received_at < ?"}});
        !s)
        return makeErr(s.error());

    if (auto s =
            counts("Prośby o telefon",
                   {{"Zgłoszone", "SELECT COUNT(*) FROM callback_requests WHERE received_at >= ? AND received_at < ?"},
                    {"Załatwione (rozmowa odbyta)", "SELECT COUNT(*) FROM callback_requests WHERE status = "
                                                    "'done' AND closed_at >= ? AND closed_at < ?"},
                    {"Zamknięte bez kontaktu", "SELECT COUNT(*) FROM callback_requests WHERE status = 'closed' "
                                               "AND closed_at >= ? AND closed_at < ?"},
                    {"Próby połączeń", "SELECT COUNT(*) FROM callback_attempts WHERE at >= ? AND at < ?"}});
        !s)
        return makeErr(s.error());

    const char* kUsage = "Korzystanie z kiosków";
    auto ranked = [&](const char* indicator, const char* kind) -> Status<db::Error>
    {
        return sqlEachRow(
            d,
            [&](db::Statement& r)
            { add(kUsage, indicator, r.columnText(1).value(), std::to_string(r.columnInt64(2).value())); },
            "SELECT u.service_id, COALESCE(s.name_pl, u.service_id), COUNT(*) AS n FROM usage_events u "
            "LEFT JOIN services s ON s.id = u.service_id WHERE u.kind = ? AND u.service_id <> '' AND "
            "u.at >= ? AND u.at < ? GROUP BY u.service_id ORDER BY n DESC, u.service_id LIMIT 10",
            std::string(kind), t0, t1);
    };
    if (auto s = ranked("Najczęściej oglądane usługi", "service-viewed"); !s)
        return makeErr(s.error());
    if (auto s = ranked("Najczęściej wyszukiwane usługi", "search-made"); !s)
        return makeErr(s.error());
    if (auto s = counts(kUsage, {{"Wyszukiwania ogółem", "SELECT COUNT(*) FROM usage_events WHERE kind = "
                                                         "'search-made' AND at >= ? AND at < ?"},
                                 {"Sprawy doprowadzone do końca", "SELECT COUNT(*) FROM usage_events WHERE kind = "
                                                                  "'flow-finished' AND at >= ? AND at < ?"}});
        !s)
        return makeErr(s.error());

    const char* kRatings = "Zadowolenie (oceny 1–5)";
    if (auto s = sqlEachRow(
            d,
            [&](db::Statement& r)
            {
                const std::string flow = flowLabel(r.columnText(0).value());
                add(kRatings, "Liczba ocen", flow, std::to_string(r.columnInt64(1).value()));
                add(kRatings, "Średnia ocena", flow, decimalComma(r.columnDouble(2).value()));
            },
            "SELECT flow, COUNT(*), AVG(rating) FROM usage_events WHERE kind = 'rating' AND at >= ? AND at < ? "
            "GROUP BY flow ORDER BY flow",
            t0, t1);
        !s)
        return makeErr(s.error());

    if (auto s = sqlEachRow(
            d,
            [&](db::Statement& r)
            {
                add("Skrzynka pomysłów", "Liczba pomysłów", areaLabel(r.columnText(0).value()),
                    std::to_string(r.columnInt64(1).value()));
            },
            "SELECT COALESCE(area, ''), COUNT(*) FROM usage_events WHERE kind = 'idea' AND at >= ? AND at < ? "
            "GROUP BY COALESCE(area, '') ORDER BY COALESCE(area, '')",
            t0, t1);
        !s)
        return makeErr(s.error());
    return rows;
}

std::string indicatorsCsv(const std::vector<IndicatorRow>& rows, Date from, Date to)
{
    std::string out = "\xEF\xBB\xBF";
    out += "Sekcja;Wskaźnik;Szczegół;Wartość\r\n";
    out += "Okres;Początek okresu;;" + from.iso() + "\r\n";
    out += "Okres;Koniec okresu;;" + to.iso() + "\r\n";
    for (const auto& r : rows)
        out += csvField(r.section) + ";" + csvField(r.indicator) + ";" + csvField(r.detail) + ";" + csvField(r.value) +
               "\r\n";
    return out;
}

} // namespace okienko::server::panel
