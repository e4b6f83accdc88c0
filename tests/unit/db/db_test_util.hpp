// Small helpers shared by the db tests: one-value queries and asserting Results.
#pragma once

#include "shared/db/database.hpp"

#include <gtest/gtest.h>
#include <string>

namespace okienko::test
{

/// Opens `path` or fails the test.
inline db::Database openOrDie(const std::string& path, const db::OpenOptions& options = {})
{
    auto opened = db::Database::open(path, options);
    if (!opened)
    {
        ADD_FAILURE() << opened.error().describe();
        std::abort();
    }
    return std::move(opened).value();
}

/// The single integer a query returns; -999999 (and a test failure) if it returns anything else.
inline std::int64_t scalarInt(db::Database& db, const std::string& sql)
{
    auto stmt = db.prepare(sql);
    if (!stmt)
    {
        ADD_FAILURE() << stmt.error().describe();
        return -999999;
    }
    auto step = stmt->step();
    if (!step || *step != db::Step::Row)
    {
        ADD_FAILURE() << "no row from " << sql;
        return -999999;
    }
    auto v = stmt->columnInt64(0);
    if (!v)
    {
        ADD_FAILURE() << v.error().describe();
        return -999999;
    }
    return *v;
}

} // namespace okienko::test

#define ASSERT_OK(expr)                                                                                                \
    do                                                                                                                 \
    {                                                                                                                  \
        const auto& okienkoResult_ = (expr);                                                                           \
        ASSERT_TRUE(okienkoResult_.ok()) << okienkoResult_.error().describe();                                         \
    } while (false)
