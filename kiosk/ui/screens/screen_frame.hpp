// The frame every screen shares: one full-screen root window, a top bar (Back, Home, language
// switch) and a bottom bar (large text, high contrast). Screens put their content between.
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

/// Opens the root window covering the display. Always pair with endScreen().
void beginScreen(UiContext& ctx, const char* id);
void endScreen();

/// Back + Home (when asked) on the left, language buttons on the right.
void drawTopBar(const ScreenEnv& env, UiContext& ctx, Intents& out, const FrameOptions& options = {});
/// The connectivity status line ("Online · ostatnia synchronizacja 10:42", "Offline — …"); empty
/// for a standalone kiosk.
std::string connectivityText(const ScreenEnv& env);
/// The status line and the accessibility toggles at the bottom of the root window.
void drawBottomBar(const ScreenEnv& env, UiContext& ctx, Intents& out);
/// Height the bottom bar needs: content areas stop this far above the window's bottom.
float bottomBarHeight(const UiContext& ctx);
/// The same, measured with the toggles' labels: more than bottomBarHeight(ctx) when large text
/// wraps a label on a narrow output. The bar is drawn this high.
float bottomBarHeight(const ScreenEnv& env, const UiContext& ctx);

} // namespace okienko::kiosk::ui
