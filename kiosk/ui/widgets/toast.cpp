// Toast drawing (see toast.hpp): on the foreground draw list, so it needs no window and never
// takes a touch.
#include "kiosk/ui/widgets/toast.hpp"

#include "kiosk/ui/widgets/shapes.hpp"
#include "kiosk/ui/widgets/text.hpp"

#include <cfloat>

namespace okienko::kiosk::ui
{

std::pair<ImVec2, ImVec2> Toast(UiContext& ctx, std::string_view text)
{
    ctx.record.addText(text);
    const ImGuiIO& io = ImGui::GetIO();
    ImFont* font = ctx.faces().bold;
    const float maxW = io.DisplaySize.x * 0.8f;
    const float pad = ctx.em(0.8f);
    const ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, maxW, text.data(), text.data() + text.size());
    const float w = ts.x + pad * 2;
    const float h = wrappedHeight(font, font->FontSize, maxW, text) + pad * 2;
    const ImVec2 min((io.DisplaySize.x - w) * 0.5f, io.DisplaySize.y - h - ctx.em(2.0f));
    const ImVec2 max(min.x + w, min.y + h);
    ImDrawList* list = ImGui::GetForegroundDrawList();
    FillRoundedRect(list, min, max, packed(ctx.palette.text), ctx.em(0.5f));
    drawCentredWrapped(list, font, font->FontSize, ImVec2(min.x + pad, min.y + pad), ImVec2(max.x - pad, max.y - pad),
                       packed(ctx.palette.background), text);
    return {min, max};
}

} // namespace okienko::kiosk::ui
