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

struct Wrapped
{
    std::vector<LineSpan> lines;
    bool brokeWord = false; ///< a word wider than the width was cut between two of its letters
    float widest = 0.0f;    ///< the widest line
};

/// ImGui wraps after these even inside a run of letters ("1.5", "a,b"): not a broken word.
bool breaksAfter(char c)
{
    return c == ' ' || c == '\n' || c == '.' || c == ',' || c == ';' || c == '!' || c == '?' || c == '"';
}

/// A digit or a masked digit: a phone number's groups are kept on one line.
bool numberGroupChar(char c)
{
    return (c >= '0' && c <= '9') || c == '*';
}

Wrapped wrapLines(ImFont* font, float size, float width, std::string_view text)
{
    Wrapped out;
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
        // ImGui also wraps after a full stop or comma inside a run ("15." / "04.2026"): a date or a
        // number stays whole on the next line when the line has a space to break at instead.
        if (lineEnd < end && lineEnd > s && (lineEnd[-1] == '.' || lineEnd[-1] == ',') && *lineEnd != ' ' &&
            *lineEnd != '\n')
        {
            const char* space = lineEnd - 1;
            while (space > s && *space != ' ')
                --space;
            if (space > s)
                lineEnd = space + 1;
        }
        // A phone number's groups ("600 123 456", masked "600 *** *56") stay on one line too.
        if (lineEnd < end && lineEnd > s && *lineEnd == ' ' && numberGroupChar(lineEnd[-1]) && lineEnd + 1 < end &&
            numberGroupChar(lineEnd[1]))
        {
            const char* run = lineEnd - 1;
            while (run > s && (numberGroupChar(run[-1]) || (run[-1] == ' ' && run - 1 > s && numberGroupChar(run[-2]))))
                --run;
            if (run > s && run[-1] == ' ')
                lineEnd = run - 1;
        }
        // ImGui cuts a word that cannot fit on any line anywhere, letter by letter ("Got/owe"). A
        // compound word ("Psychologiczno-Pedagogiczna") breaks after its hyphen instead, as print does.
        if (lineEnd < end && !breaksAfter(*lineEnd) && !breaksAfter(lineEnd[-1]))
        {
            const char* hyphen = lineEnd - 1;
            while (hyphen > s && *hyphen != '-' && *hyphen != ' ')
                --hyphen;
            if (hyphen > s && *hyphen == '-')
                lineEnd = hyphen + 1;
            else
                out.brokeWord = true;
        }
        const char* nl = s;
        while (nl < lineEnd && *nl != '\n')
            ++nl;
        if (nl < lineEnd)
            lineEnd = nl;
        const char* trimmed = lineEnd;
        while (trimmed > s && trimmed[-1] == ' ')
            --trimmed;
        out.lines.push_back(LineSpan{s, trimmed});
        out.widest = std::max(out.widest, font->CalcTextSizeA(size, FLT_MAX, 0.0f, s, trimmed).x);
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
    return out;
}

float lineHeight(float size)
{
    return size * 1.15f;
}

/// True when `w` lays out in `width` without a broken word and no line wider than it.
bool fitsWidth(const Wrapped& w, float width)
{
    return !w.brokeWord && w.widest <= width + 0.5f;
}

/// After single-line text drawn at `min`, `width` wide: does it run past the column's right edge?
void checkLineEdge(UiContext& ctx, std::string_view text, ImVec2 min, ImVec2 max, float right)
{
    if (max.x > right + 0.5f || max.x > ImGui::GetIO().DisplaySize.x + 0.5f)
        ctx.record.addClip("past-edge", text, min, max);
}

} // namespace

ImFont* readableFace(const UiContext& ctx, ImFont* face, float width, std::string_view text);

namespace
{

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

/// A date or a number cut across two lines ("15." above "04.2026", "1500," above "50").
bool splitsNumber(const Wrapped& w)
{
    for (std::size_t i = 1; i < w.lines.size(); ++i)
    {
        const LineSpan& above = w.lines[i - 1];
        const LineSpan& below = w.lines[i];
        const std::size_t n = static_cast<std::size_t>(above.end - above.begin);
        if (n >= 2 && below.end > below.begin && isDigit(*below.begin) &&
            (above.end[-1] == '.' || above.end[-1] == ',') && isDigit(above.end[-2]))
            return true;
    }
    return false;
}

/// Body text drawn line by line as wrapLines breaks it (never ImGui's own wrapping, which cuts a
/// date after "15."), one item as tall as its lines.
void wrappedIn(UiContext& ctx, ImFont* font, const ImVec4* color, std::string_view text)
{
    ctx.record.addText(text);
    const float width = std::max(1.0f, ImGui::GetContentRegionAvail().x);
    ImFont* face = readableFace(ctx, font != nullptr ? font : ImGui::GetFont(), width, text);
    const float size = face->FontSize;
    const Wrapped w = wrapLines(face, size, width, text);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImU32 colour = color != nullptr ? ImGui::GetColorU32(*color) : ImGui::GetColorU32(ImGuiCol_Text);
    ImDrawList* list = ImGui::GetWindowDrawList();
    float y = at.y;
    for (const LineSpan& l : w.lines)
    {
        list->AddText(face, size, ImVec2(at.x, y), colour, l.begin, l.end);
        ctx.record.addLine(std::string_view(l.begin, static_cast<std::size_t>(l.end - l.begin)));
        y += size;
    }
    ImGui::Dummy(ImVec2(std::min(width, w.widest), std::max(size, y - at.y)));
    const ImVec2 max(at.x + width, y);
    ctx.record.addTextBox(text, at, ImVec2(at.x + std::min(width, w.widest), y));
    if (w.brokeWord)
        ctx.record.addClip("word-broken", text, at, max);
    if (splitsNumber(w))
        ctx.record.addClip("number-split", text, at, max);
}

} // namespace

/// The face a paragraph is drawn in: `face`, or when a word of `text` does not fit `width` in it (a
/// narrow column beside a keyboard, in large text), the normal size's face of the same weight, then
/// the normal body face: never smaller than normal body text.
ImFont* readableFace(const UiContext& ctx, ImFont* face, float width, std::string_view text)
{
    const FontFaces& normal = ctx.fonts.faces(false);
    ImFont* sameWeight = face;
    if (face == ctx.fonts.large.bold || face == ctx.fonts.large.title)
        sameWeight = normal.bold;
    else if (face == ctx.fonts.large.body)
        sameWeight = normal.body;
    for (ImFont* candidate : {face, sameWeight, normal.body})
    {
        if (candidate != nullptr && fitsWidth(wrapLines(candidate, candidate->FontSize, width, text), width))
            return candidate;
    }
    return face;
}

void Paragraph(UiContext& ctx, std::string_view text)
{
    wrappedIn(ctx, nullptr, nullptr, text);
}

void ParagraphColored(UiContext& ctx, std::string_view text, const ImVec4& color)
{
    wrappedIn(ctx, nullptr, &color, text);
    // A warning is something a person must hear too: the voice speaks it with the error cue.
    const ImVec4& warning = ctx.palette.warningText;
    if (color.x == warning.x && color.y == warning.y && color.z == warning.z && color.w == warning.w)
    {
        constexpr std::string_view kMark = "⚠ ";
        ctx.record.addAlert(text.substr(0, kMark.size()) == kMark ? text.substr(kMark.size()) : text);
    }
}

void Label(UiContext& ctx, std::string_view text)
{
    wrappedIn(ctx, ctx.faces().bold, nullptr, text);
}

void Title(UiContext& ctx, std::string_view text)
{
    // The first title of a frame names the screen for the voice.
    if (ctx.record.title().empty())
        ctx.record.setTitle(text);
    // A word wider than a narrow column (beside a keyboard) takes the bold body face, then the normal
    // size's, rather than breaking: still a heading, never smaller than normal body text.
    const float width = ImGui::GetContentRegionAvail().x;
    ImFont* font = ctx.faces().title;
    for (ImFont* smaller : {ctx.faces().bold, ctx.fonts.faces(false).bold})
    {
        if (!breaksWord(font, font->FontSize, width, text))
            break;
        font = smaller;
    }
    wrappedIn(ctx, font, nullptr, text);
}

void TextIn(UiContext& ctx, ImFont* font, const ImVec4& color, std::string_view text)
{
    ctx.record.addText(text);
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    checkLineEdge(ctx, text, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), right);
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
    const float right = pos.x + ImGui::GetContentRegionAvail().x;
    ImGui::Dummy(size);
    checkLineEdge(ctx, text, pos, ImVec2(pos.x + size.x, pos.y + size.y), right);
}

void Divider(UiContext& ctx)
{
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const float h = std::max(1.0f, 2.0f * ctx.uiScale);
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + w, p.y + h), packed(ctx.palette.border));
    ImGui::Dummy(ImVec2(w, h));
}

namespace
{

void drawLines(ImDrawList* list, ImFont* font, float size, ImVec2 min, ImVec2 max, ImU32 color, const Wrapped& w)
{
    const float width = max.x - min.x;
    const float lineH = lineHeight(size);
    const float total = lineH * static_cast<float>(w.lines.size());
    float y = min.y + ((max.y - min.y) - total) * 0.5f + (lineH - size) * 0.5f;
    for (const LineSpan& l : w.lines)
    {
        const ImVec2 ls = font->CalcTextSizeA(size, FLT_MAX, 0.0f, l.begin, l.end);
        list->AddText(font, size, ImVec2(min.x + (width - ls.x) * 0.5f, y), color, l.begin, l.end);
        y += lineH;
    }
}

/// Each step is this much smaller than the one before: a label shrinks just enough.
constexpr float kShrinkStep = 0.94f;

} // namespace

void drawCentredWrapped(ImDrawList* list, ImFont* font, float size, ImVec2 min, ImVec2 max, ImU32 color,
                        std::string_view text)
{
    drawLines(list, font, size, min, max, color, wrapLines(font, size, max.x - min.x, text));
}

void drawLeftWrapped(ImDrawList* list, ImFont* font, float size, ImVec2 min, float width, ImU32 color,
                     std::string_view text)
{
    const float lineH = lineHeight(size);
    float y = min.y + (lineH - size) * 0.5f;
    for (const LineSpan& l : wrapLines(font, size, width, text).lines)
    {
        list->AddText(font, size, ImVec2(min.x, y), color, l.begin, l.end);
        y += lineH;
    }
}

float wrappedHeight(ImFont* font, float size, float width, std::string_view text)
{
    return lineHeight(size) * static_cast<float>(wrapLines(font, size, width, text).lines.size());
}

std::vector<std::string> wrappedLines(ImFont* font, float size, float width, std::string_view text)
{
    std::vector<std::string> out;
    for (const LineSpan& l : wrapLines(font, size, width, text).lines)
        out.emplace_back(l.begin, l.end);
    return out;
}

bool breaksWord(ImFont* font, float size, float width, std::string_view text)
{
    return !fitsWidth(wrapLines(font, size, width, text), width);
}

float fittedLabelSize(ImFont* font, float size, float minSize, float width, std::string_view text)
{
    float s = size;
    while (s > minSize && !fitsWidth(wrapLines(font, s, width, text), width))
        s = std::max(minSize, s * kShrinkStep);
    return s;
}

float drawFittedLabel(UiContext& ctx, ImDrawList* list, ImFont* font, float size, float minSize, ImVec2 min, ImVec2 max,
                      ImU32 color, std::string_view text, std::string_view what)
{
    const float width = max.x - min.x;
    const float height = max.y - min.y;
    float s = size;
    Wrapped w = wrapLines(font, s, width, text);
    const auto fits = [&]
    {
        return fitsWidth(w, width) && lineHeight(s) * static_cast<float>(w.lines.size()) <= height + 0.5f;
    };
    while (s > minSize && !fits())
    {
        s = std::max(minSize, s * kShrinkStep);
        w = wrapLines(font, s, width, text);
    }
    if (!fits())
        ctx.record.addClip(w.brokeWord ? "word-broken" : "text-overflow", what.empty() ? text : what, min, max);
    drawLines(list, font, s, min, max, color, w);
    return s;
}

float minLabelSize(const UiContext& ctx)
{
    const float normalBody = ctx.fonts.normal.body != nullptr ? ctx.fonts.normal.body->FontSize : 0.0f;
    return std::min(normalBody, ImGui::GetFontSize());
}

} // namespace okienko::kiosk::ui
