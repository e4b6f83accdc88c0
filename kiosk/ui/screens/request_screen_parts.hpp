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
/// The RODO information clause and the acknowledgement toggle; returns where the toggle starts
/// (ImGui::GetCursorPosY()) for keepConsentInSight.
float drawConsent(const ScreenEnv& env, UiContext& ctx, Intents& out, bool accepted);
/// With two panes (`split`), the clause, its toggle and Send scroll in a list of their own beside the
/// summary, down to where the screen's list ends: the summary stays in sight while the pane opens
/// at the toggle. Pair with endConsentPane.
void beginConsentPane(UiContext& ctx, bool split);
void endConsentPane(UiContext& ctx, bool split);
/// Call after Send: when the toggle does not fit under the clause (1280x720 in large text), its list
/// opens scrolled so the toggle, from `tickTop`, down to Send is whole in sight, and again when the
/// language, the text size or the step's message (`errorKey`) change what stands above and between
/// them; the clause above is a drag away.
void keepConsentInSight(const ScreenEnv& env, const UiContext& ctx, float tickTop, const std::string& errorKey);
/// How the slip went: printing, printed, failed (code stays on screen), no printer.
void drawSlipStatus(const ScreenEnv& env, UiContext& ctx, SlipStatus status);

} // namespace okienko::kiosk::ui
