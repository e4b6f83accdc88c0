// Staff, announcements and anonymous usage events.
#pragma once

#include "shared/domain/area.hpp"
#include "shared/domain/language.hpp"
#include "shared/domain/reservation.hpp"

#include <optional>
#include <string>

namespace okienko::domain
{

enum class StaffRole
{
    Equipment,   ///< runs the equipment service at the terminal
    Coordinator, ///< works queues in the web panel
    Admin,       ///< IT: accounts and kiosks in the web panel, never residents' data
    Counsellor,  ///< counselling requests and duty hours in the web panel; no kiosk staff mode
    Partner,     ///< a partner institution's own login: its profile and services only; no kiosk staff mode
};

struct Staff
{
    std::string id;
    std::string name;
    StaffRole role = StaffRole::Equipment;
    std::string pinHash; ///< argon2id, made by the server; the kiosk only verifies
    bool active = true;
};

/// A notice on the attract screen (CAS events and the like).
struct Announcement
{
    std::string id;
    LocalizedText title;
    LocalizedText body;
    std::optional<Date> validFrom;
    std::optional<Date> validTo;

    bool visibleOn(Date day) const;

    friend bool operator==(const Announcement&, const Announcement&) = default;
};

enum class UsageKind
{
    FlowStarted,
    FlowFinished,
    FlowAbandoned,
    ServiceViewed,
    SearchMade,
    Rating,
    Idea,
};

/// Anonymous: no personal data, no free query text unless it matched a service.
struct UsageEvent
{
    std::string id;
    UsageKind kind = UsageKind::FlowStarted;
    std::string flow; ///< "equipment", "counselling", "callback", "catalog"
    std::string step; ///< where a flow was abandoned
    std::string serviceId;
    int rating = 0;           ///< 1..5 for Rating
    std::optional<Area> area; ///< for Idea
    std::string text;         ///< the idea's text (free text, validated)
    Language language = Language::Pl;
    Timestamp at = 0;
};

} // namespace okienko::domain
