// The screens of the equipment reservation flow: type list, pick-up date and period, information
// clause, personal data, summary with Confirm, and the confirmation with the code. They read
// AppState::equipment and emit EquipmentIntents; the flow (kiosk/core/flows) does the rest.
#pragma once

#include "kiosk/ui/screens/screen_env.hpp"
#include "kiosk/ui/ui_context.hpp"

namespace okienko::kiosk::ui
{

void drawEquipmentTypesScreen(const ScreenEnv& env, UiContext& ctx, Intents& out);
void drawEquipmentDatesScreen(const ScreenEnv& env, UiContext& ctx, Intents& out);
void drawEquipmentClauseScreen(const ScreenEnv& env, UiContext& ctx, Intents& out);
void drawEquipmentPersonScreen(const ScreenEnv& env, UiContext& ctx, Intents& out);
void drawEquipmentSummaryScreen(const ScreenEnv& env, UiContext& ctx, Intents& out);
void drawEquipmentDoneScreen(const ScreenEnv& env, UiContext& ctx, Intents& out);

/// "25.11.2026".
std::string formatDay(const Date& date);

} // namespace okienko::kiosk::ui
