#include "shared/util/uuid.hpp"

#include <gtest/gtest.h>
#include <set>

TEST(Uuid, IsVersionFourAndCanonical)
{
    const auto id = okienko::newUuid();
    ASSERT_TRUE(okienko::isUuid(id)) << id;
    EXPECT_EQ(id[14], '4');
    EXPECT_TRUE(id[19] == '8' || id[19] == '9' || id[19] == 'a' || id[19] == 'b');
}

TEST(Uuid, DoesNotRepeat)
{
    std::set<std::string> seen;
    for (int i = 0; i < 10000; ++i)
        ASSERT_TRUE(seen.insert(okienko::newUuid()).second);
}

TEST(Uuid, RejectsNonCanonicalText)
{
    EXPECT_FALSE(okienko::isUuid(""));
    EXPECT_FALSE(okienko::isUuid("3F2B0000-0000-4000-8000-000000000000"));
    EXPECT_FALSE(okienko::isUuid("3f2b0000x0000-4000-8000-000000000000"));
    EXPECT_TRUE(okienko::isUuid("3f2b0000-0000-4000-8000-000000000000"));
}
