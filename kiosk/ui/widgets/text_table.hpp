// A table of short texts (the fee calculator's bands): drawn by us on whole pixels, so its rows'
// colours fill every cell to the border and the borders line up across rows at every size, which
// ImGui's tables did not (a light gap in a highlighted row, a border one pixel off).
#pragma once

#include "kiosk/ui/ui_context.hpp"

#include <string>
#include <vector>

namespace okienko::kiosk::ui
{

struct TextTableRow
{
    std::vector<std::string> cells;
    bool header = false;      ///< bold, on the surface colour
    bool highlighted = false; ///< the resident's row: the selected colour
    int boldCell = -1;        ///< this cell in bold as well (the resident's own share)
};

/// Draws `rows` across the available width, the columns' widths in proportion to `shares`; each
/// cell wraps like a paragraph (a word too wide takes the normal size, then counts as a clip).
void TextTable(UiContext& ctx, const std::vector<float>& shares, const std::vector<TextTableRow>& rows);

} // namespace okienko::kiosk::ui
