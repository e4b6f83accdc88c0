// Sheltered-housing fee: band lookup in exact integer arithmetic.
#include "shared/rules/fee.hpp"

namespace okienko::rules
{

namespace
{

constexpr int kMaxBandPercent = 100'000;

bool bandsAreValid(const std::vector<domain::FeeBand>& bands)
{
    int previous = 0;
    for (const auto& band : bands)
    {
        if (band.upToPercent <= previous || band.upToPercent > kMaxBandPercent)
            return false;
        if (band.singlePercent < 0 || band.singlePercent > 100 || band.familyPercent < 0 || band.familyPercent > 100)
            return false;
        previous = band.upToPercent;
    }
    return true;
}

} // namespace

Result<FeeAssessment, FeeError> assessShelteredHousingFee(const domain::FeeTable& table,
                                                          std::int64_t monthlyIncomeGrosze, HouseholdType household)
{
    if (monthlyIncomeGrosze < 0)
        return makeErr(FeeError::NegativeIncome);
    if (monthlyIncomeGrosze > kMaxAmountGrosze)
        return makeErr(FeeError::IncomeTooLarge);
    if (table.bands.empty())
        return makeErr(FeeError::NoBands);
    if (!bandsAreValid(table.bands))
        return makeErr(FeeError::BadBands);
    const std::int64_t criterion =
        household == HouseholdType::Single ? table.criterionSingleGrosze : table.criterionFamilyGrosze;
    if (criterion <= 0)
        return makeErr(FeeError::CriterionNotSet);
    if (criterion > kMaxAmountGrosze)
        return makeErr(FeeError::CriterionTooLarge);

    // Both sides stay below 10^13 × 10^5 = 10^18 < 2^63.
    const std::int64_t scaledIncome = monthlyIncomeGrosze * 100;
    FeeAssessment result;
    result.incomePercent = scaledIncome / criterion;
    result.incomePercentExact = scaledIncome % criterion == 0;

    int from = 0;
    for (const auto& band : table.bands)
    {
        if (scaledIncome <= criterion * static_cast<std::int64_t>(band.upToPercent))
        {
            const int share = household == HouseholdType::Single ? band.singlePercent : band.familyPercent;
            result.outcome = share == 0 ? FeeOutcome::Free : FeeOutcome::ShareOfCosts;
            result.sharePercent = share;
            result.fromPercent = from;
            result.upToPercent = band.upToPercent;
            return result;
        }
        from = band.upToPercent;
    }
    result.outcome = FeeOutcome::DecidedIndividually;
    result.fromPercent = from;
    result.upToPercent = 0;
    return result;
}

} // namespace okienko::rules
