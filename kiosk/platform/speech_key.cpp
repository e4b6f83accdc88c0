// SDL_GetKeyFromName and SDL_GetScancodeFromName read SDL's static name tables: they need no
// SDL_Init (SDL_GetScancodeFromKey would: it asks the keyboard's current keymap).
#include "kiosk/platform/speech_key.hpp"

namespace okienko::kiosk::platform
{

SpeechKey speechKey(const std::string& name)
{
    const SDL_Keycode key = SDL_GetKeyFromName(name.c_str());
    if (key == SDLK_UNKNOWN)
        return SpeechKey{};
    const SDL_Scancode scancode = SDL_GetScancodeFromName(name.c_str());
    return SpeechKey{key, scancode != SDL_SCANCODE_UNKNOWN ? scancode : SDL_GetScancodeFromKey(key)};
}

} // namespace okienko::kiosk::platform
