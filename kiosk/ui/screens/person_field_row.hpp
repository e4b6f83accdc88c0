// The person form as the equipment and check-out screens draw it: a field's row (its label, a field
// showing what was typed with a muted hint when empty, tap to type there, and its messages) and the
// keys under or beside the form. Each flow
// names its own words and ids.
#pragma once

#include "kiosk/core/flows/flow_field.hpp"
#include "kiosk/core/flows/person_form.hpp"
#include "kiosk/ui/screens/screen_env.hpp"
#include "kiosk/ui/ui_context.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace okienko::kiosk::ui
{

/// Where one flow's screens find the words and widget ids of its person fields.
struct PersonFieldNames
{
    std::string_view keyPrefix; ///< "equipment.field." → "equipment.field.postal_code", "….tap_to_type"
    std::string_view idPrefix;  ///< "eq-field-" → "eq-field-postal" (the UI scripts tap these ids)
};

/// What a field shows: the postal code with its dash ("18100" → "18-100" while typing), the phone
/// grouped, and the PESEL masked as soon as the focus leaves it (someone behind must not read it).
std::string shownPersonValue(PersonField field, const std::string& text, bool focused);

/// Draws the row of `field`, whose text is `text`; true when it was tapped (the flow moves its focus there).
bool personFieldRow(const ScreenEnv& env, UiContext& ctx, const PersonForm& form, PersonField field,
                    const FlowField& text, const PersonFieldNames& names);

/// The keys under the form: the numeric keypad, centred, for a keypad field, else the letter keyboard;
/// the key pressed this frame, if any.
std::optional<Key> personFormKeys(const ScreenEnv& env, UiContext& ctx, bool numeric);

/// Landscape, where the keys fit beside the form at a finger's size: opens the form's column (a child
/// window `id` from here down to the bottom bar, left of the keys) so the screen's title and step go
/// over the fields and the keys get the whole height on the right, standing on the bottom bar. Call
/// it before the title; beginPersonForm then fills the rest of the column and endPersonForm closes
/// it. Elsewhere (portrait, or no room beside) it does nothing and the keys go under the form.
void beginFormColumn(const ScreenEnv& env, UiContext& ctx, const char* id, bool numeric);
/// True between beginFormColumn (when it opened a column) and endPersonForm.
bool formColumnOpen();

/// Opens the scrolling area of a form's fields, leaving room for its keys (the keypad for a keypad
/// field, else the letter keyboard): under it in portrait, beside it in landscape when the fields
/// keep a readable width, so the keyboard never covers the field being typed. Pair with endPersonForm.
void beginPersonForm(const ScreenEnv& env, UiContext& ctx, const char* id, bool numeric);
/// Closes the area and draws the keys; the key pressed this frame, if any.
std::optional<Key> endPersonForm(const ScreenEnv& env, UiContext& ctx, bool numeric);

/// Scrolls the list so the focused field `id`'s row, from `rowTop` (ImGui::GetCursorPosY() before its
/// label) to the cursor now, is whole in the list's middle, once, when the focus moved to it.
void scrollIntoViewOnFocus(std::string_view id, float rowTop);
/// Where scrollSpanIntoViewOnChange puts a span.
enum class SpanAlign
{
    Least,  ///< the least scroll that shows it
    Centre, ///< in the list's middle
    Top,    ///< at the list's top when it is not in sight whole (nothing half cut above it)
};

/// Scrolls the list so the span from `top` to `bottom` (cursor positions in the list,
/// ImGui::GetCursorPosY()) is whole in sight, once each time `value` differs from the last one seen
/// under `slot`. A span taller than the list shows its top (a label is never cut in half above its
/// field). An empty span (`bottom <= top`) only remembers the value.
void scrollSpanIntoViewOnChange(const char* slot, std::string_view value, float top, float bottom,
                                SpanAlign align = SpanAlign::Least);

} // namespace okienko::kiosk::ui
