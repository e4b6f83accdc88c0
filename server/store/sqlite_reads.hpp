// How the SQLite stores read lists and run actions on ServerStore: every row of a query made into
// a view struct on a pooled reader, and a write transaction whose outcome is a value the work sets.
#pragma once

#include "server/server_store.hpp"
#include "shared/db/query.hpp"

#include <functional>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace okienko::server
{

/// Every row of `sql` (with `values` bound), made into a view by `read(db::Row&)`, in order.
template <typename Read, typename... Values>
auto readAll(ServerStore& store, std::string_view sql, Read read, const Values&... values)
    -> Result<std::vector<std::invoke_result_t<Read&, db::Row&>>, db::Error>
{
    std::vector<std::invoke_result_t<Read&, db::Row&>> rows;
    auto status = store.read(
        [&](db::Database& d)
        {
            return db::forEachRow(
                d, sql, [&](db::Row& r) { rows.push_back(read(r)); }, values...);
        });
    if (!status)
        return makeErr(status.error());
    return rows;
}

/// Runs `work(d, view)` in one read snapshot, for a view made of several queries; `view` starts as
/// View{} and is the result when every query succeeded.
template <typename View>
Result<View, db::Error>
readView(ServerStore& store, const std::type_identity_t<std::function<Status<db::Error>(db::Database&, View&)>>& work)
{
    View view{};
    auto status = store.read(
        [&](db::Database& d)
        {
            view = View{};
            return work(d, view);
        });
    if (!status)
        return makeErr(status.error());
    return view;
}

/// Runs `work(d, outcome)` in one write transaction; `outcome` starts as `initial` and is the
/// result when the transaction commits.
template <typename Outcome>
Result<Outcome, db::Error>
writeWithOutcome(ServerStore& store, Outcome initial,
                 const std::type_identity_t<std::function<Status<db::Error>(db::Database&, Outcome&)>>& work)
{
    Outcome outcome = std::move(initial);
    auto status = store.write([&](db::Database& d) { return work(d, outcome); });
    if (!status)
        return makeErr(status.error());
    return outcome;
}

} // namespace okienko::server
