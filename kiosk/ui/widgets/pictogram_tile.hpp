// A tile with a pictogram: the home actions, the areas and target groups of the catalogue, the
// equipment types. Like BigButton a touch-kit widget (at least the minimum target, no hover look,
// never fired by a drag), drawn as a card: the pictogram above the title (Column) or beside it
// (Row), the subtitle under the title. Words are never split: a layout picks its columns with
// PictogramTileWordsFit so the longest word of every title fits.
#pragma once

#include "kiosk/ui/ui_context.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace okienko::kiosk::ui
{

enum class TileShape
{
    Column, ///< pictogram centred on top, title and subtitle centred under it: grid tiles
    Row,    ///< pictogram on the left, title and subtitle beside it: list rows
};

struct TileOptions
{
    float width = 0.0f;     ///< 0: the available width
    float minHeight = 0.0f; ///< the tile grows to this (a grid row's height); content is centred
    std::string_view pictogram;
    std::string_view subtitle;
    std::string_view id; ///< stable id for automation (tap-id)
    TileShape shape = TileShape::Row;
    bool prominent = false; ///< the pictogram white on an accent disc: the main actions
    bool enabled = true;
    float iconSize = 0.0f; ///< 0: pictogramTileSize(ctx)
};

/// The size the tile takes with `options` (its width and the height its content needs).
ImVec2 PictogramTileSize(const UiContext& ctx, std::string_view label, const TileOptions& options);
/// True when no word of `label` (in the tile's bold face) or of `subtitle` is wider than the text
/// column of a tile of this shape and width: no word would be split across lines.
bool PictogramTileWordsFit(const UiContext& ctx, std::string_view label, std::string_view subtitle, float width,
                           TileShape shape, float iconSize = 0.0f);
/// Draws the tile at the cursor; true on the frame a tap on it ends.
bool PictogramTile(UiContext& ctx, std::string_view label, const TileOptions& options);

/// One tile of a grid (owning its texts, so a screen can build the list and then lay it out).
struct TileSpec
{
    std::string label; ///< may carry a "##id" suffix
    std::string subtitle;
    std::string pictogram;
    std::string id;
    bool enabled = true;
};

struct GridOptions
{
    int columns = 1;
    TileShape shape = TileShape::Row;
    bool prominent = false;
    bool subtitles = true;     ///< false: titles only (a short screen)
    float minRowHeight = 0.0f; ///< every row at least this tall (a grid stretched to its screen)
    float iconSize = 0.0f;
    bool fillLastRow = false; ///< a short last row shares the whole width (no half-empty row)
};

/// The most columns, up to `maxColumns`, at which every tile's words fit whole in `width`; 1 at least.
int PictogramTileColumns(const UiContext& ctx, const std::vector<TileSpec>& tiles, float width, int maxColumns,
                         TileShape shape, float iconSize = 0.0f);
/// The height the grid takes across the available width (rows and the spacing between them).
float PictogramTileGridHeight(const UiContext& ctx, const std::vector<TileSpec>& tiles, const GridOptions& options);
/// Draws `tiles` at the cursor in rows of `columns` equal tiles, each row as tall as its tallest
/// tile; returns the index of the tile tapped this frame, or -1.
int PictogramTileGrid(UiContext& ctx, const std::vector<TileSpec>& tiles, const GridOptions& options);

} // namespace okienko::kiosk::ui
