// The request queues of the panel on SQLite: callback requests and their attempts, reservation
// and counselling decisions, offline conflicts. Every decision is one write transaction with its
// status row for the kiosk that sent the request (change_log, served to that kiosk only) and its
// panel_actions row; a refusal ("stale", "slot taken") is found before anything is written.
#include "server/staff_changes.hpp"
#include "server/store/panel_actions.hpp"
#include "server/store/sqlite_panel_store.hpp"
#include "server/store/sqlite_reads.hpp"
#include "shared/db/query.hpp"
#include "shared/protocol/changes.hpp"

#include <optional>
#include <utility>

namespace okienko::server
{

namespace
{
/// The request's new status for the kiosk that created it.
Status<db::Error> logRequestStatus(db::Database& d, std::string_view entity, const std::string& id,
                                   const std::string& code, const std::string& status, std::int64_t kioskId,
                                   std::int64_t now)
{
    return db::exec(d,
                    "INSERT INTO change_log(entity, entity_id, op, data, position, kiosk_id, created_at) "
                    "VALUES (?, ?, 'upsert', ?, NULL, ?, ?)",
                    entity, id, protocol::encodeRequestStatus({id, code, status}).dump(), kioskId, now);
}

/// Gives `slotId`, booked by request `requestId`, back to the free pool, on every kiosk.
Status<db::Error> releaseSlot(db::Database& d, const std::string& slotId, const std::string& requestId,
                              std::int64_t now)
{
    if (auto e = db::exec(d, "UPDATE counselling_slots SET booked_by = NULL WHERE id = ? AND booked_by = ?", slotId,
                          requestId);
        !e)
        return e;
    return logCounsellingSlotChange(d, slotId, now);
}

/// Marks the open conflicts about `entity` `id` resolved: a coordinator's decision settles them.
Status<db::Error> resolveConflictsOf(db::Database& d, std::string_view entity, const std::string& id, std::int64_t now)
{
    return db::exec(d,
                    "UPDATE conflicts SET resolved_at = ? WHERE entity = ? AND entity_id = ? AND resolved_at IS NULL",
                    now, entity, id);
}

/// A request row as a decision needs it.
struct RequestState
{
    std::string code, status, slotId, kindId;
    std::int64_t kioskId = 0;
};

Status<db::Error> claim(db::Database& d, const std::string& id, const std::string& staffId, std::int64_t now)
{
    return db::exec(d, "UPDATE callback_requests SET claimed_by = ?, claimed_at = ? WHERE id = ?", staffId, now, id);
}

struct CallbackState
{
    std::string code, status, claimedBy;
    std::int64_t kioskId = 0;
    int failed = 0;
};

/// The callback request `id` when it is still open; nullopt when it is gone or finished.
Result<std::optional<CallbackState>, db::Error> openCallback(db::Database& d, const std::string& id,
                                                             const SiteScope& scope)
{
    auto row = db::queryOne(
        d,
        "SELECT code, status, COALESCE(claimed_by, ''), kiosk_id, failed_attempts FROM callback_requests "
        "WHERE id = ? AND " +
            scope.clause("site_id"),
        [](db::Row& r)
        {
            CallbackState c;
            c.code = r.text();
            c.status = r.text();
            c.claimedBy = r.text();
            c.kioskId = r.int64();
            c.failed = r.integer();
            return c;
        },
        id, scope.bound());
    if (!row)
        return makeErr(row.error());
    if (*row && ((*row)->status == "done" || (*row)->status == "closed" || (*row)->status == "cancelled"))
        return std::optional<CallbackState>();
    return std::move(row).value();
}
} // namespace

// --- callbacks ---

Result<std::vector<OpenCallback>, db::Error> SqlitePanelStore::openCallbacks()
{
    return readAll(
        m_store,
        "SELECT c.id, c.code, c.phone, c.day, c.day_part, COALESCE(sv.name_pl, et.name_pl, ''), "
        "c.equipment_type_id <> '', c.first_name, c.language, COALESCE(st.name, ''), "
        "COALESCE(c.claimed_by, ''), c.failed_attempts, c.received_at, c.email, c.message, "
        "k.kind = 'web', COALESCE(w.id, ''), CASE WHEN w.status = 'offered' AND w.hold_released_at IS "
        "NULL THEN COALESCE(w.inventory_number, '') ELSE '' END, COALESCE(w.hold_until, 0) "
        "FROM callback_requests c JOIN kiosks k ON k.id = c.kiosk_id "
        "LEFT JOIN waitlist_entries w ON w.id = c.waitlist_entry_id "
        "LEFT JOIN services sv ON sv.site_id = c.site_id AND sv.id = NULLIF(c.topic_service_id, '') "
        "LEFT JOIN equipment_types et ON et.site_id = c.site_id AND et.id = NULLIF(c.equipment_type_id, '') "
        "LEFT JOIN staff st ON st.id = c.claimed_by "
        "WHERE c.status NOT IN ('done', 'closed', 'cancelled') AND " +
            m_scope.clause("c.site_id") +
            " ORDER BY c.day, CASE c.day_part WHEN 'morning' THEN 0 ELSE 1 END, c.received_at, c.rowid",
        [](db::Row& r)
        {
            OpenCallback c;
            c.id = r.text();
            c.code = r.text();
            c.phone = r.text();
            c.day = r.text();
            c.dayPart = r.text();
            c.topic = r.text();
            c.waitingList = r.flag();
            c.firstName = r.text();
            c.language = r.text();
            c.claimedByName = r.text();
            c.claimedById = r.text();
            c.failedAttempts = r.integer();
            c.receivedAt = r.int64();
            c.email = r.text();
            c.message = r.text();
            c.fromWeb = r.flag();
            c.waitlistEntryId = r.text();
            c.heldUnit = r.text();
            c.holdUntil = r.int64();
            return c;
        },
        m_scope.bound());
}

Result<CallbackActionResult, db::Error> SqlitePanelStore::claimCallback(const std::string& callbackId,
                                                                        const std::string& staffId, std::int64_t now)
{
    return writeWithOutcome<CallbackActionResult>(
        m_store, CallbackActionResult::NotOpen,
        [&](db::Database& d, CallbackActionResult& result) -> Status<db::Error>
        {
            auto open = openCallback(d, callbackId, m_scope);
            if (!open)
                return makeErr(open.error());
            if (!*open)
                return {};
            if (!(*open)->claimedBy.empty() && (*open)->claimedBy != staffId)
            {
                result = CallbackActionResult::ClaimedByOther;
                return {};
            }
            result = CallbackActionResult::Claimed;
            return claim(d, callbackId, staffId, now);
        });
}

Result<CallbackActionResult, db::Error> SqlitePanelStore::recordCallbackAttempt(const CallbackAttempt& attempt,
                                                                                int maxFailedAttempts, std::int64_t now)
{
    const std::string& id = attempt.callbackId;
    return writeWithOutcome<CallbackActionResult>(
        m_store, CallbackActionResult::NotOpen,
        [&](db::Database& d, CallbackActionResult& result) -> Status<db::Error>
        {
            auto open = openCallback(d, id, m_scope);
            if (!open)
                return makeErr(open.error());
            if (!*open)
                return {};
            const CallbackState& c = **open;
            if (auto e = db::exec(d,
                                  "INSERT INTO callback_attempts(callback_id, staff_id, outcome, note, at) "
                                  "VALUES (?,?,?,?,?)",
                                  id, attempt.staffId, attempt.outcome, attempt.note, now);
                !e)
                return e;
            if (c.claimedBy.empty())
                if (auto e = claim(d, id, attempt.staffId, now); !e)
                    return e;
            if (attempt.outcome == "done")
            {
                result = CallbackActionResult::Done;
                if (auto e = db::exec(d, "UPDATE callback_requests SET status = 'done', closed_at = ? WHERE id = ?",
                                      now, id);
                    !e)
                    return e;
                return logRequestStatus(d, protocol::entity::kCallbackRequest, id, c.code, "done", c.kioskId, now);
            }
            const int failed = c.failed + 1;
            if (failed < maxFailedAttempts)
            {
                result = CallbackActionResult::AttemptRecorded;
                return db::exec(d, "UPDATE callback_requests SET failed_attempts = ? WHERE id = ?", failed, id);
            }
            result = CallbackActionResult::Closed;
            const std::string reason =
                (attempt.outcome == "wrong-number" ? std::string("błędny numer") : std::string("brak odpowiedzi")) +
                " — " + std::to_string(failed) + " nieudane próby kontaktu";
            if (auto e = db::exec(d,
                                  "UPDATE callback_requests SET failed_attempts = ?, status = 'closed', "
                                  "closed_at = ?, closed_reason = ? WHERE id = ?",
                                  failed, now, reason, id);
                !e)
                return e;
            return logRequestStatus(d, protocol::entity::kCallbackRequest, id, c.code, "closed", c.kioskId, now);
        });
}

// --- reservations, conflicts, counselling ---

Result<std::vector<PendingReservation>, db::Error> SqlitePanelStore::pendingReservations()
{
    return readAll(
        m_store,
        "SELECT r.id, r.code, COALESCE(t.name_pl, r.type_id), r.pick_up_date, r.loan_days, r.status, "
        "COALESCE(r.person_name, ''), COALESCE(r.person_phone, ''), k.name FROM reservations r JOIN kiosks k "
        "ON k.id = r.kiosk_id LEFT JOIN equipment_types t ON t.site_id = r.site_id AND t.id = r.type_id WHERE "
        "r.code <> '' AND "
        "r.status IN ('provisional', 'held', 'conflict') AND " +
            m_scope.clause("r.site_id") + " ORDER BY r.pick_up_date, r.received_at",
        [](db::Row& r)
        {
            PendingReservation p;
            p.id = r.text();
            p.code = r.text();
            p.typeName = r.text();
            p.pickUpDate = r.text();
            p.loanDays = r.integer();
            p.status = r.text();
            p.personName = r.text();
            p.personPhone = r.text();
            p.kioskName = r.text();
            return p;
        },
        m_scope.bound());
}

Result<std::vector<OpenConflict>, db::Error> SqlitePanelStore::openConflicts()
{
    return readAll(
        m_store,
        "SELECT c.id, c.kind, c.entity, c.entity_id, COALESCE(k.name, ''), c.detail, "
        "c.created_at FROM conflicts c LEFT JOIN kiosks k ON k.id = c.kiosk_id WHERE "
        "c.resolved_at IS NULL AND " +
            m_scope.clause("c.site_id") + " ORDER BY c.created_at",
        [](db::Row& r)
        {
            OpenConflict c;
            c.id = r.int64();
            c.kind = r.text();
            c.entity = r.text();
            c.entityId = r.text();
            c.kioskName = r.text();
            c.detail = r.text();
            c.createdAt = r.int64();
            return c;
        },
        m_scope.bound());
}

Result<std::vector<PendingCounselling>, db::Error> SqlitePanelStore::pendingCounsellingRequests()
{
    return readAll(
        m_store,
        "SELECT r.id, r.code, COALESCE(ck.name_pl, r.kind_id), r.kind_id, COALESCE(r.slot_id, ''), "
        "COALESCE(s.date, ''), COALESCE(s.start_minute, -1), COALESCE(s.room, ''), COALESCE(r.name, ''), "
        "COALESCE(r.phone, '') FROM counselling_requests r LEFT JOIN counselling_slots s ON s.id = "
        "r.slot_id LEFT JOIN counselling_kinds ck ON ck.site_id = r.site_id AND ck.id = r.kind_id "
        "WHERE r.status IN ('received', "
        "'provisional') AND " +
            m_scope.clause("r.site_id") + " ORDER BY r.received_at",
        [](db::Row& r)
        {
            PendingCounselling c;
            c.id = r.text();
            c.code = r.text();
            c.kindName = r.text();
            c.kindId = r.text();
            c.slotId = r.text();
            c.slotDate = r.text();
            c.slotStartMinute = r.integer();
            c.slotRoom = r.text();
            c.name = r.text();
            c.phone = r.text();
            return c;
        },
        m_scope.bound());
}

namespace
{
/// The request `id` when it is of `scope`'s sites (`sql` ends with "WHERE id = ?1").
Result<std::optional<RequestState>, db::Error> requestState(db::Database& d, std::string_view sql,
                                                            const std::string& id, const SiteScope& scope)
{
    const std::string scoped = std::string(sql) + " AND " + scope.clause("site_id", "?2");
    return db::queryOne(
        d, scoped,
        [](db::Row& r)
        {
            RequestState s;
            s.code = r.text();
            s.status = r.text();
            s.kioskId = r.int64();
            s.slotId = r.text();
            s.kindId = r.text();
            return s;
        },
        id, scope.bound());
}
} // namespace

Result<DecisionResult, db::Error> SqlitePanelStore::decideReservation(const std::string& reservationId,
                                                                      ReservationDecision decision,
                                                                      const std::string& staffId, std::int64_t now)
{
    const std::string& id = reservationId;
    const bool confirm = decision == ReservationDecision::Confirm;
    return writeWithOutcome<DecisionResult>(
        m_store, DecisionResult::Stale,
        [&](db::Database& d, DecisionResult& result) -> Status<db::Error>
        {
            auto read =
                requestState(d, "SELECT code, status, kiosk_id, '', '' FROM reservations WHERE id = ?1", id, m_scope);
            if (!read)
                return makeErr(read.error());
            if (!*read)
                return {};
            const RequestState& r = **read;
            const bool open = r.status == "provisional" || r.status == "held" || r.status == "conflict";
            // A conflict means the period no longer fits: confirming it would lend a unit twice.
            if (!open || (confirm && r.status == "conflict"))
                return {};
            const std::string next = confirm ? "confirmed" : "rejected";
            if (auto e = db::exec(d, "UPDATE reservations SET status = ? WHERE id = ?", next, id); !e)
                return e;
            if (auto e = resolveConflictsOf(d, "reservation", id, now); !e)
                return e;
            if (auto e = recordPanelAction(d, staffId, "reservation", id, confirm ? "confirm" : "reject", now, site());
                !e)
                return e;
            if (auto e = logRequestStatus(d, protocol::entity::kReservation, id, r.code, next, r.kioskId, now); !e)
                return e;
            result = confirm ? DecisionResult::Confirmed : DecisionResult::Rejected;
            // Staff mode on every kiosk: a confirmed pick-up is updated, a rejected one disappears.
            return logPickup(d, id, now);
        });
}

Result<DecisionResult, db::Error> SqlitePanelStore::decideCounselling(const std::string& requestId,
                                                                      CounsellingDecision decision,
                                                                      const std::string& targetSlotId,
                                                                      const std::string& staffId, const Now& now,
                                                                      int nowMinuteOfDay)
{
    const std::string& id = requestId;
    return writeWithOutcome<DecisionResult>(
        m_store, DecisionResult::Stale,
        [&](db::Database& d, DecisionResult& result) -> Status<db::Error>
        {
            auto read = requestState(d,
                                     "SELECT code, status, kiosk_id, COALESCE(slot_id, ''), kind_id FROM "
                                     "counselling_requests WHERE id = ?1",
                                     id, m_scope);
            if (!read)
                return makeErr(read.error());
            if (!*read)
                return {};
            const RequestState& r = **read;
            if (decision == CounsellingDecision::Move)
            {
                // The request keeps its id and code; its old slot (if any) goes back to the pool.
                const bool movable = r.status == "received" || r.status == "provisional" || r.status == "confirmed" ||
                                     r.status == "moved";
                if (!movable)
                    return {};
                auto targetFree =
                    db::exists(d,
                               "SELECT 1 FROM counselling_slots WHERE id = ?1 AND id <> ?2 AND booked_by IS NULL "
                               "AND (date > ?3 OR (date = ?3 AND start_minute > ?4)) AND EXISTS (SELECT 1 FROM "
                               "json_each(kind_ids) WHERE value = ?5) AND " +
                                   m_scope.clause("site_id", "?6"),
                               targetSlotId, r.slotId, now.today.iso(), nowMinuteOfDay, r.kindId, m_scope.bound());
                if (!targetFree)
                    return makeErr(targetFree.error());
                if (!*targetFree)
                {
                    result = DecisionResult::SlotTaken;
                    return {};
                }
                if (!r.slotId.empty())
                    if (auto e = releaseSlot(d, r.slotId, id, now.unix); !e)
                        return e;
                if (auto e =
                        db::exec(d, "UPDATE counselling_slots SET booked_by = ? WHERE id = ? AND booked_by IS NULL", id,
                                 targetSlotId);
                    !e)
                    return e;
                if (auto e = logCounsellingSlotChange(d, targetSlotId, now.unix); !e)
                    return e;
                if (auto e = db::exec(d, "UPDATE counselling_requests SET slot_id = ?, status = 'moved' WHERE id = ?",
                                      targetSlotId, id);
                    !e)
                    return e;
                // A request whose slot was taken while its kiosk was offline is settled by the new slot.
                if (auto e = resolveConflictsOf(d, "counselling_request", id, now.unix); !e)
                    return e;
                if (auto e = recordPanelAction(d, staffId, "counselling_request", id, "move", now.unix, site()); !e)
                    return e;
                result = DecisionResult::Moved;
                return logRequestStatus(d, protocol::entity::kCounsellingRequest, id, r.code, "moved", r.kioskId,
                                        now.unix);
            }
            if (r.status != "received" && r.status != "provisional")
                return {};
            const bool confirm = decision == CounsellingDecision::Confirm;
            const std::string next = confirm ? "confirmed" : "cancelled";
            if (auto e = db::exec(d, "UPDATE counselling_requests SET status = ? WHERE id = ?", next, id); !e)
                return e;
            if (!confirm && !r.slotId.empty())
                if (auto e = releaseSlot(d, r.slotId, id, now.unix); !e)
                    return e;
            if (auto e = recordPanelAction(d, staffId, "counselling_request", id, confirm ? "confirm" : "cancel",
                                           now.unix, site());
                !e)
                return e;
            result = confirm ? DecisionResult::Confirmed : DecisionResult::Cancelled;
            return logRequestStatus(d, protocol::entity::kCounsellingRequest, id, r.code, next, r.kioskId, now.unix);
        });
}

Result<DecisionResult, db::Error> SqlitePanelStore::resolveConflict(const std::string& conflictId,
                                                                    const std::string& staffId, std::int64_t now)
{
    return writeWithOutcome<DecisionResult>(
        m_store, DecisionResult::Stale,
        [&](db::Database& d, DecisionResult& result) -> Status<db::Error>
        {
            auto changed =
                db::execChanges(d,
                                "UPDATE conflicts SET resolved_at = ? WHERE id = ? AND resolved_at IS NULL AND " +
                                    m_scope.clause("site_id"),
                                now, conflictId, m_scope.bound());
            if (!changed)
                return makeErr(changed.error());
            if (*changed == 0)
                return {};
            result = DecisionResult::Resolved;
            return recordPanelAction(d, staffId, "conflict", conflictId, "resolve", now, site());
        });
}

} // namespace okienko::server
