// Sheltered-housing fee (004 §VII): every band edge, to the grosz, for both columns.
#include "shared/rules/fee.hpp"

#include <array>
#include <cstdint>
#include <gtest/gtest.h>

using okienko::domain::FeeBand;
using okienko::domain::FeeTable;
using okienko::rules::assessShelteredHousingFee;
using okienko::rules::FeeError;
using okienko::rules::FeeOutcome;
using okienko::rules::HouseholdType;

namespace
{

// Criterion amounts of art. 8 ust. 1 ustawy o pomocy społecznej in force since 2025-01-01.
constexpr std::int64_t kSingleCriterion = 101'000; // 1010,00 zł
constexpr std::int64_t kFamilyCriterion = 82'300;  // 823,00 zł per person

// The table of 004 §VII as printed: {up to %, single %, family %}.
struct SeedRow
{
    int upTo;
    int single;
    int family;
};
constexpr std::array<SeedRow, 9> kSeed{{{100, 0, 0},
                                        {150, 5, 10},
                                        {200, 10, 20},
                                        {250, 20, 30},
                                        {300, 30, 40},
                                        {350, 40, 50},
                                        {400, 50, 60},
                                        {450, 60, 70},
                                        {500, 70, 80}}};

FeeTable lapyTable()
{
    FeeTable t;
    t.id = "lapy-mieszkanie-chronione";
    for (const auto& row : kSeed)
        t.bands.push_back(FeeBand{row.upTo, row.single, row.family});
    t.criterionSingleGrosze = kSingleCriterion;
    t.criterionFamilyGrosze = kFamilyCriterion;
    return t;
}

} // namespace

TEST(ShelteredHousingFee, RejectsBadInputAndBadTables)
{
    const FeeTable table = lapyTable();
    EXPECT_EQ(assessShelteredHousingFee(table, -1, HouseholdType::Single).error(), FeeError::NegativeIncome);
    EXPECT_EQ(assessShelteredHousingFee(table, okienko::rules::kMaxAmountGrosze + 1, HouseholdType::Single).error(),
              FeeError::IncomeTooLarge);

    FeeTable noBands = table;
    noBands.bands.clear();
    EXPECT_EQ(assessShelteredHousingFee(noBands, 100'000, HouseholdType::Single).error(), FeeError::NoBands);

    FeeTable noFamilyCriterion = table;
    noFamilyCriterion.criterionFamilyGrosze = 0;
    EXPECT_EQ(assessShelteredHousingFee(noFamilyCriterion, 100'000, HouseholdType::FamilyMember).error(),
              FeeError::CriterionNotSet);
    EXPECT_TRUE(assessShelteredHousingFee(noFamilyCriterion, 100'000, HouseholdType::Single).ok());
    FeeTable negativeCriterion = table;
    negativeCriterion.criterionSingleGrosze = -101'000;
    EXPECT_EQ(assessShelteredHousingFee(negativeCriterion, 0, HouseholdType::Single).error(),
              FeeError::CriterionNotSet);
    FeeTable hugeCriterion = table;
    hugeCriterion.criterionSingleGrosze = okienko::rules::kMaxAmountGrosze + 1;
    EXPECT_EQ(assessShelteredHousingFee(hugeCriterion, 0, HouseholdType::Single).error(), FeeError::CriterionTooLarge);

    FeeTable unordered = table;
    std::swap(unordered.bands[2], unordered.bands[3]);
    EXPECT_EQ(assessShelteredHousingFee(unordered, 0, HouseholdType::Single).error(), FeeError::BadBands);
    FeeTable repeated = table;
    repeated.bands[3].upToPercent = repeated.bands[2].upToPercent;
    EXPECT_EQ(assessShelteredHousingFee(repeated, 0, HouseholdType::Single).error(), FeeError::BadBands);
    FeeTable badShare = table;
    badShare.bands[4].familyPercent = 101;
    EXPECT_EQ(assessShelteredHousingFee(badShare, 0, HouseholdType::Single).error(), FeeError::BadBands);
    FeeTable zeroLimit = table;
    zeroLimit.bands[0].upToPercent = 0;
    EXPECT_EQ(assessShelteredHousingFee(zeroLimit, 0, HouseholdType::Single).error(), FeeError::BadBands);
}

TEST(ShelteredHousingFee, ZeroIncomeIsFree)
{
    for (auto household : {HouseholdType::Single, HouseholdType::FamilyMember})
    {
        auto r = assessShelteredHousingFee(lapyTable(), 0, household);
        ASSERT_TRUE(r.ok());
        EXPECT_EQ(r->outcome, FeeOutcome::Free);
        EXPECT_EQ(r->sharePercent, 0);
        EXPECT_EQ(r->incomePercent, 0);
        EXPECT_TRUE(r->incomePercentExact);
        EXPECT_EQ(r->fromPercent, 0);
        EXPECT_EQ(r->upToPercent, 100);
    }
}

TEST(ShelteredHousingFee, EveryBandEdgeIsExactToTheGrosz)
{
    const FeeTable table = lapyTable();
    for (auto household : {HouseholdType::Single, HouseholdType::FamilyMember})
    {
        const std::int64_t criterion = household == HouseholdType::Single ? kSingleCriterion : kFamilyCriterion;
        for (std::size_t i = 0; i < kSeed.size(); ++i)
        {
            const SeedRow& row = kSeed[i];
            const int share = household == HouseholdType::Single ? row.single : row.family;
            // Both criteria are whole złote, so p % of them is a whole number of grosze.
            const std::int64_t atEdge = criterion * row.upTo / 100;
            ASSERT_EQ(atEdge * 100, criterion * row.upTo);

            auto at = assessShelteredHousingFee(table, atEdge, household);
            ASSERT_TRUE(at.ok());
            EXPECT_EQ(at->sharePercent, share) << row.upTo << "% household " << static_cast<int>(household);
            EXPECT_EQ(at->outcome, share == 0 ? FeeOutcome::Free : FeeOutcome::ShareOfCosts);
            EXPECT_EQ(at->upToPercent, row.upTo);
            EXPECT_EQ(at->fromPercent, i == 0 ? 0 : kSeed[i - 1].upTo);
            EXPECT_EQ(at->incomePercent, row.upTo);
            EXPECT_TRUE(at->incomePercentExact);

            auto above = assessShelteredHousingFee(table, atEdge + 1, household);
            ASSERT_TRUE(above.ok());
            EXPECT_EQ(above->incomePercent, row.upTo); // shown rounded down …
            EXPECT_FALSE(above->incomePercentExact);   // … and flagged as "above"
            EXPECT_EQ(above->fromPercent, row.upTo);
            if (i + 1 < kSeed.size())
            {
                const int next = household == HouseholdType::Single ? kSeed[i + 1].single : kSeed[i + 1].family;
                EXPECT_EQ(above->outcome, FeeOutcome::ShareOfCosts) << row.upTo << "% + 1 gr";
                EXPECT_EQ(above->sharePercent, next) << row.upTo << "% + 1 gr";
                EXPECT_EQ(above->upToPercent, kSeed[i + 1].upTo);
            }
            else
            {
                EXPECT_EQ(above->outcome, FeeOutcome::DecidedIndividually);
                EXPECT_EQ(above->sharePercent, 0);
                EXPECT_EQ(above->upToPercent, 0);
            }

            auto below = assessShelteredHousingFee(table, atEdge - 1, household);
            ASSERT_TRUE(below.ok());
            EXPECT_EQ(below->sharePercent, share);
            EXPECT_EQ(below->incomePercent, row.upTo - 1);
        }
    }
}

TEST(ShelteredHousingFee, WorkedExamplesInZloty)
{
    const FeeTable table = lapyTable();
    // 1515,00 zł is exactly 150 % of the single criterion: 5 %.
    auto single = assessShelteredHousingFee(table, 151'500, HouseholdType::Single);
    ASSERT_TRUE(single.ok());
    EXPECT_EQ(single->sharePercent, 5);
    // The same amount per person in a family is 184 % of 823,00 zł: the family column's 20 %.
    auto family = assessShelteredHousingFee(table, 151'500, HouseholdType::FamilyMember);
    ASSERT_TRUE(family.ok());
    EXPECT_EQ(family->incomePercent, 184);
    EXPECT_EQ(family->sharePercent, 20);
    EXPECT_EQ(family->fromPercent, 150);
    EXPECT_EQ(family->upToPercent, 200);
    // 1010,00 zł alone: exactly the criterion, free; one grosz more pays 5 %.
    EXPECT_EQ(assessShelteredHousingFee(table, 101'000, HouseholdType::Single)->outcome, FeeOutcome::Free);
    EXPECT_EQ(assessShelteredHousingFee(table, 101'001, HouseholdType::Single)->sharePercent, 5);
    // Far above the table: decided individually, with the percentage still shown.
    auto rich = assessShelteredHousingFee(table, 10'000'000, HouseholdType::Single);
    ASSERT_TRUE(rich.ok());
    EXPECT_EQ(rich->outcome, FeeOutcome::DecidedIndividually);
    EXPECT_EQ(rich->fromPercent, 500);
    EXPECT_EQ(rich->incomePercent, 9900);
}

TEST(ShelteredHousingFee, LargestAllowedAmountsDoNotOverflow)
{
    FeeTable table = lapyTable();
    table.bands.push_back(FeeBand{100'000, 90, 90});
    auto r = assessShelteredHousingFee(table, okienko::rules::kMaxAmountGrosze, HouseholdType::Single);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->outcome, FeeOutcome::DecidedIndividually);
    table.criterionSingleGrosze = okienko::rules::kMaxAmountGrosze;
    auto equal = assessShelteredHousingFee(table, okienko::rules::kMaxAmountGrosze, HouseholdType::Single);
    ASSERT_TRUE(equal.ok());
    EXPECT_EQ(equal->incomePercent, 100);
    EXPECT_EQ(equal->outcome, FeeOutcome::Free);
}
