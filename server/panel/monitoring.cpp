// Indicator queries. Residents are counted by phone number where one exists (the same person
// reserving twice is one person), else by name; nothing personal leaves this file.
#include "server/panel/monitoring.hpp"

#include "server/panel/sql.hpp"
#include "shared/domain/area.hpp"

#include <cstdio>
#include <ctime>
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

std::string flowLabel(const std::string& flow)
{
    static const std::map<std::string, std::string> labels{{"equipment", "wypożyczalnia sprzętu"},
                                                           {"counselling", "poradnictwo specjalistyczne"},
                                                           {"callback", "prośba o telefon"},
                                                           {"catalog", "katalog usług"}};
    auto it = labels.find(flow);
    return it == labels.end() ? flow : it->second;
}

Result<std::int64_t, db::Error> scalar(db::Database& d, std::string_view sql, std::int64_t a, std::int64_t b)
{
    auto st = sqlQuery(d, sql, a, b);
    if (!st)
        return makeErr(st.error());
    std::int64_t value = 0;
    auto s = forEachRow(*st, [&](db::Statement& r) { value = r.columnInt64(0).value(); });
    if (!s)
        return makeErr(s.error());
    return value;
}

Result<std::int64_t, db::Error> scalarText(db::Database& d, std::string_view sql, const std::string& a,
                                           const std::string& b)
{
    auto st = sqlQuery(d, sql, a, b);
    if (!st)
        return makeErr(st.error());
    std::int64_t value = 0;
    auto s = forEachRow(*st, [&](db::Statement& r) { value = r.columnInt64(0).value(); });
    if (!s)
        return makeErr(s.error());
    return value;
}

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

#define OKIENKO_PANEL_COUNT(var, expr)                                                                                 \
    auto var = (expr);                                                                                                 \
    if (!var)                                                                                                          \
        return makeErr(var.error());

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

    const char* kEquipment = "Wypożyczalnia sprzętu rehabilitacyjnego";
    OKIENKO_PANEL_COUNT(borrowers, scalarText(d,
                                              "SELECT COUNT(DISTINCT COALESCE(NULLIF(borrower_phone, ''), "
                                              "lower(borrower_name), id)) FROM loans WHERE start_date BETWEEN ? AND ?",
                                              d0, d1));
    add(kEquipment, "Liczba osób korzystających z usługi (różni wypożyczający)", "", std::to_string(*borrowers));
    OKIENKO_PANEL_COUNT(loans, scalarText(d, "SELECT COUNT(*) FROM loans WHERE start_date BETWEEN ? AND ?", d0, d1));
    add(kEquipment, "Wypożyczenia rozpoczęte", "", std::to_string(*loans));
    OKIENKO_PANEL_COUNT(reservations, scalar(d,
                                             "SELECT COUNT(*) FROM reservations WHERE code <> '' AND received_at >= ? "
                                             "AND received_at < ?",
                                             t0, t1));
    add(kEquipment, "Rezerwacje złożone w kioskach", "", std::to_string(*reservations));
    OKIENKO_PANEL_COUNT(reservers, scalar(d,
                                          "SELECT COUNT(DISTINCT COALESCE(NULLIF(person_phone, ''), "
                                          "lower(person_name), id)) FROM reservations WHERE code <> '' AND "
                                          "received_at >= ? AND received_at < ?",
                                          t0, t1));
    add(kEquipment, "Osoby, które zarezerwowały sprzęt", "", std::to_string(*reservers));

    const char* kCounselling = "Punkt poradnictwa specjalistycznego";
    OKIENKO_PANEL_COUNT(meetings, scalarText(d,
                                             "SELECT COUNT(*) FROM counselling_requests r JOIN counselling_slots s ON "
                                             "s.id = r.slot_id WHERE r.status NOT IN ('cancelled') AND s.date "
                                             "BETWEEN ? AND ?",
                                             d0, d1));
    add(kCounselling, "Liczba spotkań w zakresie poradnictwa (umówione terminy)", "", std::to_string(*meetings));
    OKIENKO_PANEL_COUNT(counselled, scalarText(d,
                                               "SELECT COUNT(DISTINCT COALESCE(NULLIF(r.phone, ''), lower(r.name), "
                                               "r.id)) FROM counselling_requests r JOIN counselling_slots s ON s.id = "
                                               "r.slot_id WHERE r.status NOT IN ('cancelled') AND s.date BETWEEN ? "
                                               "AND ?",
                                               d0, d1));
    add(kCounselling, "Liczba osób korzystających z poradnictwa", "", std::to_string(*counselled));
    OKIENKO_PANEL_COUNT(requests, scalar(d,
                                         "SELECT COUNT(*) FROM counselling_requests WHERE received_at >= ? AND "
                                         "received_at < ?",
                                         t0, t1));
    add(kCounselling, "Zgłoszenia z kiosków", "", std::to_string(*requests));

    const char* kCallbacks = "Prośby o telefon";
    OKIENKO_PANEL_COUNT(
        cbIn, scalar(d, "SELECT COUNT(*) FROM callback_requests WHERE received_at >= ? AND received_at < ?", t0, t1));
    add(kCallbacks, "Zgłoszone", "", std::to_string(*cbIn));
    OKIENKO_PANEL_COUNT(cbDone,
                        scalar(d,
                               "SELECT COUNT(*) FROM callback_requests WHERE status = 'done' AND closed_at >= ? "
                               "AND closed_at < ?",
                               t0, t1));
    add(kCallbacks, "Załatwione (rozmowa odbyta)", "", std::to_string(*cbDone));
    OKIENKO_PANEL_COUNT(cbClosed, scalar(d,
                                         "SELECT COUNT(*) FROM callback_requests WHERE status = 'closed' AND "
                                         "closed_at >= ? AND closed_at < ?",
                                         t0, t1));
    add(kCallbacks, "Zamknięte bez kontaktu", "", std::to_string(*cbClosed));
    OKIENKO_PANEL_COUNT(attempts, scalar(d, "SELECT COUNT(*) FROM callback_attempts WHERE at >= ? AND at < ?", t0, t1));
    add(kCallbacks, "Próby połączeń", "", std::to_string(*attempts));

    const char* kUsage = "Korzystanie z kiosków";
    auto ranked = [&](const char* indicator, const char* kind) -> Status<db::Error>
    {
        auto st = sqlQuery(d,
                           "SELECT u.service_id, COALESCE(s.name_pl, u.service_id), COUNT(*) AS n FROM usage_events u "
                           "LEFT JOIN services s ON s.id = u.service_id WHERE u.kind = ? AND u.service_id <> '' AND "
                           "u.at >= ? AND u.at < ? GROUP BY u.service_id ORDER BY n DESC, u.service_id LIMIT 10",
                           std::string(kind), t0, t1);
        if (!st)
            return makeErr(st.error());
        return forEachRow(*st,
                          [&](db::Statement& r) {
                              add(kUsage, indicator, r.columnText(1).value(), std::to_string(r.columnInt64(2).value()));
                          });
    };
    if (auto s = ranked("Najczęściej oglądane usługi", "service-viewed"); !s)
        return makeErr(s.error());
    if (auto s = ranked("Najczęściej wyszukiwane usługi", "search-made"); !s)
        return makeErr(s.error());
    OKIENKO_PANEL_COUNT(searches, scalar(d,
                                         "SELECT COUNT(*) FROM usage_events WHERE kind = 'search-made' AND at >= ? "
                                         "AND at < ?",
                                         t0, t1));
    add(kUsage, "Wyszukiwania ogółem", "", std::to_string(*searches));
    OKIENKO_PANEL_COUNT(finished, scalar(d,
                                         "SELECT COUNT(*) FROM usage_events WHERE kind = 'flow-finished' AND at >= ? "
                                         "AND at < ?",
                                         t0, t1));
    add(kUsage, "Sprawy doprowadzone do końca", "", std::to_string(*finished));

    const char* kRatings = "Zadowolenie (oceny 1–5)";
    {
        auto st = sqlQuery(d,
                           "SELECT flow, COUNT(*), AVG(rating) FROM usage_events WHERE kind = 'rating' AND at >= ? "
                           "AND at < ? GROUP BY flow ORDER BY flow",
                           t0, t1);
        if (!st)
            return makeErr(st.error());
        auto s = forEachRow(*st,
                            [&](db::Statement& r)
                            {
                                const std::string flow = flowLabel(r.columnText(0).value());
                                add(kRatings, "Liczba ocen", flow, std::to_string(r.columnInt64(1).value()));
                                add(kRatings, "Średnia ocena", flow, decimalComma(r.columnDouble(2).value()));
                            });
        if (!s)
            return makeErr(s.error());
    }

    const char* kIdeas = "Skrzynka pomysłów";
    {
        auto st = sqlQuery(d,
                           "SELECT COALESCE(area, ''), COUNT(*) FROM usage_events WHERE kind = 'idea' AND at >= ? AND "
                           "at < ? GROUP BY COALESCE(area, '') ORDER BY COALESCE(area, '')",
                           t0, t1);
        if (!st)
            return makeErr(st.error());
        auto s = forEachRow(*st,
                            [&](db::Statement& r) {
                                add(kIdeas, "Liczba pomysłów", areaLabel(r.columnText(0).value()),
                                    std::to_string(r.columnInt64(1).value()));
                            });
        if (!s)
            return makeErr(s.error());
    }
    return rows;
}

#undef OKIENKO_PANEL_COUNT

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
