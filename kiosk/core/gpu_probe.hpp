// Whether the machine has a GPU that draws, asked without loading GL: `renderer = "auto"` picks
// SDL's software renderer on a GPU-less kiosk PC before Mesa's llvmpipe (libLLVM, ~50 MiB more
// PSS, never unloaded once loaded) is in the process.
#pragma once

#include <filesystem>
#include <string_view>

namespace okienko::kiosk
{

/// True when some DRM render node (sysfs class drm, `renderD*`) belongs to a kernel driver that
/// draws (not vgem or vkms, which only move buffers).
bool hasRenderGpu(const std::filesystem::path& sysClassDrm = "/sys/class/drm");

/// True for Mesa's CPU rasterisers, from GL's GL_RENDERER string ("llvmpipe (LLVM 15.0.6, 256 bits)").
bool isSoftwareRasteriser(std::string_view glRenderer);

} // namespace okienko::kiosk
