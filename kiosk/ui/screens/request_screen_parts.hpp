// Pieces the counselling, callback and idea-box screens share: the step frame, the validation
// message, Next/Send buttons, keypad and keyboard sizing, the RODO clause, slot and phone texts.
#pragma once

#include "kiosk/core/flows/request_flow_state.hpp"
#include "kiosk/core/text_buffer.hpp"
#include "kiosk/ui/screens/screen_env.hpp"
#include "kiosk/ui/ui_context.hpp"

#include <string>

namespace okienko::kiosk::ui
{

/// Emits a flow action as an intent.
template <typename A> void emit(Intents& out, A action)
{
    out.emplace_back(RequestIntent{RequestAction{std::move(action)}});
}

/// The current step's message (a translation key), in the warning colour; nothing when empty.
/// `minChars`/`maxChars` fill "{min}"/"{max}" of a length message: the limits the step checked.
void drawFlowError(const ScreenEnv& env, UiContext& ctx, const std::string& errorKey, std::size_t minChars = 1,
                   std::size_t maxChars = kIdeaMaxCodePoints);
/// A full-width primary button; true when tapped.
bool wideButton(UiContext& ctx, const std::string& label, const char* id, bool primary = true, bool enabled = true);
/// Height of the numeric keypad / the letter keyboard at the kiosk's key size.
float keypadHeight(const UiContext& ctx);
float letterKeyboardHeight(const UiContext& ctx, const ScreenEnv& env);
/// Under a field: why its last character was not taken (too long, a digit in a name…), in the
/// warning colour; nothing when the field took everything. `personName`: the field holds a name.
void drawInputNotice(const ScreenEnv& env, UiContext& ctx, const TextBuffer& buffer, bool personName);
/// "Wt 25.11, 10:00–11:00, pokój 12".
std::string slotText(const ScreenEnv& env, const SlotOption& slot);
/// The RODO information clause and the acknowledgement toggle.
void drawConsent(const ScreenEnv& env, UiContext& ctx, Intents& out, bool accepted);
/// How the slip went: printing, printed, failed (code stays on screen), no printer.
void drawSlipStatus(const ScreenEnv& env, UiContext& ctx, SlipStatus status);

} // namespace okienko::kiosk::ui
