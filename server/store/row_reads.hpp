// What the server store's and the waiting list's SQL steps share: an early return of an error, and
// a date column read strictly (a stored text that is no date marks the row bad, never a default).
#pragma once

#include "shared/db/query.hpp"
#include "shared/util/date.hpp"

// Early return of the error of a Status/Result expression; keeps a run of SQL steps readable.
#define OKIENKO_TRY(expr)                                                                                              \
    do                                                                                                                 \
    {                                                                                                                  \
        if (auto okienkoStatus_ = (expr); !okienkoStatus_)                                                             \
            return makeErr(okienkoStatus_.error());                                                                    \
    } while (0)

namespace okienko::server
{

/// The row's next column as a date; a text that is not one marks the row bad.
inline Date readDate(db::Row& row)
{
    auto d = parseIsoDate(row.text());
    if (!d)
        row.fail("stored date cannot be read");
    return d.value_or(Date{});
}

} // namespace okienko::server
