// A read-only looking text box for app-owned text: the keyboard edits the TextBuffer in state;
// this only shows it. (ImGui's InputText loses focus when a drawn key is tapped.) An empty field
// shows its hint muted, after the caret when it has the focus, so the hint never reads as typed text.
#pragma once

#include "kiosk/ui/ui_context.hpp"

#include <string_view>

namespace okienko::kiosk::ui
{

struct TextFieldOptions
{
    std::string_view hint;   ///< shown muted while the field is empty
    std::string_view suffix; ///< a unit at the right end ("zł")
    std::string_view id;     ///< non-empty: the field is a tap target with this id (tap to type there)
    bool focused = true;     ///< the caret and the accent border
    std::string_view name;   ///< what the field is for, as spoken ("Imię i nazwisko"); empty: the hint
    bool personal = false;   ///< personal data: its content is spoken only when the resident asks
    bool masked = false;     ///< a secret: spoken as its length only
};

/// Draws `text` in a framed box `width` px wide; true when tapped (only with an id).
bool TextField(UiContext& ctx, std::string_view text, float width, const TextFieldOptions& options);

/// A focused field without id: `text`, or `placeholder` as its hint.
void TextField(UiContext& ctx, std::string_view text, std::string_view placeholder, float width,
               std::string_view suffix = {});

} // namespace okienko::kiosk::ui
