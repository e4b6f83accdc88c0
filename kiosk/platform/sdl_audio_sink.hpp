// The sound card as an AudioSink: an SDL2 audio device opened at the first sound (so a kiosk whose
// speech is never turned on never touches the audio hardware), fed with SDL_QueueAudio and
// emptied at once with SDL_ClearQueuedAudio when an utterance is interrupted.
#pragma once

#include "kiosk/speech/audio_sink.hpp"

#include <SDL.h>

namespace okienko::kiosk::platform
{

class SdlAudioSink final : public speech::AudioSink
{
  public:
    /// Starts SDL's audio subsystem; construct on the main thread (SDL's rule), before the speech
    /// worker can call open().
    SdlAudioSink();
    ~SdlAudioSink() override;
    SdlAudioSink(const SdlAudioSink&) = delete;
    SdlAudioSink& operator=(const SdlAudioSink&) = delete;

    /// Opens the default output device for mono 16-bit samples at `sampleRate` (SDL converts to
    /// what the device takes). NoAudioDevice with SDL's reason when there is none.
    Status<speech::SpeechError> open(int sampleRate) override;
    void write(const std::int16_t* samples, std::size_t count) override;
    void flush() override;
    bool drain(std::chrono::milliseconds limit) override;

  private:
    bool m_subsystem = false;
    SDL_AudioDeviceID m_device = 0;
    int m_sampleRate = 0;
};

} // namespace okienko::kiosk::platform
