#include "tests/integration/sync/kiosk_fixture.hpp"

#include "shared/db/transaction.hpp"
#include "shared/domain/codes.hpp"
#include "shared/protocol/payloads.hpp"
#include "shared/rules/reference_code.hpp"
#include "shared/util/uuid.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace okienko::test
{

std::string queueCallbackRequest(db::Database& db, sync::Outbox& outbox, int index, const std::string& kioskId)
{
    domain::CallbackRequest c;
    c.id = newUuid();
    auto code = rules::newReferenceCode(rules::ReferenceKind::Callback, kioskId);
    if (!code)
        return {};
    c.code = *code;
    char phone[16];
    std::snprintf(phone, sizeof phone, "6%08d", index % 100000000);
    c.phone = phone;
    const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    c.day = Date::fromDays(static_cast<std::int64_t>(today.time_since_epoch().count()) + 1);
    c.dayPart = domain::DayPart::Morning;
    c.firstName = "Ala";
    c.kioskId = kioskId;
    c.createdAt = static_cast<std::int64_t>(std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()));
    const auto event = protocol::makeCallbackRequested(c);

    auto tx = db::Transaction::begin(db, db::TransactionMode::Immediate, db::Durability::Full);
    if (!tx)
        return {};
    {
        auto stmt = db.prepare("INSERT INTO callback_requests(id, code, phone, day, day_part, first_name, status,"
                               " language, kiosk_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'provisional', 'pl',"
                               " ?7, ?8)");
        if (!stmt)
            return {};
        for (auto st : {stmt->bind(1, c.id), stmt->bind(2, c.code), stmt->bind(3, c.phone), stmt->bind(4, c.day.iso()),
                        stmt->bind(5, std::string(domain::toCode(c.dayPart))), stmt->bind(6, c.firstName),
                        stmt->bind(7, c.kioskId), stmt->bind(8, c.createdAt), stmt->run()})
            if (!st)
                return {};
    }
    auto queued = outbox.enqueue(*tx, event.type, event.payload.dump(),
                                 sync::OutboxSubject{sync::SubjectKind::CallbackRequest, c.id}, c.id);
    if (!queued || !tx->commit())
        return {};
    return c.id;
}

std::string queueUsageEvent(db::Database& db, sync::Outbox& outbox, int index)
{
    domain::UsageEvent u;
    u.id = newUuid();
    u.kind = domain::UsageKind::ServiceViewed;
    u.flow = "catalog";
    u.step = "step-" + std::to_string(index);
    u.at = static_cast<std::int64_t>(std::time(nullptr));
    const auto event = protocol::makeUsageEvent(u);
    auto tx = db::Transaction::begin(db, db::TransactionMode::Immediate, db::Durability::Full);
    if (!tx)
        return {};
    auto queued = outbox.enqueue(*tx, event.type, event.payload.dump(), {}, u.id);
    if (!queued || !tx->commit())
        return {};
    return u.id;
}

} // namespace okienko::test
