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

} // namespace okienko::kiosk::ui
