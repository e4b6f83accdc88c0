// The schedule's store (see activity_store.hpp).
#include "server/store/activity_store.hpp"

#include "server/store/panel_actions.hpp"
#include "server/store/sqlite_reads.hpp"
#include "shared/catalog/activity_rows.hpp"
#include "shared/protocol/activity_json.hpp"
#include "shared/protocol/changes.hpp"
#include "shared/util/uuid.hpp"

#include <algorithm>

namespace okienko::server
{
namespace
{

constexpr const char* kOwnerColumns = ", entered_by_kind, entered_by, created_at";

ActivityRecord readRecord(db::Row& r)
{
    ActivityRecord rec;
    rec.activity = catalog::readActivity(r);
    rec.enteredBy.kind = r.text() == "partner" ? ActivityActor::Kind::Partner : ActivityActor::Kind::Staff;
    rec.enteredBy.id = r.text();
    rec.createdAt = r.int64();
    return rec;
}

/// The activity `id` when it is of `scope`'s sites.
Result<std::optional<ActivityRecord>, db::Error> findIn(db::Database& d, const SiteScope& scope, const std::string& id)
{
    return db::queryOne(d,
                        std::string("SELECT ") + catalog::kActivityColumns + kOwnerColumns +
                            " FROM activities WHERE id = ?1 AND " + scope.clause("site_id", "?2"),
                        readRecord, id, scope.bound());
}

/// The activity as it is now, for every kiosk (an activity is never deleted: it is cancelled).
Status<db::Error> publish(db::Database& d, const domain::Activity& a, std::int64_t now)
{
    return db::exec(d,
                    "INSERT INTO change_log(entity, entity_id, op, data, position, kiosk_id, created_at) "
                    "VALUES (?1, ?2, 'upsert', ?3, NULL, NULL, ?4)",
                    protocol::entity::kActivity, a.id, protocol::encodeActivity(a).dump(), now);
}

/// The services of `site`'s catalogue, which an activity of the site may name.
Result<std::vector<std::string>, db::Error> serviceIds(db::Database& d, const std::string& site)
{
    std::vector<std::string> ids;
    auto st = db::forEachRow(
        d, "SELECT id FROM services WHERE site_id = ?", [&](db::Row& r) { ids.push_back(r.text()); }, site);
    if (!st)
        return makeErr(st.error());
    return ids;
}

/// Whether `actor` may change `stored`; when not, `outcome` says why.
bool mayChange(const std::optional<ActivityRecord>& stored, const ActivityActor& actor, ActivitySaveOutcome& outcome)
{
    if (!stored)
    {
        outcome.result = ActivitySaveResult::Gone;
        return false;
    }
    if (actor.kind == ActivityActor::Kind::Partner &&
        (stored->enteredBy.kind != ActivityActor::Kind::Partner || stored->enteredBy.id != actor.id))
    {
        outcome.result = ActivitySaveResult::NotOwner;
        return false;
    }
    return true;
}

} // namespace

Result<std::vector<ActivityRecord>, db::Error> ActivityStore::list(Date from)
{
    return readAll(m_store,
                   std::string("SELECT ") + catalog::kActivityColumns + kOwnerColumns +
                       " FROM activities WHERE COALESCE(repeat_until, date) >= ?1 AND " +
                       m_scope.clause("site_id", "?2") + " ORDER BY date, start_minute, title_pl, id",
                   readRecord, from.iso(), m_scope.bound());
}

Result<std::vector<std::pair<std::string, std::string>>, db::Error> ActivityStore::services()
{
    return readAll(
        m_store, "SELECT id, name_pl FROM services WHERE site_id = ? ORDER BY position",
        [](db::Row& r)
        {
            std::string id = r.text();
            return std::pair{std::move(id), r.text()};
        },
        site());
}

Result<std::optional<ActivityRecord>, db::Error> ActivityStore::find(const std::string& id)
{
    std::optional<ActivityRecord> found;
    auto st = m_store.read(
        [&](db::Database& d) -> Status<db::Error>
        {
            auto f = findIn(d, m_scope, id);
            if (!f)
                return makeErr(f.error());
            found = std::move(*f);
            return {};
        });
    if (!st)
        return makeErr(st.error());
    return found;
}

Result<ActivitySaveOutcome, db::Error> ActivityStore::save(domain::Activity a, const ActivityActor& actor, Date today,
                                                           std::int64_t now)
{
    return writeWithOutcome(
        m_store, ActivitySaveOutcome{},
        [&](db::Database& d, ActivitySaveOutcome& outcome) -> Status<db::Error>
        {
            const bool adding = a.id.empty();
            if (!adding)
            {
                auto stored = findIn(d, m_scope, a.id);
                if (!stored)
                    return makeErr(stored.error());
                if (!mayChange(*stored, actor, outcome))
                    return {};
                // The form does not carry the dates called off: they stay, those the edited
                // activity still takes place on.
                for (const domain::CancelledDate& c : (*stored)->activity.cancelledDates)
                    if (!domain::occurrenceDates(a, c.date, c.date).empty())
                        a.cancelledDates.push_back(c);
            }
            auto services = serviceIds(d, site());
            if (!services)
                return makeErr(services.error());
            // An edit may keep an activity that has ended (to correct or cancel it); a new one may not.
            outcome.problems = rules::checkActivity(a, adding ? std::optional<Date>(today) : std::nullopt, &*services);
            if (!outcome.problems.empty())
            {
                outcome.result = ActivitySaveResult::Invalid;
                return {};
            }
            if (adding)
                a.id = newUuid();
            outcome.id = a.id;
            if (auto st = catalog::upsertActivity(d, a); !st)
                return st;
            auto owner = adding
                             ? db::exec(d,
                                        "UPDATE activities SET entered_by_kind = ?2, entered_by = ?3, created_at = ?4, "
                                        "site_id = ?5 WHERE id = ?1",
                                        a.id, actor.kindCode(), actor.id, now, site())
                             : db::exec(d, "UPDATE activities SET updated_by = ?2, updated_at = ?3 WHERE id = ?1", a.id,
                                        actor.auditId(), now);
            if (!owner)
                return owner;
            if (auto st = publish(d, a, now); !st)
                return st;
            outcome.result = ActivitySaveResult::Saved;
            return recordPanelAction(d, actor.auditId(), "activity", a.id, adding ? "add" : "edit", now, site());
        });
}

Result<ActivitySaveOutcome, db::Error> ActivityStore::setCancelled(const std::string& id, bool cancelled,
                                                                   const ActivityActor& actor, std::int64_t now)
{
    return changeStored(id, actor, now, cancelled ? "cancel" : "restore",
                        [&](domain::Activity& a)
                        {
                            a.cancelled = cancelled;
                            return std::vector<rules::ActivityProblem>{};
                        });
}

Result<ActivitySaveOutcome, db::Error> ActivityStore::setDateCancelled(const std::string& id, Date day, bool cancelled,
                                                                       const std::string& reason,
                                                                       const ActivityActor& actor, std::int64_t now)
{
    return changeStored(id, actor, now, (cancelled ? "cancel-date " : "restore-date ") + day.iso(),
                        [&](domain::Activity& a)
                        {
                            auto& dates = a.cancelledDates;
                            dates.erase(std::remove_if(dates.begin(), dates.end(),
                                                       [&](const domain::CancelledDate& c) { return c.date == day; }),
                                        dates.end());
                            if (cancelled)
                            {
                                const auto at =
                                    std::find_if(dates.begin(), dates.end(),
                                                 [&](const domain::CancelledDate& c) { return day < c.date; });
                                dates.insert(at, domain::CancelledDate{day, reason});
                            }
                            return rules::checkActivity(a);
                        });
}

std::string ActivityStore::site() const
{
    return m_scope.sites().empty() ? std::string(kDefaultSite) : m_scope.sites().front();
}

Result<ActivitySaveOutcome, db::Error> ActivityStore::changeStored(const std::string& id, const ActivityActor& actor,
                                                                   std::int64_t now, const std::string& action,
                                                                   const ActivityChange& change)
{
    return writeWithOutcome(
        m_store, ActivitySaveOutcome{},
        [&](db::Database& d, ActivitySaveOutcome& outcome) -> Status<db::Error>
        {
            auto stored = findIn(d, m_scope, id);
            if (!stored)
                return makeErr(stored.error());
            if (!mayChange(*stored, actor, outcome))
                return {};
            outcome.id = id;
            domain::Activity a = (*stored)->activity;
            outcome.problems = change(a);
            if (!outcome.problems.empty())
            {
                outcome.result = ActivitySaveResult::Invalid;
                return {};
            }
            if (auto st = catalog::upsertActivity(d, a); !st)
                return st;
            if (auto st = db::exec(d, "UPDATE activities SET updated_by = ?2, updated_at = ?3 WHERE id = ?1", id,
                                   actor.auditId(), now);
                !st)
                return st;
            if (auto st = publish(d, a, now); !st)
                return st;
            outcome.result = ActivitySaveResult::Saved;
            return recordPanelAction(d, actor.auditId(), "activity", id, action, now, site());
        });
}

} // namespace okienko::server
