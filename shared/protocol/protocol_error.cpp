// Wire names of protocol errors.
#include "shared/protocol/protocol_error.hpp"

namespace okienko::protocol
{

std::string_view errorCodeName(ProtocolErrorCode code)
{
    switch (code)
    {
    case ProtocolErrorCode::MalformedJson:
        return "malformed_json";
    case ProtocolErrorCode::InvalidUtf8:
        return "invalid_utf8";
    case ProtocolErrorCode::WrongType:
        return "wrong_type";
    case ProtocolErrorCode::MissingField:
        return "missing_field";
    case ProtocolErrorCode::UnknownField:
        return "unknown_field";
    case ProtocolErrorCode::BadValue:
        return "bad_value";
    case ProtocolErrorCode::TooLong:
        return "too_long";
    case ProtocolErrorCode::OutOfRange:
        return "out_of_range";
    case ProtocolErrorCode::BadUuid:
        return "bad_uuid";
    case ProtocolErrorCode::BadDate:
        return "bad_date";
    case ProtocolErrorCode::UnknownEventType:
        return "unknown_event_type";
    }
    return "bad_value";
}

std::string ProtocolError::describe() const
{
    return path + ": " + std::string(errorCodeName(code)) + ": " + message;
}

} // namespace okienko::protocol
