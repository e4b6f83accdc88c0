// The step line of the resident flows ("Krok 2 z 4" and its bar), in the session's language.
#pragma once

#include "kiosk/ui/screens/screen_env.hpp"
#include "kiosk/ui/ui_context.hpp"

#include <string>

namespace okienko::kiosk::ui
{

/// Step numbers of the equipment reservation: type, dates, clause, personal data, summary.
inline constexpr int kEquipmentSteps = 5;
/// Counselling: kind, slot, contact, consent.
inline constexpr int kCounsellingSteps = 4;
/// Callback: phone, when, topic, first name, confirm.
inline constexpr int kCallbackSteps = 5;

void drawFlowStep(const ScreenEnv& env, UiContext& ctx, int step, int total);
/// The step's title and its step line. On a short landscape output (1280×720) the step stands at the
/// right end of the title's row when the title fits beside it: a row of chrome less over the
/// step's content (the RODO clause, its tick and Send in sight together). `withKeys`: the step has
/// a keypad or keyboard up; a title that would take two lines in the title face ("Поговорити зі
/// спеціалістом" on a 720-px panel in large text) is drawn in the bold face then, so the list over the
/// keys keeps room for the field, its label and the button under it.
void drawFlowHeading(const ScreenEnv& env, UiContext& ctx, const std::string& title, int step, int total,
                     bool withKeys = false);

} // namespace okienko::kiosk::ui
