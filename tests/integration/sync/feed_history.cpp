// The catalogue editions are made from the file with nlohmann::json: nothing here knows more of
// the catalogue format than the ids and texts it touches.
#include "tests/integration/sync/feed_history.hpp"

#include "kiosk/sync/change_applier.hpp"
#include "shared/catalog/catalog_store.hpp"
#include "shared/db/query.hpp"
#include "shared/db/transaction.hpp"
#include "shared/protocol/catalog_json.hpp"
#include "shared/protocol/changes.hpp"
#include "shared/protocol/events.hpp"
#include "shared/protocol/payloads.hpp"
#include "shared/text/percent_encode.hpp"
#include "shared/util/uuid.hpp"
#include "tests/support/temp_dir.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>
#include <vector>

namespace okienko::test
{

Date localDay(int days)
{
    const std::time_t t = std::time(nullptr);
    std::tm local{};
    localtime_r(&t, &local);
    return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday}.plusDays(days);
}

FeedHistory::FeedHistory(std::string binary, std::string configPath, sync::HttpsConfig https, std::string catalogueFile,
                         std::string workDir)
    : m_binary(std::move(binary)), m_config(std::move(configPath)), m_client(std::move(https)),
      m_catalogueFile(std::move(catalogueFile)), m_workDir(std::move(workDir))
{
}

Result<std::string, std::string> FeedHistory::admin(const std::string& args) const
{
    const std::string command = "'" + m_binary + "' --config '" + m_config + "' " + args + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr)
        return makeErr("cannot run " + command);
    std::string out;
    char buf[512];
    while (std::fgets(buf, sizeof buf, pipe) != nullptr)
        out += buf;
    if (pclose(pipe) != 0)
        return makeErr(args + ": " + out);
    return out;
}

Status<std::string> FeedHistory::importEdition(int week)
{
    using nlohmann::json;
    json doc = json::parse(readFile(m_catalogueFile), nullptr, false);
    if (!doc.is_object())
        return makeErr("cannot read " + m_catalogueFile);
    // A coordinator's weekly change to one service, and a weekly announcement of which the file
    // keeps the last two: every edition supersedes rows and withdraws one announcement.
    for (auto& s : doc["services"])
        if (s["id"] == "lapy-cas")
            s["summary"]["pl"] = s["summary"]["pl"].get<std::string>() + " (wydanie " + std::to_string(week) + ")";
    for (int w = std::max(0, week - 1); w <= week; ++w)
        doc["announcements"].push_back(
            {{"id", "tydzien-" + std::to_string(w)},
             {"title", {{"pl", "Ogłoszenie tygodnia " + std::to_string(w)}}},
             {"body", {{"pl", "Zajęcia w tym tygodniu: " + std::string(static_cast<std::size_t>(40 + w % 20), 'x')}}}});
    const std::string file = m_workDir + "/edition-" + std::to_string(week) + ".json";
    if (!writeFile(file, doc.dump()))
        return makeErr("cannot write " + file);
    auto imported = admin("import-catalog '" + file + "' --apply");
    if (!imported)
        return makeErr(imported.error());
    return {};
}

Status<std::string> FeedHistory::post(const std::string& body)
{
    auto r = m_client.postJson("/api/v1/events", body);
    if (!r)
        return makeErr("events: " + r.error().message);
    if (r->status != 200)
        return makeErr("events: HTTP " + std::to_string(r->status) + " " + r->body.substr(0, 200));
    if (r->body.find("\"rejected\"") != std::string::npos)
        return makeErr("events: rejected: " + r->body.substr(0, 400));
    return {};
}

Status<std::string> FeedHistory::simulate(int firstWeek, int weeks, int loansPerWeek)
{
    static const char* const kUnits[][2] = {
        {"LAP-WI-001", "wozek-inwalidzki"}, {"LAP-WI-002", "wozek-inwalidzki"}, {"LAP-WI-004", "wozek-inwalidzki"},
        {"LAP-BA-001", "balkonik"},         {"LAP-BA-002", "balkonik"},         {"LAP-KL-001", "kule-lokciowe"},
        {"LAP-KL-002", "kule-lokciowe"},
    };
    const Date day = localDay();
    for (int week = firstWeek; week < firstWeek + weeks; ++week)
    {
        if (auto st = importEdition(week); !st)
            return st;
        const bool last = week == firstWeek + weeks - 1;
        std::vector<protocol::Event> lent, returned;
        for (int i = 0; i < loansPerWeek; ++i)
        {
            const auto& unit = kUnits[static_cast<std::size_t>(m_loanCounter++) % std::size(kUnits)];
            domain::Loan l;
            l.id = newUuid();
            l.inventoryNumber = unit[0];
            l.typeId = unit[1];
            l.borrower = {"Anna Nowak", "600555444", {}};
            l.start = day;
            l.due = day.plusDays(14);
            l.staffId = "st-1";
            l.createdAt = 1718600000;
            lent.push_back(protocol::makeLoanCheckedOut(l));
            if (!last)
                returned.push_back(protocol::makeLoanCheckedIn(
                    newUuid(), 1718600000,
                    protocol::LoanCheckIn{l.id, day, domain::ReturnCondition::Fine, "", "st-1"}));
            // A unit goes out once at a time: each loan is returned before the next one of the unit.
            if (lent.size() == std::size(kUnits) || i == loansPerWeek - 1)
            {
                if (auto st = post(protocol::encodeEventBatch(lent)); !st)
                    return st;
                if (!returned.empty())
                    if (auto st = post(protocol::encodeEventBatch(returned)); !st)
                        return st;
                lent.clear();
                returned.clear();
            }
        }
    }
    return {};
}

Result<PullFigures, std::string> pullAll(db::Database& kiosk, sync::HttpsClient& client, int limit)
{
    PullFigures f;
    const auto started = std::chrono::steady_clock::now();
    for (int guard = 0; guard < 100000; ++guard)
    {
        auto cursor = sync::loadCursor(kiosk);
        if (!cursor)
            return makeErr(cursor.error().describe());
        auto r =
            client.get("/api/v1/changes?since=" + text::percentEncode(*cursor) + "&limit=" + std::to_string(limit));
        if (!r)
            return makeErr("changes: " + r.error().message);
        f.bytes += static_cast<std::int64_t>(r->body.size());
        auto tx = db::Transaction::begin(kiosk);
        if (!tx)
            return makeErr(tx.error().describe());
        if (r->status == 410 && !cursor->empty())
        {
            ++f.resets;
            if (auto st = sync::storeCursor(kiosk, "", 0); !st)
                return makeErr(st.error().describe());
            if (auto st = tx->commit(); !st)
                return makeErr(st.error().describe());
            continue;
        }
        if (r->status != 200)
            return makeErr("changes: HTTP " + std::to_string(r->status) + " " + r->body);
        auto page = protocol::decodeChangesPage(r->body);
        if (!page)
            return makeErr(page.error().describe());
        auto applied = sync::applyChanges(kiosk, *page);
        if (!applied)
            return makeErr(applied.error().describe());
        if (auto st = sync::storeCursor(kiosk, page->cursor, 0); !st)
            return makeErr(st.error().describe());
        if (auto st = tx->commit(); !st)
            return makeErr(st.error().describe());
        ++f.pages;
        f.changes += static_cast<int>(page->changes.size());
        f.swept += applied->swept;
        if (!page->more)
            break;
    }
    f.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return f;
}

std::string kioskState(db::Database& kiosk)
{
    std::string out;
    auto catalogue = catalog::loadCatalog(kiosk);
    out +=
        "catalogue " + (catalogue ? protocol::encodeCatalog(*catalogue).dump() : catalogue.error().describe()) + "\n";
    const char* const tables[] = {
        "SELECT json_array('slot', id, counsellor, room, date, start_minute, booked) FROM counselling_slots",
        "SELECT json_array('activity', id, title_pl, date, start_minute) FROM activities",
        "SELECT json_array('staff', id, name, role, pin_hash) FROM staff",
        "SELECT json_array('pickup', reservation_id, code, type_id, pick_up_date, status, person_name) "
        "FROM staff_pickups",
        "SELECT json_array('loan', loan_id, inventory_number, type_id, start_date, due_date, borrower_name) "
        "FROM staff_loans",
    };
    std::vector<std::string> rows;
    for (const char* sql : tables)
        if (auto listed = db::forEachRow(kiosk, sql, [&](db::Row& row) { rows.push_back(row.text()); }); !listed)
            rows.push_back(listed.error().describe());
    std::sort(rows.begin(), rows.end());
    for (const auto& r : rows)
        out += r + "\n";
    return out;
}

} // namespace okienko::test
