// The exchange itself. A batch refused as a whole (400/413/422 with a protocol error body) is split
// in halves until the one event the server will not take is alone; that event then becomes a dead
// letter, so one bad event can never block everything queued behind it ("data must flow").
#include "kiosk/sync/sync_session.hpp"

#include "kiosk/sync/change_applier.hpp"
#include "shared/db/transaction.hpp"
#include "shared/protocol/changes.hpp"
#include "shared/protocol/events.hpp"
#include "shared/protocol/lost_events.hpp"
#include "shared/text/percent_encode.hpp"

#include <algorithm>
#include <future>
#include <string_view>
#include <unordered_set>

namespace okienko::sync
{

namespace
{

StepResult fail(std::string code, std::string detail = {})
{
    StepResult r;
    r.ok = false;
    r.error = std::move(code);
    r.detail = std::move(detail);
    return r;
}

OutcomeKind outcomeOf(protocol::EventStatus status)
{
    switch (status)
    {
    case protocol::EventStatus::Applied:
        return OutcomeKind::Applied;
    case protocol::EventStatus::Duplicate:
        return OutcomeKind::Duplicate;
    case protocol::EventStatus::Rejected:
        return OutcomeKind::Rejected;
    }
    return OutcomeKind::Rejected;
}

} // namespace

std::string httpErrorCode(long status)
{
    if (status == 401 || status == 403)
        return "unauthorized";
    return "http_" + std::to_string(status);
}

SyncSession::SyncSession(db::Database& db, HttpsClient& client, SyncClock clock, SessionOptions options)
    : m_db(db), m_client(client), m_clock(std::move(clock)), m_options(std::move(options)), m_outbox(db, m_clock),
      m_batchLimit(std::clamp(m_options.batchSize, 1, static_cast<int>(protocol::kMaxEventsPerBatch)))
{
}

void SyncSession::noteDate(const HttpResponse& response)
{
    if (response.serverDate)
        m_clockOffset = *response.serverDate - m_clock.wallSeconds();
}

void SyncSession::noteEpoch(const HttpResponse& response)
{
    if (std::string epoch = protocol::responseEpoch(response.body); !epoch.empty())
        m_serverEpoch = std::move(epoch);
}

StepResult SyncSession::transportFailure(const TransportError& error)
{
    StepResult r = fail(std::string(transportErrorCode(error.kind)), error.message);
    r.unreachable = true;
    return r;
}

StepResult SyncSession::httpFailure(const HttpResponse& response)
{
    StepResult r = fail(httpErrorCode(response.status));
    r.httpStatus = response.status;
    r.retryAfter = response.retryAfter;
    if (auto body = protocol::decodeErrorBody(response.body))
        r.detail = body->code; // the server's code only; its message may quote input
    return r;
}

StepResult SyncSession::pushOutbox()
{
    StepResult total;
    const auto add = [&total](const StepResult& step)
    {
        total.eventsSent += step.eventsSent;
        total.eventsRejected += step.eventsRejected;
    };
    const auto failed = [&total](StepResult step)
    {
        step.eventsSent = total.eventsSent;
        step.eventsRejected = total.eventsRejected;
        return step;
    };
    const std::string path = "/api/v1/events";
    std::optional<PreparedBatch> current;
    std::optional<Result<HttpResponse, TransportError>> response;
    for (;;)
    {
        if (!current)
        {
            // Nothing in flight: read from the oldest pending event (after a split, a dead letter or
            // at the start).
            auto prepared = prepareBatch(0);
            if (!prepared)
                return failed(prepared.error());
            if (prepared->drained)
                return total;
            if (prepared->ids.empty())
                continue; // only local dead letters this time
            current = std::move(prepared).value();
            response.emplace(m_client.postJson(path, current->body));
        }
        // The server has answered `current`. When it took it, the next batch goes out now.
        std::optional<PreparedBatch> next;
        std::future<Result<HttpResponse, TransportError>> nextResponse;
        if (m_options.pipeline && *response && (*response)->status == 200)
        {
            auto prepared = prepareBatch(current->lastSeq);
            if (prepared && !prepared->ids.empty())
            {
                next = std::move(prepared).value();
                nextResponse = std::async(std::launch::async,
                                          [this, &path, body = &next->body] { return m_client.postJson(path, *body); });
            }
        }
        StepResult step = finishBatch(*current, *response);
        add(step);
        if (!step.ok)
        {
            if (nextResponse.valid())
                nextResponse.wait(); // its events stay pending; a resend is answered "duplicate"
            return failed(std::move(step));
        }
        current.reset();
        if (next)
        {
            auto answered = nextResponse.get(); // before `next` moves: the request reads its body
            current = std::move(next);
            response.emplace(std::move(answered));
        }
    }
}

Result<SyncSession::PreparedBatch, StepResult> SyncSession::prepareBatch(std::int64_t afterSeq)
{
    PreparedBatch out;
    auto batch = m_outbox.nextBatch(m_batchLimit, afterSeq);
    if (!batch)
        return makeErr(fail("db", batch.error().describe()));
    if (batch->empty())
    {
        out.drained = true;
        return out;
    }

    std::vector<protocol::Event> events;
    std::vector<EventOutcome> localRejects;
    std::size_t payloadBytes = 0;
    for (auto& e : *batch)
    {
        if (!events.empty() && payloadBytes + e.payloadJson.size() > kBatchPayloadBytes)
            break;
        out.lastSeq = e.seq;
        auto payload = protocol::parseJson(e.payloadJson);
        if (!payload || !payload->is_object())
        {
            // Stored by this kiosk but unusable: keep it for staff rather than send or drop it.
            localRejects.push_back({e.id, OutcomeKind::Rejected, "local_bad_payload"});
            continue;
        }
        payloadBytes += e.payloadJson.size();
        out.ids.push_back(e.id);
        events.push_back(protocol::Event{e.id, e.type, e.createdAt, std::move(payload).value()});
    }
    if (!localRejects.empty())
    {
        auto marked = m_outbox.markAcked(localRejects);
        if (!marked)
            return makeErr(fail("db", marked.error().describe()));
    }
    if (!events.empty())
        out.body = protocol::encodeEventBatch(events);
    return out;
}

StepResult SyncSession::finishBatch(const PreparedBatch& batch, const Result<HttpResponse, TransportError>& response)
{
    const std::vector<std::string>& ids = batch.ids;
    if (!response)
    {
        (void)m_outbox.recordFailure(ids, transportErrorCode(response.error().kind));
        return transportFailure(response.error());
    }
    noteDate(*response);

    if (response->status == 400 || response->status == 413 || response->status == 422)
    {
        auto body = protocol::decodeErrorBody(response->body);
        if (body)
        {
            if (ids.size() > 1)
            {
                m_batchLimit = std::max(1, static_cast<int>(ids.size() / 2));
                return {}; // resend in smaller batches at once
            }
            StepResult r;
            auto marked = m_outbox.markAcked({{ids.front(), OutcomeKind::Rejected, body->code}});
            if (!marked)
                return fail("db", marked.error().describe());
            r.eventsRejected = marked->deadLettered;
            m_batchLimit = std::clamp(m_options.batchSize, 1, static_cast<int>(protocol::kMaxEventsPerBatch));
            return r;
        }
    }
    if (response->status != 200)
    {
        (void)m_outbox.recordFailure(ids, httpErrorCode(response->status));
        return httpFailure(*response);
    }

    auto results = protocol::decodeEventResults(response->body);
    if (!results)
    {
        (void)m_outbox.recordFailure(ids, "bad_response");
        return fail("bad_response", results.error().describe());
    }
    noteEpoch(*response);
    if (m_options.afterEventsPosted)
        m_options.afterEventsPosted();

    const std::unordered_set<std::string_view> sent(ids.begin(), ids.end());
    std::vector<EventOutcome> outcomes;
    outcomes.reserve(results->size());
    for (const auto& r : *results)
        if (sent.count(r.id) != 0)
            outcomes.push_back({r.id, outcomeOf(r.status), r.code});
    auto marked = m_outbox.markAcked(outcomes, protocol::responseEpoch(response->body));
    if (!marked)
        return fail("db", marked.error().describe());
    StepResult r;
    r.eventsSent = marked->acknowledged;
    r.eventsRejected = marked->deadLettered;
    if (marked->acknowledged + marked->deadLettered == 0)
        return fail("incomplete_response"); // nothing moved: do not spin on the same batch
    m_batchLimit = std::clamp(m_options.batchSize, 1, static_cast<int>(protocol::kMaxEventsPerBatch));
    return r;
}

StepResult SyncSession::pullChanges()
{
    StepResult total;
    const int limit = std::clamp(m_options.changesLimit, 1, protocol::kMaxChangesLimit);
    for (;;)
    {
        auto cursor = loadCursor(m_db);
        if (!cursor)
            return fail("db", cursor.error().describe());
        auto response =
            m_client.get("/api/v1/changes?since=" + text::percentEncode(*cursor) + "&limit=" + std::to_string(limit));
        if (!response)
            return transportFailure(response.error());
        noteDate(*response);
        if (response->status == 410 && !cursor->empty())
        {
            // cursor_reset: the server's database was replaced, or its log compacted past this
            // cursor; start again from the beginning: a snapshot, whose last page also removes what
            // the server no longer has (every change is a whole-entity upsert, so replaying is safe).
            auto tx = db::Transaction::begin(m_db);
            if (!tx)
                return fail("db", tx.error().describe());
            auto reset = storeCursor(m_db, "", m_clock.wallSeconds());
            if (!reset)
                return fail("db", reset.error().describe());
            auto committed = tx->commit();
            if (!committed)
                return fail("db", committed.error().describe());
            continue;
        }
        if (response->status != 200)
            return httpFailure(*response);
        auto page = protocol::decodeChangesPage(response->body);
        if (!page)
            return fail("bad_response", page.error().describe());

        auto tx = db::Transaction::begin(m_db);
        if (!tx)
            return fail("db", tx.error().describe());
        auto applied = applyChanges(m_db, *page);
        if (!applied)
            return fail(applied.error().kind == db::ErrorKind::BadData ? "bad_change" : "db",
                        applied.error().describe());
        auto stored = storeCursor(m_db, page->cursor, m_clock.wallSeconds());
        if (!stored)
            return fail("db", stored.error().describe());
        auto committed = tx->commit();
        if (!committed)
            return fail(committed.error().kind == db::ErrorKind::Sqlite && committed.error().isConstraint()
                            ? "bad_change"
                            : "db",
                        committed.error().describe());
        total.changesApplied += static_cast<int>(page->changes.size());
        if (!page->more || page->cursor == *cursor)
            return total;
    }
}

StepResult SyncSession::sendHeartbeat(const protocol::Heartbeat& heartbeat)
{
    auto response = m_client.postJson("/api/v1/heartbeat", protocol::encodeHeartbeat(heartbeat));
    if (!response)
        return transportFailure(response.error());
    noteDate(*response);
    if (response->status < 200 || response->status >= 300)
        return httpFailure(*response);
    noteEpoch(*response);
    return {};
}

Result<HttpResponse, StepResult> SyncSession::postExpectingOk(const std::string& path, const std::string& body)
{
    auto response = m_client.postJson(path, body);
    if (!response)
        return makeErr(transportFailure(response.error()));
    noteDate(*response);
    if (response->status != 200)
        return makeErr(httpFailure(*response));
    noteEpoch(*response);
    return std::move(response).value();
}

StepResult SyncSession::reconcileAfterRestore()
{
    EventReceipts receipts(m_db);
    if (auto purged = receipts.purge(m_clock.wallSeconds()); !purged)
        return fail("db", purged.error().describe());
    StepResult total;
    while (!m_serverEpoch.empty())
    {
        const std::string epoch = m_serverEpoch;
        auto stale = receipts.fromOtherEpochs(epoch, static_cast<int>(protocol::kMaxEventsPerBatch));
        if (!stale)
            return fail("db", stale.error().describe());
        if (stale->empty())
            break;
        std::vector<std::string> settled;
        std::vector<EventReceipt> toReport;
        StepResult step = resendReceipts(*stale, settled, toReport);
        total.eventsResent += step.eventsResent;
        if (step.ok && !toReport.empty() && m_serverEpoch == epoch)
        {
            step = reportLost(toReport, settled);
            total.eventsReported += step.eventsReported;
            total.eventsLost += step.eventsLost;
        }
        // Settled with the server that answered; if it changed meanwhile (another restore), the next
        // pass sees them again under the newer epoch.
        if (auto moved = receipts.moveToEpoch(settled, epoch); !moved)
            return fail("db", moved.error().describe());
        if (!step.ok)
        {
            step.eventsResent = total.eventsResent;
            step.eventsReported = total.eventsReported;
            step.eventsLost = total.eventsLost;
            return step;
        }
        if (settled.empty() && m_serverEpoch == epoch)
            return fail("incomplete_response"); // nothing moved: do not spin on the same receipts
    }
    return total;
}

StepResult SyncSession::resendReceipts(const std::vector<EventReceipt>& receipts, std::vector<std::string>& settled,
                                       std::vector<EventReceipt>& toReport)
{
    std::vector<protocol::Event> events;
    for (const auto& r : receipts)
    {
        auto payload = r.resendPayload ? protocol::parseJson(*r.resendPayload)
                                       : Result<protocol::Json, protocol::ProtocolError>(protocol::Json());
        if (r.resendPayload && payload && payload->is_object())
            events.push_back(protocol::Event{r.id, r.type, r.createdAt, std::move(payload).value()});
        else
            toReport.push_back(r);
    }
    if (events.empty())
        return {};
    auto response = postExpectingOk("/api/v1/events", protocol::encodeEventBatch(events));
    if (!response)
        return response.error();
    auto results = protocol::decodeEventResults(response->body);
    if (!results)
        return fail("bad_response", results.error().describe());
    StepResult r;
    for (const auto& result : *results)
    {
        auto receipt =
            std::find_if(receipts.begin(), receipts.end(), [&](const EventReceipt& e) { return e.id == result.id; });
        if (receipt == receipts.end())
            continue;
        if (result.status == protocol::EventStatus::Rejected)
            toReport.push_back(*receipt); // e.g. an extension of a loan the restored database lacks
        else
        {
            settled.push_back(result.id);
            ++r.eventsResent;
        }
    }
    return r;
}

StepResult SyncSession::reportLost(const std::vector<EventReceipt>& receipts, std::vector<std::string>& settled)
{
    std::vector<protocol::LostEventReport> reports;
    for (const auto& r : receipts)
        reports.push_back({r.id, r.type.substr(0, 64), r.reference, r.ackedAt});
    auto response = postExpectingOk("/api/v1/lost-events", protocol::encodeLostEventReports(reports));
    if (!response)
        return response.error();
    auto results = protocol::decodeLostEventResults(response->body);
    if (!results)
        return fail("bad_response", results.error().describe());
    StepResult r;
    for (const auto& result : *results)
    {
        if (std::none_of(receipts.begin(), receipts.end(), [&](const EventReceipt& e) { return e.id == result.id; }))
            continue;
        settled.push_back(result.id);
        ++r.eventsReported;
        if (result.status == protocol::LostEventStatus::Lost)
            ++r.eventsLost;
    }
    return r;
}

} // namespace okienko::sync
