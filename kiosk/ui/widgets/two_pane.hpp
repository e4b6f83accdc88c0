// Two panes side by side on a landscape display wide enough for both (a calendar beside its
// period and "Dalej", a summary beside its Confirm), one column otherwise: the flow screens'
// layouts for 1280x720 up to 1920x1080 without a stretched portrait column.
#pragma once

#include "kiosk/ui/ui_context.hpp"

namespace okienko::kiosk::ui
{

class TwoPane
{
  public:
    /// Opens the left pane (or the single column); `leftShare` of the width goes left.
    TwoPane(UiContext& ctx, const char* id, float leftShare = 0.5f);
    ~TwoPane();
    TwoPane(const TwoPane&) = delete;
    TwoPane& operator=(const TwoPane&) = delete;

    /// Continues in the right pane (below, in one column).
    void next();
    /// True when the panes are side by side.
    bool split() const { return m_split; }

  private:
    bool m_split = false;
};

/// True on a landscape display whose available width fits two panes of at least `minPaneEm` em.
bool wantsTwoPanes(const UiContext& ctx, float minPaneEm = 12.0f);

} // namespace okienko::kiosk::ui
