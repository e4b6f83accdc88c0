// Saves what the renderer shows as a PNG (SDL_RenderReadPixels + stb_image_write). Used by the
// automation script's `screenshot` line and on a failing script line.
#pragma once

#include <SDL.h>
#include <string>

namespace okienko::kiosk::platform
{

/// Reads the current render target and writes it to `path` (parent folders are created).
/// Returns false and fills `error` on failure.
bool saveScreenshot(SDL_Renderer* renderer, const std::string& path, std::string& error);

} // namespace okienko::kiosk::platform
