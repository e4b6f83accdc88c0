// Outbox storage. Every SQL text here is a constant: values are bound, and the only table names
// used in an erase come from the fixed list in eraseSql(), never from the database or the server.
#include "kiosk/sync/outbox.hpp"

#include "kiosk/sync/event_receipts.hpp"
#include "shared/db/query.hpp"
#include "shared/protocol/lost_events.hpp"
#include "shared/util/uuid.hpp"

#include <algorithm>

namespace okienko::sync
{

namespace
{

using db::Error;
using db::ErrorKind;

std::int64_t monoMs(const SyncClock& clock)
{
    return static_cast<std::int64_t>(
        std::chrono::duration_cast<std::chrono::milliseconds>(clock.monotonic().time_since_epoch()).count());
}

/// The UPDATE that erases one request table's PERSONAL columns (see kiosk/store/kiosk_schema.cpp), or nullptr
/// for a table this program does not know.
const char* eraseSql(std::string_view table)
{
    if (table == "reservations")
        return "UPDATE reservations SET person_name = NULL, person_phone = NULL, address_street = NULL,"
               " address_postal_code = NULL, address_city = NULL, on_behalf_of = NULL, erased_at = ?2 WHERE id = ?1";
    if (table == "counselling_requests")
        return "UPDATE counselling_requests SET name = NULL, phone = NULL, erased_at = ?2 WHERE id = ?1";
    if (table == "callback_requests")
        return "UPDATE callback_requests SET phone = NULL, first_name = NULL, erased_at = ?2 WHERE id = ?1";
    if (table == "loans")
        return "UPDATE loans SET borrower_name = NULL, borrower_phone = NULL, address_street = NULL,"
               " address_postal_code = NULL, address_city = NULL, pesel = NULL, erased_at = ?2 WHERE id = ?1";
    if (table == "usage_events")
        return "UPDATE usage_events SET text = NULL WHERE id = ?1 AND ?2 IS NOT NULL";
    if (table == "waitlist_entries")
        return "UPDATE waitlist_entries SET name = NULL, phone = NULL, erased_at = ?2 WHERE id = ?1";
    return nullptr;
}

SubjectKind subjectFromTable(std::string_view table)
{
    if (table == "reservations")
        return SubjectKind::Reservation;
    if (table == "counselling_requests")
        return SubjectKind::CounsellingRequest;
    if (table == "callback_requests")
        return SubjectKind::CallbackRequest;
    if (table == "loans")
        return SubjectKind::Loan;
    if (table == "usage_events")
        return SubjectKind::UsageEvent;
    if (table == "waitlist_entries")
        return SubjectKind::WaitlistEntry;
    return SubjectKind::None;
}

/// The count of `sql` (a "SELECT count(*) …"): a query of one row.
Result<std::int64_t, Error> count(db::Database& db, std::string_view sql)
{
    auto n = db::queryInt64(db, sql);
    if (!n)
        return makeErr(n.error());
    return n->value_or(0);
}

/// The columns of a pending outbox row that acknowledging it needs.
struct PendingRow
{
    std::string subjectTable, subjectId, type;
    std::int64_t createdAt = 0;
    std::string payload;
};

const char* outcomeCode(OutcomeKind kind)
{
    switch (kind)
    {
    case OutcomeKind::Applied:
        return "applied";
    case OutcomeKind::Duplicate:
        return "duplicate";
    case OutcomeKind::Rejected:
        return "rejected";
    }
    return "rejected";
}

} // namespace

std::string_view subjectTable(SubjectKind kind)
{
    switch (kind)
    {
    case SubjectKind::None:
        return "";
    case SubjectKind::Reservation:
        return "reservations";
    case SubjectKind::CounsellingRequest:
        return "counselling_requests";
    case SubjectKind::CallbackRequest:
        return "callback_requests";
    case SubjectKind::Loan:
        return "loans";
    case SubjectKind::UsageEvent:
        return "usage_events";
    case SubjectKind::WaitlistEntry:
        return "waitlist_entries";
    }
    return "";
}

Outbox::Outbox(db::Database& db, SyncClock clock) : m_db(db), m_clock(std::move(clock)) {}

Result<std::string, Error> Outbox::enqueue(db::Transaction& tx, std::string_view type, std::string_view payloadJson,
                                           const OutboxSubject& subject, const std::string& id)
{
    static constexpr const char* kSql =
        "INSERT INTO outbox(id, type, created_at, created_mono_ms, payload, seq, state, subject_table, subject_id)"
        " VALUES (?1, ?2, ?3, ?4, ?5, (SELECT coalesce(max(seq), 0) + 1 FROM outbox), 'pending', ?6, ?7)";
    if (!tx.active() || !m_db.inTransaction())
        return makeErr(db::makeError(ErrorKind::Misuse, "enqueue needs an open write transaction", "outbox.enqueue"));
    if (type.empty())
        return makeErr(db::makeError(ErrorKind::Misuse, "event type is empty", "outbox.enqueue"));
    if (!id.empty() && !isUuid(id))
        return makeErr(db::makeError(ErrorKind::Misuse, "event id is not a UUID", "outbox.enqueue"));
    if (subject.kind != SubjectKind::None && subject.id.empty())
        return makeErr(db::makeError(ErrorKind::Misuse, "subject without an id", "outbox.enqueue"));

    std::string eventId = id.empty() ? newUuid() : id;
    const std::string_view table = subjectTable(subject.kind);
    std::optional<std::string_view> subjectTableName;
    std::optional<std::string_view> subjectId;
    if (!table.empty())
    {
        subjectTableName = table;
        subjectId = subject.id;
    }
    auto ran = db::exec(m_db, kSql, eventId, type, m_clock.wallSeconds(), monoMs(m_clock), payloadJson,
                        subjectTableName, subjectId);
    if (!ran)
        return makeErr(ran.error());
    return eventId;
}

Result<std::vector<OutboxEvent>, Error> Outbox::nextBatch(int limit, std::int64_t afterSeq)
{
    std::vector<OutboxEvent> out;
    auto read = db::forEachRow(
        m_db,
        "SELECT id, type, created_at, created_mono_ms, payload, attempts, seq FROM outbox"
        " WHERE state = 'pending' AND seq > ?2 ORDER BY seq LIMIT ?1",
        [&](db::Row& row) -> Status<Error>
        {
            OutboxEvent e;
            e.id = row.text();
            e.type = row.text();
            e.createdAt = row.int64();
            e.createdMonoMs = row.int64();
            std::optional<std::string> payload = row.optionalText();
            e.attempts = row.integer();
            e.seq = row.int64();
            if (!row.ok())
                return row.status();
            // A pending row always has its payload; NULL would mean it was erased without an ack.
            if (!payload)
                return makeErr(db::badData("outbox.nextBatch", "pending outbox row without payload"));
            e.payloadJson = std::move(*payload);
            out.push_back(std::move(e));
            return {};
        },
        std::max(limit, 0), afterSeq);
    if (!read)
        return makeErr(read.error());
    return out;
}

Result<AckSummary, Error> Outbox::markAcked(const std::vector<EventOutcome>& results, const std::string& serverEpoch)
{
    AckSummary summary;
    if (results.empty())
        return summary;
    auto tx = db::Transaction::begin(m_db);
    if (!tx)
        return makeErr(tx.error());
    const std::int64_t now = m_clock.wallSeconds();
    EventReceipts receipts(m_db);

    for (const auto& r : results)
    {
        // The subject of a pending event; nullopt when the event is unknown or no longer pending.
        auto pending = db::queryOne(
            m_db,
            "SELECT subject_table, subject_id, type, created_at, payload FROM outbox WHERE id = ?1 AND "
            "state = 'pending'",
            [](db::Row& row)
            {
                PendingRow p;
                p.subjectTable = row.optionalText().value_or("");
                p.subjectId = row.optionalText().value_or("");
                p.type = row.text();
                p.createdAt = row.int64();
                p.payload = row.optionalText().value_or("");
                return p;
            },
            r.id);
        if (!pending)
            return makeErr(pending.error());
        if (!*pending)
        {
            ++summary.ignored;
            continue;
        }
        const std::string& subjectTableName = (*pending)->subjectTable;
        const std::string& subjectRowId = (*pending)->subjectId;

        if (r.kind == OutcomeKind::Rejected)
        {
            // The server will never take it: staff see its type, reason and reference code (the
            // resident's slip shows the same code), not the resident's data, which is erased here.
            auto payload = protocol::parseJson((*pending)->payload);
            const std::string reference = payload ? protocol::receiptReference(*payload) : std::string();
            if (auto ran = db::exec(m_db,
                                    "UPDATE outbox SET state = 'dead', result = 'rejected', reject_code = ?2,"
                                    " acked_at = ?3, payload = NULL, reference = ?4 WHERE id = ?1",
                                    r.id, r.code.empty() ? std::string("unknown") : r.code, now, reference);
                !ran)
                return makeErr(ran.error());
            if (!subjectTableName.empty())
                if (auto erased = eraseSubject(subjectTableName, subjectRowId, now); !erased)
                    return makeErr(erased.error());
            ++summary.deadLettered;
            continue;
        }
        if (auto ran = db::exec(m_db,
                                "UPDATE outbox SET state = 'acked', result = ?2, acked_at = ?3, payload = NULL,"
                                " last_error = NULL WHERE id = ?1",
                                r.id, outcomeCode(r.kind), now);
            !ran)
            return makeErr(ran.error());
        if (auto kept =
                receipts.record(r.id, (*pending)->type, (*pending)->payload, (*pending)->createdAt, now, serverEpoch);
            !kept)
            return makeErr(kept.error());
        if (!subjectTableName.empty())
        {
            auto erased = eraseSubject(subjectTableName, subjectRowId, now);
            if (!erased)
                return makeErr(erased.error());
        }
        ++summary.acknowledged;
    }
    auto committed = tx->commit();
    if (!committed)
        return makeErr(committed.error());
    return summary;
}

Status<Error> Outbox::eraseSubject(std::string_view table, const std::string& id, std::int64_t now)
{
    const char* sql = eraseSql(table);
    if (sql == nullptr)
        return makeErr(db::makeError(ErrorKind::BadData, "unknown outbox subject table", "outbox.erase"));
    return db::exec(m_db, sql, id, now);
}

Status<Error> Outbox::recordFailure(const std::vector<std::string>& ids, std::string_view code)
{
    if (ids.empty())
        return {};
    auto tx = db::Transaction::begin(m_db);
    if (!tx)
        return makeErr(tx.error());
    for (const auto& id : ids)
        if (auto ran = db::exec(
                m_db, "UPDATE outbox SET attempts = attempts + 1, last_error = ?2 WHERE id = ?1 AND state = 'pending'",
                id, code);
            !ran)
            return ran;
    return tx->commit();
}

Result<std::int64_t, Error> Outbox::depth()
{
    return count(m_db, "SELECT count(*) FROM outbox WHERE state = 'pending'");
}

Result<std::optional<std::chrono::seconds>, Error> Outbox::oldestAge()
{
    auto created = db::queryInt64(m_db, "SELECT created_at FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT 1");
    if (!created)
        return makeErr(created.error());
    if (!*created)
        return std::optional<std::chrono::seconds>{};
    const std::int64_t age = std::max<std::int64_t>(0, m_clock.wallSeconds() - **created);
    return std::optional<std::chrono::seconds>{std::chrono::seconds(age)};
}

Result<std::int64_t, Error> Outbox::deadCount()
{
    return count(m_db, "SELECT count(*) FROM outbox WHERE state = 'dead'");
}

Result<std::vector<DeadLetter>, Error> Outbox::deadLetters()
{
    std::vector<DeadLetter> out;
    auto read =
        db::forEachRow(m_db,
                       "SELECT id, type, coalesce(reject_code, ''), coalesce(reference, ''), created_at,"
                       " coalesce(acked_at, 0), coalesce(subject_table, ''), coalesce(subject_id, '') FROM outbox"
                       " WHERE state = 'dead' ORDER BY seq",
                       [&](db::Row& row)
                       {
                           DeadLetter d;
                           d.id = row.text();
                           d.type = row.text();
                           d.code = row.text();
                           d.reference = row.text();
                           d.createdAt = row.int64();
                           d.rejectedAt = row.int64();
                           d.subject.kind = subjectFromTable(row.text());
                           d.subject.id = row.text();
                           out.push_back(std::move(d));
                       });
    if (!read)
        return makeErr(read.error());
    return out;
}

Result<bool, Error> Outbox::resolveDeadLetter(const std::string& id)
{
    auto deleted = db::execChanges(m_db, "DELETE FROM outbox WHERE id = ?1 AND state = 'dead'", id);
    if (!deleted)
        return makeErr(deleted.error());
    return *deleted > 0;
}

Result<std::int64_t, Error> Outbox::purgeAcked(std::chrono::seconds age)
{
    return db::execChanges(m_db, "DELETE FROM outbox WHERE state = 'acked' AND acked_at < ?1",
                           m_clock.wallSeconds() - static_cast<std::int64_t>(age.count()));
}

} // namespace okienko::sync
