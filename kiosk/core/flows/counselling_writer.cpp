// Counselling slots and request storage (see counselling_writer.hpp).
#include "kiosk/core/flows/counselling_writer.hpp"

#include "kiosk/core/kiosk_services.hpp"
#include "kiosk/sync/outbox.hpp"
#include "shared/db/query.hpp"
#include "shared/db/transaction.hpp"
#include "shared/domain/codes.hpp"
#include "shared/protocol/payloads.hpp"
#include "shared/rules/reference_code.hpp"

namespace okienko::kiosk
{

Result<std::vector<SlotOption>, StoreError> loadFreeSlots(db::Database& db, const std::string& kindId, Date today,
                                                          int nowMinute, std::size_t limit)
{
    if (!db.isOpen())
        return makeErr(StoreError::NoDatabase);
    std::vector<SlotOption> out;
    auto read = db::forEachRow(
        db,
        "SELECT s.id, s.date, s.start_minute, s.duration_minutes, s.room FROM counselling_slots s"
        " WHERE s.booked = 0 AND (s.date > ?2 OR (s.date = ?2 AND s.start_minute > ?3))"
        " AND EXISTS (SELECT 1 FROM counselling_slot_kinds k WHERE k.slot_id = s.id"
        " AND k.kind_id = ?1) ORDER BY s.date, s.start_minute, s.id LIMIT ?4",
        [&](db::Row& row)
        {
            SlotOption s;
            s.id = row.text();
            const std::string date = row.text();
            s.startMinute = row.integer();
            s.durationMinutes = row.integer();
            s.room = row.text();
            const std::optional<Date> d = parseIsoDate(date);
            if (!row.ok() || !d)
                return; // the schema's GLOB lets "2024-02-31" through; such a slot cannot be offered
            s.date = *d;
            out.push_back(std::move(s));
        },
        kindId, today.iso(), nowMinute, static_cast<std::int64_t>(limit));
    if (!read)
        return makeErr(StoreError::Storage);
    return out;
}

Result<domain::CounsellingRequest, StoreError> storeCounsellingRequest(KioskServices& services,
                                                                       domain::CounsellingRequest r)
{
    db::Database& db = services.database();
    if (!db.isOpen())
        return makeErr(StoreError::NoDatabase);
    auto tx = db::Transaction::begin(db, db::TransactionMode::Immediate, db::Durability::Full);
    if (!tx)
        return makeErr(StoreError::Storage);
    r.kioskId = services.kioskId();
    auto code = rules::newReferenceCode(rules::ReferenceKind::Counselling, r.kioskId,
                                        [&](std::string_view c)
                                        {
                                            // Cannot check: try another candidate rather than risk a repeat.
                                            auto taken =
                                                db::exists(db, "SELECT 1 FROM counselling_requests WHERE code = ?1", c);
                                            return !taken || *taken;
                                        });
    if (!code)
        return makeErr(StoreError::CodeUnavailable);
    r.code = code.value();
    if (!db::exec(db,
                  "INSERT INTO counselling_requests(id, code, kind_id, slot_id, name, phone, status, language,"
                  " kiosk_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                  r.id, r.code, r.kindId, r.slotId, r.name, r.phone, domain::toCode(r.status),
                  domain::languageCode(r.language), r.kioskId, r.createdAt))
        return makeErr(StoreError::Storage);
    if (r.slotId && r.status == domain::RequestStatus::Confirmed &&
        !db::exec(db, "UPDATE counselling_slots SET booked = 1 WHERE id = ?1", *r.slotId))
        return makeErr(StoreError::Storage);
    const protocol::Event ev = protocol::makeCounsellingRequested(r);
    sync::Outbox outbox(db);
    if (!outbox.enqueue(tx.value(), ev.type, ev.payload.dump(), {sync::SubjectKind::CounsellingRequest, r.id}, r.id))
        return makeErr(StoreError::Storage);
    if (!tx->commit())
        return makeErr(StoreError::Storage);
    services.outboxChanged();
    return r;
}

} // namespace okienko::kiosk
