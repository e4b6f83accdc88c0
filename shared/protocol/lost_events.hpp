// After a server restore: how a kiosk learns that the server's history went back (the server's
// database epoch, sent with every answer to events and heartbeats), which acknowledged events it
// may send again (only those whose payload carries no personal data: the kiosk kept them), and the
// report of the others, POST /api/v1/lost-events ("acknowledged before the restore, missing now").
// docs/protocol.md, "Server restores", is the wire reference.
#pragma once

#include "shared/protocol/json_reader.hpp"
#include "shared/protocol/protocol_error.hpp"
#include "shared/util/result.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace okienko::protocol
{

/// The "epoch" member of a server answer (events, heartbeat, lost-events); "" when the answer has
/// none (a server from before restores were tracked) or it is not a short token.
std::string responseEpoch(std::string_view body);

/// True when an event of this type with this payload holds no personal data, so the kiosk may keep
/// the whole payload after the server acknowledged it and send it again after a restore: anonymous
/// usage and ratings, loan extensions, and check-ins and unit changes without staff notes (notes are
/// free text that may name a resident).
bool isResendable(std::string_view type, const Json& payload);

/// What a receipt shows staff to find the request: the reference code (R-, S-, T-), else the
/// inventory number, else the loan id; "" when the event has none.
std::string receiptReference(const Json& payload);

/// One acknowledged event the server may have lost: no payload, no personal data.
struct LostEventReport
{
    std::string id;           ///< the event id (UUID)
    std::string type;         ///< e.g. "reservation.created"
    std::string reference;    ///< receiptReference() of its payload; may be ""
    std::int64_t ackedAt = 0; ///< kiosk wall clock when the server acknowledged it (Unix seconds)
};

/// POST /api/v1/lost-events: {"events":[{"id","type","reference","acked_at"}…]}, 1…100, ids unique.
std::string encodeLostEventReports(const std::vector<LostEventReport>& reports);
Result<std::vector<LostEventReport>, ProtocolError> decodeLostEventReports(std::string_view body);

/// The server's answer per reported id: it still has the event, or it lacks it and recorded it.
enum class LostEventStatus
{
    Present, ///< "present": the restored database has it; nothing to do
    Lost,    ///< "lost": recorded for the coordinators (idempotent: a repeat report changes nothing)
};

struct LostEventResult
{
    std::string id;
    LostEventStatus status = LostEventStatus::Lost;
};

/// 200 body: {"results":[{"id","status"}…], "epoch": "…"} in the order of the request.
std::string encodeLostEventResults(const std::vector<LostEventResult>& results, const std::string& epoch);
Result<std::vector<LostEventResult>, ProtocolError> decodeLostEventResults(std::string_view body);

} // namespace okienko::protocol
