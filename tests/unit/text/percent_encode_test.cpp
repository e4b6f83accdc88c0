// Percent-encoding of a URL component: unreserved bytes stay, everything else becomes %XX.
#include "shared/text/percent_encode.hpp"

#include <gtest/gtest.h>

using okienko::text::percentEncode;

TEST(PercentEncode, KeepsUnreservedCharacters)
{
    EXPECT_EQ(percentEncode("AZaz09-_.~"), "AZaz09-_.~");
    EXPECT_EQ(percentEncode(""), "");
}

TEST(PercentEncode, EncodesReservedCharactersAndSpaces)
{
    EXPECT_EQ(percentEncode("a b&c=d#e/f?g+h%"), "a%20b%26c%3Dd%23e%2Ff%3Fg%2Bh%25");
}

TEST(PercentEncode, EncodesUtf8ByteByByteInUpperCaseHex)
{
    EXPECT_EQ(percentEncode("Łódź"), "%C5%81%C3%B3d%C5%BA");
    EXPECT_EQ(percentEncode(std::string_view("\0\xff", 2)), "%00%FF");
}
