// Codecs of the hold, counselling-booking, heartbeat and error bodies.
#include "shared/protocol/fast_paths.hpp"

#include "shared/protocol/changes.hpp"
#include "shared/rules/availability.hpp"

#include <array>

namespace okienko::protocol
{

namespace
{
constexpr std::int64_t kMaxSeconds = std::int64_t{1} << 40;
constexpr std::array<std::string_view, 5> kPrinterStates{"ok", "no-paper", "offline", "error", "unknown"};

template <typename T> Result<T, ProtocolError> finish(ObjectReader& r, T value)
{
    if (!r.finish())
        return makeErr(r.error());
    return value;
}
} // namespace

std::string encodeHoldRequest(const HoldRequest& h)
{
    return Json{{"reservation_id", h.reservationId},
                {"type_id", h.typeId},
                {"pick_up_date", h.pickUpDate.iso()},
                {"loan_days", h.loanDays}}
        .dump();
}

Result<HoldRequest, ProtocolError> decodeHoldRequest(std::string_view body)
{
    auto parsed = parseJson(body);
    if (!parsed)
        return makeErr(parsed.error());
    ObjectReader r(*parsed, "$");
    HoldRequest h;
    h.reservationId = r.id("reservation_id", IdPattern::Uuid);
    h.typeId = r.id("type_id", IdPattern::Slug);
    h.pickUpDate = r.date("pick_up_date");
    h.loanDays = static_cast<int>(r.integer("loan_days", 1, rules::kMaxBookingDays));
    return finish(r, std::move(h));
}

std::string encodeHoldResponse(const HoldResponse& h)
{
    Json j{{"reservation_id", h.reservationId}, {"status", h.status}, {"units_left", h.unitsLeft}};
    if (h.claimBy != 0)
        j["claim_by"] = h.claimBy;
    j["pick_up_by"] = h.pickUpBy ? Json(h.pickUpBy->iso()) : Json(nullptr);
    j["next_available"] = h.nextAvailable ? Json(h.nextAvailable->iso()) : Json(nullptr);
    return j.dump();
}

Result<HoldResponse, ProtocolError> decodeHoldResponse(std::string_view body)
{
    auto parsed = parseJson(body);
    if (!parsed)
        return makeErr(parsed.error());
    ObjectReader r(*parsed, "$", true);
    HoldResponse h;
    h.reservationId = r.id("reservation_id", IdPattern::Uuid);
    h.status = r.id("status", IdPattern::Slug);
    h.unitsLeft = static_cast<int>(r.optionalInteger("units_left", 0, 1000000).value_or(0));
    h.claimBy = r.optionalInteger("claim_by", 0, kMaxSeconds).value_or(0);
    h.pickUpBy = r.optionalDate("pick_up_by");
    h.nextAvailable = r.optionalDate("next_available");
    return finish(r, std::move(h));
}

std::string encodeCounsellingBookRequest(const CounsellingBookRequest& b)
{
    return Json{{"request_id", b.requestId}, {"slot_id", b.slotId}, {"kind_id", b.kindId}}.dump();
}

Result<CounsellingBookRequest, ProtocolError> decodeCounsellingBookRequest(std::string_view body)
{
    auto parsed = parseJson(body);
    if (!parsed)
        return makeErr(parsed.error());
    ObjectReader r(*parsed, "$");
    CounsellingBookRequest b;
    b.requestId = r.id("request_id", IdPattern::Uuid);
    b.slotId = r.id("slot_id", IdPattern::Code);
    b.kindId = r.id("kind_id", IdPattern::Slug);
    return finish(r, std::move(b));
}

std::string encodeCounsellingBookResponse(const CounsellingBookResponse& b)
{
    Json alternatives = Json::array();
    for (const auto& s : b.alternatives)
        alternatives.push_back(encodeSlot(s));
    return Json{{"request_id", b.requestId},
                {"status", b.status},
                {"slot", b.slot ? encodeSlot(*b.slot) : Json(nullptr)},
                {"alternatives", std::move(alternatives)}}
        .dump();
}

Result<CounsellingBookResponse, ProtocolError> decodeCounsellingBookResponse(std::string_view body)
{
    auto parsed = parseJson(body);
    if (!parsed)
        return makeErr(parsed.error());
    ObjectReader r(*parsed, "$", true);
    CounsellingBookResponse b;
    b.requestId = r.id("request_id", IdPattern::Uuid);
    b.status = r.id("status", IdPattern::Slug);
    if (const Json* slot = r.optionalObject("slot"))
    {
        auto s = decodeSlot(*slot, "$.slot");
        if (!s)
            return makeErr(s.error());
        b.slot = std::move(s).value();
    }
    const Json* alternatives = r.array("alternatives", 50);
    if (!r.finish())
        return makeErr(r.error());
    for (std::size_t i = 0; i < alternatives->size(); ++i)
    {
        auto s = decodeSlot((*alternatives)[i], "$.alternatives[" + std::to_string(i) + "]");
        if (!s)
            return makeErr(s.error());
        b.alternatives.push_back(std::move(s).value());
    }
    return b;
}

std::string encodeHeartbeat(const Heartbeat& h)
{
    return Json{{"kiosk_version", h.kioskVersion}, {"uptime_s", h.uptimeS},
                {"outbox_depth", h.outboxDepth},   {"outbox_oldest_age_s", h.outboxOldestAgeS},
                {"printer_state", h.printerState}, {"last_sync", h.lastSync ? Json(*h.lastSync) : Json(nullptr)}}
        .dump();
}

Result<Heartbeat, ProtocolError> decodeHeartbeat(std::string_view body)
{
    auto parsed = parseJson(body);
    if (!parsed)
        return makeErr(parsed.error());
    ObjectReader r(*parsed, "$");
    Heartbeat h;
    h.kioskVersion = r.id("kiosk_version", IdPattern::Code);
    h.uptimeS = r.integer("uptime_s", 0, kMaxSeconds);
    h.outboxDepth = r.integer("outbox_depth", 0, 100000000);
    h.outboxOldestAgeS = r.integer("outbox_oldest_age_s", 0, kMaxSeconds);
    h.printerState = r.string("printer_state", 16);
    if (r.ok())
    {
        bool known = false;
        for (auto s : kPrinterStates)
            known = known || s == h.printerState;
        if (!known)
            r.fail(ProtocolErrorCode::BadValue, "printer_state", "expected ok, no-paper, offline, error or unknown");
    }
    h.lastSync = r.optionalInteger("last_sync", 0, kMaxSeconds);
    return finish(r, std::move(h));
}

std::string encodeErrorBody(const ErrorBody& e)
{
    return Json{{"error", {{"code", e.code}, {"message", e.message}}}}.dump();
}

Result<ErrorBody, ProtocolError> decodeErrorBody(std::string_view body)
{
    auto parsed = parseJson(body);
    if (!parsed)
        return makeErr(parsed.error());
    ObjectReader r(*parsed, "$", true);
    const Json* inner = r.object("error");
    if (!r.finish())
        return makeErr(r.error());
    ObjectReader e(*inner, "$.error", true);
    ErrorBody out;
    out.code = e.string("code", 64);
    out.message = e.stringOr("message", 1000);
    return finish(e, std::move(out));
}

} // namespace okienko::protocol
