// The equipment waiting list on the server's database: a type's queue in the order joins arrived,
// the offer of a returned and cleaned unit to the first in it (a callback in the coordinators'
// queue, the unit held for `[waiting_list] hold_hours`), the outcomes (taken, declined, expired,
// withdrawn) that pass the unit on, and the availability ledger the server books against, in which
// a held unit is occupied. Every function runs inside the caller's write transaction; the rules
// themselves are shared/rules/waiting_list.
#pragma once

#include "server/server_store.hpp"
#include "shared/db/database.hpp"
#include "shared/domain/waiting_list.hpp"
#include "shared/rules/availability.hpp"
#include "shared/util/result.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace okienko::server
{

/// What the sweep and the offers need to know of the configuration.
struct WaitlistOptions
{
    int holdHours = 48; ///< [waiting_list] hold_hours
};

/// The ledger of one type from the database as it is inside the caller's transaction: units, loans,
/// reservations that occupy a unit, and every unit the waiting list holds (as a loan of that unit
/// through the hold's last day).
Result<rules::AvailabilityLedger, db::Error> buildLedger(db::Database& d, std::string_view site,
                                                         const std::string& typeId, const Now& now);

/// waitlist.joined: the entry joins its type's queue (the event id is the entry's id). Returns its
/// position among the waiting entries of the type.
Result<int, db::Error> joinWaitlist(db::Database& d, const domain::WaitlistJoin& join, std::int64_t kioskId,
                                    const Now& now);

/// A unit became available (returned and cleaned, at a kiosk or in the panel): when nothing holds
/// it and the type's reservations leave it free for the hold's days, the first waiting entry is
/// offered it — held until now + hold_hours, with a callback in the coordinators' queue. Returns
/// the entry offered it, or nullopt.
Result<std::optional<std::string>, db::Error> offerFreedUnit(db::Database& d, std::string_view site,
                                                             const std::string& inventoryNumber, const Now& now,
                                                             const WaitlistOptions& options);

/// The unit was lent (loan.checked_out): its hold ends. The offer becomes Taken when the borrower's
/// phone is the entry's; lent to someone else, the entry goes back to its place in the queue.
Status<db::Error> releaseHoldOnLoan(db::Database& d, std::string_view site, const std::string& inventoryNumber,
                                    const std::string& borrowerPhone, const Now& now, const WaitlistOptions& options);

/// Holds whose time ran out: an open offer expires (its callback closes) and the unit goes to the
/// next in the queue; a taken one only stops holding. Returns how many holds ended.
Result<int, db::Error> sweepWaitlist(db::Database& d, const Now& now, const WaitlistOptions& options);

enum class WaitlistDecisionResult
{
    Recorded,
    NotAllowed, ///< the entry is not in a state this outcome can follow (someone else was quicker)
    Unknown,    ///< no such entry
};

/// A coordinator's outcome for an entry (Taken, Declined, Withdrawn), audited in panel_actions
/// (entity 'waitlist'); the offer's callback is closed, and a declined or withdrawn offer passes
/// the unit on.
Result<WaitlistDecisionResult, db::Error> decideWaitlistEntry(db::Database& d, const std::string& entryId,
                                                              domain::WaitlistStatus outcome,
                                                              const std::string& staffId, const Now& now,
                                                              const WaitlistOptions& options);

} // namespace okienko::server
