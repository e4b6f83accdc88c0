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

TEST(Router, AScreenEnteredAnewHasANewVisitAndBackKeepsTheOldOne)
{
    Router r;
    r.home();
    const auto home = r.visit();
    r.push(ScreenId::Catalogue);
    const auto catalogue = r.visit();
    EXPECT_NE(catalogue, home);
    r.push(ScreenId::ServicePage);
    const auto firstService = r.visit();
    r.renew(); // another service on the same page
    EXPECT_NE(r.visit(), firstService);
    EXPECT_TRUE(r.back());
    EXPECT_EQ(r.visit(), catalogue); // Back returns to the list where it was left
    r.push(ScreenId::ServicePage);
    EXPECT_NE(r.visit(), firstService);
    r.home();
    EXPECT_NE(r.visit(), home); // Home is entered anew
    Router fresh;
    EXPECT_NE(fresh.visit(), r.visit()); // a new session never repeats a visit
    EXPECT_EQ(fresh, Router{});          // visits are not part of the compared state
}

} // namespace
