// Which screen is shown and how Back gets there: a small stack of screens. Home and Attract are
// roots; Back never leaves the session (Back on Home stays on Home). Every entry also carries a
// visit number, new each time a screen is entered anew (opened, or opened with other content) and
// kept when Back returns to it: screens start fresh (scrolled to the top) on a new visit only.
#pragma once

#include "kiosk/core/screen_id.hpp"

#include <cstdint>
#include <vector>

namespace okienko::kiosk
{

class Router
{
  public:
    Router();

    ScreenId current() const { return m_stack.back(); }
    /// The current entry's visit number: unique in the process (a new session never repeats one).
    std::uint64_t visit() const { return m_visits.back(); }
    /// The current screen is entered anew with other content (another service on the same page).
    void renew();
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

    /// Compares the screens only: visit numbers are not session data.
    friend bool operator==(const Router& a, const Router& b) { return a.m_stack == b.m_stack; }

  private:
    std::vector<ScreenId> m_stack{ScreenId::Attract};
    std::vector<std::uint64_t> m_visits;
};

} // namespace okienko::kiosk
