// The top bar's row beside what the bar draws (the language buttons on a root screen): a screen
// may put its title there instead of on a row of its own, which a short landscape output needs for
// its content. The room is measured from the bar's own targets, so a wider bar simply leaves less.
#pragma once

#include "kiosk/ui/ui_context.hpp"

#include <cstddef>
#include <string>

namespace okienko::kiosk::ui
{

/// The widest free stretch of the bar's row.
struct TopRow
{
    float left = 0.0f;   ///< screen x where the room starts
    float right = 0.0f;  ///< screen x where the next thing the bar drew begins
    float top = 0.0f;    ///< the bar row's top
    float bottom = 0.0f; ///< the bar row's bottom

    /// True when an item of `size` fits in the room with a gap before the bar's items.
    bool fits(ImVec2 size) const;
    /// Puts the cursor where an item of `height` sits vertically centred in the row.
    void place(float height) const;
};

/// Call before drawTopBar: remembers where the bar starts.
struct TopRowMark
{
    std::size_t firstTarget = 0;
    float top = 0.0f;
};
TopRowMark markTopRow(const UiContext& ctx);
/// Call after drawTopBar: the room the bar left on its row.
TopRow topRowAfter(const UiContext& ctx, const TopRowMark& mark);

/// Draws `title` in the title face on the row when it fits there (the cursor stays under the bar),
/// else as a Title under the bar. True when it went on the row.
bool TitleInTopRow(UiContext& ctx, const TopRow& row, const std::string& title);

} // namespace okienko::kiosk::ui
