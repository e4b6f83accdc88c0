// Free text: anything readable in any language passes trimmed; invisible characters are reported
// with their position, and the length rules count characters, not bytes.
#include "shared/validate/free_text.hpp"

#include <gtest/gtest.h>
#include <string>

using namespace okienko::validate;

namespace
{

FreeTextFailure failureOf(std::string_view input, std::size_t min = 1, std::size_t max = 500)
{
    const auto r = validateFreeText(input, min, max);
    EXPECT_FALSE(r.ok()) << input;
    return r.ok() ? FreeTextFailure{} : r.error();
}

} // namespace

TEST(FreeText, RejectsMalformedUtf8AtItsPosition)
{
    EXPECT_EQ(failureOf("\xff"), (FreeTextFailure{FreeTextError::InvalidUtf8, 0}));
    EXPECT_EQ(failureOf("ab\xc3"), (FreeTextFailure{FreeTextError::InvalidUtf8, 2}));
    // Position counts characters: "żółw " is 5 code points and 8 bytes.
    EXPECT_EQ(failureOf("żółw \xed\xa0\x80"), (FreeTextFailure{FreeTextError::InvalidUtf8, 5}));
    EXPECT_EQ(failureOf("\xf4\x90\x80\x80"), (FreeTextFailure{FreeTextError::InvalidUtf8, 0}));
}

TEST(FreeText, RejectsControlCharactersAtTheirPosition)
{
    EXPECT_EQ(failureOf("a\tb"), (FreeTextFailure{FreeTextError::ControlCharacter, 1}));
    EXPECT_EQ(failureOf("line\r\nline"), (FreeTextFailure{FreeTextError::ControlCharacter, 4}));
    EXPECT_EQ(failureOf(std::string("abc\0", 4)), (FreeTextFailure{FreeTextError::ControlCharacter, 3}));
    EXPECT_EQ(failureOf("Київ\x1b[2J"), (FreeTextFailure{FreeTextError::ControlCharacter, 4}));
    EXPECT_EQ(failureOf("x\x7f"), (FreeTextFailure{FreeTextError::ControlCharacter, 1}));
    EXPECT_EQ(failureOf("ą\xc2\x9b"), (FreeTextFailure{FreeTextError::ControlCharacter, 1})); // U+009B CSI
    // Leading whitespace is not skipped when counting: positions refer to the input as given.
    EXPECT_EQ(failureOf("  \tx"), (FreeTextFailure{FreeTextError::ControlCharacter, 2}));
}

TEST(FreeText, RejectsBidiOverridesThatDisguiseText)
{
    EXPECT_EQ(failureOf("abc\xe2\x80\xae"
                        "def"),
              (FreeTextFailure{FreeTextError::ControlCharacter, 3}));                             // U+202E
    EXPECT_EQ(failureOf("\xe2\x81\xa6x"), (FreeTextFailure{FreeTextError::ControlCharacter, 0})); // U+2066
}

TEST(FreeText, ReportsTheFirstProblemInTextOrder)
{
    EXPECT_EQ(failureOf("a\tb\xff"), (FreeTextFailure{FreeTextError::ControlCharacter, 1}));
    EXPECT_EQ(failureOf("a\xff\tb"), (FreeTextFailure{FreeTextError::InvalidUtf8, 1}));
}

TEST(FreeText, RejectsEmptyWhenRequired)
{
    EXPECT_EQ(failureOf("").error, FreeTextError::Empty);
    EXPECT_EQ(failureOf("  \n \n ").error, FreeTextError::Empty);
}

TEST(FreeText, RejectsTooShort)
{
    EXPECT_EQ(failureOf("ab", 3, 100).error, FreeTextError::TooShort);
    EXPECT_EQ(failureOf("   ab   ", 3, 100).error, FreeTextError::TooShort);
}

TEST(FreeText, RejectsTooLongCountingCodePoints)
{
    EXPECT_EQ(failureOf("abcd", 1, 3).error, FreeTextError::TooLong);
    // "їжак" is 4 characters and 8 bytes.
    EXPECT_EQ(failureOf("їжак", 1, 3).error, FreeTextError::TooLong);
    EXPECT_TRUE(validateFreeText("їжак", 1, 4).ok());
    // Trailing spaces do not count towards the limit.
    EXPECT_TRUE(validateFreeText("abc     \n", 1, 3).ok());
}

TEST(FreeText, AllowsEmptyWhenOptional)
{
    const auto r = validateFreeText("  \n", 0, 100);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.value(), "");
}

TEST(FreeText, TrimsEndsAndKeepsTheInside)
{
    const auto r = validateFreeText("\n  Pomysł:  więcej ławek\n\nдякую 🙂  \n", 1, 500);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.value(), "Pomysł:  więcej ławek\n\nдякую 🙂");
}

TEST(FreeText, MessageKeys)
{
    EXPECT_EQ(messageKey(FreeTextError::ControlCharacter), "validate.text.control_character");
    EXPECT_EQ(messageKey(FreeTextError::TooLong), "validate.text.too_long");
}
