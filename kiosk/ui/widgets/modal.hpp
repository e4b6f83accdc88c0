// A modal dialog drawn over the current screen: the screen behind is dimmed and takes no touches.
// Sized in em, centred, no title bar, no close cross (the dialog's own buttons close it).
#pragma once

#include "kiosk/ui/ui_context.hpp"

namespace okienko::kiosk::ui
{

/// What is behind the dialog.
enum class ModalBackdrop
{
    Dim,    ///< the screen shows through, dimmed
    Opaque, ///< the screen is hidden completely (personal data must not be readable behind it)
};

/// Opens the dialog; always pair with ModalEnd(). `widthFraction` of the display width.
void ModalBegin(UiContext& ctx, const char* id, float widthFraction = 0.7f,
                ModalBackdrop backdrop = ModalBackdrop::Dim);
void ModalEnd();

} // namespace okienko::kiosk::ui
