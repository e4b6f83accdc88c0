// A short message at the bottom of the screen that needs no answer ("The field is full").
// The caller decides how long it stays (state holds its expiry); this only draws it.
#pragma once

#include "kiosk/ui/ui_context.hpp"

#include <cstdint>
#include <string_view>
#include <utility>

namespace okienko::kiosk::ui
{

/// Draws the toast near the bottom edge (the Back/Home bar is at the top, the on-screen keyboard
/// is below the content: the toast sits above neither) and returns its rectangle (min, max).
std::pair<ImVec2, ImVec2> Toast(UiContext& ctx, std::string_view text);

/// Auto-hide: true while a toast shown at `shownAtMs` is still due at `nowMs`.
inline bool toastVisible(std::int64_t shownAtMs, std::int64_t nowMs, std::int64_t durationMs = 4000)
{
    return nowMs >= shownAtMs && nowMs - shownAtMs < durationMs;
}

} // namespace okienko::kiosk::ui
