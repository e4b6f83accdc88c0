// Emergency numbers screen (see emergency_help_screen.hpp).
#include "kiosk/ui/screens/emergency_help_screen.hpp"

#include "kiosk/ui/screens/screen_frame.hpp"
#include "kiosk/ui/screens/top_row.hpp"
#include "kiosk/ui/widgets/big_button.hpp"
#include "kiosk/ui/widgets/emergency_help.hpp"
#include "kiosk/ui/widgets/pictogram.hpp"
#include "kiosk/ui/widgets/shapes.hpp"
#include "kiosk/ui/widgets/text.hpp"
#include "kiosk/ui/widgets/touch_scroll.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

namespace okienko::kiosk::ui
{
namespace
{

/// How the cards are laid out at this width: the number above its text (narrow), or in a column
/// of its own beside it (wide: a card is then as short as its text), in one or two columns.
struct CardLayout
{
    float numberColumn = 0.0f; ///< 0: the number above the text
    int columns = 1;
};

float numberWidth(const UiContext& ctx, const std::string& number)
{
    ImFont* title = ctx.faces().title;
    return title->CalcTextSizeA(title->FontSize, FLT_MAX, 0.0f, number.c_str()).x;
}

CardLayout chooseCards(const UiContext& ctx, const std::vector<EmergencyLine>& lines, float width)
{
    CardLayout l;
    float widest = 0.0f;
    for (const EmergencyLine& line : lines)
        widest = std::max(widest, numberWidth(ctx, line.number));
    const float pad = ImGui::GetStyle().FramePadding.x;
    if (width - 3.0f * pad - widest >= ctx.em(16.0f))
        l.numberColumn = std::ceil(widest + pad);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    if (l.numberColumn == 0.0f && display.x > display.y && (width - gap) * 0.5f >= ctx.em(14.0f))
        l.columns = 2;
    return l;
}

/// The text column of a card: what the number is for, bold, and when it answers.
float textHeight(const UiContext& ctx, const EmergencyLine& line, float inner)
{
    ImFont* bold = ctx.faces().bold;
    ImFont* body = ctx.faces().body;
    float h = wrappedHeight(bold, bold->FontSize, inner, line.name);
    if (!line.hours.empty())
        h += ImGui::GetStyle().ItemInnerSpacing.y * 0.5f + wrappedHeight(body, body->FontSize, inner, line.hours);
    return h;
}

float cardHeight(const UiContext& ctx, const EmergencyLine& line, float width, const CardLayout& l)
{
    const ImGuiStyle& style = ImGui::GetStyle();
    const float inner = width - 2.0f * style.FramePadding.x - l.numberColumn;
    const float numberH = ctx.faces().title->FontSize * 1.15f;
    const float text = textHeight(ctx, line, inner);
    const float content = l.numberColumn > 0.0f ? std::max(numberH, text) : numberH + style.ItemInnerSpacing.y + text;
    return 2.0f * style.FramePadding.y + content;
}

void drawCard(UiContext& ctx, const EmergencyLine& line, bool urgent, float width, float height, const CardLayout& l)
{
    const ImGuiStyle& style = ImGui::GetStyle();
    const Palette& p = ctx.palette;
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + width, min.y + height);
    ImGui::Dummy(ImVec2(width, height));
    ctx.record.addText(line.number);
    ctx.record.addText(line.name);
    ctx.record.addText(line.hours);

    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImU32 fg = packed(urgent ? p.emergencyText : p.text);
    if (urgent)
    {
        FillRoundedRect(list, min, max, packed(p.emergency), style.FrameRounding);
    }
    else
    {
        FillRoundedRectWithBorder(list, min, max, packed(p.surface), packed(p.border), style.FrameRounding,
                                  style.FrameBorderSize);
        // A red edge on the left ties each card to the strip that opened the page.
        const float edge = std::max(4.0f, ctx.em(0.2f));
        FillRoundedRect(list, min, ImVec2(min.x + edge, max.y), packed(p.emergency), edge * 0.5f);
    }
    const float inner = width - 2.0f * style.FramePadding.x - l.numberColumn;
    const ImVec2 at(min.x + style.FramePadding.x, min.y + style.FramePadding.y);
    ImFont* title = ctx.faces().title;
    const float numberH = title->FontSize * 1.15f;
    const float text = textHeight(ctx, line, inner);
    // Beside the number, the text is centred on it; under it, it follows.
    const float numberY = l.numberColumn > 0.0f ? std::max(0.0f, (text - numberH) * 0.5f) : 0.0f;
    list->AddText(title, title->FontSize, ImVec2(at.x, at.y + numberY), fg, line.number.c_str());
    ImVec2 textAt = l.numberColumn > 0.0f
                        ? ImVec2(at.x + l.numberColumn, at.y + std::max(0.0f, (numberH - text) * 0.5f))
                        : ImVec2(at.x, at.y + numberH + style.ItemInnerSpacing.y);
    ImFont* bold = ctx.faces().bold;
    drawLeftWrapped(list, bold, bold->FontSize, textAt, inner, fg, line.name);
    textAt.y += wrappedHeight(bold, bold->FontSize, inner, line.name) + style.ItemInnerSpacing.y * 0.5f;
    if (!line.hours.empty())
    {
        ImFont* body = ctx.faces().body;
        drawLeftWrapped(list, body, body->FontSize, textAt, inner, urgent ? fg : packed(p.mutedText), line.hours);
    }
}

/// 112 across the width, then the other numbers in rows of `columns` equal cards. Returns the
/// height drawn, or only measures when `draw` is false.
float cards(UiContext& ctx, const std::vector<EmergencyLine>& lines, const CardLayout& l, bool draw)
{
    const float width = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float cellW = std::floor((width - gap * static_cast<float>(l.columns - 1)) / static_cast<float>(l.columns));
    float total = 0.0f;
    for (std::size_t i = 0; i < lines.size();)
    {
        const bool urgent = i == 0;
        const std::size_t n = urgent ? 1 : std::min(lines.size() - i, static_cast<std::size_t>(l.columns));
        const float w = urgent ? width : cellW;
        float rowH = 0.0f;
        for (std::size_t j = i; j < i + n; ++j)
            rowH = std::max(rowH, cardHeight(ctx, lines[j], w, l));
        for (std::size_t j = i; draw && j < i + n; ++j)
        {
            if (j != i)
                ImGui::SameLine();
            drawCard(ctx, lines[j], urgent, w, rowH, l);
        }
        total += rowH + ImGui::GetStyle().ItemSpacing.y; // the spacing after the last row keeps a scrollbar away
        i += n;
    }
    return total;
}

} // namespace

void drawEmergencyHelpScreen(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    beginScreen(ctx, "##emergency-help");
    // No Back or Home beside Close: one obvious way out for someone in a hurry.
    const TopRowMark mark = markTopRow(ctx);
    drawTopBar(env, ctx, out, {.backAndHome = false});
    (void)TitleInTopRow(ctx, topRowAfter(ctx, mark), env.tr.tr("emergency.title"));
    Paragraph(ctx, env.tr.tr("emergency.intro"));

    const std::string close = env.tr.tr("common.close") + "##emergency-close";
    ButtonOptions closeOpt;
    closeOpt.style = ButtonStyle::Primary;
    closeOpt.id = "emergency-close";
    closeOpt.size = ImVec2(ImGui::GetContentRegionAvail().x, 0);
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float room =
        ImGui::GetContentRegionAvail().y - bottomBarHeight(env, ctx) - BigButtonSize(ctx, close, closeOpt).y - spacing;
    const std::vector<EmergencyLine> lines = emergencyLines(env);
    const CardLayout layout = chooseCards(ctx, lines, ImGui::GetContentRegionAvail().x);
    // Close follows the list: right under the cards when they fit, above the bottom bar when not.
    TouchScrollBegin(ctx, "##emergency-list", ImVec2(0, std::min(room, cards(ctx, lines, layout, false))));
    (void)cards(ctx, lines, layout, true);
    TouchScrollEnd(ctx);
    if (BigButton(ctx, close, closeOpt))
        out.emplace_back(GoBack{});
    drawBottomBar(env, ctx, out);
    endScreen();
}

} // namespace okienko::kiosk::ui
