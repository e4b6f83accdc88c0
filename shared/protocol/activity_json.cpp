// The activity codec (see activity_json.hpp).
#include "shared/protocol/activity_json.hpp"

#include "shared/rules/activity_rules.hpp"

namespace okienko::protocol
{
namespace
{

domain::LocalizedText readText(ObjectReader& r, std::string_view key, std::size_t max)
{
    domain::LocalizedText t;
    const Json* obj = r.object(key);
    if (obj == nullptr)
        return t;
    ObjectReader inner(*obj, r.pathOf(key));
    t.pl = inner.stringOr("pl", max);
    t.uk = inner.stringOr("uk", max);
    t.en = inner.stringOr("en", max);
    if (!inner.finish())
        r.adopt(inner.error());
    return t;
}

} // namespace

Json encodeLocalizedText(const domain::LocalizedText& t)
{
    return Json{{"pl", t.pl}, {"uk", t.uk}, {"en", t.en}};
}

Json encodeCancelledDates(const std::vector<domain::CancelledDate>& dates)
{
    Json out = Json::array();
    for (const auto& c : dates)
        out.push_back(Json{{"date", c.date.iso()}, {"reason", c.reason}});
    return out;
}

Json encodeActivity(const domain::Activity& a)
{
    return Json{{"id", a.id},
                {"kind", domain::activityKindCode(a.kind)},
                {"title", encodeLocalizedText(a.title)},
                {"service_id", a.serviceId},
                {"area", a.area ? Json(domain::areaCode(*a.area)) : Json(nullptr)},
                {"place", a.place},
                {"date", a.date.iso()},
                {"start_minute", a.startMinute},
                {"end_minute", a.endMinute},
                {"weekly", a.weekly},
                {"until", a.until ? Json(a.until->iso()) : Json(nullptr)},
                {"capacity", a.capacity ? Json(*a.capacity) : Json(nullptr)},
                {"sign_up", encodeLocalizedText(a.signUp)},
                {"cancelled", a.cancelled},
                {"cancelled_dates", encodeCancelledDates(a.cancelledDates)}};
}

Result<domain::Activity, ProtocolError> decodeActivity(const Json& value, const std::string& path)
{
    ObjectReader r(value, path, true);
    domain::Activity a;
    a.id = r.id("id", IdPattern::Code);
    const std::string kind = r.string("kind", 32);
    if (r.ok())
    {
        if (auto k = domain::parseActivityKind(kind))
            a.kind = *k;
        else
            r.fail(ProtocolErrorCode::BadValue, "kind", "unknown activity kind");
    }
    a.title = readText(r, "title", rules::kActivityTitleMax);
    a.serviceId = r.stringOr("service_id", 64);
    if (!a.serviceId.empty() && r.ok() && !matchesIdPattern(a.serviceId, IdPattern::Slug))
        r.fail(ProtocolErrorCode::BadValue, "service_id", "expected a service id");
    if (auto area = r.optionalString("area", 32); area && r.ok())
    {
        if (auto parsed = domain::parseArea(*area))
            a.area = *parsed;
        else
            r.fail(ProtocolErrorCode::BadValue, "area", "unknown area code");
    }
    a.place = r.string("place", rules::kActivityPlaceMax);
    a.date = r.date("date");
    a.startMinute = static_cast<int>(r.integer("start_minute", 0, 1439));
    a.endMinute = static_cast<int>(r.integer("end_minute", 0, 1439));
    a.weekly = r.boolean("weekly");
    a.until = r.optionalDate("until");
    if (auto capacity = r.optionalInteger("capacity", 1, rules::kActivityCapacityMax))
        a.capacity = static_cast<int>(*capacity);
    a.signUp = readText(r, "sign_up", rules::kActivitySignUpMax);
    a.cancelled = r.boolean("cancelled");
    // Absent from a server older than single-date cancelling: none called off.
    if (r.has("cancelled_dates"))
        if (const Json* dates = r.array("cancelled_dates", rules::kCancelledDatesMax))
            for (std::size_t i = 0; i < dates->size() && r.ok(); ++i)
            {
                ObjectReader inner((*dates)[i], r.pathOf("cancelled_dates") + "[" + std::to_string(i) + "]");
                domain::CancelledDate c;
                c.date = inner.date("date");
                c.reason = inner.stringOr("reason", rules::kCancelReasonMax);
                if (!inner.finish())
                    r.adopt(inner.error());
                a.cancelledDates.push_back(std::move(c));
            }
    if (!r.finish())
        return makeErr(r.error());
    // The same checks as the panel's; the field named is the form's, close to the JSON key.
    const auto problems = rules::checkActivity(a);
    if (!problems.empty())
        return makeErr(ProtocolError{ProtocolErrorCode::BadValue, path + "." + problems.front().field,
                                     "the activity does not pass the schedule's checks"});
    return a;
}

} // namespace okienko::protocol
