// POST /api/v1/events from the server's side: the batch envelope, each event's payload by its type,
// and the kiosk's side of the answer (the results). Invariants: what decodes re-encodes to a batch
// that decodes to the same events, and every payload the decoders accept, made into an event again
// by the kiosk's own encoders, is accepted again (the kiosk never writes what the server refuses).
#include "fuzz/fuzz_check.hpp"
#include "shared/protocol/events.hpp"
#include "shared/protocol/payloads.hpp"

using namespace okienko::protocol;

namespace
{

template <typename Decoded> void expectAccepted(const Decoded& decoded)
{
    FUZZ_CHECK(decoded.ok());
}

void remakeAndRecheck(const Event& e)
{
    const auto type = parseEventType(e.type);
    if (!type)
        return;
    switch (*type)
    {
    case EventType::ReservationCreated:
        if (auto r = decodeReservationCreated(e))
            expectAccepted(decodeReservationCreated(makeReservationCreated(*r)));
        break;
    case EventType::CounsellingRequested:
        if (auto r = decodeCounsellingRequested(e))
            expectAccepted(decodeCounsellingRequested(makeCounsellingRequested(*r)));
        break;
    case EventType::CallbackRequested:
        if (auto r = decodeCallbackRequested(e))
            expectAccepted(decodeCallbackRequested(makeCallbackRequested(*r)));
        break;
    case EventType::LoanCheckedOut:
        if (auto r = decodeLoanCheckedOut(e))
            expectAccepted(decodeLoanCheckedOut(makeLoanCheckedOut(*r)));
        break;
    case EventType::LoanCheckedIn:
        if (auto r = decodeLoanCheckedIn(e))
            expectAccepted(decodeLoanCheckedIn(makeLoanCheckedIn(e.id, e.createdAt, *r)));
        break;
    case EventType::LoanExtended:
        if (auto r = decodeLoanExtended(e))
            expectAccepted(decodeLoanExtended(makeLoanExtended(e.id, e.createdAt, *r)));
        break;
    case EventType::UnitStateChanged:
        if (auto r = decodeUnitStateChanged(e))
            expectAccepted(decodeUnitStateChanged(makeUnitStateChanged(e.id, e.createdAt, *r)));
        break;
    case EventType::UsageRecorded:
    case EventType::FeedbackRated:
    case EventType::IdeaSubmitted:
        if (auto r = decodeUsageEvent(e))
            expectAccepted(decodeUsageEvent(makeUsageEvent(*r)));
        break;
    case EventType::WaitlistJoined:
        if (auto r = decodeWaitlistJoined(e))
            expectAccepted(decodeWaitlistJoined(makeWaitlistJoined(*r)));
        break;
    }
}

void sameEvents(const std::vector<Event>& a, const std::vector<Event>& b)
{
    FUZZ_CHECK(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i)
    {
        FUZZ_CHECK(a[i].id == b[i].id);
        FUZZ_CHECK(a[i].type == b[i].type);
        FUZZ_CHECK(a[i].createdAt == b[i].createdAt);
        FUZZ_CHECK(a[i].payload == b[i].payload);
        FUZZ_CHECK(eventFingerprint(a[i]) == eventFingerprint(b[i]));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto body = okienko::fuzz::asText(data, size);

    if (auto batch = decodeEventBatch(body))
    {
        for (const auto& event : *batch)
        {
            (void)validatePayload(event);
            remakeAndRecheck(event);
        }
        auto again = decodeEventBatch(encodeEventBatch(*batch));
        FUZZ_CHECK(again.ok());
        sameEvents(*batch, *again);
    }

    if (auto results = decodeEventResults(body))
    {
        auto again = decodeEventResults(encodeEventResults(*results));
        FUZZ_CHECK(again.ok());
        FUZZ_CHECK(again->size() == results->size());
    }
    return 0;
}
