// What the equipment screens ask of the equipment flow. One Intent alternative (EquipmentIntent)
// carries them all, so the shared intent list grows by one entry, not fifteen.
#pragma once

#include "kiosk/core/flows/equipment_state.hpp"
#include "kiosk/core/keyboard_layout.hpp"
#include "shared/util/date.hpp"

#include <string>
#include <variant>

namespace okienko::kiosk
{
namespace equipment
{

/// "Wypożycz sprzęt" (home tile or the rental service's action): the list of types.
struct Start
{
};
/// A type in the list: on to the dates, with the type's default period.
struct SelectType
{
    std::string typeId;
};
/// The calendar's previous (-1) / next (+1) month buttons.
struct ShowMonth
{
    int delta = 1;
};
struct PickDate
{
    Date date;
};
/// The loan length in days (clamped to 1 … the type's maximum).
struct SetDays
{
    int days = 1;
};
/// "Dalej" on the date step: checks the dates and availability.
struct DatesNext
{
};
/// "Zapoznałem się" on the information clause.
struct AcknowledgeClause
{
};
/// A tap on a field of the personal-data step.
struct Focus
{
    PersonField field = PersonField::Name;
};
/// A key of the keyboard or keypad, for the focused field.
struct Press
{
    Key key;
};
struct ToggleOnBehalf
{
};
struct ToggleResidency
{
};
/// "Dalej" on the personal-data step: validates every field.
struct PersonNext
{
};
/// "Potwierdź" on the summary: one request, however often it is tapped.
struct Confirm
{
};
/// Nothing free: ask to be phoned when a unit comes back.
struct JoinWaitingList
{
};
/// Leave the flow: everything entered is erased.
struct Cancel
{
};

using Action = std::variant<Start, SelectType, ShowMonth, PickDate, SetDays, DatesNext, AcknowledgeClause, Focus, Press,
                            ToggleOnBehalf, ToggleResidency, PersonNext, Confirm, JoinWaitingList, Cancel>;

} // namespace equipment

struct EquipmentIntent
{
    equipment::Action action;
};

} // namespace okienko::kiosk
