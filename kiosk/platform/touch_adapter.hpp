// Turns SDL finger and mouse events into Dear ImGui's single pointer. ImGui 1.86's SDL backend
// ignores finger events and polls the mouse, so this adapter owns io.MousePos/io.MouseDown[0]
// and writes them after the backend's NewFrame. It also:
//  - moves the pointer to the touch point one frame before pressing (a finger has no hover);
//  - applies at most one press/release per frame, so a tap shorter than a frame still counts;
//  - moves the pointer off-screen after a release, so nothing stays highlighted.
// The automation runner feeds synthetic taps through the same path as a real finger.
// With an interceptor set (explore-by-touch while the kiosk speaks), every event goes to it first,
// at the start of the frame that would deliver it, and ImGui gets only what it passes on.
#pragma once

#include "kiosk/ui/explore_by_touch.hpp"

#include <SDL.h>
#include <deque>
#include <functional>
#include <imgui.h>
#include <vector>

namespace okienko::kiosk::platform
{

class TouchAdapter
{
  public:
    enum class Kind
    {
        Move,
        Down,
        Up
    };
    struct PointerEvent
    {
        Kind kind = Kind::Move;
        ImVec2 pos;
    };

    /// Logical window size: finger coordinates arrive normalised to 0..1.
    void setWindowSize(int w, int h);
    /// Consumes pointer events (finger, mouse button/motion). Returns true when it took the event.
    bool handleEvent(const SDL_Event& event);
    /// Queues a synthetic pointer event (automation).
    void push(Kind kind, ImVec2 pos) { m_incoming.push_back(PointerEvent{kind, pos}); }
    /// Takes an event before ImGui: returns true when it did, with what ImGui gets instead in the vector.
    using Interceptor = std::function<bool(const ui::PointerEvent&, std::vector<ui::PointerEvent>&)>;
    void setInterceptor(Interceptor interceptor) { m_interceptor = std::move(interceptor); }
    /// Writes this frame's pointer into `io`. Call after ImGui_ImplSDL2_NewFrame(), before NewFrame().
    void applyTo(ImGuiIO& io);
    /// True while queued events still need frames to be delivered.
    bool busy() const { return !m_incoming.empty() || !m_queue.empty() || m_clearHoverNext; }
    bool isDown() const { return m_down; }

  private:
    /// Hands the events that arrived since the last frame to the interceptor (or straight on).
    void intercept();

    std::deque<PointerEvent> m_incoming; ///< not yet seen by the interceptor
    std::deque<PointerEvent> m_queue;    ///< to deliver to ImGui
    Interceptor m_interceptor;
    bool m_fingerOnImGui = false; ///< the current touch started without the interceptor
    ImVec2 m_pos{0, 0};
    bool m_present = false;
    bool m_down = false;
    bool m_clearHoverNext = false;
    bool m_fingerActive = false;
    SDL_FingerID m_finger = 0;
    float m_width = 1.0f;
    float m_height = 1.0f;
};

} // namespace okienko::kiosk::platform
