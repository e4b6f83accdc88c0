// PNG screenshots of the renderer (see screenshot.hpp). stb_image_write's implementation comes
// from Debian's libstb (linked through the imgui pkg-config module), so only the header is used.
#include "kiosk/platform/screenshot.hpp"

#include <filesystem>
#include <stb/stb_image_write.h>
#include <system_error>
#include <vector>

namespace okienko::kiosk::platform
{

bool saveScreenshot(SDL_Renderer* renderer, const std::string& path, std::string& error)
{
    int w = 0;
    int h = 0;
    if (SDL_GetRendererOutputSize(renderer, &w, &h) != 0 || w <= 0 || h <= 0)
    {
        error = std::string("renderer size: ") + SDL_GetError();
        return false;
    }
    const std::size_t stride = static_cast<std::size_t>(w) * 4;
    std::vector<unsigned char> pixels(stride * static_cast<std::size_t>(h));
    if (SDL_RenderReadPixels(renderer, nullptr, SDL_PIXELFORMAT_ABGR8888, pixels.data(), static_cast<int>(stride)) != 0)
    {
        error = std::string("SDL_RenderReadPixels: ") + SDL_GetError();
        return false;
    }
    // The frame is opaque; stb writes the alpha channel as read, so force it.
    for (std::size_t i = 3; i < pixels.size(); i += 4)
        pixels[i] = 255;
    const std::filesystem::path target(path);
    if (target.has_parent_path())
    {
        std::error_code ec;
        std::filesystem::create_directories(target.parent_path(), ec);
    }
    if (stbi_write_png(path.c_str(), w, h, 4, pixels.data(), static_cast<int>(stride)) == 0)
    {
        error = "could not write " + path;
        return false;
    }
    return true;
}

} // namespace okienko::kiosk::platform
