// The statements of indicator_sql.hpp. Automatic metrics count days of the server's date columns
// (a slot's date, a loan's start_date, a service's valid_from), which are local calendar days
// already. Register measures count the registers' tables (server migration 11, docs/reporting.md);
// no personal column is ever selected for evidence.
#include "server/store/indicator_sql.hpp"

// Every planned occurrence in ?1 … ?2 of the kinds ?3 (',a,b,' or ''): day, kind, Polish title,
// start "HH:MM", minutes. date(d, '+7 days') is a civil-day step, so summer time cannot move a day.
#define OKIENKO_SCHEDULE_OCCURRENCES                                                                                   \
    "WITH RECURSIVE occ(day, kind, title_pl, start_time, minutes, last, off_days) AS ("                                \
    "SELECT date, kind, title_pl, printf('%02d:%02d', start_minute / 60, start_minute % 60), "                         \
    "end_minute - start_minute, COALESCE(repeat_until, date), cancelled_dates FROM activities WHERE cancelled = 0 "    \
    "AND date <= ?2 AND COALESCE(repeat_until, date) >= ?1 AND (?3 = '' OR instr(?3, ',' || kind || ',') > 0) "        \
    "UNION ALL SELECT date(day, '+7 days'), kind, title_pl, start_time, minutes, last, off_days FROM occ "             \
    "WHERE date(day, '+7 days') <= last AND date(day, '+7 days') <= ?2) "                                              \
    "SELECT day, kind, title_pl, start_time, minutes, "                                                                \
    "EXISTS (SELECT 1 FROM json_each(off_days) WHERE json_extract(value, '$.date') = day) AS off "                     \
    "FROM occ WHERE day BETWEEN ?1 AND ?2"

namespace okienko::server
{

const std::vector<MeasureSql>& automaticSql()
{
    static const std::vector<MeasureSql> sql{
        {"counselling-meetings",
         "SELECT CAST(COUNT(*) AS REAL) FROM counselling_requests r JOIN counselling_slots s ON s.id = r.slot_id "
         "WHERE r.status <> 'cancelled' AND s.date BETWEEN ?1 AND ?2",
         "SELECT s.date, printf('%02d:%02d', s.start_minute / 60, s.start_minute % 60), r.code, r.status "
         "FROM counselling_requests r JOIN counselling_slots s ON s.id = r.slot_id WHERE r.status <> 'cancelled' "
         "AND s.date BETWEEN ?1 AND ?2 ORDER BY s.date, s.start_minute LIMIT 2001",
         "Data terminu|Godzina|Kod zgłoszenia|Stan"},
        {"counselling-persons",
         "SELECT CAST(COUNT(DISTINCT COALESCE(NULLIF(r.phone, ''), lower(r.name), r.id)) AS REAL) FROM "
         "counselling_requests r JOIN counselling_slots s ON s.id = r.slot_id WHERE r.status <> 'cancelled' AND "
         "s.date BETWEEN ?1 AND ?2",
         "SELECT MIN(s.date), r.code, CAST(COUNT(*) AS TEXT) FROM counselling_requests r JOIN counselling_slots s "
         "ON s.id = r.slot_id WHERE r.status <> 'cancelled' AND s.date BETWEEN ?1 AND ?2 GROUP BY "
         "COALESCE(NULLIF(r.phone, ''), lower(r.name), r.id) ORDER BY MIN(s.date) LIMIT 2001",
         "Pierwszy termin w okresie|Kod pierwszego zgłoszenia|Liczba spotkań"},
        {"counselling-duty-hours",
         "SELECT CAST(COALESCE(SUM(duration_minutes), 0) AS REAL) / 60.0 FROM counselling_slots WHERE date BETWEEN "
         "?1 AND ?2",
         "SELECT date, printf('%02d:%02d', start_minute / 60, start_minute % 60), CAST(duration_minutes AS TEXT), "
         "counsellor, room FROM counselling_slots WHERE date BETWEEN ?1 AND ?2 ORDER BY date, start_minute "
         "LIMIT 2001",
         "Data dyżuru|Początek|Minuty|Doradca|Sala"},
        {"equipment-borrowers",
         "SELECT CAST(COUNT(DISTINCT COALESCE(NULLIF(borrower_phone, ''), lower(borrower_name), id)) AS REAL) FROM "
         "loans WHERE start_date BETWEEN ?1 AND ?2",
         "SELECT MIN(l.start_date), l.inventory_number, COALESCE(t.name_pl, l.type_id), CAST(COUNT(*) AS TEXT) FROM "
         "loans l LEFT JOIN equipment_types t ON t.site_id = l.site_id AND t.id = l.type_id WHERE l.start_date "
         "BETWEEN ?1 AND ?2 GROUP BY "
         "COALESCE(NULLIF(l.borrower_phone, ''), lower(l.borrower_name), l.id) ORDER BY MIN(l.start_date) "
         "LIMIT 2001",
         "Pierwsze wypożyczenie w okresie|Nr inwentarzowy|Sprzęt|Liczba wypożyczeń"},
        {"equipment-loans", "SELECT CAST(COUNT(*) AS REAL) FROM loans WHERE start_date BETWEEN ?1 AND ?2",
         "SELECT l.start_date, l.inventory_number, COALESCE(t.name_pl, l.type_id), COALESCE(l.returned_on, '') "
         "FROM loans l LEFT JOIN equipment_types t ON t.site_id = l.site_id AND t.id = l.type_id WHERE "
         "l.start_date BETWEEN ?1 AND ?2 ORDER "
         "BY l.start_date, l.inventory_number LIMIT 2001",
         "Początek|Nr inwentarzowy|Sprzęt|Zwrot"},
        {"catalog-new-services",
         "SELECT CAST(COUNT(*) AS REAL) FROM services WHERE status <> 'archived' AND valid_from BETWEEN ?1 AND ?2",
         "SELECT valid_from, id, name_pl, status FROM services WHERE status <> 'archived' AND valid_from BETWEEN ?1 "
         "AND ?2 ORDER BY valid_from, position LIMIT 2001",
         "Początek świadczenia|Id usługi|Usługa|Stan"},
        // Residents registered from a phone call (server migration 14) with at least one service matched
        // to their needs in the period: at registration or when a service became available. An erased
        // resident's matches stay, nameless, so the count does not drop after erasure.
        {"residents-matched",
         "SELECT CAST(COUNT(DISTINCT resident_id) AS REAL) FROM resident_matches WHERE matched_on BETWEEN ?1 AND ?2",
         "SELECT MIN(m.matched_on), 'nr ' || m.resident_id, CAST(COUNT(*) AS TEXT), group_concat(COALESCE(s.name_pl, "
         "m.service_id), ', ') FROM resident_matches m LEFT JOIN services s ON s.site_id = (SELECT site_id FROM "
         "residents WHERE id = m.resident_id) AND s.id = m.service_id WHERE "
         "m.matched_on BETWEEN ?1 AND ?2 GROUP BY m.resident_id ORDER BY MIN(m.matched_on), m.resident_id LIMIT 2001",
         "Pierwsze dopasowanie w okresie|Mieszkaniec|Liczba usług|Usługi"},
    };
    return sql;
}

const std::vector<RegisterSql>& registerSql()
{
    static const std::vector<RegisterSql> sql{
        {"counselling_register",
         {"counselling_register"},
         false,
         {{"held-meetings",
           "SELECT CAST(COUNT(*) AS REAL) FROM counselling_register WHERE held = 1 AND date BETWEEN ?1 AND ?2",
           "SELECT date, CAST(duration_minutes AS TEXT), CASE walk_in WHEN 1 THEN 'tak' ELSE 'nie' END FROM "
           "counselling_register WHERE held = 1 AND date BETWEEN ?1 AND ?2 ORDER BY date, id LIMIT 2001",
           "Data|Czas trwania (min)|Bez zapisu"},
          {"persons",
           "SELECT CAST(COUNT(DISTINCT COALESCE(person_key, lower(trim(person_name)), 'wpis ' || id)) AS REAL) "
           "FROM counselling_register WHERE held = 1 AND date BETWEEN ?1 AND ?2",
           "SELECT MIN(date), CAST(COUNT(*) AS TEXT) FROM counselling_register WHERE held = 1 AND date BETWEEN ?1 "
           "AND ?2 GROUP BY COALESCE(person_key, lower(trim(person_name)), 'wpis ' || id) ORDER BY MIN(date) "
           "LIMIT 2001",
           "Pierwsza konsultacja w okresie|Liczba konsultacji"},
          {"hours",
           "SELECT CAST(COALESCE(SUM(duration_minutes), 0) AS REAL) / 60.0 FROM counselling_register WHERE held = 1 "
           "AND date BETWEEN ?1 AND ?2",
           "SELECT date, CAST(duration_minutes AS TEXT) FROM counselling_register WHERE held = 1 AND date BETWEEN ?1 "
           "AND ?2 ORDER BY date, id LIMIT 2001",
           "Data|Czas trwania (min)"},
          {"walk-ins",
           "SELECT CAST(COUNT(*) AS REAL) FROM counselling_register WHERE held = 1 AND walk_in = 1 AND date BETWEEN "
           "?1 AND ?2",
           "SELECT date, CAST(duration_minutes AS TEXT) FROM counselling_register WHERE held = 1 AND walk_in = 1 AND "
           "date BETWEEN ?1 AND ?2 ORDER BY date, id LIMIT 2001",
           "Data|Czas trwania (min)"}}},
        {"activity_sessions",
         {"activity_sessions"},
         true,
         {{"sessions",
           "SELECT CAST(COUNT(*) AS REAL) FROM activity_sessions WHERE date BETWEEN ?1 AND ?2 AND (?3 = '' OR "
           "instr(?3, ',' || replace(kind, '_', '-') || ',') > 0)",
           "SELECT date, kind, group_name, printf('%g', hours), CAST(participants AS TEXT) FROM activity_sessions "
           "WHERE date BETWEEN ?1 AND ?2 AND (?3 = '' OR instr(?3, ',' || replace(kind, '_', '-') || ',') > 0) ORDER "
           "BY date, id "
           "LIMIT 2001",
           "Data|Rodzaj|Grupa|Godziny|Uczestnicy"},
          {"hours",
           "SELECT CAST(COALESCE(SUM(hours), 0) AS REAL) FROM activity_sessions WHERE date BETWEEN ?1 AND ?2 AND "
           "(?3 = '' OR instr(?3, ',' || replace(kind, '_', '-') || ',') > 0)",
           "SELECT date, kind, group_name, printf('%g', hours), CAST(participants AS TEXT) FROM activity_sessions "
           "WHERE date BETWEEN ?1 AND ?2 AND (?3 = '' OR instr(?3, ',' || replace(kind, '_', '-') || ',') > 0) ORDER "
           "BY date, id "
           "LIMIT 2001",
           "Data|Rodzaj|Grupa|Godziny|Uczestnicy"},
          // A group meets many times with the same people: its participants are its largest
          // session's count, so weekly sessions are not counted as new people.
          {"participants",
           "SELECT CAST(COALESCE(SUM(m), 0) AS REAL) FROM (SELECT MAX(participants) AS m FROM activity_sessions "
           "WHERE date BETWEEN ?1 AND ?2 AND (?3 = '' OR instr(?3, ',' || replace(kind, '_', '-') || ',') > 0) GROUP "
           "BY group_name)",
           "SELECT group_name, MIN(date), CAST(COUNT(*) AS TEXT), CAST(MAX(participants) AS TEXT) FROM "
           "activity_sessions WHERE date BETWEEN ?1 AND ?2 AND (?3 = '' OR instr(?3, ',' || replace(kind, '_', '-') || "
           "',') > 0) "
           "GROUP BY group_name ORDER BY group_name LIMIT 2001",
           "Grupa|Pierwsze zajęcia w okresie|Liczba zajęć|Uczestnicy (najwięcej na zajęciach)"},
          {"distinct-groups",
           "SELECT CAST(COUNT(DISTINCT group_name) AS REAL) FROM activity_sessions WHERE date BETWEEN ?1 AND ?2 AND "
           "(?3 = '' OR instr(?3, ',' || replace(kind, '_', '-') || ',') > 0)",
           "SELECT group_name, MIN(date), MAX(date), CAST(COUNT(*) AS TEXT) FROM activity_sessions WHERE date "
           "BETWEEN ?1 AND ?2 AND (?3 = '' OR instr(?3, ',' || replace(kind, '_', '-') || ',') > 0) GROUP BY "
           "group_name ORDER BY "
           "group_name LIMIT 2001",
           "Grupa|Pierwsze zajęcia|Ostatnie zajęcia|Liczba zajęć"}}},
        // The schedule (server/store/activity_store): the plan, counted per occurrence — a weekly series
        // expanded in local days by a recursive CTE, cancelled activities left out. What took place is
        // activity_sessions above; the report sets the two side by side (schedule_report).
        {"activity_schedule",
         {"activities"},
         true,
         {{"planned", "SELECT CAST(COUNT(*) AS REAL) FROM (" OKIENKO_SCHEDULE_OCCURRENCES ")",
           "SELECT day, kind, title_pl, start_time FROM (" OKIENKO_SCHEDULE_OCCURRENCES
           ") ORDER BY day, start_time LIMIT 2001",
           "Data|Rodzaj|Zajęcia|Początek"},
          {"planned-hours",
           "SELECT CAST(COALESCE(SUM(minutes), 0) AS REAL) / 60.0 FROM (" OKIENKO_SCHEDULE_OCCURRENCES ")",
           "SELECT day, kind, title_pl, CAST(minutes AS TEXT) FROM (" OKIENKO_SCHEDULE_OCCURRENCES
           ") ORDER BY day, start_time LIMIT 2001",
           "Data|Rodzaj|Zajęcia|Minuty"},
          // Single dates called off in the panel: planned, announced as "odwołane", not held.
          {"cancelled", "SELECT CAST(COALESCE(SUM(off), 0) AS REAL) FROM (" OKIENKO_SCHEDULE_OCCURRENCES ")",
           "SELECT day, kind, title_pl, start_time FROM (" OKIENKO_SCHEDULE_OCCURRENCES
           ") WHERE off ORDER BY day, start_time LIMIT 2001",
           "Data|Rodzaj|Zajęcia|Początek"}}},
        {"volunteer_club",
         {"volunteer_club_members", "volunteer_initiatives"},
         false,
         {{"members",
           "SELECT CAST(COUNT(*) AS REAL) FROM volunteer_club_members WHERE joined_on <= ?2 AND (left_on IS NULL OR "
           "left_on >= ?1)",
           "SELECT joined_on, COALESCE(left_on, '') FROM volunteer_club_members WHERE joined_on <= ?2 AND (left_on IS "
           "NULL OR left_on >= ?1) ORDER BY joined_on, id LIMIT 2001",
           "Przystąpił(a)|Odszedł / odeszła"},
          {"members-joined",
           "SELECT CAST(COUNT(*) AS REAL) FROM volunteer_club_members WHERE joined_on BETWEEN ?1 AND ?2",
           "SELECT joined_on, COALESCE(left_on, '') FROM volunteer_club_members WHERE joined_on BETWEEN ?1 AND ?2 "
           "ORDER "
           "BY joined_on, id LIMIT 2001",
           "Przystąpił(a)|Odszedł / odeszła"},
          {"initiatives", "SELECT CAST(COUNT(*) AS REAL) FROM volunteer_initiatives WHERE date BETWEEN ?1 AND ?2",
           "SELECT date, title FROM volunteer_initiatives WHERE date BETWEEN ?1 AND ?2 ORDER BY date, id LIMIT 2001",
           "Data|Inicjatywa"}}},
        {"sheltered_housing",
         {"sheltered_housing_stays"},
         false,
         // A stay is one resident (the register names nobody); the register keeps one flat.
         {{"residents",
           "SELECT CAST(COUNT(*) AS REAL) FROM sheltered_housing_stays WHERE from_date <= ?2 AND (to_date IS NULL "
           "OR to_date >= ?1)",
           "SELECT from_date, COALESCE(to_date, '') FROM sheltered_housing_stays WHERE from_date <= ?2 AND (to_date "
           "IS NULL OR to_date >= ?1) ORDER BY from_date, id LIMIT 2001",
           "Od|Do"},
          {"flats",
           "SELECT CAST(MIN(COUNT(*), 1) AS REAL) FROM sheltered_housing_stays WHERE from_date <= ?2 AND (to_date IS "
           "NULL OR to_date >= ?1)",
           "SELECT MIN(from_date), CAST(COUNT(*) AS TEXT) FROM sheltered_housing_stays WHERE from_date <= ?2 AND "
           "(to_date IS NULL OR to_date >= ?1) HAVING COUNT(*) > 0 LIMIT 2001",
           "Pierwszy pobyt w okresie|Liczba pobytów"}}},
    };
    return sql;
}

} // namespace okienko::server
