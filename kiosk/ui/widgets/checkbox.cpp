// Checkbox (see checkbox.hpp).
#include "kiosk/ui/widgets/checkbox.hpp"

#include "kiosk/ui/widgets/big_button.hpp"
#include "kiosk/ui/widgets/shapes.hpp"
#include "kiosk/ui/widgets/text.hpp"

#include <algorithm>
#include <string>

namespace okienko::kiosk::ui
{

bool Checkbox(UiContext& ctx, std::string_view label, bool checked, std::string_view id)
{
    const ImGuiStyle& style = ImGui::GetStyle();
    const float w = ImGui::GetContentRegionAvail().x;
    const float pad = style.FramePadding.x;
    const float box = std::max(ctx.em(1.6f), ctx.minTargetPx() * 0.6f);
    const float textX = pad + box + pad;
    const float textW = std::max(1.0f, w - textX - pad);
    // Wrapped like a paragraph (a date stays whole); a word too wide in large text takes the normal size.
    ImFont* font = readableFace(ctx, ImGui::GetFont(), textW, label);
    const float fontSize = font->FontSize;
    const float textH = wrappedHeight(font, fontSize, textW, label);
    const float h = std::max({ctx.minTargetPx(), textH + style.FramePadding.y * 2, box + style.FramePadding.y * 2});

    const std::string imguiId = "##checkbox-" + std::string(id);
    const bool released = ImGui::InvisibleButton(imguiId.c_str(), ImVec2(w, h));
    const bool held = ImGui::IsItemActive();
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    Spoken spoken;
    spoken.role = SpokenRole::Checkbox;
    spoken.state = checked ? SpokenState::Checked : SpokenState::Unchecked;
    ctx.record.addTarget(label, min, max, true, id, spoken);

    const Palette& p = ctx.palette;
    ImDrawList* list = ImGui::GetWindowDrawList();
    // The row reads as one control: a card with a border, stronger when ticked.
    FillRoundedRectWithBorder(list, min, max, packed(held ? p.surfaceHot : (checked ? p.selected : p.surface)),
                              packed(checked ? p.accent : p.border), style.FrameRounding,
                              checked ? style.FrameBorderSize * 2 : style.FrameBorderSize);
    // Beside a label of several lines the box stands at its first line, so a row half scrolled
    // into a list still shows what to tick.
    const float boxTop = textH > box ? min.y + (h - textH) * 0.5f : min.y + (h - box) * 0.5f;
    const ImVec2 boxMin(min.x + pad, boxTop);
    const ImVec2 boxMax(boxMin.x + box, boxMin.y + box);
    const float line = std::max(2.0f, box * 0.1f);
    FillRoundedRectWithBorder(list, boxMin, boxMax, packed(checked ? p.accent : p.background), packed(p.text),
                              box * 0.15f, line);
    if (checked)
    {
        // The tick: two strokes, in the accent's text colour on the filled box.
        const ImVec2 a(boxMin.x + box * 0.22f, boxMin.y + box * 0.52f);
        const ImVec2 b(boxMin.x + box * 0.42f, boxMin.y + box * 0.72f);
        const ImVec2 c(boxMin.x + box * 0.78f, boxMin.y + box * 0.30f);
        list->AddLine(a, b, packed(p.accentText), line * 1.4f);
        list->AddLine(b, c, packed(p.accentText), line * 1.4f);
    }
    const ImVec2 textPos(min.x + textX, min.y + (h - textH) * 0.5f);
    drawLeftWrapped(list, font, fontSize, textPos, textW, packed(p.text), label);
    if (breaksWord(font, fontSize, textW, label))
        ctx.record.addClip("word-broken", id, min, max);
    return released && !touchDragged(ctx);
}

} // namespace okienko::kiosk::ui
