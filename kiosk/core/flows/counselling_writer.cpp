// Counselling slots and request storage (see counselling_writer.hpp).
#include "kiosk/core/flows/counselling_writer.hpp"

#include "kiosk/core/kiosk_services.hpp"
#include "kiosk/sync/outbox.hpp"
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
    auto stmt = db.prepare("SELECT s.id, s.date, s.start_minute, s.duration_minutes, s.room FROM counselling_slots s"
                           " WHERE s.booked = 0 AND (s.date > ?2 OR (s.date = ?2 AND s.start_minute > ?3))"
                           " AND EXISTS (SELECT 1 FROM counselling_slot_kinds k WHERE k.slot_id = s.id"
                           " AND k.kind_id = ?1) ORDER BY s.date, s.start_minute, s.id LIMIT ?4");
    if (!stmt || !stmt->bind(1, kindId) || !stmt->bind(2, today.iso()) || !stmt->bind(3, nowMinute) ||
        !stmt->bind(4, static_cast<std::int64_t>(limit)))
        return makeErr(StoreError::Storage);
    std::vector<SlotOption> out;
    while (true)
    {
        auto step = stmt->step();
        if (!step)
            return makeErr(StoreError::Storage);
        if (*step == db::Step::Done)
            break;
        SlotOption s;
        auto id = stmt->columnText(0);
        auto date = stmt->columnText(1);
        auto start = stmt->columnInt(2);
        auto duration = stmt->columnInt(3);
        auto room = stmt->columnText(4);
        if (!id || !date || !start || !duration || !room)
            return makeErr(StoreError::Storage);
        const std::optional<Date> d = parseIsoDate(date.value());
        if (!d)
            continue; // the schema's GLOB lets "2024-02-31" through; such a slot cannot be offered
        s.id = id.value();
        s.date = *d;
        s.startMinute = start.value();
        s.durationMinutes = duration.value();
        s.room = room.value();
        out.push_back(std::move(s));
    }
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
                                            auto st = db.prepare("SELECT 1 FROM counselling_requests WHERE code = ?1");
                                            if (!st || !st->bind(1, c))
                                                return true;
                                            auto step = st->step();
                                            return !step || *step == db::Step::Row;
                                        });
    if (!code)
        return makeErr(StoreError::CodeUnavailable);
    r.code = code.value();
    auto insert = db.prepare("INSERT INTO counselling_requests(id, code, kind_id, slot_id, name, phone, status,"
                             " language, kiosk_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    if (!insert || !insert->bind(1, r.id) || !insert->bind(2, r.code) || !insert->bind(3, r.kindId) ||
        !insert->bind(4, r.slotId) || !insert->bind(5, r.name) || !insert->bind(6, r.phone) ||
        !insert->bind(7, domain::toCode(r.status)) || !insert->bind(8, domain::languageCode(r.language)) ||
        !insert->bind(9, r.kioskId) || !insert->bind(10, r.createdAt) || !insert->run())
        return makeErr(StoreError::Storage);
    if (r.slotId && r.status == domain::RequestStatus::Confirmed)
    {
        auto booked = db.prepare("UPDATE counselling_slots SET booked = 1 WHERE id = ?1");
        if (!booked || !booked->bind(1, *r.slotId) || !booked->run())
            return makeErr(StoreError::Storage);
    }
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
