// The waiting list's SQL (see waitlist_store.hpp). The queue's order is joined_at (the server's
// clock), then rowid; the rules that decide are shared/rules/waiting_list.
#include "server/waitlist_store.hpp"

#include "server/store/panel_actions.hpp"
#include "server/store/row_reads.hpp"
#include "shared/db/query.hpp"
#include "shared/domain/codes.hpp"
#include "shared/rules/callback_dedup.hpp"
#include "shared/rules/waiting_list.hpp"
#include "shared/util/date_format.hpp"
#include "shared/util/uuid.hpp"

#include <vector>

namespace okienko::server
{

using domain::WaitlistStatus;

namespace
{

WaitlistStatus readStatus(db::Row& row)
{
    auto s = domain::parseWaitlistStatus(row.text());
    if (!s)
        row.fail("unknown waiting-list status");
    return s.value_or(WaitlistStatus::Waiting);
}

/// The local day a Unix time falls on (the server's zone).
Date localDay(std::int64_t unix, Date fallback)
{
    auto local = localDateTimeOf(unix);
    return local ? local->date : fallback;
}

/// One entry with what an offer or an outcome needs.
struct EntryRow
{
    rules::QueueEntry queue;
    std::string code, typeId, inventoryNumber, callbackId, name, phone, language;
    std::int64_t kioskId = 0;
    std::string site; ///< the entry's site: its kiosk's
};

constexpr const char* kEntryColumns =
    "SELECT id, status, joined_at, rowid, hold_until, hold_released_at, code, type_id, COALESCE(inventory_number, ''), "
    "COALESCE(callback_id, ''), COALESCE(name, ''), COALESCE(phone, ''), language, kiosk_id, site_id FROM "
    "waitlist_entries ";

EntryRow readEntry(db::Row& r)
{
    EntryRow e;
    e.queue.id = r.text();
    e.queue.status = readStatus(r);
    e.queue.joinedAt = r.int64();
    e.queue.seq = r.int64();
    e.queue.holdUntil = r.optionalInt64();
    e.queue.holdReleasedAt = r.optionalInt64();
    e.code = r.text();
    e.typeId = r.text();
    e.inventoryNumber = r.text();
    e.callbackId = r.text();
    e.name = r.text();
    e.phone = r.text();
    e.language = r.text();
    e.kioskId = r.int64();
    e.site = r.text();
    return e;
}

template <typename... Values>
Result<std::vector<EntryRow>, db::Error> entries(db::Database& d, const std::string& where, const Values&... values)
{
    std::vector<EntryRow> out;
    OKIENKO_TRY(db::forEachRow(
        d, std::string(kEntryColumns) + where, [&](db::Row& r) { out.push_back(readEntry(r)); }, values...));
    return out;
}

/// Closes the offer's callback if it is still open: done when the resident answered, closed with a
/// reason otherwise.
Status<db::Error> closeOfferCallback(db::Database& d, const std::string& callbackId, bool answered,
                                     const std::string& reason, std::int64_t now)
{
    if (callbackId.empty())
        return {};
    return db::exec(d,
                    "UPDATE callback_requests SET status = ?2, closed_at = ?3, closed_reason = ?4 WHERE id = ?1 AND "
                    "status NOT IN ('done', 'closed', 'cancelled')",
                    callbackId, answered ? "done" : "closed", now, reason);
}

/// The callback an offer puts in the coordinators' queue: the entry's code, phone and first name,
/// today, in the part of the day it is now.
Status<db::Error> addOfferCallback(db::Database& d, const EntryRow& e, const std::string& callbackId, const Now& now)
{
    const auto local = localDateTimeOf(now.unix);
    const bool morning = !local || local->hour < 12;
    const std::string firstName = e.name.substr(0, e.name.find(' '));
    return db::exec(d,
                    "INSERT INTO callback_requests(id, code, phone, phone_key, day, day_part, topic_service_id, "
                    "equipment_type_id, first_name, status, failed_attempts, language, kiosk_id, created_at, "
                    "received_at, waitlist_entry_id) VALUES (?,?,?,?,?,?,'',?,?,'received',0,?,?,?,?,?)",
                    callbackId, e.code, e.phone, rules::callbackPhoneKey(e.phone), now.today.iso(),
                    morning ? "morning" : "afternoon", e.typeId, firstName, e.language, e.kioskId, now.unix, now.unix,
                    e.queue.id);
}

} // namespace

Result<rules::AvailabilityLedger, db::Error> buildLedger(db::Database& d, std::string_view site,
                                                         const std::string& typeId, const Now& now)
{
    const Date today = now.today;
    std::vector<domain::EquipmentUnit> units;
    OKIENKO_TRY(db::forEachRow(
        d,
        "SELECT u.inventory_number, COALESCE(s.state, u.state) FROM equipment_units u LEFT JOIN unit_states s "
        "ON s.site_id = u.site_id AND s.inventory_number = u.inventory_number WHERE u.site_id = ?2 AND u.type_id = ?1",
        [&](db::Row& row)
        {
            domain::EquipmentUnit unit;
            unit.inventoryNumber = row.text();
            unit.typeId = typeId;
            auto state = domain::fromCode<domain::UnitState>(row.text());
            if (!state)
                row.fail("unknown unit state");
            unit.state = state.value_or(domain::UnitState::Retired);
            units.push_back(std::move(unit));
        },
        typeId, site));
    std::vector<domain::Loan> loans;
    OKIENKO_TRY(db::forEachRow(
        d,
        "SELECT inventory_number, start_date, due_date, returned_on FROM loans "
        "WHERE type_id = ?1 AND (returned_on IS NULL OR returned_on > ?2) AND site_id = ?3",
        [&](db::Row& row)
        {
            domain::Loan loan;
            loan.inventoryNumber = row.text();
            loan.typeId = typeId;
            loan.start = readDate(row);
            loan.due = readDate(row);
            if (auto ret = row.optionalText())
                loan.returnedOn = parseIsoDate(*ret);
            loans.push_back(std::move(loan));
        },
        typeId, today.iso(), site));
    // A unit held for the waiting list is occupied as if lent until the hold's last day.
    OKIENKO_TRY(db::forEachRow(
        d,
        "SELECT inventory_number, hold_until FROM waitlist_entries WHERE type_id = ?1 AND status IN ('offered', "
        "'taken') AND hold_released_at IS NULL AND hold_until > ?2 AND inventory_number IS NOT NULL AND site_id = ?3",
        [&](db::Row& row)
        {
            const std::string unit = row.text();
            const std::int64_t until = row.int64();
            loans.push_back(rules::holdAsLoan(unit, typeId, today, localDay(until, today)));
        },
        typeId, now.unix, site));
    std::vector<domain::Reservation> reservations;
    OKIENKO_TRY(db::forEachRow(
        d,
        "SELECT pick_up_date, loan_days, status FROM reservations WHERE type_id = ?1 AND status IN "
        "('provisional', 'held', 'confirmed', 'conflict') AND pick_up_date >= ?2 AND site_id = ?3",
        [&](db::Row& row)
        {
            domain::Reservation r;
            r.typeId = typeId;
            const Date first = readDate(row);
            r.period = DateRange{first, row.integer()};
            auto status = domain::fromCode<domain::ReservationStatus>(row.text());
            if (!status)
                row.fail("unknown reservation status");
            r.status = status.value_or(domain::ReservationStatus::Conflict);
            reservations.push_back(std::move(r));
        },
        typeId, today.plusDays(-rules::kMaxBookingDays - 1).iso(), site));
    return rules::AvailabilityLedger(typeId, units, loans, reservations, today);
}

Result<int, db::Error> joinWaitlist(db::Database& d, const domain::WaitlistJoin& join, std::int64_t kioskId,
                                    const Now& now)
{
    OKIENKO_TRY(db::exec(d,
                         "INSERT INTO waitlist_entries(id, code, type_id, wanted_from, loan_days, name, phone, "
                         "language, kiosk_id, created_at, joined_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                         join.id, join.code, join.typeId, join.wantedFrom.iso(), join.loanDays, join.name, join.phone,
                         domain::languageCode(join.language), kioskId, join.createdAt, now.unix));
    auto queue = entries(d,
                         "WHERE type_id = ? AND status = 'waiting' AND site_id = (SELECT site_id FROM kiosks WHERE id "
                         "= ?)",
                         join.typeId, kioskId);
    if (!queue)
        return makeErr(queue.error());
    std::vector<rules::QueueEntry> q;
    for (const EntryRow& e : *queue)
        q.push_back(e.queue);
    return rules::queuePosition(q, join.id);
}

Result<std::optional<std::string>, db::Error> offerFreedUnit(db::Database& d, std::string_view site,
                                                             const std::string& inventoryNumber, const Now& now,
                                                             const WaitlistOptions& options)
{
    using Offered = std::optional<std::string>;
    auto unit = db::queryOne(
        d,
        "SELECT u.type_id, COALESCE(s.state, u.state) = 'available', EXISTS(SELECT 1 FROM loans l WHERE "
        "l.site_id = u.site_id AND l.inventory_number = u.inventory_number AND l.returned_on IS NULL), EXISTS(SELECT 1 "
        "FROM waitlist_entries w WHERE w.site_id = u.site_id AND w.inventory_number = u.inventory_number AND w.status "
        "IN ('offered', 'taken') AND w.hold_released_at IS NULL AND w.hold_until > ?2) FROM equipment_units u LEFT "
        "JOIN "
        "unit_states s ON s.site_id = u.site_id AND s.inventory_number = u.inventory_number WHERE u.site_id = ?3 AND "
        "u.inventory_number = ?1",
        [](db::Row& r)
        {
            std::string type = r.text();
            const bool available = r.flag();
            const bool lent = r.flag();
            const bool held = r.flag();
            return std::pair{std::move(type), available && !lent && !held};
        },
        inventoryNumber, now.unix, site);
    if (!unit)
        return makeErr(unit.error());
    if (!*unit || !(*unit)->second)
        return Offered{};
    const std::string typeId = (*unit)->first;

    auto waiting = entries(d, "WHERE type_id = ? AND status = 'waiting' AND site_id = ?", typeId, site);
    if (!waiting)
        return makeErr(waiting.error());
    std::vector<rules::QueueEntry> queue;
    for (const EntryRow& e : *waiting)
        queue.push_back(e.queue);
    const auto first = rules::firstInQueue(queue);
    if (!first)
        return Offered{};

    // Holding the unit must not take it from a reservation that counted on it.
    const std::int64_t until = rules::holdEnd(now.unix, options.holdHours);
    const Date lastDay = localDay(until, now.today);
    auto ledger = buildLedger(d, site, typeId, now);
    if (!ledger)
        return makeErr(ledger.error());
    if (!ledger->canBook(DateRange{now.today, static_cast<int>(lastDay.toDays() - now.today.toDays()) + 1}))
        return Offered{};

    EntryRow e = (*waiting)[*first];
    const std::string callbackId = newUuid();
    OKIENKO_TRY(db::exec(d,
                         "UPDATE waitlist_entries SET status = 'offered', inventory_number = ?, offered_at = ?, "
                         "hold_until = ?, callback_id = ? WHERE id = ?",
                         inventoryNumber, now.unix, until, callbackId, e.queue.id));
    OKIENKO_TRY(addOfferCallback(d, e, callbackId, now));
    return Offered{e.queue.id};
}

Status<db::Error> releaseHoldOnLoan(db::Database& d, std::string_view site, const std::string& inventoryNumber,
                                    const std::string& borrowerPhone, const Now& now, const WaitlistOptions& options)
{
    auto held = entries(d,
                        "WHERE inventory_number = ? AND status IN ('offered', 'taken') AND hold_released_at IS NULL "
                        "AND hold_until > ? AND site_id = ?",
                        inventoryNumber, now.unix, site);
    if (!held)
        return makeErr(held.error());
    for (const EntryRow& e : *held)
    {
        const bool theirs = !e.phone.empty() && e.phone == borrowerPhone;
        if (theirs || e.queue.status == WaitlistStatus::Taken)
        {
            OKIENKO_TRY(
                db::exec(d,
                         "UPDATE waitlist_entries SET status = 'taken', hold_released_at = ?2, resolved_at = "
                         "COALESCE(resolved_at, ?2), resolved_by = COALESCE(resolved_by, 'kiosk') WHERE id = ?1",
                         e.queue.id, now.unix));
            OKIENKO_TRY(closeOfferCallback(d, e.callbackId, true, "", now.unix));
            continue;
        }
        // Lent to someone else at the desk: the resident keeps their place and waits for the next unit.
        OKIENKO_TRY(db::exec(d,
                             "UPDATE waitlist_entries SET status = 'waiting', inventory_number = NULL, offered_at = "
                             "NULL, hold_until = NULL, callback_id = NULL WHERE id = ?",
                             e.queue.id));
        OKIENKO_TRY(closeOfferCallback(d, e.callbackId, false,
                                       "lista oczekujących: egzemplarz wypożyczono innej osobie, wraca do kolejki",
                                       now.unix));
    }
    (void)options;
    return {};
}

Result<int, db::Error> sweepWaitlist(db::Database& d, const Now& now, const WaitlistOptions& options)
{
    auto lapsed = entries(d,
                          "WHERE status IN ('offered', 'taken') AND hold_released_at IS NULL AND hold_until <= ? "
                          "ORDER BY hold_until, rowid",
                          now.unix);
    if (!lapsed)
        return makeErr(lapsed.error());
    for (const EntryRow& e : *lapsed)
    {
        if (!rules::holdLapsed(e.queue, now.unix))
            continue;
        if (e.queue.status == WaitlistStatus::Offered)
        {
            OKIENKO_TRY(db::exec(d,
                                 "UPDATE waitlist_entries SET status = 'expired', hold_released_at = ?2, resolved_at = "
                                 "?2, resolved_by = 'system' WHERE id = ?1",
                                 e.queue.id, now.unix));
            OKIENKO_TRY(closeOfferCallback(d, e.callbackId, false,
                                           "lista oczekujących: czas rezerwacji egzemplarza minął", now.unix));
        }
        else
            OKIENKO_TRY(
                db::exec(d, "UPDATE waitlist_entries SET hold_released_at = ? WHERE id = ?", now.unix, e.queue.id));
        auto next = offerFreedUnit(d, e.site, e.inventoryNumber, now, options);
        if (!next)
            return makeErr(next.error());
    }
    return static_cast<int>(lapsed->size());
}

Result<WaitlistDecisionResult, db::Error> decideWaitlistEntry(db::Database& d, const std::string& entryId,
                                                              WaitlistStatus outcome, const std::string& staffId,
                                                              const Now& now, const WaitlistOptions& options)
{
    // An expired hold is settled first, so a late "taken" cannot revive an offer the next one has.
    if (auto swept = sweepWaitlist(d, now, options); !swept)
        return makeErr(swept.error());
    auto found = entries(d, "WHERE id = ?", entryId);
    if (!found)
        return makeErr(found.error());
    if (found->empty())
        return WaitlistDecisionResult::Unknown;
    const EntryRow& e = found->front();
    const WaitlistStatus from = e.queue.status;
    if (!rules::outcomeAllowed(from, outcome))
        return WaitlistDecisionResult::NotAllowed;
    const bool releases = outcome != WaitlistStatus::Taken && from == WaitlistStatus::Offered;
    OKIENKO_TRY(db::exec(d,
                         "UPDATE waitlist_entries SET status = ?2, resolved_at = ?3, resolved_by = ?4, "
                         "hold_released_at = CASE WHEN ?5 THEN ?3 ELSE hold_released_at END WHERE id = ?1",
                         entryId, domain::waitlistStatusCode(outcome), now.unix, staffId, releases ? 1 : 0));
    OKIENKO_TRY(closeOfferCallback(d, e.callbackId, outcome != WaitlistStatus::Withdrawn,
                                   "lista oczekujących: osoba zrezygnowała z kolejki", now.unix));
    OKIENKO_TRY(recordPanelAction(d, staffId, "waitlist", entryId,
                                  "lista oczekujących: " + std::string(domain::waitlistStatusCode(from)) + " -> " +
                                      std::string(domain::waitlistStatusCode(outcome)),
                                  now.unix, e.site));
    if (rules::passesUnitOn(from, outcome))
        if (auto next = offerFreedUnit(d, e.site, e.inventoryNumber, now, options); !next)
            return makeErr(next.error());
    return WaitlistDecisionResult::Recorded;
}

} // namespace okienko::server
