// A SpeechOutput that says nothing: the kiosk's voice before an engine is attached (a build or a
// test without one). It keeps the levels so the resident's settings still round-trip.
#pragma once

#include "kiosk/speech/speech_output.hpp"

namespace okienko::kiosk::speech
{

class SilentSpeech final : public SpeechOutput
{
  public:
    void say(std::string_view, std::string_view) override {}
    void stop() override {}
    void cue(Cue) override {}
    void setLevels(SpeechLevels levels) override { m_levels = levels; }
    SpeechLevels levels() const override { return m_levels; }

  private:
    SpeechLevels m_levels;
};

} // namespace okienko::kiosk::speech
