// TextTable (see text_table.hpp).
#include "kiosk/ui/widgets/text_table.hpp"

#include "kiosk/ui/widgets/text.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace okienko::kiosk::ui
{

void TextTable(UiContext& ctx, const std::vector<float>& shares, const std::vector<TextTableRow>& rows)
{
    if (shares.empty())
        return;
    const ImVec2 origin(std::round(ImGui::GetCursorScreenPos().x), std::round(ImGui::GetCursorScreenPos().y));
    const float width = std::floor(ImGui::GetContentRegionAvail().x);
    const float line = std::max(1.0f, std::round(ctx.uiScale));
    const ImVec2 pad(std::round(ctx.em(0.3f)), std::round(ctx.em(0.15f)));
    const float total = std::accumulate(shares.begin(), shares.end(), 0.0f);
    // Column edges on whole pixels: every row's borders fall on the same pixel columns.
    std::vector<float> edges{origin.x};
    float share = 0.0f;
    for (float s : shares)
    {
        share += s;
        edges.push_back(std::round(origin.x + width * share / total));
    }
    const FontFaces& faces = ctx.faces();
    ImDrawList* list = ImGui::GetWindowDrawList();
    const Palette& p = ctx.palette;
    float y = origin.y;
    for (const TextTableRow& row : rows)
    {
        // The row is as tall as its tallest cell.
        std::vector<ImFont*> fonts;
        float height = 0.0f;
        for (std::size_t c = 0; c < shares.size(); ++c)
        {
            const std::string& text = c < row.cells.size() ? row.cells[c] : std::string();
            const float cellW = edges[c + 1] - edges[c] - 2.0f * pad.x;
            ImFont* face = row.header || static_cast<int>(c) == row.boldCell ? faces.bold : faces.body;
            face = readableFace(ctx, face, cellW, text);
            fonts.push_back(face);
            height = std::max(height, wrappedHeight(face, face->FontSize, cellW, text));
            if (breaksWord(face, face->FontSize, cellW, text))
                ctx.record.addClip("word-broken", text, ImVec2(edges[c], y), ImVec2(edges[c + 1], y + height));
        }
        height = std::round(height + 2.0f * pad.y);
        const ImVec4& bg = row.highlighted ? p.selected : row.header ? p.background : p.surface;
        list->AddRectFilled(ImVec2(origin.x, y), ImVec2(edges.back(), y + height), packed(bg));
        for (std::size_t c = 0; c < shares.size(); ++c)
        {
            const std::string& text = c < row.cells.size() ? row.cells[c] : std::string();
            ctx.record.addText(text);
            drawLeftWrapped(list, fonts[c], fonts[c]->FontSize, ImVec2(edges[c] + pad.x, y + pad.y),
                            edges[c + 1] - edges[c] - 2.0f * pad.x, packed(p.text), text);
        }
        // The rule under the row, the full width.
        list->AddRectFilled(ImVec2(origin.x, y + height - line), ImVec2(edges.back(), y + height), packed(p.border));
        y += height;
    }
    // The frame and the column rules, whole pixels wide, from the top to the last row's rule.
    list->AddRectFilled(ImVec2(origin.x, origin.y), ImVec2(edges.back(), origin.y + line), packed(p.border));
    for (float x : edges)
    {
        const float left = std::min(x, edges.back() - line);
        list->AddRectFilled(ImVec2(left, origin.y), ImVec2(left + line, y), packed(p.border));
    }
    ImGui::Dummy(ImVec2(width, y - origin.y));
}

} // namespace okienko::kiosk::ui
