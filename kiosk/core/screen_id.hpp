// The screens of the kiosk app. Overlays (idle warning, toast) are state, not screens.
#pragma once

#include <string_view>

namespace okienko::kiosk
{

enum class ScreenId
{
    Attract,            ///< CUS name, clock, "touch to start", announcements
    Home,               ///< one tile per flow that exists
    Catalogue,          ///< browse by area / "who it is for", search as you type
    ServicePage,        ///< everything about one service
    FeeCalculator,      ///< sheltered-housing fee share from income
    ConfigError,        ///< a bad configuration, shown instead of a black screen
    EquipmentTypes,     ///< equipment flow: the list of types with their availability
    EquipmentDates,     ///< equipment flow: pick-up date and period
    EquipmentClause,    ///< equipment flow: the RODO information clause
    EquipmentPerson,    ///< equipment flow: name, phone, address, declaration
    EquipmentSummary,   ///< equipment flow: summary and Confirm
    EquipmentDone,      ///< equipment flow: the code and what happens next
    CounsellingKind,    ///< counselling: the kind (the only step that names it)
    CounsellingSlot,    ///< counselling: a free duty slot or "contact me to arrange"
    CounsellingContact, ///< counselling: name and phone
    CounsellingConsent, ///< counselling: RODO clause, summary and Send
    CounsellingDone,    ///< counselling: code, what happens next, rating
    CallbackPhone,      ///< callback: phone number on the big keypad
    CallbackWhen,       ///< callback: today / tomorrow, morning / afternoon
    CallbackTopic,      ///< callback: optional topic (a service)
    CallbackName,       ///< callback: optional first name
    CallbackConfirm,    ///< callback: RODO clause, summary and Send
    CallbackDone,       ///< callback: code, when we call, rating
    IdeaBox,            ///< the idea box, tagged by one of the 14 areas
};

/// Stable lower-case name for logs and automation ("attract", "service-page").
std::string_view screenName(ScreenId id);

} // namespace okienko::kiosk
