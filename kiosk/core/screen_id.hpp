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
    EmergencyHelp,      ///< the emergency numbers, each with what it is for (from the start and home screens)
    SpeechHelp,         ///< the voice's gestures in words, rate and volume keys (from the bottom bar)
    Schedule,           ///< the activities of a day of the coming week (from home)
    StaffPin,           ///< staff mode: the PIN keypad (after the long-press or a badge scan)
    StaffMenu,          ///< staff mode: what staff can do, who is logged in, logout
    StaffStatus,        ///< staff mode: link, last sync, outbox, printer, reprint, test print, version
    StaffPickups,       ///< staff mode: today's pick-ups (reservations awaiting hand-over)
    StaffCheckOutUnit,  ///< check-out: scan or type the inventory number
    StaffCheckOutLoan,  ///< check-out: reservation or walk-in, borrower, PESEL, due date
    StaffCheckOutDone,  ///< check-out: stored, the agreement printing in two copies
    StaffCheckIn,       ///< check-in: the unit, condition, notes
    StaffCheckInDone,   ///< check-in: stored, the return confirmation printing
    StaffLoans,         ///< open loans, with extension
    StaffOverdue,       ///< overdue loans: name, phone, days overdue
    StaffUnits,         ///< every unit's state, "cleaning done"
};

/// Stable lower-case name for logs and automation ("attract", "service-page").
std::string_view screenName(ScreenId id);

} // namespace okienko::kiosk
