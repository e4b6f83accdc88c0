// GPU presence from sysfs and GL renderer names (see gpu_probe.hpp).
#include "kiosk/core/gpu_probe.hpp"

#include <system_error>

namespace okienko::kiosk
{

bool hasRenderGpu(const std::filesystem::path& sysClassDrm)
{
    std::error_code ec;
    for (std::filesystem::directory_iterator it(sysClassDrm, ec), end; !ec && it != end; it.increment(ec))
    {
        const std::string node = it->path().filename().string();
        if (node.rfind("renderD", 0) != 0)
            continue;
        std::error_code linkError;
        const std::filesystem::path driver = std::filesystem::read_symlink(it->path() / "device" / "driver", linkError);
        if (linkError)
            continue;
        const std::string name = driver.filename().string();
        if (name != "vgem" && name != "vkms")
            return true;
    }
    return false;
}

bool isSoftwareRasteriser(std::string_view glRenderer)
{
    for (std::string_view cpu : {"llvmpipe", "softpipe", "Software Rasterizer", "SWR"})
        if (glRenderer.find(cpu) != std::string_view::npos)
            return true;
    return false;
}

} // namespace okienko::kiosk
