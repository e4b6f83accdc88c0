// The small JSON bodies of protocol v1 besides events and changes: the fast paths (hold, counselling
// booking), the heartbeat, the error body and the lost-events report after a server restore, each
// decoded from the same input on both sides (request and response) and round-tripped.
#include "fuzz/round_trip.hpp"
#include "shared/protocol/fast_paths.hpp"
#include "shared/protocol/lost_events.hpp"

using namespace okienko::protocol;
using okienko::fuzz::checkRoundTrip;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto body = okienko::fuzz::asText(data, size);
    checkRoundTrip(body, decodeHoldRequest, encodeHoldRequest);
    checkRoundTrip(body, decodeHoldResponse, encodeHoldResponse);
    checkRoundTrip(body, decodeCounsellingBookRequest, encodeCounsellingBookRequest);
    checkRoundTrip(body, decodeCounsellingBookResponse, encodeCounsellingBookResponse);
    checkRoundTrip(body, decodeHeartbeat, encodeHeartbeat);
    checkRoundTrip(body, decodeErrorBody, encodeErrorBody);
    checkRoundTrip(body, decodeLostEventReports, encodeLostEventReports);
    const std::string epoch = responseEpoch(body);
    checkRoundTrip(body, decodeLostEventResults,
                   [&](const std::vector<LostEventResult>& results) { return encodeLostEventResults(results, epoch); });
    return 0;
}
