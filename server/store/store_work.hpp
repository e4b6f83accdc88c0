// Running a piece of the panel store's work on ServerStore and handing back what it produced: the
// work fills a value inside one read snapshot (or one write transaction), and the value is the
// result only when the snapshot or transaction succeeded.
#pragma once

#include "server/server_store.hpp"
#include "shared/db/database.hpp"
#include "shared/db/error.hpp"
#include "shared/util/result.hpp"

#include <utility>

namespace okienko::server
{

/// `work(db, out)` inside one read snapshot; `out` starts as T{}.
template <typename T, typename Work> Result<T, db::Error> readResult(ServerStore& store, Work&& work)
{
    T out{};
    auto status = store.read(
        [&](db::Database& d) -> Status<db::Error>
        {
            out = T{};
            return work(d, out);
        });
    if (!status)
        return makeErr(status.error());
    return out;
}

/// `work(db, out)` inside one write transaction (rolled back when it fails); `out` starts as T{}.
template <typename T, typename Work> Result<T, db::Error> writeResult(ServerStore& store, Work&& work)
{
    T out{};
    auto status = store.write(
        [&](db::Database& d) -> Status<db::Error>
        {
            out = T{};
            return work(d, out);
        });
    if (!status)
        return makeErr(status.error());
    return out;
}

} // namespace okienko::server
