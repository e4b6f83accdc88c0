// Event envelopes, batches and per-event results.
#include "shared/protocol/events.hpp"

#include <set>
#include <sodium.h>

namespace okienko::protocol
{

namespace
{
constexpr std::array<std::pair<EventType, std::string_view>, 11> kTypeCodes{{
    {EventType::ReservationCreated, "reservation.created"},
    {EventType::CounsellingRequested, "counselling.requested"},
    {EventType::CallbackRequested, "callback.requested"},
    {EventType::LoanCheckedOut, "loan.checked_out"},
    {EventType::LoanCheckedIn, "loan.checked_in"},
    {EventType::LoanExtended, "loan.extended"},
    {EventType::UnitStateChanged, "unit.state_changed"},
    {EventType::UsageRecorded, "usage.recorded"},
    {EventType::FeedbackRated, "feedback.rated"},
    {EventType::IdeaSubmitted, "idea.submitted"},
    {EventType::WaitlistJoined, "waitlist.joined"},
}};

/// 2^40 s is about year 36812: far enough for any clock, small enough that no arithmetic overflows.
constexpr std::int64_t kMaxTimestamp = std::int64_t{1} << 40;

std::string hex(const unsigned char* bytes, std::size_t size)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(size * 2);
    for (std::size_t i = 0; i < size; ++i)
    {
        out.push_back(kDigits[bytes[i] >> 4]);
        out.push_back(kDigits[bytes[i] & 0x0f]);
    }
    return out;
}

/// `{"<key>": [each item encoded]}` as text: the shape of every list the sync exchanges.
template <typename T, typename Encode>
std::string encodeList(const char* key, const std::vector<T>& items, Encode encode)
{
    Json list = Json::array();
    for (const T& item : items)
        list.push_back(encode(item));
    return Json{{key, std::move(list)}}.dump();
}
} // namespace

std::string_view toCode(EventType type)
{
    for (const auto& [t, code] : kTypeCodes)
        if (t == type)
            return code;
    return "unknown";
}

std::optional<EventType> parseEventType(std::string_view code)
{
    for (const auto& [t, c] : kTypeCodes)
        if (c == code)
            return t;
    return std::nullopt;
}

Result<Event, ProtocolError> decodeEvent(const Json& value, const std::string& path)
{
    ObjectReader r(value, path);
    Event e;
    e.id = r.id("id", IdPattern::Uuid);
    e.type = r.string("type", 64);
    e.createdAt = r.integer("created_at", 0, kMaxTimestamp);
    if (const Json* p = r.object("payload"))
        e.payload = *p;
    if (!r.finish())
        return makeErr(r.error());
    return e;
}

Json encodeEvent(const Event& event)
{
    return Json{{"id", event.id}, {"type", event.type}, {"created_at", event.createdAt}, {"payload", event.payload}};
}

Result<Json, ProtocolError> decodeEventsEnvelope(std::string_view body)
{
    auto parsed = parseJson(body);
    if (!parsed)
        return makeErr(parsed.error());
    ObjectReader r(*parsed, "$");
    const Json* list = r.array("events", kMaxEventsPerBatch);
    if (!r.finish())
        return makeErr(r.error());
    if (list->empty())
        return makeErr(ProtocolError{ProtocolErrorCode::BadValue, "$.events", "no events"});
    return *list;
}

Result<std::vector<Event>, ProtocolError> decodeEventBatch(std::string_view body)
{
    auto list = decodeEventsEnvelope(body);
    if (!list)
        return makeErr(list.error());
    std::vector<Event> events;
    events.reserve(list->size());
    std::set<std::string, std::less<>> seen;
    for (std::size_t i = 0; i < list->size(); ++i)
    {
        const std::string itemPath = "$.events[" + std::to_string(i) + "]";
        auto e = decodeEvent((*list)[i], itemPath);
        if (!e)
            return makeErr(e.error());
        if (!seen.insert(e->id).second)
            return makeErr(ProtocolError{ProtocolErrorCode::BadValue, itemPath + ".id", "id repeated in the batch"});
        events.push_back(std::move(e).value());
    }
    return events;
}

std::string encodeEventBatch(const std::vector<Event>& events)
{
    return encodeList("events", events, encodeEvent);
}

std::string eventFingerprint(const Event& event)
{
    // nlohmann's object is a std::map: dump() writes keys sorted, so equal content gives equal text.
    const std::string canonical = event.type + "\n" + event.payload.dump();
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(canonical.data()), canonical.size());
    return hex(digest, sizeof digest);
}

std::string_view toCode(EventStatus status)
{
    switch (status)
    {
    case EventStatus::Applied:
        return "applied";
    case EventStatus::Duplicate:
        return "duplicate";
    case EventStatus::Rejected:
        return "rejected";
    }
    return "rejected";
}

std::optional<EventStatus> parseEventStatus(std::string_view code)
{
    for (auto s : {EventStatus::Applied, EventStatus::Duplicate, EventStatus::Rejected})
        if (toCode(s) == code)
            return s;
    return std::nullopt;
}

Json encodeEventResult(const EventResult& result)
{
    Json j{{"id", result.id}, {"status", toCode(result.status)}, {"data", result.data}};
    if (!result.code.empty())
        j["code"] = result.code;
    return j;
}

Result<EventResult, ProtocolError> decodeEventResult(const Json& value, const std::string& path)
{
    ObjectReader r(value, path, /*allowUnknown=*/true);
    EventResult out;
    out.id = r.id("id", IdPattern::Uuid);
    const std::string status = r.string("status", 16);
    out.code = r.stringOr("code", 64);
    if (const Json* d = r.optionalObject("data"))
        out.data = *d;
    if (!r.finish())
        return makeErr(r.error());
    auto parsedStatus = parseEventStatus(status);
    if (!parsedStatus)
        return makeErr(ProtocolError{ProtocolErrorCode::BadValue, path + ".status", "unknown event status"});
    out.status = *parsedStatus;
    if (out.status == EventStatus::Rejected && out.code.empty())
        return makeErr(ProtocolError{ProtocolErrorCode::MissingField, path + ".code", "a rejection needs a code"});
    return out;
}

std::string encodeEventResults(const std::vector<EventResult>& results, const std::string& epoch)
{
    if (epoch.empty())
        return encodeList("results", results, encodeEventResult);
    Json list = Json::array();
    for (const EventResult& r : results)
        list.push_back(encodeEventResult(r));
    return Json{{"results", std::move(list)}, {"epoch", epoch}}.dump();
}

Result<std::vector<EventResult>, ProtocolError> decodeEventResults(std::string_view body)
{
    auto parsed = parseJson(body);
    if (!parsed)
        return makeErr(parsed.error());
    ObjectReader r(*parsed, "$", true);
    const Json* list = r.array("results", kMaxEventsPerBatch);
    if (!r.finish())
        return makeErr(r.error());
    std::vector<EventResult> out;
    for (std::size_t i = 0; i < list->size(); ++i)
    {
        auto one = decodeEventResult((*list)[i], "$.results[" + std::to_string(i) + "]");
        if (!one)
            return makeErr(one.error());
        out.push_back(std::move(one).value());
    }
    return out;
}

} // namespace okienko::protocol
