// Screen dispatch (see screens.hpp).
#include "kiosk/ui/screens/screens.hpp"

#include "kiosk/ui/screens/attract_screen.hpp"
#include "kiosk/ui/screens/callback_screens.hpp"
#include "kiosk/ui/screens/catalogue_screen.hpp"
#include "kiosk/ui/screens/check_out_screens.hpp"
#include "kiosk/ui/screens/config_error_screen.hpp"
#include "kiosk/ui/screens/counselling_screens.hpp"
#include "kiosk/ui/screens/emergency_help_screen.hpp"
#include "kiosk/ui/screens/equipment_screens.hpp"
#include "kiosk/ui/screens/fee_calculator_screen.hpp"
#include "kiosk/ui/screens/feedback_screens.hpp"
#include "kiosk/ui/screens/home_screen.hpp"
#include "kiosk/ui/screens/idle_warning_overlay.hpp"
#include "kiosk/ui/screens/loan_desk_screens.hpp"
#include "kiosk/ui/screens/schedule_screen.hpp"
#include "kiosk/ui/screens/screen_frame.hpp"
#include "kiosk/ui/screens/service_page_screen.hpp"
#include "kiosk/ui/screens/speech_help_screen.hpp"
#include "kiosk/ui/screens/staff_entry_screens.hpp"

namespace okienko::kiosk::ui
{

namespace
{

void drawScreen(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    switch (env.state.router.current())
    {
    case ScreenId::Attract:
        drawAttractScreen(env, ctx, out);
        break;
    case ScreenId::Home:
        drawHomeScreen(env, ctx, out);
        break;
    case ScreenId::Catalogue:
        drawCatalogueScreen(env, ctx, out);
        break;
    case ScreenId::ServicePage:
        drawServicePageScreen(env, ctx, out);
        break;
    case ScreenId::FeeCalculator:
        drawFeeCalculatorScreen(env, ctx, out);
        break;
    case ScreenId::ConfigError:
        drawConfigErrorScreen(env, ctx, out);
        break;
    case ScreenId::EquipmentTypes:
        drawEquipmentTypesScreen(env, ctx, out);
        break;
    case ScreenId::EquipmentDates:
        drawEquipmentDatesScreen(env, ctx, out);
        break;
    case ScreenId::EquipmentClause:
        drawEquipmentClauseScreen(env, ctx, out);
        break;
    case ScreenId::EquipmentPerson:
        drawEquipmentPersonScreen(env, ctx, out);
        break;
    case ScreenId::EquipmentSummary:
        drawEquipmentSummaryScreen(env, ctx, out);
        break;
    case ScreenId::EquipmentDone:
        drawEquipmentDoneScreen(env, ctx, out);
        break;
    case ScreenId::CounsellingKind:
    case ScreenId::CounsellingSlot:
    case ScreenId::CounsellingContact:
    case ScreenId::CounsellingConsent:
    case ScreenId::CounsellingDone:
        drawCounsellingScreen(env, ctx, out);
        break;
    case ScreenId::CallbackPhone:
    case ScreenId::CallbackWhen:
    case ScreenId::CallbackTopic:
    case ScreenId::CallbackName:
    case ScreenId::CallbackConfirm:
    case ScreenId::CallbackDone:
        drawCallbackScreen(env, ctx, out);
        break;
    case ScreenId::IdeaBox:
        drawIdeaBoxScreen(env, ctx, out);
        break;
    case ScreenId::EmergencyHelp:
        drawEmergencyHelpScreen(env, ctx, out);
        break;
    case ScreenId::SpeechHelp:
        drawSpeechHelpScreen(env, ctx, out);
        break;
    case ScreenId::Schedule:
        drawScheduleScreen(env, ctx, out);
        break;
    case ScreenId::StaffPin:
    case ScreenId::StaffMenu:
    case ScreenId::StaffStatus:
        drawStaffEntryScreen(env, ctx, out);
        break;
    case ScreenId::StaffPickups:
    case ScreenId::StaffCheckOutUnit:
    case ScreenId::StaffCheckOutLoan:
    case ScreenId::StaffCheckOutDone:
        drawCheckOutScreen(env, ctx, out);
        break;
    case ScreenId::StaffCheckIn:
    case ScreenId::StaffCheckInDone:
    case ScreenId::StaffLoans:
    case ScreenId::StaffOverdue:
    case ScreenId::StaffUnits:
        drawLoanDeskScreen(env, ctx, out);
        break;
    }
}

} // namespace

void drawFrame(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    ctx.record.clear();
    ctx.animating = false;
    ctx.screenVisit = env.state.router.visit();
    ImGui::PushFont(ctx.faces().body);
    prepareScreenFrame(env, ctx);
    // Under the idle warning the screen is not drawn at all: its personal data (name, phone) must
    // not be readable by whoever walks up next, and nothing behind the warning can take a touch.
    if (env.state.idle.visible)
        drawIdleWarningOverlay(env, ctx, out);
    else
        drawScreen(env, ctx, out);
    ImGui::PopFont();
}

} // namespace okienko::kiosk::ui
