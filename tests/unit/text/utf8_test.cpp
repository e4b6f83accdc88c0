#include "shared/text/utf8.hpp"

#include <gtest/gtest.h>

using namespace okienko::text;

TEST(Utf8, AcceptsPolishAndUkrainian)
{
    EXPECT_TRUE(isValidUtf8("Zażółć gęślą jaźń"));
    EXPECT_TRUE(isValidUtf8("Ґанок, їжак, єнот, ʼ"));
    EXPECT_EQ(codePointCount("łóżko"), 5u);
}

TEST(Utf8, RejectsMalformedSequences)
{
    EXPECT_FALSE(isValidUtf8("\xC3"));             // truncated
    EXPECT_FALSE(isValidUtf8("\xC0\xAF"));         // overlong '/'
    EXPECT_FALSE(isValidUtf8("\xED\xA0\x80"));     // surrogate
    EXPECT_FALSE(isValidUtf8("\xF4\x90\x80\x80")); // past U+10FFFF
    EXPECT_FALSE(isValidUtf8("\xFF"));
    EXPECT_EQ(firstInvalidUtf8("ab\xFF"), 2u);
}

TEST(Utf8, RoundTripsThroughCodePoints)
{
    const std::string s = "Łódź – Київ 🙂";
    const auto cps = decode(s);
    ASSERT_TRUE(cps);
    EXPECT_EQ(encode(*cps), s);
}

TEST(Utf8, BackspaceRemovesOneWholeCodePoint)
{
    std::string s = "żї🙂";
    popBackCodePoint(s);
    EXPECT_EQ(s, "żї");
    popBackCodePoint(s);
    EXPECT_EQ(s, "ż");
    popBackCodePoint(s);
    EXPECT_EQ(s, "");
    popBackCodePoint(s);
    EXPECT_EQ(s, "");
}
