// Explore-by-touch (see explore_by_touch.hpp).
#include "kiosk/ui/explore_by_touch.hpp"

#include <cmath>

namespace okienko::kiosk::ui
{

bool sameWidget(const TapTarget& a, const TapTarget& b)
{
    if (!a.id.empty() || !b.id.empty())
        return a.id == b.id;
    return a.label == b.label && a.role == b.role;
}

namespace
{

/// `t` as drawn in `record` now (it may have moved or gone since it was spoken).
const TapTarget* current(const TapTarget& t, const FrameRecord& record)
{
    for (const TapTarget& c : record.targets())
    {
        if (c.visible && sameWidget(c, t))
            return &c;
    }
    return nullptr;
}

} // namespace

void ExploreByTouch::forgetFocus()
{
    m_focus.reset();
    m_focusAtDown.reset();
    m_focusBeforeLastTap.reset();
    m_lastTapAt.reset();
}

void ExploreByTouch::enter(const TapTarget* t, Result& out)
{
    if (t == nullptr || (m_focus && sameWidget(*m_focus, *t)))
        return;
    m_focus = *t;
    out.speak = *t;
}

void ExploreByTouch::activate(const TapTarget& t, const FrameRecord& record, Result& out)
{
    const TapTarget* now = current(t, record);
    if (now == nullptr || !now->enabled)
        return;
    const ImVec2 c = now->centre();
    out.deliver.push_back(PointerEvent{PointerEvent::Kind::Down, c});
    out.deliver.push_back(PointerEvent{PointerEvent::Kind::Up, c});
    out.activated = *now;
    m_focus = *now;
}

void ExploreByTouch::activateFocus(const FrameRecord& record, Result& out)
{
    if (m_focus)
        activate(*m_focus, record, out);
}

void ExploreByTouch::feed(const PointerEvent& e, const FrameRecord& record, Millis now, float dragThreshold,
                          Result& out)
{
    switch (e.kind)
    {
    case PointerEvent::Kind::Down:
        m_down = true;
        m_moved = false;
        m_scrolling = false;
        m_start = e.pos;
        m_startedInList = record.inScrollList(e.pos);
        m_focusAtDown = m_focus;
        enter(record.targetAt(e.pos), out);
        return;
    case PointerEvent::Kind::Move:
    {
        if (!m_down)
            return; // a mouse passing over: no finger, nothing to say
        if (m_scrolling)
        {
            out.deliver.push_back(e);
            return;
        }
        const float dx = e.pos.x - m_start.x;
        const float dy = e.pos.y - m_start.y;
        if (std::sqrt(dx * dx + dy * dy) > dragThreshold)
            m_moved = true;
        if (m_moved && m_startedInList && std::fabs(dy) > std::fabs(dx))
        {
            // A list is being scrolled: ImGui gets the finger from where it started.
            m_scrolling = true;
            out.deliver.push_back(PointerEvent{PointerEvent::Kind::Down, m_start});
            out.deliver.push_back(e);
            return;
        }
        enter(record.targetAt(e.pos), out);
        return;
    }
    case PointerEvent::Kind::Up:
    {
        m_down = false;
        if (m_scrolling)
        {
            out.deliver.push_back(e);
            m_scrolling = false;
            return;
        }
        if (m_moved)
            return; // exploring: lifting the finger presses nothing
        const bool doubleTap = m_lastTapAt && now - *m_lastTapAt <= Millis(kDoubleTapMs);
        if (doubleTap)
        {
            m_lastTapAt.reset();
            if (m_lastTapActivated)
                return; // the first tap already activated what had the focus
            const std::optional<TapTarget> target = m_focusBeforeLastTap ? m_focusBeforeLastTap : m_focus;
            if (target)
                activate(*target, record, out);
            return;
        }
        const TapTarget* under = record.targetAt(e.pos);
        m_lastTapActivated = false;
        if (under != nullptr && m_focusAtDown && sameWidget(*under, *m_focusAtDown))
        {
            activate(*under, record, out);
            m_lastTapActivated = true;
        }
        m_focusBeforeLastTap = m_focusAtDown;
        m_lastTapAt = now;
        return;
    }
    }
}

} // namespace okienko::kiosk::ui
