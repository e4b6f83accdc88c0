// The staff screens' shared frame (see staff_frame.hpp).
#include "kiosk/ui/screens/staff_frame.hpp"

#include "kiosk/ui/screens/request_screen_parts.hpp" // keypadHeight, letterKeyboardHeight
#include "kiosk/ui/screens/screen_frame.hpp"
#include "kiosk/ui/widgets/big_button.hpp"
#include "kiosk/ui/widgets/text.hpp"

#include <algorithm>
#include <string>

namespace okienko::kiosk::ui
{
void beginStaffScreen(const ScreenEnv& env, UiContext& ctx, Intents& out, const char* windowId,
                      const StaffFrameOptions& options)
{
    beginScreen(ctx, windowId);
    if (options.menu)
    {
        // Always first and always this wide, so a hand finds it without reading the screen.
        ButtonOptions menu;
        menu.id = "staff-to-menu";
        menu.size = ImVec2(std::max(ctx.minTargetPx() * 2.0f, ctx.em(6.0f)), 0);
        if (BigButton(ctx, env.tr.tr("staff.to_menu") + "##staff-to-menu", menu))
            out.emplace_back(StaffEntryIntent{staff_entry::ShowMenu{}});
        ImGui::SameLine();
    }
    if (options.back)
    {
        ButtonOptions back;
        back.id = "back";
        if (BigButton(ctx, env.tr.tr("checkout.back") + "##back", back))
            out.emplace_back(GoBack{});
        ImGui::SameLine();
    }
    drawTopBar(env, ctx, out, {.backAndHome = false}); // the language buttons, right-aligned
    ImGui::Spacing();
    Title(ctx, options.title);
    // Who is logged in, on its own line: in the bar it would not fit beside Menu, Back and the
    // languages in every language and text size.
    if (const std::optional<StaffSession>& who = env.state.staff.session)
        ParagraphColored(ctx, env.tr.format("staff.menu.logged_in", {{"name", who->name}}), ctx.palette.mutedText);
    ImGui::Spacing();
}

float staffContentHeight(const ScreenEnv& env, const UiContext& ctx, StaffKeys keys)
{
    float below = 0.0f;
    if (keys == StaffKeys::Letters)
        below = letterKeyboardHeight(ctx, env);
    else if (keys == StaffKeys::Keypad)
        below = keypadHeight(ctx);
    return ImGui::GetContentRegionAvail().y - bottomBarHeight(ctx) - below;
}

void endStaffScreen(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    drawBottomBar(env, ctx, out);
    endScreen();
}

} // namespace okienko::kiosk::ui
