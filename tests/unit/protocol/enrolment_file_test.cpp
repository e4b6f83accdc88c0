// The enrolment file: what enrol-kiosk writes reads back the same, and every malformed file is
// refused with the line and the reason, so a truncated or hand-edited file is never half-applied.
#include "shared/protocol/enrolment_file.hpp"

#include <gtest/gtest.h>

namespace
{

using namespace okienko::protocol;

const std::string kPem = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2Vy\ndGlmaWNhdGU=\n"
                         "-----END CERTIFICATE-----\n";
const std::string kToken = "jq0xBJ1H-De-3ZCrAFfuagYozYT5yGGxb-KCdQfF3Jc";

Enrolment sample()
{
    return Enrolment{"lapy-hol-1", "CUS Łapy — hol: główny", "https://central.cus.example:8443", kPem, kToken};
}

/// The file with line `number` (1-based) replaced by `line`.
std::string withLine(int number, const std::string& line)
{
    std::string text = encodeEnrolment(sample());
    std::size_t start = 0;
    for (int i = 1; i < number; ++i)
        start = text.find('\n', start) + 1;
    const auto end = text.find('\n', start);
    return text.substr(0, start) + line + text.substr(end);
}

EnrolmentError errorOf(const std::string& text)
{
    auto parsed = parseEnrolment(text);
    EXPECT_FALSE(parsed.ok()) << text;
    return parsed.ok() ? EnrolmentError{} : parsed.error();
}

TEST(EnrolmentFile, WhatIsWrittenReadsBackTheSame)
{
    const std::string text = encodeEnrolment(sample());
    EXPECT_EQ(text.rfind("# Okienko kiosk enrolment file", 0), 0u);
    EXPECT_NE(text.find("\nokienko-enrolment: 1\nkiosk-id: lapy-hol-1\n"), std::string::npos);
    auto parsed = parseEnrolment(text);
    ASSERT_TRUE(parsed.ok()) << parsed.error().toString("e");
    EXPECT_EQ(parsed->kioskId, "lapy-hol-1");
    EXPECT_EQ(parsed->kioskName, "CUS Łapy — hol: główny");
    EXPECT_EQ(parsed->serverUrl, "https://central.cus.example:8443");
    EXPECT_EQ(parsed->token, kToken);
    EXPECT_EQ(parsed->caPem, kPem);
}

TEST(EnrolmentFile, WindowsLineEndsAndSeveralCertificatesAreRead)
{
    std::string text = encodeEnrolment(sample()) + "\n" + kPem;
    std::string crlf;
    for (char c : text)
        crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    auto parsed = parseEnrolment(crlf);
    ASSERT_TRUE(parsed.ok()) << parsed.error().toString("e");
    EXPECT_EQ(parsed->caPem, kPem + kPem);
}

TEST(EnrolmentFile, EveryMalformedFileSaysWhereAndWhy)
{
    struct Case
    {
        std::string text;
        int line;
        std::string message;
    };
    const std::string good = encodeEnrolment(sample());
    const Case cases[] = {
        {"", 0, "no \"okienko-enrolment: 1\" line"},
        {"[kiosk]\nid = \"x\"\n", 1, "not an Okienko enrolment file"},
        {withLine(3, "okienko-enrolment: 2"), 3, "format version \"2\" is not one this kiosk reads"},
        {withLine(4, "kiosk-id: lapy hol"), 4, "kiosk-id: the kiosk id may hold only letters"},
        {withLine(4, "kiosk-id: "), 4, "kiosk-id: the kiosk id needs 1 to 64 characters"},
        {withLine(5, "kiosk-name: a\tb"), 5, "kiosk-name: the kiosk name must not contain control characters"},
        {withLine(6, "server-url: http://central:8443"), 6, "server-url: the server URL must start with https://"},
        {withLine(6, "server-url: https://"), 6, "server-url: the server URL has no host name"},
        {withLine(7, "token: short"), 7, "token: the token needs 32 to 128 characters (it has 5)"},
        {withLine(7, "token: " + kToken.substr(0, 40) + "+/="), 7, "token: the token may hold only letters"},
        {withLine(7, "colour: blue"), 7, "unknown key \"colour\""},
        {withLine(7, "kiosk-id: again"), 7, "\"kiosk-id\" is given twice"},
        {withLine(7, "token " + kToken), 7, "expected \"key: value\""},
        {withLine(7, ""), 0, "missing key \"token\""},
        {good.substr(0, good.find("-----BEGIN")), 0, "no CA certificate"},
        {good.substr(0, good.find("-----END")), 8, "has no -----END CERTIFICATE----- line (cut short?)"},
        {withLine(9, "not base64!"), 9, "not a line of a PEM certificate"},
        {good + "trailing text\n", 12, "only PEM certificates"},
        {withLine(9, "-----END CERTIFICATE-----"), 9, "the certificate is empty"},
        {std::string("okienko-enrolment: 1\nkiosk-name: \xff\n"), 0, "not valid UTF-8"},
        {std::string(70 * 1024, '#'), 0, "larger than 64 KiB"},
    };
    for (const Case& c : cases)
    {
        const EnrolmentError e = errorOf(c.text);
        EXPECT_EQ(e.line, c.line) << c.message << "\n" << e.message;
        EXPECT_NE(e.message.find(c.message), std::string::npos) << e.message;
    }
}

TEST(EnrolmentFile, ErrorsNameTheFileAndLine)
{
    EXPECT_EQ((EnrolmentError{7, "token: bad"}).toString("/root/lobby.enrol"), "/root/lobby.enrol:7: token: bad");
    EXPECT_EQ((EnrolmentError{0, "missing key"}).toString("f"), "f: missing key");
}

} // namespace
