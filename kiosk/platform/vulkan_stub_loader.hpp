// Finds libokienko-vulkan-stub.so (vulkan_stub.cpp) and hands it to SDL as its Vulkan library, so
// that a window made with SDL_WINDOW_VULKAN under Wayland is a plain toplevel: SDL 2.26 loads EGL
// (and with it Mesa and libLLVM) for every other Wayland window. Only for the software renderer's
// shared-memory frames (wayland_shm_presenter.hpp); docs/decisions/0016-wayland-window-without-egl.md.
#pragma once

#include <string>

namespace okienko::kiosk::platform
{

/// Where the stub is: beside the executable (the build tree, the tests' copies), else in the
/// package's private library directory (`<bindir>/../lib/okienko-kiosk`). Empty when neither has it.
std::string findVulkanStub();

/// SDL_Vulkan_LoadLibrary on the stub: true when SDL took it (one reference, which
/// SDL_Vulkan_UnloadLibrary gives back); false, with `error` saying why, otherwise.
bool loadVulkanStub(std::string& error);

} // namespace okienko::kiosk::platform
