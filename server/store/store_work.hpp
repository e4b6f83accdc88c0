// Running a piece of the panel store's work on ServerStore and handing back what it produced: the
// work fills a value inside one read snapshot (or one write transaction), and the value is the
// result only when the snapshot or transaction succeeded.
#pragma once

#include "server/server_store.hpp"
#include "shared/db/database.hpp"
#include "shared/db/error.hpp"
#include "shared/util/result.hpp"

#include <functional>

namespace okienko::server
{

/// ServerStore::read or ServerStore::write.
using StoreRun = Status<db::Error> (ServerStore::*)(const std::function<Status<db::Error>(db::Database&)>&);

/// `work(db, out)` run by `run`; `out` starts as T{} (again at each run).
template <typename T, typename Work> Result<T, db::Error> runResult(ServerStore& store, StoreRun run, Work& work)
{
    T out{};
    auto status = (store.*run)(
        [&](db::Database& d) -> Status<db::Error>
        {
            out = T{};
            return work(d, out);
        });
    if (!status)
        return makeErr(status.error());
    return out;
}

/// `work(db, out)` inside one read snapshot.
template <typename T, typename Work> Result<T, db::Error> readResult(ServerStore& store, Work&& work)
{
    return runResult<T>(store, &ServerStore::read, work);
}

/// `work(db, out)` inside one write transaction (rolled back when it fails).
template <typename T, typename Work> Result<T, db::Error> writeResult(ServerStore& store, Work&& work)
{
    return runResult<T>(store, &ServerStore::write, work);
}

} // namespace okienko::server
