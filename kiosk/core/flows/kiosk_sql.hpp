// The statement plumbing the kiosk's stores share (reservations, check-out, the loan desk): values
// bound to ?1, ?2, … in order (never spliced into the text), rows walked and their columns read with
// one check per row, the stores' own errors, and a fact written together with its outbox event in
// ONE Full-durability transaction — the kiosk's rule for anything a person is told is done.
#pragma once

#include "kiosk/sync/outbox.hpp"
#include "shared/db/database.hpp"
#include "shared/db/error.hpp"
#include "shared/db/statement.hpp"
#include "shared/protocol/events.hpp"
#include "shared/util/result.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace okienko::kiosk
{

/// Reads the current row's columns in order (0, 1, …) and remembers whether every read succeeded,
/// so that a row is checked once, after all its columns. A failed read gives an empty value.
class RowReader
{
  public:
    explicit RowReader(const db::Statement& st) : m_st(st) {}

    /// TEXT (not NULL).
    std::string text();
    /// TEXT or NULL.
    std::optional<std::string> optionalText();
    /// INTEGER that fits in int.
    int integer();
    /// INTEGER 0 or 1.
    bool flag();

    /// True while every column read so far held what was asked.
    bool ok() const { return m_ok; }

  private:
    template <typename T> T take(Result<T, db::Error> read);

    const db::Statement& m_st;
    int m_column = 0;
    bool m_ok = true;
};

/// Prepares `sql` and binds `values` to ?1, ?2, … in order (db::Statement::bind's types); the first
/// failure is the result.
template <typename... Values>
Result<db::Statement, db::Error> prepareWith(db::Database& db, std::string_view sql, const Values&... values)
{
    auto st = db.prepare(sql);
    if (!st.ok())
        return makeErr(st.error());
    [[maybe_unused]] int index = 0;
    Status<db::Error> bound;
    ((bound = bound.ok() ? st.value().bind(++index, values) : bound), ...);
    if (!bound.ok())
        return makeErr(bound.error());
    return std::move(st).value();
}

/// prepareWith, then runs the statement to completion: for INSERT, UPDATE and DELETE.
template <typename... Values>
Status<db::Error> execWith(db::Database& db, std::string_view sql, const Values&... values)
{
    auto st = prepareWith(db, sql, values...);
    if (!st.ok())
        return makeErr(st.error());
    return st.value().run();
}

/// execWith; the number of rows the statement changed (0: the row was not, or no longer, there).
template <typename... Values>
Result<std::int64_t, db::Error> changeRows(db::Database& db, std::string_view sql, const Values&... values)
{
    if (auto s = execWith(db, sql, values...); !s.ok())
        return makeErr(s.error());
    return db.changes();
}

/// The first column of the first row as a boolean (0 or 1): for an EXISTS query.
template <typename... Values>
Result<bool, db::Error> queryFlag(db::Database& db, std::string_view sql, const Values&... values)
{
    auto st = prepareWith(db, sql, values...);
    if (!st.ok())
        return makeErr(st.error());
    if (auto step = st.value().step(); !step.ok())
        return makeErr(step.error());
    auto flag = st.value().columnBool(0);
    if (!flag.ok())
        return makeErr(flag.error());
    return flag.value();
}

/// Calls `row` with a reader of every row `st` yields, in order; stops at the first failure, a
/// step's or one `row` returns, and returns it.
Status<db::Error> forEachRow(db::Statement& st, const std::function<Status<db::Error>(RowReader&)>& row);

/// prepareWith, then forEachRow: `row` sees every row of `sql` with `values` bound.
template <typename... Values>
Status<db::Error> forEachRow(db::Database& db, std::string_view sql,
                             const std::function<Status<db::Error>(RowReader&)>& row, const Values&... values)
{
    auto st = prepareWith(db, sql, values...);
    if (!st.ok())
        return makeErr(st.error());
    return forEachRow(st.value(), row);
}

/// A stored value that cannot be read or decoded (ErrorKind::BadData). `store` names the store where
/// an error of SQLite names the statement (Error::sql), so the log says which store failed.
db::Error badData(std::string_view store, const std::string& what);

/// The row a write needs is not, or no longer, in the expected state (ErrorKind::NotFound).
db::Error notFound(std::string_view store, const std::string& what);

/// Runs `writes`, then queues `event` in the outbox (the event's id is the outbox id; `subject`
/// names the row whose personal columns the server's acknowledgement erases), in one Immediate
/// transaction committed with Durability::Full. Nothing is stored when any part fails; the first
/// failure is the result.
Status<db::Error> storeWithEvent(db::Database& db, const protocol::Event& event, const sync::OutboxSubject& subject,
                                 const std::function<Status<db::Error>()>& writes);

} // namespace okienko::kiosk
