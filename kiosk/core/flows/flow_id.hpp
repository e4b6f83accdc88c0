// The kiosk's flows by name: which flow a session is in (usage counts, the request flows' erasure)
// and which flow a rating is about. The usage events keep the names they always had.
#pragma once

#include <string>

namespace okienko::kiosk
{

enum class FlowId
{
    None,        ///< no flow: browsing, the home screen
    Equipment,   ///< equipment reservation
    Counselling, ///< "Porozmawiaj ze specjalistą"
    Callback,    ///< "Proszę o telefon"
    Idea,        ///< the idea box opened from the home screen
    ServiceInfo, ///< a service page's "print information"
    StaffEntry,  ///< staff login, menu, status
    CheckOut,    ///< staff: lending a unit
    LoanDesk,    ///< staff: check-in, loans, overdue, units
};

/// The name usage events and ratings record ("counselling", "callback", "idea", …); "" for None.
inline std::string flowName(FlowId id)
{
    switch (id)
    {
    case FlowId::None:
        return {};
    case FlowId::Equipment:
        return "equipment";
    case FlowId::Counselling:
        return "counselling";
    case FlowId::Callback:
        return "callback";
    case FlowId::Idea:
        return "idea";
    case FlowId::ServiceInfo:
        return "service_info";
    case FlowId::StaffEntry:
        return "staff_entry";
    case FlowId::CheckOut:
        return "check_out";
    case FlowId::LoanDesk:
        return "loan_desk";
    }
    return {};
}

} // namespace okienko::kiosk
