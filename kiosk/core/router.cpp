// Screen stack (see router.hpp).
#include "kiosk/core/router.hpp"

#include <atomic>

namespace okienko::kiosk
{

std::string_view screenName(ScreenId id)
{
    switch (id)
    {
    case ScreenId::Attract:
        return "attract";
    case ScreenId::Home:
        return "home";
    case ScreenId::Catalogue:
        return "catalogue";
    case ScreenId::ServicePage:
        return "service-page";
    case ScreenId::FeeCalculator:
        return "fee-calculator";
    case ScreenId::ConfigError:
        return "config-error";
    case ScreenId::EquipmentTypes:
        return "equipment-types";
    case ScreenId::EquipmentDates:
        return "equipment-dates";
    case ScreenId::EquipmentClause:
        return "equipment-clause";
    case ScreenId::EquipmentPerson:
        return "equipment-person";
    case ScreenId::EquipmentSummary:
        return "equipment-summary";
    case ScreenId::EquipmentDone:
        return "equipment-done";
    case ScreenId::CounsellingKind:
        return "counselling-kind";
    case ScreenId::CounsellingSlot:
        return "counselling-slot";
    case ScreenId::CounsellingContact:
        return "counselling-contact";
    case ScreenId::CounsellingConsent:
        return "counselling-consent";
    case ScreenId::CounsellingDone:
        return "counselling-done";
    case ScreenId::CallbackPhone:
        return "callback-phone";
    case ScreenId::CallbackWhen:
        return "callback-when";
    case ScreenId::CallbackTopic:
        return "callback-topic";
    case ScreenId::CallbackName:
        return "callback-name";
    case ScreenId::CallbackConfirm:
        return "callback-confirm";
    case ScreenId::CallbackDone:
        return "callback-done";
    case ScreenId::IdeaBox:
        return "idea-box";
    case ScreenId::EmergencyHelp:
        return "emergency-help";
    case ScreenId::SpeechHelp:
        return "speech-help";
    case ScreenId::Schedule:
        return "schedule";
    case ScreenId::StaffPin:
        return "staff-pin";
    case ScreenId::StaffMenu:
        return "staff-menu";
    case ScreenId::StaffStatus:
        return "staff-status";
    case ScreenId::StaffPickups:
        return "staff-pickups";
    case ScreenId::StaffCheckOutUnit:
        return "staff-checkout-unit";
    case ScreenId::StaffCheckOutLoan:
        return "staff-checkout-loan";
    case ScreenId::StaffCheckOutDone:
        return "staff-checkout-done";
    case ScreenId::StaffCheckIn:
        return "staff-checkin";
    case ScreenId::StaffCheckInDone:
        return "staff-checkin-done";
    case ScreenId::StaffLoans:
        return "staff-loans";
    case ScreenId::StaffOverdue:
        return "staff-overdue";
    case ScreenId::StaffUnits:
        return "staff-units";
    }
    return "unknown";
}

namespace
{

std::uint64_t nextVisit()
{
    static std::atomic<std::uint64_t> counter{0};
    return ++counter;
}

} // namespace

Router::Router() : m_visits{nextVisit()} {}

void Router::renew()
{
    m_visits.back() = nextVisit();
}

void Router::push(ScreenId id)
{
    if (m_stack.back() != id)
    {
        m_stack.push_back(id);
        m_visits.push_back(nextVisit());
    }
}

bool Router::back()
{
    if (m_stack.size() <= 1)
        return false;
    m_stack.pop_back();
    m_visits.pop_back();
    return true;
}

void Router::reset(ScreenId root)
{
    m_stack.assign(1, root);
    m_visits.assign(1, nextVisit());
}

} // namespace okienko::kiosk
