// BigButton (see big_button.hpp).
#include "kiosk/ui/widgets/big_button.hpp"

#include "kiosk/ui/widgets/shapes.hpp"
#include "kiosk/ui/widgets/text.hpp"

#include <algorithm>
#include <cfloat>
#include <string>

namespace okienko::kiosk::ui
{

bool touchDragged(const UiContext& ctx)
{
    // 3 mm: finger jitter on a tap stays well below, a deliberate scroll goes well beyond.
    const float limit = 3.0f * ctx.pxPerMm;
    return ImGui::GetIO().MouseDragMaxDistanceSqr[0] > limit * limit;
}

float naturalButtonWidth(const UiContext& ctx, std::string_view label)
{
    const std::string_view visible = visibleLabel(label);
    const float text = ImGui::CalcTextSize(visible.data(), visible.data() + visible.size()).x;
    // One pixel more: a label exactly as wide as its box would wrap its last letter.
    return std::max(ctx.minTargetPx(), text + ImGui::GetStyle().FramePadding.x * 2.0f + 1.0f);
}

ImVec2 BigButtonSize(const UiContext& ctx, std::string_view label, const ButtonOptions& options)
{
    const std::string_view visible = visibleLabel(label);
    const ImGuiStyle& style = ImGui::GetStyle();
    ImFont* font = options.style == ButtonStyle::Tile ? ctx.faces().bold : ImGui::GetFont();
    const float fontSize = font->FontSize;
    const float minSide = ctx.minTargetPx();
    const float padX = style.FramePadding.x;
    const float padY = style.FramePadding.y;

    ImVec2 size = options.size;
    if (size.x <= 0.0f)
    {
        const ImVec2 textSize =
            font->CalcTextSizeA(fontSize, FLT_MAX, 0.0f, visible.data(), visible.data() + visible.size());
        size.x = std::min(textSize.x + padX * 2, ImGui::GetContentRegionAvail().x);
    }
    size.x = std::max(size.x, minSide);
    const float innerW = size.x - padX * 2;
    // A long word shrinks the label rather than breaking it: measure at the size it is drawn.
    const float labelSize = fittedLabelSize(font, fontSize, std::min(fontSize, minLabelSize(ctx)), innerW, visible);
    float contentH = wrappedHeight(font, labelSize, innerW, visible);
    if (!options.subtitle.empty())
        contentH += wrappedHeight(ctx.faces().body, ctx.faces().body->FontSize, innerW, options.subtitle) +
                    style.ItemInnerSpacing.y;
    size.y = std::max({size.y, minSide, contentH + padY * 2});
    return size;
}

bool BigButton(UiContext& ctx, std::string_view label, const ButtonOptions& options)
{
    const std::string_view visible = visibleLabel(label);
    const ImGuiStyle& style = ImGui::GetStyle();
    const bool tile = options.style == ButtonStyle::Tile;
    ImFont* font = tile ? ctx.faces().bold : ImGui::GetFont();
    const float fontSize = font->FontSize;
    const float padX = style.FramePadding.x;
    const float padY = style.FramePadding.y;
    const ImVec2 size = BigButtonSize(ctx, label, options);
    const float innerW = size.x - padX * 2;

    if (!options.enabled)
        ImGui::BeginDisabled();
    const std::string id(label);
    const bool released = ImGui::InvisibleButton(id.c_str(), size);
    const bool held = ImGui::IsItemActive();
    if (!options.enabled)
        ImGui::EndDisabled();
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    Spoken spoken;
    spoken.role = options.role;
    spoken.state = options.state;
    if (spoken.state == SpokenState::None && options.style == ButtonStyle::Selected)
        spoken.state = SpokenState::Selected;
    if (!options.enabled)
        spoken.state = SpokenState::Disabled;
    spoken.speech = options.speech;
    ctx.record.addTarget(visible, min, max, options.enabled, options.id, spoken);

    const Palette& p = ctx.palette;
    ImVec4 bg = p.surface;
    ImVec4 fg = p.text;
    ImVec4 border = p.border;
    switch (options.style)
    {
    case ButtonStyle::Primary:
        bg = held ? p.accentHot : p.accent;
        fg = p.accentText;
        border = bg;
        break;
    case ButtonStyle::Selected:
        bg = held ? p.surfaceHot : p.selected;
        border = p.accent;
        break;
    case ButtonStyle::Secondary:
    case ButtonStyle::Tile:
        bg = held ? p.surfaceHot : p.surface;
        break;
    }
    if (!options.enabled)
    {
        fg = p.mutedText;
        bg = p.background;
    }
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float rounding = style.FrameRounding;
    const float borderW = options.style == ButtonStyle::Selected ? style.FrameBorderSize * 2 : style.FrameBorderSize;
    FillRoundedRectWithBorder(list, min, max, packed(bg), packed(border), rounding, borderW);

    const ImVec2 innerMin(min.x + padX, min.y + padY);
    const ImVec2 innerMax(max.x - padX, max.y - padY);
    const float minSize = std::min(fontSize, minLabelSize(ctx));
    const std::string_view name = options.id.empty() ? visible : options.id;
    if (tile)
    {
        // Title and subtitle top-left: a tile reads like a card. What does not fit is cut by the
        // tile's edge, and recorded: a layout must make its tiles tall enough.
        list->PushClipRect(min, max, true);
        const float titleSize = fittedLabelSize(font, fontSize, minSize, innerW, visible);
        const float titleH = wrappedHeight(font, titleSize, innerW, visible);
        ImVec2 cursor = innerMin;
        drawLeftWrapped(list, font, titleSize, cursor, innerW, packed(fg), visible);
        float contentH = titleH;
        bool broken = breaksWord(font, titleSize, innerW, visible);
        if (!options.subtitle.empty())
        {
            cursor.y += titleH + style.ItemInnerSpacing.y;
            ImFont* body = ctx.faces().body;
            drawLeftWrapped(list, body, body->FontSize, cursor, innerW, packed(options.enabled ? p.mutedText : fg),
                            options.subtitle);
            ctx.record.addText(options.subtitle);
            contentH += style.ItemInnerSpacing.y + wrappedHeight(body, body->FontSize, innerW, options.subtitle);
            broken = broken || breaksWord(body, body->FontSize, innerW, options.subtitle);
        }
        list->PopClipRect();
        if (broken)
            ctx.record.addClip("word-broken", name, innerMin, innerMax);
        else if (contentH > innerMax.y - innerMin.y + 0.5f)
            ctx.record.addClip("text-overflow", name, innerMin, innerMax);
    }
    else
    {
        drawFittedLabel(ctx, list, font, fontSize, minSize, innerMin, innerMax, packed(fg), visible, name);
    }
    return released && options.enabled && !touchDragged(ctx);
}

} // namespace okienko::kiosk::ui
