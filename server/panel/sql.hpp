// Small helpers for the panel's SQL: bind every argument in order (values are always bound, never
// spliced into the text) and read all rows of a statement or a query.
#pragma once

#include "shared/db/database.hpp"
#include "shared/db/error.hpp"
#include "shared/util/result.hpp"

#include <functional>
#include <string_view>

namespace okienko::server::panel
{

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

template <typename... A> Status<db::Error> sqlExec(db::Database& d, std::string_view sql, const A&... args)
{
    auto st = sqlQuery(d, sql, args...);
    if (!st)
        return makeErr(st.error());
    return st->run();
}

/// Calls `row` for every row; stops at the first error.
inline Status<db::Error> forEachRow(db::Statement& st, const std::function<void(db::Statement&)>& row)
{
    for (;;)
    {
        auto step = st.step();
        if (!step)
            return makeErr(step.error());
        if (*step == db::Step::Done)
            return {};
        row(st);
    }
}

/// Runs `sql` with `args` bound in order and calls `row` for every row; stops at the first error.
template <typename... A>
Status<db::Error> sqlEachRow(db::Database& d, const std::function<void(db::Statement&)>& row, std::string_view sql,
                             const A&... args)
{
    auto st = sqlQuery(d, sql, args...);
    if (!st)
        return makeErr(st.error());
    return forEachRow(*st, row);
}

} // namespace okienko::server::panel
