// Finger/mouse → ImGui pointer (see touch_adapter.hpp).
#include "kiosk/platform/touch_adapter.hpp"

#include <cfloat>

namespace okienko::kiosk::platform
{

void TouchAdapter::setWindowSize(int w, int h)
{
    m_width = static_cast<float>(w);
    m_height = static_cast<float>(h);
}

bool TouchAdapter::handleEvent(const SDL_Event& event)
{
    switch (event.type)
    {
    case SDL_FINGERDOWN:
        // One finger drives the pointer; a second finger on a public kiosk is noise.
        if (m_fingerActive)
            return true;
        m_fingerActive = true;
        m_finger = event.tfinger.fingerId;
        push(Kind::Down, ImVec2(event.tfinger.x * m_width, event.tfinger.y * m_height));
        return true;
    case SDL_FINGERMOTION:
        if (m_fingerActive && event.tfinger.fingerId == m_finger)
            push(Kind::Move, ImVec2(event.tfinger.x * m_width, event.tfinger.y * m_height));
        return true;
    case SDL_FINGERUP:
        if (m_fingerActive && event.tfinger.fingerId == m_finger)
        {
            m_fingerActive = false;
            push(Kind::Up, ImVec2(event.tfinger.x * m_width, event.tfinger.y * m_height));
        }
        return true;
    case SDL_MOUSEMOTION:
        if (event.motion.which == SDL_TOUCH_MOUSEID)
            return true;
        push(Kind::Move, ImVec2(static_cast<float>(event.motion.x), static_cast<float>(event.motion.y)));
        return true;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (event.button.which == SDL_TOUCH_MOUSEID || event.button.button != SDL_BUTTON_LEFT)
            return true;
        push(event.type == SDL_MOUSEBUTTONDOWN ? Kind::Down : Kind::Up,
             ImVec2(static_cast<float>(event.button.x), static_cast<float>(event.button.y)));
        return true;
    default:
        return false;
    }
}

void TouchAdapter::intercept()
{
    std::vector<ui::PointerEvent> deliver;
    while (!m_incoming.empty())
    {
        const PointerEvent ev = m_incoming.front();
        m_incoming.pop_front();
        deliver.clear();
        const ui::PointerEvent e{static_cast<ui::PointerEvent::Kind>(static_cast<int>(ev.kind)), ev.pos};
        // A finger keeps the path it started on: a hold that turned the voice on still lifts in ImGui.
        const bool passing = m_fingerOnImGui && ev.kind != Kind::Down;
        const bool taken = !passing && m_interceptor && m_interceptor(e, deliver);
        if (ev.kind == Kind::Down)
            m_fingerOnImGui = !taken;
        else if (ev.kind == Kind::Up)
            m_fingerOnImGui = false;
        if (!taken)
        {
            m_queue.push_back(ev);
            continue;
        }
        for (const ui::PointerEvent& d : deliver)
            m_queue.push_back(PointerEvent{static_cast<Kind>(static_cast<int>(d.kind)), d.pos});
    }
}

void TouchAdapter::applyTo(ImGuiIO& io)
{
    intercept();
    if (m_clearHoverNext)
    {
        m_present = false;
        m_clearHoverNext = false;
    }
    while (!m_queue.empty())
    {
        const PointerEvent ev = m_queue.front();
        if (ev.kind == Kind::Move)
        {
            m_pos = ev.pos;
            m_present = true;
            m_queue.pop_front();
            continue;
        }
        if (ev.kind == Kind::Down)
        {
            if (!m_present || m_pos.x != ev.pos.x || m_pos.y != ev.pos.y)
            {
                // First frame: only move there, so ImGui knows what is under the finger.
                m_pos = ev.pos;
                m_present = true;
                break;
            }
            m_down = true;
            m_queue.pop_front();
            break;
        }
        m_pos = ev.pos;
        m_down = false;
        m_clearHoverNext = true;
        m_queue.pop_front();
        break;
    }
    io.MousePos = m_present ? m_pos : ImVec2(-FLT_MAX, -FLT_MAX);
    io.MouseDown[0] = m_down;
    io.MouseDown[1] = false;
    io.MouseDown[2] = false;
}

} // namespace okienko::kiosk::platform
