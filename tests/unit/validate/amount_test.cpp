// The fee calculator's income: "1500", "1500,50" and "1500.50" as its error message promises.
#include "shared/validate/amount.hpp"

#include <gtest/gtest.h>

namespace okienko::validate
{

TEST(Amount, WholeZlotyAndBothDecimalSeparators)
{
    EXPECT_EQ(parseAmountGrosze("1500"), 150000);
    EXPECT_EQ(parseAmountGrosze("1500,50"), 150050);
    EXPECT_EQ(parseAmountGrosze("1500.50"), 150050);
    EXPECT_EQ(parseAmountGrosze("1500,5"), 150050);
    EXPECT_EQ(parseAmountGrosze("0,07"), 7);
    EXPECT_EQ(parseAmountGrosze("9999999,99"), 999999999);
}

TEST(Amount, RefusesWhatIsNotAnAmount)
{
    for (const char* bad : {"", ",50", "1500,", "1500,505", "15,00,0", "1 500", "-5", "10000000", "12a"})
        EXPECT_EQ(parseAmountGrosze(bad), std::nullopt) << bad;
}

} // namespace okienko::validate
