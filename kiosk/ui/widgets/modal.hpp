// A modal dialog drawn over the current screen: the screen behind is dimmed and takes no touches.
// Sized in em, centred, no title bar, no close cross (the dialog's own buttons close it).
#pragma once

#include "kiosk/ui/ui_context.hpp"

namespace okienko::kiosk::ui
{

/// Opens the dialog; always pair with ModalEnd(). `widthFraction` of the display width.
void ModalBegin(UiContext& ctx, const char* id, float widthFraction = 0.7f);
void ModalEnd();

} // namespace okienko::kiosk::ui
