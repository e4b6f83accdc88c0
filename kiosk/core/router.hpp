// Which screen is shown and how Back gets there: a small stack of screens. Home and Attract are
// roots; Back never leaves the session (Back on Home stays on Home).
#pragma once

#include "kiosk/core/screen_id.hpp"

#include <vector>

namespace okienko::kiosk
{

class Router
{
  public:
    ScreenId current() const { return m_stack.back(); }
    /// Opens `id` on top; opening the screen already shown does nothing.
    void push(ScreenId id);
    /// Returns to the previous screen; false (and nothing changes) at a root.
    bool back();
    /// Clears the history and shows Home.
    void home() { reset(ScreenId::Home); }
    /// Clears the history and shows `root`.
    void reset(ScreenId root);
    std::size_t depth() const { return m_stack.size(); }
    const std::vector<ScreenId>& stack() const { return m_stack; }

    friend bool operator==(const Router&, const Router&) = default;

  private:
    std::vector<ScreenId> m_stack{ScreenId::Attract};
};

} // namespace okienko::kiosk
