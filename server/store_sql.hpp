// The SQL plumbing the central server's writers share (the store, the staff feed, the coordinators'
// panel): every argument is bound in order, never spliced into the text; rows are walked, or the
// first row is read, with one error path for the prepare, every bind and every step.
#pragma once

#include "shared/db/database.hpp"
#include "shared/db/error.hpp"
#include "shared/db/statement.hpp"
#include "shared/util/result.hpp"

#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

namespace okienko::server
{

/// Prepares `sql` and binds `args` to ?1, ?2, … in order; the first failure is the result.
template <typename... A>
Result<db::Statement, db::Error> sqlQuery(db::Database& d, std::string_view sql, const A&... args)
{
    auto st = d.prepare(sql);
    if (!st)
        return makeErr(st.error());
    int index = 0;
    Status<db::Error> status;
    (
        [&]
        {
            if (status)
                status = st->bind(++index, args);
        }(),
        ...);
    (void)index; // unused for a statement without parameters
    if (!status)
        return makeErr(status.error());
    return std::move(st).value();
}

/// sqlQuery, then runs the statement to completion: for INSERT, UPDATE and DELETE.
template <typename... A> Status<db::Error> sqlExec(db::Database& d, std::string_view sql, const A&... args)
{
    auto st = sqlQuery(d, sql, args...);
    if (!st)
        return makeErr(st.error());
    return st->run();
}

/// Calls `row` for every row of `st`. `row` returns nothing, or a Status<db::Error> whose error
/// stops the walk; the first error (a step's or the row's) is the result.
template <typename Row> Status<db::Error> forEachRow(db::Statement& st, Row&& row)
{
    for (;;)
    {
        auto step = st.step();
        if (!step)
            return makeErr(step.error());
        if (*step == db::Step::Done)
            return {};
        if constexpr (std::is_void_v<std::invoke_result_t<Row&, db::Statement&>>)
            row(st);
        else if (Status<db::Error> read = row(st); !read)
            return read;
    }
}

/// Runs `sql` with `args` bound in order and calls `row` for every row (as forEachRow).
template <typename Row, typename... A>
Status<db::Error> sqlEachRow(db::Database& d, Row&& row, std::string_view sql, const A&... args)
{
    auto st = sqlQuery(d, sql, args...);
    if (!st)
        return makeErr(st.error());
    return forEachRow(*st, row);
}

/// Runs `sql` with `args` bound and leaves the statement on its first row for the column getters;
/// nullopt when there is no row. The caller finishes or resets the statement as it needs.
template <typename... A>
Result<std::optional<db::Statement>, db::Error> sqlFirstRow(db::Database& d, std::string_view sql, const A&... args)
{
    auto st = sqlQuery(d, sql, args...);
    if (!st)
        return makeErr(st.error());
    auto step = st->step();
    if (!step)
        return makeErr(step.error());
    if (*step != db::Step::Row)
        return std::optional<db::Statement>();
    return std::optional<db::Statement>(std::move(st).value());
}

/// True when `sql` with `args` bound yields a row (a "SELECT 1 … WHERE …" existence check).
template <typename... A> Result<bool, db::Error> sqlExists(db::Database& d, std::string_view sql, const A&... args)
{
    auto row = sqlFirstRow(d, sql, args...);
    if (!row)
        return makeErr(row.error());
    return row->has_value();
}

} // namespace okienko::server
