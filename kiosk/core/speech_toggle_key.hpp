// Which key of a USB or tactile keypad turns the voice on and off ([speech] toggle_key): an SDL
// key name, from a list of keys that type nothing (function keys, Help, Menu, navigation and media
// keys), so the key never also types into a field or does what a keyboard's Enter or Escape does.
// kiosk/core has no SDL: the names are SDL's spelling, resolved by the platform
// (kiosk/platform/speech_key), and a test there proves each one resolves.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace okienko::kiosk
{

inline constexpr std::string_view kDefaultSpeechToggleKey = "F1";

/// Every name toggle_key accepts, in SDL's spelling ("F1" … "F24", "Help", "Menu", …).
const std::vector<std::string>& speechToggleKeyNames();

/// `name` in SDL's spelling when it is one of them (compared without case, as SDL does); nullopt
/// for a key that types (letters, digits, Space), Enter, Escape, Tab, Backspace and unknown names.
std::optional<std::string> speechToggleKey(std::string_view name);

} // namespace okienko::kiosk
