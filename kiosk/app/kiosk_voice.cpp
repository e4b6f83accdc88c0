// KioskVoice: a relay keeps the one SpeechOutput& the screens hold valid while the engine behind it
// changes from silence to espeak-ng; levels carry over. With mode "off" the engine starts at the
// first sound asked for (on the UI thread, as SDL's audio start wants): a kiosk nobody turns speech
// on for neither loads espeak-ng nor starts SDL's audio, and its first frame comes no later.
#include "kiosk/app/kiosk_voice.hpp"

#include "kiosk/speech/espeak_speech.hpp"
#include "kiosk/speech/silent_speech.hpp"

#include <utility>

namespace okienko::kiosk
{

class KioskVoice::Relay final : public speech::SpeechOutput
{
  public:
    explicit Relay(speech::SpeechLevels levels) : m_engine(std::make_unique<speech::SilentSpeech>(levels)) {}

    void say(std::string_view text, std::string_view language) override
    {
        beforeSound();
        m_engine->say(text, language);
    }
    void stop() override { m_engine->stop(); }
    void cue(speech::Cue which) override
    {
        beforeSound();
        m_engine->cue(which);
    }
    void setLevels(speech::SpeechLevels levels) override { m_engine->setLevels(levels); }
    speech::SpeechLevels levels() const override { return m_engine->levels(); }

    void replace(std::unique_ptr<speech::SpeechOutput> engine) { m_engine = std::move(engine); }
    /// Runs once, before the first sound is asked for (the engine's lazy start).
    void setBeforeSound(std::function<void()> once) { m_beforeSound = std::move(once); }
    bool silent() const { return dynamic_cast<const speech::SilentSpeech*>(m_engine.get()) != nullptr; }

  private:
    void beforeSound()
    {
        if (m_beforeSound)
            std::exchange(m_beforeSound, nullptr)();
    }

    std::unique_ptr<speech::SpeechOutput> m_engine;
    std::function<void()> m_beforeSound;
};

KioskVoice::KioskVoice(const SpeechSection& settings, LogFunction log)
    : m_settings(settings), m_log(std::move(log)),
      m_relay(std::make_unique<Relay>(speech::SpeechLevels{settings.ratePercent, settings.volumePercent}))
{
}

KioskVoice::~KioskVoice() = default;

void KioskVoice::start(AudioHardware hardware)
{
    m_headphones = std::move(hardware.headphonesPluggedIn);
    m_openSink = std::move(hardware.openSink);
    if (m_settings.mode == SpeechMode::Off)
        m_relay->setBeforeSound([this] { startEngine(); });
    else
        startEngine();
}

void KioskVoice::startEngine()
{
    if (!m_openSink || !m_relay->silent())
        return;
    speech::EspeakOptions options;
    options.dataPath = m_settings.voiceData;
    options.levels = m_relay->levels();
    options.log = m_log;
    auto engine = speech::EspeakSpeech::create(m_openSink(), std::move(options));
    if (!engine.ok())
    {
        if (m_log)
            m_log(engine.error().toString() + "; the kiosk stays silent");
        return;
    }
    m_relay->replace(std::move(engine).value());
}

void KioskVoice::stop()
{
    m_relay->setBeforeSound(nullptr);
    m_relay->replace(std::make_unique<speech::SilentSpeech>(m_relay->levels()));
}

speech::SpeechOutput& KioskVoice::output()
{
    return *m_relay;
}

bool KioskVoice::engineRunning() const
{
    return !m_relay->silent();
}

bool KioskVoice::onAtSessionStart()
{
    switch (m_settings.mode)
    {
    case SpeechMode::Off:
        return false;
    case SpeechMode::On:
        return true;
    case SpeechMode::Headphones:
        break;
    }
    if (!m_headphones)
        return false; // not started: the platform has not said what it can tell yet
    const std::optional<bool> plugged = m_headphones();
    if (!plugged && !m_loggedNoJack && m_log)
        m_log("speech.mode = \"headphones\", but this audio hardware does not report headphones: sessions start "
              "with speech off");
    m_loggedNoJack = m_loggedNoJack || !plugged;
    return plugged.value_or(false);
}

} // namespace okienko::kiosk
