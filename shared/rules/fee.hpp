// The sheltered-housing fee ("odpłatność za pobyt w mieszkaniu chronionym", Łapy, 004 §VII): a
// share of the total cost of keeping the flat, by income as a percentage of the social-assistance
// income criterion (art. 8 ust. 1 ustawy o pomocy społecznej). The table as 004 prints it:
//
//   income / criterion      single ("samotnie gospodarujące")   family ("osoby w rodzinie")
//   100 % and below          free ("bezpłatnie")                  free
//   above 100 to 150 %        5 %                                 10 %
//   above 150 to 200 %       10 %                                 20 %
//   above 200 to 250 %       20 %                                 30 %
//   above 250 to 300 %       30 %                                 40 %
//   above 300 to 350 %       40 %                                 50 %
//   above 350 to 400 %       50 %                                 60 %
//   above 400 to 450 %       60 %                                 70 %
//   above 450 to 500 %       70 %                                 80 %
//
// The family column is higher than the single one; that is how 004 prints it. Above 500 % the seeds
// say nothing, so the result is "decided individually", never a guessed share. The fee is monthly,
// paid in advance by the 15th of the month by bank transfer. The criterion amounts are not in the
// seeds; they are data of the FeeTable (in force from 2025-01-01: 1010,00 zł for a person living
// alone, 823,00 zł per person in a family).
//
// Band edges are exact: "above 100 to 150 %" includes 150 % and excludes 100 %. Everything is
// integer arithmetic on grosze (income × 100 ≤ criterion × upToPercent), so 150 % of 1010,00 zł —
// 1515,00 zł — is in the 5 % band and 1515,01 zł is in the 10 % band, with no floating point.
#pragma once

#include "shared/domain/catalog.hpp"
#include "shared/util/result.hpp"

#include <cstdint>

namespace okienko::rules
{

/// The column of the table, and which criterion applies.
enum class HouseholdType
{
    Single,       ///< "osoba samotnie gospodarująca": her own income vs the single criterion
    FamilyMember, ///< "osoba w rodzinie": the family's income per person vs the per-person criterion
};

enum class FeeError
{
    NegativeIncome,
    IncomeTooLarge,    ///< above kMaxAmountGrosze: surely a typing error, and it keeps products in range
    NoBands,           ///< the table has no bands
    BadBands,          ///< bands not strictly ascending, a limit ≤ 0 or above 100 000 %, or a share outside 0..100
    CriterionNotSet,   ///< the criterion for this household type is 0 or negative
    CriterionTooLarge, ///< above kMaxAmountGrosze
};

enum class FeeOutcome
{
    Free,                ///< income within a band whose share is 0 % (in 004: 100 % and below)
    ShareOfCosts,        ///< pays sharePercent of the flat's total monthly costs
    DecidedIndividually, ///< income above the last band: the rules say nothing
};

/// 100 billion zł in grosze: no monthly income or criterion is near it.
inline constexpr std::int64_t kMaxAmountGrosze = 10'000'000'000'000;

struct FeeAssessment
{
    FeeOutcome outcome = FeeOutcome::Free;
    int sharePercent = 0; ///< with ShareOfCosts; 0 otherwise
    /// The band that applied: income is above fromPercent and at most upToPercent of the criterion
    /// (fromPercent is 0 for the first band). With DecidedIndividually, fromPercent is the last
    /// band's limit and upToPercent is 0 (no upper limit).
    int fromPercent = 0;
    int upToPercent = 0;
    /// Income as a percentage of the criterion, rounded down, for display ("150 %").
    std::int64_t incomePercent = 0;
    /// False when incomePercent was rounded down: 150 % + 1 grosz shows "150 %" but is above it, so
    /// the UI should say "ponad 150 %".
    bool incomePercentExact = true;
};

/// Which band of `table` a monthly income falls in, and what that means.
Result<FeeAssessment, FeeError> assessShelteredHousingFee(const domain::FeeTable& table,
                                                          std::int64_t monthlyIncomeGrosze, HouseholdType household);

} // namespace okienko::rules
