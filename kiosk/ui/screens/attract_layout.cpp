// Attract screen arrangement (see attract_layout.hpp).
#include "kiosk/ui/screens/attract_layout.hpp"

#include "kiosk/ui/widgets/big_button.hpp"

#include <algorithm>
#include <array>
#include <cfloat>

namespace okienko::kiosk::ui
{
namespace
{

float spacingY()
{
    return ImGui::GetStyle().ItemSpacing.y;
}

/// The roomy "touch to start" button; compact layouts use the minimum touch target.
constexpr float kRoomyStartEm = 3.5f;

} // namespace

float paragraphHeight(ImFont* font, std::string_view text, float width)
{
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, width, text.data(), text.data() + text.size()).y + spacingY();
}

float AttractLayout::languageButtonWidth() const
{
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const auto n = static_cast<float>(std::max<std::size_t>(languagesPerRow, 1));
    return (actionsWidth - gap * (n - 1.0f)) / n;
}

float AttractLayout::leadHeight(const UiContext& ctx) const
{
    return roomy ? ctx.em(1.0f) + spacingY() : 0.0f;
}

float AttractLayout::headerHeight(const UiContext& ctx, const AttractTexts& texts) const
{
    // As StaffEntryHeader draws the name: at least a finger's height, since it is also a button.
    ImFont* title = ctx.faces().title;
    float h = std::max(paragraphHeight(title, texts.cusName, headerWidth) - spacingY(), ctx.minTargetPx()) + spacingY();
    h += paragraphHeight(ImGui::GetFont(), texts.municipality, headerWidth);
    if (clock)
    {
        if (roomy)
            h += ctx.em(0.8f) + spacingY();
        h += paragraphHeight(ctx.fonts.huge, texts.clock, 0.0f); // one line, never wrapped
        h += paragraphHeight(ImGui::GetFont(), texts.date, headerWidth);
    }
    return h;
}

float AttractLayout::actionsHeight(const UiContext& ctx, const AttractTexts& texts) const
{
    ButtonOptions start;
    start.size = ImVec2(actionsWidth, startHeight);
    float h = BigButtonSize(ctx, texts.startLabel, start).y + spacingY(); // a long label wraps
    if (!languageButtons)
        return h;
    if (roomy)
        h += ctx.em(0.4f) + spacingY();
    if (languageLabel)
        h += paragraphHeight(ctx.faces().bold, texts.chooseLanguage, actionsWidth);
    float row = 0.0f;
    ButtonOptions language;
    language.size = ImVec2(languageButtonWidth(), 0.0f);
    for (const std::string& name : texts.languageNames)
        row = std::max(row, BigButtonSize(ctx, name, language).y);
    const std::size_t perRow = std::max<std::size_t>(languagesPerRow, 1);
    const std::size_t rows = (texts.languageNames.size() + perRow - 1) / perRow;
    return h + (row + spacingY()) * static_cast<float>(rows);
}

float AttractLayout::totalHeight(const UiContext& ctx, const AttractTexts& texts) const
{
    const float header = headerHeight(ctx, texts);
    const float actions = actionsHeight(ctx, texts);
    // A roomy layout leaves a gap under the actions too, before the emergency numbers' strip.
    const float tail = roomy ? ctx.em(0.8f) + spacingY() : 0.0f;
    if (twoColumns)
        return leadHeight(ctx) + std::max(header, actions) + tail;
    const float gap = roomy ? ctx.em(1.0f) + spacingY() : 0.0f;
    return leadHeight(ctx) + header + gap + actions + tail;
}

AttractLayout AttractLayout::choose(const UiContext& ctx, const AttractTexts& texts, ImVec2 area)
{
    const ImGuiStyle& style = ImGui::GetStyle();
    const float gap = style.ItemSpacing.x;
    const std::size_t count = std::max<std::size_t>(texts.languageNames.size(), 1);
    // A language button wide enough for its name on one line ("Українськ-а" reads as a typo).
    float nameWidth = ctx.minTargetPx();
    for (const std::string& name : texts.languageNames)
        nameWidth = std::max(nameWidth, ImGui::CalcTextSize(name.c_str()).x + style.FramePadding.x * 2.0f + 1.0f);
    const auto perRow = [&](float width)
    {
        const auto fits = static_cast<std::size_t>(std::max((width + gap) / (nameWidth + gap), 1.0f));
        return std::min(fits, count);
    };
    const float rowWidth = nameWidth * static_cast<float>(count) + gap * static_cast<float>(count - 1);
    // Side by side: the actions take half the width, more if the language row needs it, and the
    // header what is left (at least 40 %: the CUS's name wraps, the clock does not).
    const float columnsGap = gap * 2.0f;
    const float actionsSide = std::min(std::max((area.x - columnsGap) * 0.5f, rowWidth), area.x * 0.6f - columnsGap);
    const float headerSide = area.x - columnsGap - actionsSide;
    const float roomyStart = std::max(ctx.em(kRoomyStartEm), ctx.minTargetPx());
    const float compactStart = ctx.minTargetPx();
    const auto column = [&](bool roomy, bool clock, float start)
    {
        return AttractLayout{.twoColumns = false,
                             .roomy = roomy,
                             .clock = clock,
                             .headerWidth = area.x,
                             .actionsWidth = area.x,
                             .languagesPerRow = perRow(area.x),
                             .startHeight = start};
    };
    const auto columns = [&](bool roomy, bool clock, float start)
    {
        return AttractLayout{.twoColumns = true,
                             .roomy = roomy,
                             .clock = clock,
                             .headerWidth = headerSide,
                             .actionsWidth = actionsSide,
                             .languagesPerRow = perRow(actionsSide),
                             .startHeight = start};
    };
    const auto without = [](AttractLayout layout, bool label, bool buttons)
    {
        layout.languageLabel = label;
        layout.languageButtons = buttons;
        return layout;
    };
    const std::array<AttractLayout, 10> candidates{{
        column(true, true, roomyStart),
        columns(true, true, roomyStart),
        column(false, true, compactStart),
        columns(false, true, compactStart),
        column(false, false, compactStart),
        columns(false, false, compactStart),
        without(columns(false, false, compactStart), false, true),
        without(column(false, false, compactStart), false, true),
        without(columns(false, false, compactStart), false, false),
        without(column(false, false, compactStart), false, false),
    }};
    // The first that fits, side by side only with the whole language row beside the header; then
    // side by side with the languages in two rows (a short landscape output in large text); on an
    // output too small for any, the one that overflows least.
    const AttractLayout* best = nullptr;
    float bestHeight = 0.0f;
    for (const bool wholeRow : {true, false})
    {
        for (const AttractLayout& layout : candidates)
        {
            if (layout.twoColumns && wholeRow && layout.languagesPerRow < count)
                continue;
            const float height = layout.totalHeight(ctx, texts);
            if (height <= area.y)
                return layout;
            if (best == nullptr || height < bestHeight)
            {
                best = &layout;
                bestHeight = height;
            }
        }
    }
    return best != nullptr ? *best : candidates.back();
}

} // namespace okienko::kiosk::ui
