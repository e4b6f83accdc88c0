// Configuration error screen (see config_error_screen.hpp).
#include "kiosk/ui/screens/config_error_screen.hpp"

#include "kiosk/ui/screens/screen_frame.hpp"
#include "kiosk/ui/widgets/text.hpp"
#include "kiosk/ui/widgets/touch_scroll.hpp"

namespace okienko::kiosk::ui
{

void drawConfigErrorScreen(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    (void)out;
    beginScreen(ctx, "##config-error");
    Title(ctx, env.tr.tr("config_error.title"));
    Paragraph(ctx, env.tr.tr("config_error.body"));
    ImGui::Spacing();
    Label(ctx, env.tr.tr("config_error.details"));
    Paragraph(ctx, env.tr.format("config_error.count", {{"count", std::to_string(env.state.configErrors.size())}}));
    TouchScrollBegin(ctx, "##errors", ImVec2(0, 0));
    for (const std::string& line : env.state.configErrors)
    {
        Paragraph(ctx, line);
        Divider(ctx);
    }
    TouchScrollEnd(ctx);
    endScreen();
}

} // namespace okienko::kiosk::ui
