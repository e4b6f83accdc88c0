// The WAV that `espeak-ng --stdout` writes into a pipe, read as it arrives: the header (whose
// sizes say 0x7fffffff, the length being unknown when it is written) is parsed up to the "data"
// chunk, then every byte after it is 16-bit mono PCM. Bytes come in whatever pieces read() gives;
// an odd byte at the end of a piece waits for the next.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace okienko::kiosk::speech
{

class WavStream
{
  public:
    /// Takes the next bytes of the stream and appends the whole samples they complete to
    /// `samples`. False (and `error()` says why) when the header is not 16-bit mono PCM.
    bool feed(const std::uint8_t* bytes, std::size_t count, std::vector<std::int16_t>& samples);
    /// The fmt chunk's rate once the header has been read; nullopt before.
    std::optional<int> sampleRate() const { return m_inData ? std::optional<int>(m_sampleRate) : std::nullopt; }
    const std::string& error() const { return m_error; }

  private:
    /// Parses m_header as far as it goes; true while it is (or may still become) valid.
    bool parseHeader(std::vector<std::int16_t>& samples);
    void takePcm(const std::uint8_t* bytes, std::size_t count, std::vector<std::int16_t>& samples);

    std::vector<std::uint8_t> m_header;
    bool m_inData = false;
    int m_sampleRate = 0;
    std::optional<std::uint8_t> m_oddByte;
    std::string m_error;
};

} // namespace okienko::kiosk::speech
