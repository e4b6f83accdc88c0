// A gtest fixture over a real server database in a temporary directory: the store (migrated as
// okienko-central opens it) with one kiosk, a clock that starts on 2030-03-04 12:00 UTC and moves by
// whole days, and SQL helpers to add rows and read one value. Shared by the retention, register and
// waiting-list tests.
#pragma once

#include "server/server_store.hpp"
#include "tests/support/temp_dir.hpp"

#include <cstdint>
#include <gtest/gtest.h>
#include <memory>
#include <string>

namespace okienko::test
{

class ServerDbTest : public ::testing::Test
{
  public:
    static constexpr std::int64_t kDay = 86400;
    static inline const Date kStart{2030, 3, 4};
    static constexpr std::int64_t kStartUnix = 1898856000; // 2030-03-04 12:00 UTC

  protected:
    /// Opens the store with `options` and adds the kiosk "kiosk-a" (id 1).
    void SetUp() override;

    /// The clock `days` whole days after the start (negative: before it).
    server::Now at(int days) const { return server::Now{kStartUnix + kDay * days, kStart.plusDays(days)}; }

    /// Runs `sql` in one write; a `?1` in it is the start time.
    void exec(const std::string& sql);
    /// The value of a one-column query as text; "(null)" for NULL or no row.
    std::string text(const std::string& sql);

    server::StoreOptions m_options;
    TempDir m_dir{"okienko-server-db"};
    std::unique_ptr<server::ServerStore> m_store;
};

} // namespace okienko::test
