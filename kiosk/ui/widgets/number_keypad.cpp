// The number keypad (see number_keypad.hpp).
#include "kiosk/ui/widgets/number_keypad.hpp"

#include "kiosk/ui/widgets/on_screen_keyboard.hpp"

#include <algorithm>

namespace okienko::kiosk::ui
{
namespace
{

float gapPx()
{
    return ImGui::GetStyle().ItemSpacing.x * 0.75f;
}

/// The comfortable pad: 26 body heights wide (the staff PIN keypad's width), keys 2.2 title heights
/// tall, never below the minimum target.
float comfortableWidth(const UiContext& ctx)
{
    return std::max(ctx.em(26.0f), ctx.minTargetPx() * 3.0f + gapPx() * 2.0f);
}

float comfortableKeyHeight(const UiContext& ctx)
{
    return std::max(ctx.minTargetPx(), ctx.faces().title->FontSize * 2.2f);
}

struct PadGeometry
{
    float width;
    ImVec2 key;
};

PadGeometry geometry(const UiContext& ctx, const NumberKeypadOptions& options)
{
    const float gap = gapPx();
    const float room = options.width > 0.0f ? options.width : ImGui::GetContentRegionAvail().x;
    const float width = std::min(room, comfortableWidth(ctx));
    const float rows = static_cast<float>(numberKeypadLayout(options).rows.size());
    float keyH = comfortableKeyHeight(ctx);
    if (options.height > 0.0f)
        keyH = std::clamp((options.height - gap * (rows - 1.0f)) / rows, ctx.minTargetPx(), keyH);
    return {width, ImVec2((width - gap * 2.0f) / 3.0f, keyH)};
}

} // namespace

const KeyboardLayout& numberKeypadLayout(const NumberKeypadOptions& options)
{
    return options.amount ? amountKeypad() : numericKeypad();
}

ImVec2 numberKeypadSize(const UiContext& ctx, const NumberKeypadOptions& options)
{
    const PadGeometry g = geometry(ctx, options);
    const float rows = static_cast<float>(numberKeypadLayout(options).rows.size());
    return ImVec2(g.width, g.key.y * rows + gapPx() * (rows - 1.0f));
}

std::optional<Key> NumberKeypad(UiContext& ctx, const Translator& tr, const NumberKeypadOptions& options)
{
    const KeyboardLayout& layout = numberKeypadLayout(options);
    const PadGeometry g = geometry(ctx, options);
    const float gap = gapPx();
    const float room = options.width > 0.0f ? options.width : ImGui::GetContentRegionAvail().x;
    const float startX = ImGui::GetCursorPosX() + (room - g.width) * 0.5f;
    std::optional<Key> pressed;
    ImGui::PushID(layout.id.c_str());
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
    for (const KeyRow& row : layout.rows)
    {
        ImGui::SetCursorPosX(startX);
        bool first = true;
        for (const Key& k : row)
        {
            if (!first)
                ImGui::SameLine();
            first = false;
            KeyCapOptions opt;
            opt.size = g.key;
            opt.enabled = options.enabled;
            opt.repeat = k.action == KeyAction::Backspace;
            // Digits big in the title face; the words on Clear and Backspace in bold, fitted.
            const bool word = !k.labelKey.empty();
            opt.font = word ? ctx.faces().bold : ctx.faces().title;
            const std::string label = word ? fitKeyLabel(tr.tr(k.labelKey), k.action, opt.font, g.key.x) : k.text;
            if (KeyCap(ctx, label, k.id, opt))
                pressed = k;
        }
    }
    ImGui::PopStyleVar();
    ImGui::PopID();
    return pressed;
}

std::optional<Key> NumericKeypad(UiContext& ctx, const Translator& tr, float width, bool enabled)
{
    NumberKeypadOptions options;
    options.width = width;
    options.enabled = enabled;
    return NumberKeypad(ctx, tr, options);
}

float keypadBesideWidth(const UiContext& ctx)
{
    return std::min(comfortableWidth(ctx), ImGui::GetContentRegionAvail().x * 0.45f);
}

bool keypadBeside(const UiContext& ctx, float minColumnEm)
{
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float padW = keypadBesideWidth(ctx);
    return display.x > display.y && padW >= ctx.minTargetPx() * 3.0f + gapPx() * 2.0f &&
           ImGui::GetContentRegionAvail().x - padW >= ctx.em(minColumnEm);
}

bool beginBesideKeypad(const UiContext& ctx, NumberKeypadOptions& pad, float roomDown, const char* id)
{
    if (!keypadBeside(ctx))
        return false;
    pad.height = roomDown;
    pad.width = keypadBesideWidth(ctx);
    ImGui::BeginChild(id,
                      ImVec2(ImGui::GetContentRegionAvail().x - pad.width - ImGui::GetStyle().ItemSpacing.x, roomDown));
    return true;
}

} // namespace okienko::kiosk::ui
