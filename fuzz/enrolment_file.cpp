// The kiosk enrolment file (okienko-central enrol-kiosk writes it, okienko-kiosk --enrol reads it).
// Invariants: a file that parses is written back by encodeEnrolment as text that parses to the same
// values, each of which passes its own check.
#include "shared/protocol/enrolment_file.hpp"

#include "fuzz/fuzz_check.hpp"

using namespace okienko::protocol;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto text = okienko::fuzz::asText(data, size);
    auto parsed = parseEnrolment(text);
    if (!parsed)
    {
        FUZZ_CHECK(parsed.error().line >= 0);
        (void)parsed.error().toString("kiosk.enrol");
        return 0;
    }
    const Enrolment& e = *parsed;
    FUZZ_CHECK(checkEnrolmentKioskId(e.kioskId).empty());
    FUZZ_CHECK(checkEnrolmentKioskName(e.kioskName).empty());
    FUZZ_CHECK(checkEnrolmentServerUrl(e.serverUrl).empty());
    FUZZ_CHECK(checkEnrolmentToken(e.token).empty());
    FUZZ_CHECK(checkEnrolmentCaPem(e.caPem).empty());
    auto again = parseEnrolment(encodeEnrolment(e));
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(again->kioskId == e.kioskId && again->kioskName == e.kioskName && again->serverUrl == e.serverUrl &&
               again->caPem == e.caPem && again->token == e.token);
    return 0;
}
