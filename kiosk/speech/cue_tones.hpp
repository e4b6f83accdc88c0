// The non-speech cues, generated rather than shipped as sound files: a short bright click when
// something is activated, and a falling two-tone "uh-oh" for an error, distinct in length and
// pitch so neither is mistaken for the other or for a voice.
#pragma once

#include "kiosk/speech/speech_output.hpp"

#include <cstdint>
#include <vector>

namespace okienko::kiosk::speech
{

/// The cue's samples (mono, 16 bit) at `sampleRate` Hz, at full (100 %) volume.
std::vector<std::int16_t> cueSamples(Cue which, int sampleRate);

} // namespace okienko::kiosk::speech
