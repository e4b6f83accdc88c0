// The catalogue: browse by the 14 areas of the CUS act, by "who it is for", or search as you type
// with the on-screen keyboard. A row opens the service page.
#pragma once

#include "kiosk/ui/screens/screen_env.hpp"
#include "kiosk/ui/ui_context.hpp"

namespace okienko::kiosk::ui
{

void drawCatalogueScreen(const ScreenEnv& env, UiContext& ctx, Intents& out);

/// A service as a list row (name and summary); shared with other lists of services.
void serviceRow(const ScreenEnv& env, UiContext& ctx, Intents& out, const domain::Service& service);

} // namespace okienko::kiosk::ui
