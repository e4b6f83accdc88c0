// The kiosk's flows by name: which flow a session is in (usage counts, the request flows' erasure)
// and which flow a rating is about. The usage events keep the names they always had.
#pragma once

#include "shared/protocol/flow_codes.hpp"

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

/// Every FlowId, for tests that walk them all.
inline constexpr FlowId kAllFlowIds[] = {FlowId::None,       FlowId::Equipment, FlowId::Counselling,
                                         FlowId::Callback,   FlowId::Idea,      FlowId::ServiceInfo,
                                         FlowId::StaffEntry, FlowId::CheckOut,  FlowId::LoanDesk};

/// The name usage events and ratings record (from the shared list the server checks); "" for None.
inline std::string flowName(FlowId id)
{
    switch (id)
    {
    case FlowId::None:
        return {};
    case FlowId::Equipment:
        return std::string(protocol::flow_code::kEquipment);
    case FlowId::Counselling:
        return std::string(protocol::flow_code::kCounselling);
    case FlowId::Callback:
        return std::string(protocol::flow_code::kCallback);
    case FlowId::Idea:
        return std::string(protocol::flow_code::kIdea);
    case FlowId::ServiceInfo:
        return std::string(protocol::flow_code::kServiceInfo);
    case FlowId::StaffEntry:
        return std::string(protocol::flow_code::kStaffEntry);
    case FlowId::CheckOut:
        return std::string(protocol::flow_code::kCheckOut);
    case FlowId::LoanDesk:
        return std::string(protocol::flow_code::kLoanDesk);
    }
    return {};
}

} // namespace okienko::kiosk
