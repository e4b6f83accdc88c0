// The kiosk stores' statement plumbing (see kiosk_sql.hpp).
#include "kiosk/core/flows/kiosk_sql.hpp"

#include "shared/db/transaction.hpp"

namespace okienko::kiosk
{

Status<db::Error> forEachRow(db::Statement& st, const std::function<Status<db::Error>(RowReader&)>& row)
{
    while (true)
    {
        auto step = st.step();
        if (!step.ok())
            return makeErr(step.error());
        if (step.value() == db::Step::Done)
            return {};
        RowReader reader(st);
        if (auto s = row(reader); !s.ok())
            return s;
    }
}

db::Error badData(std::string_view store, const std::string& what)
{
    return db::makeError(db::ErrorKind::BadData, what, std::string(store));
}

db::Error notFound(std::string_view store, const std::string& what)
{
    return db::makeError(db::ErrorKind::NotFound, what, std::string(store));
}

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

template <typename T> T RowReader::take(Result<T, db::Error> read)
{
    if (!read.ok())
    {
        m_ok = false;
        return T{};
    }
    return std::move(read).value();
}

std::string RowReader::text()
{
    return take(m_st.columnText(m_column++));
}

std::optional<std::string> RowReader::optionalText()
{
    return take(m_st.columnOptionalText(m_column++));
}

int RowReader::integer()
{
    return take(m_st.columnInt(m_column++));
}

bool RowReader::flag()
{
    return take(m_st.columnBool(m_column++));
}

} // namespace okienko::kiosk
