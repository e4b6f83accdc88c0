// Reference codes: a slip's code survives being read over the phone and typed by staff, and every
// single misread symbol or swap of two symbols is caught.
#include "shared/rules/reference_code.hpp"

#include <gtest/gtest.h>
#include <map>
#include <random>
#include <set>
#include <string>

using okienko::rules::kReferenceAlphabet;
using okienko::rules::parseReferenceCode;
using okienko::rules::ReferenceCodeError;
using okienko::rules::ReferenceKind;

namespace
{

const ReferenceKind kAllKinds[] = {ReferenceKind::Reservation, ReferenceKind::Counselling, ReferenceKind::Callback,
                                   ReferenceKind::Loan};

std::string compactOf(const std::string& display)
{
    std::string out;
    for (char c : display)
        if (c != '-')
            out += c;
    return out;
}

std::string compose(ReferenceKind kind, const std::string& tag, const std::string& random)
{
    auto code = okienko::rules::composeReferenceCode(kind, tag, random);
    EXPECT_TRUE(code.ok()) << tag << random;
    return code.ok() ? code.value() : std::string{};
}

ReferenceCodeError parseError(const std::string& text, std::optional<ReferenceKind> expected = std::nullopt)
{
    auto r = parseReferenceCode(text, expected);
    EXPECT_FALSE(r.ok()) << text;
    return r.ok() ? ReferenceCodeError::Empty : r.error();
}

} // namespace

TEST(ReferenceCode, AlphabetHas31DistinctSymbolsWithOneMemberPerLookAlikeGroup)
{
    ASSERT_EQ(kReferenceAlphabet.size(), 31u);
    EXPECT_EQ(std::set<char>(kReferenceAlphabet.begin(), kReferenceAlphabet.end()).size(), 31u);
    for (int d = 2; d * d <= 31; ++d)
        EXPECT_NE(31 % d, 0);
    for (char excluded : std::string("OQILV"))
        EXPECT_EQ(kReferenceAlphabet.find(excluded), std::string_view::npos) << excluded;
    for (char kept : std::string("01U"))
        EXPECT_NE(kReferenceAlphabet.find(kept), std::string_view::npos) << kept;
    for (ReferenceKind kind : kAllKinds)
    {
        const char p = okienko::rules::referencePrefix(kind);
        EXPECT_NE(kReferenceAlphabet.find(p), std::string_view::npos);
        EXPECT_EQ(okienko::rules::referenceKindFromPrefix(p), kind);
    }
    EXPECT_EQ(okienko::rules::referenceKindFromPrefix('A'), std::nullopt);
}

TEST(ReferenceCode, ComposeRefusesPartsOfTheWrongSizeOrOutsideTheAlphabet)
{
    EXPECT_EQ(okienko::rules::composeReferenceCode(ReferenceKind::Loan, "7", "29QX4Z").error(),
              ReferenceCodeError::BadLength);
    EXPECT_EQ(okienko::rules::composeReferenceCode(ReferenceKind::Loan, "7K", "29X4Z").error(),
              ReferenceCodeError::BadLength);
    EXPECT_EQ(okienko::rules::composeReferenceCode(ReferenceKind::Loan, "7K", "29OX4Z").error(),
              ReferenceCodeError::BadSymbol);
    EXPECT_EQ(okienko::rules::referenceCheckSymbol("R7K29"), std::nullopt);
    EXPECT_EQ(okienko::rules::referenceCheckSymbol("R7K29IX4Z"), std::nullopt);
}

TEST(ReferenceCode, ParsingRejectsEmptyBadSymbolsAndBadLengths)
{
    const std::string good = compose(ReferenceKind::Reservation, "7K", "M29X4Z");
    EXPECT_EQ(parseError(""), ReferenceCodeError::Empty);
    EXPECT_EQ(parseError(" - -- "), ReferenceCodeError::Empty);
    EXPECT_EQ(parseError(good.substr(0, good.size() - 1) + "@"), ReferenceCodeError::BadSymbol);
    EXPECT_EQ(parseError("R-7KM-29Ł-X4Z"), ReferenceCodeError::BadSymbol);
    EXPECT_EQ(parseError("R-7KM-29\xff-X4Z"), ReferenceCodeError::BadSymbol);
    EXPECT_EQ(parseError(good.substr(0, good.size() - 1)), ReferenceCodeError::BadLength);
    EXPECT_EQ(parseError(good + "7"), ReferenceCodeError::BadLength);
    EXPECT_EQ(parseError(std::string(500, '7')), ReferenceCodeError::BadLength);
}

TEST(ReferenceCode, DisplayFormIsPrefixAndThreeGroupsOfThree)
{
    const std::string code = compose(ReferenceKind::Callback, "7K", "M29X4Z");
    ASSERT_EQ(code.size(), okienko::rules::kReferenceDisplayLength);
    EXPECT_EQ(code.substr(0, 8), "T-7KM-29");
    EXPECT_EQ(code[1], '-');
    EXPECT_EQ(code[5], '-');
    EXPECT_EQ(code[9], '-');
    auto parsed = parseReferenceCode(code);
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed->kind, ReferenceKind::Callback);
    EXPECT_EQ(parsed->text, code);
    EXPECT_EQ(parsed->kioskTag(), "7K");
    EXPECT_EQ(parsed->compact(), compactOf(code));
}

TEST(ReferenceCode, GeneratedCodesParseCarryTheKioskTagAndUseSymbolsUniformly)
{
    std::map<char, int> counts;
    const int n = 5000;
    for (int i = 0; i < n; ++i)
    {
        const ReferenceKind kind = kAllKinds[i % 4];
        auto code = okienko::rules::newReferenceCode(kind, "lapy-hol-1");
        ASSERT_TRUE(code.ok());
        auto parsed = parseReferenceCode(*code);
        ASSERT_TRUE(parsed.ok()) << *code;
        EXPECT_EQ(parsed->kind, kind);
        EXPECT_EQ(parsed->text, *code);
        EXPECT_EQ(parsed->kioskTag(), okienko::rules::kioskTag("lapy-hol-1"));
        const std::string compact = compactOf(*code);
        for (std::size_t k = 3; k < 9; ++k)
            ++counts[compact[k]];
    }
    // 30 000 random symbols: about 968 each (σ ≈ 31); ±30 % would take a broken generator.
    ASSERT_EQ(counts.size(), 31u);
    for (const auto& [symbol, count] : counts)
    {
        EXPECT_GT(count, 680) << symbol;
        EXPECT_LT(count, 1260) << symbol;
    }
}

TEST(ReferenceCode, TheTakenCheckMakesCodesUniqueOnAKiosk)
{
    std::set<std::string> issued;
    int rejected = 0;
    auto isTaken = [&](std::string_view c)
    {
        const bool taken = issued.contains(std::string(c));
        rejected += taken ? 1 : 0;
        return taken;
    };
    for (int i = 0; i < 3000; ++i)
    {
        auto code = okienko::rules::newReferenceCode(ReferenceKind::Reservation, "kiosk", isTaken);
        ASSERT_TRUE(code.ok());
        ASSERT_TRUE(issued.insert(*code).second);
    }
    EXPECT_EQ(issued.size(), 3000u);

    int calls = 0;
    auto alwaysTaken = [&](std::string_view)
    {
        ++calls;
        return true;
    };
    auto none = okienko::rules::newReferenceCode(ReferenceKind::Loan, "kiosk", alwaysTaken, 5);
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.error(), okienko::rules::ReferenceGenerateError::AllAttemptsTaken);
    EXPECT_EQ(calls, 5);
}

TEST(ReferenceCode, KioskTagsAreStableAndSpreadOverAllValues)
{
    EXPECT_EQ(okienko::rules::kioskTag("lapy-hol-1"), okienko::rules::kioskTag("lapy-hol-1"));
    std::set<std::string> tags;
    for (int i = 0; i < 2000; ++i)
    {
        const std::string tag = okienko::rules::kioskTag("kiosk-" + std::to_string(i));
        ASSERT_EQ(tag.size(), 2u);
        for (char c : tag)
            ASSERT_NE(kReferenceAlphabet.find(c), std::string_view::npos);
        tags.insert(tag);
    }
    // 2000 ids into 961 tags: about 841 distinct expected if the hash spreads them.
    EXPECT_GT(tags.size(), 780u);
}

TEST(ReferenceCode, EverySingleWrongSymbolAndEverySwapIsDetected)
{
    std::mt19937 rng(31);
    std::uniform_int_distribution<int> sym(0, 30);
    int mutations = 0;
    for (int c = 0; c < 400; ++c)
    {
        std::string tag, random;
        for (int i = 0; i < 2; ++i)
            tag += kReferenceAlphabet[static_cast<std::size_t>(sym(rng))];
        for (int i = 0; i < 6; ++i)
            random += kReferenceAlphabet[static_cast<std::size_t>(sym(rng))];
        const std::string compact = compactOf(compose(kAllKinds[c % 4], tag, random));
        ASSERT_EQ(compact.size(), 10u);
        ASSERT_TRUE(parseReferenceCode(compact).ok());

        for (std::size_t pos = 0; pos < compact.size(); ++pos)
            for (char other : kReferenceAlphabet)
            {
                if (other == compact[pos])
                    continue;
                std::string wrong = compact;
                wrong[pos] = other;
                ASSERT_EQ(parseError(wrong), ReferenceCodeError::WrongCheckSymbol) << compact << " -> " << wrong;
                ++mutations;
            }
        for (std::size_t i = 0; i < compact.size(); ++i)
            for (std::size_t j = i + 1; j < compact.size(); ++j)
            {
                if (compact[i] == compact[j])
                    continue;
                std::string swapped = compact;
                std::swap(swapped[i], swapped[j]);
                ASSERT_EQ(parseError(swapped), ReferenceCodeError::WrongCheckSymbol) << compact << " -> " << swapped;
                ++mutations;
            }
    }
    EXPECT_GT(mutations, 400 * 300);
}

TEST(ReferenceCode, ParsingForgivesCaseSeparatorsAndLookAlikes)
{
    // A code that contains the kept members 0, 1 and U.
    const std::string code = compose(ReferenceKind::Reservation, "01", "U0K1M2");
    const std::string compact = compactOf(code);
    ASSERT_EQ(compact.substr(0, 9), "R01U0K1M2");
    const std::string check(1, compact[9]);
    auto same = [&](const std::string& typed)
    {
        auto r = parseReferenceCode(typed);
        ASSERT_TRUE(r.ok()) << typed;
        EXPECT_EQ(r->text, code) << typed;
    };
    same(code);
    same(compact);
    same("r01u0k1m2" + check);
    same("R 01U 0K1 M2" + check);
    same("  R\u201301U\u20140K1\u00A0M2" + check + " ");
    same("R.01U/0K1_M2" + check);
    same("ROIUQKLM2" + check);                   // O and Q for 0, I and L for 1
    same("r-oiv-qkl-m2" + check);                // V for U, all lower case
    same("R-\u041E1U-0\u043A1-\u041C2" + check); // Cyrillic О, к, М from a Ukrainian layout
}

TEST(ReferenceCode, CyrillicLookAlikesMapToTheirLatinTwins)
{
    const std::string code = compose(ReferenceKind::Reservation, "AB", "EHKMPC");
    const std::string check = compactOf(code).substr(9);
    // А В Е Н К М Р С, capitals and small letters.
    auto upper = parseReferenceCode("R\u0410\u0412\u0415\u041D\u041A\u041C\u0420\u0421" + check);
    ASSERT_TRUE(upper.ok());
    EXPECT_EQ(upper->text, code);
    auto lower = parseReferenceCode("r\u0430\u0432\u0435\u043D\u043A\u043C\u0440\u0441" + check);
    ASSERT_TRUE(lower.ok());
    EXPECT_EQ(lower->text, code);
    // З Т Х У І О for 3 T X Y 1 0; Cyrillic Р is Latin P, so it is no prefix R.
    const std::string other = compose(ReferenceKind::Callback, "3T", "XY10AB");
    auto mixed = parseReferenceCode("\u0422\u0417\u0442\u0425\u0443\u0456\u041E\u0430B" + compactOf(other).substr(9));
    ASSERT_TRUE(mixed.ok());
    EXPECT_EQ(mixed->text, other);
    EXPECT_EQ(parseError("\u0420" + compactOf(code).substr(1)), ReferenceCodeError::WrongCheckSymbol);
}

TEST(ReferenceCode, UnknownPrefixAndWrongKind)
{
    // A code with a valid check symbol whose first letter names no kind.
    const std::string nine = "A7KM29X4Z";
    const auto check = okienko::rules::referenceCheckSymbol(nine);
    ASSERT_TRUE(check);
    EXPECT_EQ(parseError(nine + *check), ReferenceCodeError::UnknownPrefix);

    const std::string loan = compose(ReferenceKind::Loan, "7K", "M29X4Z");
    EXPECT_EQ(parseError(loan, ReferenceKind::Reservation), ReferenceCodeError::WrongKind);
    auto asLoan = parseReferenceCode(loan, ReferenceKind::Loan);
    ASSERT_TRUE(asLoan.ok());
    EXPECT_EQ(asLoan->kind, ReferenceKind::Loan);
}

TEST(ReferenceCode, AMissingPrefixIsSuppliedOnlyWhenTheKindIsKnown)
{
    const std::string code = compose(ReferenceKind::Counselling, "7K", "M29X4Z");
    const std::string withoutPrefix = compactOf(code).substr(1);
    EXPECT_EQ(parseError(withoutPrefix), ReferenceCodeError::BadLength);
    auto supplied = parseReferenceCode(withoutPrefix, ReferenceKind::Counselling);
    ASSERT_TRUE(supplied.ok());
    EXPECT_EQ(supplied->text, code);
    // Supplied as another kind, the check symbol no longer fits.
    EXPECT_EQ(parseError(withoutPrefix, ReferenceKind::Callback), ReferenceCodeError::WrongCheckSymbol);
    // Nine symbols that start with the expected prefix are a full code with one symbol dropped.
    const std::string dropped = compactOf(code).substr(0, 9);
    EXPECT_EQ(parseError(dropped, ReferenceKind::Counselling), ReferenceCodeError::BadLength);
}
