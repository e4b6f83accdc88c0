// Search folding: what a resident types without Polish or Ukrainian letters must meet the
// catalogue's spelling.
#include "shared/text/fold.hpp"

#include <gtest/gtest.h>

using namespace okienko::text;

TEST(Fold, MalformedUtf8IsSkippedNotFatal)
{
    EXPECT_EQ(foldForSearch("\xFF\xFE"), "");
    EXPECT_EQ(foldForSearch("\xC3"), "");                   // truncated sequence at the end
    EXPECT_EQ(foldForSearch("w\xC3z\xF0\x9F"), "wz");       // bad bytes inside a word
    EXPECT_EQ(foldForSearch("\xED\xA0\x80lozko"), "lozko"); // encoded surrogate
    EXPECT_EQ(foldForSearch("W\xC3\xB3zek \xFF kule"), foldForSearch("wózek kule"));
    EXPECT_TRUE(searchWords("\x80\x80\x80").empty());
}

TEST(Fold, EmptyAndSeparatorOnlyInputGiveNoWords)
{
    EXPECT_EQ(foldForSearch(""), "");
    EXPECT_EQ(foldForSearch("   \t\n"), "");
    EXPECT_EQ(foldForSearch("— … «» !?; 🙂"), "");
    EXPECT_TRUE(searchWords(" - , . ").empty());
}

TEST(Fold, PolishDiacriticsAndCaseAreIgnored)
{
    EXPECT_EQ(foldForSearch("Łóżko"), foldForSearch("lozko"));
    EXPECT_EQ(foldForSearch("wózek"), foldForSearch("wozek"));
    EXPECT_EQ(foldForSearch("Łódź"), foldForSearch("lodz"));
    EXPECT_EQ(foldForSearch("ZAŻÓŁĆ GĘŚLĄ JAŹŃ"), foldForSearch("zażółć gęślą jaźń"));
    EXPECT_EQ(foldForSearch("ZAŻÓŁĆ"), "zazolc");
    EXPECT_EQ(foldForSearch("ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ"), "acelnoszz acelnoszz");
}

TEST(Fold, DecomposedPolishLettersMatchPrecomposedOnes)
{
    // "z" + COMBINING DOT ABOVE, "o" + COMBINING ACUTE, as some macOS keyboards send them
    EXPECT_EQ(foldForSearch("z\xCC\x87o\xCC\x81\xC5\x82w"), foldForSearch("żółw"));
}

TEST(Fold, OtherLatinLettersLoseTheirDiacritics)
{
    EXPECT_EQ(foldForSearch("Müller Straße"), "muller strasse");
    EXPECT_EQ(foldForSearch("Čeština Ŕ ő Ş ţ"), foldForSearch("cestina r o s t"));
    EXPECT_EQ(foldForSearch("Ærø Œuvre"), "aero oeuvre");
}

TEST(Fold, UkrainianIsLowerCasedAndForgiving)
{
    EXPECT_EQ(foldForSearch("Ґанок"), foldForSearch("ганок"));
    EXPECT_EQ(foldForSearch("ҐАНОК"), foldForSearch("Ганок"));
    EXPECT_EQ(foldForSearch("КИЇВ"), foldForSearch("київ"));
    EXPECT_EQ(foldForSearch("Європа"), foldForSearch("европа"));
    EXPECT_EQ(foldForSearch("їжак"), foldForSearch("іжак"));
    EXPECT_EQ(foldForSearch("інвалідний"), foldForSearch("инвалидный"));
    EXPECT_EQ(foldForSearch("ЁЛКА"), foldForSearch("елка"));
    EXPECT_NE(foldForSearch("ганок"), foldForSearch("ранок")); // folding must not merge everything
}

TEST(Fold, ApostrophesInsideWordsAreDropped)
{
    EXPECT_EQ(foldForSearch("пʼять"), foldForSearch("пять"));
    EXPECT_EQ(foldForSearch("п'ять"), foldForSearch("пять"));
    EXPECT_EQ(foldForSearch("п’ять"), foldForSearch("пять"));
    EXPECT_EQ(foldForSearch("Об'ява"), foldForSearch("объява"));
    EXPECT_EQ(searchWords("пʼять днів").size(), 2u);
}

TEST(Fold, PunctuationAndDashesSeparateWordsAndDigitsStay)
{
    const auto words = searchWords("Wózek—inwalidzki, (kule)/balkonik; 500+ dla\u00A0rodzin – ok...");
    const std::vector<std::string> expected{"wozek", "inwalidzki", "kule", "balkonik", "500", "dla", "rodzin", "ok"};
    EXPECT_EQ(words, expected);
    EXPECT_EQ(foldForSearch("  Dom   Pomocy-Społecznej!  "), "dom pomocy spolecznej");
}

TEST(Fold, SplitFoldedWordsReturnsViewsOfEachWord)
{
    const std::string folded = foldForSearch("Łóżko rehabilitacyjne elektryczne");
    const auto words = splitFoldedWords(folded);
    ASSERT_EQ(words.size(), 3u);
    EXPECT_EQ(words[0], "lozko");
    EXPECT_EQ(words[2], "elektryczne");
    EXPECT_TRUE(splitFoldedWords("").empty());
}
