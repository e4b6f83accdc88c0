// The kiosk's voice as the rest of the kiosk sees it: say a text in a language (cutting off what is
// being said), stop, play a short cue, and the resident's rate and volume. The UI thread calls it
// and never waits: an implementation synthesises and plays on threads of its own. The espeak-ng
// engine speaks through the sound card or into a WAV file; RecordingSpeech keeps the texts for
// tests and the automation runner.
#pragma once

#include <string_view>

namespace okienko::kiosk::speech
{

/// Short non-speech sounds: a click when something is activated, a distinct tone for an error.
enum class Cue
{
    Activate,
    Error,
};

/// Rate and volume as the resident sets them: 100 is the default (a calm pace for seniors).
struct SpeechLevels
{
    int ratePercent = 100;   ///< 50 (slowest) … 200 (fastest)
    int volumePercent = 100; ///< 10 (quietest) … 200 (loudest)
};

class SpeechOutput
{
  public:
    virtual ~SpeechOutput() = default;

    /// Speaks `text` in `language` ("pl", "uk" or "en"), interrupting whatever is being spoken.
    /// Returns at once.
    virtual void say(std::string_view text, std::string_view language) = 0;
    /// Stops speaking (the idle reset, turning speech off).
    virtual void stop() = 0;
    /// Plays a cue (callers check whether the resident switched cues on).
    virtual void cue(Cue which) = 0;
    virtual void setLevels(SpeechLevels levels) = 0;
    virtual SpeechLevels levels() const = 0;
};

} // namespace okienko::kiosk::speech
