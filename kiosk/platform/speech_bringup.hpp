// The voice's bring-up and test command, `okienko-kiosk --say TEXT [--lang pl|uk|en] [--wav FILE]
// [--rate N] [--volume N] [--voice-data DIR]`: speaks TEXT through the sound card (or into a WAV
// file), waits until it has been heard and exits — for the installer checking the loudspeaker or
// headphones, and for tests without a sound card.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>

namespace okienko::kiosk::platform
{

struct SayRequest
{
    std::string text;
    std::string language = "pl";
    std::filesystem::path wav; ///< empty = the sound card
    int ratePercent = 100;
    int volumePercent = 100;
    std::filesystem::path voiceData; ///< empty = Debian's espeak-ng-data
};

/// 0 when the text was spoken (or written), 1 when it could not be (no voice for the language, no
/// audio device, the engine missing); the reason goes to `out`.
int runSay(const SayRequest& request, std::ostream& out);

} // namespace okienko::kiosk::platform
