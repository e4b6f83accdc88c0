// Scanner wedge detection by keystroke timing.
#include "kiosk/core/scanner_detector.hpp"

#include <gtest/gtest.h>

namespace okienko::kiosk
{
namespace
{

using Kind = ScannerEvent::Kind;

ScannerEvent text(std::string s)
{
    return ScannerEvent{Kind::Text, std::move(s)};
}
ScannerEvent scan(std::string s)
{
    return ScannerEvent{Kind::Scan, std::move(s)};
}
const ScannerEvent kEnter{Kind::Enter, {}};

/// Feeds each character of `chars` `gapMs` apart starting at `start`, then Enter `enterGap` later;
/// returns every event produced.
std::vector<ScannerEvent> feed(ScannerDetector& d, std::string_view chars, long start, long gapMs, long enterGap)
{
    std::vector<ScannerEvent> out;
    long t = start;
    for (std::size_t i = 0; i < chars.size(); ++i)
    {
        for (ScannerEvent& e : d.onText(chars.substr(i, 1), Millis{t}))
        {
            out.push_back(std::move(e));
        }
        t += gapMs;
    }
    for (ScannerEvent& e : d.onEnter(Millis{t - gapMs + enterGap}))
    {
        out.push_back(std::move(e));
    }
    return out;
}

TEST(ScannerDetectorTest, SlowTypingIsTypingAndEnterStaysEnter)
{
    ScannerDetector d;
    const auto events = feed(d, "12345", 0, 150, 150);
    EXPECT_EQ(events, (std::vector<ScannerEvent>{text("1"), text("2"), text("3"), text("4"), text("5"), kEnter}));
}

TEST(ScannerDetectorTest, FastRunEndedByEnterIsOneScan)
{
    ScannerDetector d;
    EXPECT_EQ(feed(d, "CUS-2024-0042", 1000, 8, 8), (std::vector<ScannerEvent>{scan("CUS-2024-0042")}));
    EXPECT_FALSE(d.nextDeadline().has_value());
}

TEST(ScannerDetectorTest, MinimumLengthIsFour)
{
    ScannerDetector d;
    EXPECT_EQ(feed(d, "abcd", 0, 10, 10), (std::vector<ScannerEvent>{scan("abcd")}));
    EXPECT_EQ(feed(d, "abc", 1000, 10, 10), (std::vector<ScannerEvent>{text("abc"), kEnter}));
}

TEST(ScannerDetectorTest, GapOfExactlyThirtyMillisecondsStillCounts)
{
    ScannerDetector d;
    EXPECT_EQ(feed(d, "12345", 0, 30, 30), (std::vector<ScannerEvent>{scan("12345")}));
    const auto slow = feed(d, "12345", 1000, 31, 31);
    EXPECT_EQ(slow.back(), kEnter);
    for (std::size_t i = 0; i + 1 < slow.size(); ++i)
    {
        EXPECT_EQ(slow[i].kind, Kind::Text);
    }
}

TEST(ScannerDetectorTest, LateEnterMakesTheRunTyping)
{
    ScannerDetector d;
    EXPECT_EQ(feed(d, "12345", 0, 5, 200), (std::vector<ScannerEvent>{text("12345"), kEnter}));
}

TEST(ScannerDetectorTest, HeldCharactersAreReleasedByPollAfterTheGap)
{
    ScannerDetector d;
    EXPECT_TRUE(d.onText("k", Millis{100}).empty());
    ASSERT_TRUE(d.nextDeadline().has_value());
    EXPECT_EQ(*d.nextDeadline(), Millis{131});
    EXPECT_TRUE(d.poll(Millis{130}).empty());
    EXPECT_EQ(d.poll(Millis{131}), (std::vector<ScannerEvent>{text("k")}));
    EXPECT_FALSE(d.nextDeadline().has_value());
    EXPECT_TRUE(d.poll(Millis{500}).empty());
}

TEST(ScannerDetectorTest, TypingThenAScanAreSeparated)
{
    ScannerDetector d;
    EXPECT_TRUE(d.onText("x", Millis{0}).empty());
    // The scanner's first character comes long after: the held "x" was typed by a person.
    EXPECT_EQ(d.onText("9", Millis{500}), (std::vector<ScannerEvent>{text("x")}));
    EXPECT_TRUE(d.onText("8", Millis{505}).empty());
    EXPECT_TRUE(d.onText("7", Millis{510}).empty());
    EXPECT_TRUE(d.onText("6", Millis{515}).empty());
    EXPECT_EQ(d.onEnter(Millis{525}), (std::vector<ScannerEvent>{scan("9876")}));
}

TEST(ScannerDetectorTest, CountsCodePointsNotBytes)
{
    ScannerDetector d;
    // Three two-byte letters are six bytes but only three characters: not a scan.
    EXPECT_TRUE(d.onText("ż", Millis{0}).empty());
    EXPECT_TRUE(d.onText("ó", Millis{5}).empty());
    EXPECT_TRUE(d.onText("ł", Millis{10}).empty());
    EXPECT_EQ(d.onEnter(Millis{15}), (std::vector<ScannerEvent>{text("żół"), kEnter}));
}

TEST(ScannerDetectorTest, SettingsAreConfigurable)
{
    ScannerDetector d(ScannerSettings{6, Millis{50}, 2048});
    EXPECT_EQ(feed(d, "12345", 0, 40, 40), (std::vector<ScannerEvent>{text("12345"), kEnter}));
    EXPECT_EQ(feed(d, "123456", 1000, 45, 45), (std::vector<ScannerEvent>{scan("123456")}));
    EXPECT_EQ(d.settings().maxGap, Millis{50});
}

TEST(ScannerDetectorTest, OverlongRunIsReleasedAsTyping)
{
    ScannerDetector d(ScannerSettings{4, Millis{30}, 8});
    std::vector<ScannerEvent> out;
    for (int i = 0; i < 9; ++i)
    {
        for (ScannerEvent& e : d.onText("a", Millis{i}))
        {
            out.push_back(std::move(e));
        }
    }
    EXPECT_EQ(out, (std::vector<ScannerEvent>{text("aaaaaaaaa")}));
    EXPECT_FALSE(d.nextDeadline().has_value());
}

} // namespace
} // namespace okienko::kiosk
