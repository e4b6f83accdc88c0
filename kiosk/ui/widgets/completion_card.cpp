// Code card (see completion_card.hpp).
#include "kiosk/ui/widgets/completion_card.hpp"

#include "kiosk/ui/widgets/big_button.hpp"
#include "kiosk/ui/widgets/shapes.hpp"
#include "kiosk/ui/widgets/text.hpp"

#include <algorithm>
#include <cfloat>

namespace okienko::kiosk::ui
{

void CodeCard(UiContext& ctx, std::string_view label, std::string_view code, std::string_view repeatLabel,
              float extraHeight)
{
    // The code face holds only a reference code's symbols: anything else in the text's own face.
    ImFont* face = ctx.fonts.code;
    for (const char c : code)
        if (face != nullptr &&
            face->FindGlyphNoFallback(static_cast<ImWchar>(static_cast<unsigned char>(c))) == nullptr)
            face = nullptr;
    if (face == nullptr)
        face = ctx.faces().title;
    ImFont* body = ctx.faces().body;
    const float w = ImGui::GetContentRegionAvail().x;
    const float pad = ctx.em(0.8f);
    const float inner = w - 2.0f * pad;
    const float labelH = wrappedHeight(body, body->FontSize, inner, label);
    // The code face is baked at its drawn size; a text face stands in a little enlarged.
    float size = face == ctx.fonts.code ? face->FontSize : face->FontSize * 1.6f;
    ImVec2 codeSize = face->CalcTextSizeA(size, FLT_MAX, 0.0f, code.data(), code.data() + code.size());
    if (codeSize.x > inner && codeSize.x > 0.0f)
    {
        size *= inner / codeSize.x;
        codeSize = face->CalcTextSizeA(size, FLT_MAX, 0.0f, code.data(), code.data() + code.size());
    }
    const float gap = ctx.em(0.4f);
    const float h = pad + labelH + gap + codeSize.y + pad + std::max(0.0f, extraHeight);
    if (extraHeight > 0.0f && codeSize.x > 0.0f && codeSize.y > 0.0f)
    {
        // Larger by up to half, as far as the width and the extra height allow.
        const float grow = std::min({1.5f, inner / codeSize.x, (codeSize.y + extraHeight * 0.7f) / codeSize.y});
        if (grow > 1.0f)
        {
            size *= grow;
            codeSize = face->CalcTextSizeA(size, FLT_MAX, 0.0f, code.data(), code.data() + code.size());
        }
    }
    // The label and the code as one block, centred down the card.
    const float top = std::max(pad, (h - labelH - gap - codeSize.y) * 0.5f);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    FillRoundedRectWithBorder(dl, p, ImVec2(p.x + w, p.y + h), packed(ctx.palette.surface), packed(ctx.palette.accent),
                              ctx.em(0.4f), std::max(2.0f, ctx.em(0.12f)));
    drawCentredWrapped(dl, body, body->FontSize, ImVec2(p.x + pad, p.y + top),
                       ImVec2(p.x + w - pad, p.y + top + labelH), packed(ctx.palette.text), label);
    dl->AddText(face, size, ImVec2(p.x + (w - codeSize.x) * 0.5f, p.y + top + labelH + gap), packed(ctx.palette.text),
                code.data(), code.data() + code.size());
    ctx.record.addText(label);
    ctx.record.addText(code);
    ctx.record.setCode(code);
    if (ImGui::InvisibleButton("##code-card", ImVec2(w, h)) && !touchDragged(ctx))
        ctx.record.requestCodeRepeat();
    ctx.record.addTarget(repeatLabel, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), true, "repeat-code",
                         spokenAs(SpokenRole::Button));
}

} // namespace okienko::kiosk::ui
