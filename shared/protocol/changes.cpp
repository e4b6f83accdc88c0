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
    Json out{{"cursor", page.cursor}, {"more", page.more}, {"changes", std::move(list)}};
    if (page.live)
        out["live"] = *page.live;
    return out.dump();
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
    const Json* live = r.optionalObject("live");
    if (!r.finish())
        return makeErr(r.error());
    if (live != nullptr)
    {
        page.live.emplace();
        for (const auto& [entityName, ids] : live->items())
        {
            const std::string path = "$.live." + entityName;
            if (!ids.is_array())
                return makeErr(ProtocolError{ProtocolErrorCode::WrongType, path, "expected an array of ids"});
            auto& out = (*page.live)[entityName];
            out.reserve(ids.size());
            for (const Json& id : ids)
            {
                if (!id.is_string())
                    return makeErr(ProtocolError{ProtocolErrorCode::WrongType, path, "expected an array of ids"});
                out.push_back(id.get<std::string>());
            }
        }
    }
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
    // A hold is logged before its reservation.created brings the code (and so is a hold that lapses
    // unclaimed): an empty code is a status all the same, and refusing it would stop the kiosk's pull.
    u.code = r.string("code", 32, 0);
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

namespace
{
// Lenient upper bounds: the server validated these on the way in (names 2–80 letters, phones 9
// digits), and a change this build refuses stops the kiosk's pull, so only nonsense is refused here.
constexpr std::size_t kMaxNameCodePoints = 120;
constexpr std::size_t kMaxPhoneCodePoints = 32;

bool awaitsHandOver(domain::ReservationStatus s)
{
    return s == domain::ReservationStatus::Provisional || s == domain::ReservationStatus::Held ||
           s == domain::ReservationStatus::Confirmed;
}
} // namespace

Json encodePickup(const PickupNotice& p)
{
    return Json{{"reservation_id", p.reservationId},
                {"code", p.code},
                {"type_id", p.typeId},
                {"pick_up_date", p.pickUpDate.iso()},
                {"loan_days", p.loanDays},
                {"status", domain::toCode(p.status)},
                {"name", p.name},
                {"phone", p.phone}};
}

Result<PickupNotice, ProtocolError> decodePickup(const Json& value, const std::string& path)
{
    ObjectReader r(value, path, true);
    PickupNotice p;
    p.reservationId = r.id("reservation_id", IdPattern::Uuid);
    p.code = r.id("code", IdPattern::Code);
    p.typeId = r.id("type_id", IdPattern::Slug);
    p.pickUpDate = r.date("pick_up_date");
    p.loanDays = static_cast<int>(r.integer("loan_days", 1, 366));
    const std::string status = r.string("status", 32);
    if (r.ok())
    {
        auto parsed = domain::fromCode<domain::ReservationStatus>(status);
        if (!parsed || !awaitsHandOver(*parsed))
            r.fail(ProtocolErrorCode::BadValue, "status", "expected provisional, held or confirmed");
        else
            p.status = *parsed;
    }
    p.name = r.string("name", kMaxNameCodePoints);
    p.phone = r.string("phone", kMaxPhoneCodePoints);
    if (!r.finish())
        return makeErr(r.error());
    return p;
}

Json encodeOpenLoan(const OpenLoanNotice& l)
{
    return Json{{"loan_id", l.loanId},     {"inventory_number", l.inventoryNumber},
                {"type_id", l.typeId},     {"start_date", l.start.iso()},
                {"due_date", l.due.iso()}, {"name", l.name},
                {"phone", l.phone}};
}

Result<OpenLoanNotice, ProtocolError> decodeOpenLoan(const Json& value, const std::string& path)
{
    ObjectReader r(value, path, true);
    OpenLoanNotice l;
    l.loanId = r.id("loan_id", IdPattern::Uuid);
    l.inventoryNumber = r.id("inventory_number", IdPattern::InventoryNumber);
    l.typeId = r.id("type_id", IdPattern::Slug);
    l.start = r.date("start_date");
    l.due = r.date("due_date");
    if (r.ok() && l.due < l.start)
        r.fail(ProtocolErrorCode::BadValue, "due_date", "before start_date");
    l.name = r.string("name", kMaxNameCodePoints, 0);
    l.phone = r.string("phone", kMaxPhoneCodePoints, 0);
    if (!r.finish())
        return makeErr(r.error());
    return l;
}

} // namespace okienko::protocol
