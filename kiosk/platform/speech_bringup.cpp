// runSay: the kiosk's own engine and sinks, so what the installer hears is what residents hear.
#include "kiosk/platform/speech_bringup.hpp"

#include "kiosk/platform/sdl_audio_sink.hpp"
#include "kiosk/speech/espeak_speech.hpp"
#include "kiosk/speech/wav_file_sink.hpp"

#include <chrono>

namespace okienko::kiosk::platform
{

int runSay(const SayRequest& request, std::ostream& out)
{
    std::unique_ptr<speech::AudioSink> sink;
    if (request.wav.empty())
        sink = std::make_unique<SdlAudioSink>();
    else
        sink = std::make_unique<speech::WavFileSink>(request.wav);
    speech::EspeakOptions options;
    options.dataPath = request.voiceData;
    options.levels = speech::clampLevels({request.ratePercent, request.volumePercent});
    auto engine = speech::EspeakSpeech::create(std::move(sink), std::move(options));
    if (!engine.ok())
    {
        out << "okienko-kiosk --say: " << engine.error().toString() << "\n";
        return 1;
    }
    speech::EspeakSpeech& voice = *engine.value();
    voice.say(request.text, request.language);
    // Five minutes is far more than any text a kiosk says; a stuck sound card must not hang a test.
    const bool done = voice.waitUntilDone(std::chrono::minutes(5));
    if (const std::optional<speech::SpeechError> problem = voice.problem())
    {
        out << "okienko-kiosk --say: " << problem->toString() << "\n";
        return 1;
    }
    if (!done)
    {
        out << "okienko-kiosk --say: the sound card did not play the text within five minutes\n";
        return 1;
    }
    out << "spoke in " << request.language << " at " << speech::wordsPerMinute(voice.levels())
        << " words a minute, volume " << voice.levels().volumePercent << " %"
        << (request.wav.empty() ? std::string() : " into " + request.wav.string()) << "\n";
    return 0;
}

} // namespace okienko::kiosk::platform
