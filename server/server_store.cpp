// The server store: catalogue import with change-log rows, event application, holds, counselling
// bookings, change paging, heartbeats. Every SQL value is bound, never spliced.
#include "server/server_store.hpp"

#include "server/change_feed.hpp"
#include "server/credentials.hpp"
#include "server/residents/service_availability.hpp"
#include "server/server_schema.hpp"
#include "server/staff_changes.hpp"
#include "server/store/indicator_rows.hpp"
#include "server/store/okienko_try.hpp"
#include "server/store/row_reads.hpp"
#include "server/store/site_scope.hpp"
#include "server/waitlist_store.hpp"
#include "shared/catalog/catalog_store.hpp"
#include "shared/db/query.hpp"
#include "shared/db/transaction.hpp"
#include "shared/domain/codes.hpp"
#include "shared/protocol/catalog_json.hpp"
#include "shared/protocol/changes.hpp"
#include "shared/protocol/payloads.hpp"
#include "shared/rules/availability.hpp"
#include "shared/rules/callback_dedup.hpp"
#include "shared/util/date_format.hpp"
#include "shared/util/uuid.hpp"

#include <cstdio>
#include <ctime>
#include <map>
#include <set>

namespace okienko::server
{

using protocol::Json;

namespace
{
using ApplyResult = Result<protocol::EventResult, db::Error>;

db::Error badData(const std::string& what)
{
    return db::makeError(db::ErrorKind::BadData, what, "server store");
}

// --- typed column readers: a stored value this build cannot read is BadData, not a default ---

/// The enum whose code the row's next column holds; a code this build does not know marks the row
/// bad with `unknown`.
template <typename E> E readCode(db::Row& row, const char* unknown)
{
    auto value = domain::fromCode<E>(row.text());
    if (!value)
    {
        row.fail(unknown);
        return E{};
    }
    return *value;
}

// --- change-log rows ---

Status<db::Error> logChange(db::Database& d, std::string_view entity, const std::string& id, protocol::ChangeOp op,
                            const Json& data, std::optional<int> position, std::optional<std::int64_t> kioskId,
                            std::int64_t now)
{
    return db::exec(d,
                    "INSERT INTO change_log(entity, entity_id, op, data, position, kiosk_id, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    entity, id, protocol::toCode(op), data.dump(), position, kioskId, now);
}

/// An upsert without a position, for every kiosk.
Status<db::Error> logUpsert(db::Database& d, std::string_view entity, const std::string& id, const Json& data,
                            std::int64_t now)
{
    return logChange(d, entity, id, protocol::ChangeOp::Upsert, data, std::nullopt, std::nullopt, now);
}

/// A tombstone for every kiosk: the entity is gone.
Status<db::Error> logDelete(db::Database& d, std::string_view entity, const std::string& id, std::int64_t now)
{
    return logChange(d, entity, id, protocol::ChangeOp::Delete, Json::object(), std::nullopt, std::nullopt, now);
}

Status<db::Error> logRequestStatus(db::Database& d, std::string_view entity, const std::string& id,
                                   const std::string& code, std::string_view status, std::int64_t kioskId,
                                   std::int64_t now)
{
    return logChange(d, entity, id, protocol::ChangeOp::Upsert,
                     protocol::encodeRequestStatus({id, code, std::string(status)}), std::nullopt, kioskId, now);
}

/// A reservation's new status: for the kiosk that sent it, and in every kiosk's staff feed.
Status<db::Error> logReservationStatus(db::Database& d, const std::string& id, const std::string& code,
                                       std::string_view status, std::int64_t kioskId, std::int64_t now)
{
    OKIENKO_TRY(logRequestStatus(d, protocol::entity::kReservation, id, code, status, kioskId, now));
    return logPickup(d, id, now);
}

/// Runs `sql`, an `UPDATE reservations SET status = <status> … RETURNING id, code, kiosk_id`, and
/// once it has finished logs every reservation it changed (logReservationStatus).
template <typename... A>
Status<db::Error> updateReservationStatus(db::Database& d, std::string_view status, std::int64_t now,
                                          std::string_view sql, const A&... args)
{
    struct Changed
    {
        std::string id, code;
        std::int64_t kiosk = 0;
    };
    std::vector<Changed> changed;
    OKIENKO_TRY(db::forEachRow(
        d, sql,
        [&](db::Row& row)
        {
            Changed c;
            c.id = row.text();
            c.code = row.text();
            c.kiosk = row.int64();
            changed.push_back(std::move(c));
        },
        args...));
    for (const auto& c : changed)
        OKIENKO_TRY(logReservationStatus(d, c.id, c.code, status, c.kiosk, now));
    return {};
}

/// A change-log row of a catalogue entry (and of a unit) for every kiosk of `site`: the writer names
/// the site, the schema's trigger leaves catalogue rows as written (decision 0015).
Status<db::Error> logCatalogueChange(db::Database& d, std::string_view site, std::string_view entity,
                                     const std::string& id, protocol::ChangeOp op, const std::string& data,
                                     std::optional<int> position, std::int64_t now)
{
    return db::exec(d,
                    "INSERT INTO change_log(entity, entity_id, op, data, position, kiosk_id, created_at, site_id) "
                    "VALUES (?, ?, ?, ?, ?, NULL, ?, ?)",
                    entity, id, protocol::toCode(op), data, position, now, site);
}

/// Writes the unit's current (live) state to the change log for every kiosk of its site.
Status<db::Error> logUnit(db::Database& d, std::string_view site, const std::string& inventoryNumber, std::int64_t now)
{
    struct UnitRow
    {
        domain::EquipmentUnit unit;
        int position = 0;
    };
    auto row = db::queryOne(
        d,
        "SELECT u.type_id, COALESCE(s.state, u.state), COALESCE(s.notes, u.notes), u.position "
        "FROM equipment_units u LEFT JOIN unit_states s ON s.site_id = u.site_id AND s.inventory_number = "
        "u.inventory_number WHERE u.site_id = ?2 AND u.inventory_number = ?1",
        [&](db::Row& r)
        {
            UnitRow u;
            u.unit.inventoryNumber = inventoryNumber;
            u.unit.typeId = r.text();
            u.unit.state = readCode<domain::UnitState>(r, "unknown unit state");
            u.unit.notes = r.text();
            u.position = r.integer();
            return u;
        },
        inventoryNumber, site);
    if (!row)
        return makeErr(row.error());
    if (!*row)
        return {};
    return logCatalogueChange(d, site, protocol::entity::kUnit, inventoryNumber, protocol::ChangeOp::Upsert,
                              protocol::encodeUnit((*row)->unit).dump(), (*row)->position, now);
}

Status<db::Error> addConflict(db::Database& d, std::string_view kind, std::string_view entity, const std::string& id,
                              std::int64_t kioskId, const std::string& detail, std::int64_t now)
{
    return db::exec(d,
                    "INSERT INTO conflicts(kind, entity, entity_id, kiosk_id, detail, created_at) VALUES (?,?,?,?,?,?)",
                    kind, entity, id, kioskId, detail, now);
}

Date plusWorkingDays(Date from, int n)
{
    Date d = from;
    int added = 0;
    while (added < n)
    {
        d = d.plusDays(1);
        if (d.weekday() < 5)
            ++added;
    }
    return d;
}

/// Holds whose reservation.created did not arrive in time, or that were not collected, expire.
Status<db::Error> sweepHolds(db::Database& d, const Now& now)
{
    return updateReservationStatus(
        d, "expired", now.unix,
        "UPDATE reservations SET status = 'expired' WHERE status = 'held' AND id IN "
        "(SELECT reservation_id FROM holds WHERE (claimed = 0 AND claim_by < ?1) OR pick_up_by < ?2) "
        "RETURNING id, code, kiosk_id",
        now.unix, now.today.iso());
}

/// One counselling slot in the column order of kSlotColumns.
domain::CounsellingSlot readSlot(db::Row& row)
{
    domain::CounsellingSlot s;
    s.id = row.text();
    const Json kinds = Json::parse(row.text(), nullptr, false);
    if (kinds.is_array())
        for (const auto& k : kinds)
            if (k.is_string())
                s.kindIds.push_back(k.get<std::string>());
    s.counsellor = row.text();
    s.room = row.text();
    s.date = readDate(row);
    s.startMinute = row.integer();
    s.durationMinutes = row.integer();
    s.booked = row.optionalText().has_value();
    return s;
}

constexpr const char* kSlotColumns = "id, kind_ids, counsellor, room, date, start_minute, duration_minutes, booked_by";

/// Slot `id`; with `site`, only when it is that site's (a kiosk never books another site's slot).
Result<std::optional<domain::CounsellingSlot>, db::Error> findSlot(db::Database& d, const std::string& id,
                                                                   std::optional<std::string> site = std::nullopt)
{
    return db::queryOne(d,
                        std::string("SELECT ") + kSlotColumns +
                            " FROM counselling_slots WHERE id = ?1 AND (?2 IS NULL OR site_id = ?2)",
                        readSlot, id, site);
}

/// True when slot `slotId` is booked by request `requestId` (a retry of a booking that was made).
Result<bool, db::Error> slotBookedBy(db::Database& d, const std::string& slotId, const std::string& requestId)
{
    return db::exists(d, "SELECT 1 FROM counselling_slots WHERE id = ? AND booked_by = ?", slotId, requestId);
}

bool offersKind(const domain::CounsellingSlot& slot, const std::string& kindId)
{
    for (const auto& k : slot.kindIds)
        if (k == kindId)
            return true;
    return false;
}

Result<std::vector<domain::CounsellingSlot>, db::Error> freeSlots(db::Database& d, const std::string& kindId, Date from,
                                                                  std::size_t max, const std::string& site)
{
    std::vector<domain::CounsellingSlot> out;
    OKIENKO_TRY(db::forEachRow(
        d,
        std::string("SELECT ") + kSlotColumns +
            " FROM counselling_slots WHERE booked_by IS NULL AND date >= ? AND site_id = ? "
            "AND EXISTS (SELECT 1 FROM json_each(kind_ids) WHERE value = ?) ORDER BY date, start_minute "
            "LIMIT ?",
        [&](db::Row& row) { out.push_back(readSlot(row)); }, from.iso(), site, kindId, static_cast<std::int64_t>(max)));
    return out;
}

Status<db::Error> bookSlot(db::Database& d, domain::CounsellingSlot slot, const std::string& requestId,
                           std::int64_t now)
{
    OKIENKO_TRY(db::exec(d, "UPDATE counselling_slots SET booked_by = ? WHERE id = ? AND booked_by IS NULL", requestId,
                         slot.id));
    slot.booked = true;
    return logUpsert(d, protocol::entity::kCounsellingSlot, slot.id, protocol::encodeSlot(slot), now);
}

Outcome errorOutcome(int status, std::string code, std::string message)
{
    Outcome o;
    o.status = status;
    o.errorCode = std::move(code);
    o.errorMessage = std::move(message);
    return o;
}

protocol::EventResult rejected(const std::string& id, std::string code, Json data = Json::object())
{
    return protocol::EventResult{id, protocol::EventStatus::Rejected, std::move(code), std::move(data)};
}

/// Rejected for the value at `path` (a JSON path into the event).
protocol::EventResult rejectedAt(const std::string& id, std::string code, const char* path)
{
    return rejected(id, std::move(code), Json{{"path", path}});
}

protocol::EventResult applied(const std::string& id, Json data = Json::object())
{
    return protocol::EventResult{id, protocol::EventStatus::Applied, "", std::move(data)};
}

/// What every event application works with besides the event's decoded payload.
struct EventContext
{
    db::Database& d;
    const KioskIdentity& kiosk;
    const std::string& eventId;
    const Now& now;
    bool storePesel = false; ///< [retention] store_pesel: else a PESEL staff typed is never stored
    WaitlistOptions waitlist;
};

/// Hands the decoded payload to `apply`; a payload that did not decode is rejected with the
/// decoder's error code, path and message.
template <typename Payload, typename Apply>
ApplyResult applyDecoded(const EventContext& c, Result<Payload, protocol::ProtocolError> decoded, Apply apply)
{
    if (!decoded)
    {
        const protocol::ProtocolError& e = decoded.error();
        return rejected(c.eventId, std::string(protocol::errorCodeName(e.code)),
                        Json{{"path", e.path}, {"message", e.message}});
    }
    return apply(c, std::move(decoded).value());
}

/// A reservation as stored, with its hold if it has one: what a repeated reservation id is checked
/// against.
struct StoredReservation
{
    std::string status;
    std::string typeId;
    std::string pickUpDate;
    int loanDays = 0;
    std::int64_t kioskId = 0;
    std::optional<std::int64_t> claimBy; ///< the hold's; nullopt without a hold
    std::optional<std::string> pickUpBy; ///< the hold's
};

Result<std::optional<StoredReservation>, db::Error> findReservation(db::Database& d, const std::string& id)
{
    return db::queryOne(
        d,
        "SELECT r.status, r.type_id, r.pick_up_date, r.loan_days, r.kiosk_id, h.claim_by, h.pick_up_by "
        "FROM reservations r LEFT JOIN holds h ON h.reservation_id = r.id WHERE r.id = ?",
        [](db::Row& row)
        {
            StoredReservation r;
            r.status = row.text();
            r.typeId = row.text();
            r.pickUpDate = row.text();
            r.loanDays = row.integer();
            r.kioskId = row.int64();
            r.claimBy = row.optionalInt64();
            r.pickUpBy = row.optionalText();
            return r;
        },
        id);
}

// --- one function per event type; each runs inside the event's savepoint ---

ApplyResult applyReservation(const EventContext& c, const domain::Reservation& r)
{
    // A hold this kiosk made for the same id, type and period that has not lapsed keeps its unit.
    bool heldForUs = false;
    bool exists = false;
    {
        auto stored = findReservation(c.d, r.id);
        if (!stored)
            return makeErr(stored.error());
        if (*stored)
        {
            const StoredReservation& s = **stored;
            exists = true;
            if (s.kioskId != c.kiosk.id)
                return rejected(c.eventId, "idempotency_mismatch");
            heldForUs = s.status == "held" && s.typeId == r.typeId && s.pickUpDate == r.period.first.iso() &&
                        s.loanDays == r.period.days;
        }
    }

    std::string status = "held";
    if (!heldForUs)
    {
        // Book afresh: a lapsed hold no longer occupies anything, so take it out of the way first.
        if (exists)
            OKIENKO_TRY(db::exec(c.d, "UPDATE reservations SET status = 'expired' WHERE id = ?", r.id));
        auto ledger = buildLedger(c.d, c.kiosk.site, r.typeId, c.now);
        if (!ledger)
            return makeErr(ledger.error());
        status = ledger->tryBook(r.period) ? "provisional" : "conflict";
    }

    if (exists)
        OKIENKO_TRY(db::exec(c.d,
                             "UPDATE reservations SET code = ?, type_id = ?, pick_up_date = ?, loan_days = ?, "
                             "status = ?, person_name = ?, person_phone = ?, address_street = ?, "
                             "address_postal_code = ?, address_city = ?, on_behalf_of = ?, residency_declared = ?, "
                             "language = ?, created_at = ? WHERE id = ?",
                             r.code, r.typeId, r.period.first.iso(), r.period.days, status, r.person.name,
                             r.person.phone, r.person.address.street, r.person.address.postalCode,
                             r.person.address.city, r.onBehalfOf, r.residencyDeclared, domain::languageCode(r.language),
                             r.createdAt, r.id));
    else
        OKIENKO_TRY(db::exec(c.d,
                             "INSERT INTO reservations(id, code, type_id, pick_up_date, loan_days, status, "
                             "person_name, person_phone, address_street, address_postal_code, address_city, "
                             "on_behalf_of, residency_declared, language, kiosk_id, created_at, received_at) "
                             "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                             r.id, r.code, r.typeId, r.period.first.iso(), r.period.days, status, r.person.name,
                             r.person.phone, r.person.address.street, r.person.address.postalCode,
                             r.person.address.city, r.onBehalfOf, r.residencyDeclared, domain::languageCode(r.language),
                             c.kiosk.id, r.createdAt, c.now.unix));
    if (heldForUs)
        OKIENKO_TRY(db::exec(c.d, "UPDATE holds SET claimed = 1 WHERE reservation_id = ?", r.id));
    if (status == "conflict")
        OKIENKO_TRY(addConflict(c.d, "reservation-no-longer-fits", "reservation", r.id, c.kiosk.id,
                                "type " + r.typeId + " from " + r.period.first.iso(), c.now.unix));
    OKIENKO_TRY(logReservationStatus(c.d, r.id, r.code, status, c.kiosk.id, c.now.unix));
    return applied(c.eventId, Json{{"status", status}, {"code", r.code}});
}

ApplyResult applyCounselling(const EventContext& c, domain::CounsellingRequest request)
{
    std::string status = "received";
    if (request.slotId)
    {
        auto slot = findSlot(c.d, *request.slotId, c.kiosk.site);
        if (!slot)
            return makeErr(slot.error());
        bool bookedForUs = false;
        if (*slot && (*slot)->booked)
        {
            auto ours = slotBookedBy(c.d, *request.slotId, request.id);
            if (!ours)
                return makeErr(ours.error());
            bookedForUs = *ours;
        }
        if (bookedForUs)
            status = "confirmed";
        else if (*slot && !(*slot)->booked && offersKind(**slot, request.kindId) && (*slot)->date >= c.now.today)
            OKIENKO_TRY(bookSlot(c.d, **slot, request.id, c.now.unix));
        else
        {
            // Taken meanwhile (or gone): a coordinator arranges another time; nothing is dropped.
            OKIENKO_TRY(addConflict(c.d, "counselling-slot-taken", "counselling_request", request.id, c.kiosk.id, "",
                                    c.now.unix));
            request.slotId.reset();
        }
    }
    OKIENKO_TRY(db::exec(c.d,
                         "INSERT INTO counselling_requests(id, code, kind_id, slot_id, name, phone, status, language, "
                         "kiosk_id, created_at, received_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                         request.id, request.code, request.kindId, request.slotId, request.name, request.phone, status,
                         domain::languageCode(request.language), c.kiosk.id, request.createdAt, c.now.unix));
    OKIENKO_TRY(logRequestStatus(c.d, protocol::entity::kCounsellingRequest, request.id, request.code, status,
                                 c.kiosk.id, c.now.unix));
    return applied(c.eventId, Json{{"status", status},
                                   {"code", request.code},
                                   {"slot_id", request.slotId ? Json(*request.slotId) : Json(nullptr)}});
}

/// One row of callback_requests in the column order of applyCallback's query.
domain::CallbackRequest readCallback(db::Row& row)
{
    domain::CallbackRequest c;
    c.id = row.text();
    c.code = row.text();
    c.phone = row.text();
    c.day = readDate(row);
    c.dayPart = domain::fromCode<domain::DayPart>(row.text()).value_or(domain::DayPart::Morning);
    c.topicServiceId = row.text();
    c.equipmentTypeId = row.text();
    c.firstName = row.text();
    c.status = domain::fromCode<domain::RequestStatus>(row.text()).value_or(domain::RequestStatus::Received);
    c.failedAttempts = row.integer();
    c.language = domain::parseLanguage(row.text()).value_or(domain::Language::Pl);
    c.kioskId = std::to_string(row.int64());
    c.createdAt = row.int64();
    return c;
}

ApplyResult applyCallback(const EventContext& c, domain::CallbackRequest incoming)
{
    incoming.status = domain::RequestStatus::Received;
    incoming.kioskId = std::to_string(c.kiosk.id);
    const std::string key = rules::callbackPhoneKey(incoming.phone);

    std::vector<domain::CallbackRequest> open;
    OKIENKO_TRY(db::forEachRow(
        c.d,
        "SELECT id, code, phone, day, day_part, topic_service_id, equipment_type_id, first_name, "
        "status, failed_attempts, language, kiosk_id, created_at FROM callback_requests "
        "WHERE phone_key = ? AND status NOT IN ('done', 'closed', 'cancelled')",
        [&](db::Row& row) { open.push_back(readCallback(row)); }, key));
    const auto merge = rules::mergeCallbackRequest(open, incoming);
    const domain::CallbackRequest& kept = merge.request;
    const bool merged = merge.outcome == rules::CallbackMergeOutcome::Updated;
    if (merged)
        OKIENKO_TRY(db::exec(c.d,
                             "UPDATE callback_requests SET day = ?, day_part = ?, topic_service_id = ?, "
                             "equipment_type_id = ?, first_name = ?, language = ? WHERE id = ?",
                             kept.day.iso(), domain::toCode(kept.dayPart), kept.topicServiceId, kept.equipmentTypeId,
                             kept.firstName, domain::languageCode(kept.language), kept.id));
    else
        OKIENKO_TRY(db::exec(c.d,
                             "INSERT INTO callback_requests(id, code, phone, phone_key, day, day_part, "
                             "topic_service_id, equipment_type_id, first_name, status, failed_attempts, language, "
                             "kiosk_id, created_at, received_at, site_id) VALUES (?,?,?,?,?,?,?,?,?,?,0,?,?,?,?,?)",
                             kept.id, kept.code, kept.phone, key, kept.day.iso(), domain::toCode(kept.dayPart),
                             kept.topicServiceId, kept.equipmentTypeId, kept.firstName, "received",
                             domain::languageCode(kept.language), c.kiosk.id, incoming.createdAt, c.now.unix,
                             c.kiosk.site));
    OKIENKO_TRY(logRequestStatus(c.d, protocol::entity::kCallbackRequest, incoming.id, kept.code, "received",
                                 c.kiosk.id, c.now.unix));
    return applied(c.eventId, Json{{"status", "received"}, {"code", kept.code}, {"merged", merged}});
}

Result<bool, db::Error> unitExists(db::Database& d, std::string_view site, const std::string& inventoryNumber)
{
    return db::exists(d, "SELECT 1 FROM equipment_units WHERE site_id = ? AND inventory_number = ?", site,
                      inventoryNumber);
}

Status<db::Error> setUnitState(db::Database& d, std::string_view site, const std::string& inventoryNumber,
                               domain::UnitState state, const std::optional<std::string>& notes, std::int64_t now)
{
    if (notes)
        OKIENKO_TRY(db::exec(d,
                             "INSERT INTO unit_states(inventory_number, state, notes, updated_at, site_id) VALUES (?1, "
                             "?2, ?3, ?4, ?5) ON CONFLICT(site_id, inventory_number) DO UPDATE SET state = ?2, notes = "
                             "?3, updated_at = ?4",
                             inventoryNumber, domain::toCode(state), *notes, now, site));
    else
        OKIENKO_TRY(db::exec(d,
                             "INSERT INTO unit_states(inventory_number, state, notes, updated_at, site_id) VALUES (?1, "
                             "?2, '', ?3, ?4) ON CONFLICT(site_id, inventory_number) DO UPDATE SET state = ?2, "
                             "updated_at = ?3",
                             inventoryNumber, domain::toCode(state), now, site));
    // A unit back to available (staff at a kiosk) is free capacity of the rental (server/residents).
    if (state == domain::UnitState::Available)
        OKIENKO_TRY(residents::equipmentBecameAvailable(d, site, nowAt(now)));
    return logUnit(d, site, inventoryNumber, now);
}

ApplyResult applyCheckOut(const EventContext& c, const domain::Loan& l)
{
    auto known = unitExists(c.d, c.kiosk.site, l.inventoryNumber);
    if (!known)
        return makeErr(known.error());
    if (!*known)
        return rejectedAt(c.eventId, "unknown_reference", "$.payload.inventory_number");
    // Staff lending a unit is a fact: a unit already out is flagged, not refused.
    auto out =
        db::exists(c.d, "SELECT id FROM loans WHERE inventory_number = ? AND returned_on IS NULL AND site_id = ?",
                   l.inventoryNumber, c.kiosk.site);
    if (!out)
        return makeErr(out.error());
    if (*out)
        OKIENKO_TRY(
            addConflict(c.d, "unit-lent-twice", "loan", l.id, c.kiosk.id, "unit " + l.inventoryNumber, c.now.unix));
    OKIENKO_TRY(
        db::exec(c.d,
                 "INSERT INTO loans(id, inventory_number, type_id, reservation_id, borrower_name, "
                 "borrower_phone, address_street, address_postal_code, address_city, pesel, start_date, "
                 "due_date, staff_id, kiosk_id, created_at, received_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                 l.id, l.inventoryNumber, l.typeId, l.reservationId, l.borrower.name, l.borrower.phone,
                 l.borrower.address.street, l.borrower.address.postalCode, l.borrower.address.city,
                 l.pesel.empty() || !c.storePesel ? std::optional<std::string>{} : std::optional<std::string>(l.pesel),
                 l.start.iso(), l.due.iso(), l.staffId, c.kiosk.id, l.createdAt, c.now.unix));
    OKIENKO_TRY(
        setUnitState(c.d, c.kiosk.site, l.inventoryNumber, domain::UnitState::OnLoan, std::nullopt, c.now.unix));
    OKIENKO_TRY(releaseHoldOnLoan(c.d, c.kiosk.site, l.inventoryNumber, l.borrower.phone, c.now, c.waitlist));
    OKIENKO_TRY(logOpenLoan(c.d, l.id, c.now.unix));
    if (l.reservationId)
        OKIENKO_TRY(updateReservationStatus(c.d, "picked-up", c.now.unix,
                                            "UPDATE reservations SET status = 'picked-up' WHERE id = ? AND status IN "
                                            "('provisional', 'held', 'confirmed', 'conflict') "
                                            "RETURNING id, code, kiosk_id",
                                            *l.reservationId));
    return applied(c.eventId, Json{{"status", "open"}});
}

ApplyResult applyCheckIn(const EventContext& c, const protocol::LoanCheckIn& in)
{
    std::string unit;
    {
        auto loan = db::queryOne(
            c.d, "SELECT inventory_number, returned_on FROM loans WHERE id = ? AND site_id = ?",
            [](db::Row& row)
            {
                std::string inventoryNumber = row.text();
                const bool returned = row.optionalText().has_value();
                return std::pair{std::move(inventoryNumber), returned};
            },
            in.loanId, c.kiosk.site);
        if (!loan)
            return makeErr(loan.error());
        if (!*loan)
            return rejectedAt(c.eventId, "unknown_reference", "$.payload.loan_id");
        if ((*loan)->second)
            return rejectedAt(c.eventId, "invalid_state", "$.payload.loan_id");
        unit = (*loan)->first;
    }
    // The PESEL was needed to lend, not after: it goes with the return (docs/privacy.md).
    OKIENKO_TRY(db::exec(c.d,
                         "UPDATE loans SET returned_on = ?, return_condition = ?, return_notes = ?, pesel = NULL "
                         "WHERE id = ?",
                         in.returnedOn.iso(), domain::toCode(in.condition), in.notes, in.loanId));
    // Every returned unit is disinfected and checked before it is lent again (product §4), so even a
    // "fine" return goes to cleaning; staff mark it available with "cleaning done".
    const domain::UnitState next =
        in.condition == domain::ReturnCondition::NeedsRepair ? domain::UnitState::Repair : domain::UnitState::Cleaning;
    OKIENKO_TRY(setUnitState(c.d, c.kiosk.site, unit, next, std::nullopt, c.now.unix));
    OKIENKO_TRY(logOpenLoan(c.d, in.loanId, c.now.unix));
    return applied(c.eventId, Json{{"status", "returned"}, {"unit_state", domain::toCode(next)}});
}

ApplyResult applyExtension(const EventContext& c, const protocol::LoanExtension& x)
{
    {
        auto loan = db::queryOne(
            c.d, "SELECT start_date, returned_on FROM loans WHERE id = ? AND site_id = ?",
            [](db::Row& row)
            {
                const Date start = readDate(row);
                const bool returned = row.optionalText().has_value();
                return std::pair{start, returned};
            },
            x.loanId, c.kiosk.site);
        if (!loan)
            return makeErr(loan.error());
        if (!*loan)
            return rejectedAt(c.eventId, "unknown_reference", "$.payload.loan_id");
        const auto& [start, returned] = **loan;
        if (returned || x.due < start)
            return rejectedAt(c.eventId, "invalid_state", "$.payload.due");
    }
    OKIENKO_TRY(db::exec(c.d, "UPDATE loans SET due_date = ? WHERE id = ?", x.due.iso(), x.loanId));
    OKIENKO_TRY(logOpenLoan(c.d, x.loanId, c.now.unix));
    return applied(c.eventId, Json{{"due", x.due.iso()}});
}

ApplyResult applyUnitState(const EventContext& c, const protocol::UnitStateChange& s)
{
    auto known = unitExists(c.d, c.kiosk.site, s.inventoryNumber);
    if (!known)
        return makeErr(known.error());
    if (!*known)
        return rejectedAt(c.eventId, "unknown_reference", "$.payload.inventory_number");
    OKIENKO_TRY(setUnitState(c.d, c.kiosk.site, s.inventoryNumber, s.state, s.notes, c.now.unix));
    // Cleaned (or repaired) and ready: the first in the type's waiting list is offered it.
    if (s.state == domain::UnitState::Available)
        if (auto offered = offerFreedUnit(c.d, c.kiosk.site, s.inventoryNumber, c.now, c.waitlist); !offered)
            return makeErr(offered.error());
    return applied(c.eventId, Json{{"state", domain::toCode(s.state)}});
}

ApplyResult applyWaitlistJoin(const EventContext& c, const domain::WaitlistJoin& join)
{
    auto known =
        db::exists(c.d, "SELECT 1 FROM equipment_types WHERE site_id = ? AND id = ?", c.kiosk.site, join.typeId);
    if (!known)
        return makeErr(known.error());
    if (!*known)
        return rejectedAt(c.eventId, "unknown_reference", "$.payload.type_id");
    auto position = joinWaitlist(c.d, join, c.kiosk.id, c.now);
    if (!position)
        return makeErr(position.error());
    return applied(c.eventId, Json{{"status", "waiting"}, {"code", join.code}, {"position", *position}});
}

ApplyResult applyUsage(const EventContext& c, const domain::UsageEvent& u)
{
    std::optional<std::string> area;
    if (u.area)
        area = std::string(domain::areaCode(*u.area));
    OKIENKO_TRY(db::exec(c.d,
                         "INSERT INTO usage_events(id, kiosk_id, kind, flow, step, service_id, rating, area, text, "
                         "language, at, received_at, site_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                         u.id, c.kiosk.id, domain::toCode(u.kind), u.flow, u.step, u.serviceId, u.rating, area,
                         u.text.empty() ? std::optional<std::string>{} : std::optional<std::string>(u.text),
                         domain::languageCode(u.language), u.at, c.now.unix, c.kiosk.site));
    return applied(c.eventId);
}

ApplyResult applyOne(db::Database& d, const KioskIdentity& kiosk, const protocol::Event& e, const Now& now,
                     bool storePesel, const WaitlistOptions& waitlist)
{
    auto type = protocol::parseEventType(e.type);
    if (!type)
        return rejectedAt(e.id, "unknown_event_type", "$.type");
    const EventContext c{d, kiosk, e.id, now, storePesel, waitlist};
    switch (*type)
    {
    case protocol::EventType::ReservationCreated:
        return applyDecoded(c, protocol::decodeReservationCreated(e), applyReservation);
    case protocol::EventType::CounsellingRequested:
        return applyDecoded(c, protocol::decodeCounsellingRequested(e), applyCounselling);
    case protocol::EventType::CallbackRequested:
        return applyDecoded(c, protocol::decodeCallbackRequested(e), applyCallback);
    case protocol::EventType::LoanCheckedOut:
        return applyDecoded(c, protocol::decodeLoanCheckedOut(e), applyCheckOut);
    case protocol::EventType::LoanCheckedIn:
        return applyDecoded(c, protocol::decodeLoanCheckedIn(e), applyCheckIn);
    case protocol::EventType::LoanExtended:
        return applyDecoded(c, protocol::decodeLoanExtended(e), applyExtension);
    case protocol::EventType::UnitStateChanged:
        return applyDecoded(c, protocol::decodeUnitStateChanged(e), applyUnitState);
    case protocol::EventType::UsageRecorded:
    case protocol::EventType::FeedbackRated:
    case protocol::EventType::IdeaSubmitted:
        return applyDecoded(c, protocol::decodeUsageEvent(e), applyUsage);
    case protocol::EventType::WaitlistJoined:
        return applyDecoded(c, protocol::decodeWaitlistJoined(e), applyWaitlistJoin);
    }
    return rejected(e.id, "unknown_event_type");
}
} // namespace

WaitlistOptions ServerStore::waitlistOptions() const
{
    return WaitlistOptions{m_options.waitlistHoldHours};
}

Now systemNow()
{
    return nowAt(static_cast<std::int64_t>(std::time(nullptr)));
}

Now nowAt(std::int64_t unixSeconds)
{
    Now n;
    n.unix = unixSeconds;
    if (auto local = localDateTimeOf(n.unix))
        n.today = local->date;
    return n;
}

ServerStore::ServerStore(std::string path, StoreOptions options, db::Database writer, std::string epoch)
    : m_path(std::move(path)), m_epoch(std::move(epoch)), m_options(options), m_writer(std::move(writer)),
      m_checkpointer(std::make_unique<db::WalCheckpointer>(m_writer, m_path))
{
}

Result<std::unique_ptr<ServerStore>, db::Error> ServerStore::open(const std::string& path, const StoreOptions& options)
{
    db::OpenOptions o;
    // Every commit of the writer is acknowledged to a kiosk that then forgets its copy.
    o.synchronous = db::Synchronous::Full;
    // Another serve process on this database may commit groups back to back; a short poll finds the
    // gaps between them (SQLite's own wait sleeps up to 100 ms and could miss them for seconds).
    o.busyPoll = std::chrono::microseconds(500);
    auto writer = db::Database::open(path, o);
    if (!writer)
        return makeErr(writer.error());
    auto version = db::migrate(*writer, serverMigrations());
    if (!version)
        return makeErr(version.error());
    auto epoch = db::queryText(*writer, "SELECT epoch FROM server_meta");
    if (!epoch)
        return makeErr(epoch.error());
    if (!*epoch)
        return makeErr(badData("server_meta is empty"));
    return std::unique_ptr<ServerStore>(new ServerStore(path, options, std::move(writer).value(), std::move(**epoch)));
}

Result<db::Database, db::Error> ServerStore::acquireReader()
{
    {
        std::lock_guard lock(m_readerMutex);
        if (!m_readers.empty())
        {
            db::Database d = std::move(m_readers.back());
            m_readers.pop_back();
            return d;
        }
    }
    return db::Database::open(m_path);
}

void ServerStore::releaseReader(db::Database d)
{
    std::lock_guard lock(m_readerMutex);
    if (m_readers.size() < static_cast<std::size_t>(m_options.readers))
        m_readers.push_back(std::move(d));
}

CatalogueEntries catalogueEntries(const domain::Catalog& c)
{
    CatalogueEntries into;
    into[{std::string(protocol::entity::kMunicipality), c.municipality.id}] = {
        protocol::encodeMunicipality(c.municipality).dump(), 0};
    auto add = [&](std::string_view entity, const std::string& id, const Json& j, std::size_t pos)
    {
        into[{std::string(entity), id}] = {j.dump(), static_cast<int>(pos)};
    };
    for (std::size_t i = 0; i < c.services.size(); ++i)
        add(protocol::entity::kService, c.services[i].id, protocol::encodeService(c.services[i]), i);
    for (std::size_t i = 0; i < c.feeTables.size(); ++i)
        add(protocol::entity::kFeeTable, c.feeTables[i].id, protocol::encodeFeeTable(c.feeTables[i]), i);
    for (std::size_t i = 0; i < c.equipmentTypes.size(); ++i)
        add(protocol::entity::kEquipmentType, c.equipmentTypes[i].id,
            protocol::encodeEquipmentType(c.equipmentTypes[i]), i);
    for (std::size_t i = 0; i < c.counsellingKinds.size(); ++i)
        add(protocol::entity::kCounsellingKind, c.counsellingKinds[i].id,
            protocol::encodeCounsellingKind(c.counsellingKinds[i]), i);
    for (std::size_t i = 0; i < c.emergencyNumbers.size(); ++i)
        add(protocol::entity::kEmergencyNumber, c.emergencyNumbers[i].number,
            protocol::encodeEmergencyNumber(c.emergencyNumbers[i]), i);
    for (std::size_t i = 0; i < c.announcements.size(); ++i)
        add(protocol::entity::kAnnouncement, c.announcements[i].id, protocol::encodeAnnouncement(c.announcements[i]),
            i);
    for (std::size_t i = 0; i < c.areas.size(); ++i)
        add(protocol::entity::kArea, std::string(c.areas[i].id.id()), protocol::encodeArea(c.areas[i]), i);
    for (std::size_t i = 0; i < c.targetGroups.size(); ++i)
        add(protocol::entity::kTargetGroup, std::string(c.targetGroups[i].id.id()),
            protocol::encodeTargetGroup(c.targetGroups[i]), i);
    return into;
}

Result<ImportSummary, db::Error> writeCatalogue(db::Database& d, std::string_view site, const domain::Catalog& catalog,
                                                std::int64_t now, const std::vector<domain::Indicator>* indicators,
                                                UnitLogging units)
{
    ImportSummary summary;
    CatalogueEntries before;
    std::map<std::string, std::string> unitsBefore; // inventory number -> its catalogue JSON
    auto has = catalog::hasCatalog(d, site);
    if (!has)
        return makeErr(has.error());
    if (*has)
    {
        auto old = catalog::loadCatalog(d, site);
        if (!old)
            return makeErr(old.error());
        before = catalogueEntries(*old);
        for (const auto& u : old->units)
            unitsBefore[u.inventoryNumber] = protocol::encodeUnit(u).dump();
    }
    const CatalogueEntries after = catalogueEntries(catalog);

    OKIENKO_TRY(catalog::replaceCatalog(d, site, catalog));
    // Every service the catalogue publishes reaches the residents it matches who have not heard of
    // it (server/residents/service_availability).
    for (const auto& s : catalog.services)
        OKIENKO_TRY(residents::serviceChanged(d, site, s, nowAt(now)));
    if (indicators != nullptr)
        OKIENKO_TRY(replaceIndicators(d, *indicators));
    for (const auto& [key, value] : after)
    {
        auto it = before.find(key);
        if (it != before.end() && it->second == value)
            continue;
        auto seq = logCatalogUpsert(d, site, key.first, key.second, value.first, value.second, now);
        if (!seq)
            return makeErr(seq.error());
        summary.logged.push_back({key.first, key.second, *seq});
        ++summary.upserts;
    }
    for (const auto& [key, value] : before)
    {
        if (after.count(key) != 0)
            continue;
        auto seq = logCatalogDelete(d, site, key.first, key.second, now);
        if (!seq)
            return makeErr(seq.error());
        summary.logged.push_back({key.first, key.second, *seq});
        ++summary.deletes;
    }
    // Units: a new unit starts in the file's state; a known one keeps its live state.
    std::set<std::string> unitsAfter;
    for (const auto& u : catalog.units)
    {
        unitsAfter.insert(u.inventoryNumber);
        auto known = unitsBefore.find(u.inventoryNumber);
        if (units == UnitLogging::Changed && known != unitsBefore.end() &&
            known->second == protocol::encodeUnit(u).dump())
            continue;
        OKIENKO_TRY(db::exec(d,
                             "INSERT INTO unit_states(inventory_number, state, notes, updated_at, site_id) VALUES (?, "
                             "?, ?, ?, ?) ON CONFLICT(site_id, inventory_number) DO NOTHING",
                             u.inventoryNumber, domain::toCode(u.state), u.notes, now, site));
        OKIENKO_TRY(logUnit(d, site, u.inventoryNumber, now));
        ++summary.upserts;
    }
    for (const auto& [inv, json] : unitsBefore)
    {
        if (unitsAfter.count(inv) != 0)
            continue;
        OKIENKO_TRY(logCatalogueChange(d, site, protocol::entity::kUnit, inv, protocol::ChangeOp::Delete, "{}",
                                       std::nullopt, now));
        ++summary.deletes;
    }
    return summary;
}

Result<ImportSummary, db::Error> ServerStore::importCatalog(std::string_view site, const domain::Catalog& catalog,
                                                            const Now& now,
                                                            const std::vector<domain::Indicator>* indicators)
{
    ImportSummary summary;
    auto written = write(
        [&](db::Database& d) -> Status<db::Error>
        {
            auto done = writeCatalogue(d, site, catalog, now.unix, indicators, UnitLogging::All);
            if (!done)
                return makeErr(done.error());
            summary = std::move(done).value();
            return {};
        });
    if (!written)
        return makeErr(written.error());
    return summary;
}

Result<std::string, db::Error> ServerStore::addKiosk(const std::string& name, const Now& now, bool staffWork,
                                                     const std::string& site)
{
    std::lock_guard lock(m_writeMutex);
    const std::string token = newKioskToken();
    OKIENKO_TRY(db::exec(m_writer,
                         "INSERT INTO kiosks(name, token_hash, created_at, staff_work, site_id) VALUES (?, ?, ?, ?, ?)",
                         name, sha256Hex(token), now.unix, staffWork ? 1 : 0, site));
    return token;
}

Result<std::string, db::Error> ServerStore::addStaff(const std::string& name, domain::StaffRole role,
                                                     const std::string& pinHash, const std::string& passwordHash,
                                                     const Now& now, const std::string& site)
{
    domain::Staff s;
    auto written = write(
        [&](db::Database& d) -> Status<db::Error>
        {
            s.id = "st-" + newUuid().substr(0, 8);
            s.name = name;
            s.role = role;
            s.pinHash = pinHash;
            OKIENKO_TRY(db::exec(d,
                                 "INSERT INTO staff(id, name, role, pin_hash, password_hash, created_at, site_id) "
                                 "VALUES (?,?,?,?,?,?,?)",
                                 s.id, s.name, domain::toCode(role), pinHash, passwordHash, now.unix, site));
            return logStaffMember(d, s.id, now.unix);
        });
    if (!written)
        return makeErr(written.error());
    return s.id;
}

Status<db::Error> ServerStore::addCounsellingSlot(const domain::CounsellingSlot& slot, const Now& now,
                                                  const std::string& site)
{
    return write(
        [&](db::Database& d) -> Status<db::Error>
        {
            OKIENKO_TRY(db::exec(d,
                                 "INSERT INTO counselling_slots(id, kind_ids, counsellor, room, date, start_minute, "
                                 "duration_minutes, site_id) VALUES (?,?,?,?,?,?,?,?)",
                                 slot.id, Json(slot.kindIds).dump(), slot.counsellor, slot.room, slot.date.iso(),
                                 slot.startMinute, slot.durationMinutes, site));
            domain::CounsellingSlot published = slot;
            published.booked = false;
            return logUpsert(d, protocol::entity::kCounsellingSlot, slot.id, protocol::encodeSlot(published), now.unix);
        });
}

Result<std::vector<std::pair<std::string, KioskIdentity>>, db::Error> ServerStore::activeKiosks()
{
    auto reader = acquireReader();
    if (!reader)
        return makeErr(reader.error());
    std::vector<std::pair<std::string, KioskIdentity>> out;
    OKIENKO_TRY(db::forEachRow(*reader, "SELECT token_hash, id, name, site_id FROM kiosks WHERE active = 1",
                               [&](db::Row& row)
                               {
                                   std::string tokenHash = row.text();
                                   KioskIdentity kiosk;
                                   kiosk.id = row.int64();
                                   kiosk.name = row.text();
                                   kiosk.site = row.text();
                                   out.push_back({std::move(tokenHash), std::move(kiosk)});
                               }));
    releaseReader(std::move(reader).value());
    return out;
}

Result<std::optional<KioskIdentity>, db::Error> ServerStore::activeKioskByTokenHash(const std::string& tokenHash)
{
    auto reader = acquireReader();
    if (!reader)
        return makeErr(reader.error());
    auto found = db::queryOne(
        *reader, "SELECT id, name, site_id FROM kiosks WHERE token_hash = ? AND active = 1",
        [](db::Row& row)
        {
            KioskIdentity kiosk;
            kiosk.id = row.int64();
            kiosk.name = row.text();
            kiosk.site = row.text();
            return kiosk;
        },
        tokenHash);
    releaseReader(std::move(reader).value());
    return found;
}

/// One kiosk's batch in the group-commit queue, and what its commit gave.
struct ServerStore::PendingBatch
{
    const KioskIdentity* kiosk = nullptr;
    const std::vector<protocol::Event>* events = nullptr;
    const Now* now = nullptr;
    std::optional<std::vector<protocol::EventResult>> results;
    std::optional<db::Error> error;
    bool done = false;
};

namespace
{
/// A group stops growing at this many events: a waiting batch should not wait behind a huge one.
constexpr std::size_t kMaxGroupEvents = 4000;
} // namespace

Result<std::vector<protocol::EventResult>, db::Error>
ServerStore::applyEvents(const KioskIdentity& kiosk, const std::vector<protocol::Event>& events, const Now& now)
{
    PendingBatch mine;
    mine.kiosk = &kiosk;
    mine.events = &events;
    mine.now = &now;
    std::unique_lock lock(m_groupMutex);
    m_groupQueue.push_back(&mine);
    while (!mine.done)
    {
        if (m_groupLeader)
        {
            m_groupDone.wait(lock);
            continue;
        }
        // No commit is running: this thread commits whatever has queued up meanwhile, its own or not.
        m_groupLeader = true;
        std::vector<PendingBatch*> group;
        std::size_t groupEvents = 0;
        while (!m_groupQueue.empty() &&
               (group.empty() || groupEvents + m_groupQueue.front()->events->size() <= kMaxGroupEvents))
        {
            groupEvents += m_groupQueue.front()->events->size();
            group.push_back(m_groupQueue.front());
            m_groupQueue.pop_front();
        }
        lock.unlock();
        try
        {
            commitGroup(group);
        }
        catch (...)
        {
            // The leader must hand over whatever happens, or every later batch waits for ever.
            for (PendingBatch* p : group)
            {
                p->results.reset();
                p->error = badData("applying a batch of events failed");
            }
        }
        lock.lock();
        for (PendingBatch* p : group)
            p->done = true;
        ++m_groupFigures.commits;
        m_groupFigures.batches += group.size();
        m_groupLeader = false;
        m_groupDone.notify_all();
    }
    if (mine.error)
        return makeErr(*mine.error);
    return std::move(*mine.results);
}

ServerStore::GroupCommitFigures ServerStore::groupCommitFigures()
{
    std::lock_guard lock(m_groupMutex);
    return m_groupFigures;
}

void ServerStore::commitGroup(const std::vector<PendingBatch*>& group)
{
    const auto failAll = [&](const db::Error& error)
    {
        for (PendingBatch* p : group)
        {
            p->results.reset();
            p->error = error;
        }
    };
    std::lock_guard lock(m_writeMutex);
    auto tx = db::Transaction::begin(m_writer, db::TransactionMode::Immediate, db::Durability::Full);
    if (!tx)
        return failAll(tx.error());
    for (PendingBatch* p : group)
    {
        if (auto s = db::exec(m_writer, "SAVEPOINT batch"); !s)
            return failAll(s.error());
        auto results = applyBatch(m_writer, *p->kiosk, *p->events, *p->now);
        if (!results)
        {
            // This batch's kiosk retries it; the others go on, unless SQLite ended the transaction.
            p->error = results.error();
            if (auto r = db::exec(m_writer, "ROLLBACK TO batch"); !r)
                return failAll(results.error());
        }
        else
            p->results = std::move(results).value();
        if (auto s = db::exec(m_writer, "RELEASE batch"); !s)
            return failAll(s.error());
    }
    if (auto committed = tx->commit(); !committed)
        return failAll(committed.error()); // nothing of the group is durable: nothing is acknowledged
}

Result<std::vector<protocol::EventResult>, db::Error>
ServerStore::applyBatch(db::Database& d, const KioskIdentity& kiosk, const std::vector<protocol::Event>& events,
                        const Now& now)
{
    std::vector<protocol::EventResult> results;
    results.reserve(events.size());
    OKIENKO_TRY(sweepHolds(d, now));
    if (auto swept = sweepWaitlist(d, now, waitlistOptions()); !swept)
        return makeErr(swept.error());
    for (const auto& e : events)
    {
        const std::string fingerprint = protocol::eventFingerprint(e);
        {
            auto seen = db::queryOne(
                d, "SELECT payload_hash, result FROM events WHERE id = ?",
                [](db::Row& row)
                {
                    std::string hash = row.text();
                    std::string result = row.text();
                    return std::pair{std::move(hash), std::move(result)};
                },
                e.id);
            if (!seen)
                return makeErr(seen.error());
            if (*seen)
            {
                const auto& [hash, result] = **seen;
                if (hash != fingerprint)
                {
                    results.push_back(rejected(e.id, "idempotency_mismatch"));
                    continue;
                }
                auto stored = protocol::decodeEventResult(Json::parse(result, nullptr, false));
                if (!stored)
                    return makeErr(badData("stored event result cannot be read"));
                protocol::EventResult replay = std::move(stored).value();
                if (replay.status == protocol::EventStatus::Applied)
                    replay.status = protocol::EventStatus::Duplicate;
                results.push_back(std::move(replay));
                continue;
            }
        }

        OKIENKO_TRY(db::exec(d, "SAVEPOINT event"));
        auto result = applyOne(d, kiosk, e, now, m_options.storePesel, waitlistOptions());
        if (!result)
        {
            const db::Error error = result.error();
            if (!error.isConstraint())
                return makeErr(error); // the whole batch rolls back; the kiosk retries it
            // The data contradicts the database (e.g. an id already used by another request).
            result = rejected(e.id, "invalid_state");
        }
        if (result->status == protocol::EventStatus::Rejected)
            OKIENKO_TRY(db::exec(d, "ROLLBACK TO event")); // nothing of a rejected event stays, except its record
        OKIENKO_TRY(db::exec(d,
                             "INSERT INTO events(id, kiosk_id, type, payload_hash, received_at, status, "
                             "result) VALUES (?,?,?,?,?,?,?)",
                             e.id, kiosk.id, e.type.substr(0, 64), fingerprint, now.unix,
                             protocol::toCode(result->status), protocol::encodeEventResult(*result).dump()));
        OKIENKO_TRY(db::exec(d, "RELEASE event"));
        results.push_back(std::move(result).value());
    }
    return results;
}

Result<Outcome, db::Error> ServerStore::hold(const KioskIdentity& kiosk, const protocol::HoldRequest& h, const Now& now)
{
    if (h.pickUpDate < now.today)
        return errorOutcome(400, "bad_date", "$.pick_up_date: in the past");
    std::lock_guard lock(m_writeMutex);
    db::Database& d = m_writer;
    auto tx = db::Transaction::begin(d, db::TransactionMode::Immediate, db::Durability::Full);
    if (!tx)
        return makeErr(tx.error());
    OKIENKO_TRY(sweepHolds(d, now));
    if (auto swept = sweepWaitlist(d, now, waitlistOptions()); !swept)
        return makeErr(swept.error());

    const DateRange period{h.pickUpDate, h.loanDays};
    auto known = db::exists(d, "SELECT 1 FROM equipment_types WHERE site_id = ? AND id = ?", kiosk.site, h.typeId);
    if (!known)
        return makeErr(known.error());
    if (!*known)
        return errorOutcome(404, "not_found", "$.type_id: no such equipment type at this kiosk's site");
    auto ledger = buildLedger(d, kiosk.site, h.typeId, now);
    if (!ledger)
        return makeErr(ledger.error());

    protocol::HoldResponse response;
    response.reservationId = h.reservationId;
    {
        auto stored = findReservation(d, h.reservationId);
        if (!stored)
            return makeErr(stored.error());
        if (*stored)
        {
            const StoredReservation& s = **stored;
            const bool same = s.status == "held" && s.typeId == h.typeId && s.pickUpDate == h.pickUpDate.iso() &&
                              s.loanDays == h.loanDays && s.kioskId == kiosk.id && s.claimBy.has_value();
            if (!same)
                return errorOutcome(409, "hold_mismatch", "$.reservation_id: already used for another request");
            response.status = "held";
            response.unitsLeft = ledger->freeUnits(period);
            response.claimBy = *s.claimBy;
            response.pickUpBy = parseIsoDate(s.pickUpBy.value_or(""));
            return Outcome{201, protocol::encodeHoldResponse(response), "", ""};
        }
    }

    auto booking = ledger->tryBook(period);
    if (!booking)
    {
        response.status = "unavailable";
        response.nextAvailable =
            ledger->nextAvailableStart(period, std::max(h.pickUpDate, now.today).plusDays(m_options.holdSearchDays));
        OKIENKO_TRY(tx->commit()); // the sweep's expiries
        return Outcome{409, protocol::encodeHoldResponse(response), "", ""};
    }
    response.status = "held";
    response.unitsLeft = booking->unitsLeft;
    response.claimBy = now.unix + std::int64_t{60} * m_options.holdClaimMinutes;
    response.pickUpBy = plusWorkingDays(h.pickUpDate, m_options.holdExpiryWorkingDays);
    OKIENKO_TRY(
        db::exec(d,
                 "INSERT INTO reservations(id, code, type_id, pick_up_date, loan_days, status, kiosk_id, created_at, "
                 "received_at) VALUES (?, '', ?, ?, ?, 'held', ?, ?, ?)",
                 h.reservationId, h.typeId, h.pickUpDate.iso(), h.loanDays, kiosk.id, now.unix, now.unix));
    OKIENKO_TRY(db::exec(d, "INSERT INTO holds(reservation_id, claim_by, pick_up_by) VALUES (?, ?, ?)", h.reservationId,
                         response.claimBy, response.pickUpBy->iso()));
    OKIENKO_TRY(logRequestStatus(d, protocol::entity::kReservation, h.reservationId, "", "held", kiosk.id, now.unix));
    // No pickup change yet: a hold has no person until its reservation.created arrives (logPickup then).
    OKIENKO_TRY(tx->commit());
    return Outcome{201, protocol::encodeHoldResponse(response), "", ""};
}

Result<Outcome, db::Error> ServerStore::bookCounselling(const KioskIdentity& kiosk,
                                                        const protocol::CounsellingBookRequest& b, const Now& now)
{
    std::lock_guard lock(m_writeMutex);
    db::Database& d = m_writer;
    auto tx = db::Transaction::begin(d, db::TransactionMode::Immediate, db::Durability::Full);
    if (!tx)
        return makeErr(tx.error());
    protocol::CounsellingBookResponse response;
    response.requestId = b.requestId;
    {
        auto booked = db::queryText(d, "SELECT id FROM counselling_slots WHERE booked_by = ?", b.requestId);
        if (!booked)
            return makeErr(booked.error());
        if (*booked && **booked != b.slotId)
            return errorOutcome(409, "booking_mismatch", "$.request_id: already booked another slot");
    }
    auto slot = findSlot(d, b.slotId, kiosk.site);
    if (!slot)
        return makeErr(slot.error());
    if (!*slot)
        return errorOutcome(404, "not_found", "$.slot_id: no such slot");
    domain::CounsellingSlot s = **slot;
    bool ours = false;
    if (s.booked)
    {
        auto bookedBy = slotBookedBy(d, s.id, b.requestId);
        if (!bookedBy)
            return makeErr(bookedBy.error());
        ours = *bookedBy;
    }
    if (ours)
    {
        response.status = "booked";
        response.slot = s;
        return Outcome{201, protocol::encodeCounsellingBookResponse(response), "", ""};
    }
    if (s.booked || !offersKind(s, b.kindId) || s.date < now.today)
    {
        auto alternatives = freeSlots(d, b.kindId, std::max(s.date, now.today), 5, kiosk.site);
        if (!alternatives)
            return makeErr(alternatives.error());
        response.status = "taken";
        response.alternatives = std::move(alternatives).value();
        return Outcome{409, protocol::encodeCounsellingBookResponse(response), "", ""};
    }
    OKIENKO_TRY(bookSlot(d, s, b.requestId, now.unix));
    OKIENKO_TRY(tx->commit());
    s.booked = true;
    response.status = "booked";
    response.slot = s;
    return Outcome{201, protocol::encodeCounsellingBookResponse(response), "", ""};
}

Result<Outcome, db::Error> ServerStore::changes(const KioskIdentity& kiosk, const std::string& since, int limit,
                                                const Now& now)
{
    auto reader = acquireReader();
    if (!reader)
        return makeErr(reader.error());
    db::Database& d = *reader;
    std::optional<ChangesPageRead> page;
    std::optional<std::pair<std::int64_t, std::int64_t>> recorded; // seq, pulled_at
    {
        // One read snapshot for the epoch, the horizon, the log's end and the page.
        auto tx = db::Transaction::begin(d, db::TransactionMode::Deferred);
        if (!tx)
            return makeErr(tx.error());
        auto read = readChangesPage(d, kiosk, since, limit);
        if (!read)
            return makeErr(read.error());
        page = std::move(read).value();
        auto cursor = db::queryOne(
            d, "SELECT seq, pulled_at FROM kiosk_cursors WHERE kiosk_id = ?",
            [](db::Row& row)
            {
                const std::int64_t seq = row.int64();
                return std::pair{seq, row.int64()};
            },
            kiosk.id);
        if (!cursor)
            return makeErr(cursor.error());
        recorded = *cursor;
    }
    releaseReader(std::move(reader).value());
    // Compaction waits for the position a kiosk's cursor depends on: written when a kiosk without a
    // record pulls, when its position went back (a kiosk starting a snapshot), and at the end of a
    // round that moved it or a day after the last record (not on every page: a pull is a read). A
    // record older than the truth only makes compaction wait longer.
    if (page->heldSeq && (!recorded || recorded->first > *page->heldSeq ||
                          (!page->more && (recorded->first != *page->heldSeq || recorded->second <= now.unix - 86400))))
    {
        // Advisory: a record not written leaves the older one, and a kiosk whose position compaction
        // then passes is reset and takes a snapshot. The page is answered either way.
        std::lock_guard lock(m_writeMutex);
        if (auto recordedNow = db::exec(m_writer,
                                        "INSERT INTO kiosk_cursors(kiosk_id, seq, pulled_at) VALUES (?1, ?2, ?3) "
                                        "ON CONFLICT(kiosk_id) DO UPDATE SET seq = ?2, pulled_at = ?3",
                                        kiosk.id, *page->heldSeq, now.unix);
            !recordedNow)
            std::fprintf(stderr, "okienko-central: kiosk cursor not recorded: %s\n",
                         recordedNow.error().describe().c_str());
    }
    return std::move(page->outcome);
}

Status<db::Error> ServerStore::recordHeartbeat(const KioskIdentity& kiosk, const protocol::Heartbeat& h, const Now& now)
{
    std::lock_guard lock(m_writeMutex);
    return db::exec(m_writer,
                    "INSERT INTO heartbeats(kiosk_id, received_at, kiosk_version, uptime_s, outbox_depth, "
                    "outbox_oldest_age_s, printer_state, last_sync) VALUES (?1,?2,?3,?4,?5,?6,?7,?8) "
                    "ON CONFLICT(kiosk_id) DO UPDATE SET received_at = ?2, kiosk_version = ?3, uptime_s = ?4, "
                    "outbox_depth = ?5, outbox_oldest_age_s = ?6, printer_state = ?7, last_sync = ?8",
                    kiosk.id, now.unix, h.kioskVersion, h.uptimeS, h.outboxDepth, h.outboxOldestAgeS, h.printerState,
                    h.lastSync);
}

Status<db::Error> ServerStore::write(const std::function<Status<db::Error>(db::Database&)>& work)
{
    std::lock_guard lock(m_writeMutex);
    auto tx = db::Transaction::begin(m_writer, db::TransactionMode::Immediate, db::Durability::Full);
    if (!tx)
        return makeErr(tx.error());
    OKIENKO_TRY(work(m_writer));
    return tx->commit();
}

Status<db::Error> ServerStore::read(const std::function<Status<db::Error>(db::Database&)>& work)
{
    auto reader = acquireReader();
    if (!reader)
        return makeErr(reader.error());
    {
        auto tx = db::Transaction::begin(*reader, db::TransactionMode::Deferred);
        if (!tx)
            return makeErr(tx.error());
        OKIENKO_TRY(work(*reader));
    }
    releaseReader(std::move(reader).value());
    return {};
}

Status<db::Error> logUnitChange(db::Database& d, std::string_view site, const std::string& inventoryNumber,
                                std::int64_t now)
{
    return logUnit(d, site, inventoryNumber, now);
}

Status<db::Error> logCounsellingSlotChange(db::Database& d, const std::string& slotId, std::int64_t now)
{
    auto slot = findSlot(d, slotId);
    if (!slot)
        return makeErr(slot.error());
    if (!*slot)
        return logDelete(d, protocol::entity::kCounsellingSlot, slotId, now);
    return logUpsert(d, protocol::entity::kCounsellingSlot, slotId, protocol::encodeSlot(**slot), now);
}

Result<std::int64_t, db::Error> logCatalogUpsert(db::Database& d, std::string_view site, std::string_view entity,
                                                 const std::string& id, const std::string& data, int position,
                                                 std::int64_t now)
{
    if (auto st = logCatalogueChange(d, site, entity, id, protocol::ChangeOp::Upsert, data, position, now); !st)
        return makeErr(st.error());
    return d.lastInsertRowId();
}

Result<std::int64_t, db::Error> logCatalogDelete(db::Database& d, std::string_view site, std::string_view entity,
                                                 const std::string& id, std::int64_t now)
{
    if (auto st = logCatalogueChange(d, site, entity, id, protocol::ChangeOp::Delete, "{}", std::nullopt, now); !st)
        return makeErr(st.error());
    return d.lastInsertRowId();
}

Result<std::vector<protocol::LostEventResult>, db::Error>
ServerStore::recordLostEvents(const KioskIdentity& kiosk, const std::vector<protocol::LostEventReport>& reports,
                              const Now& now)
{
    std::vector<protocol::LostEventResult> results;
    auto written = write(
        [&](db::Database& d) -> Status<db::Error>
        {
            for (const auto& r : reports)
            {
                // Only an applied event counts: a re-sent event the restored database refused (its loan
                // was lost with it) is as lost as one never re-sent.
                // Only its own site's events: an id of another site's kiosk is not confirmed to exist.
                auto applied = db::exists(d,
                                          "SELECT 1 FROM events e JOIN kiosks k ON k.id = e.kiosk_id WHERE e.id = ? "
                                          "AND e.status = 'applied' AND k.site_id = ?",
                                          r.id, kiosk.site);
                if (!applied)
                    return makeErr(applied.error());
                if (*applied)
                {
                    results.push_back({r.id, protocol::LostEventStatus::Present});
                    continue;
                }
                OKIENKO_TRY(db::exec(d,
                                     "INSERT INTO lost_events(id, kiosk_id, type, reference, acked_at, reported_at, "
                                     "epoch) VALUES (?,?,?,?,?,?,?) ON CONFLICT(id) DO NOTHING",
                                     r.id, kiosk.id, r.type, r.reference, r.ackedAt, now.unix, m_epoch));
                results.push_back({r.id, protocol::LostEventStatus::Lost});
            }
            return {};
        });
    if (!written)
        return makeErr(written.error());
    return results;
}

Result<std::int64_t, db::Error> ServerStore::purgeEvents(int retentionDays, const Now& now)
{
    std::lock_guard lock(m_writeMutex);
    return db::execChanges(m_writer, "DELETE FROM events WHERE received_at < ?",
                           now.unix - std::int64_t{86400} * std::max(retentionDays, 30));
}

Status<db::Error> ServerStore::checkpointTruncate()
{
    std::lock_guard lock(m_writeMutex);
    return m_writer.checkpointTruncate();
}

} // namespace okienko::server
