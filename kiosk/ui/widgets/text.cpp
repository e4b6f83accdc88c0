// Recorded text helpers (see text.hpp).
#include "kiosk/ui/widgets/text.hpp"

#include "kiosk/ui/widgets/shapes.hpp"

#include <algorithm>
#include <cfloat>
#include <vector>

namespace okienko::kiosk::ui
{
namespace
{

struct LineSpan
{
    const char* begin;
    const char* end;
};

std::vector<LineSpan> wrapLines(ImFont* font, float size, float width, std::string_view text)
{
    std::vector<LineSpan> lines;
    const char* s = text.data();
    const char* end = text.data() + text.size();
    const float scale = size / font->FontSize;
    while (s < end)
    {
        const char* lineEnd = font->CalcWordWrapPositionA(scale, s, end, width);
        if (lineEnd == s) // a single glyph wider than the box: take it anyway, whole (⌫ is 3 bytes)
        {
            ++lineEnd;
            while (lineEnd < end && (static_cast<unsigned char>(*lineEnd) & 0xC0) == 0x80)
                ++lineEnd;
        }
        const char* nl = s;
        while (nl < lineEnd && *nl != '\n')
            ++nl;
        if (nl < lineEnd)
            lineEnd = nl;
        const char* trimmed = lineEnd;
        while (trimmed > s && trimmed[-1] == ' ')
            --trimmed;
        lines.push_back(LineSpan{s, trimmed});
        s = lineEnd;
        while (s < end && (*s == ' ' || *s == '\n'))
        {
            if (*s == '\n')
            {
                ++s;
                break;
            }
            ++s;
        }
    }
    return lines;
}

void wrappedIn(UiContext& ctx, ImFont* font, const ImVec4* color, std::string_view text)
{
    ctx.record.addText(text);
    if (font != nullptr)
        ImGui::PushFont(font);
    if (color != nullptr)
        ImGui::PushStyleColor(ImGuiCol_Text, *color);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
    if (color != nullptr)
        ImGui::PopStyleColor();
    if (font != nullptr)
        ImGui::PopFont();
}

} // namespace

void Paragraph(UiContext& ctx, std::string_view text)
{
    wrappedIn(ctx, nullptr, nullptr, text);
}

void ParagraphColored(UiContext& ctx, std::string_view text, const ImVec4& color)
{
    wrappedIn(ctx, nullptr, &color, text);
}

void Label(UiContext& ctx, std::string_view text)
{
    wrappedIn(ctx, ctx.faces().bold, nullptr, text);
}

void Title(UiContext& ctx, std::string_view text)
{
    wrappedIn(ctx, ctx.faces().title, nullptr, text);
}

void TextIn(UiContext& ctx, ImFont* font, const ImVec4& color, std::string_view text)
{
    ctx.record.addText(text);
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void Badge(UiContext& ctx, std::string_view text, const ImVec4& bg, const ImVec4& fg)
{
    ctx.record.addText(text);
    const ImVec2 pad(ctx.em(0.4f), ctx.em(0.15f));
    const ImVec2 ts = ImGui::CalcTextSize(text.data(), text.data() + text.size());
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 size(ts.x + pad.x * 2, ts.y + pad.y * 2);
    ImDrawList* list = ImGui::GetWindowDrawList();
    FillRoundedRect(list, pos, ImVec2(pos.x + size.x, pos.y + size.y), packed(bg), ctx.em(0.3f));
    list->AddText(ImVec2(pos.x + pad.x, pos.y + pad.y), packed(fg), text.data(), text.data() + text.size());
    ImGui::Dummy(size);
}

void Divider(UiContext& ctx)
{
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const float h = std::max(1.0f, 2.0f * ctx.uiScale);
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + w, p.y + h), packed(ctx.palette.border));
    ImGui::Dummy(ImVec2(w, h));
}

void drawCentredWrapped(ImDrawList* list, ImFont* font, float size, ImVec2 min, ImVec2 max, ImU32 color,
                        std::string_view text)
{
    const float width = max.x - min.x;
    const std::vector<LineSpan> lines = wrapLines(font, size, width, text);
    const float lineH = size * 1.15f;
    const float total = lineH * static_cast<float>(lines.size());
    float y = min.y + ((max.y - min.y) - total) * 0.5f + (lineH - size) * 0.5f;
    for (const LineSpan& l : lines)
    {
        const ImVec2 ls = font->CalcTextSizeA(size, FLT_MAX, 0.0f, l.begin, l.end);
        list->AddText(font, size, ImVec2(min.x + (width - ls.x) * 0.5f, y), color, l.begin, l.end);
        y += lineH;
    }
}

void drawLeftWrapped(ImDrawList* list, ImFont* font, float size, ImVec2 min, float width, ImU32 color,
                     std::string_view text)
{
    const float lineH = size * 1.15f;
    float y = min.y + (lineH - size) * 0.5f;
    for (const LineSpan& l : wrapLines(font, size, width, text))
    {
        list->AddText(font, size, ImVec2(min.x, y), color, l.begin, l.end);
        y += lineH;
    }
}

float wrappedHeight(ImFont* font, float size, float width, std::string_view text)
{
    return size * 1.15f * static_cast<float>(wrapLines(font, size, width, text).size());
}

} // namespace okienko::kiosk::ui
