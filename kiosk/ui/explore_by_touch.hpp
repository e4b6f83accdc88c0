// Explore-by-touch, the model of the phones' screen readers, for a resident who cannot see: while
// the voice is on, a finger does not press what it touches, it hears it. The platform hands every
// pointer event to feed() before ImGui sees it; feed() hit-tests the last frame's record and says
// what to speak and which pointer events to pass on to ImGui.
//
//  - Touching a widget speaks it (label, role, state) and makes it the focus; nothing is pressed.
//  - Dragging a finger speaks each widget it enters.
//  - A tap on the widget that already has the focus activates it (a press and release at its
//    centre are passed on).
//  - A double tap anywhere (two taps within kDoubleTapMs) activates the widget that had the focus
//    before the double tap began, wherever the finger is.
//  - A vertical drag that starts inside a list that scrolls is passed on: lists still scroll.
#pragma once

#include "kiosk/core/clock.hpp"
#include "kiosk/ui/ui_context.hpp"

#include <optional>
#include <vector>

namespace okienko::kiosk::ui
{

/// A pointer event as the touch adapter sees it (logical pixels).
struct PointerEvent
{
    enum class Kind
    {
        Move,
        Down,
        Up,
    };
    Kind kind = Kind::Move;
    ImVec2 pos;
};

class ExploreByTouch
{
  public:
    static constexpr std::int64_t kDoubleTapMs = 400;

    /// What one event asks of the app.
    struct Result
    {
        std::vector<PointerEvent> deliver;  ///< to ImGui, in order
        std::optional<TapTarget> speak;     ///< a widget to describe (the finger entered it)
        std::optional<TapTarget> activated; ///< a widget activated (its press is in `deliver`)
    };

    /// `dragThreshold`: how far (px) a finger may move and still tap.
    void feed(const PointerEvent& e, const FrameRecord& record, Millis now, float dragThreshold, Result& out);
    /// Activates the focus as a double tap would (nothing when there is none or it is gone).
    void activateFocus(const FrameRecord& record, Result& out);
    /// A new screen: what had the focus is gone.
    void forgetFocus();
    const std::optional<TapTarget>& focus() const { return m_focus; }

  private:
    void activate(const TapTarget& t, const FrameRecord& record, Result& out);
    void enter(const TapTarget* t, Result& out);

    std::optional<TapTarget> m_focus;
    bool m_down = false;
    bool m_moved = false;
    bool m_scrolling = false;
    bool m_startedInList = false;
    ImVec2 m_start;
    std::optional<TapTarget> m_focusAtDown;
    // The last tap, for a double tap.
    std::optional<Millis> m_lastTapAt;
    bool m_lastTapActivated = false;
    std::optional<TapTarget> m_focusBeforeLastTap;
};

/// The same widget in another frame: by id, else by label and role.
bool sameWidget(const TapTarget& a, const TapTarget& b);

} // namespace okienko::kiosk::ui
