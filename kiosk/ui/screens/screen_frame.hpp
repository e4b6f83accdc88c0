// The frame every screen shares: one full-screen root window, a top bar (Back, Home, language
// switch) and a bottom bar (large text, high contrast). Screens put their content between. Also
// the layout class of the output (portrait or landscape, how many columns fit), so every screen
// decides the same way.
#pragma once

#include "kiosk/ui/screens/screen_env.hpp"
#include "kiosk/ui/ui_context.hpp"

#include <string>

namespace okienko::kiosk::ui
{

struct FrameOptions
{
    bool backAndHome = true; ///< false on roots (attract, config error)
};

/// Measures what the frame needs this frame (the bottom bar's labels in the session language and
/// text size); drawFrame calls it before the screen, so bottomBarHeight(ctx) is right everywhere.
void prepareScreenFrame(const ScreenEnv& env, UiContext& ctx);

/// True when the display is wider than tall (1280×720, 1920×1080).
bool isLandscape();
/// A landscape display less than 26 lines of body text tall (1280×720 in either text size, 1024×600;
/// not 1920×1080): the frame is slimmer there (half the margin above the top bar and under the
/// bottom bar, no gap under the top bar) and the flows put their step on the title's row.
bool isShortLandscape(const UiContext& ctx);
/// How many columns at least `minColumnEm` body-text heights wide fit in the width left on the
/// current line: 1 to 2 on a portrait display, 1 to 3 on a landscape one.
int layoutColumns(const UiContext& ctx, float minColumnEm);

/// Opens the root window covering the display. Always pair with endScreen().
void beginScreen(UiContext& ctx, const char* id);
void endScreen();

/// Back + Home (when asked) on the left, language buttons on the right, each named in its own
/// language ("Polski", "Українська", "English"); when they do not fit beside Back and Home (or
/// beside what the caller put on the line), the language buttons take a second row.
void drawTopBar(const ScreenEnv& env, UiContext& ctx, Intents& out, const FrameOptions& options = {});
/// The width the language buttons take on the top bar's row (each named in its own language), so a
/// title beside them stops short of them.
float languageButtonsWidth(const ScreenEnv& env, const UiContext& ctx);
/// The connectivity status line ("Online · ostatnia synchronizacja 10:42", "Offline — …"); empty
/// for a standalone kiosk.
std::string connectivityText(const ScreenEnv& env);
/// The status line and the accessibility toggles at the bottom of the root window.
void drawBottomBar(const ScreenEnv& env, UiContext& ctx, Intents& out);
/// Height the bottom bar needs above the window's bottom padding: a content area ends this far
/// above the bottom of the content region (`GetContentRegionAvail().y - bottomBarHeight(ctx)`).
/// Measured with the toggles' labels (a label wraps onto two lines on a narrow output in large text).
float bottomBarHeight(const UiContext& ctx);
/// The same, measured now with `env`'s labels (equal to bottomBarHeight(ctx) after
/// prepareScreenFrame).
float bottomBarHeight(const ScreenEnv& env, const UiContext& ctx);

} // namespace okienko::kiosk::ui
