// Receipts: SQL on event_receipts (kiosk migration 6); what may be kept is protocol::isResendable.
#include "kiosk/sync/event_receipts.hpp"

#include "shared/db/query.hpp"
#include "shared/db/transaction.hpp"
#include "shared/protocol/lost_events.hpp"

namespace okienko::sync
{

Status<db::Error> EventReceipts::record(const std::string& id, const std::string& type, std::string_view payloadJson,
                                        std::int64_t createdAt, std::int64_t ackedAt, const std::string& epoch)
{
    auto payload = protocol::parseJson(payloadJson);
    std::string reference;
    std::optional<std::string> resend;
    if (payload)
    {
        reference = protocol::receiptReference(*payload);
        if (protocol::isResendable(type, *payload))
            resend = std::string(payloadJson);
    }
    return db::exec(m_db,
                    "INSERT INTO event_receipts(id, type, reference, created_at, acked_at, epoch, resend_payload)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(id) DO NOTHING",
                    id, type, reference, createdAt, ackedAt, epoch, resend);
}

Result<std::vector<EventReceipt>, db::Error> EventReceipts::fromOtherEpochs(const std::string& current, int limit)
{
    std::vector<EventReceipt> out;
    auto read = db::forEachRow(
        m_db,
        "SELECT id, type, reference, created_at, acked_at, epoch, resend_payload FROM "
        "event_receipts WHERE epoch <> '' AND epoch <> ?1 ORDER BY acked_at, rowid LIMIT ?2",
        [&](db::Row& row)
        {
            EventReceipt r;
            r.id = row.text();
            r.type = row.text();
            r.reference = row.text();
            r.createdAt = row.int64();
            r.ackedAt = row.int64();
            r.epoch = row.text();
            r.resendPayload = row.optionalText();
            out.push_back(std::move(r));
        },
        current, limit);
    if (!read)
        return makeErr(read.error());
    return out;
}

Status<db::Error> EventReceipts::moveToEpoch(const std::vector<std::string>& ids, const std::string& epoch)
{
    if (ids.empty())
        return {};
    auto tx = db::Transaction::begin(m_db);
    if (!tx)
        return makeErr(tx.error());
    for (const auto& id : ids)
        if (auto ran = db::exec(m_db, "UPDATE event_receipts SET epoch = ?2 WHERE id = ?1", id, epoch); !ran)
            return ran;
    return tx->commit();
}

Result<std::int64_t, db::Error> EventReceipts::purge(std::int64_t now)
{
    auto old = db::execChanges(m_db, "DELETE FROM event_receipts WHERE acked_at < ?1", now - kReceiptDays * 86400);
    if (!old)
        return makeErr(old.error());
    auto excess = db::execChanges(m_db,
                                  "DELETE FROM event_receipts WHERE rowid IN (SELECT rowid FROM event_receipts "
                                  "ORDER BY acked_at DESC, rowid DESC LIMIT -1 OFFSET ?1)",
                                  kMaxReceipts);
    if (!excess)
        return makeErr(excess.error());
    return *old + *excess;
}

Result<std::int64_t, db::Error> EventReceipts::count()
{
    auto n = db::queryInt64(m_db, "SELECT count(*) FROM event_receipts");
    if (!n)
        return makeErr(n.error());
    return n->value_or(0);
}

} // namespace okienko::sync
