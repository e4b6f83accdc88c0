// How long the programme's report takes over a realistic year: 20 000 kiosk usage events (views,
// searches, ratings, ideas), duty slots for 480 hours, 600 counselling requests, 350 loans, and the
// registers' tables (docs/reporting.md) with a year of sessions, consultations, volunteers and
// stays. Times the Łapy year (page data, CSV-ready model, PDF) and a Starachowice quarter. Figures
// only; never fails a build.
#include "server/panel/report_model.hpp"
#include "server/panel/report_pdf.hpp"
#include "server/server_store.hpp"
#include "server/store/sqlite_panel_store.hpp"
#include "shared/catalog/catalog_loader.hpp"
#include "shared/db/query.hpp"
#include "tests/support/temp_dir.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace okienko;
using namespace okienko::server;

namespace
{
const std::string kCatalogDir = std::string(OKIENKO_SOURCE_DIR) + "/assets/catalog/";

// Every statement spreads its rows over 2024 with a recursive counter.
const char* const kYear = R"sql(
INSERT INTO kiosks(name, token_hash, created_at) VALUES ('k1', 'x', 0);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 19999)
INSERT INTO usage_events(id, kiosk_id, kind, flow, service_id, rating, area, language, at, received_at)
SELECT 'e' || i, 1,
       CASE i % 10 WHEN 0 THEN 'rating' WHEN 1 THEN 'idea' WHEN 2 THEN 'search-made' WHEN 3 THEN 'flow-finished'
            ELSE 'service-viewed' END,
       CASE i % 4 WHEN 0 THEN 'equipment' WHEN 1 THEN 'counselling' WHEN 2 THEN 'callback' ELSE 'catalog' END,
       'lapy-cas', 1 + i % 5, NULL, 'pl', 1704067200 + i * 1576, 1704067200 + i * 1576 FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 479)
INSERT INTO counselling_slots(id, kind_ids, counsellor, room, date, start_minute, duration_minutes)
SELECT 's' || i, '[]', 'Psycholog', '1', date('2024-01-02', '+' || (i * 365 / 480) || ' days'), 480 + (i % 4) * 60, 60
FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 599)
INSERT INTO counselling_requests(id, code, kind_id, slot_id, name, phone, status, language, kiosk_id, created_at,
                                 received_at)
SELECT 'r' || i, 'P-' || i, 'psych', 's' || (i % 480), 'Osoba ' || (i % 90), '600' || (100000 + i % 90),
       CASE WHEN i % 9 = 0 THEN 'cancelled' ELSE 'confirmed' END, 'pl', 1, 0, 0 FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 349)
INSERT INTO loans(id, inventory_number, type_id, borrower_name, borrower_phone, start_date, due_date, staff_id,
                  kiosk_id, created_at, received_at)
SELECT 'l' || i, 'W-' || (i % 40), 'wozek', 'Osoba ' || (i % 200), '700' || (100000 + i % 200),
       date('2024-01-01', '+' || (i % 366) || ' days'), date('2024-02-01', '+' || (i % 366) || ' days'), 'st', 1, 0, 0
FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 499)
INSERT INTO counselling_register(date, person_name, duration_minutes, held, walk_in, created_by, created_at)
SELECT date('2024-01-02', '+' || (i * 365 / 500) || ' days'), 'Osoba ' || (i % 60), 45 + i % 30, i % 11 <> 0,
       i % 7 = 0, 'st', 0 FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 299)
INSERT INTO activity_sessions(date, kind, group_name, hours, participants, created_by, created_at)
SELECT date('2024-01-03', '+' || (i * 360 / 300) || ' days'),
       CASE i % 3 WHEN 0 THEN 'cas_group' WHEN 1 THEN 'workshop' ELSE 'thematic' END, 'Grupa ' || (i % 7),
       1.5 + (i % 3), 6 + i % 9, 'st', 0 FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 39)
INSERT INTO volunteer_club_members(joined_on, left_on, created_by, created_at)
SELECT date('2023-06-01', '+' || (i * 15) || ' days'), CASE WHEN i % 5 = 0 THEN '2024-09-30' END, 'st', 0 FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 24)
INSERT INTO volunteer_initiatives(date, title, created_by, created_at)
SELECT date('2024-01-10', '+' || (i * 14) || ' days'), 'Inicjatywa ' || i, 'st', 0 FROM n;
INSERT INTO sheltered_housing_stays(from_date, to_date, created_by, created_at) VALUES ('2024-02-01', NULL, 'st', 0);
)sql";

double secondsSince(std::chrono::steady_clock::time_point t0)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

int runFor(const char* file, std::map<std::string, std::string> query, const char* what)
{
    test::TempDir dir("report-bench");
    auto store = ServerStore::open(dir.file("central.db"), StoreOptions{});
    auto catalogue = catalog::loadCatalogFile(kCatalogDir + file);
    auto indicators = catalog::loadCatalogIndicatorsFile(kCatalogDir + file);
    if (!store || !catalogue || !indicators)
        return 1;
    const Now now{1'735'000'000, Date{2024, 12, 24}};
    if (!(*store)->importCatalog("default", *catalogue, now, &*indicators))
        return 1;
    auto filled = (*store)->write([](db::Database& d) { return d.exec(kYear); });
    if (!filled)
    {
        std::fprintf(stderr, "fixture: %s\n", filled.error().describe().c_str());
        return 1;
    }
    SqlitePanelStore panel(**store);
    const auto request = server::panel::parseReportRequest(query, Date{2025, 2, 1});
    const auto t0 = std::chrono::steady_clock::now();
    auto data = server::panel::loadReport(panel, request);
    const double model = secondsSince(t0);
    if (!data)
        return 1;
    const auto t1 = std::chrono::steady_clock::now();
    auto pdf = server::panel::renderReportPdf(*data);
    const double pdfSeconds = secondsSince(t1);
    if (!pdf)
        return 1;
    std::printf("%-34s %2zu indicators: counted in %6.1f ms, PDF (%zu KiB) in %6.1f ms\n", what, data->lines.size(),
                model * 1000, pdf->size() / 1024, pdfSeconds * 1000);
    return 0;
}
} // namespace

int main()
{
    setenv("TZ", "Europe/Warsaw", 1);
    tzset();
    std::printf("report over a year of 20 000 usage events, 480 duty slots, 600 requests, 350 loans, registers\n");
    int failed = runFor("lapy.json", {{"period", "year"}, {"year", "2024"}}, "Łapy, year 2024");
    failed += runFor("starachowice.json", {{"period", "quarter"}, {"year", "2024"}, {"quarter", "4"}},
                     "Starachowice, Q4 2024");
    return failed;
}
