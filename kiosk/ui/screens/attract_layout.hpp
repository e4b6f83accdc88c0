// How the attract screen arranges itself in the space the output really gives it (cage hands the
// kiosk the output's size, whatever the configuration says): one roomy column on a portrait
// panel; the header beside the actions when a landscape output is too short for one column; a
// tighter column, and at last no clock, when even that does not fit; on a short landscape output in
// large text (1024×600) without the "choose your language" label, and at last without the big
// language buttons (the top bar then shows its own, named in their own languages). Measures with the same
// fonts and widget sizes the screen draws with, before drawing, so the first frame is right.
#pragma once

#include "kiosk/ui/ui_context.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace okienko::kiosk::ui
{

/// Everything the attract screen writes, in the session language.
struct AttractTexts
{
    std::string_view cusName;
    std::string_view municipality;
    std::string clock;
    std::string date;
    std::string startLabel;
    std::string chooseLanguage;
    std::vector<std::string> languageNames; ///< each in its own language, in button order
};

struct AttractLayout
{
    bool twoColumns = false;         ///< header on the left, "touch to start" and languages on the right
    bool roomy = true;               ///< breathing space between the blocks
    bool clock = true;               ///< the clock and the date
    float headerWidth = 0.0f;        ///< the CUS's name, place, clock and date
    float actionsWidth = 0.0f;       ///< "touch to start" and the language buttons
    std::size_t languagesPerRow = 1; ///< as many as fit with every name on one line
    float startHeight = 0.0f;
    bool languageLabel = true;   ///< "choose your language" above the language buttons
    bool languageButtons = true; ///< the big language buttons (else the top bar shows its own)

    /// The first arrangement that fits `area` (content width, height down to the bottom bar),
    /// or the one that overflows least when none does.
    static AttractLayout choose(const UiContext& ctx, const AttractTexts& texts, ImVec2 area);

    /// The space above the header (roomy layouts only), with its item spacing.
    float leadHeight(const UiContext& ctx) const;
    /// Title, municipality, and the clock and date when shown.
    float headerHeight(const UiContext& ctx, const AttractTexts& texts) const;
    /// "Touch to start", the "choose your language" label and the language buttons.
    float actionsHeight(const UiContext& ctx, const AttractTexts& texts) const;
    /// Everything from the top of the content area to the end of the actions.
    float totalHeight(const UiContext& ctx, const AttractTexts& texts) const;
    /// Width of one language button: `languagesPerRow` of them side by side in `actionsWidth`.
    float languageButtonWidth() const;
};

/// Height of `text` in `font` wrapped to `width` (0: one line), with the item spacing after it.
float paragraphHeight(ImFont* font, std::string_view text, float width);

} // namespace okienko::kiosk::ui
