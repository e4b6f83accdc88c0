// The one completion screen every resident flow ends on (equipment, counselling, callback): a
// title, the reference code in a big card, what happens next, the slip's status, the rating and
// Start, which ends the session and is always in sight (never under the fold). In landscape the code
// sits on the left and the rest on the right.
#pragma once

#include "kiosk/ui/screens/screen_env.hpp"
#include "kiosk/ui/ui_context.hpp"

#include <functional>
#include <string>
#include <vector>

namespace okienko::kiosk::ui
{

struct CompletionView
{
    std::string title;
    std::string codeLabel;
    std::string code;              ///< "" draws no card (nothing was stored)
    std::vector<std::string> next; ///< what happens next, one paragraph each
    std::string listLabel;         ///< "Zabierz ze sobą:" above `list` (when not empty)
    std::vector<std::string> list;
    std::function<void()> slipStatus; ///< draws how the slip went (each flow keeps its wording)
    bool rating = true;
    const char* finishId = "finish"; ///< the Start button's id
    const char* scrollId = "##done"; ///< the scrolled part's ImGui id
    std::function<void()> after;     ///< drawn at the end of the scrolled part (the flow's own notes)
};

/// Draws the view from the title down to the bottom bar: the rest scrolls, Start stays in sight
/// under it. True when Start was tapped (it emits EndSession:
/// the session ends and the start screen comes back).
bool drawCompletion(const ScreenEnv& env, UiContext& ctx, Intents& out, const CompletionView& view);

} // namespace okienko::kiosk::ui
