// Outbox storage. Every SQL text here is a constant: values are bound, and the only table names
// used in an erase come from the fixed list in eraseSql(), never from the database or the server.
#include "kiosk/sync/outbox.hpp"

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
    return SubjectKind::None;
}

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
    auto stmt = m_db.prepare(kSql);
    if (!stmt)
        return makeErr(stmt.error());
    auto& s = *stmt;
    const std::string_view table = subjectTable(subject.kind);
    for (auto st : {s.bind(1, eventId), s.bind(2, type), s.bind(3, m_clock.wallSeconds()), s.bind(4, monoMs(m_clock)),
                    s.bind(5, payloadJson)})
        if (!st)
            return makeErr(st.error());
    auto b6 = table.empty() ? s.bindNull(6) : s.bind(6, table);
    if (!b6)
        return makeErr(b6.error());
    auto b7 = table.empty() ? s.bindNull(7) : s.bind(7, subject.id);
    if (!b7)
        return makeErr(b7.error());
    auto ran = s.run();
    if (!ran)
        return makeErr(ran.error());
    return eventId;
}

Result<std::vector<OutboxEvent>, Error> Outbox::nextBatch(int limit)
{
    auto stmt = m_db.prepare("SELECT id, type, created_at, created_mono_ms, payload, attempts, seq FROM outbox"
                             " WHERE state = 'pending' ORDER BY seq LIMIT ?1");
    if (!stmt)
        return makeErr(stmt.error());
    auto b = stmt->bind(1, std::max(limit, 0));
    if (!b)
        return makeErr(b.error());
    std::vector<OutboxEvent> out;
    for (;;)
    {
        auto step = stmt->step();
        if (!step)
            return makeErr(step.error());
        if (*step == db::Step::Done)
            break;
        OutboxEvent e;
        auto id = stmt->columnText(0);
        auto type = stmt->columnText(1);
        auto created = stmt->columnInt64(2);
        auto mono = stmt->columnInt64(3);
        auto payload = stmt->columnOptionalText(4);
        auto attempts = stmt->columnInt(5);
        auto seq = stmt->columnInt64(6);
        if (!id || !type || !created || !mono || !payload || !attempts || !seq)
            return makeErr(db::makeError(ErrorKind::BadData, "malformed outbox row", "outbox.nextBatch"));
        e.id = std::move(*id);
        e.type = std::move(*type);
        e.createdAt = *created;
        e.createdMonoMs = *mono;
        // A pending row always has its payload; NULL would mean it was erased without an ack.
        if (!payload->has_value())
            return makeErr(db::makeError(ErrorKind::BadData, "pending outbox row without payload", "outbox.nextBatch"));
        e.payloadJson = std::move(**payload);
        e.attempts = *attempts;
        e.seq = *seq;
        out.push_back(std::move(e));
    }
    return out;
}

Result<AckSummary, Error> Outbox::markAcked(const std::vector<EventOutcome>& results)
{
    AckSummary summary;
    if (results.empty())
        return summary;
    auto tx = db::Transaction::begin(m_db);
    if (!tx)
        return makeErr(tx.error());
    auto find = m_db.prepare("SELECT subject_table, subject_id FROM outbox WHERE id = ?1 AND state = 'pending'");
    auto ack = m_db.prepare("UPDATE outbox SET state = 'acked', result = ?2, acked_at = ?3, payload = NULL,"
                            " last_error = NULL WHERE id = ?1");
    auto dead = m_db.prepare("UPDATE outbox SET state = 'dead', result = 'rejected', reject_code = ?2, acked_at = ?3"
                             " WHERE id = ?1");
    if (!find)
        return makeErr(find.error());
    if (!ack)
        return makeErr(ack.error());
    if (!dead)
        return makeErr(dead.error());
    const std::int64_t now = m_clock.wallSeconds();

    for (const auto& r : results)
    {
        find->reset();
        auto bf = find->bind(1, r.id);
        if (!bf)
            return makeErr(bf.error());
        auto step = find->step();
        if (!step)
            return makeErr(step.error());
        if (*step == db::Step::Done)
        {
            ++summary.ignored;
            continue;
        }
        auto table = find->columnOptionalText(0);
        auto subjectId = find->columnOptionalText(1);
        if (!table || !subjectId)
            return makeErr(db::makeError(ErrorKind::BadData, "malformed outbox subject", "outbox.markAcked"));
        const std::string subjectTableName = table->value_or("");
        const std::string subjectRowId = subjectId->value_or("");
        find->reset();

        if (r.kind == OutcomeKind::Rejected)
        {
            for (auto st : {dead->bind(1, r.id), dead->bind(2, r.code.empty() ? std::string("unknown") : r.code),
                            dead->bind(3, now)})
                if (!st)
                    return makeErr(st.error());
            if (auto ran = dead->run(); !ran)
                return makeErr(ran.error());
            ++summary.deadLettered;
            continue;
        }
        for (auto st : {ack->bind(1, r.id), ack->bind(2, outcomeCode(r.kind)), ack->bind(3, now)})
            if (!st)
                return makeErr(st.error());
        if (auto ran = ack->run(); !ran)
            return makeErr(ran.error());
        if (!subjectTableName.empty())
        {
            auto erased = eraseSubject(subjectTableName, subjectRowId, now);
            if (!erased)
                return makeErr(erased.error());
        }
        ++summary.acknowledged;
    }
    // Statements must be finalized before COMMIT can release everything cleanly.
    *find = db::Statement();
    *ack = db::Statement();
    *dead = db::Statement();
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
    auto stmt = m_db.prepare(sql);
    if (!stmt)
        return makeErr(stmt.error());
    for (auto st : {stmt->bind(1, id), stmt->bind(2, now), stmt->run()})
        if (!st)
            return makeErr(st.error());
    return {};
}

Status<Error> Outbox::recordFailure(const std::vector<std::string>& ids, std::string_view code)
{
    if (ids.empty())
        return {};
    auto tx = db::Transaction::begin(m_db);
    if (!tx)
        return makeErr(tx.error());
    {
        auto stmt = m_db.prepare(
            "UPDATE outbox SET attempts = attempts + 1, last_error = ?2 WHERE id = ?1 AND state = 'pending'");
        if (!stmt)
            return makeErr(stmt.error());
        for (const auto& id : ids)
            for (auto st : {stmt->bind(1, id), stmt->bind(2, code), stmt->run()})
                if (!st)
                    return makeErr(st.error());
    }
    return tx->commit();
}

Result<std::int64_t, Error> Outbox::depth()
{
    auto stmt = m_db.prepare("SELECT count(*) FROM outbox WHERE state = 'pending'");
    if (!stmt)
        return makeErr(stmt.error());
    auto step = stmt->step();
    if (!step)
        return makeErr(step.error());
    return stmt->columnInt64(0);
}

Result<std::optional<std::chrono::seconds>, Error> Outbox::oldestAge()
{
    auto stmt = m_db.prepare("SELECT created_at FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT 1");
    if (!stmt)
        return makeErr(stmt.error());
    auto step = stmt->step();
    if (!step)
        return makeErr(step.error());
    if (*step == db::Step::Done)
        return std::optional<std::chrono::seconds>{};
    auto created = stmt->columnInt64(0);
    if (!created)
        return makeErr(created.error());
    const std::int64_t age = std::max<std::int64_t>(0, m_clock.wallSeconds() - *created);
    return std::optional<std::chrono::seconds>{std::chrono::seconds(age)};
}

Result<std::int64_t, Error> Outbox::deadCount()
{
    auto stmt = m_db.prepare("SELECT count(*) FROM outbox WHERE state = 'dead'");
    if (!stmt)
        return makeErr(stmt.error());
    auto step = stmt->step();
    if (!step)
        return makeErr(step.error());
    return stmt->columnInt64(0);
}

Result<std::vector<DeadLetter>, Error> Outbox::deadLetters()
{
    auto stmt = m_db.prepare("SELECT id, type, coalesce(reject_code, ''), created_at, coalesce(acked_at, 0),"
                             " coalesce(subject_table, ''), coalesce(subject_id, '') FROM outbox"
                             " WHERE state = 'dead' ORDER BY seq");
    if (!stmt)
        return makeErr(stmt.error());
    std::vector<DeadLetter> out;
    for (;;)
    {
        auto step = stmt->step();
        if (!step)
            return makeErr(step.error());
        if (*step == db::Step::Done)
            break;
        auto id = stmt->columnText(0);
        auto type = stmt->columnText(1);
        auto code = stmt->columnText(2);
        auto created = stmt->columnInt64(3);
        auto rejected = stmt->columnInt64(4);
        auto table = stmt->columnText(5);
        auto subjectId = stmt->columnText(6);
        if (!id || !type || !code || !created || !rejected || !table || !subjectId)
            return makeErr(db::makeError(ErrorKind::BadData, "malformed dead letter", "outbox.deadLetters"));
        out.push_back(DeadLetter{std::move(*id), std::move(*type), std::move(*code), *created, *rejected,
                                 OutboxSubject{subjectFromTable(*table), std::move(*subjectId)}});
    }
    return out;
}

Result<std::int64_t, Error> Outbox::purgeAcked(std::chrono::seconds age)
{
    auto stmt = m_db.prepare("DELETE FROM outbox WHERE state = 'acked' AND acked_at < ?1");
    if (!stmt)
        return makeErr(stmt.error());
    auto b = stmt->bind(1, m_clock.wallSeconds() - static_cast<std::int64_t>(age.count()));
    if (!b)
        return makeErr(b.error());
    auto ran = stmt->run();
    if (!ran)
        return makeErr(ran.error());
    return m_db.changes();
}

} // namespace okienko::sync
