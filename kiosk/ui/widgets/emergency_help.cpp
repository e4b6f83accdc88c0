// The emergency strip and the list behind it (see emergency_help.hpp).
#include "kiosk/ui/widgets/emergency_help.hpp"

#include "kiosk/ui/widgets/big_button.hpp"
#include "kiosk/ui/widgets/pictogram.hpp"
#include "kiosk/ui/widgets/shapes.hpp"
#include "kiosk/ui/widgets/text.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace okienko::kiosk::ui
{
namespace
{

constexpr const char* kEmergencyNumber = "112";

/// The strip's pieces, measured once for the height and the drawing.
struct StripMetrics
{
    float width = 0.0f;
    float icon = 0.0f;
    float numberW = 0.0f;
    float textX = 0.0f; ///< from the strip's left edge
    float textW = 0.0f;
    float textH = 0.0f;
    float height = 0.0f;
};

StripMetrics measureStrip(const UiContext& ctx, const std::string& text)
{
    const ImGuiStyle& style = ImGui::GetStyle();
    StripMetrics m;
    m.width = ImGui::GetContentRegionAvail().x;
    m.icon = pictogramInlineSize(ctx);
    ImFont* title = ctx.faces().title;
    ImFont* bold = ctx.faces().bold;
    m.numberW = title->CalcTextSizeA(title->FontSize, FLT_MAX, 0.0f, kEmergencyNumber).x;
    const float gap = style.ItemInnerSpacing.x * 1.5f;
    m.textX = style.FramePadding.x + m.icon + gap + m.numberW + gap * 1.5f;
    m.textW = std::max(1.0f, m.width - m.textX - style.FramePadding.x);
    m.textH = wrappedHeight(bold, bold->FontSize, m.textW, text);
    const float content = std::max({m.textH, title->FontSize, m.icon});
    m.height = std::max(ctx.minTargetPx(), std::round(content + style.FramePadding.y * 0.6f));
    return m;
}

std::string stripText(const ScreenEnv& env)
{
    return env.tr.tr("emergency.strip");
}

} // namespace

std::vector<EmergencyLine> emergencyLines(const ScreenEnv& env)
{
    std::vector<EmergencyLine> out;
    bool has112 = false;
    for (const domain::EmergencyNumber& n : env.catalog.emergencyNumbers)
    {
        EmergencyLine line{n.number, env.text(n.name), env.text(n.hours)};
        if (n.number == kEmergencyNumber && !has112)
        {
            has112 = true;
            out.insert(out.begin(), std::move(line));
        }
        else
        {
            out.push_back(std::move(line));
        }
    }
    if (!has112)
        out.insert(out.begin(), EmergencyLine{kEmergencyNumber, env.tr.tr("emergency.112"), std::string()});
    return out;
}

float emergencyHelpHeight(const ScreenEnv& env, const UiContext& ctx)
{
    return measureStrip(ctx, stripText(env)).height;
}

void drawEmergencyHelp(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    const std::string text = stripText(env);
    const StripMetrics m = measureStrip(ctx, text);
    const bool released = ImGui::InvisibleButton("##emergency-help", ImVec2(m.width, m.height));
    const bool held = ImGui::IsItemActive();
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    ctx.record.addTarget(text, min, max, true, "emergency-help", spokenAs(SpokenRole::Button));
    if (breaksWord(ctx.faces().bold, ctx.faces().bold->FontSize, m.textW, text))
        ctx.record.addClip("word-broken", "emergency-help", min, max);
    ctx.record.addText(kEmergencyNumber);
    ctx.record.addText(pictogramRecordText("emergency"));

    const Palette& p = ctx.palette;
    const ImGuiStyle& style = ImGui::GetStyle();
    ImDrawList* list = ImGui::GetWindowDrawList();
    FillRoundedRect(list, min, max, packed(held ? p.emergencyHot : p.emergency), style.FrameRounding);
    list->PushClipRect(min, max, true);
    const ImU32 fg = packed(p.emergencyText);
    const float midY = (min.y + max.y) * 0.5f;
    const float x = min.x + style.FramePadding.x;
    drawPictogram(ctx, list, "emergency", ImVec2(x, std::round(midY - m.icon * 0.5f)), m.icon, fg);
    ImFont* title = ctx.faces().title;
    const float numberX = x + m.icon + style.ItemInnerSpacing.x * 1.5f;
    list->AddText(title, title->FontSize, ImVec2(numberX, std::round(midY - title->FontSize * 0.55f)), fg,
                  kEmergencyNumber);
    ImFont* bold = ctx.faces().bold;
    drawLeftWrapped(list, bold, bold->FontSize, ImVec2(min.x + m.textX, std::round(midY - m.textH * 0.5f)), m.textW, fg,
                    text);
    list->PopClipRect();
    if (released && !touchDragged(ctx))
        out.emplace_back(OpenScreen{ScreenId::EmergencyHelp});
}

namespace
{

/// The card's rows (every number but 112, which the strip carries) and where their columns go.
struct NumbersCard
{
    std::vector<EmergencyLine> lines;
    float numberW = 0.0f; ///< the widest number, in the bold face
    float textX = 0.0f;   ///< the names' column, from the card's left edge
    float textW = 0.0f;
    float headingH = 0.0f;
    std::vector<float> rowH;
    float height = 0.0f;
};

NumbersCard measureNumbers(const ScreenEnv& env, const UiContext& ctx)
{
    const ImGuiStyle& style = ImGui::GetStyle();
    NumbersCard c;
    for (EmergencyLine& l : emergencyLines(env))
        if (l.number != kEmergencyNumber)
            c.lines.push_back(std::move(l));
    ImFont* bold = ctx.faces().bold;
    ImFont* body = ctx.faces().body;
    for (const EmergencyLine& l : c.lines)
        c.numberW = std::max(c.numberW, bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0.0f, l.number.c_str()).x);
    const float width = ImGui::GetContentRegionAvail().x;
    c.textX = style.FramePadding.x + c.numberW + style.ItemInnerSpacing.x * 2.0f;
    c.textW = std::max(1.0f, width - c.textX - style.FramePadding.x);
    c.headingH = wrappedHeight(bold, bold->FontSize, width - style.FramePadding.x * 2.0f, env.tr.tr("emergency.title"));
    c.height = style.FramePadding.y * 2.0f + c.headingH;
    for (const EmergencyLine& l : c.lines)
    {
        c.rowH.push_back(std::max(bold->FontSize, wrappedHeight(body, body->FontSize, c.textW, l.name)));
        c.height += style.ItemInnerSpacing.y + c.rowH.back();
    }
    c.height = std::ceil(c.height);
    return c;
}

} // namespace

float emergencyNumbersHeight(const ScreenEnv& env, const UiContext& ctx)
{
    const NumbersCard c = measureNumbers(env, ctx);
    return c.lines.empty() ? 0.0f : c.height;
}

void drawEmergencyNumbers(const ScreenEnv& env, UiContext& ctx)
{
    const NumbersCard c = measureNumbers(env, ctx);
    if (c.lines.empty())
        return;
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::Dummy(ImVec2(width, c.height));
    const ImVec2 max(min.x + width, min.y + c.height);
    const Palette& p = ctx.palette;
    ImDrawList* list = ImGui::GetWindowDrawList();
    // The strip's red as the card's edge and heading: one block with the strip under it.
    FillRoundedRectWithBorder(list, min, max, packed(p.surface), packed(p.emergency), style.FrameRounding,
                              std::max(2.0f, style.FrameBorderSize * 2.0f));
    ImFont* bold = ctx.faces().bold;
    ImFont* body = ctx.faces().body;
    const std::string& heading = env.tr.tr("emergency.title");
    const ImVec2 headingAt(min.x + style.FramePadding.x, min.y + style.FramePadding.y);
    drawLeftWrapped(list, bold, bold->FontSize, headingAt, width - style.FramePadding.x * 2.0f, packed(p.emergency),
                    heading);
    ctx.record.addText(heading);
    ctx.record.addTextBox(heading, headingAt, ImVec2(max.x - style.FramePadding.x, headingAt.y + c.headingH));
    float y = headingAt.y + c.headingH;
    for (std::size_t i = 0; i < c.lines.size(); ++i)
    {
        const EmergencyLine& l = c.lines[i];
        y += style.ItemInnerSpacing.y;
        const ImVec2 numberAt(min.x + style.FramePadding.x, y);
        list->AddText(bold, bold->FontSize, numberAt, packed(p.text), l.number.c_str());
        ctx.record.addText(l.number);
        ctx.record.addTextBox(l.number, numberAt, ImVec2(numberAt.x + c.numberW, y + bold->FontSize));
        const ImVec2 nameAt(min.x + c.textX, y);
        drawLeftWrapped(list, body, body->FontSize, nameAt, c.textW, packed(p.text), l.name);
        ctx.record.addText(l.name);
        ctx.record.addTextBox(l.name, nameAt, ImVec2(nameAt.x + c.textW, y + c.rowH[i]));
        if (breaksWord(body, body->FontSize, c.textW, l.name))
            ctx.record.addClip("word-broken", l.name, nameAt, ImVec2(nameAt.x + c.textW, y + c.rowH[i]));
        y += c.rowH[i];
    }
}

} // namespace okienko::kiosk::ui
