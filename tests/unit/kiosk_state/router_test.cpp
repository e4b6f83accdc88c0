// Back and Home navigation of the screen stack.
#include "kiosk/core/router.hpp"

#include <gtest/gtest.h>

namespace
{

using okienko::kiosk::Router;
using okienko::kiosk::ScreenId;

TEST(Router, BackAtARootStaysThere)
{
    Router r;
    EXPECT_FALSE(r.back());
    EXPECT_EQ(r.current(), ScreenId::Attract);
    r.home();
    EXPECT_FALSE(r.back());
    EXPECT_EQ(r.current(), ScreenId::Home);
}

TEST(Router, BackReturnsThroughHistoryAndHomeClearsIt)
{
    Router r;
    r.home();
    r.push(ScreenId::Catalogue);
    r.push(ScreenId::ServicePage);
    r.push(ScreenId::ServicePage); // the same screen again is not a new step
    EXPECT_EQ(r.depth(), 3u);
    EXPECT_TRUE(r.back());
    EXPECT_EQ(r.current(), ScreenId::Catalogue);
    r.push(ScreenId::ServicePage);
    r.home();
    EXPECT_EQ(r.depth(), 1u);
    EXPECT_EQ(r.current(), ScreenId::Home);
}

} // namespace
