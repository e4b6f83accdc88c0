// Errors of the sync protocol codec. Every decoder returns one of these instead of throwing: the
// code is what the server puts on the wire ({"error":{"code":…}} or a rejected event's "code"),
// the path says which value was wrong, so a kiosk engineer can fix the sender without guessing.
#pragma once

#include <string>
#include <string_view>

namespace okienko::protocol
{

/// Why a protocol document was refused. Stable: the wire names are in docs/protocol.md.
enum class ProtocolErrorCode
{
    MalformedJson,    ///< not JSON, truncated, nested deeper than allowed, or a number no double holds
    InvalidUtf8,      ///< bytes that are not UTF-8
    WrongType,        ///< e.g. a string where a number is expected, 3.5 where a whole number is
    MissingField,     ///< a required key is absent
    UnknownField,     ///< a key the schema does not have (requests are strict)
    BadValue,         ///< a value of the right type that is not allowed (unknown code, bad pattern)
    TooLong,          ///< a string over its limit (in code points) or a list with too many items
    OutOfRange,       ///< a number outside its range (including huge numbers)
    BadUuid,          ///< not a canonical UUID
    BadDate,          ///< not "YYYY-MM-DD" naming a real day
    UnknownEventType, ///< an event type this server does not know (a newer kiosk)
};

/// "malformed_json", "invalid_utf8", "wrong_type", "missing_field", "unknown_field", "bad_value",
/// "too_long", "out_of_range", "bad_uuid", "bad_date", "unknown_event_type".
std::string_view errorCodeName(ProtocolErrorCode code);

struct ProtocolError
{
    ProtocolErrorCode code = ProtocolErrorCode::MalformedJson;
    std::string path;    ///< JSON path of the offending value, e.g. "$.events[3].payload.phone"
    std::string message; ///< English, for logs; never contains the offending value itself

    /// "<path>: <code>: <message>".
    std::string describe() const;
};

} // namespace okienko::protocol
