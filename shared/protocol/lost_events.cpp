// The codec of the restore recovery: epochs in answers, re-sendable payloads, lost-event reports.
#include "shared/protocol/lost_events.hpp"

#include "shared/protocol/events.hpp"

#include <set>

namespace okienko::protocol
{

namespace
{
constexpr std::int64_t kMaxTimestamp = std::int64_t{1} << 40;

bool hasNoNotes(const Json& payload)
{
    const auto notes = payload.find("notes");
    return notes == payload.end() || (notes->is_string() && notes->get_ref<const std::string&>().empty());
}
} // namespace

std::string responseEpoch(std::string_view body)
{
    auto parsed = parseJson(body);
    if (!parsed || !parsed->is_object())
        return {};
    const auto epoch = parsed->find("epoch");
    if (epoch == parsed->end() || !epoch->is_string())
        return {};
    const std::string& text = epoch->get_ref<const std::string&>();
    return matchesIdPattern(text, IdPattern::Code) ? text : std::string();
}

bool isResendable(std::string_view type, const Json& payload)
{
    const auto parsed = parseEventType(type);
    if (!parsed || !payload.is_object())
        return false;
    switch (*parsed)
    {
    case EventType::UsageRecorded:
    case EventType::FeedbackRated:
    case EventType::LoanExtended:
        return true;
    case EventType::LoanCheckedIn:
    case EventType::UnitStateChanged:
        return hasNoNotes(payload);
    case EventType::ReservationCreated:
    case EventType::CounsellingRequested:
    case EventType::CallbackRequested:
    case EventType::LoanCheckedOut:
    case EventType::IdeaSubmitted:
    case EventType::WaitlistJoined:
        return false;
    }
    return false;
}

std::string receiptReference(const Json& payload)
{
    if (!payload.is_object())
        return {};
    for (const char* key : {"code", "inventory_number", "loan_id"})
    {
        const auto value = payload.find(key);
        if (value != payload.end() && value->is_string() &&
            matchesIdPattern(value->get_ref<const std::string&>(), IdPattern::Code))
            return value->get<std::string>();
    }
    return {};
}

std::string encodeLostEventReports(const std::vector<LostEventReport>& reports)
{
    Json list = Json::array();
    for (const auto& r : reports)
        list.push_back(Json{{"id", r.id}, {"type", r.type}, {"reference", r.reference}, {"acked_at", r.ackedAt}});
    return Json{{"events", std::move(list)}}.dump();
}

Result<std::vector<LostEventReport>, ProtocolError> decodeLostEventReports(std::string_view body)
{
    auto list = decodeEventsEnvelope(body);
    if (!list)
        return makeErr(list.error());
    std::vector<LostEventReport> out;
    std::set<std::string, std::less<>> seen;
    for (std::size_t i = 0; i < list->size(); ++i)
    {
        ObjectReader item((*list)[i], "$.events[" + std::to_string(i) + "]");
        LostEventReport report;
        report.id = item.id("id", IdPattern::Uuid);
        report.type = item.string("type", 64);
        report.reference = item.stringOr("reference", 64);
        report.ackedAt = item.integer("acked_at", 0, kMaxTimestamp);
        if (item.ok() && !report.reference.empty() && !matchesIdPattern(report.reference, IdPattern::Code))
            item.fail(ProtocolErrorCode::BadValue, "reference", "not a reference code");
        if (!item.finish())
            return makeErr(item.error());
        if (!seen.insert(report.id).second)
            return makeErr(ProtocolError{ProtocolErrorCode::BadValue, item.pathOf("id"), "id repeated in the batch"});
        out.push_back(std::move(report));
    }
    return out;
}

std::string encodeLostEventResults(const std::vector<LostEventResult>& results, const std::string& epoch)
{
    Json list = Json::array();
    for (const auto& r : results)
        list.push_back(Json{{"id", r.id}, {"status", r.status == LostEventStatus::Present ? "present" : "lost"}});
    return Json{{"results", std::move(list)}, {"epoch", epoch}}.dump();
}

Result<std::vector<LostEventResult>, ProtocolError> decodeLostEventResults(std::string_view body)
{
    auto parsed = parseJson(body);
    if (!parsed)
        return makeErr(parsed.error());
    ObjectReader r(*parsed, "$", /*allowUnknown=*/true);
    const Json* list = r.array("results", kMaxEventsPerBatch);
    if (!r.finish())
        return makeErr(r.error());
    std::vector<LostEventResult> out;
    for (std::size_t i = 0; i < list->size(); ++i)
    {
        ObjectReader item((*list)[i], "$.results[" + std::to_string(i) + "]", true);
        LostEventResult result;
        result.id = item.id("id", IdPattern::Uuid);
        const std::string status = item.string("status", 16);
        if (item.ok() && status != "present" && status != "lost")
            item.fail(ProtocolErrorCode::BadValue, "status", "unknown lost-event status");
        if (!item.finish())
            return makeErr(item.error());
        result.status = status == "present" ? LostEventStatus::Present : LostEventStatus::Lost;
        out.push_back(std::move(result));
    }
    return out;
}

} // namespace okienko::protocol
