// Step indicator (see step_indicator.hpp).
#include "kiosk/ui/widgets/step_indicator.hpp"

#include "kiosk/ui/widgets/shapes.hpp"
#include "kiosk/ui/widgets/text.hpp"

#include <algorithm>

namespace okienko::kiosk::ui
{

void StepIndicator(UiContext& ctx, std::string_view text, int step, int total)
{
    if (total < 1)
        return;
    step = std::clamp(step, 1, total);
    ImFont* font = ctx.faces().bold;
    const float w = ImGui::GetContentRegionAvail().x;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float textH = wrappedHeight(font, font->FontSize, w, text);
    const float barH = std::max(4.0f, ctx.em(0.35f));
    const float gap = ctx.em(0.3f);
    ImDrawList* list = ImGui::GetWindowDrawList();
    drawLeftWrapped(list, font, font->FontSize, p, w, packed(ctx.palette.text), text);
    ctx.record.addText(text);
    const float segGap = ctx.em(0.3f);
    const float segW = (w - segGap * static_cast<float>(total - 1)) / static_cast<float>(total);
    const float y = p.y + textH + gap;
    for (int i = 0; i < total; ++i)
    {
        const float x = p.x + static_cast<float>(i) * (segW + segGap);
        // Done and current steps filled in the accent colour, the rest as a light outline colour.
        const ImVec4& c = i < step ? ctx.palette.accent : ctx.palette.border;
        FillRoundedRect(list, ImVec2(x, y), ImVec2(x + segW, y + barH), packed(c), barH * 0.5f);
    }
    ImGui::Dummy(ImVec2(w, textH + gap + barH));
}

} // namespace okienko::kiosk::ui
