// Keyboard drawing and the key cap (see on_screen_keyboard.hpp).
#include "kiosk/ui/widgets/on_screen_keyboard.hpp"

#include "kiosk/ui/widgets/big_button.hpp"
#include "kiosk/ui/widgets/shapes.hpp"

#include <algorithm>
#include <cfloat>
#include <string>

namespace okienko::kiosk::ui
{
namespace
{

/// The smallest a key's label may shrink to fit: below it the word gives way to a symbol.
constexpr float kMinLabelScale = 0.7f;

float labelWidth(ImFont* font, float size, std::string_view text)
{
    return font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.data(), text.data() + text.size()).x;
}

float innerWidth(float keyWidth)
{
    return keyWidth - ImGui::GetStyle().FramePadding.x * 0.5f;
}

} // namespace

float letterKeyGap()
{
    // A third of the item spacing: the keys' borders part them, and a finger-sized key of the
    // twelve-column Ukrainian keyboard leaves the form beside it room for its longer words.
    return ImGui::GetStyle().ItemSpacing.x / 3.0f;
}

float letterKeyHeight(const UiContext& ctx)
{
    return std::max(ctx.minTargetPx(), ctx.em(1.9f));
}

bool KeyCap(UiContext& ctx, std::string_view label, std::string_view id, const KeyCapOptions& options)
{
    ImGui::PushID(id.data(), id.data() + id.size());
    if (!options.enabled)
        ImGui::BeginDisabled();
    if (options.repeat)
        ImGui::PushButtonRepeat(true);
    const bool pressed = ImGui::InvisibleButton("##key", options.size);
    if (options.repeat)
        ImGui::PopButtonRepeat();
    const bool held = ImGui::IsItemActive();
    if (!options.enabled)
        ImGui::EndDisabled();
    ImGui::PopID();
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    Spoken spoken;
    spoken.role = SpokenRole::Key;
    spoken.speech = options.speech;
    ctx.record.addTarget(label, min, max, options.enabled, id, spoken);

    const Palette& p = ctx.palette;
    ImVec4 bg = held ? p.surfaceHot : p.surface;
    ImVec4 fg = p.text;
    ImVec4 border = p.border;
    if (options.look == KeyLook::Primary)
    {
        bg = held ? p.accentHot : p.accent;
        fg = p.accentText;
        border = bg;
    }
    else if (options.look == KeyLook::Active)
    {
        bg = p.selected;
        border = p.accent;
    }
    if (!options.enabled)
    {
        fg = p.mutedText;
        bg = p.background;
    }
    const ImGuiStyle& style = ImGui::GetStyle();
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float borderW = options.look == KeyLook::Active ? style.FrameBorderSize * 2 : style.FrameBorderSize;
    FillRoundedRectWithBorder(list, min, max, packed(bg), packed(border), style.FrameRounding, borderW);

    ImFont* font = options.font != nullptr ? options.font : ImGui::GetFont();
    float size = font->FontSize;
    const float room = innerWidth(max.x - min.x);
    const float w = labelWidth(font, size, label);
    if (w > room)
        size = std::max(size * kMinLabelScale, size * room / w);
    const ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, 0.0f, label.data(), label.data() + label.size());
    const ImVec2 at(min.x + (max.x - min.x - ts.x) * 0.5f, min.y + (max.y - min.y - ts.y) * 0.5f);
    list->PushClipRect(min, max, true);
    list->AddText(font, size, at, packed(fg), label.data(), label.data() + label.size());
    list->PopClipRect();
    return pressed && options.enabled && !touchDragged(ctx);
}

std::string fitKeyLabel(std::string label, KeyAction action, ImFont* font, float keyWidth)
{
    if (labelWidth(font, font->FontSize * kMinLabelScale, label) <= innerWidth(keyWidth))
        return label;
    switch (action)
    {
    case KeyAction::Shift:
        return "⇧";
    case KeyAction::Backspace:
        return "⌫";
    case KeyAction::Done:
        return "✓";
    default:
        return label;
    }
}

float letterKeyboardHeight(const UiContext& ctx, const KeyboardState& state, float keyHeight)
{
    return keyboardHeight(ctx, state.layout(), keyHeight);
}

float keyboardHeight(const UiContext& ctx, const KeyboardLayout& layout, float keyHeight)
{
    const float gap = letterKeyGap();
    const float rows = static_cast<float>(layout.rows.size());
    return rows * (keyHeight > 0.0f ? keyHeight : letterKeyHeight(ctx)) + (rows - 1.0f) * gap;
}

float letterKeyHeightFor(const UiContext& ctx, const KeyboardState& state, float room)
{
    const float gap = letterKeyGap();
    const float rows = static_cast<float>(state.layout().rows.size());
    const float fit = (room - (rows - 1.0f) * gap) / rows;
    return std::clamp(fit, ctx.minTargetPx(), letterKeyHeight(ctx));
}

std::optional<Key> OnScreenKeyboard(UiContext& ctx, const KeyboardState& state, const Translator& tr, float width,
                                    float keyHeight, const KeyboardLayout* drawn)
{
    const KeyboardLayout& layout = drawn != nullptr ? *drawn : state.layout();
    std::optional<Key> pressed;
    const float gap = letterKeyGap();
    const float units = layout.maxRowWidth();
    if (keyHeight <= 0.0f)
        keyHeight = letterKeyHeight(ctx);
    ImGui::PushID(layout.id.c_str());
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
    const float startX = ImGui::GetCursorPosX();
    // A key w units wide also spans the w-1 gaps it replaces, so keys line up across rows.
    const float unit = (width - gap * (units - 1.0f)) / units;
    for (const KeyRow& row : layout.rows)
    {
        float rowW = gap * (static_cast<float>(row.size()) - 1.0f);
        for (const Key& k : row)
            rowW += unit * k.width + gap * (k.width - 1.0f);
        ImGui::SetCursorPosX(startX + (width - rowW) * 0.5f); // shorter rows are centred
        bool first = true;
        for (const Key& k : row)
        {
            if (!first)
                ImGui::SameLine();
            first = false;
            KeyCapOptions opt;
            opt.size = ImVec2(unit * k.width + gap * (k.width - 1.0f), keyHeight);
            opt.look = (k.action == KeyAction::Shift && state.shift() != ShiftState::Off) ? KeyLook::Active
                       : k.action == KeyAction::Done                                      ? KeyLook::Primary
                                                                                          : KeyLook::Plain;
            // Backspace repeats while held, like a physical key.
            opt.repeat = k.action == KeyAction::Backspace;
            if (KeyCap(ctx, fitKeyLabel(state.labelFor(k, tr), k.action, ImGui::GetFont(), opt.size.x), k.id, opt))
                pressed = k;
        }
    }
    ImGui::PopStyleVar();
    ImGui::PopID();
    return pressed;
}

} // namespace okienko::kiosk::ui
