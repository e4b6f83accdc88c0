// A short message at the bottom of the screen that needs no answer ("The field is full").
// The caller decides how long it stays (state holds its expiry); this only draws it.
#pragma once

#include "kiosk/ui/ui_context.hpp"

#include <string_view>

namespace okienko::kiosk::ui
{

void Toast(UiContext& ctx, std::string_view text);

} // namespace okienko::kiosk::ui
