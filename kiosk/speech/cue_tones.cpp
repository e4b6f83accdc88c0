// Cue synthesis: sine tones with short fades (no clicks at the edges of the error tones) and an
// exponential decay for the activation click. Levels stay well under full scale so the volume
// setting can raise them without clipping at 100 %.
#include "kiosk/speech/cue_tones.hpp"

#include <cmath>
#include <numbers>

namespace okienko::kiosk::speech
{
namespace
{

struct Tone
{
    double hz;
    double seconds;
};

void appendTone(std::vector<std::int16_t>& out, Tone tone, int sampleRate, double amplitude, bool decay)
{
    const auto count = static_cast<std::size_t>(tone.seconds * sampleRate);
    const double fade = 0.005 * sampleRate; // 5 ms in and out
    for (std::size_t i = 0; i < count; ++i)
    {
        const double t = static_cast<double>(i) / sampleRate;
        double envelope = 1.0;
        if (decay)
            envelope = std::exp(-t / (tone.seconds / 4.0));
        const double fromStart = static_cast<double>(i);
        const double toEnd = static_cast<double>(count - i);
        if (fromStart < fade)
            envelope *= fromStart / fade;
        if (toEnd < fade)
            envelope *= toEnd / fade;
        const double v = amplitude * envelope * std::sin(2.0 * std::numbers::pi * tone.hz * t);
        out.push_back(static_cast<std::int16_t>(std::lround(v * 32767.0)));
    }
}

void appendSilence(std::vector<std::int16_t>& out, double seconds, int sampleRate)
{
    out.insert(out.end(), static_cast<std::size_t>(seconds * sampleRate), std::int16_t{0});
}

} // namespace

std::vector<std::int16_t> cueSamples(Cue which, int sampleRate)
{
    std::vector<std::int16_t> out;
    switch (which)
    {
    case Cue::Activate:
        // 30 ms at 2 kHz, decaying: a "tick" shorter than any syllable.
        appendTone(out, Tone{2000.0, 0.030}, sampleRate, 0.45, true);
        break;
    case Cue::Error:
        // 150 ms at 660 Hz, a 40 ms gap, 220 ms at 440 Hz: a falling fifth, the usual "no".
        appendTone(out, Tone{660.0, 0.150}, sampleRate, 0.40, false);
        appendSilence(out, 0.040, sampleRate);
        appendTone(out, Tone{440.0, 0.220}, sampleRate, 0.40, false);
        break;
    }
    return out;
}

} // namespace okienko::kiosk::speech
