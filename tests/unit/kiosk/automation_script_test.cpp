// The automation script parser: every command, quoting, and precise errors with line and column.
#include "kiosk/core/automation_script.hpp"

#include <gtest/gtest.h>

namespace okienko::kiosk
{
namespace
{

/// The single error of a one-line script.
ScriptError errorOf(std::string_view script)
{
    const auto r = parseScript(script);
    EXPECT_FALSE(r.ok()) << "accepted: " << script;
    if (r.ok())
    {
        return {};
    }
    EXPECT_EQ(r.error().size(), 1u);
    return r.error().front();
}

TEST(AutomationScriptTest, UnknownCommandPointsAtTheWord)
{
    const ScriptError e = errorOf("lang pl\n  tapp \"Katalog\"\n");
    EXPECT_EQ(e.line, 2);
    EXPECT_EQ(e.column, 3);
    EXPECT_NE(e.message.find("unknown command \"tapp\""), std::string::npos);
}

TEST(AutomationScriptTest, MissingArgumentPointsAtTheEndOfTheLine)
{
    const ScriptError e = errorOf("tap");
    EXPECT_EQ(e.line, 1);
    EXPECT_EQ(e.column, 4);
    EXPECT_NE(e.message.find("missing argument"), std::string::npos);
    EXPECT_EQ(errorOf("wait   ").column, 8);
}

TEST(AutomationScriptTest, ExtraArgumentIsAnError)
{
    const ScriptError e = errorOf("tap \"Katalog\" \"usług\"");
    EXPECT_EQ(e.column, 15);
    EXPECT_NE(e.message.find("extra argument"), std::string::npos);
    EXPECT_EQ(errorOf("key enter enter").column, 11);
    EXPECT_EQ(errorOf("wait 100 ms").column, 10);
}

TEST(AutomationScriptTest, ColumnsCountCharactersNotBytes)
{
    // "żółw" is 4 characters but 7 bytes; the stray x is character 12.
    EXPECT_EQ(errorOf("tap \"żółw\" x").column, 12);
}

TEST(AutomationScriptTest, UnterminatedStringPointsAtTheOpeningQuote)
{
    const ScriptError e = errorOf("expect \"Katalog usług");
    EXPECT_EQ(e.column, 8);
    EXPECT_NE(e.message.find("unterminated"), std::string::npos);
    EXPECT_EQ(errorOf("type \"a\\\"").column, 6) << "an escaped quote does not close the string";
}

TEST(AutomationScriptTest, UnknownEscapeIsAnError)
{
    const ScriptError e = errorOf("type \"a\\nb\"");
    EXPECT_EQ(e.column, 8);
    EXPECT_NE(e.message.find("\\n"), std::string::npos);
}

TEST(AutomationScriptTest, BadNumbersAreRejected)
{
    for (const char* bad : {"wait 12x", "wait -5", "wait 1.5", "wait abc", "advance-clock 1..2", "advance-clock 5.",
                            "advance-clock .5", "advance-clock 1e3"})
    {
        const auto r = parseScript(bad);
        ASSERT_FALSE(r.ok()) << bad;
        EXPECT_NE(r.error()[0].message.find("number"), std::string::npos) << bad << ": " << r.error()[0].message;
    }
    EXPECT_NE(errorOf("wait 3600001").message.find("out of range"), std::string::npos);
    EXPECT_EQ(errorOf("advance-clock 12x").column, 15);
}

TEST(AutomationScriptTest, BadLanguageKeyAndIdAreRejected)
{
    EXPECT_NE(errorOf("lang de").message.find("unknown language \"de\""), std::string::npos);
    EXPECT_NE(errorOf("lang PL").message.find("unknown language"), std::string::npos);
    EXPECT_NE(errorOf("key space").message.find("unknown key"), std::string::npos);
    EXPECT_EQ(errorOf("tap-id home!tile").column, 12);
    EXPECT_NE(errorOf("tap-id \"home\"").message.find("without quotes"), std::string::npos);
}

TEST(AutomationScriptTest, StringCommandsNeedQuotedNonEmptyText)
{
    EXPECT_NE(errorOf("tap Katalog").message.find("double quotes"), std::string::npos);
    EXPECT_NE(errorOf("expect \"\"").message.find("empty"), std::string::npos);
}

TEST(AutomationScriptTest, ScreenshotNeedsAPngPath)
{
    EXPECT_NE(errorOf("screenshot out/home.jpg").message.find(".png"), std::string::npos);
    EXPECT_NE(errorOf("screenshot .png").message.find(".png"), std::string::npos);
}

TEST(AutomationScriptTest, InvalidUtf8IsRejected)
{
    const ScriptError e = errorOf("tap \"a\xC5\"");
    EXPECT_EQ(e.column, 7);
    EXPECT_NE(e.message.find("UTF-8"), std::string::npos);
}

TEST(AutomationScriptTest, EveryBadLineIsReported)
{
    const auto r = parseScript("lang xx\ntap \"ok\"\n\nwait soon\nfly\n");
    ASSERT_FALSE(r.ok());
    ASSERT_EQ(r.error().size(), 3u);
    EXPECT_EQ(r.error()[0].line, 1);
    EXPECT_EQ(r.error()[1].line, 4);
    EXPECT_EQ(r.error()[2].line, 5);
    EXPECT_EQ(r.error()[2].toString("smoke.oks"), "smoke.oks:5:1: " + r.error()[2].message);
}

TEST(AutomationScriptTest, HoldIdNeedsAnIdAndAPositiveNumberOfSeconds)
{
    // Bad input first: no time, no id, quotes, a bad id, zero, a sign, too long, a third word.
    ScriptError e = errorOf("hold-id cus-logo");
    EXPECT_EQ(e.column, 17);
    EXPECT_NE(e.message.find("needs seconds after the id"), std::string::npos);
    e = errorOf("hold-id");
    EXPECT_EQ(e.column, 8);
    EXPECT_NE(e.message.find("missing argument"), std::string::npos);
    e = errorOf("hold-id \"cus-logo\" 3");
    EXPECT_EQ(e.column, 9);
    EXPECT_NE(e.message.find("without quotes"), std::string::npos);
    e = errorOf("hold-id cus!logo 3");
    EXPECT_EQ(e.column, 12);
    EXPECT_NE(e.message.find("invalid character in id"), std::string::npos);
    e = errorOf("hold-id cus-logo 0");
    EXPECT_EQ(e.column, 18);
    EXPECT_NE(e.message.find("more than 0 seconds"), std::string::npos);
    e = errorOf("hold-id cus-logo -3");
    EXPECT_EQ(e.column, 18);
    EXPECT_NE(e.message.find("bad number"), std::string::npos);
    EXPECT_NE(errorOf("hold-id cus-logo 3.").message.find("bad number"), std::string::npos);
    e = errorOf("hold-id cus-logo 61");
    EXPECT_EQ(e.column, 18);
    EXPECT_NE(e.message.find("out of range (at most 60)"), std::string::npos);
    e = errorOf("hold-id cus-logo 3 4");
    EXPECT_EQ(e.column, 20);
    EXPECT_NE(e.message.find("takes two arguments"), std::string::npos);

    const auto r = parseScript("hold-id cus-logo 3.2\n  hold-id\tkey-backspace   60  \n");
    ASSERT_TRUE(r.ok()) << r.error()[0].toString();
    const std::vector<Command> expected{
        {1, CommandKind::HoldId, "cus-logo", 3.2},
        {2, CommandKind::HoldId, "key-backspace", 60},
    };
    ASSERT_EQ(r->size(), 2u);
    EXPECT_EQ(r->at(0).text, expected[0].text);
    EXPECT_NEAR(r->at(0).number, 3.2, 1e-9);
    EXPECT_EQ(r->at(1), expected[1]);
}

TEST(AutomationScriptTest, ExpectMinHeightNeedsAnIdAndWholePixels)
{
    ScriptError e = errorOf("expect-min-height key-5");
    EXPECT_EQ(e.column, 24);
    EXPECT_NE(e.message.find("needs pixels after the id"), std::string::npos);
    e = errorOf("expect-min-height key-5 88.5");
    EXPECT_NE(e.message.find("bad number"), std::string::npos);
    e = errorOf("expect-min-height key-5 10001");
    EXPECT_NE(e.message.find("out of range"), std::string::npos);
    e = errorOf("expect-min-height \"key-5\" 88");
    EXPECT_NE(e.message.find("without quotes"), std::string::npos);
    e = errorOf("expect-min-height key-5 88 1");
    EXPECT_NE(e.message.find("takes two arguments"), std::string::npos);

    const auto r = parseScript("expect-min-height key-5 88\nexpect-whole-text \"Twój dochód (zł)\"\n");
    ASSERT_TRUE(r.ok()) << r.error()[0].toString();
    ASSERT_EQ(r->size(), 2u);
    EXPECT_EQ(r->at(0), (Command{1, CommandKind::ExpectMinHeight, "key-5", 88}));
    EXPECT_EQ(r->at(1), (Command{2, CommandKind::ExpectWholeText, "Twój dochód (zł)", 0}));
}

TEST(AutomationScriptTest, ExpectMaxHeightTakesAnIdAndWholePixelsToo)
{
    ScriptError e = errorOf("expect-max-height eq-on-behalf");
    EXPECT_NE(e.message.find("needs pixels after the id"), std::string::npos);
    e = errorOf("expect-max-height eq-on-behalf 120 1");
    EXPECT_NE(e.message.find("takes two arguments"), std::string::npos);
    const auto r = parseScript("expect-max-height eq-on-behalf 120\n");
    ASSERT_TRUE(r.ok()) << r.error()[0].toString();
    EXPECT_EQ(r->at(0), (Command{1, CommandKind::ExpectMaxHeight, "eq-on-behalf", 120}));
}

TEST(AutomationScriptTest, ParsesEveryCommand)
{
    const auto r = parseScript("# Smoke test of the catalogue\n"
                               "lang uk\n"
                               "\n"
                               "tap \"Каталог послуг\"\n"
                               "tap-id home.catalog\n"
                               "type \"Zażółć \\\"gęślą\\\" \\\\ jaźń\"\n"
                               "key backspace\n"
                               "scan \"CUS-2024-0042\"\n"
                               "   expect \"Katalog usług\"   \n"
                               "expect-not \"⟦\"\n"
                               "expect-screen catalog\n"
                               "wait 250\n"
                               "advance-clock 90.5\n"
                               "screenshot out/catalog-uk.png\n"
                               "screenshot \"out/with space.png\"\r\n"
                               "\t# indented comment\n");
    ASSERT_TRUE(r.ok()) << r.error()[0].toString();
    const std::vector<Command> expected{
        {2, CommandKind::Lang, "uk", 0},
        {4, CommandKind::Tap, "Каталог послуг", 0},
        {5, CommandKind::TapId, "home.catalog", 0},
        {6, CommandKind::Type, "Zażółć \"gęślą\" \\ jaźń", 0},
        {7, CommandKind::Key, "backspace", 0},
        {8, CommandKind::Scan, "CUS-2024-0042", 0},
        {9, CommandKind::Expect, "Katalog usług", 0},
        {10, CommandKind::ExpectNot, "⟦", 0},
        {11, CommandKind::ExpectScreen, "catalog", 0},
        {12, CommandKind::Wait, "", 250},
        {13, CommandKind::AdvanceClock, "", 90.5},
        {14, CommandKind::Screenshot, "out/catalog-uk.png", 0},
        {15, CommandKind::Screenshot, "out/with space.png", 0},
    };
    EXPECT_EQ(*r, expected);
}

TEST(AutomationScriptTest, MonkeyNeedsAWholeSeedAndWholeSteps)
{
    ScriptError e = errorOf("monkey 7");
    EXPECT_EQ(e.column, 9);
    EXPECT_NE(e.message.find("needs steps after the seed"), std::string::npos);
    e = errorOf("monkey");
    EXPECT_NE(e.message.find("missing argument: monkey needs a seed and a number of steps"), std::string::npos);
    e = errorOf("monkey 7.5 100");
    EXPECT_EQ(e.column, 8);
    EXPECT_NE(e.message.find("a whole seed and whole steps"), std::string::npos);
    e = errorOf("monkey 7 -1");
    EXPECT_EQ(e.column, 10);
    EXPECT_NE(e.message.find("bad number"), std::string::npos);
    e = errorOf("monkey 4294967296 10");
    EXPECT_NE(e.message.find("out of range (at most 4294967295)"), std::string::npos);
    e = errorOf("monkey 7 10000001");
    EXPECT_NE(e.message.find("out of range (at most 10000000)"), std::string::npos);
    e = errorOf("monkey 7 100 3");
    EXPECT_EQ(e.column, 14);
    EXPECT_NE(e.message.find("takes two arguments"), std::string::npos);
    e = errorOf("monkey \"7\" 100");
    EXPECT_NE(e.message.find("without quotes"), std::string::npos);

    // The seed is kept as its digits (a failure report prints it for the replay), the steps as the number.
    const auto r = parseScript("monkey 4294967295 2400\n monkey\t0   1 \n");
    ASSERT_TRUE(r.ok()) << r.error()[0].toString();
    ASSERT_EQ(r->size(), 2u);
    EXPECT_EQ(r->at(0), (Command{1, CommandKind::Monkey, "4294967295", 2400}));
    EXPECT_EQ(r->at(1), (Command{2, CommandKind::Monkey, "0", 1}));
    EXPECT_EQ(commandName(CommandKind::Monkey), "monkey");
}

TEST(AutomationScriptTest, EmptyScriptHasNoCommands)
{
    const auto r = parseScript("\n# nothing\n");
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r->empty());
}

TEST(AutomationScriptTest, CommandNamesRoundTrip)
{
    for (const CommandKind k :
         {CommandKind::Lang, CommandKind::Tap, CommandKind::TapId, CommandKind::HoldId, CommandKind::Type,
          CommandKind::Key, CommandKind::Scan, CommandKind::Expect, CommandKind::ExpectNot, CommandKind::ExpectScreen,
          CommandKind::ExpectWhole, CommandKind::Wait, CommandKind::AdvanceClock, CommandKind::Screenshot})
    {
        const std::string name(commandName(k));
        const std::string arg =
            k == CommandKind::Wait || k == CommandKind::AdvanceClock                                     ? "1"
            : k == CommandKind::Lang                                                                     ? "pl"
            : k == CommandKind::Key                                                                      ? "tab"
            : k == CommandKind::Screenshot                                                               ? "a.png"
            : k == CommandKind::HoldId                                                                   ? "x 1"
            : k == CommandKind::TapId || k == CommandKind::ExpectScreen || k == CommandKind::ExpectWhole ? "x"
                                                                                                         : "\"x\"";
        const auto r = parseScript(name + " " + arg);
        ASSERT_TRUE(r.ok()) << name;
        EXPECT_EQ(r->at(0).kind, k) << name;
    }
}

TEST(AutomationScriptTest, MissingFileIsAnError)
{
    const auto r = loadScript("/nonexistent/okienko/script.oks");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error()[0].line, 0);
}

TEST(AutomationScriptTest, ClipCommands)
{
    const auto r = parseScript("check-clips on\nexpect-no-clip\ncheck-clips report\ncheck-clips off\n");
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->size(), 4u);
    EXPECT_EQ((*r)[0].kind, CommandKind::CheckClips);
    EXPECT_EQ((*r)[0].text, "on");
    EXPECT_EQ((*r)[1].kind, CommandKind::ExpectNoClip);
    EXPECT_EQ((*r)[1].line, 2);
    EXPECT_EQ((*r)[2].text, "report");
    EXPECT_EQ((*r)[3].text, "off");
    EXPECT_EQ(commandName(CommandKind::ExpectNoClip), "expect-no-clip");
}

TEST(AutomationScriptTest, ClipCommandErrors)
{
    const ScriptError extra = errorOf("expect-no-clip start");
    EXPECT_EQ(extra.column, 16);
    EXPECT_NE(extra.message.find("takes no argument"), std::string::npos);
    const ScriptError mode = errorOf("check-clips maybe");
    EXPECT_EQ(mode.column, 13);
    EXPECT_NE(mode.message.find("expected on, off or report"), std::string::npos);
    EXPECT_NE(errorOf("check-clips").message.find("missing argument"), std::string::npos);
}

} // namespace
} // namespace okienko::kiosk

TEST(AutomationScriptTest, SpeechCommandsParse)
{
    const auto r =
        okienko::kiosk::parseScript("speech on\nblind on\nexplore \"Dalej\"\nexplore-id eq-next\ndouble-tap\n"
                                    "expect-spoken \"Do wyboru: 8.\"\nexpect-not-spoken \"Kowalska\"\n"
                                    "blind off\nspeech off\n");
    ASSERT_TRUE(r.ok());
    const std::vector<okienko::kiosk::Command>& c = r.value();
    ASSERT_EQ(c.size(), 9u);
    EXPECT_EQ(c[0].kind, okienko::kiosk::CommandKind::Speech);
    EXPECT_EQ(c[0].text, "on");
    EXPECT_EQ(c[1].kind, okienko::kiosk::CommandKind::Blind);
    EXPECT_EQ(c[2].kind, okienko::kiosk::CommandKind::Explore);
    EXPECT_EQ(c[2].text, "Dalej");
    EXPECT_EQ(c[3].kind, okienko::kiosk::CommandKind::ExploreId);
    EXPECT_EQ(c[4].kind, okienko::kiosk::CommandKind::DoubleTap);
    EXPECT_EQ(c[5].kind, okienko::kiosk::CommandKind::ExpectSpoken);
    EXPECT_EQ(c[5].text, "Do wyboru: 8.");
    EXPECT_EQ(c[6].kind, okienko::kiosk::CommandKind::ExpectNotSpoken);
    EXPECT_EQ(okienko::kiosk::commandName(c[4].kind), "double-tap");
    EXPECT_NE(okienko::kiosk::errorOf("speech maybe").message.find("expected on or off"), std::string::npos);
    EXPECT_NE(okienko::kiosk::errorOf("double-tap now").message.find("takes no argument"), std::string::npos);
    EXPECT_NE(okienko::kiosk::errorOf("explore Dalej").message.find("expected the visible label"), std::string::npos);
}
