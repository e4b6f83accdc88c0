// libokienko-vulkan-stub.so: a Vulkan loader with no driver that names the two instance extensions
// SDL 2.26's Wayland driver checks (VK_KHR_surface, VK_KHR_wayland_surface). SDL makes every
// Wayland window that is not a Vulkan one an EGL window, and loading EGL on a PC without a GPU
// maps Mesa and libLLVM (~50 MiB of PSS, never unloaded) although the kiosk's software-drawn frames
// reach the compositor as shared memory (wayland_shm_presenter.hpp). Handed to SDL with
// SDL_Vulkan_LoadLibrary, this lets the kiosk ask for a "Vulkan" window: a plain Wayland toplevel.
// Nothing draws through it: SDL only calls Vulkan when an application asks it for a surface, and
// an instance cannot be created here (vkCreateInstance answers VK_ERROR_INCOMPATIBLE_DRIVER).
// docs/decisions/0016-wayland-window-without-egl.md. Plain C ABI, no C++ runtime: the library
// is linked as C and needs libc only.
#include <cstdint>
#include <cstring>

namespace
{

using VkResult = std::int32_t;
constexpr VkResult kSuccess = 0;
constexpr VkResult kIncomplete = 5;
constexpr VkResult kLayerNotPresent = -6;
constexpr VkResult kIncompatibleDriver = -9;

// VkExtensionProperties and VkLayerProperties as the Vulkan 1.0 headers lay them out.
struct ExtensionProperties
{
    char extensionName[256];
    std::uint32_t specVersion;
};
struct LayerProperties
{
    char layerName[256];
    std::uint32_t specVersion;
    std::uint32_t implementationVersion;
    char description[256];
};

using VoidFunction = void (*)();

struct Extension
{
    const char* name;
    std::uint32_t specVersion;
};
constexpr Extension kExtensions[] = {{"VK_KHR_surface", 25}, {"VK_KHR_wayland_surface", 6}};
constexpr std::uint32_t kExtensionCount = sizeof kExtensions / sizeof kExtensions[0];

VkResult enumerateInstanceExtensionProperties(const char* layer, std::uint32_t* count, ExtensionProperties* properties)
{
    if (layer != nullptr)
    {
        *count = 0;
        return kLayerNotPresent;
    }
    if (properties == nullptr)
    {
        *count = kExtensionCount;
        return kSuccess;
    }
    const std::uint32_t written = *count < kExtensionCount ? *count : kExtensionCount;
    for (std::uint32_t i = 0; i < written; ++i)
    {
        std::memset(&properties[i], 0, sizeof properties[i]);
        std::strncpy(properties[i].extensionName, kExtensions[i].name, sizeof properties[i].extensionName - 1);
        properties[i].specVersion = kExtensions[i].specVersion;
    }
    *count = written;
    return written < kExtensionCount ? kIncomplete : kSuccess;
}

VkResult enumerateInstanceLayerProperties(std::uint32_t* count, LayerProperties*)
{
    *count = 0;
    return kSuccess;
}

VkResult createInstance(const void*, const void*, void**)
{
    return kIncompatibleDriver;
}

} // namespace

extern "C" __attribute__((visibility("default"))) VoidFunction vkGetInstanceProcAddr(void* instance, const char* name)
{
    // Only the global commands exist: there is never an instance to ask about.
    if (instance != nullptr || name == nullptr)
        return nullptr;
    if (std::strcmp(name, "vkEnumerateInstanceExtensionProperties") == 0)
        return reinterpret_cast<VoidFunction>(&enumerateInstanceExtensionProperties);
    if (std::strcmp(name, "vkEnumerateInstanceLayerProperties") == 0)
        return reinterpret_cast<VoidFunction>(&enumerateInstanceLayerProperties);
    if (std::strcmp(name, "vkCreateInstance") == 0)
        return reinterpret_cast<VoidFunction>(&createInstance);
    if (std::strcmp(name, "vkGetInstanceProcAddr") == 0)
        return reinterpret_cast<VoidFunction>(&vkGetInstanceProcAddr);
    return nullptr;
}
