// Locating and loading the Vulkan stub for SDL (see vulkan_stub_loader.hpp).
#include "kiosk/platform/vulkan_stub_loader.hpp"

#include <SDL.h>
#include <SDL_vulkan.h>
#include <filesystem>
#include <system_error>
#include <unistd.h>

namespace okienko::kiosk::platform
{

std::string findVulkanStub()
{
    std::error_code ec;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec)
        return {};
    const std::filesystem::path dir = exe.parent_path();
    // OKIENKO_VULKAN_STUB_NAME and OKIENKO_VULKAN_STUB_INSTALL_DIR come from kiosk/platform/CMakeLists.txt,
    // which also installs the stub there.
    for (const std::filesystem::path& candidate :
         {dir / OKIENKO_VULKAN_STUB_NAME, dir / ".." / OKIENKO_VULKAN_STUB_INSTALL_DIR / OKIENKO_VULKAN_STUB_NAME})
    {
        // Readable by this user: dlopen would fail anyway, with a vaguer message.
        if (::access(candidate.c_str(), R_OK) == 0)
            return candidate.lexically_normal().string();
    }
    return {};
}

bool loadVulkanStub(std::string& error)
{
    const std::string path = findVulkanStub();
    if (path.empty())
    {
        error = std::string(OKIENKO_VULKAN_STUB_NAME) + " is neither beside the executable nor in ../" +
                OKIENKO_VULKAN_STUB_INSTALL_DIR;
        return false;
    }
    if (SDL_Vulkan_LoadLibrary(path.c_str()) != 0)
    {
        error = "SDL_Vulkan_LoadLibrary(" + path + "): " + SDL_GetError();
        return false;
    }
    return true;
}

} // namespace okienko::kiosk::platform
