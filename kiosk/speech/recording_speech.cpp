// RecordingSpeech: the utterances kept in order, and the transcript file flushed per line so a
// killed run still leaves what was said before it died.
#include "kiosk/speech/recording_speech.hpp"

namespace okienko::kiosk::speech
{

RecordingSpeech::RecordingSpeech(const std::string& transcriptPath)
    : m_transcript(transcriptPath, std::ios::out | std::ios::trunc)
{
}

void RecordingSpeech::say(std::string_view text, std::string_view language)
{
    m_utterances.push_back(Utterance{std::string(text), std::string(language)});
    if (m_transcript.is_open())
    {
        m_transcript << language << '\t' << text << '\n';
        m_transcript.flush();
    }
}

void RecordingSpeech::stop()
{
    ++m_stops;
}

void RecordingSpeech::cue(Cue which)
{
    m_cues.push_back(which);
}

void RecordingSpeech::clear()
{
    m_utterances.clear();
    m_cues.clear();
    m_stops = 0;
}

} // namespace okienko::kiosk::speech
