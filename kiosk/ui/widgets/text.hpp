// Text drawing that the automation script can see: every helper here records what it draws in
// the frame record, so `expect "…"` checks what a person would read, and records a clip when the
// text does not fit (a word broken in the middle, a line past the column's edge).
#pragma once

#include "kiosk/ui/ui_context.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace okienko::kiosk::ui
{

/// Body text wrapped to the available width.
void Paragraph(UiContext& ctx, std::string_view text);
/// Body text in a colour (mutedText, warningText…), wrapped.
void ParagraphColored(UiContext& ctx, std::string_view text, const ImVec4& color);
/// Bold body text, wrapped (section labels on the service page).
void Label(UiContext& ctx, std::string_view text);
/// Screen title in the title face.
void Title(UiContext& ctx, std::string_view text);
/// Text in an explicit font and colour, not wrapped (clock, badges).
void TextIn(UiContext& ctx, ImFont* font, const ImVec4& color, std::string_view text);
/// A small filled badge around `text` (e.g. the "Polish text" marker). Same line as the last item
/// when `sameLine` is true.
void Badge(UiContext& ctx, std::string_view text, const ImVec4& bg, const ImVec4& fg);

/// The face wrapped text is drawn in: `face`, or when a word of `text` does not fit `width` in it (a
/// narrow column beside a keyboard, in large text) the normal size's face of the same weight, then the
/// normal body face: never smaller than normal body text. `face` when none fits (the caller records it).
ImFont* readableFace(const UiContext& ctx, ImFont* face, float width, std::string_view text);

/// A thin horizontal rule across the available width, in the border colour.
void Divider(UiContext& ctx);

/// Draws `text` word-wrapped to `rect`'s width, each line centred; used inside buttons and tiles.
void drawCentredWrapped(ImDrawList* list, ImFont* font, float size, ImVec2 min, ImVec2 max, ImU32 color,
                        std::string_view text);
/// Draws `text` word-wrapped to `width` from `min`, each line left-aligned (list rows, tiles with a
/// pictogram beside the text); the same wrapping and line height as drawCentredWrapped.
void drawLeftWrapped(ImDrawList* list, ImFont* font, float size, ImVec2 min, float width, ImU32 color,
                     std::string_view text);
/// Height `text` needs when wrapped to `width` in `font`.
float wrappedHeight(ImFont* font, float size, float width, std::string_view text);
/// The lines `text` wraps into at `width` (what the draw functions above draw, line by line).
std::vector<std::string> wrappedLines(ImFont* font, float size, float width, std::string_view text);
/// True when `text` wrapped to `width` at `size` cuts a word between two letters or still has a
/// line wider than `width` (one glyph too wide).
bool breaksWord(ImFont* font, float size, float width, std::string_view text);

/// A button's or a key's label, centred in [min, max] and wrapped only between words: when the
/// longest word is wider than the box or the lines are taller than it, the size shrinks step by
/// step, down to `minSize` (minLabelSize: never below the normal body text). What still does not
/// fit is drawn at `minSize` and recorded as a clip named `what` (the key's id; the text when
/// empty). Returns the size drawn. The on-screen keyboard's keys and BigButton use it.
float drawFittedLabel(UiContext& ctx, ImDrawList* list, ImFont* font, float size, float minSize, ImVec2 min, ImVec2 max,
                      ImU32 color, std::string_view text, std::string_view what = {});
/// The size drawFittedLabel starts from when the height is free: the largest size from `size` down
/// to `minSize` at which every word of `text` fits `width`.
float fittedLabelSize(ImFont* font, float size, float minSize, float width, std::string_view text);
/// The smallest size a label may shrink to: the normal body text (large text shrinks back to it).
float minLabelSize(const UiContext& ctx);

} // namespace okienko::kiosk::ui
