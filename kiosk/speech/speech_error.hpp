// Why the kiosk cannot speak: the engine's data is missing, a language has no voice, no audio
// device opens. A value, logged by the app without anything the resident said.
#pragma once

#include <string>
#include <string_view>

namespace okienko::kiosk::speech
{

enum class SpeechProblem
{
    None,
    EngineUnavailable, ///< espeak-ng could not start (its data directory missing or unreadable).
    VoiceMissing,      ///< No voice for the language asked for ("uk" without espeak-ng-data's uk).
    NoAudioDevice,     ///< The sound card (or the WAV file) could not be opened.
};

struct SpeechError
{
    SpeechProblem problem = SpeechProblem::None;
    std::string detail; ///< The language, the device's or the file's error; never spoken text.

    /// "voice missing: uk" — one line for the log.
    std::string toString() const
    {
        std::string_view what = "no problem";
        switch (problem)
        {
        case SpeechProblem::None:
            break;
        case SpeechProblem::EngineUnavailable:
            what = "speech engine unavailable";
            break;
        case SpeechProblem::VoiceMissing:
            what = "voice missing";
            break;
        case SpeechProblem::NoAudioDevice:
            what = "no audio device";
            break;
        }
        return detail.empty() ? std::string(what) : std::string(what) + ": " + detail;
    }
};

} // namespace okienko::kiosk::speech
