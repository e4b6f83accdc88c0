// Long-press detection (see long_press.hpp).
#include "kiosk/ui/widgets/long_press.hpp"

#include "kiosk/ui/widgets/big_button.hpp"

#include <algorithm>

namespace okienko::kiosk::ui
{

bool LongPressed(UiContext& ctx, float seconds)
{
    if (!ImGui::IsItemActive() || touchDragged(ctx))
        return false;
    const ImGuiIO& io = ImGui::GetIO();
    const float held = io.MouseDownDuration[0];
    // Keep frames coming while the finger is down, or the threshold is never observed.
    ctx.animating = true;
    const float before = held - io.DeltaTime;
    // A ring that fills while the finger stays: the person sees that holding does something.
    const float progress = std::min(held / seconds, 1.0f);
    if (progress > 0.0f && progress < 1.0f)
    {
        const ImVec2 mn = ImGui::GetItemRectMin();
        const ImVec2 mx = ImGui::GetItemRectMax();
        const ImVec2 c((mn.x + mx.x) * 0.5f, (mn.y + mx.y) * 0.5f);
        const float r = std::max(mx.x - mn.x, mx.y - mn.y) * 0.5f + ctx.em(0.3f);
        constexpr float kTop = -1.5707964f;
        ImDrawList* list = ImGui::GetForegroundDrawList();
        list->PathArcTo(c, r, kTop, kTop + progress * 6.2831855f, 48);
        list->PathStroke(packed(ctx.palette.accent), ImDrawFlags_None, ctx.em(0.25f));
    }
    ctx.longPressProgress = progress;
    return held >= seconds && before < seconds;
}

} // namespace okienko::kiosk::ui
