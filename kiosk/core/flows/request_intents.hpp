// What the counselling, callback and feedback screens ask for. They travel inside one Intent
// alternative (RequestIntent) so the shared intent list stays short; RequestFlows applies them.
#pragma once

#include "kiosk/core/flows/request_flow_state.hpp"
#include "kiosk/core/keyboard_layout.hpp"
#include "shared/domain/area.hpp"
#include "shared/domain/callback.hpp"

#include <optional>
#include <string>
#include <variant>

namespace okienko::kiosk
{

/// Home tile: start "Porozmawiaj ze specjalistą".
struct StartCounselling
{
};
/// First step: the kind (the only step that names it).
struct ChooseCounsellingKind
{
    std::string kindId;
};
/// Slot step: a published slot, or nullopt for "contact me to arrange".
struct ChooseCounsellingSlot
{
    std::optional<std::string> slotId;
};
/// Home tile: start "Proszę o telefon".
struct StartCallback
{
};
struct ChooseCallbackDay
{
    CallbackDay day = CallbackDay::Today;
};
struct ChooseCallbackDayPart
{
    domain::DayPart part = domain::DayPart::Morning;
};
/// "" = no particular topic.
struct ChooseCallbackTopic
{
    std::string serviceId;
};
/// A key of a flow's keyboard or keypad.
struct RequestKey
{
    RequestField field = RequestField::CallbackPhone;
    Key key;
};
/// Which field of a two-field step the keyboard types into.
struct FocusRequestField
{
    RequestField field = RequestField::CounsellingName;
};
/// "Next" on the current step: validates it and moves on, or shows what is wrong.
struct NextStep
{
};
/// The RODO information clause was read and accepted (or the tick taken away).
struct SetConsent
{
    bool accepted = false;
};
/// "Send" on the summary step. A second tap while the first is in progress or done does nothing.
struct ConfirmRequest
{
};
/// One-tap rating after a flow: 1…5.
struct RateFlow
{
    int rating = 0;
};
struct SkipRating
{
};
/// Opens the idea box (from a done screen or the home screen).
struct OpenIdeaBox
{
};
struct ChooseIdeaArea
{
    std::optional<domain::Area> area;
};
struct SubmitIdea
{
};
/// "Finish" on a done screen: back to the home screen with the flow erased.
struct FinishFlow
{
};

using RequestAction =
    std::variant<StartCounselling, ChooseCounsellingKind, ChooseCounsellingSlot, StartCallback, ChooseCallbackDay,
                 ChooseCallbackDayPart, ChooseCallbackTopic, RequestKey, FocusRequestField, NextStep, SetConsent,
                 ConfirmRequest, RateFlow, SkipRating, OpenIdeaBox, ChooseIdeaArea, SubmitIdea, FinishFlow>;

/// The one Intent alternative that carries a flow action.
struct RequestIntent
{
    RequestAction action;
};

} // namespace okienko::kiosk
