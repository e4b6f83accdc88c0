// A fact with its outbox event in one durable transaction (see kiosk_sql.hpp).
#include "kiosk/core/flows/kiosk_sql.hpp"

#include "shared/db/transaction.hpp"

namespace okienko::kiosk
{

Status<db::Error> storeWithEvent(db::Database& db, const protocol::Event& event, const sync::OutboxSubject& subject,
                                 const std::function<Status<db::Error>()>& writes)
{
    auto tx = db::Transaction::begin(db, db::TransactionMode::Immediate, db::Durability::Full);
    if (!tx.ok())
        return makeErr(tx.error());
    if (auto s = writes(); !s.ok())
        return s;
    sync::Outbox outbox(db);
    auto queued = outbox.enqueue(tx.value(), event.type, event.payload.dump(), subject, event.id);
    if (!queued.ok())
        return makeErr(queued.error());
    return tx.value().commit();
}

} // namespace okienko::kiosk
