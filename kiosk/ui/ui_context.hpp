// What every screen and widget draws with: fonts, palette, physical units, and the record of the
// current frame (every tappable label with its rectangle, every text drawn, every clip). The record
// is what the automation script taps and checks, so "tap \"Szukaj\"" hits what a person would see,
// and `expect-no-clip` fails on text that does not fit what a person would read it in.
#pragma once

#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/theme.hpp"

#include <cstdint>
#include <imgui.h>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace okienko::kiosk::ui
{

/// A widget a finger can hit, as drawn this frame.
struct TapTarget
{
    std::string label; ///< visible text (the part before "##")
    std::string id;    ///< stable id when the widget has one (keyboard keys: "key-q")
    ImVec2 min;        ///< the part that is visible (inside its list's clip rectangle)
    ImVec2 max;
    bool enabled = true;
    bool visible = true; ///< false when scrolled out of its list: a finger cannot reach it now
    ImVec2 clipMin;      ///< the list (or window) area that shows it
    ImVec2 clipMax;
    float fullMinY = 0.0f; ///< the whole widget's top and bottom, also when scrolled away
    float fullMaxY = 0.0f;
    float fullMinX = 0.0f; ///< the whole widget's left and right, also when clipped
    float fullMaxX = 0.0f;
    bool covered = false; ///< partly under something drawn later over the content (the bottom bar)
    bool inList = false;  ///< drawn in a child window (a list that scrolls): partly hidden is normal

    /// Drawn whole on a display of `size`: not clipped, not covered, inside the display.
    bool isWhole(ImVec2 displaySize) const;

    ImVec2 centre() const { return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f); }
};

/// Something a person cannot read or reach whole: text that does not fit its widget, a word broken
/// inside itself, a tap target off the display, under the bottom bar or overlapping another.
struct Clip
{
    std::string kind; ///< "text-overflow", "word-broken", "past-edge", "off-display", "covered", "overlap",
                      ///< "small-target"
    std::string what; ///< the widget's id, else its label or text (shortened)
    ImVec2 min;       ///< the rectangle it was drawn in (the box the text did not fit)
    ImVec2 max;

    /// "word-broken \"key-done\" at (10,20)-(90,80)".
    std::string describe() const;
};

/// Everything visible in one frame, collected while drawing.
class FrameRecord
{
  public:
    void clear();
    /// Records a widget drawn in the current ImGui window; clips it to the window's clip rect.
    void addTarget(std::string_view label, ImVec2 min, ImVec2 max, bool enabled = true, std::string_view id = {});
    void addText(std::string_view text);
    /// An area painted over the content recorded so far (the bottom bar's backdrop): the targets
    /// already recorded there are partly hidden.
    void addCover(ImVec2 min, ImVec2 max);
    /// Records text that does not fit where it is drawn (widgets call this; see Clip::kind).
    void addClip(std::string_view kind, std::string_view what, ImVec2 min, ImVec2 max);

    /// The enabled target whose label equals `label` (ignoring leading/trailing arrows and
    /// marks such as "← " or "✓ "); else one whose label contains it; nullptr when nothing
    /// matches. Only visible targets unless `includeHidden`.
    const TapTarget* findTarget(std::string_view label, bool includeHidden = false) const;
    /// The enabled target with this stable id, or nullptr.
    const TapTarget* findTargetById(std::string_view id, bool includeHidden = false) const;
    /// True when `needle` is part of any text or label drawn this frame.
    bool containsText(std::string_view needle) const;

    /// Every clip of this frame on a display of `display`: those the widgets recorded while drawing,
    /// then enabled tap targets reaching off the display and pairs of them that overlap (a target
    /// scrolled out of its list does not count: only the part its list shows); with `minTarget` > 0
    /// also enabled keys (ids "key-…") narrower or lower than it: a finger needs 15 mm.
    std::vector<Clip> clips(ImVec2 display, float minTarget = 0.0f) const;

    const std::vector<TapTarget>& targets() const { return m_targets; }
    const std::vector<std::string>& texts() const { return m_texts; }

  private:
    std::vector<TapTarget> m_targets;
    std::vector<std::string> m_texts;
    std::vector<Clip> m_clips;
};

/// Per-list state of a kinetic scroll area.
struct TouchScrollState
{
    float velocity = 0.0f; ///< px/s, positive scrolls down
    bool dragging = false;
    bool pressed = false; ///< a touch started inside this list
};

/// The visible part of a label: ImGui's "text##id" convention hides what follows "##".
std::string_view visibleLabel(std::string_view label);

struct UiContext
{
    FontSet fonts;
    Palette palette;
    float uiScale = 1.0f;
    float pxPerMm = 4.0f; ///< display width in px / panel width in mm
    bool largeText = false;
    FrameRecord record;
    /// Set by widgets that animate (inertia, long-press progress): the scheduler keeps drawing.
    bool animating = false;
    /// 0..1: how far the last long-press hold got (the ring's fill); set while a finger holds.
    float longPressProgress = 0.0f;
    std::unordered_map<ImGuiID, TouchScrollState> scrolls;
    /// The bottom bar's height this frame, measured with its labels before any screen draws
    /// (prepareScreenFrame); 0 until then.
    float bottomBarPx = 0.0f;
    /// The router's visit number of the screen being drawn: a scroll area starts at the top on a new one.
    std::uint64_t screenVisit = 0;

    const FontFaces& faces() const { return fonts.faces(largeText); }
    /// The smallest edge a touch target may have: 15 mm on the configured panel.
    float minTargetPx() const { return 15.0f * pxPerMm; }
    /// `n` times the current body text height.
    float em(float n) const { return n * ImGui::GetFontSize(); }
};

} // namespace okienko::kiosk::ui
