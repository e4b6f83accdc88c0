// The kiosk's voice when speech is off (kiosk.toml [speech] mode = "off", headphones not plugged in,
// or espeak-ng unavailable): says nothing, but keeps the resident's rate and volume so the
// settings screen shows what was chosen and a later switch-on starts from it.
#pragma once

#include "kiosk/speech/speech_output.hpp"

namespace okienko::kiosk::speech
{

class SilentSpeech final : public SpeechOutput
{
  public:
    explicit SilentSpeech(SpeechLevels levels = {}) : m_levels(levels) {}

    void say(std::string_view, std::string_view) override {}
    void stop() override {}
    void cue(Cue) override {}
    void setLevels(SpeechLevels levels) override { m_levels = levels; }
    SpeechLevels levels() const override { return m_levels; }

  private:
    SpeechLevels m_levels;
};

} // namespace okienko::kiosk::speech
