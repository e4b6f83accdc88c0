// Draws ImGui's frame through SDL's software renderer. SDL 2.26 rasterises every triangle by
// testing each pixel of its bounding box and fills even opaque rectangles with per-pixel
// blending; ImGui's opaque solid rectangles (button bodies, bars, bands) are the bulk of the
// pixels, so they go to SDL as unblended rectangle fills (a memset per row) and only the rest
// (glyphs, corners, outlines) as geometry.
#pragma once

#include <SDL.h>
#include <imgui.h>

namespace okienko::kiosk::platform
{

/// Same result as ImGui_ImplSDLRenderer_RenderDrawData for a software SDL_Renderer.
void renderDrawDataSoftware(SDL_Renderer* renderer, const ImDrawData& drawData);

} // namespace okienko::kiosk::platform
