// A read-only looking text box for app-owned text: the keyboard edits the TextBuffer in state;
// this only shows it with a caret. (ImGui's InputText loses focus when a drawn key is tapped.)
#pragma once

#include "kiosk/ui/ui_context.hpp"

#include <string_view>

namespace okienko::kiosk::ui
{

/// Draws `text` (or `placeholder` in muted colour when empty) in a framed box `width` px wide.
void TextField(UiContext& ctx, std::string_view text, std::string_view placeholder, float width,
               std::string_view suffix = {});

} // namespace okienko::kiosk::ui
