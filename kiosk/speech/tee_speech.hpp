// Two voices as one: a script run with --speech-wav keeps the words it heard (RecordingSpeech, what
// `expect-spoken` reads) and also sounds them through the engine into the WAV file.
#pragma once

#include "kiosk/speech/speech_output.hpp"

namespace okienko::kiosk::speech
{

class TeeSpeech final : public SpeechOutput
{
  public:
    /// Both must outlive the tee; `first`'s levels are the ones reported.
    TeeSpeech(SpeechOutput& first, SpeechOutput& second) : m_first(first), m_second(second) {}

    void say(std::string_view text, std::string_view language) override
    {
        m_first.say(text, language);
        m_second.say(text, language);
    }
    void stop() override
    {
        m_first.stop();
        m_second.stop();
    }
    void cue(Cue which) override
    {
        m_first.cue(which);
        m_second.cue(which);
    }
    void setLevels(SpeechLevels levels) override
    {
        m_first.setLevels(levels);
        m_second.setLevels(levels);
    }
    SpeechLevels levels() const override { return m_first.levels(); }

  private:
    SpeechOutput& m_first;
    SpeechOutput& m_second;
};

} // namespace okienko::kiosk::speech
