// Change pages and the non-catalogue entities they carry.
#include "shared/protocol/changes.hpp"

#include "shared/domain/codes.hpp"

#include <limits>

namespace okienko::protocol
{

std::string_view toCode(ChangeOp op)
{
    return op == ChangeOp::Delete ? "delete" : "upsert";
}

Json encodeChange(const Change& c)
{
    Json j{{"seq", c.seq}, {"entity", c.entity}, {"id", c.id}, {"op", toCode(c.op)}, {"data", c.data}};
    if (c.position >= 0)
        j["position"] = c.position;
    return j;
}

std::string encodeChangesPage(const ChangesPage& page)
{
    Json list = Json::array();
    for (const auto& c : page.changes)
        list.push_back(encodeChange(c));
    return Json{{"cursor", page.cursor}, {"more", page.more}, {"changes", std::move(list)}}.dump();
}

Result<ChangesPage, ProtocolError> decodeChangesPage(std::string_view body)
{
    auto parsed = parseJson(body);
    if (!parsed)
        return makeErr(parsed.error());
    ObjectReader r(*parsed, "$", true);
    ChangesPage page;
    page.cursor = r.string("cursor", 128, 0);
    page.more = r.boolean("more");
    const Json* list = r.array("changes", static_cast<std::size_t>(kMaxChangesLimit));
    if (!r.finish())
        return makeErr(r.error());
    page.changes.reserve(list->size());
    for (std::size_t i = 0; i < list->size(); ++i)
    {
        ObjectReader c((*list)[i], "$.changes[" + std::to_string(i) + "]", true);
        Change change;
        change.seq = c.integer("seq", 0, std::numeric_limits<std::int64_t>::max());
        change.entity = c.string("entity", 64);
        change.id = c.string("id", 128);
        const std::string op = c.string("op", 16);
        if (c.ok() && op != "upsert" && op != "delete")
            c.fail(ProtocolErrorCode::BadValue, "op", "expected upsert or delete");
        change.op = op == "delete" ? ChangeOp::Delete : ChangeOp::Upsert;
        if (const Json* d = c.object("data"))
            change.data = *d;
        change.position = static_cast<int>(c.optionalInteger("position", 0, 1000000).value_or(-1));
        if (!c.finish())
            return makeErr(c.error());
        page.changes.push_back(std::move(change));
    }
    return page;
}

Json encodeRequestStatus(const RequestStatusUpdate& u)
{
    return Json{{"id", u.id}, {"code", u.code}, {"status", u.status}};
}

Result<RequestStatusUpdate, ProtocolError> decodeRequestStatus(const Json& value, const std::string& path)
{
    ObjectReader r(value, path, true);
    RequestStatusUpdate u;
    u.id = r.id("id", IdPattern::Uuid);
    u.code = r.string("code", 32);
    u.status = r.id("status", IdPattern::Slug);
    if (!r.finish())
        return makeErr(r.error());
    return u;
}

Json encodeSlot(const domain::CounsellingSlot& s)
{
    return Json{{"id", s.id},
                {"kind_ids", s.kindIds},
                {"counsellor", s.counsellor},
                {"room", s.room},
                {"date", s.date.iso()},
                {"start_minute", s.startMinute},
                {"duration_minutes", s.durationMinutes},
                {"booked", s.booked}};
}

Result<domain::CounsellingSlot, ProtocolError> decodeSlot(const Json& value, const std::string& path)
{
    ObjectReader r(value, path, true);
    domain::CounsellingSlot s;
    s.id = r.id("id", IdPattern::Code);
    if (const Json* kinds = r.array("kind_ids", 16))
    {
        for (std::size_t i = 0; i < kinds->size() && r.ok(); ++i)
        {
            const Json& k = (*kinds)[i];
            if (!k.is_string() || !matchesIdPattern(k.get_ref<const std::string&>(), IdPattern::Slug))
                r.fail(ProtocolErrorCode::BadValue, "kind_ids[" + std::to_string(i) + "]", "expected a kind id");
            else
                s.kindIds.push_back(k.get<std::string>());
        }
    }
    s.counsellor = r.string("counsellor", 120);
    s.room = r.string("room", 60);
    s.date = r.date("date");
    s.startMinute = static_cast<int>(r.integer("start_minute", 0, 1439));
    s.durationMinutes = static_cast<int>(r.integer("duration_minutes", 1, 600));
    s.booked = r.boolean("booked");
    if (!r.finish())
        return makeErr(r.error());
    return s;
}

Json encodeStaff(const domain::Staff& s)
{
    return Json{{"id", s.id},
                {"name", s.name},
                {"role", domain::toCode(s.role)},
                {"pin_hash", s.pinHash},
                {"active", s.active}};
}

Result<domain::Staff, ProtocolError> decodeStaff(const Json& value, const std::string& path)
{
    ObjectReader r(value, path, true);
    domain::Staff s;
    s.id = r.id("id", IdPattern::Code);
    s.name = r.string("name", 120);
    const std::string role = r.string("role", 32);
    s.pinHash = r.string("pin_hash", 256);
    s.active = r.boolean("active");
    if (!r.finish())
        return makeErr(r.error());
    auto parsedRole = domain::fromCode<domain::StaffRole>(role);
    if (!parsedRole)
        return makeErr(ProtocolError{ProtocolErrorCode::BadValue, path + ".role", "unknown staff role"});
    s.role = *parsedRole;
    return s;
}

} // namespace okienko::protocol
