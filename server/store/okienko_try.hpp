// OKIENKO_TRY(expr): the early return of a failed Status/Result's error, which keeps the many SQL
// steps of the store's writers readable.
#pragma once

#define OKIENKO_TRY(expr)                                                                                              \
    do                                                                                                                 \
    {                                                                                                                  \
        if (auto okienkoStatus_ = (expr); !okienkoStatus_)                                                             \
            return makeErr(okienkoStatus_.error());                                                                    \
    } while (0)
