// Usage events with their outbox rows (see usage_recorder.hpp).
#include "kiosk/core/flows/usage_recorder.hpp"

#include "kiosk/core/kiosk_services.hpp"
#include "kiosk/sync/outbox.hpp"
#include "shared/db/query.hpp"
#include "shared/db/transaction.hpp"
#include "shared/domain/codes.hpp"
#include "shared/protocol/flow_codes.hpp"
#include "shared/protocol/payloads.hpp"
#include "shared/util/uuid.hpp"

#include <cstdio>

namespace okienko::kiosk
{

std::int64_t unixSeconds(const Clock* clock)
{
    if (clock == nullptr)
        return 0;
    return std::chrono::duration_cast<std::chrono::seconds>(clock->wallNow().time_since_epoch()).count();
}

bool UsageRecorder::record(domain::UsageEvent event, bool durable)
{
    if (m_services == nullptr)
        return false;
    db::Database& db = m_services->database();
    if (!db.isOpen())
        return false;
    event.id = newUuid();
    event.at = unixSeconds(m_clock);
    auto tx = db::Transaction::begin(db, db::TransactionMode::Immediate,
                                     durable ? db::Durability::Full : db::Durability::Normal);
    if (!tx)
        return false;
    const std::optional<std::string> area =
        event.area ? std::optional<std::string>(std::string(domain::areaCode(*event.area))) : std::nullopt;
    const std::optional<std::string> text =
        event.kind == domain::UsageKind::Idea ? std::optional<std::string>(event.text) : std::nullopt;
    if (!db::exec(db,
                  "INSERT INTO usage_events(id, kind, flow, step, service_id, rating, area, text, language, at)"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                  event.id, domain::toCode(event.kind), event.flow, event.step, event.serviceId, event.rating, area,
                  text, domain::languageCode(event.language), event.at))
        return false;
    const protocol::Event ev = protocol::makeUsageEvent(event);
    const std::string payload = ev.payload.dump();
    sync::Outbox outbox(db);
    const sync::OutboxSubject subject{event.kind == domain::UsageKind::Idea ? sync::SubjectKind::UsageEvent
                                                                            : sync::SubjectKind::None,
                                      event.kind == domain::UsageKind::Idea ? event.id : std::string()};
    if (!outbox.enqueue(tx.value(), ev.type, payload, subject, event.id))
        return false;
    if (!tx->commit())
    {
        std::fprintf(stderr, "[usage] could not store a %s event\n", std::string(domain::toCode(event.kind)).c_str());
        return false;
    }
    m_services->outboxChanged();
    return true;
}

bool UsageRecorder::flowStarted(const std::string& flow, domain::Language lang)
{
    domain::UsageEvent e;
    e.kind = domain::UsageKind::FlowStarted;
    e.flow = flow;
    e.language = lang;
    return record(std::move(e));
}

bool UsageRecorder::flowFinished(const std::string& flow, domain::Language lang)
{
    domain::UsageEvent e;
    e.kind = domain::UsageKind::FlowFinished;
    e.flow = flow;
    e.language = lang;
    return record(std::move(e));
}

bool UsageRecorder::flowAbandoned(const std::string& flow, const std::string& step, domain::Language lang)
{
    domain::UsageEvent e;
    e.kind = domain::UsageKind::FlowAbandoned;
    e.flow = flow;
    e.step = step;
    e.language = lang;
    return record(std::move(e));
}

bool UsageRecorder::serviceViewed(const std::string& serviceId, domain::Language lang)
{
    domain::UsageEvent e;
    e.kind = domain::UsageKind::ServiceViewed;
    e.flow = std::string(protocol::flow_code::kCatalog);
    e.serviceId = serviceId;
    e.language = lang;
    return record(std::move(e));
}

bool UsageRecorder::searchMade(const std::string& matchedServiceId, domain::Language lang)
{
    domain::UsageEvent e;
    e.kind = domain::UsageKind::SearchMade;
    e.flow = std::string(protocol::flow_code::kCatalog);
    e.serviceId = matchedServiceId;
    e.language = lang;
    return record(std::move(e));
}

bool UsageRecorder::rating(const std::string& flow, int value, domain::Language lang)
{
    if (value < 1 || value > 5)
        return false;
    domain::UsageEvent e;
    e.kind = domain::UsageKind::Rating;
    e.flow = flow;
    e.rating = value;
    e.language = lang;
    return record(std::move(e), true);
}

bool UsageRecorder::idea(std::optional<domain::Area> area, const std::string& text, domain::Language lang)
{
    domain::UsageEvent e;
    e.kind = domain::UsageKind::Idea;
    e.flow = std::string(protocol::flow_code::kIdea);
    e.area = area;
    e.text = text;
    e.language = lang;
    return record(std::move(e), true);
}

} // namespace okienko::kiosk
