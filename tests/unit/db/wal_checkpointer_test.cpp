// WalCheckpointer: the writer's commits never checkpoint; the thread does, and the WAL is reused
// instead of growing with everything written.
#include "db_test_util.hpp"
#include "shared/db/query.hpp"
#include "shared/db/wal_checkpointer.hpp"
#include "temp_dir.hpp"

#include <chrono>
#include <filesystem>
#include <gtest/gtest.h>
#include <thread>

using namespace okienko;
using okienko::test::openOrDie;
using namespace std::chrono_literals;

namespace
{

TEST(WalCheckpointer, CheckpointsOnItsOwnThreadSoTheWalStaysSmallAndNothingIsLost)
{
    test::TempDir dir;
    const std::string path = dir.file("server.db");
    auto writer = openOrDie(path);
    ASSERT_OK(writer.exec("CREATE TABLE t(x BLOB)"));
    db::WalCheckpointer checkpointer(writer, path, 100, 1h); // only the page count wakes it
    constexpr int kRounds = 30;
    for (int round = 0; round < kRounds; ++round)
    {
        // ~60 pages per commit: every commit crosses the threshold once the WAL holds two.
        ASSERT_OK(writer.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60)"
                              " INSERT INTO t SELECT randomblob(4000) FROM n"));
        const auto before = checkpointer.checkpoints();
        const auto until = std::chrono::steady_clock::now() + 2s;
        while (round % 2 == 1 && checkpointer.checkpoints() == before && std::chrono::steady_clock::now() < until)
            std::this_thread::sleep_for(1ms);
    }
    EXPECT_GE(checkpointer.checkpoints(), kRounds / 4);
    // About 7 MiB went through the WAL; it was reset after checkpoints rather than grown.
    EXPECT_LT(std::filesystem::file_size(path + "-wal"), 3u * 1024 * 1024);
    auto count = db::queryInt64(writer, "SELECT count(*) FROM t");
    ASSERT_OK(count);
    EXPECT_EQ(**count, kRounds * 60);
}

} // namespace
