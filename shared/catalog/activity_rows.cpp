// The activities table's common columns (see activity_rows.hpp).
#include "shared/catalog/activity_rows.hpp"

#include <nlohmann/json.hpp>

namespace okienko::catalog
{

const char* const kActivitiesTableSql = R"sql(
CREATE TABLE activities (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    title_pl TEXT NOT NULL, title_uk TEXT NOT NULL, title_en TEXT NOT NULL,
    service_id TEXT NOT NULL DEFAULT '',
    area TEXT,
    place TEXT NOT NULL,
    date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
    end_minute INTEGER NOT NULL CHECK (end_minute > start_minute AND end_minute <= 1439),
    weekly INTEGER NOT NULL CHECK (weekly IN (0, 1)),
    repeat_until TEXT CHECK (repeat_until IS NULL OR repeat_until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    capacity INTEGER CHECK (capacity IS NULL OR capacity BETWEEN 1 AND 1000),
    sign_up_pl TEXT NOT NULL, sign_up_uk TEXT NOT NULL, sign_up_en TEXT NOT NULL,
    cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),
    CHECK ((weekly = 1) = (repeat_until IS NOT NULL))
) STRICT;
CREATE INDEX activities_last_day ON activities(COALESCE(repeat_until, date));
)sql";

const char* const kActivityCancelledDatesSql = R"sql(
ALTER TABLE activities ADD COLUMN cancelled_dates TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(cancelled_dates));
)sql";

const char* const kActivityColumns =
    "id, kind, title_pl, title_uk, title_en, service_id, area, place, date, start_minute, end_minute, weekly, "
    "repeat_until, capacity, sign_up_pl, sign_up_uk, sign_up_en, cancelled, cancelled_dates";

namespace
{
using Json = nlohmann::json;

std::string cancelledDatesJson(const std::vector<domain::CancelledDate>& dates)
{
    Json out = Json::array();
    for (const auto& c : dates)
        out.push_back({{"date", c.date.iso()}, {"reason", c.reason}});
    return out.dump();
}

/// The stored list; false for a text that is not such a list.
bool readCancelledDates(const std::string& text, std::vector<domain::CancelledDate>& out)
{
    const Json j = Json::parse(text, nullptr, false);
    if (!j.is_array())
        return false;
    for (const auto& e : j)
    {
        if (!e.is_object() || !e.contains("date") || !e["date"].is_string() || !e.contains("reason") ||
            !e["reason"].is_string())
            return false;
        const auto day = parseIsoDate(e["date"].get<std::string>());
        if (!day)
            return false;
        out.push_back({*day, e["reason"].get<std::string>()});
    }
    return true;
}
} // namespace

domain::Activity readActivity(db::Row& r)
{
    domain::Activity a;
    a.id = r.text();
    const std::string kind = r.text();
    if (auto k = domain::parseActivityKind(kind))
        a.kind = *k;
    else
        r.fail("unknown activity kind");
    a.title.pl = r.text();
    a.title.uk = r.text();
    a.title.en = r.text();
    a.serviceId = r.text();
    if (auto area = r.optionalText())
    {
        if (auto parsed = domain::parseArea(*area))
            a.area = *parsed;
        else
            r.fail("unknown area code");
    }
    a.place = r.text();
    const std::string date = r.text();
    if (auto d = parseIsoDate(date))
        a.date = *d;
    else
        r.fail("bad activity date");
    a.startMinute = r.integer();
    a.endMinute = r.integer();
    a.weekly = r.flag();
    if (auto until = r.optionalText())
    {
        if (auto d = parseIsoDate(*until))
            a.until = *d;
        else
            r.fail("bad repeat_until");
    }
    if (auto capacity = r.optionalInt64())
        a.capacity = static_cast<int>(*capacity);
    a.signUp.pl = r.text();
    a.signUp.uk = r.text();
    a.signUp.en = r.text();
    a.cancelled = r.flag();
    if (!readCancelledDates(r.text(), a.cancelledDates))
        r.fail("bad cancelled_dates");
    return a;
}

Status<db::Error> upsertActivity(db::Database& d, const domain::Activity& a)
{
    const std::optional<std::string> area =
        a.area ? std::optional<std::string>(std::string(domain::areaCode(*a.area))) : std::nullopt;
    const std::optional<std::string> until = a.until ? std::optional<std::string>(a.until->iso()) : std::nullopt;
    const std::optional<std::int64_t> capacity =
        a.capacity ? std::optional<std::int64_t>(*a.capacity) : std::optional<std::int64_t>();
    return db::exec(
        d,
        "INSERT INTO activities(id, kind, title_pl, title_uk, title_en, service_id, area, place, date, "
        "start_minute, end_minute, weekly, repeat_until, capacity, sign_up_pl, sign_up_uk, sign_up_en, "
        "cancelled, cancelled_dates) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
        "?17, ?18, ?19) "
        "ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, title_pl = excluded.title_pl, "
        "title_uk = excluded.title_uk, title_en = excluded.title_en, service_id = excluded.service_id, "
        "area = excluded.area, place = excluded.place, date = excluded.date, "
        "start_minute = excluded.start_minute, end_minute = excluded.end_minute, "
        "weekly = excluded.weekly, repeat_until = excluded.repeat_until, capacity = excluded.capacity, "
        "sign_up_pl = excluded.sign_up_pl, sign_up_uk = excluded.sign_up_uk, "
        "sign_up_en = excluded.sign_up_en, cancelled = excluded.cancelled, cancelled_dates = excluded.cancelled_dates",
        a.id, std::string(domain::activityKindCode(a.kind)), a.title.pl, a.title.uk, a.title.en, a.serviceId, area,
        a.place, a.date.iso(), a.startMinute, a.endMinute, a.weekly, until, capacity, a.signUp.pl, a.signUp.uk,
        a.signUp.en, a.cancelled, cancelledDatesJson(a.cancelledDates));
}

Result<std::vector<domain::Activity>, db::Error> loadActivities(db::Database& d, Date from)
{
    std::vector<domain::Activity> out;
    auto st = db::forEachRow(
        d,
        std::string("SELECT ") + kActivityColumns +
            " FROM activities WHERE COALESCE(repeat_until, date) >= ?1 ORDER BY date, start_minute, title_pl, id",
        [&](db::Row& r) { out.push_back(readActivity(r)); }, from.iso());
    if (!st)
        return makeErr(st.error());
    return out;
}

} // namespace okienko::catalog
