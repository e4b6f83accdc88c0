// Idle warning overlay (see idle_warning_overlay.hpp).
#include "kiosk/ui/screens/idle_warning_overlay.hpp"

#include "kiosk/ui/widgets/big_button.hpp"
#include "kiosk/ui/widgets/modal.hpp"
#include "kiosk/ui/widgets/text.hpp"

#include <string>

namespace okienko::kiosk::ui
{

void drawIdleWarningOverlay(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    // Opaque: whoever walks up next must not read the name or the phone number behind it.
    ModalBegin(ctx, "##idle-warning", 0.8f, ModalBackdrop::Opaque);
    Title(ctx, env.tr.tr("idle.title"));
    // The seconds keep their unit on the same line ("30 s", not "30" above "s" on a narrow panel).
    const std::string seconds = std::to_string(env.state.idle.secondsLeft);
    std::string countdown = env.tr.format("idle.countdown", {{"seconds", seconds}});
    if (const std::size_t at = countdown.find(seconds + " "); at != std::string::npos)
        countdown.replace(at + seconds.size(), 1, "\u00A0");
    Paragraph(ctx, countdown);
    ParagraphColored(ctx, env.tr.tr("idle.data_wiped"), ctx.palette.mutedText);
    ImGui::Spacing();
    ButtonOptions more;
    more.style = ButtonStyle::Primary;
    more.size = ImVec2(ImGui::GetContentRegionAvail().x, ctx.em(2.6f));
    more.id = "more-time";
    if (BigButton(ctx, env.tr.tr("idle.more_time") + "##more-time", more))
        out.emplace_back(MoreTime{});
    ButtonOptions finish;
    finish.size = ImVec2(ImGui::GetContentRegionAvail().x, 0);
    finish.id = "finish";
    if (BigButton(ctx, env.tr.tr("idle.finish") + "##finish", finish))
        out.emplace_back(EndSession{});
    ModalEnd();
}

} // namespace okienko::kiosk::ui
