// Callback request storage (see callback_writer.hpp).
#include "kiosk/core/flows/callback_writer.hpp"

#include "kiosk/core/kiosk_services.hpp"
#include "kiosk/sync/outbox.hpp"
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
    auto stmt = db.prepare("SELECT id, code, phone, day, day_part, topic_service_id, equipment_type_id,"
                           " COALESCE(first_name, ''), status, failed_attempts, language, kiosk_id, created_at"
                           " FROM callback_requests WHERE phone = ?1 AND status NOT IN ('done', 'closed', 'cancelled')"
                           " ORDER BY created_at, id");
    if (!stmt || !stmt->bind(1, phone))
        return std::nullopt;
    std::vector<domain::CallbackRequest> out;
    while (true)
    {
        auto step = stmt->step();
        if (!step)
            return std::nullopt;
        if (*step == db::Step::Done)
            break;
        domain::CallbackRequest r;
        auto text = [&](int c)
        {
            return stmt->columnText(c).ok() ? stmt->columnText(c).value() : std::string();
        };
        r.id = text(0);
        r.code = text(1);
        r.phone = text(2);
        r.day = parseIsoDate(text(3)).value_or(Date{});
        r.dayPart = domain::fromCode<domain::DayPart>(text(4)).value_or(domain::DayPart::Morning);
        r.topicServiceId = text(5);
        r.equipmentTypeId = text(6);
        r.firstName = text(7);
        r.status = domain::fromCode<domain::RequestStatus>(text(8)).value_or(domain::RequestStatus::Provisional);
        r.failedAttempts = stmt->columnInt(9).ok() ? stmt->columnInt(9).value() : 0;
        r.language = domain::parseLanguage(text(10)).value_or(domain::Language::Pl);
        r.kioskId = text(11);
        r.createdAt = stmt->columnInt64(12).ok() ? stmt->columnInt64(12).value() : 0;
        out.push_back(std::move(r));
    }
    return out;
}

bool codeTaken(db::Database& db, std::string_view code)
{
    auto stmt = db.prepare("SELECT 1 FROM callback_requests WHERE code = ?1");
    if (!stmt || !stmt->bind(1, code))
        return true; // cannot check: try another candidate rather than risk a repeat
    auto step = stmt->step();
    return !step || *step == db::Step::Row;
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
        auto insert = db.prepare("INSERT INTO callback_requests(id, code, phone, day, day_part, topic_service_id,"
                                 " equipment_type_id, first_name, status, failed_attempts, language, kiosk_id,"
                                 " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0, ?10, ?11, ?12)");
        if (!insert || !insert->bind(1, r.id) || !insert->bind(2, r.code) || !insert->bind(3, r.phone) ||
            !insert->bind(4, r.day.iso()) || !insert->bind(5, domain::toCode(r.dayPart)) ||
            !insert->bind(6, r.topicServiceId) || !insert->bind(7, r.equipmentTypeId) ||
            !insert->bind(8, optionalText(r.firstName)) || !insert->bind(9, domain::toCode(r.status)) ||
            !insert->bind(10, domain::languageCode(r.language)) || !insert->bind(11, r.kioskId) ||
            !insert->bind(12, r.createdAt) || !insert->run())
            return makeErr(StoreError::Storage);
        eventId = r.id;
    }
    else
    {
        auto update = db.prepare("UPDATE callback_requests SET day = ?2, day_part = ?3, topic_service_id = ?4,"
                                 " equipment_type_id = ?5, first_name = ?6, language = ?7 WHERE id = ?1");
        if (!update || !update->bind(1, r.id) || !update->bind(2, r.day.iso()) ||
            !update->bind(3, domain::toCode(r.dayPart)) || !update->bind(4, r.topicServiceId) ||
            !update->bind(5, r.equipmentTypeId) || !update->bind(6, optionalText(r.firstName)) ||
            !update->bind(7, domain::languageCode(r.language)) || !update->run())
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
