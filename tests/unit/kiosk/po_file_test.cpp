// The .po reader: the subset of gettext the kiosk uses, and precise errors for everything else.
#include "kiosk/core/po_file.hpp"

#include <gtest/gtest.h>

namespace okienko::kiosk
{
namespace
{

PoError errorOf(std::string_view text)
{
    const auto r = parsePo(text);
    EXPECT_FALSE(r.ok()) << "expected an error";
    return r.ok() ? PoError{} : r.error();
}

TEST(PoFileTest, UnterminatedStringHasLineAndColumnOfTheQuote)
{
    const PoError e = errorOf("msgid \"a\"\nmsgstr \"b\n");
    EXPECT_EQ(e.line, 2);
    EXPECT_EQ(e.column, 8);
    EXPECT_NE(e.message.find("unterminated"), std::string::npos);
}

TEST(PoFileTest, UnknownEscapeIsRejectedAtTheBackslash)
{
    const PoError e = errorOf("msgid \"a\"\nmsgstr \"x\\qy\"\n");
    EXPECT_EQ(e.line, 2);
    EXPECT_EQ(e.column, 10);
    EXPECT_NE(e.message.find("\\q"), std::string::npos);
}

TEST(PoFileTest, MsgidWithoutMsgstrIsAnError)
{
    EXPECT_EQ(errorOf("\nmsgid \"a\"\n\nmsgid \"b\"\nmsgstr \"B\"\n").line, 2);
    EXPECT_EQ(errorOf("msgid \"a\"\nmsgid \"b\"\nmsgstr \"B\"\n").line, 2);
    EXPECT_EQ(errorOf("msgid \"last\"\n").line, 1);
}

TEST(PoFileTest, MsgstrWithoutMsgidIsAnError)
{
    const PoError e = errorOf("# c\nmsgstr \"x\"\n");
    EXPECT_EQ(e.line, 2);
    EXPECT_NE(e.message.find("without msgid"), std::string::npos);
}

TEST(PoFileTest, DuplicateMsgidNamesBothLines)
{
    const PoError e = errorOf("msgid \"a\"\nmsgstr \"1\"\n\nmsgid \"a\"\nmsgstr \"2\"\n");
    EXPECT_EQ(e.line, 4);
    EXPECT_NE(e.message.find("line 1"), std::string::npos) << e.message;
}

TEST(PoFileTest, SameMsgidInDifferentContextsIsAllowed)
{
    const auto r = parsePo("msgctxt \"noun\"\nmsgid \"a\"\nmsgstr \"1\"\n\nmsgid \"a\"\nmsgstr \"2\"\n");
    ASSERT_TRUE(r.ok()) << r.error().toString();
    ASSERT_EQ(r->entries.size(), 2u);
    EXPECT_EQ(r->entries[0].context, "noun");
    EXPECT_EQ(r->entries[1].context, "");
}

TEST(PoFileTest, PluralFormsAreRejected)
{
    const PoError e = errorOf("msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[0] \"x\"\n");
    EXPECT_EQ(e.line, 2);
    EXPECT_NE(e.message.find("plural"), std::string::npos);
}

TEST(PoFileTest, UnknownKeywordAndStrayTextAreErrors)
{
    EXPECT_EQ(errorOf("msgid \"a\"\nmsgstr \"b\"\nmsgfoo \"c\"\n").line, 3);
    const PoError after = errorOf("msgid \"a\" trailing\nmsgstr \"b\"\n");
    EXPECT_EQ(after.line, 1);
    EXPECT_EQ(after.column, 11);
    EXPECT_EQ(errorOf("\"orphan\"\n").line, 1);
}

TEST(PoFileTest, CommentBetweenMsgidAndMsgstrIsAnError)
{
    EXPECT_EQ(errorOf("msgid \"a\"\n#. note\nmsgstr \"b\"\n").line, 2);
}

TEST(PoFileTest, InvalidUtf8IsRejectedWithPosition)
{
    const PoError e = errorOf("msgid \"a\"\nmsgstr \"za\xC5\"\n");
    EXPECT_EQ(e.line, 2);
    EXPECT_EQ(e.column, 11);
    EXPECT_NE(e.message.find("UTF-8"), std::string::npos);
    // An overlong encoding of "/" is invalid too.
    EXPECT_EQ(errorOf("msgid \"a\"\nmsgstr \"\xC0\xAF\"\n").line, 2);
}

TEST(PoFileTest, SecondHeaderIsAnError)
{
    EXPECT_EQ(errorOf("msgid \"\"\nmsgstr \"A\"\n\nmsgid \"\"\nmsgstr \"B\"\n").line, 4);
}

TEST(PoFileTest, ParsesHeaderEntriesCommentsAndFlags)
{
    const auto r = parsePo("# translator comment\n"
                           "msgid \"\"\n"
                           "msgstr \"\"\n"
                           "\"Language: pl\\n\"\n"
                           "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
                           "\n"
                           "#. The home screen tile\n"
                           "#. (second line)\n"
                           "#: kiosk/ui/screens/home.cpp:12\n"
                           "#, c-format, fuzzy\n"
                           "msgid \"home.catalog\"\n"
                           "msgstr \"Katalog usług\"\n"
                           "\n"
                           "msgid \"idle.title\"\n"
                           "msgstr \"Czy potrzebujesz więcej czasu?\"\n");
    ASSERT_TRUE(r.ok()) << r.error().toString();
    EXPECT_EQ(r->header, "Language: pl\nContent-Type: text/plain; charset=UTF-8\n");
    ASSERT_EQ(r->entries.size(), 2u);
    const PoEntry& e = r->entries[0];
    EXPECT_EQ(e.msgid, "home.catalog");
    EXPECT_EQ(e.msgstr, "Katalog usług");
    EXPECT_EQ(e.extractedComment, "The home screen tile\n(second line)");
    EXPECT_EQ(e.references, (std::vector<std::string>{"kiosk/ui/screens/home.cpp:12"}));
    EXPECT_TRUE(e.fuzzy);
    EXPECT_FALSE(e.usable());
    EXPECT_EQ(e.line, 11);
    EXPECT_FALSE(r->entries[1].fuzzy);
    EXPECT_TRUE(r->entries[1].usable());
    EXPECT_EQ(r->entries[1].line, 14);
}

TEST(PoFileTest, MultiLineStringsAreConcatenatedAndEscapesResolved)
{
    const auto r = parsePo("msgid \"\"\n\"multi.\"\n\"line\"\n"
                           "msgstr \"\"\n"
                           "\"Linia 1\\n\"\n"
                           "   \"\\tcytat: \\\"tak\\\" \\\\ koniec\"\n");
    ASSERT_TRUE(r.ok()) << r.error().toString();
    ASSERT_EQ(r->entries.size(), 1u);
    EXPECT_EQ(r->entries[0].msgid, "multi.line");
    EXPECT_EQ(r->entries[0].msgstr, "Linia 1\n\tcytat: \"tak\" \\ koniec");
    EXPECT_TRUE(r->header.empty());
}

TEST(PoFileTest, EmptyMsgstrIsUntranslated)
{
    const auto r = parsePo("msgid \"a\"\nmsgstr \"\"\n");
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->entries.size(), 1u);
    EXPECT_FALSE(r->entries[0].usable());
}

TEST(PoFileTest, CrLfByteOrderMarkAndObsoleteEntriesAreHandled)
{
    const auto r = parsePo("\xEF\xBB\xBFmsgid \"a\"\r\nmsgstr \"A\"\r\n\r\n#~ msgid \"old\"\r\n#~ msgstr \"x\"\r\n"
                           "msgid \"b\"\r\nmsgstr \"B\"");
    ASSERT_TRUE(r.ok()) << r.error().toString();
    ASSERT_EQ(r->entries.size(), 2u);
    EXPECT_EQ(r->entries[0].msgstr, "A");
    EXPECT_EQ(r->entries[1].msgid, "b");
    EXPECT_EQ(r->entries[1].line, 6);
}

TEST(PoFileTest, EntriesWithoutBlankLinesBetweenThemAreSeparate)
{
    const auto r = parsePo("msgid \"a\"\nmsgstr \"A\"\nmsgid \"b\"\nmsgstr \"B\"\n#. c\nmsgid \"c\"\nmsgstr \"C\"\n");
    ASSERT_TRUE(r.ok()) << r.error().toString();
    ASSERT_EQ(r->entries.size(), 3u);
    EXPECT_EQ(r->entries[2].extractedComment, "c");
}

TEST(PoFileTest, LoadingAMissingFileIsAnError)
{
    const auto r = loadPo("/nonexistent/okienko/pl.po");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().line, 0);
    EXPECT_NE(r.error().message.find("/nonexistent/okienko/pl.po"), std::string::npos);
}

} // namespace
} // namespace okienko::kiosk
