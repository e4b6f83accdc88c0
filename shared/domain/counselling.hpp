// Specialist counselling (product.md §5). The kind of counselling is sensitive: after the first
// step nothing on screen or on a slip names it, so only kindId carries it.
#pragma once

#include "shared/domain/language.hpp"
#include "shared/domain/reservation.hpp"

#include <optional>
#include <string>
#include <vector>

namespace okienko::domain
{

struct CounsellingKind
{
    std::string id; ///< "psychological", "family", "addiction"
    LocalizedText name;
    LocalizedText description;

    friend bool operator==(const CounsellingKind&, const CounsellingKind&) = default;
};

/// A duty hour a coordinator published: counsellor, room, time.
struct CounsellingSlot
{
    std::string id;
    std::vector<std::string> kindIds; ///< kinds the counsellor on duty offers
    std::string counsellor;
    std::string room;
    Date date;
    int startMinute = 0; ///< minutes after midnight, local time
    int durationMinutes = 60;
    bool booked = false;
};

enum class RequestStatus
{
    Provisional, ///< stored on the kiosk, not yet acknowledged by the server
    Received,    ///< the server has it
    Confirmed,
    Moved,
    Cancelled,
    Done,
    Closed, ///< closed without success (e.g. unreachable after N attempts)
};

struct CounsellingRequest
{
    std::string id;
    std::string code;
    std::string kindId;
    std::optional<std::string> slotId; ///< none: "contact me to arrange"
    std::string name;
    std::string phone;
    RequestStatus status = RequestStatus::Provisional;
    Language language = Language::Pl;
    std::string kioskId;
    Timestamp createdAt = 0;
};

/// A number to call in immediate danger. The list is data the CUS sets and verifies.
struct EmergencyNumber
{
    std::string number;
    LocalizedText name;
    LocalizedText hours;
    bool verifyLocally = false; ///< must be checked by the CUS before the kiosk goes live

    friend bool operator==(const EmergencyNumber&, const EmergencyNumber&) = default;
};

} // namespace okienko::domain
