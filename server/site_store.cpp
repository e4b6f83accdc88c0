// Sites and the sites of staff accounts: the command line's writes and lists.
#include "server/site_store.hpp"

#include "server/store/okienko_try.hpp"
#include "server/store/panel_actions.hpp"
#include "server/store/site_scope.hpp"
#include "shared/db/query.hpp"

#include <optional>

namespace okienko::server
{

namespace
{
constexpr const char* kCliActor = "cli";

std::string databaseProblem(const db::Error& e)
{
    return "database: " + e.describe();
}

/// One write transaction: `work(d)` returns the operator's refusal (rolled back), or nullopt and
/// sets `changed`.
template <typename Work> Result<bool, std::string> change(ServerStore& store, Work work)
{
    std::optional<std::string> refused;
    bool changed = false;
    auto written = store.write(
        [&](db::Database& d) -> Status<db::Error>
        {
            auto outcome = work(d, changed);
            if (!outcome)
                return makeErr(outcome.error());
            refused = std::move(outcome).value();
            if (refused)
                return makeErr(db::notFound("site", *refused));
            return {};
        });
    if (refused)
        return makeErr(*refused);
    if (!written)
        return makeErr(databaseProblem(written.error()));
    return changed;
}

using Refusal = Result<std::optional<std::string>, db::Error>;

Result<bool, db::Error> siteExists(db::Database& d, const std::string& id)
{
    return db::exists(d, "SELECT 1 FROM sites WHERE id = ?", id);
}

std::string noSuchSite(const std::string& id)
{
    return "no site has the id \"" + id + "\" (see site list)";
}

std::string checkName(const std::string& name)
{
    if (name.empty() || name.size() > 200)
        return "--name: 1–200 characters, the CUS's name as coordinators know it";
    return {};
}
} // namespace

Result<bool, std::string> SiteStore::addSite(const std::string& id, const std::string& name, const Now& now)
{
    if (!isValidSiteId(id))
        return makeErr("site id \"" + id + "\": 1–40 of a-z 0-9 - (e.g. starachowice)");
    if (const std::string problem = checkName(name); !problem.empty())
        return makeErr(problem);
    return change(m_store,
                  [&](db::Database& d, bool& changed) -> Refusal
                  {
                      auto taken = siteExists(d, id);
                      if (!taken)
                          return makeErr(taken.error());
                      if (*taken)
                          return std::optional<std::string>("the site \"" + id + "\" already exists");
                      OKIENKO_TRY(
                          db::exec(d, "INSERT INTO sites(id, name, created_at) VALUES (?, ?, ?)", id, name, now.unix));
                      OKIENKO_TRY(recordPanelAction(d, kCliActor, "site", id, "add", now.unix));
                      changed = true;
                      return std::optional<std::string>();
                  });
}

Result<bool, std::string> SiteStore::renameSite(const std::string& id, const std::string& name, const Now& now)
{
    if (const std::string problem = checkName(name); !problem.empty())
        return makeErr(problem);
    return change(m_store,
                  [&](db::Database& d, bool& changed) -> Refusal
                  {
                      auto current = db::queryText(d, "SELECT name FROM sites WHERE id = ?", id);
                      if (!current)
                          return makeErr(current.error());
                      if (!*current)
                          return std::optional<std::string>(noSuchSite(id));
                      if (**current == name)
                          return std::optional<std::string>();
                      OKIENKO_TRY(db::exec(d, "UPDATE sites SET name = ? WHERE id = ?", name, id));
                      OKIENKO_TRY(recordPanelAction(d, kCliActor, "site", id, "rename", now.unix));
                      changed = true;
                      return std::optional<std::string>();
                  });
}

Result<std::vector<SiteListing>, std::string> SiteStore::listSites()
{
    std::vector<SiteListing> out;
    auto read = m_store.read(
        [&](db::Database& d)
        {
            return db::forEachRow(
                d,
                "SELECT s.id, s.name, s.created_at, "
                "(SELECT count(*) FROM kiosks k WHERE k.site_id = s.id AND k.active = 1 AND k.kind = 'kiosk'), "
                "(SELECT count(*) FROM staff_sites x JOIN staff t ON t.id = x.staff_id "
                " WHERE x.site_id = s.id AND t.active = 1) FROM sites s ORDER BY s.id",
                [&](db::Row& r)
                {
                    SiteListing s;
                    s.id = r.text();
                    s.name = r.text();
                    s.createdAt = r.int64();
                    s.kiosks = r.int64();
                    s.staff = r.int64();
                    out.push_back(std::move(s));
                });
        });
    if (!read)
        return makeErr(databaseProblem(read.error()));
    return out;
}

Result<bool, std::string> SiteStore::grantSite(const std::string& staffId, const std::string& siteId, const Now& now)
{
    return change(
        m_store,
        [&](db::Database& d, bool& changed) -> Refusal
        {
            auto site = siteExists(d, siteId);
            if (!site)
                return makeErr(site.error());
            if (!*site)
                return std::optional<std::string>(noSuchSite(siteId));
            auto member = db::exists(d, "SELECT 1 FROM staff WHERE id = ?", staffId);
            if (!member)
                return makeErr(member.error());
            if (!*member)
                return std::optional<std::string>("no staff member has the id \"" + staffId + "\" (see list-staff)");
            OKIENKO_TRY(
                db::exec(d, "INSERT OR IGNORE INTO staff_sites(staff_id, site_id) VALUES (?, ?)", staffId, siteId));
            changed = d.changes() > 0;
            if (changed)
                OKIENKO_TRY(recordPanelAction(d, kCliActor, "staff", staffId, "grant site " + siteId, now.unix));
            return std::optional<std::string>();
        });
}

Result<bool, std::string> SiteStore::revokeSite(const std::string& staffId, const std::string& siteId, const Now& now)
{
    return change(
        m_store,
        [&](db::Database& d, bool& changed) -> Refusal
        {
            auto home = db::queryText(d, "SELECT site_id FROM staff WHERE id = ?", staffId);
            if (!home)
                return makeErr(home.error());
            if (!*home)
                return std::optional<std::string>("no staff member has the id \"" + staffId + "\" (see list-staff)");
            if (**home == siteId)
                return std::optional<std::string>("\"" + siteId + "\" is the home site of " + staffId +
                                                  " (its kiosks check the PIN); it stays");
            OKIENKO_TRY(db::exec(d, "DELETE FROM staff_sites WHERE staff_id = ? AND site_id = ?", staffId, siteId));
            changed = d.changes() > 0;
            if (changed)
            {
                // A session opened on the site it no longer reaches ends now.
                OKIENKO_TRY(
                    db::exec(d, "DELETE FROM panel_sessions WHERE staff_id = ? AND site_id = ?", staffId, siteId));
                OKIENKO_TRY(recordPanelAction(d, kCliActor, "staff", staffId, "revoke site " + siteId, now.unix));
            }
            return std::optional<std::string>();
        });
}

Result<std::vector<std::string>, std::string> SiteStore::sitesOf(const std::string& staffId)
{
    std::vector<std::string> out;
    auto read = m_store.read(
        [&](db::Database& d)
        {
            return db::forEachRow(
                d,
                "SELECT x.site_id FROM staff_sites x JOIN staff t ON t.id = x.staff_id WHERE x.staff_id = ? "
                "ORDER BY x.site_id <> t.site_id, x.site_id",
                [&](db::Row& r) { out.push_back(r.text()); }, staffId);
        });
    if (!read)
        return makeErr(databaseProblem(read.error()));
    return out;
}

Result<bool, std::string> SiteStore::exists(const std::string& id)
{
    bool found = false;
    auto read = m_store.read(
        [&](db::Database& d) -> Status<db::Error>
        {
            auto e = siteExists(d, id);
            if (!e)
                return makeErr(e.error());
            found = *e;
            return {};
        });
    if (!read)
        return makeErr(databaseProblem(read.error()));
    return found;
}

} // namespace okienko::server
