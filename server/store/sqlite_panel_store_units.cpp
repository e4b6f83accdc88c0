// The units page's queries and the desk-side state change on SQLite. The state a unit is in is read
// again inside the write transaction, so two coordinators (or a kiosk's check-in arriving
// meanwhile) cannot both move it: the second one gets the state it found. The units are the
// catalogue site's, so only a session showing that site sees and changes them.
#include "server/residents/service_availability.hpp"
#include "server/store/panel_actions.hpp"
#include "server/store/sqlite_panel_store.hpp"
#include "server/store/sqlite_reads.hpp"
#include "server/waitlist_store.hpp"
#include "shared/db/query.hpp"
#include "shared/domain/codes.hpp"

#include <algorithm>
#include <utility>

namespace okienko::server
{

Result<std::vector<UnitView>, db::Error> SqlitePanelStore::units(const std::string& stateCode)
{
    // The units of the site the panel shows (decision 0015).
    return readAll(
        m_store,
        "SELECT u.inventory_number, COALESCE(t.name_pl, u.type_id), COALESCE(s.state, u.state), "
        "COALESCE(s.notes, u.notes), COALESCE(s.updated_at, 0), (SELECT l.due_date FROM loans l WHERE "
        "l.site_id = u.site_id AND l.inventory_number = u.inventory_number AND l.returned_on IS NULL ORDER BY "
        "l.start_date DESC LIMIT 1), "
        "(SELECT COALESCE(sf.name, a.staff_id) FROM panel_actions a LEFT JOIN staff sf ON sf.id = a.staff_id "
        "WHERE a.entity = 'unit' AND a.entity_id = u.inventory_number AND a.site_id = u.site_id ORDER BY a.id DESC "
        "LIMIT 1), "
        "(SELECT a.at FROM panel_actions a WHERE a.entity = 'unit' AND a.entity_id = u.inventory_number AND "
        "a.site_id = u.site_id ORDER BY a.id DESC LIMIT 1) "
        "FROM equipment_units u LEFT JOIN unit_states s ON s.site_id = u.site_id AND s.inventory_number = "
        "u.inventory_number LEFT JOIN equipment_types t ON t.site_id = u.site_id AND t.id = u.type_id WHERE (?1 = '' "
        "OR COALESCE(s.state, u.state) = ?1) AND u.site_id = ?2 ORDER BY t.position, u.position",
        [](db::Row& r)
        {
            UnitView u;
            u.inventory = r.text();
            u.typeName = r.text();
            u.stateCode = r.text();
            u.state = domain::fromCode<domain::UnitState>(u.stateCode);
            u.notes = r.text();
            u.stateSince = r.int64();
            u.loanDue = r.optionalText();
            u.lastChangedBy = r.optionalText().value_or("");
            u.lastChangedAt = r.optionalInt64().value_or(0);
            return u;
        },
        stateCode, m_scope.catalogueSite());
}

Result<UnitChangeOutcome, db::Error> SqlitePanelStore::changeUnitState(const UnitStateChange& change)
{
    return writeWithOutcome(
        m_store, UnitChangeOutcome{},
        [&](db::Database& d, UnitChangeOutcome& outcome) -> Status<db::Error>
        {
            // Another site's unit is answered as an unknown one.
            const std::string site = m_scope.catalogueSite();
            struct Found
            {
                std::string stateCode;
                std::optional<std::string> openLoanDue;
            };
            auto found = db::queryOne(
                d,
                "SELECT COALESCE(s.state, u.state), (SELECT l.due_date FROM loans l WHERE l.site_id = u.site_id AND "
                "l.inventory_number = u.inventory_number AND l.returned_on IS NULL LIMIT 1) FROM equipment_units u "
                "LEFT JOIN unit_states s ON s.site_id = u.site_id AND s.inventory_number = u.inventory_number WHERE "
                "u.inventory_number = ?1 AND u.site_id = ?2",
                [](db::Row& r) {
                    return Found{r.text(), r.optionalText()};
                },
                change.inventory, site);
            if (!found)
                return makeErr(found.error());
            if (!*found)
            {
                outcome.result = UnitChangeResult::UnknownUnit;
                return {};
            }
            outcome.stateCode = (*found)->stateCode;
            outcome.state = domain::fromCode<domain::UnitState>(outcome.stateCode);
            if (!outcome.state ||
                std::find(change.from.begin(), change.from.end(), *outcome.state) == change.from.end())
            {
                outcome.result = UnitChangeResult::WrongState;
                return {};
            }
            if ((*found)->openLoanDue)
            {
                // The state says otherwise, but a loan is open: it is out of the building.
                outcome.result = UnitChangeResult::OpenLoan;
                outcome.loanDue = *(*found)->openLoanDue;
                return {};
            }
            const std::string next(domain::toCode(change.to));
            if (change.note.empty())
            {
                if (auto e =
                        db::exec(d,
                                 "INSERT INTO unit_states(inventory_number, state, notes, updated_at, site_id) "
                                 "SELECT inventory_number, ?2, notes, ?3, site_id FROM equipment_units WHERE "
                                 "inventory_number = ?1 AND site_id = ?4 ON CONFLICT(site_id, inventory_number) DO "
                                 "UPDATE SET state = ?2, updated_at = ?3",
                                 change.inventory, next, change.now, site);
                    !e)
                    return e;
            }
            else if (auto e = db::exec(d,
                                       "INSERT INTO unit_states(inventory_number, state, notes, updated_at, site_id) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(site_id, inventory_number) DO UPDATE "
                                       "SET state = ?2, notes = ?3, updated_at = ?4",
                                       change.inventory, next, change.note, change.now, site);
                     !e)
                return e;
            // A unit back to available is free capacity of the rental (server/residents).
            if (change.to == domain::UnitState::Available)
                if (auto e = residents::equipmentBecameAvailable(d, site, nowAt(change.now)); !e)
                    return e;
            if (auto e = logUnitChange(d, site, change.inventory, change.now); !e)
                return e;
            outcome.result = UnitChangeResult::Changed;
            if (auto e = recordPanelAction(d, change.staffId, "unit", change.inventory,
                                           change.action + ": " + outcome.stateCode + " -> " + next, change.now);
                !e)
                return e;
            // Cleaned (or repaired) and ready: the first in the type's waiting list is offered it.
            if (change.to != domain::UnitState::Available)
                return {};
            auto offered = offerFreedUnit(d, site, change.inventory, nowAt(change.now), m_store.waitlistOptions());
            if (!offered)
                return makeErr(offered.error());
            return {};
        });
}

} // namespace okienko::server
