// What the sync worker reports to the UI thread: the link's status after each round and the
// answers of the online fast paths (tryHold, tryBook). Data only, so the controller's interface
// (KioskServices) names them without the worker; they keep the sync namespace they describe.
#pragma once

#include "shared/protocol/fast_paths.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace okienko::sync
{

enum class Connectivity
{
    Unknown, ///< no exchange yet
    Online,  ///< the last round reached the server and succeeded
    Offline, ///< the server could not be reached, or answered with an error
};

/// What the UI and staff screen show. No personal data.
struct SyncStatus
{
    Connectivity connectivity = Connectivity::Unknown;
    std::optional<std::int64_t> lastSyncAt; ///< Unix seconds of the last successful round
    std::int64_t outboxDepth = 0;
    std::optional<std::chrono::seconds> outboxOldestAge;
    std::int64_t deadLetters = 0;
    std::string lastError; ///< short code ("tls", "timeout", "http_503", …), "" after a success
    std::string lastErrorDetail;
    std::optional<std::int64_t> clockOffsetSeconds; ///< server − kiosk
    bool clockSkewWarning = false;
    std::chrono::milliseconds nextRetryIn{0}; ///< while backing off
    std::int64_t rounds = 0;                  ///< completed rounds, successful or not
};

/// tryHold's answer.
struct HoldOutcome
{
    enum class Kind
    {
        Held,        ///< the server holds a unit for this reservation id
        Unavailable, ///< 409: nothing free; `response.nextAvailable` may offer a date
        Offline,     ///< no authoritative answer in time: fall back to a provisional request
    };
    Kind kind = Kind::Offline;
    std::optional<protocol::HoldResponse> response;
    std::string error; ///< for Offline: why ("timeout", "tls", "http_503", …)
};

/// tryBook's answer.
struct BookOutcome
{
    enum class Kind
    {
        Booked,
        Taken,   ///< 409: `response.alternatives` lists free slots of the same kind
        Offline, ///< fall back to "contact me to arrange" sent through the outbox
    };
    Kind kind = Kind::Offline;
    std::optional<protocol::CounsellingBookResponse> response;
    std::string error;
};

} // namespace okienko::sync
