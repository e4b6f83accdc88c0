// An AudioSink that writes what would be heard into a 16-bit mono WAV file: the audio tests, the
// `okienko-kiosk --say … --wav FILE` bring-up and a script run without a sound card. The header's
// sizes are brought up to date at every drain() and when the sink closes, so the file is complete
// whenever the speech engine is idle.
#pragma once

#include "kiosk/speech/audio_sink.hpp"

#include <cstdio>
#include <filesystem>

namespace okienko::kiosk::speech
{

class WavFileSink final : public AudioSink
{
  public:
    explicit WavFileSink(std::filesystem::path path);
    ~WavFileSink() override;
    WavFileSink(const WavFileSink&) = delete;
    WavFileSink& operator=(const WavFileSink&) = delete;

    /// Creates (or truncates) the file at the first call.
    Status<SpeechError> open(int sampleRate) override;
    void write(const std::int16_t* samples, std::size_t count) override;
    /// A file keeps what was already written: an interruption shows as the next utterance
    /// following at once. Counted for tests.
    void flush() override { ++m_flushes; }
    bool drain(std::chrono::milliseconds limit) override;

    std::size_t samplesWritten() const { return m_samples; }
    int flushes() const { return m_flushes; }

  private:
    void writeHeader();

    std::filesystem::path m_path;
    std::FILE* m_file = nullptr;
    int m_sampleRate = 0;
    std::size_t m_samples = 0;
    int m_flushes = 0;
};

} // namespace okienko::kiosk::speech
