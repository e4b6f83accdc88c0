// Where the kiosk's voice goes: mono 16-bit PCM handed over by the speech worker. The sound card
// (SdlAudioSink, kiosk/platform: only the platform layer sees SDL) and a WAV file (WavFileSink:
// tests, the `--say --wav` bring-up and a script run without a sound card) implement it. There is
// deliberately no null sink: when no sink can be opened the engine reports it (a SpeechError) and
// the kiosk goes on without sound.
#pragma once

#include "kiosk/speech/speech_error.hpp"
#include "shared/util/result.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>

namespace okienko::kiosk::speech
{

class AudioSink
{
  public:
    virtual ~AudioSink() = default;

    /// Gets ready to receive samples at `sampleRate` Hz. Called on the speech worker before the
    /// first write and again after a failure (a device plugged in later); idempotent once open.
    virtual Status<SpeechError> open(int sampleRate) = 0;
    /// Queues `count` samples after those already queued. Speech worker only.
    virtual void write(const std::int16_t* samples, std::size_t count) = 0;
    /// Drops what is queued but not yet heard: the interruption of an utterance. Speech worker only.
    virtual void flush() = 0;
    /// Waits until what was queued has been heard, at most `limit`; false when it had not.
    /// Called only while the worker is idle (EspeakSpeech::waitUntilDone).
    virtual bool drain(std::chrono::milliseconds limit) = 0;
};

} // namespace okienko::kiosk::speech
