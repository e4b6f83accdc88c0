// The keypad key that turns the voice on and off, as SDL knows it: [speech] toggle_key (an SDL key
// name the configuration has already checked, kiosk/core/speech_toggle_key.hpp) resolved once.
#pragma once

#include <SDL.h>
#include <string>

namespace okienko::kiosk::platform
{

struct SpeechKey
{
    SDL_Keycode key = SDLK_F1;
    SDL_Scancode scancode = SDL_SCANCODE_F1; ///< what the automation runner sends for it
};

/// The key named `name` (SDL's spelling, any case); F1 when SDL does not know the name.
SpeechKey speechKey(const std::string& name);

} // namespace okienko::kiosk::platform
