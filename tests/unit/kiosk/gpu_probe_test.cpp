// renderer = "auto": the GPU question asked of sysfs (no GL loaded) and of GL's renderer name.
// sysfs is laid out in a temporary folder as the kernel lays out /sys/class/drm: this machine
// has no GPU, and the probe must tell a kiosk PC with one from one without.
#include "kiosk/core/gpu_probe.hpp"
#include "tests/support/temp_dir.hpp"

#include <filesystem>
#include <gtest/gtest.h>

namespace okienko::kiosk
{
namespace
{

namespace fs = std::filesystem;

/// /sys/class/drm/NODE/device/driver -> …/drivers/DRIVER, as the kernel links it.
void addNode(const fs::path& drm, const std::string& node, const std::string& driver)
{
    const fs::path device = drm / node / "device";
    fs::create_directories(device);
    const fs::path target = drm.parent_path() / "bus" / "pci" / "drivers" / driver;
    fs::create_directories(target);
    fs::create_directory_symlink(target, device / "driver");
}

TEST(GpuProbeTest, NoDrmAtAllIsNoGpu)
{
    test::TempDir dir("okienko-gpu");
    EXPECT_FALSE(hasRenderGpu(fs::path(dir.path()) / "class" / "drm"));
}

TEST(GpuProbeTest, ACardWithoutRenderNodeIsNoGpu)
{
    // simpledrm (the firmware's framebuffer) shows a card but nothing to draw with.
    test::TempDir dir("okienko-gpu");
    const fs::path drm = fs::path(dir.path()) / "class" / "drm";
    addNode(drm, "card0", "simple-framebuffer");
    EXPECT_FALSE(hasRenderGpu(drm));
}

TEST(GpuProbeTest, ARenderNodeOfAGpuDriverIsAGpu)
{
    test::TempDir dir("okienko-gpu");
    const fs::path drm = fs::path(dir.path()) / "class" / "drm";
    addNode(drm, "card0", "i915");
    addNode(drm, "renderD128", "i915");
    EXPECT_TRUE(hasRenderGpu(drm));
}

TEST(GpuProbeTest, BufferOnlyDriversAreNoGpu)
{
    test::TempDir dir("okienko-gpu");
    const fs::path drm = fs::path(dir.path()) / "class" / "drm";
    addNode(drm, "renderD128", "vgem");
    addNode(drm, "renderD129", "vkms");
    EXPECT_FALSE(hasRenderGpu(drm));
    addNode(drm, "renderD130", "amdgpu");
    EXPECT_TRUE(hasRenderGpu(drm));
}

TEST(GpuProbeTest, MesaCpuRasterisersAreSoftware)
{
    EXPECT_TRUE(isSoftwareRasteriser("llvmpipe (LLVM 15.0.6, 256 bits)"));
    EXPECT_TRUE(isSoftwareRasteriser("softpipe"));
    EXPECT_TRUE(isSoftwareRasteriser("Mesa DRI Software Rasterizer"));
    EXPECT_FALSE(isSoftwareRasteriser("Mesa Intel(R) UHD Graphics 620 (KBL GT2)"));
    EXPECT_FALSE(isSoftwareRasteriser("AMD Radeon Vega 8 Graphics (raven, LLVM 15.0.6, DRM 3.49)"));
    EXPECT_FALSE(isSoftwareRasteriser(""));
}

} // namespace
} // namespace okienko::kiosk
