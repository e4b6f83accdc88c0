// Step indicator (see step_indicator.hpp).
#include "kiosk/ui/widgets/step_indicator.hpp"

#include "kiosk/ui/widgets/shapes.hpp"
#include "kiosk/ui/widgets/text.hpp"

#include <algorithm>
#include <cfloat>

namespace okienko::kiosk::ui
{

namespace
{

/// The segments (done and current filled in the accent colour, the rest in the border colour)
/// across `w` from `at`.
void drawSegments(UiContext& ctx, ImDrawList* list, ImVec2 at, float w, float h, int step, int total)
{
    const float segGap = ctx.em(0.3f);
    const float segW = (w - segGap * static_cast<float>(total - 1)) / static_cast<float>(total);
    for (int i = 0; i < total; ++i)
    {
        const float x = at.x + static_cast<float>(i) * (segW + segGap);
        const ImVec4& c = i < step ? ctx.palette.accent : ctx.palette.border;
        FillRoundedRect(list, ImVec2(x, at.y), ImVec2(x + segW, at.y + h), packed(c), h * 0.5f);
    }
}

float segmentHeight(const UiContext& ctx)
{
    return std::max(4.0f, ctx.em(0.35f));
}

} // namespace

void StepIndicator(UiContext& ctx, std::string_view text, int step, int total)
{
    if (total < 1)
        return;
    step = std::clamp(step, 1, total);
    ImFont* font = ctx.faces().bold;
    const float w = ImGui::GetContentRegionAvail().x;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float textH = wrappedHeight(font, font->FontSize, w, text);
    const float barH = segmentHeight(ctx);
    const float gap = ctx.em(0.3f);
    ImDrawList* list = ImGui::GetWindowDrawList();
    drawLeftWrapped(list, font, font->FontSize, p, w, packed(ctx.palette.text), text);
    ctx.record.addText(text);
    drawSegments(ctx, list, ImVec2(p.x, p.y + textH + gap), w, barH, step, total);
    ImGui::Dummy(ImVec2(w, textH + gap + barH));
}

bool TitleBesideStep(UiContext& ctx, std::string_view title, std::string_view text, int step, int total)
{
    if (total < 1)
        return false;
    step = std::clamp(step, 1, total);
    ImFont* titleFace = ctx.faces().title;
    ImFont* bold = ctx.faces().bold;
    const ImVec2 titleSize =
        titleFace->CalcTextSizeA(titleFace->FontSize, FLT_MAX, 0.0f, title.data(), title.data() + title.size());
    const float textW = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0.0f, text.data(), text.data() + text.size()).x;
    // Segments at least an em each, so the bar still reads as steps under a short "Krok 2 z 4".
    const float blockW = std::max(textW, ctx.em(1.2f) * static_cast<float>(total));
    const float barH = segmentHeight(ctx);
    const float gap = ctx.em(0.3f);
    const float blockH = bold->FontSize + gap + barH;
    const float w = ImGui::GetContentRegionAvail().x;
    if (titleSize.x + ctx.em(1.0f) + blockW > w)
        return false;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float rowH = std::max(titleSize.y, blockH);
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImU32 color = packed(ctx.palette.text);
    // The title names the screen for the voice, as Title() does.
    if (ctx.record.title().empty())
        ctx.record.setTitle(title);
    const ImVec2 titleAt(p.x, p.y + (rowH - titleSize.y) * 0.5f);
    list->AddText(titleFace, titleFace->FontSize, titleAt, color, title.data(), title.data() + title.size());
    ctx.record.addText(title);
    ctx.record.addLine(title);
    ctx.record.addTextBox(title, titleAt, ImVec2(titleAt.x + titleSize.x, titleAt.y + titleSize.y));
    // The step's words right-aligned over its segments, the block centred on the title's line.
    const ImVec2 blockAt(p.x + w - blockW, p.y + (rowH - blockH) * 0.5f);
    const ImVec2 textAt(blockAt.x + blockW - textW, blockAt.y);
    list->AddText(bold, bold->FontSize, textAt, color, text.data(), text.data() + text.size());
    ctx.record.addText(text);
    ctx.record.addLine(text);
    ctx.record.addTextBox(text, textAt, ImVec2(textAt.x + textW, textAt.y + bold->FontSize));
    drawSegments(ctx, list, ImVec2(blockAt.x, blockAt.y + bold->FontSize + gap), blockW, barH, step, total);
    ImGui::Dummy(ImVec2(w, rowH));
    return true;
}

} // namespace okienko::kiosk::ui
