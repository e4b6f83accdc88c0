// The heartbeat reports the build's real version: the sync worker's default is okienko::version(),
// which is the CMake project version.
#include "kiosk/sync/sync_worker.hpp"
#include "shared/util/version.hpp"

#include <gtest/gtest.h>
#include <regex>

namespace
{

TEST(HeartbeatVersion, TheWorkerSendsTheBuildsVersion)
{
    const okienko::sync::SyncConfig config;
    EXPECT_EQ(config.kioskVersion, okienko::version());
}

TEST(HeartbeatVersion, TheVersionIsTheProjectsDottedNumber)
{
    const std::string v(okienko::version());
    EXPECT_TRUE(std::regex_match(v, std::regex(R"(\d+\.\d+\.\d+)"))) << v;
}

} // namespace
