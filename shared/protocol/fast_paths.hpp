// The two online fast paths that need an authoritative answer while the resident waits:
// POST /api/v1/reservations/hold and POST /api/v1/counselling/book. Both are idempotent by the id
// the kiosk made for the request (the same id its later outbox event carries).
#pragma once

#include "shared/domain/counselling.hpp"
#include "shared/protocol/json_reader.hpp"
#include "shared/protocol/protocol_error.hpp"
#include "shared/util/date.hpp"
#include "shared/util/result.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace okienko::protocol
{

/// Hold one unit of a type for [pick_up_date, pick_up_date + loan_days). No personal data: that
/// follows in the reservation.created event with the same reservation_id.
struct HoldRequest
{
    std::string reservationId; ///< UUID; reused by the reservation.created event
    std::string typeId;
    Date pickUpDate;
    int loanDays = 1;
};

std::string encodeHoldRequest(const HoldRequest& request);
Result<HoldRequest, ProtocolError> decodeHoldRequest(std::string_view body);

/// 201: held (status "held", with deadlines). 409: nothing free; nextAvailable is the first pick-up
/// date within the server's search horizon on which the same loan length fits (none: waiting list).
struct HoldResponse
{
    std::string reservationId;
    std::string status;                ///< "held" (201); "unavailable" (409)
    int unitsLeft = 0;                 ///< fewest units still free on a day of the period (201)
    std::int64_t claimBy = 0;          ///< server Unix time: the reservation.created event must arrive by then
    std::optional<Date> pickUpBy;      ///< last day to collect before the hold expires (201)
    std::optional<Date> nextAvailable; ///< 409 only
};

std::string encodeHoldResponse(const HoldResponse& response);
Result<HoldResponse, ProtocolError> decodeHoldResponse(std::string_view body);

/// Book a published counselling slot for a request the kiosk is about to send.
struct CounsellingBookRequest
{
    std::string requestId; ///< UUID; reused by the counselling.requested event
    std::string slotId;
    std::string kindId;
};

std::string encodeCounsellingBookRequest(const CounsellingBookRequest& request);
Result<CounsellingBookRequest, ProtocolError> decodeCounsellingBookRequest(std::string_view body);

/// 201: "booked" with the slot. 409: "taken" with up to 5 free slots of the same kind from then on.
struct CounsellingBookResponse
{
    std::string requestId;
    std::string status; ///< "booked" or "taken"
    std::optional<domain::CounsellingSlot> slot;
    std::vector<domain::CounsellingSlot> alternatives;
};

std::string encodeCounsellingBookResponse(const CounsellingBookResponse& response);
Result<CounsellingBookResponse, ProtocolError> decodeCounsellingBookResponse(std::string_view body);

/// POST /api/v1/heartbeat.
struct Heartbeat
{
    std::string kioskVersion; ///< e.g. "0.1.0"
    std::int64_t uptimeS = 0;
    std::int64_t outboxDepth = 0;         ///< events not yet acknowledged
    std::int64_t outboxOldestAgeS = 0;    ///< age of the oldest of them (0 when none)
    std::string printerState;             ///< ok, no-paper, offline, error, unknown
    std::optional<std::int64_t> lastSync; ///< Unix seconds of the last successful exchange
};

std::string encodeHeartbeat(const Heartbeat& heartbeat);
Result<Heartbeat, ProtocolError> decodeHeartbeat(std::string_view body);

/// Every non-2xx response: {"error":{"code":"…","message":"…"}}.
struct ErrorBody
{
    std::string code;
    std::string message;
};

std::string encodeErrorBody(const ErrorBody& error);
Result<ErrorBody, ProtocolError> decodeErrorBody(std::string_view body);

} // namespace okienko::protocol
