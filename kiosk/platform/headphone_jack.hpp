// Whether headphones are plugged in, for kiosk.toml [speech] mode = "headphones". SDL2 has no such
// query; ALSA reports it only where the sound card's driver exposes a jack control (Intel HDA
// codecs: a "Headphone Jack" switch). USB sound cards, HDMI audio and machines without a sound
// card cannot tell, and the answer is then "unknown" (docs/speech.md).
#pragma once

#include <optional>

namespace okienko::kiosk::platform
{

/// true or false from the first sound card with a headphone jack control; nullopt when no card
/// reports one.
std::optional<bool> headphonesPluggedIn();

} // namespace okienko::kiosk::platform
