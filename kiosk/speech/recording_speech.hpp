// A SpeechOutput that keeps what it was asked to say instead of sounding it: the automation
// runner's `expect-spoken` reads it, unit tests check announcements with it, and with a path it
// also appends each utterance to a text file (one "language<TAB>text" line) for a script run that
// must leave a transcript.
#pragma once

#include "kiosk/speech/speech_output.hpp"

#include <fstream>
#include <string>
#include <vector>

namespace okienko::kiosk::speech
{

struct Utterance
{
    std::string text;
    std::string language;
};

class RecordingSpeech final : public SpeechOutput
{
  public:
    RecordingSpeech() = default;
    /// Also appends every utterance to `transcriptPath` (created or truncated now).
    explicit RecordingSpeech(const std::string& transcriptPath);

    void say(std::string_view text, std::string_view language) override;
    void stop() override;
    void cue(Cue which) override;
    void setLevels(SpeechLevels levels) override { m_levels = levels; }
    SpeechLevels levels() const override { return m_levels; }

    /// Everything said since the start (or the last clear()), oldest first.
    const std::vector<Utterance>& utterances() const { return m_utterances; }
    const std::vector<Cue>& cues() const { return m_cues; }
    int stops() const { return m_stops; }
    void clear();

  private:
    std::vector<Utterance> m_utterances;
    std::vector<Cue> m_cues;
    SpeechLevels m_levels;
    int m_stops = 0;
    std::ofstream m_transcript;
};

} // namespace okienko::kiosk::speech
