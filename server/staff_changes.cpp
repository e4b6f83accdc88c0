// Reads the current row and turns it into one change-log row (kiosk_id NULL: every kiosk). A row the
// kiosk's codec would refuse is never published: a change that does not decode stops every kiosk's
// pull, so it is logged as a delete and reported without its values.
#include "server/staff_changes.hpp"

#include "shared/db/query.hpp"
#include "shared/domain/codes.hpp"
#include "shared/protocol/changes.hpp"
#include "shared/util/log_escape.hpp"

#include <cstdio>
#include <optional>

namespace okienko::server
{

namespace
{
using protocol::ChangeOp;
using protocol::Json;

Status<db::Error> logBroadcast(db::Database& d, std::string_view entity, const std::string& id,
                               const std::optional<Json>& data, std::int64_t now)
{
    const ChangeOp op = data ? ChangeOp::Upsert : ChangeOp::Delete;
    if (!data)
    {
        // The reservation or loan ended: its name and phone should not outlive it in the log either
        // (the log is never compacted, and a new kiosk pulls it from the start). Earlier upserts of
        // the id become tombstones; a kiosk that has not pulled them ends in the same state (gone).
        if (auto scrubbed = db::exec(d,
                                     "UPDATE change_log SET op = 'delete', data = '{}' WHERE entity = ? AND "
                                     "entity_id = ? AND op = 'upsert'",
                                     entity, id);
            !scrubbed)
            return scrubbed;
    }
    return db::exec(d,
                    "INSERT INTO change_log(entity, entity_id, op, data, position, kiosk_id, created_at) "
                    "VALUES (?, ?, ?, ?, NULL, NULL, ?)",
                    entity, id, protocol::toCode(op), data ? data->dump() : std::string("{}"), now);
}

/// `encoded` when the kiosk's decoder accepts it, else nullopt (reported by entity and id only).
template <typename Decode>
std::optional<Json> publishable(Json encoded, Decode decode, std::string_view entity, const std::string& id)
{
    auto check = decode(encoded, "$");
    if (check)
        return encoded;
    std::fprintf(stderr, "okienko-central: %.*s %s not published: %s\n", static_cast<int>(entity.size()), entity.data(),
                 util::escapeForLog(id).c_str(), util::escapeForLog(check.error().describe()).c_str());
    return std::nullopt;
}

/// The change-log row of `entity` `id`: the notice `readNotice` makes of the row `sql` finds for
/// `id` (nullopt: nothing for the kiosks to show, so the entity is logged as deleted), published
/// when the kiosk's decoder accepts it.
template <typename ReadNotice, typename Encode, typename Decode>
Status<db::Error> logNotice(db::Database& d, std::string_view entity, const std::string& id, std::int64_t now,
                            std::string_view sql, ReadNotice readNotice, Encode encode, Decode decode)
{
    auto notice = db::queryOne(d, sql, readNotice, id);
    if (!notice)
        return makeErr(notice.error());
    std::optional<Json> data;
    // No row and a row with nothing to show both log a delete.
    if (const auto& found = notice.value(); found && *found)
        data = publishable(encode(**found), decode, entity, id);
    return logBroadcast(d, entity, id, data, now);
}
} // namespace

Status<db::Error> logPickup(db::Database& d, const std::string& reservationId, std::int64_t now)
{
    return logNotice(
        d, protocol::entity::kPickup, reservationId, now,
        "SELECT code, type_id, pick_up_date, loan_days, status, COALESCE(person_name, ''), "
        "COALESCE(person_phone, '') FROM reservations WHERE id = ?",
        [&](db::Row& r) -> std::optional<protocol::PickupNotice>
        {
            protocol::PickupNotice p;
            p.reservationId = reservationId;
            p.code = r.text();
            p.typeId = r.text();
            p.pickUpDate = parseIsoDate(r.text()).value_or(Date{});
            p.loanDays = r.integer();
            auto status = domain::fromCode<domain::ReservationStatus>(r.text());
            const bool waiting = status && (*status == domain::ReservationStatus::Provisional ||
                                            *status == domain::ReservationStatus::Held ||
                                            *status == domain::ReservationStatus::Confirmed);
            p.name = r.text();
            p.phone = r.text();
            if (!waiting || p.name.empty() || p.phone.empty())
                return std::nullopt;
            p.status = *status;
            return p;
        },
        protocol::encodePickup, protocol::decodePickup);
}

Status<db::Error> logOpenLoan(db::Database& d, const std::string& loanId, std::int64_t now)
{
    return logNotice(
        d, protocol::entity::kOpenLoan, loanId, now,
        "SELECT inventory_number, type_id, start_date, due_date, COALESCE(borrower_name, ''), "
        "COALESCE(borrower_phone, '') FROM loans WHERE id = ? AND returned_on IS NULL",
        [&](db::Row& r) -> std::optional<protocol::OpenLoanNotice>
        {
            protocol::OpenLoanNotice l;
            l.loanId = loanId;
            l.inventoryNumber = r.text();
            l.typeId = r.text();
            l.start = parseIsoDate(r.text()).value_or(Date{});
            l.due = parseIsoDate(r.text()).value_or(Date{});
            l.name = r.text();
            l.phone = r.text();
            return l;
        },
        protocol::encodeOpenLoan, protocol::decodeOpenLoan);
}

Status<db::Error> logStaffMember(db::Database& d, const std::string& staffId, std::int64_t now)
{
    return logNotice(
        d, protocol::entity::kStaff, staffId, now, "SELECT name, role, pin_hash, active FROM staff WHERE id = ?",
        [&](db::Row& r) -> std::optional<domain::Staff>
        {
            domain::Staff s;
            s.id = staffId;
            s.name = r.text();
            auto role = domain::fromCode<domain::StaffRole>(r.text());
            s.pinHash = r.text();
            s.active = r.integer() != 0;
            // Counsellors have no kiosk staff mode (product.md §2) and deactivated staff none any more:
            // both are a delete, so no kiosk keeps their PIN hash (reactivation sends it again).
            if (!role || *role == domain::StaffRole::Counsellor || !s.active)
                return std::nullopt;
            s.role = *role;
            return s;
        },
        protocol::encodeStaff, protocol::decodeStaff);
}

} // namespace okienko::server
