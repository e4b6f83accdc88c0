// PictogramTile (see pictogram_tile.hpp).
#include "kiosk/ui/widgets/pictogram_tile.hpp"

#include "kiosk/ui/widgets/big_button.hpp"
#include "kiosk/ui/widgets/pictogram.hpp"
#include "kiosk/ui/widgets/shapes.hpp"
#include "kiosk/ui/widgets/text.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>

namespace okienko::kiosk::ui
{
namespace
{

/// Everything the size and the drawing share, measured once.
struct TileMetrics
{
    float width = 0.0f;
    float icon = 0.0f;    ///< the pictogram's edge
    float iconBox = 0.0f; ///< the pictogram with its disc (prominent) or alone
    float textWidth = 0.0f;
    float titleH = 0.0f;
    float subtitleH = 0.0f;
    float gap = 0.0f;      ///< between pictogram and text
    float contentH = 0.0f; ///< pictogram and text, without the padding
    float height = 0.0f;
    ImFont* title = nullptr;    ///< the bold face, or the normal size's when a word is too wide in large text
    ImFont* subtitle = nullptr; ///< the body face, likewise
};

bool wordsFit(ImFont* font, std::string_view text, float width);

/// `large` when every word of `text` fits `width` in it, else `normal` (the body size, never smaller).
ImFont* fittingFace(ImFont* large, ImFont* normal, std::string_view text, float width)
{
    return wordsFit(large, text, width) ? large : normal;
}

float iconEdge(const UiContext& ctx, float requested)
{
    return requested > 0.0f ? requested : pictogramTileSize(ctx);
}

float iconBoxEdge(float icon, bool prominent)
{
    return prominent ? std::round(icon * 1.4f) : icon;
}

float textColumnWidth(float width, float iconBox, TileShape shape, float gap)
{
    const float padX = ImGui::GetStyle().FramePadding.x;
    return shape == TileShape::Row ? width - 2.0f * padX - iconBox - gap : width - 2.0f * padX;
}

TileMetrics measure(const UiContext& ctx, std::string_view label, const TileOptions& o)
{
    const ImGuiStyle& style = ImGui::GetStyle();
    TileMetrics m;
    m.width = o.width > 0.0f ? o.width : ImGui::GetContentRegionAvail().x;
    m.width = std::max(m.width, ctx.minTargetPx());
    const bool icon = !o.pictogram.empty();
    m.icon = icon ? iconEdge(ctx, o.iconSize) : 0.0f;
    m.iconBox = icon ? iconBoxEdge(m.icon, o.prominent) : 0.0f;
    m.gap = !icon ? 0.0f : o.shape == TileShape::Row ? style.ItemInnerSpacing.x * 1.5f : style.ItemInnerSpacing.y;
    m.textWidth = std::max(1.0f, textColumnWidth(m.width, m.iconBox, o.shape, m.gap));
    const std::string_view visible = visibleLabel(label);
    const FontFaces& normal = ctx.fonts.faces(false);
    // A name whose longest word is wider than the column even in the normal bold (beside a keyboard):
    // the normal regular face, still body size.
    m.title = fittingFace(ctx.faces().bold, fittingFace(normal.bold, normal.body, visible, m.textWidth), visible,
                          m.textWidth);
    m.subtitle = fittingFace(ctx.faces().body, normal.body, o.subtitle, m.textWidth);
    m.titleH = wrappedHeight(m.title, m.title->FontSize, m.textWidth, visible);
    if (!o.subtitle.empty())
        m.subtitleH =
            wrappedHeight(m.subtitle, m.subtitle->FontSize, m.textWidth, o.subtitle) + style.ItemInnerSpacing.y * 0.5f;
    const float text = m.titleH + m.subtitleH;
    m.contentH = o.shape == TileShape::Row ? std::max(m.iconBox, text) : m.iconBox + m.gap + text;
    m.height = std::max({m.contentH + 2.0f * style.FramePadding.y, ctx.minTargetPx(), o.minHeight});
    return m;
}

bool wordsFit(ImFont* font, std::string_view text, float width)
{
    std::size_t start = 0;
    while (start < text.size())
    {
        std::size_t end = text.find_first_of(" \n", start);
        if (end == std::string_view::npos)
            end = text.size();
        if (end > start &&
            font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.data() + start, text.data() + end).x > width)
            return false;
        start = end + 1;
    }
    return true;
}

/// The title's and each subtitle line's box ("Wolne od dziś: 3 szt." apart from the attributes under it).
void recordTileTexts(UiContext& ctx, const TileMetrics& m, const TileOptions& o, ImVec2 textMin, std::string_view title)
{
    ctx.record.addTextBox(title, textMin, ImVec2(textMin.x + m.textWidth, textMin.y + m.titleH));
    float y = textMin.y + m.titleH + ImGui::GetStyle().ItemInnerSpacing.y * 0.5f;
    std::string_view rest = o.subtitle;
    while (!rest.empty())
    {
        const std::size_t end = rest.find('\n');
        const std::string_view line = rest.substr(0, end);
        const float h = wrappedHeight(m.subtitle, m.subtitle->FontSize, m.textWidth, line);
        ctx.record.addTextBox(line, ImVec2(textMin.x, y), ImVec2(textMin.x + m.textWidth, y + h));
        y += h;
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    }
}

} // namespace

ImVec2 PictogramTileSize(const UiContext& ctx, std::string_view label, const TileOptions& options)
{
    const TileMetrics m = measure(ctx, label, options);
    return ImVec2(m.width, m.height);
}

bool PictogramTileWordsFit(const UiContext& ctx, std::string_view label, std::string_view subtitle, float width,
                           TileShape shape, float iconSize)
{
    const ImGuiStyle& style = ImGui::GetStyle();
    const float gap = shape == TileShape::Row ? style.ItemInnerSpacing.x * 1.5f : style.ItemInnerSpacing.y;
    const float textW = textColumnWidth(width, iconBoxEdge(iconEdge(ctx, iconSize), false), shape, gap);
    return wordsFit(ctx.faces().bold, visibleLabel(label), textW) && wordsFit(ctx.faces().body, subtitle, textW);
}

bool PictogramTile(UiContext& ctx, std::string_view label, const TileOptions& options)
{
    const ImGuiStyle& style = ImGui::GetStyle();
    const TileMetrics m = measure(ctx, label, options);
    const std::string_view visible = visibleLabel(label);

    if (!options.enabled)
        ImGui::BeginDisabled();
    const std::string id(label);
    const bool released = ImGui::InvisibleButton(id.c_str(), ImVec2(m.width, m.height));
    const bool held = ImGui::IsItemActive();
    if (!options.enabled)
        ImGui::EndDisabled();
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    Spoken spoken;
    spoken.role = SpokenRole::Button;
    ctx.record.addTarget(visible, min, max, options.enabled, options.id, spoken);
    if (!options.subtitle.empty())
        ctx.record.addText(options.subtitle);
    if (!options.pictogram.empty())
        ctx.record.addText(pictogramRecordText(options.pictogram));

    const Palette& p = ctx.palette;
    const ImVec4 face = !options.enabled ? p.background : held ? p.surfaceHot : p.surface;
    const ImVec4 border = options.prominent && options.enabled ? p.accent : p.border;
    const ImVec4 text = options.enabled ? p.text : p.mutedText;
    ImDrawList* list = ImGui::GetWindowDrawList();
    FillRoundedRectWithBorder(list, min, max, packed(face), packed(border), style.FrameRounding, style.FrameBorderSize);

    const float padX = style.FramePadding.x;
    const float top = std::round(min.y + (m.height - m.contentH) * 0.5f);
    ImVec2 iconMin;
    ImVec2 textMin;
    if (options.shape == TileShape::Column)
    {
        iconMin = ImVec2(std::round(min.x + (m.width - m.iconBox) * 0.5f), top);
        textMin = ImVec2(min.x + padX, top + m.iconBox + m.gap);
    }
    else
    {
        const float textH = m.titleH + m.subtitleH;
        const float textTop = std::round(min.y + (m.height - textH) * 0.5f);
        // A text taller than the pictogram (an equipment type with its attributes): the pictogram
        // stands beside the title, at the row's start, not in the middle of a row taller than the
        // list that shows it.
        const float iconTop = textH > m.iconBox ? textTop : std::round(min.y + (m.height - m.iconBox) * 0.5f);
        iconMin = ImVec2(min.x + padX, iconTop);
        textMin = ImVec2(iconMin.x + m.iconBox + m.gap, textTop);
    }
    // Where the pictogram, the title and each line of the subtitle are, in the list's view (before
    // the tile's own clip): a script checks that a row shows them whole (`expect-whole-text`).
    if (!options.pictogram.empty())
        ctx.record.addTextBox(pictogramRecordText(options.pictogram), iconMin,
                              ImVec2(iconMin.x + m.iconBox, iconMin.y + m.iconBox));
    recordTileTexts(ctx, m, options, textMin, visible);
    list->PushClipRect(min, max, true);
    if (!options.pictogram.empty())
    {
        ImU32 iconColour = packed(options.enabled ? p.accent : p.mutedText);
        if (options.prominent)
        {
            const float r = m.iconBox * 0.5f;
            list->AddCircleFilled(ImVec2(iconMin.x + r, iconMin.y + r), r, iconColour, 48);
            iconColour = packed(p.accentText);
        }
        const float inset = std::round((m.iconBox - m.icon) * 0.5f);
        drawPictogram(ctx, list, options.pictogram, ImVec2(iconMin.x + inset, iconMin.y + inset), m.icon, iconColour);
    }

    ImFont* bold = m.title;
    ImFont* body = m.subtitle;
    // The grid picks columns in which no word breaks; when even one column cannot, the sweep must hear of it.
    const std::string_view what = options.id.empty() ? visible : std::string_view(options.id);
    if (breaksWord(bold, bold->FontSize, m.textWidth, visible) ||
        (!options.subtitle.empty() && breaksWord(body, body->FontSize, m.textWidth, options.subtitle)))
        ctx.record.addClip("word-broken", what, min, max);
    const ImU32 subtitleColour = packed(options.enabled ? p.mutedText : text);
    if (options.shape == TileShape::Column)
    {
        drawCentredWrapped(list, bold, bold->FontSize, textMin, ImVec2(textMin.x + m.textWidth, textMin.y + m.titleH),
                           packed(text), visible);
        if (!options.subtitle.empty())
        {
            const float y = textMin.y + m.titleH + style.ItemInnerSpacing.y * 0.5f;
            drawCentredWrapped(list, body, body->FontSize, ImVec2(textMin.x, y),
                               ImVec2(textMin.x + m.textWidth, y + m.subtitleH - style.ItemInnerSpacing.y * 0.5f),
                               subtitleColour, options.subtitle);
        }
    }
    else
    {
        drawLeftWrapped(list, bold, bold->FontSize, textMin, m.textWidth, packed(text), visible);
        if (!options.subtitle.empty())
            drawLeftWrapped(list, body, body->FontSize,
                            ImVec2(textMin.x, textMin.y + m.titleH + style.ItemInnerSpacing.y * 0.5f), m.textWidth,
                            subtitleColour, options.subtitle);
    }
    list->PopClipRect();
    return released && options.enabled && !touchDragged(ctx);
}

namespace
{

TileOptions gridTile(const TileSpec& t, const GridOptions& o, float width, float minHeight)
{
    TileOptions opt;
    opt.width = width;
    opt.minHeight = minHeight;
    opt.pictogram = t.pictogram;
    opt.subtitle = o.subtitles ? std::string_view(t.subtitle) : std::string_view();
    opt.id = t.id;
    opt.shape = o.shape;
    opt.prominent = o.prominent;
    opt.enabled = t.enabled;
    opt.iconSize = o.iconSize;
    return opt;
}

float cellWidth(float width, int columns)
{
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    return std::floor((width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns));
}

/// Where each tile of a grid goes: its width and its row.
struct GridCells
{
    std::vector<float> widths;
    std::vector<float> rowHeights; ///< each row's tallest tile, at least the options' row height
    std::size_t columns = 1;
};

GridCells gridCells(const UiContext& ctx, const std::vector<TileSpec>& tiles, const GridOptions& o)
{
    GridCells g;
    g.columns = static_cast<std::size_t>(std::max(1, o.columns));
    const float avail = ImGui::GetContentRegionAvail().x;
    const std::size_t lastRowStart = tiles.size() - tiles.size() % g.columns;
    for (std::size_t i = 0; i < tiles.size(); ++i)
    {
        const bool shortRow = o.fillLastRow && i >= lastRowStart;
        g.widths.push_back(
            cellWidth(avail, shortRow ? static_cast<int>(tiles.size() - lastRowStart) : static_cast<int>(g.columns)));
    }
    g.rowHeights.assign((tiles.size() + g.columns - 1) / g.columns, o.minRowHeight);
    for (std::size_t i = 0; i < tiles.size(); ++i)
    {
        float& row = g.rowHeights[i / g.columns];
        row = std::max(row, PictogramTileSize(ctx, tiles[i].label, gridTile(tiles[i], o, g.widths[i], 0.0f)).y);
    }
    return g;
}

} // namespace

int PictogramTileColumns(const UiContext& ctx, const std::vector<TileSpec>& tiles, float width, int maxColumns,
                         TileShape shape, float iconSize)
{
    for (int cols = std::max(1, maxColumns); cols > 1; --cols)
    {
        const float w = cellWidth(width, cols);
        if (w < ctx.minTargetPx())
            continue;
        const bool fits = std::all_of(tiles.begin(), tiles.end(),
                                      [&](const TileSpec& t)
                                      { return PictogramTileWordsFit(ctx, t.label, t.subtitle, w, shape, iconSize); });
        if (fits)
            return cols;
    }
    return 1;
}

float PictogramTileGridHeight(const UiContext& ctx, const std::vector<TileSpec>& tiles, const GridOptions& options)
{
    const std::vector<float> rows = gridCells(ctx, tiles, options).rowHeights;
    float h = 0.0f;
    for (float r : rows)
        h += r;
    if (!rows.empty())
        h += ImGui::GetStyle().ItemSpacing.y * static_cast<float>(rows.size() - 1);
    return h;
}

int PictogramTileGrid(UiContext& ctx, const std::vector<TileSpec>& tiles, const GridOptions& options)
{
    const GridCells g = gridCells(ctx, tiles, options);
    int tapped = -1;
    for (std::size_t i = 0; i < tiles.size(); ++i)
    {
        if (i % g.columns != 0)
            ImGui::SameLine();
        if (PictogramTile(ctx, tiles[i].label, gridTile(tiles[i], options, g.widths[i], g.rowHeights[i / g.columns])))
            tapped = static_cast<int>(i);
    }
    return tapped;
}

} // namespace okienko::kiosk::ui
