// escapeForLog: every control becomes \xNN, the rest (Polish letters included) stays readable.
#include "shared/util/log_escape.hpp"

#include <gtest/gtest.h>

using okienko::util::escapeForLog;

TEST(LogEscape, PlainTextAndUtf8AreKept)
{
    EXPECT_EQ(escapeForLog("/api/v1/events"), "/api/v1/events");
    EXPECT_EQ(escapeForLog("zażółć gęślą jaźń"), "zażółć gęślą jaźń");
}

TEST(LogEscape, C0ControlsDelAndBackslashAreHex)
{
    EXPECT_EQ(escapeForLog("a\nb"), "a\\x0ab");
    EXPECT_EQ(escapeForLog("a\r\tb"), "a\\x0d\\x09b");
    EXPECT_EQ(escapeForLog(std::string("a\0b", 3)), "a\\x00b");
    EXPECT_EQ(escapeForLog("\x1b[31m"), "\\x1b[31m");
    EXPECT_EQ(escapeForLog("\x7f"), "\\x7f");
    EXPECT_EQ(escapeForLog("a\\x0ab"), "a\\x5cx0ab");
}

TEST(LogEscape, C1ControlsAreHexAndTheirUtf8FormIsGone)
{
    EXPECT_EQ(escapeForLog("a\xC2\x85z"), "a\\x85z");
    EXPECT_EQ(escapeForLog("\xC2\x9B"), "\\x9b");
    EXPECT_EQ(escapeForLog("\xC2\xA0"), "\xC2\xA0"); // no-break space is not a control
    EXPECT_EQ(escapeForLog("\xC2"), "\xC2");         // a truncated sequence stays as it is
}

TEST(LogEscape, NoLineBreakSurvives)
{
    const std::string forged = "/x\nokienko-central: panel login ok\r\n";
    EXPECT_EQ(escapeForLog(forged).find_first_of("\r\n"), std::string::npos);
}
