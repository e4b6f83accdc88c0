// Text field drawing (see text_field.hpp).
#include "kiosk/ui/widgets/text_field.hpp"

#include "kiosk/ui/widgets/shapes.hpp"

#include <algorithm>
#include <cfloat>

namespace okienko::kiosk::ui
{

void TextField(UiContext& ctx, std::string_view text, std::string_view placeholder, float width,
               std::string_view suffix)
{
    const ImGuiStyle& style = ImGui::GetStyle();
    ImFont* font = ctx.faces().bold;
    const float h = std::max(ctx.minTargetPx(), font->FontSize + style.FramePadding.y * 2);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + width, min.y + h);
    ImDrawList* list = ImGui::GetWindowDrawList();
    FillRoundedRectWithBorder(list, min, max, packed(ctx.palette.surface), packed(ctx.palette.accent),
                              style.FrameRounding, style.FrameBorderSize * 1.5f);
    const float y = min.y + (h - font->FontSize) * 0.5f;
    float x = min.x + style.FramePadding.x;
    list->PushClipRect(min, max, true);
    if (text.empty())
    {
        list->AddText(ctx.faces().body, ctx.faces().body->FontSize, ImVec2(x, y), packed(ctx.palette.mutedText),
                      placeholder.data(), placeholder.data() + placeholder.size());
        ctx.record.addText(placeholder);
    }
    else
    {
        const ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.data(), text.data() + text.size());
        // Long text scrolls left so the caret end stays visible.
        const float room = width - style.FramePadding.x * 3;
        if (ts.x > room)
            x -= ts.x - room;
        list->AddText(font, font->FontSize, ImVec2(x, y), packed(ctx.palette.text), text.data(),
                      text.data() + text.size());
        x += ts.x;
        ctx.record.addText(text);
    }
    // Caret: a steady bar (no blinking, so an idle kiosk draws nothing).
    const float caretX = text.empty() ? min.x + style.FramePadding.x : x + 2.0f;
    list->AddRectFilled(ImVec2(caretX, y), ImVec2(caretX + 3.0f * ctx.uiScale, y + font->FontSize),
                        packed(ctx.palette.accent));
    if (!suffix.empty())
    {
        const ImVec2 ss =
            font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, suffix.data(), suffix.data() + suffix.size());
        list->AddText(font, font->FontSize, ImVec2(max.x - style.FramePadding.x - ss.x, y),
                      packed(ctx.palette.mutedText), suffix.data(), suffix.data() + suffix.size());
        ctx.record.addText(suffix);
    }
    list->PopClipRect();
    ImGui::Dummy(ImVec2(width, h));
}

} // namespace okienko::kiosk::ui
