// Long-press detection (see long_press.hpp).
#include "kiosk/ui/widgets/long_press.hpp"

#include "kiosk/ui/widgets/big_button.hpp"

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
    return held >= seconds && before < seconds;
}

} // namespace okienko::kiosk::ui
