// Keyboard and keypad drawing (see on_screen_keyboard.hpp).
#include "kiosk/ui/widgets/on_screen_keyboard.hpp"

#include "kiosk/ui/widgets/big_button.hpp"

#include <algorithm>
#include <string>

namespace okienko::kiosk::ui
{
namespace
{

/// A word that does not fit its key would wrap letter by letter and make the key taller, pushing
/// the bottom row off the screen (the Ukrainian layout has single-width Shift and Backspace): such
/// keys show the usual symbol instead.
std::string fittingLabel(std::string label, KeyAction action, float keyWidth)
{
    const float textW = ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
    if (textW <= keyWidth)
        return label;
    if (action == KeyAction::Shift)
        return "⇧";
    if (action == KeyAction::Backspace)
        return "⌫";
    return label;
}

std::optional<Key> drawLayout(UiContext& ctx, const KeyboardLayout& layout, const KeyboardState& state,
                              const Translator& tr, float width, float keyHeight, bool enabled = true)
{
    std::optional<Key> pressed;
    const float gap = ImGui::GetStyle().ItemSpacing.x * 0.5f;
    const float units = layout.maxRowWidth();
    ImGui::PushID(layout.id.c_str());
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
    // Keys are narrow (12 to a row in Ukrainian): the frame's side padding would leave less room
    // for "EN" or "⌫" than the key has.
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(std::min(ImGui::GetStyle().FramePadding.x, ctx.em(0.3f)),
                                                           ImGui::GetStyle().FramePadding.y));
    const float startX = ImGui::GetCursorPosX();
    for (const KeyRow& row : layout.rows)
    {
        // A key w units wide also spans the w-1 gaps it replaces, so keys line up across rows.
        const float unit = (width - gap * (units - 1.0f)) / units;
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
            ButtonOptions opt;
            opt.size = ImVec2(unit * k.width + gap * (k.width - 1.0f), keyHeight);
            const std::string label = fittingLabel(state.labelFor(k, tr), k.action, opt.size.x) + "##" + k.id;
            opt.id = k.id;
            opt.enabled = enabled;
            const bool active = (k.action == KeyAction::Shift && state.shift() != ShiftState::Off);
            opt.style = active                          ? ButtonStyle::Selected
                        : (k.action == KeyAction::Done) ? ButtonStyle::Primary
                                                        : ButtonStyle::Secondary;
            // Backspace repeats while held, like a physical key.
            if (k.action == KeyAction::Backspace)
                ImGui::PushButtonRepeat(true);
            if (BigButton(ctx, label, opt))
                pressed = k;
            if (k.action == KeyAction::Backspace)
                ImGui::PopButtonRepeat();
        }
    }
    ImGui::PopStyleVar(2);
    ImGui::PopID();
    return pressed;
}

} // namespace

std::optional<Key> OnScreenKeyboard(UiContext& ctx, const KeyboardState& state, const Translator& tr, float width)
{
    const float keyHeight = std::max(ctx.minTargetPx(), ctx.em(1.9f));
    return drawLayout(ctx, state.layout(), state, tr, width, keyHeight);
}

std::optional<Key> NumericKeypad(UiContext& ctx, const Translator& tr, float width, bool enabled)
{
    static const KeyboardState kPadState(domain::Language::Pl, {domain::Language::Pl});
    const float keyHeight = std::max(ctx.minTargetPx(), ctx.em(2.2f));
    return drawLayout(ctx, numericKeypad(), kPadState, tr, width, keyHeight, enabled);
}

} // namespace okienko::kiosk::ui
