// Text field drawing (see text_field.hpp).
#include "kiosk/ui/widgets/text_field.hpp"

#include "kiosk/ui/widgets/big_button.hpp"
#include "kiosk/ui/widgets/shapes.hpp"

#include <algorithm>
#include <cfloat>
#include <string>

namespace okienko::kiosk::ui
{

bool TextField(UiContext& ctx, std::string_view text, float width, const TextFieldOptions& options)
{
    const ImGuiStyle& style = ImGui::GetStyle();
    ImFont* font = ctx.faces().bold;
    const float h = std::max(ctx.minTargetPx(), font->FontSize + style.FramePadding.y * 2);
    bool tapped = false;
    if (!options.id.empty())
    {
        ImGui::PushID(options.id.data(), options.id.data() + options.id.size());
        tapped = ImGui::InvisibleButton("##field", ImVec2(width, h)) && !touchDragged(ctx);
        ImGui::PopID();
        Spoken spoken;
        spoken.role = SpokenRole::TextField;
        spoken.value = text;
        spoken.personal = options.personal;
        spoken.masked = options.masked;
        spoken.speech = options.name.empty() ? options.hint : options.name;
        ctx.record.addTarget(text.empty() ? options.hint : text, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), true,
                             options.id, spoken);
    }
    else
    {
        ImGui::Dummy(ImVec2(width, h));
    }
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    ImDrawList* list = ImGui::GetWindowDrawList();
    const bool focused = options.focused;
    FillRoundedRectWithBorder(list, min, max, packed(focused ? ctx.palette.surface : ctx.palette.background),
                              packed(focused ? ctx.palette.accent : ctx.palette.border), style.FrameRounding,
                              style.FrameBorderSize * (focused ? 2.0f : 1.0f));
    const float y = min.y + (h - font->FontSize) * 0.5f;
    float x = min.x + style.FramePadding.x;
    float suffixW = 0.0f;
    if (!options.suffix.empty())
        suffixW = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, options.suffix.data(),
                                      options.suffix.data() + options.suffix.size())
                      .x +
                  style.FramePadding.x;
    list->PushClipRect(min, max, true);
    const float caretW = 3.0f * ctx.uiScale;
    if (text.empty())
    {
        // The caret first, then the hint in the body face and muted colour: nothing typed yet.
        if (focused)
            x += caretW + style.ItemInnerSpacing.x;
        // A hint wider than a narrow field (beside the keyboard, in large text) is never cut inside a
        // word ("Торкніться, щоб в"): it drops its last clauses ("Wpisz, czego szukasz, np. wózek,
        // psycholog" → "Wpisz, czego szukasz"), in the session's body face or the normal size's,
        // whichever keeps more of it (the session's on a tie); wider still, the sweep hears of it.
        const float room = max.x - style.FramePadding.x - x - suffixW;
        auto widthIn = [](ImFont* f, std::string_view t)
        {
            return f->CalcTextSizeA(f->FontSize, FLT_MAX, 0.0f, t.data(), t.data() + t.size()).x;
        };
        auto fitted = [&](ImFont* f)
        {
            std::string_view t = options.hint;
            for (std::size_t comma = t.rfind(", "); widthIn(f, t) > room && comma != std::string_view::npos;
                 comma = t.rfind(", "))
                t = t.substr(0, comma);
            return t;
        };
        ImFont* body = ctx.faces().body;
        std::string_view hint = fitted(body);
        ImFont* normal = ctx.fonts.faces(false).body;
        const std::string_view normalHint = fitted(normal);
        if (widthIn(body, hint) > room || (widthIn(normal, normalHint) <= room && normalHint.size() > hint.size()))
        {
            body = normal;
            hint = normalHint;
        }
        if (widthIn(body, hint) > room)
            ctx.record.addClip("past-edge", options.id.empty() ? options.hint : options.id, min, max);
        const float hy = min.y + (h - body->FontSize) * 0.5f;
        list->AddText(body, body->FontSize, ImVec2(x, hy), packed(ctx.palette.mutedText), hint.data(),
                      hint.data() + hint.size());
        ctx.record.addText(hint);
        x = min.x + style.FramePadding.x;
    }
    else
    {
        const ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.data(), text.data() + text.size());
        // Long text scrolls left so the caret end stays visible.
        const float room = width - style.FramePadding.x * 3 - suffixW;
        if (ts.x > room)
            x -= ts.x - room;
        list->AddText(font, font->FontSize, ImVec2(x, y), packed(ctx.palette.text), text.data(),
                      text.data() + text.size());
        x += ts.x + 2.0f;
        ctx.record.addText(text);
    }
    // Caret: a steady bar (no blinking, so an idle kiosk draws nothing).
    if (focused)
        list->AddRectFilled(ImVec2(x, y), ImVec2(x + caretW, y + font->FontSize), packed(ctx.palette.accent));
    if (!options.suffix.empty())
    {
        list->AddText(font, font->FontSize, ImVec2(max.x - suffixW, y), packed(ctx.palette.mutedText),
                      options.suffix.data(), options.suffix.data() + options.suffix.size());
        ctx.record.addText(options.suffix);
    }
    list->PopClipRect();
    return tapped;
}

void TextField(UiContext& ctx, std::string_view text, std::string_view placeholder, float width,
               std::string_view suffix)
{
    TextFieldOptions options;
    options.hint = placeholder;
    options.suffix = suffix;
    TextField(ctx, text, width, options);
}

} // namespace okienko::kiosk::ui
