// The schedule's activities on the server: read for the panel, the public pages and the report;
// written by whoever enters them — a coordinator in the panel today, a partner institution through
// its own login later — each write checked by shared/rules' activity checks, published to every
// kiosk through the change log (entity "activity") and audited (panel_actions: who, what, when) in
// the same transaction.
#pragma once

#include "server/server_store.hpp"
#include "server/store/site_scope.hpp"
#include "shared/domain/activity.hpp"
#include "shared/rules/activity_rules.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace okienko::server
{

/// Who enters or changes an activity. A partner may change only activities it entered; the CUS's
/// staff may change every one.
struct ActivityActor
{
    enum class Kind
    {
        Staff,   ///< a CUS staff member (the panel); id = staff id
        Partner, ///< a partner institution; id = the institution's id
    };
    Kind kind = Kind::Staff;
    std::string id;

    /// "staff" or "partner" (the entered_by_kind column).
    std::string_view kindCode() const { return kind == Kind::Staff ? "staff" : "partner"; }
    /// The audit row's staff_id: the staff id, or "partner:<id>".
    std::string auditId() const { return kind == Kind::Staff ? id : "partner:" + id; }
};

/// An activity with who entered it.
struct ActivityRecord
{
    domain::Activity activity;
    ActivityActor enteredBy;
    std::int64_t createdAt = 0;
};

enum class ActivitySaveResult
{
    Saved,    ///< added or changed, published
    Invalid,  ///< `problems` says what to fix; nothing written
    Gone,     ///< no activity with that id
    NotOwner, ///< a partner tried to change another's activity
};

struct ActivitySaveOutcome
{
    ActivitySaveResult result = ActivitySaveResult::Saved;
    std::string id; ///< the activity's id (new for an added one)
    std::vector<rules::ActivityProblem> problems;
};

class ActivityStore
{
  public:
    /// The activities of `scope`'s sites (the public pages: the default site's); new ones take the
    /// scope's first site.
    explicit ActivityStore(ServerStore& store, SiteScope scope = SiteScope::defaultSite())
        : m_store(store), m_scope(std::move(scope))
    {
    }

    /// Every activity whose last day is on or after `from`, by first day and start.
    Result<std::vector<ActivityRecord>, db::Error> list(Date from);
    Result<std::optional<ActivityRecord>, db::Error> find(const std::string& id);
    /// The catalogue's services (id, Polish name) in the catalogue's order: what an activity may name.
    Result<std::vector<std::pair<std::string, std::string>>, db::Error> services();

    /// Adds `a` (empty id: a new id is made) or replaces the activity with its id. A new activity
    /// may not end before `today`; a related service must be in the catalogue.
    Result<ActivitySaveOutcome, db::Error> save(domain::Activity a, const ActivityActor& actor, Date today,
                                                std::int64_t now);
    /// Calls the whole activity off (or back on); kiosks and the public pages show it as cancelled.
    Result<ActivitySaveOutcome, db::Error> setCancelled(const std::string& id, bool cancelled,
                                                        const ActivityActor& actor, std::int64_t now);

    /// Calls one date of the activity off, with the reason residents see (`cancelled`), or back on.
    /// The date must be one the activity takes place on; kiosks and the public pages show that day
    /// "odwołane", the report counts it planned and not held.
    Result<ActivitySaveOutcome, db::Error> setDateCancelled(const std::string& id, Date day, bool cancelled,
                                                            const std::string& reason, const ActivityActor& actor,
                                                            std::int64_t now);

  private:
    /// Changes the stored activity: the problems it returns refuse the change (nothing written).
    using ActivityChange = std::function<std::vector<rules::ActivityProblem>(domain::Activity&)>;
    /// Loads `id`, checks the actor may change it, applies `change`, writes the activity whole,
    /// publishes it to kiosks and audits `action`.
    Result<ActivitySaveOutcome, db::Error> changeStored(const std::string& id, const ActivityActor& actor,
                                                        std::int64_t now, const std::string& action,
                                                        const ActivityChange& change);
    /// The site an added activity takes.
    std::string site() const;

    ServerStore& m_store;
    SiteScope m_scope;
};

} // namespace okienko::server
