// Pieces the counselling, callback and idea-box screens share: the step frame, the validation
// message, Next/Send buttons, keypad and keyboard sizing, the RODO clause, slot and phone texts.
#pragma once

#include "kiosk/core/flows/request_flow_state.hpp"
#include "kiosk/core/text_buffer.hpp"
#include "kiosk/ui/screens/screen_env.hpp"
#include "kiosk/ui/ui_context.hpp"

#include <functional>
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
/// The last step of a request: what will be sent, the RODO information clause, its acknowledgement
/// tick (id "consent") and Send (id "send").
struct ConsentStepView
{
    const char* id = "##consent";
    std::function<void()> summary; ///< what will be sent: a Label and its Paragraphs
    bool accepted = false;
    std::string errorKey; ///< the step's message (a translation key), empty for none
    std::string note;     ///< a line above Send ("checking…"), empty for none
    bool sendEnabled = true;
};
/// Draws the step; true on the frame Send is tapped. Portrait: one column, the screen's list scrolls.
/// Landscape: the summary on the left, the clause, the tick and Send beside it in a list down to
/// where the screen's list ends, opened (and reopened when the language, the text size or the
/// message change) scrolled so the tick down to Send is whole in sight. A short landscape output
/// (1280×720) has not the height for the clause's start, the tick and Send in one pane: there the
/// summary and the clause each scroll in a pane of their own, and the message, the tick and Send
/// stand in one row across the screen under them, so all three are in sight at once.
bool drawConsentStep(const ScreenEnv& env, UiContext& ctx, Intents& out, const ConsentStepView& view);
/// How the slip went: printing, printed, failed (code stays on screen), no printer.
void drawSlipStatus(const ScreenEnv& env, UiContext& ctx, SlipStatus status);

} // namespace okienko::kiosk::ui
