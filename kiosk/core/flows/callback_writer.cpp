// Callback request storage (see callback_writer.hpp).
#include "kiosk/core/flows/callback_writer.hpp"

#include "kiosk/core/kiosk_services.hpp"
#include "kiosk/sync/outbox.hpp"
#include "shared/db/query.hpp"
#include "shared/db/transaction.hpp"
#include "shared/domain/codes.hpp"
#include "shared/protocol/payloads.hpp"
#include "shared/rules/callback_dedup.hpp"
#include "shared/rules/reference_code.hpp"
#include "shared/util/uuid.hpp"

#include <vector>

namespace okienko::kiosk
{
namespace
{

std::optional<std::vector<domain::CallbackRequest>> openRequestsFor(db::Database& db, const std::string& phone)
{
    std::vector<domain::CallbackRequest> out;
    auto read = db::forEachRow(
        db,
        "SELECT id, code, phone, day, day_part, topic_service_id, equipment_type_id, COALESCE(first_name, ''), status,"
        " failed_attempts, language, kiosk_id, created_at FROM callback_requests WHERE phone = ?1 AND status NOT IN"
        " ('done', 'closed', 'cancelled') ORDER BY created_at, id",
        [&](db::Row& row)
        {
            domain::CallbackRequest r;
            r.id = row.text();
            r.code = row.text();
            r.phone = row.text();
            r.day = parseIsoDate(row.text()).value_or(Date{});
            r.dayPart = domain::fromCode<domain::DayPart>(row.text()).value_or(domain::DayPart::Morning);
            r.topicServiceId = row.text();
            r.equipmentTypeId = row.text();
            r.firstName = row.text();
            r.status = domain::fromCode<domain::RequestStatus>(row.text()).value_or(domain::RequestStatus::Provisional);
            r.failedAttempts = row.integer();
            r.language = domain::parseLanguage(row.text()).value_or(domain::Language::Pl);
            r.kioskId = row.text();
            r.createdAt = row.int64();
            out.push_back(std::move(r));
        },
        phone);
    if (!read)
        return std::nullopt;
    return out;
}

bool codeTaken(db::Database& db, std::string_view code)
{
    auto taken = db::exists(db, "SELECT 1 FROM callback_requests WHERE code = ?1", code);
    return !taken || *taken; // cannot check: try another candidate rather than risk a repeat
}

std::optional<std::string> optionalText(const std::string& s)
{
    return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

} // namespace

Result<CallbackStoreResult, StoreError> storeCallbackRequest(KioskServices& services, domain::CallbackRequest incoming)
{
    db::Database& db = services.database();
    if (!db.isOpen())
        return makeErr(StoreError::NoDatabase);
    auto tx = db::Transaction::begin(db, db::TransactionMode::Immediate, db::Durability::Full);
    if (!tx)
        return makeErr(StoreError::Storage);

    const auto existing = openRequestsFor(db, incoming.phone);
    if (!existing)
        return makeErr(StoreError::Storage);
    incoming.kioskId = services.kioskId();
    incoming.status = domain::RequestStatus::Provisional;
    incoming.id = newUuid();
    rules::CallbackMergeResult merged = rules::mergeCallbackRequest(*existing, incoming);
    domain::CallbackRequest& r = merged.request;
    const bool updated = merged.outcome == rules::CallbackMergeOutcome::Updated;

    std::string eventId;
    if (!updated)
    {
        auto code = rules::newReferenceCode(rules::ReferenceKind::Callback, services.kioskId(),
                                            [&](std::string_view c) { return codeTaken(db, c); });
        if (!code)
            return makeErr(StoreError::CodeUnavailable);
        r.code = code.value();
        if (!db::exec(db,
                      "INSERT INTO callback_requests(id, code, phone, day, day_part, topic_service_id,"
                      " equipment_type_id, first_name, status, failed_attempts, language, kiosk_id, created_at)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0, ?10, ?11, ?12)",
                      r.id, r.code, r.phone, r.day.iso(), domain::toCode(r.dayPart), r.topicServiceId,
                      r.equipmentTypeId, optionalText(r.firstName), domain::toCode(r.status),
                      domain::languageCode(r.language), r.kioskId, r.createdAt))
            return makeErr(StoreError::Storage);
        eventId = r.id;
    }
    else
    {
        if (!db::exec(db,
                      "UPDATE callback_requests SET day = ?2, day_part = ?3, topic_service_id = ?4,"
                      " equipment_type_id = ?5, first_name = ?6, language = ?7 WHERE id = ?1",
                      r.id, r.day.iso(), domain::toCode(r.dayPart), r.topicServiceId, r.equipmentTypeId,
                      optionalText(r.firstName), domain::languageCode(r.language)))
            return makeErr(StoreError::Storage);
        eventId = newUuid(); // the first request's event may already be queued or acknowledged
    }

    domain::CallbackRequest forEvent = r;
    forEvent.id = eventId;
    forEvent.createdAt = incoming.createdAt;
    const protocol::Event ev = protocol::makeCallbackRequested(forEvent);
    sync::Outbox outbox(db);
    if (!outbox.enqueue(tx.value(), ev.type, ev.payload.dump(), {sync::SubjectKind::CallbackRequest, r.id}, eventId))
        return makeErr(StoreError::Storage);
    if (!tx->commit())
        return makeErr(StoreError::Storage);
    services.outboxChanged();
    return CallbackStoreResult{std::move(r), updated};
}

} // namespace okienko::kiosk
