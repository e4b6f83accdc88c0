// The one way the kiosk and the server run SQL with values: arguments bound to ?1, ?2, … in order
// (never spliced into the text), rows walked with a reader whose every column read is checked, and
// one error path for the prepare, every bind, every step and every read. A column that holds what
// the code did not expect (a schema slip, a NULL where a value belongs) is a db::Error the caller
// gets as a Result — never an exception in a release build.
#pragma once

#include "shared/db/database.hpp"
#include "shared/db/error.hpp"
#include "shared/db/statement.hpp"
#include "shared/util/result.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace okienko::db
{

/// Reads the current row's columns in order (0, 1, …). The first failed read is remembered and
/// every later read gives an empty value, so a row is checked once, after all its columns, with
/// status(). forEachRow and queryOne check it for the caller.
class Row
{
  public:
    explicit Row(const Statement& st) : m_st(st) {}

    /// TEXT (not NULL).
    std::string text();
    /// TEXT or NULL.
    std::optional<std::string> optionalText();
    /// INTEGER that fits in int.
    int integer();
    /// INTEGER.
    std::int64_t int64();
    /// INTEGER or NULL.
    std::optional<std::int64_t> optionalInt64();
    /// INTEGER 0 or 1.
    bool flag();
    /// REAL or INTEGER.
    double real();
    /// REAL, INTEGER or NULL.
    std::optional<double> optionalReal();
    /// BLOB (not NULL).
    Blob blob();
    /// Passes over `count` columns the caller does not need.
    void skip(int count = 1) { m_column += count; }

    /// The index the next read takes.
    int column() const { return m_column; }
    /// The name of result column `column`: for an error that names the column, never its value.
    std::string columnName(int column) const { return m_st.columnName(column); }
    /// True while every column read so far held what was asked.
    bool ok() const { return !m_error.has_value(); }
    /// Success, or the first failed read.
    Status<Error> status() const;

    /// Marks the row bad with a decoding failure of the caller's (an unknown enum code, a date
    /// that does not parse): ErrorKind::BadData naming `what`. The first failure stays.
    void fail(std::string what);

  private:
    template <typename T> T take(Result<T, Error> read);

    const Statement& m_st;
    int m_column = 0;
    std::optional<Error> m_error;
};

/// Prepares `sql` and binds `values` to ?1, ?2, … in order (Statement::bind's types, std::optional
/// binding NULL); the first failure is the result.
template <typename... Values>
Result<Statement, Error> query(Database& db, std::string_view sql, const Values&... values)
{
    auto st = db.prepare(sql);
    if (!st)
        return makeErr(st.error());
    [[maybe_unused]] int index = 0;
    Status<Error> bound;
    ((bound = bound ? st->bind(++index, values) : bound), ...);
    if (!bound)
        return makeErr(bound.error());
    return std::move(st).value();
}

/// query, then runs the statement to completion: for INSERT, UPDATE and DELETE.
template <typename... Values> Status<Error> exec(Database& db, std::string_view sql, const Values&... values)
{
    auto st = query(db, sql, values...);
    if (!st)
        return makeErr(st.error());
    return st->run();
}

/// exec; the number of rows the statement changed (0: the row was not, or no longer, there).
template <typename... Values>
Result<std::int64_t, Error> execChanges(Database& db, std::string_view sql, const Values&... values)
{
    if (auto s = exec(db, sql, values...); !s)
        return makeErr(s.error());
    return db.changes();
}

namespace detail
{
/// Runs `read` on `row`: `read` returns nothing or a Status<Error>; then the row's own reads are
/// checked. The first failure is the result.
template <typename Read> Status<Error> readRow(Row& row, Read& read)
{
    if constexpr (std::is_void_v<std::invoke_result_t<Read&, Row&>>)
        read(row);
    else if (Status<Error> s = read(row); !s)
        return s;
    return row.status();
}
} // namespace detail

/// Calls `read` with a Row of every row `st` yields, in order. `read` returns nothing or a
/// Status<Error>; the walk stops at the first failure — a step's, one `read` returns, or a column
/// read that did not hold what was asked — and returns it.
template <typename Read> Status<Error> forEachRow(Statement& st, Read&& read)
{
    for (;;)
    {
        auto step = st.step();
        if (!step)
            return makeErr(step.error());
        if (*step == Step::Done)
            return {};
        Row row(st);
        if (auto s = detail::readRow(row, read); !s)
            return s;
    }
}

/// query, then forEachRow: `read` sees every row of `sql` with `values` bound.
template <typename Read, typename... Values>
Status<Error> forEachRow(Database& db, std::string_view sql, Read&& read, const Values&... values)
{
    auto st = query(db, sql, values...);
    if (!st)
        return makeErr(st.error());
    return forEachRow(*st, read);
}

/// The first row of `sql` with `values` bound, made into a T by `read(Row&) -> T`; nullopt when
/// there is no row. A failed read of any column `read` took is the error.
template <typename Read, typename... Values>
auto queryOne(Database& db, std::string_view sql, Read&& read, const Values&... values)
    -> Result<std::optional<std::invoke_result_t<Read&, Row&>>, Error>
{
    using T = std::invoke_result_t<Read&, Row&>;
    auto st = query(db, sql, values...);
    if (!st)
        return makeErr(st.error());
    auto step = st->step();
    if (!step)
        return makeErr(step.error());
    if (*step == Step::Done)
        return std::optional<T>();
    Row row(*st);
    T value = read(row);
    if (auto s = row.status(); !s)
        return makeErr(s.error());
    return std::optional<T>(std::move(value));
}

/// The first column of the first row as an integer; nullopt when there is no row (NULL is an
/// error: use COALESCE for a sum over no rows).
template <typename... Values>
Result<std::optional<std::int64_t>, Error> queryInt64(Database& db, std::string_view sql, const Values&... values)
{
    return queryOne(
        db, sql, [](Row& r) { return r.int64(); }, values...);
}

/// The first column of the first row as text; nullopt when there is no row.
template <typename... Values>
Result<std::optional<std::string>, Error> queryText(Database& db, std::string_view sql, const Values&... values)
{
    return queryOne(
        db, sql, [](Row& r) { return r.text(); }, values...);
}

/// True when `sql` with `values` bound yields a row (a "SELECT 1 … WHERE …" existence check).
template <typename... Values> Result<bool, Error> exists(Database& db, std::string_view sql, const Values&... values)
{
    auto first = queryOne(
        db, sql, [](Row&) { return true; }, values...);
    if (!first)
        return makeErr(first.error());
    return first->has_value();
}

/// A stored value that cannot be read or decoded (ErrorKind::BadData); `context` names the store
/// or table, so the log says which one failed.
Error badData(std::string_view context, std::string what);

/// The row a write needs is not, or no longer, in the expected state (ErrorKind::NotFound).
Error notFound(std::string_view context, std::string what);

} // namespace okienko::db
