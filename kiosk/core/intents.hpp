// What screens ask for. A screen reads AppState and appends intents; only the Controller changes
// state. Keeping intents as plain values makes every user action testable without ImGui.
#pragma once

#include "kiosk/core/app_state.hpp"
#include "kiosk/core/flows/equipment_intents.hpp"
#include "kiosk/core/flows/request_intents.hpp"
#include "kiosk/core/keyboard_layout.hpp"
#include "kiosk/core/screen_id.hpp"
#include "kiosk/core/staff/check_out_intents.hpp"
#include "kiosk/core/staff/loan_desk_intents.hpp"
#include "kiosk/core/staff/staff_entry_intents.hpp"
#include "shared/domain/area.hpp"
#include "shared/domain/language.hpp"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace okienko::kiosk
{

struct StartSession
{
};
struct GoBack
{
};
struct GoHome
{
};
struct OpenScreen
{
    ScreenId screen = ScreenId::Home;
};
struct SetLanguage
{
    domain::Language language = domain::Language::Pl;
};
struct ToggleLargeText
{
};
struct ToggleHighContrast
{
};
/// The speech key (bottom bar, the long-press on the start screen, the keypad's key): voice on or off.
struct ToggleSpeech
{
};
/// Slower/faster (`rateSteps`) and quieter/louder (`volumeSteps`), each -1, 0 or +1 step.
struct AdjustSpeech
{
    int rateSteps = 0;
    int volumeSteps = 0;
};
struct SetBrowseMode
{
    BrowseMode mode = BrowseMode::Areas;
};
/// nullopt: back to the list of areas.
struct SelectArea
{
    std::optional<domain::Area> area;
};
/// nullopt: back to the list of groups.
struct SelectGroup
{
    std::optional<domain::TargetGroup> group;
};
struct OpenService
{
    std::string serviceId;
};
struct OpenFeeCalculator
{
    std::string feeTableId;
};
/// "Drukuj informację" on a service page.
struct PrintServiceInfo
{
    std::string serviceId;
};
/// A key of the on-screen keyboard or keypad, for one field.
struct PressKey
{
    FieldId field = FieldId::Search;
    Key key;
};
struct ClearField
{
    FieldId field = FieldId::Search;
};
struct SetHousehold
{
    Household household = Household::Single;
};
/// "I need more time" on the idle warning.
struct MoreTime
{
};
/// "Finish" on the idle warning: wipe now instead of waiting for the countdown.
struct EndSession
{
};

/// A day of the schedule screen: 0 today … kScheduleDays - 1.
struct SelectScheduleDay
{
    int day = 0;
};

/// Text from a physical (USB) keyboard for the focused field; ignored when no field is focused.
struct TypeText
{
    std::string text;
};
/// Backspace on a physical keyboard: deletes the focused field's last character.
struct EraseText
{
};
/// Enter on a physical keyboard (not part of a scan): the PIN keypad's OK and the staff screens' Done
/// (the inventory number is looked up); elsewhere nothing.
struct SubmitField
{
};
/// A barcode/QR code read by the keyboard-wedge scanner (without the final Enter). A staff badge
/// opens the PIN keypad; staff screens take inventory numbers; the catalogue puts it into its
/// search field; elsewhere it is ignored.
struct Scanned
{
    std::string code;
};

using Intent = std::variant<StartSession, GoBack, GoHome, OpenScreen, SetLanguage, ToggleLargeText, ToggleHighContrast,
                            ToggleSpeech, AdjustSpeech, SetBrowseMode, SelectArea, SelectGroup, OpenService,
                            OpenFeeCalculator, PressKey, ClearField, SetHousehold, MoreTime, EndSession,
                            EquipmentIntent, RequestIntent, PrintServiceInfo, TypeText, EraseText, SubmitField, Scanned,
                            StaffEntryIntent, CheckOutIntent, LoanDeskIntent, SelectScheduleDay>;
using Intents = std::vector<Intent>;

} // namespace okienko::kiosk
