// The kiosk's voice as the app composes it from kiosk.toml [speech]: espeak-ng into the sink the
// platform layer opens (the sound card through SDL, or a WAV file for a script run), or silence
// when the engine cannot start. A resident can turn speech on with the speech key on a kiosk
// configured "off", so the engine is there in every mode: started at once with "on" and
// "headphones", at the first sound asked for with "off". The mode only decides whether a session
// starts speaking (onAtSessionStart). The sink opens at the first sound. No SDL here.
#pragma once

#include "kiosk/core/config.hpp"
#include "kiosk/speech/audio_sink.hpp"
#include "kiosk/speech/speech_output.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace okienko::kiosk
{

/// What the platform layer gives the voice: its sink and, for mode "headphones", the jack.
struct AudioHardware
{
    std::function<std::unique_ptr<speech::AudioSink>()> openSink;
    /// true / false from the hardware; nullopt when it cannot tell.
    std::function<std::optional<bool>()> headphonesPluggedIn;
};

class KioskVoice
{
  public:
    using LogFunction = std::function<void(const std::string&)>;

    /// Silent, with the configured rate and volume, until start().
    KioskVoice(const SpeechSection& settings, LogFunction log);
    ~KioskVoice();
    KioskVoice(const KioskVoice&) = delete;
    KioskVoice& operator=(const KioskVoice&) = delete;

    /// Starts espeak-ng into `hardware.openSink()`'s sink — now, or with mode "off" at the first
    /// say() or cue() — and stays silent (logging why) when the engine cannot start. Call once, on
    /// the main thread (the UI thread, which also makes the first sound), before the first frame.
    void start(AudioHardware hardware);
    /// Ends the engine and closes its sink; silent (levels kept) from then on.
    void stop();
    /// Valid for the app's life; the same object before and after start() (it forwards).
    speech::SpeechOutput& output();
    /// Whether espeak-ng runs (false: silent, or not started yet).
    bool engineRunning() const;
    /// Whether a new session starts with speech on: mode "on", or "headphones" with headphones
    /// plugged in now (the jack read at every call — the controller asks at every session's start;
    /// before start(): off; when the hardware cannot tell: off, logged once).
    bool onAtSessionStart();
    /// Whether the resident hears the click and error cues (kiosk.toml [speech] cues).
    bool cuesOn() const { return m_settings.cues; }

  private:
    class Relay;
    void startEngine();

    SpeechSection m_settings;
    LogFunction m_log;
    std::unique_ptr<Relay> m_relay;
    std::function<std::unique_ptr<speech::AudioSink>()> m_openSink;
    std::function<std::optional<bool>()> m_headphones;
    bool m_loggedNoJack = false;
};

} // namespace okienko::kiosk
